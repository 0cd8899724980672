"""Figures as indented lists of boxes (the «Mappa del valore pubblico», the organigram):
one column of boxes, each indented by its level and joined to its parent by a line,
every text wrapped whole (never cut), split into several figures of about a page rather
than shrunk (issue 17).

One unit of the drawing is one point: the PDF and the DOCX print it at that size (the text
at `CORPO` points), the web page shows it at that size (about 13 px) and, on a phone, as
wide as the screen: `LARGHEZZA` is chosen so that a 390 px screen still shows the text at
about 11 px, with lines of about 45 characters at the deepest level."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from piao.render.figures import Disegno, Elemento, Linea, Rettangolo, Testo, larghezza_testo

LARGHEZZA = 320.0
"""Width of every schema, in points."""
CORPO = 10.0
"""Size of every text, in points."""
ALTEZZA_MAX = 620.0
"""Height of one figure, in units: with its caption it fits an A4 page (the PDF's
stylesheet caps a figure at 240 mm)."""

_RIGA = 13.0
_MARGINE = 5.0
_RIENTRO = 16.0
_SPAZIO = 4.0


@dataclass(frozen=True)
class Stile:
    riempimento: str
    bordo: str = "#5c6f82"
    colore: str = "#1a1a1a"


@dataclass(frozen=True)
class Voce:
    """One box: its level (indentation), its paragraphs (text, bold), its style."""

    livello: int
    paragrafi: tuple[tuple[str, bool], ...]
    stile: Stile
    ripetuta: bool = True
    """Repeated, «(segue)», above the continuation of its children in the next figure."""


def a_capo_intero(testo: str, dimensione: float, larghezza: float, grassetto: bool) -> list[str]:
    """`testo` in lines that fit `larghezza`, all of it: a word wider than a line is split
    between characters, nothing is cut (measurements: about one per word, and a few per
    line of a split word, each on at most a line's worth of characters — issue 15)."""
    # No glyph of the font is narrower than a fifth of its size: a longer string never fits.
    limite = int(larghezza / (dimensione * 0.2)) + 1

    def troppo_larga(riga: str) -> bool:
        return len(riga) > limite or larghezza_testo(riga, dimensione, grassetto) > larghezza

    righe: list[str] = []
    corrente = ""
    for parola in testo.split():
        prova = f"{corrente} {parola}" if corrente else parola
        if not troppo_larga(prova):
            corrente = prova
            continue
        if corrente:
            righe.append(corrente)
        inizio = 0
        while len(parola) - inizio > 1 and troppo_larga(parola[inizio : inizio + limite + 1]):
            n = _quanti_entrano(parola[inizio : inizio + limite], dimensione, larghezza, grassetto)
            righe.append(parola[inizio : inizio + n])
            inizio += n
        corrente = parola[inizio:]
    if corrente:
        righe.append(corrente)
    return righe or [""]


def _quanti_entrano(parola: str, dimensione: float, larghezza: float, grassetto: bool) -> int:
    """The longest start of `parola` that fits (at least one character): binary search."""
    basso, alto = 1, len(parola)
    while basso < alto:
        medio = (basso + alto + 1) // 2
        if larghezza_testo(parola[:medio], dimensione, grassetto) <= larghezza:
            basso = medio
        else:
            alto = medio - 1
    return basso


@dataclass(frozen=True)
class _Posata:
    voce: Voce
    righe: tuple[tuple[str, bool], ...]
    altezza: float


def _posa(v: Voce) -> _Posata:
    larghezza = LARGHEZZA - 2 * _MARGINE - v.livello * _RIENTRO - 2 * _MARGINE
    righe = tuple(
        (riga, grassetto)
        for testo, grassetto in v.paragrafi
        for riga in a_capo_intero(testo, CORPO, larghezza, grassetto)
    )
    return _Posata(v, righe, len(righe) * _RIGA + 2 * _MARGINE - 2)


def _disegna(voci: Sequence[_Posata], titolo: str) -> Disegno:
    elementi: list[Elemento] = []
    y = _MARGINE
    genitori: dict[int, tuple[float, float]] = {}  # level → (x of its line, bottom of its box)
    for p in voci:
        x = _MARGINE + p.voce.livello * _RIENTRO
        w = LARGHEZZA - _MARGINE - x
        padre = genitori.get(p.voce.livello - 1)
        if padre is not None:
            lx, fondo = padre
            elementi.append(Linea(lx, fondo, lx, y + p.altezza / 2))
            elementi.append(Linea(lx, y + p.altezza / 2, x, y + p.altezza / 2))
        elementi.append(
            Rettangolo(x, y, w, p.altezza, p.voce.stile.riempimento, p.voce.stile.bordo)
        )
        for i, (riga, grassetto) in enumerate(p.righe):
            elementi.append(
                Testo(
                    x + _MARGINE,
                    y + _MARGINE + 9.5 + i * _RIGA,
                    riga,
                    CORPO,
                    p.voce.stile.colore,
                    grassetto=grassetto,
                )
            )
        genitori[p.voce.livello] = (x + _RIENTRO / 2, y + p.altezza)
        for livello in [k for k in genitori if k > p.voce.livello]:
            del genitori[livello]
        y += p.altezza + _SPAZIO
    return Disegno(LARGHEZZA, y + _MARGINE - _SPAZIO, tuple(elementi), titolo)


def schemi(voci: Sequence[Voce], titolo: str, segue: str = " (segue)") -> list[Disegno]:
    """The boxes as figures of at most ALTEZZA_MAX units: a figure that continues another
    repeats, first, the boxes above its first one (its parent, grandparent...), marked
    «(segue)». Linear in the number of boxes."""
    posate = [_posa(v) for v in voci]
    gruppi: list[list[_Posata]] = [[]]
    altezza = _MARGINE
    antenati: list[_Posata] = []  # the chain of parents of the box being placed
    for p in posate:
        if gruppi[-1] and altezza + p.altezza > ALTEZZA_MAX:
            ripetuti = [
                _posa(
                    Voce(
                        a.voce.livello,
                        (*a.voce.paragrafi[:1], (segue.strip(), False)),
                        a.voce.stile,
                    )
                )
                for a in antenati
                if a.voce.livello < p.voce.livello and a.voce.ripetuta
            ]
            gruppi.append(ripetuti)
            altezza = _MARGINE + sum(r.altezza + _SPAZIO for r in ripetuti)
        gruppi[-1].append(p)
        altezza += p.altezza + _SPAZIO
        antenati = [a for a in antenati if a.voce.livello < p.voce.livello] + [p]
    if len(gruppi) == 1:
        return [_disegna(gruppi[0], titolo)]
    return [_disegna(g, f"{titolo} (parte {i} di {len(gruppi)})") for i, g in enumerate(gruppi, 1)]
