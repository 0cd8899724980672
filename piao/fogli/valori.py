"""How a workbook's values compare with the plan's: what counts as nothing, what as equal,
when a list's items are matched by their codes."""

from __future__ import annotations

from typing import Any


def vuoto(valore: Any) -> bool:
    """A value a workbook cannot tell from nothing: null, an empty text, list or map."""
    return valore is None or (isinstance(valore, str | list | dict) and not valore)


def uguali(a: Any, b: Any) -> bool:
    """Two values the same for the plan: «sì» (True) is not the number 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return bool(a == b)


def codici(voci: Any) -> list[str] | None:
    """The codes of a list of coded items, as texts; None unless every item has a distinct
    one (then the items are matched by code, not by position)."""
    if not isinstance(voci, list):
        return None
    codici = [str(v["codice"]) if isinstance(v, dict) and "codice" in v else None for v in voci]
    if None in codici or len(set(codici)) != len(codici):
        return None
    return codici  # type: ignore[return-value]
