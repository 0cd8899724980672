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
    """«1 misura generale», «2 misure generali» (a «nessuna» is the caller's wording)."""
    return f"{n} {singolare if n == 1 else plurale}"


_ARTICOLI = {
    "comune": "del",
    "consorzio": "del",
    "dipartimento": "del",
    "ministero": "del",
    "provincia": "della",
    "regione": "della",
    "città": "della",
    "camera": "della",
    "comunità": "della",
    "asl": "della",
    "unione": "dell'",
    "azienda": "dell'",
    "agenzia": "dell'",
    "ente": "dell'",
    "istituto": "dell'",
    "università": "dell'",
    "autorità": "dell'",
    "ordine": "dell'",
}


def dell_ente(denominazione: str) -> str:
    """«del Comune di X», «della Provincia di Y», «dell'Unione dei comuni Z»; «di X» when the
    name does not start with a known kind of entity."""
    primo = denominazione.split(" ", 1)[0].casefold()
    articolo = _ARTICOLI.get(primo)
    if articolo is None:
        return f"di {denominazione}"
    spazio = "" if articolo.endswith("'") else " "
    return f"{articolo}{spazio}{denominazione}"
