"""Several offices, one section: a three-way merge of a returned workbook into the plan.

A workbook carries the section's data as it was exported (its *origine*, compressed into a
hidden column of the protected «Versione» sheet). When it comes back, the office's changes
are what differs between the workbook and its origine; they are applied to the plan file as
it is *now*, which other workbooks of the same section may already have changed. So two
settori filling two copies of `performance.xlsx` do not undo each other: the second import
keeps the first one's objectives. A value changed both in the plan and in the workbook, to
different values, is a conflict: reported at its cell, never decided by piao.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import zlib
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from piao.fogli.tabelle import Percorso, compatta
from piao.fogli.valori import codici, uguali, vuoto

CELLA_MAX = 32_000
"""Characters of the origine per cell (a spreadsheet cell holds at most 32,767)."""


def normale(valore: Any) -> Any:
    """Plain data without the empty values a workbook cannot tell from nothing."""
    if isinstance(valore, dict):
        return {k: n for k, v in valore.items() if not vuoto(n := normale(v))}
    if isinstance(valore, list):
        return [normale(v) for v in valore]
    return valore


def come_nella_cartella(modello: type[BaseModel], dati: Any) -> Any:
    """`dati` as the section's workbook reads them back: no empty values, a row holding only
    its text written as the text (`compatta`). The origine, the workbook's data and the
    plan's are compared in this form."""
    vista = normale(dati)
    compatta(modello, vista)
    return vista


_CHIAVI, _DATA, _ORA = "§chiavi", "§data", "§ora"
"""Tags of the packed origine for what JSON lacks: a map with keys that are not texts
(years: `target: {2027: 30}`), a date, a date and time."""


def _in_json(valore: Any) -> Any:
    if isinstance(valore, dict):
        if all(isinstance(k, str) for k in valore):
            return {k: _in_json(v) for k, v in valore.items()}
        return {_CHIAVI: [[_in_json(k), _in_json(v)] for k, v in valore.items()]}
    if isinstance(valore, list):
        return [_in_json(v) for v in valore]
    if isinstance(valore, datetime.datetime):
        return {_ORA: valore.isoformat()}
    if isinstance(valore, datetime.date):
        return {_DATA: valore.isoformat()}
    if valore is None or isinstance(valore, str | int | float):
        return valore
    return str(valore)  # no other kind of value comes from a YAML plan file


def _da_json(valore: Any) -> Any:
    if isinstance(valore, list):
        return [_da_json(v) for v in valore]
    if not isinstance(valore, dict):
        return valore
    if set(valore) == {_CHIAVI}:
        return {_da_json(k): _da_json(v) for k, v in valore[_CHIAVI]}
    if set(valore) == {_DATA}:
        return datetime.date.fromisoformat(valore[_DATA])
    if set(valore) == {_ORA}:
        return datetime.datetime.fromisoformat(valore[_ORA])
    return {k: _da_json(v) for k, v in valore.items()}


def origine_in_celle(dati: Any) -> list[str]:
    """The section's data as exported, packed for the cells of the «Versione» sheet (JSON
    with tagged dates and year keys, compressed, in base64)."""
    testo = json.dumps(_in_json(normale(dati)), ensure_ascii=False, separators=(",", ":"))
    impacchettato = base64.b64encode(zlib.compress(testo.encode("utf-8"), 9)).decode("ascii")
    return [impacchettato[i : i + CELLA_MAX] for i in range(0, len(impacchettato), CELLA_MAX)]


class OrigineIllegibile(ValueError):
    """The packed origine of a workbook cannot be read back (cells edited or cut)."""


def origine_da_celle(celle: list[str]) -> dict[str, Any]:
    """The data packed by `origine_in_celle`."""
    try:
        testo = zlib.decompress(base64.b64decode("".join(celle), validate=True)).decode("utf-8")
        dati = _da_json(json.loads(testo))
    except (binascii.Error, zlib.error, ValueError, TypeError, KeyError, RecursionError) as exc:
        raise OrigineIllegibile(str(exc)) from None
    if not isinstance(dati, dict):
        raise OrigineIllegibile("the origine is not a mapping")
    return normale(dati)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Conflitto:
    """A value changed both in the plan (since the export) and in the workbook."""

    percorso: Percorso
    """Where the value is in the workbook's data (for its cell)."""
    nel_piano: Any
    in_cartella: Any


