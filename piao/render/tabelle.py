"""Tables declared by columns: each column states its header, relative width and how a
row object becomes its cell, so the three can never drift apart."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from piao.render.document import Definizioni, Tabella

R = TypeVar("R")
V = TypeVar("V")


@dataclass(frozen=True)
class Colonna(Generic[R]):
    """One column of a table whose rows are objects of type R."""

    intestazione: str
    larghezza: int
    """Relative width (the renderers normalise the widths of a table)."""
    cella: Callable[[R], str]
    totale: str | None = None
    """This column's cell in the total row («Totale», a sum); a table has a total row
    when any of its columns has one."""


def tabella(didascalia: str, righe: Iterable[R], *colonne: Colonna[R]) -> Tabella:
    """The table of `righe`, one row per object, in the given columns."""
    totale = (
        tuple(c.totale or "" for c in colonne)
        if any(c.totale is not None for c in colonne)
        else None
    )
    return Tabella(
        didascalia,
        tuple(c.intestazione for c in colonne),
        tuple(tuple(c.cella(r) for c in colonne) for r in righe),
        tuple(c.larghezza for c in colonne),
        totale,
    )


def per_anno(
    anni: Iterable[int], prefisso: str, larghezza: int, cella: Callable[[R, int], str]
) -> list[Colonna[R]]:
    """One column per year («Target 2026», «Target 2027» ...)."""

    def colonna(anno: int) -> Colonna[R]:
        return Colonna(f"{prefisso} {anno}", larghezza, lambda r: cella(r, anno))

    return [colonna(a) for a in anni]


def tabella_annuale(
    didascalia: str, valori: Mapping[int, V], formato: Callable[[V], str]
) -> Tabella:
    """A one-row table of yearly values, the years as headers, in equal columns."""

    def colonna(anno: int) -> Colonna[Mapping[int, V]]:
        return Colonna(str(anno), 1, lambda v: formato(v[anno]))

    return tabella(didascalia, [valori], *(colonna(a) for a in sorted(valori)))


def definizioni(didascalia: str | None, *righe: tuple[str, object]) -> Definizioni:
    """Label and value rows, leaving out the labels without a value."""
    return Definizioni(tuple((k, str(v)) for k, v in righe if v), didascalia)
