"""Small Italian wording helpers shared by rule messages and documents."""

from __future__ import annotations

from collections.abc import Iterable


def elenco(items: Iterable[str]) -> str:
    """«a», «a e b», «a, b e c»."""
    values = list(items)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " e " + values[-1]


def quanti(n: int, singolare: str, plurale: str) -> str:
    """«1 misura generale», «2 misure generali», «nessuna misura generale» is the caller's."""
    return f"{n} {singolare if n == 1 else plurale}"