class _Fusione:
    def __init__(self) -> None:
        self.conflitti: list[Conflitto] = []

    def valore(self, base: Any, ufficio: Any, piano: Any, percorso: Percorso) -> Any:
        if uguali(ufficio, base):
            return piano  # the office left it as exported
        if uguali(piano, base) or uguali(piano, ufficio):
            return ufficio  # only the office changed it (or both alike)
        if isinstance(ufficio, dict) and isinstance(piano, dict):
            return self.mappa(base if isinstance(base, dict) else {}, ufficio, piano, percorso)
        if all(codici(x) is not None for x in (base or [], ufficio, piano)):
            return self.lista(base or [], ufficio, piano, percorso)
        self.conflitti.append(Conflitto(percorso, piano, ufficio))
        return piano

    def mappa(
        self, base: dict[Any, Any], ufficio: dict[Any, Any], piano: dict[Any, Any], p: Percorso
    ) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for chiave in [*piano, *(k for k in ufficio if k not in piano)]:
            v = self.valore(base.get(chiave), ufficio.get(chiave), piano.get(chiave), (*p, chiave))
            if v is not None:
                out[chiave] = v
        return out

    def lista(
        self, base: list[Any], ufficio: list[Any], piano: list[Any], p: Percorso
    ) -> list[Any]:
        """Coded items matched by code: the plan's order, the office's new items after the
        item they follow in the workbook."""
        cb, cu, cp = codici(base) or [], codici(ufficio) or [], codici(piano) or []
        b, u = dict(zip(cb, base, strict=True)), dict(zip(cu, ufficio, strict=True))
        out: list[tuple[str, Any]] = []
        for codice, voce in zip(cp, piano, strict=True):
            if codice in u:
                i = cu.index(codice)
                out.append((codice, self.valore(b.get(codice), u[codice], voce, (*p, i))))
            elif codice not in b or uguali(normale(voce), b[codice]):
                if codice not in b:
                    out.append((codice, voce))  # added to the plan since the export
                # else: deleted by the office, unchanged in the plan: deleted
            else:  # deleted by the office, changed in the plan: kept, and asked
                self.conflitti.append(Conflitto(p, voce, None))
                out.append((codice, voce))
        presenti = {c for c, _ in out}
        for i, codice in enumerate(cu):
            if codice in presenti:
                continue
            if codice in b:  # deleted from the plan since the export
                if not uguali(u[codice], b[codice]):
                    self.conflitti.append(Conflitto((*p, i), None, u[codice]))
                continue
            prima = [c for c in cu[:i] if c in presenti]
            posto = next(j for j, (c, _) in enumerate(out) if c == prima[-1]) + 1 if prima else 0
            out.insert(posto, (codice, u[codice]))
            presenti.add(codice)
        return [v for _, v in out]


def unisci_tre(
    modello: type[BaseModel],
    origine: dict[str, Any],
    ufficio: dict[str, Any],
    piano: dict[str, Any],
) -> tuple[dict[str, Any], list[Conflitto]]:
    """The plan's data with the office's changes (workbook against its origine) applied;
    the conflicts, where the plan keeps its value."""
    fusione = _Fusione()
    vista = come_nella_cartella(modello, piano)
    dati = fusione.mappa(origine, normale(ufficio), vista, ())
    return dati, fusione.conflitti


def percorso_nella_cartella(
    uniti: dict[str, Any], cartella: dict[str, Any], percorso: Percorso
) -> Percorso | None:
    """Where a value of the merged data is in the workbook's data: list items found again
    by their code (the plan may hold items the workbook does not, in another order); None
    when the value comes from the plan, not from the workbook."""
    out: list[str | int] = []
    u: Any = uniti
    c: Any = cartella
    for parte in percorso:
        if isinstance(parte, int) and isinstance(u, list) and isinstance(c, list):
            if parte >= len(u):
                return None
            nella_cartella, voce, indice = codici(c), u[parte], parte
            if nella_cartella is not None and isinstance(voce, dict) and "codice" in voce:
                if str(voce["codice"]) not in nella_cartella:
                    return None
                indice = nella_cartella.index(str(voce["codice"]))
            elif parte >= len(c):
                return None
            u, c = voce, c[indice]
            out.append(indice)
            continue
        if isinstance(u, dict) and isinstance(c, dict) and parte in u:
            u, c = u[parte], c.get(parte)
        else:
            return (*out, parte)
        out.append(parte)
    return tuple(out)
