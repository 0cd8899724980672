"""Small helpers shared by the rule modules."""

from __future__ import annotations

import datetime
import unicodedata

from piao.lingua import elenco
from piao.model.base import PLACEHOLDERS


def vuoto(value: object) -> bool:
    """True for None, an empty or blank text, an empty list or map, or a placeholder."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip() or segnaposto(value)
    if isinstance(value, list | dict | tuple):
        return len(value) == 0
    return False


def segnaposto(value: object) -> bool:
    """A value still to be written: «da compilare», «da definire»."""
    return isinstance(value, str) and value.strip().lower() in PLACEHOLDERS


def data_it(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def euro(value: float) -> str:
    whole, cents = f"{value:,.2f}".split(".")
    return whole.replace(",", ".") + "," + cents + " euro"


def manca(items: list[str]) -> str:
    """«manca X» or «mancano X e Y», with the verb agreeing with the list (and with a single
    plural item: «mancano gli indicatori»)."""
    plurale = len(items) > 1 or (bool(items) and items[0].startswith(("i ", "gli ", "le ")))
    return ("mancano " if plurale else "manca ") + elenco(items)


def normalizza(text: str) -> str:
    """Lower case, single spaces, typographic quotes and dashes made plain (for matching labels)."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("–", "-")
    return " ".join(text.lower().split())
