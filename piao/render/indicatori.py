"""Indicators with baseline and yearly targets, as printed in every section that has them."""

from __future__ import annotations

from collections.abc import Iterable

from piao.model.base import Indicatore
from piao.render.document import Tabella
from piao.render.formatting import numero
from piao.render.tabelle import Colonna, per_anno, tabella


def target(ind: Indicatore, anni: Iterable[int]) -> tuple[str, ...]:
    """The target of each year, «—» where none is set."""
    return tuple(numero(ind.target.get(a)) or "—" for a in anni)


def baseline(ind: Indicatore) -> str:
    if ind.baseline is None:
        return "—"
    return f"{numero(ind.baseline.valore)} ({ind.baseline.anno})"


_Riga = tuple[str, Indicatore]


def _target_anno(riga: _Riga, anno: int) -> str:
    return target(riga[1], (anno,))[0]


def tabella_indicatori(
    didascalia: str, obiettivi: Iterable[tuple[str, Iterable[Indicatore]]], anni: Iterable[int]
) -> Tabella:
    """One row per indicator, labelled by its objective, with a target column per year."""
    righe = [(obiettivo, ind) for obiettivo, inds in obiettivi for ind in inds]
    # Objectives named by code only get a narrow column; «code + title» labels a wide one.
    lunghe = any(len(obiettivo) > 12 for obiettivo, _ in righe)
    w = (24, 12, 24, 8, 10) if lunghe else (11, 13, 30, 9, 11)
    return tabella(
        didascalia,
        righe,
        Colonna("Obiettivo", w[0], lambda r: r[0]),
        Colonna("Codice", w[1], lambda r: r[1].codice),
        Colonna("Indicatore", w[2], lambda r: r[1].descrizione),
        Colonna("Unità", w[3], lambda r: r[1].unita_misura or ""),
        Colonna("Partenza", w[4], lambda r: baseline(r[1])),
        *per_anno(anni, "Target", 8, _target_anno),
    )
