"""What the readers of legacy sheets share: the findings they give (TE001-TE008), the
reading state (sheet, mapping, columns, findings by cell) and the checks of one value."""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from piao.findings import Controllo, Finding, Location
from piao.fogli.legacy_foglio import Griglia
from piao.fogli.legacy_tracciato import Sezione, Tracciato
from piao.loading.tabelle import (
    CELLA_VUOTA,
    NON_VALIDO,
    VALORE_IGNOTO,
)
from piao.model.base import CODICE_PATTERN
from piao.model.rischi_corruttivi import chiave

_CODICE = re.compile(CODICE_PATTERN)


@dataclass
class Esito:
    """The fragment read from a sheet, the findings, and how many rows became how many items."""

    sezione: Sezione
    frammento: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    righe: int = 0
    voci: int = 0


@dataclass
class Lettura:
    griglia: Griglia
    tracciato: Tracciato
    colonne: dict[str, int] = field(default_factory=dict)
    rilievi: list[tuple[int, int, Finding]] = field(default_factory=list)

    def segnala(self, controllo: Controllo, riga: int, campo: str | None, messaggio: str) -> None:
        self.in_cella(controllo, riga, self.colonne.get(campo) if campo else None, messaggio)

    def in_cella(
        self, controllo: Controllo, riga: int, colonna: int | None, messaggio: str
    ) -> None:
        dove = Location(self.griglia.dove(riga, colonna))
        self.rilievi.append((riga, colonna or 0, controllo.finding(messaggio, dove)))

    def traduci(self, gruppo: str, testo: str) -> str:
        tabella = {chiave(k): v for k, v in self.tracciato.valori.get(gruppo, {}).items()}
        return tabella.get(chiave(testo), testo)


def vuote(lettura: Lettura, riga: int, valori: dict[str, str], campi: tuple[str, ...]) -> bool:
    vuote = [c for c in campi if c in lettura.colonne and not valori.get(c)]
    for campo in vuote:
        lettura.segnala(
            CELLA_VUOTA,
            riga,
            campo,
            f"cella vuota: «{campo}» è obbligatorio; la riga non è importata.",
        )
    return bool(vuote)


def scelta(elenco: Any, testo: str) -> str | None:
    """The code of a closed list written as the code or with spaces and capitals."""
    forma = chiave(testo).replace(" ", "_")
    return next((v for v in typing.get_args(elenco) if v == forma), None)


def codice_valido(testo: str) -> str | None:
    return testo if _CODICE.match(testo) else None


def elenco_valori(
    lettura: Lettura,
    dove: tuple[int, str, str],
    testo: str,
    leggi: Callable[[str], str | None],
) -> list[str] | None:
    """Each value of a multi-valued cell (row, field, translation group) translated and
    read; None if one does not fit."""
    riga, campo, gruppo = dove
    out: list[str] = []
    for parte in (p.strip() for p in testo.split(lettura.tracciato.separatore)):
        if not parte:
            continue
        valore = leggi(lettura.traduci(gruppo, parte))
        if valore is None:
            lettura.segnala(
                VALORE_IGNOTO,
                riga,
                campo,
                f"«{parte}» non è un valore ammesso per «{campo}»: aggiungere la traduzione in "
                f"«valori: {gruppo}:»; il valore non è importato.",
            )
            return None
        out.append(valore)
    return out


def valida(
    lettura: Lettura,
    riga: int,
    modello: type[BaseModel],
    dati: dict[str, Any],
    campi: dict[str, str],
) -> bool:
    """Whether `dati` is a valid `modello`; each error a finding at the cell of its field."""
    try:
        modello.model_validate(dati)
    except ValidationError as exc:
        for e in exc.errors():
            nomi = [str(p) for p in e["loc"] if isinstance(p, str)]
            campo = next((campi[n] for n in reversed(nomi) if n in campi), None)
            lettura.segnala(
                NON_VALIDO,
                riga,
                campo,
                f"«{'.'.join(nomi) or modello.__name__}»: {e['msg']}; la riga non è importata.",
            )
        return False
    return True
