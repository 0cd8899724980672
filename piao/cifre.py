"""Figures written the Italian way, which YAML reads as something else.

YAML reads `6.000` as the number 6 and `33.500` as 33.5: an Italian thousands separator
silently changes an amount. A decimal comma inside brackets (`{2027: 6,5}`) splits one
value into two. And a `#` preceded by a space starts a comment, cutting the rest of a
plain text away. None of these is a YAML error, so each is found here from the source
text, at its line and column, and the user is asked what they meant (never corrected
silently). The level follows the field: an amount in euro or a count cannot have three
decimals, so there it is an error; elsewhere (indicator values, hours) it is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel

from piao.findings import Controllo, Finding, Location, Severity, YamlPath
from piao.loading import SourceFile
from piao.loading.posizioni import Nodo, figlio, posizione
from piao.model.base import Euro
from piao.model.introspect import members, metadati, tipo_al_percorso

CIFRE = Controllo(
    "SC008",
    "schema.cifra-all-italiana",
    "Nessun numero è scritto con il punto delle migliaia o con la virgola decimale, che YAML "
    "leggerebbe come un altro numero.",
)
COMMENTO = Controllo(
    "SC009",
    "schema.testo-troncato",
    "Nessun testo è troncato da un «#», che in YAML apre un commento.",
    Severity.WARNING,
)

_MIGLIAIA = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+")
_VIRGOLA = re.compile(r"[-+]?\d+(?:\.\d{3})*,\d+")
_TOKEN = re.compile(r"[-+]?\d[\d.,_]*")
_PREFILTRO = re.compile(r"(?:^|[:\[{,-])[ \t]*[-+]?\d+(?:(?:\.\d{3})+(?![\d.])|,\d)", re.MULTILINE)
"""A value that starts like `6.000` or `6,5`: only then are positions worth reading."""

Tipo = Literal["importo", "intero", "numero"]


def numero_italiano(testo: str) -> str | None:
    """The YAML number meant by an Italian form (`1.500.000` → `1500000`, `6,5` → `6.5`).

    None when `testo` is not written the Italian way.
    """
    testo = testo.strip()
    if _MIGLIAIA.fullmatch(testo):
        return testo.replace(".", "")
    if _VIRGOLA.fullmatch(testo):
        return testo.replace(".", "").replace(",", ".")
    return None


def controlla_cifre(
    file: str, model: type[BaseModel], source: SourceFile, *, sempre_errore: bool = False
) -> list[Finding]:
    """Every number of `source` whose written form is Italian, with the reading YAML made.

    `sempre_errore`: a thousands separator is an error in every field, not only in amounts
    and counts (a period file: a measured value a thousand times off would be computed)."""
    text = source.text
    if text is None or not _PREFILTRO.search(text):
        return []
    righe = text.split("\n")
    findings: list[Finding] = []
    for path, line, column in _numeri(source.data, source.posizioni):
        token = _TOKEN.match(righe[line], column) if line < len(righe) else None
        if token is None:
            continue
        scritto = token.group().rstrip(".,")
        tipo = _tipo(model, path)
        where = Location(file, line + 1, column + 1, path)
        if _MIGLIAIA.fullmatch(scritto):
            findings.append(_migliaia(scritto, tipo, where, misura=sempre_errore))
        elif _VIRGOLA.fullmatch(scritto):
            findings.append(_virgola(scritto, where))
    return findings


def _migliaia(scritto: str, tipo: Tipo, where: Location, *, misura: bool = False) -> Finding:
    letto = float(scritto)
    letto_it = f"{letto:g}".replace(".", ",")
    inteso = scritto.replace(".", "")
    grave = misura or tipo in ("importo", "intero")
    cosa = {"importo": "un importo in euro", "intero": "un numero intero", "numero": "un numero"}
    perche = (
        f"qui va {cosa[tipo]}, che non ha tre decimali: quasi certamente è {inteso}"
        if tipo != "numero"
        else f"se intendevi {inteso}, il valore è sbagliato di mille volte e il "
        "raggiungimento calcolato con esso lo sarebbe"
        if misura
        else f"se intendevi {inteso}, il valore è sbagliato di mille volte"
    )
    return CIFRE.finding(
        f"«{scritto}» è letto come {letto_it}: in YAML il punto separa i decimali, non le "
        f"migliaia; {perche}.",
        where,
        severity=None if grave else Severity.WARNING,
        hint=f"Scrivere {inteso} (senza punti) se il valore è {inteso}; se è davvero "
        f"{letto_it}, scrivere {letto:g}.",
    )


def _virgola(scritto: str, where: Location) -> Finding:
    prima, _, dopo = scritto.partition(",")
    inteso = scritto.replace(".", "").replace(",", ".")
    return CIFRE.finding(
        f"«{scritto}» tra parentesi è letto come due valori, {prima} e {dopo}: in YAML la "
        "virgola separa gli elementi e i decimali vanno dopo il punto.",
        where,
        severity=Severity.WARNING,
        hint=f"Se è un numero con decimali scrivere {inteso}; se sono due valori, "
        f"separarli con virgola e spazio ({prima}, {dopo}).",
    )


def _numeri(
    node: Any, posizioni: Nodo | None, path: YamlPath = ()
) -> Iterator[tuple[YamlPath, int, int]]:
    """Path and 0-based position of every number in the data of a file."""
    if isinstance(node, dict):
        parts: Any = node.items()
    elif isinstance(node, list):
        parts = enumerate(node)
    else:
        return
    for part, value in parts:
        child = (*path, part)
        if isinstance(value, int | float) and not isinstance(value, bool):
            pos = posizione(posizioni, part, chiave=False)
            if pos is not None:
                yield child, pos[0], pos[1]
        else:
            yield from _numeri(value, figlio(posizioni, part), child)


def _tipo(model: type[BaseModel], path: YamlPath) -> Tipo:
    """What the model declares at `path`: an amount in euro, an integer, another number."""
    trovato = tipo_al_percorso(model, path)
    if trovato is None:
        return "numero"
    tp, meta = trovato
    meta = [*meta, *metadati(tp)]
    if any(isinstance(m, Euro) for m in meta):
        return "importo"
    numerici = [m for m in members(tp) if m in (int, float)]
    return "intero" if numerici == [int] else "numero"


_BLOCCO = re.compile(r"[:-]\s*[|>][-+0-9]*\s*(?:#.*)?$")
_COMMENTO_ATTACCATO = re.compile(r"\s#[^\s#!]")


def controlla_commenti(file: str, text: str | None) -> list[Finding]:
    """A ` #word` after a plain value: YAML cuts the text there, the rest is a comment.

    A comment written the usual way (`  # nota`, with a space after `#`) is not reported;
    block texts (`|`, `>`) keep every `#` and are skipped.
    """
    if text is None or " #" not in text:
        return []
    findings: list[Finding] = []
    blocco: int | None = None  # indentation of the key that opened a block text
    for number, riga in enumerate(text.split("\n")):
        rientro = len(riga) - len(riga.lstrip(" "))
        if blocco is not None:
            if not riga.strip() or rientro > blocco:
                continue
            blocco = None
        contenuto = riga.strip()
        if not contenuto or contenuto.startswith("#"):
            continue
        if _BLOCCO.search(riga):
            blocco = rientro
            continue
        taglio = _taglio(riga)
        if taglio is None:
            continue
        tolto = riga[taglio:].strip()
        findings.append(
            COMMENTO.finding(
                f"Il testo si ferma prima di «{tolto[:60]}»: in YAML « #» apre un commento, "
                "quindi quella parte non entra nel piano.",
                Location(file, number + 1, taglio + 2),
                hint="Se «#» fa parte del testo, mettere tutto il testo tra virgolette "
                "doppie; se è una nota, scrivere «# » con uno spazio dopo il cancelletto.",
            )
        )
    return findings


def _taglio(riga: str) -> int | None:
    """Column of the whitespace before a `#word` comment that follows a plain value."""
    match = _COMMENTO_ATTACCATO.search(riga)
    if match is None:
        return None
    prima = riga[: match.start()]
    valore = re.sub(r"^\s*(?:-\s+)*(?:[^:#'\"]+:\s+)?", "", prima)
    if not valore.strip() or valore.lstrip().startswith(("'", '"', "[", "{", "|", ">")):
        return None
    return match.start()
