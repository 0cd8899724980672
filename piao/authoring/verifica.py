"""What `piao rollover` cannot move with certainty: the facts of the old cycle (acts,
opinions, consultations, rendiconto years, staff counts, past deadlines) become
«da verificare — <valore>» (SC010 in `piao check`), the value kept after the dash so that
confirming it is deleting the words before it. Every mark, move and removal is recorded
for the summary printed to the user."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from piao.loading.roundtrip import CommentedMap, CommentedSeq, ScalarString
from piao.model.base import DA_VERIFICARE, PLACEHOLDERS, da_verificare

PREFISSO = f"{DA_VERIFICARE} — "
"""The marker before a value carried over: plain YAML, no quotes needed."""
INIZI = frozenset({"inizio", "dal", "operativa_dal", "data_adesione"})
"""Dates that open a period: the fact stays true; its end (or the act) is what is checked."""
NOMINE = frozenset({"atto_nomina", "atto", "riferimento_normativo", "norma", "accordo"})
"""Texts naming lasting acts (appointments, regulations, laws): a date in them is no
sign that they belong to the old cycle."""
DATA_IN_TESTO = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass(frozen=True)
class Voce:
    """One value the rollover marked, moved or dropped."""

    file: str
    percorso: str
    valore: str
    motivo: str


@dataclass
class Registro:
    """What the rollover did, for the summary printed to the user."""

    vecchio: int
    """First year of the old triennio."""
    da_verificare: list[Voce] = field(default_factory=list)
    spostati: list[Voce] = field(default_factory=list)
    rimossi: list[Voce] = field(default_factory=list)

    @property
    def inizio(self) -> datetime.date:
        """First day of the new triennio."""
        return datetime.date(self.vecchio + 1, 1, 1)

    def marca(
        self, node: Any, key: Any, file: str, path: str, motivo: str, *, proposta: Any = None
    ) -> None:
        """Replace node[key] by «da verificare — <valore>» (the proposal when given, the
        old value otherwise)."""
        valore = node[key]
        if valore is None or isinstance(valore, dict | list) or _segnato(valore):
            return
        nuovo = PREFISSO + testo(valore if proposta is None else proposta)
        if proposta is None and isinstance(valore, ScalarString):
            # A folded or literal text keeps its style and line breaks: only its first
            # line changes.
            marcato = type(valore)(PREFISSO + str(valore))
            if hasattr(valore, "fold_pos"):
                marcato.fold_pos = [i + len(PREFISSO) for i in valore.fold_pos]
            node[key] = marcato
        else:
            node[key] = nuovo
        self.da_verificare.append(Voce(file, path, testo(valore), motivo))

    def rimosso(self, file: str, path: str, valore: str, motivo: str) -> None:
        self.rimossi.append(Voce(file, path, valore, motivo))

    def spostato(self, file: str, path: str, valore: str, motivo: str) -> None:
        self.spostati.append(Voce(file, path, valore, motivo))


def _segnato(value: Any) -> bool:
    return isinstance(value, str) and (da_verificare(value) or value.strip() in PLACEHOLDERS)


def testo(value: Any) -> str:
    """A value as it is written in YAML (dates as AAAA-MM-GG, amounts without a trailing
    «.0»)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return " ".join(str(value).split())


def un_anno_dopo(d: datetime.date) -> datetime.date:
    """The same day one year later (29 February becomes 28 February)."""
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return d.replace(year=d.year + 1, day=28)


def percorso(path: tuple[Any, ...]) -> str:
    """«misure[MIS-01].fasi[0].scadenza»: a list item by its code when it has one."""
    out = ""
    for i, p in enumerate(path):
        in_elenco = isinstance(p, int) or (
            i > 0 and isinstance(p, str) and "-" in p and p.isupper()
        )
        out += f"[{p}]" if in_elenco else (f".{p}" if out else str(p))
    return out


def _vecchia_in_testo(value: str, r: Registro) -> bool:
    """A text citing a date of the old cycle (in its first year, or the 31/12 before it,
    the date of the old staff counts) that came before the new triennio."""
    for g, m, a in DATA_IN_TESTO.findall(value):
        try:
            d = datetime.date(int(a), int(m), int(g))
        except ValueError:
            continue
        if d < r.inizio and (d.year >= r.vecchio or d == datetime.date(r.vecchio - 1, 12, 31)):
            return True
    return False


def date_vecchie(node: Any, r: Registro, file: str, path: tuple[Any, ...] = ()) -> None:
    """Mark, anywhere in a file, the dates of the old cycle left after the specific
    handlers: a date before the new triennio that falls in the old first year, or a
    reference date (`al`) of a count; and a text citing such a date."""
    if isinstance(node, CommentedMap):
        voci: list[tuple[Any, Any]] = list(node.items())
    elif isinstance(node, CommentedSeq):
        voci = list(enumerate(node))
    else:
        return
    for key, value in voci:
        if isinstance(value, CommentedMap | CommentedSeq):
            codice = value.get("codice") if isinstance(value, CommentedMap) else None
            passo = codice if isinstance(key, int) and isinstance(codice, str) else key
            date_vecchie(value, r, file, (*path, passo))
            continue
        nome = key if isinstance(key, str) else (path[-1] if path else "")
        if isinstance(value, datetime.date) and value < r.inizio and key not in INIZI:
            if key == "al":
                r.marca(
                    node,
                    key,
                    file,
                    percorso((*path, key)),
                    "data di riferimento del ciclo precedente (conteggio o periodo da aggiornare)",
                )
            elif value.year >= r.vecchio:
                r.marca(
                    node,
                    key,
                    file,
                    percorso((*path, key)),
                    "data del ciclo precedente, già passata",
                )
        elif (
            isinstance(value, str)
            and nome not in NOMINE
            and not _segnato(value)
            and _vecchia_in_testo(value, r)
        ):
            r.marca(
                node,
                key,
                file,
                percorso((*path, key)),
                "testo che cita una data del ciclo precedente",
            )
