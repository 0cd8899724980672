"""Table cells of the DOCX that never break a figure or a code (issue 17): columns at least
as wide as their longest unbreakable token (a figure, a code, a header word), and the
hyphens of codes written as Word's non-breaking hyphen (`w:noBreakHyphen`, read back as
«-» by python-docx and by copy and paste)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement

from piao.templating import INDIVISIBILE

EM_CIFRA = 0.62
"""Width of a digit or capital letter of Arial/DejaVu in ems (a generous average)."""
PUNTI_TESTO = 8.5
"""Size of the table styles of reference.docx, in points."""
EMU_PUNTO = 12700
MARGINI_CELLA = 2 * 108 * 635
"""Word's default left and right cell margins (0.08 inch each), in EMU."""


def _larghezza(parola: str, grassetto: bool) -> int:
    em = EM_CIFRA * (1.08 if grassetto else 1.0)
    return int(len(parola) * em * PUNTI_TESTO * EMU_PUNTO) + MARGINI_CELLA


def minimi(intestazioni: Sequence[str] | None, righe: Sequence[Sequence[str]], n: int) -> list[int]:
    """Per column, the width (EMU) of its longest figure or code, or of its longest header
    word (headers are not hyphenated)."""
    out = [0] * n
    for i, h in enumerate(intestazioni or ()):
        for parola in h.split():
            out[i] = max(out[i], _larghezza(parola, True))
    for riga in righe:
        for i, cella in enumerate(riga[:n]):
            for m in INDIVISIBILE.finditer(cella):
                out[i] = max(out[i], _larghezza(m.group(), False))
    return out


def misure(larghezze: Sequence[int], minimi_: Sequence[int], totale: int) -> list[int]:
    """The declared relative widths over `totale` EMU, each column widened to its minimum,
    the others narrowed in proportion (never below their own minimum)."""
    somma = sum(larghezze) or 1
    desiderate = [totale * w / somma for w in larghezze]
    fisse = [i for i, (d, m) in enumerate(zip(desiderate, minimi_, strict=True)) if d < m]
    while True:
        resto = totale - sum(minimi_[i] for i in fisse)
        libere = [i for i in range(len(desiderate)) if i not in fisse]
        peso = sum(desiderate[i] for i in libere) or 1
        nuove = [i for i in libere if resto * desiderate[i] / peso < minimi_[i]]
        if not nuove or resto <= 0:
            break
        fisse += nuove
    return [
        int(minimi_[i] if i in fisse else max(resto, 0) * desiderate[i] / peso)
        for i in range(len(desiderate))
    ]


def scrivi(run: Any, testo: str) -> None:
    """`testo` into the run, the hyphens inside codes and figures as non-breaking hyphens."""
    fine = 0
    parti: list[tuple[str, bool]] = []
    for m in INDIVISIBILE.finditer(testo):
        parti.append((testo[fine : m.start()], False))
        parti.append((m.group(), True))
        fine = m.end()
    parti.append((testo[fine:], False))
    buffer = ""
    for parte, indivisibile in parti:
        pezzi = parte.split("-") if indivisibile else [parte]
        for k, pezzo in enumerate(pezzi):
            if k:
                _testo(run, buffer)
                buffer = ""
                run._r.append(OxmlElement("w:noBreakHyphen"))
            buffer += pezzo
    _testo(run, buffer)


def _testo(run: Any, testo: str) -> None:
    if testo:
        t = OxmlElement("w:t")
        t.text = testo
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run._r.append(t)
