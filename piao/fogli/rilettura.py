"""The export's last check: a workbook is read back before it is handed out, and a section
whose values would not come back the same (a value of a shape the sheets cannot hold, a
number with more digits than a spreadsheet keeps) is named, not exported."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from piao.fogli.leggi import leggi
from piao.fogli.tre_vie import come_nella_cartella, normale
from piao.model import Sezione


def _differenza(letto: Any, scritto: Any, percorso: tuple[Any, ...] = ()) -> str | None:
    """The first value that comes back different, in words («chiave: valore → letto»)."""
    if isinstance(letto, dict) and isinstance(scritto, dict):
        for k in [*scritto, *(k for k in letto if k not in scritto)]:
            if (d := _differenza(letto.get(k), scritto.get(k), (*percorso, k))) is not None:
                return d
        return None
    if isinstance(letto, list) and isinstance(scritto, list) and len(letto) == len(scritto):
        for i, (a, b) in enumerate(zip(letto, scritto, strict=True)):
            if (d := _differenza(a, b, (*percorso, i + 1))) is not None:
                return d
        return None
    if letto == scritto:
        return None
    chiave = ".".join(map(str, percorso)) or "il file"
    return f"«{chiave}»: {scritto!s:.60} tornerebbe come {letto!s:.60}"


def perdita(sezione: Sezione, dati: Any, contenuto: bytes, modello: BaseModel | None) -> str | None:
    """What the workbook read back would lose or change of the file (a value of a shape
    the sheets cannot hold, a number with more digits than a spreadsheet keeps), in words;
    None when nothing: only then is it handed out."""
    lettura = leggi(contenuto, f"{sezione.key}.xlsx")
    attesi = come_nella_cartella(sezione.model, dati)
    if (differenza := _differenza(normale(lettura.dati), attesi)) is None:
        return None
    if modello is None:
        return differenza
    try:
        uguale = sezione.model.model_validate(lettura.dati).model_dump() == modello.model_dump()
    except ValidationError:
        return differenza
    return None if uguale else differenza
