"""Where every key and value of a parsed file was written: a small tree parallel to the data.

Both parsers build it — the fast event reader (`veloce`) in the same pass that builds the
data, the careful round-trip parser (`yamlio`) from its line/column records — so that
locating a finding never parses a file again. Positions are 0-based (line, column).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Pos = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Mappa:
    """A mapping: where it starts and, for each key as written, (key line, key column,
    value line, value column, the value's own tree or None for a scalar)."""

    riga: int
    colonna: int
    voci: dict[Any, tuple[int, int, int, int, Nodo | None]]


@dataclass(frozen=True, slots=True)
class Elenco:
    """A sequence: where it starts and, for each item, (line, column, its tree or None)."""

    riga: int
    colonna: int
    elementi: list[tuple[int, int, Nodo | None]]


Nodo = Mappa | Elenco


def inizio(nodo: Nodo | None) -> Pos | None:
    """Where a mapping or a sequence starts."""
    return None if nodo is None else (nodo.riga, nodo.colonna)


def posizione(nodo: Nodo | None, parte: Any, *, chiave: bool) -> Pos | None:
    """The key's (or, with chiave=False, the value's) place of `parte` in `nodo`; for a
    sequence item both are the item's place. None when `parte` is not there."""
    if isinstance(nodo, Mappa):
        try:
            voce = nodo.voci.get(parte)
        except TypeError:  # an unhashable part
            return None
        if voce is None:
            return None
        return (voce[0], voce[1]) if chiave else (voce[2], voce[3])
    if _indice(nodo, parte):
        assert isinstance(nodo, Elenco)
        item = nodo.elementi[parte]
        return item[0], item[1]
    return None


def figlio(nodo: Nodo | None, parte: Any) -> Nodo | None:
    """The tree of the value at `parte`, None for a scalar or a missing part."""
    if isinstance(nodo, Mappa):
        try:
            voce = nodo.voci.get(parte)
        except TypeError:
            return None
        return None if voce is None else voce[4]
    if _indice(nodo, parte):
        assert isinstance(nodo, Elenco)
        sotto: Nodo | None = nodo.elementi[parte][2]
        return sotto
    return None


def _indice(nodo: Nodo | None, parte: Any) -> bool:
    """`parte` is the index of an item of the sequence `nodo`."""
    return (
        isinstance(nodo, Elenco)
        and isinstance(parte, int)
        and not isinstance(parte, bool)
        and 0 <= parte < len(nodo.elementi)
    )


def chiavi(nodo: Nodo | None) -> list[Any]:
    """The keys of a mapping as written (empty for anything else)."""
    return list(nodo.voci) if isinstance(nodo, Mappa) else []
