"""Small helpers shared by the rule modules."""

from __future__ import annotations

import datetime
import unicodedata

from piao.lingua import elenco
from piao.model.base import PLACEHOLDERS, da_verificare


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
    """A value still to be written: «da compilare», «da definire», or carried over from
    the previous cycle and still «da verificare»."""
    return isinstance(value, str) and (
        value.strip().lower() in PLACEHOLDERS or da_verificare(value)
    )


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


def _cifra(value: float) -> str:
    """«60», «33,33»: a weight as an Italian number."""
    testo = f"{value:.2f}".rstrip("0").rstrip(".")
    return testo.replace(".", ",")


def pesi_diversi_da_100(pesi: list[tuple[str, float | None]]) -> str | None:
    """What is wrong with weights meant as shares of 100 («sommano a 90 e non a 100 (OBP-01:
    60, OBP-02: 30)», «... e OBP-03 non ha un peso»); None when no weight is given or they
    sum to 100, to the hundredth, with every item weighted."""
    dati = [(nome, peso) for nome, peso in pesi if peso is not None]
    if not dati:
        return None
    senza = [nome for nome, peso in pesi if peso is None]
    totale = sum(peso for _, peso in dati)
    giusto = abs(totale - 100) < 0.005
    if giusto and not senza:
        return None
    testo = f"sommano a {_cifra(totale)}"
    if not giusto:
        testo += " e non a 100 (" + ", ".join(f"{n}: {_cifra(p)}" for n, p in dati) + ")"
    if senza:
        verbo = "non ha un peso" if len(senza) == 1 else "non hanno un peso"
        testo += (" ma " if giusto else " e ") + f"{elenco(senza)} {verbo}"
    return testo
