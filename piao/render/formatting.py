"""Italian formatting through Babel: dates, euro, numbers, percentages."""

from __future__ import annotations

import datetime

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "it_IT"


def data(value: datetime.date | None) -> str:
    """«24 marzo 2026»."""
    return "" if value is None else format_date(value, "d MMMM y", locale=LOCALE)


def euro(value: float | None) -> str:
    """«5.300.000,00 €»."""
    return "" if value is None else format_currency(value, "EUR", locale=LOCALE)


def numero(value: float | int | str | None) -> str:
    """«1.850», «4,5»; texts (qualitative targets) unchanged."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format_decimal(value, locale=LOCALE)


def percentuale(value: float | None, cifre: int = 2) -> str:
    return (
        ""
        if value is None
        else format_decimal(round(value, cifre), format=f"#,##0.{'0' * cifre}", locale=LOCALE) + "%"
    )


def con_segno(value: float | None, cifre: int = 2) -> str:
    """«+1,5», «−2,25» (the minus sign, not a hyphen), «0»: a scostamento."""
    if value is None:
        return ""
    testo = numero(round(abs(value), cifre))
    return f"+{testo}" if value > 0 else f"−{testo}" if value < 0 and testo != "0" else "0"


def sino(value: bool) -> str:
    return "sì" if value else "no"


def se(prima: str, valore: object, dopo: str = "") -> str:
    """`prima + valore + dopo` when the value is there, else nothing: «: descrizione»."""
    return f"{prima}{valore}{dopo}" if valore else ""
