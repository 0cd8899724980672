"""The risk matrix of 2.3 (processes by risk area and overall level), drawn in points like
the schemas of schema.py (issue 17): as wide as a schema (`LARGHEZZA`), text at `CORPO`
points, so it prints at natural size and a 390 px phone shows it at about 11 px.

Each area is a grey band with its name (wrapped, whole) over a row of cells, one per level
of the plan's scale, under a header («Area di rischio» over the levels, coloured from cool
to hot). A cell gives the
number of its processes and their codes, wrapped between codes (a code is never split);
when its codes do not fit (a code wider than the cell, or more than `RIGHE_CODICI` lines)
it gives only the number, marked «*», and a note under the matrix names the table that
lists them. Tall matrices are split into figures of about a page, each with the header."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from piao.lingua import quanti
from piao.render.figures import Disegno, Elemento, Rettangolo, Testo, larghezza_testo
from piao.render.schema import ALTEZZA_MAX, CORPO, LARGHEZZA, a_capo_intero

MATRICE_MAX_AREE = 30
"""Rows of the risk matrix: past them one last row counts the areas left out, which the
table of the processes lists (issue 15: the figures stay a few pages whatever the plan)."""
RIGHE_CODICI = 6
"""Lines of codes a cell holds; past them it gives only the number of its processes."""

_CALORE = ("#d7efe0", "#fff1c2", "#fde0b5", "#f8c3cb", "#f19aa8")
_BLU = "#0b4f8c"
_GRIGIO = "#c5cdd6"
_SFONDO_AREA = "#f4f6f8"
_M = 5.0  # outer margin
_P = 4.0  # padding inside a cell
_RIGA = 13.0
_ASCENDENTE = 9.5


def _colore_livello(i: int, n: int) -> str:
    if n <= 1:
        return _CALORE[0]
    return _CALORE[round(i * (len(_CALORE) - 1) / (n - 1))]


def codici_a_capo(codici: Sequence[str], larghezza: float) -> list[str] | None:
    """The codes in lines of at most `larghezza` points, separated by spaces and never
    split; None when a code is wider than a line or they take more than RIGHE_CODICI lines.
    One measurement per code, at most RIGHE_CODICI lines' worth of codes (issue 15)."""
    spazio = larghezza_testo(" ", CORPO)
    righe: list[str] = []
    corrente: list[str] = []
    w = 0.0
    for codice in codici:
        wc = larghezza_testo(codice, CORPO)
        if wc > larghezza:
            return None
        if corrente and w + spazio + wc <= larghezza:
            corrente.append(codice)
            w += spazio + wc
            continue
        if corrente:
            righe.append(" ".join(corrente))
            if len(righe) >= RIGHE_CODICI:
                return None
        corrente, w = [codice], wc
    if corrente:
        righe.append(" ".join(corrente))
    return righe


def larghezze(livelli: Sequence[str]) -> tuple[float, ...]:
    """The levels' columns: equal, except that a column whose label has a word wider than
    its share takes that word's width and the others share the rest; equal when the words
    of all the labels do not fit side by side (then a label's word may be split)."""
    totale = LARGHEZZA - 2 * _M
    if not livelli:
        return ()
    minimi = [
        max(larghezza_testo(w, CORPO, True) for w in (v.split() or [""])) + 2 * _P for v in livelli
    ]
    if sum(minimi) > totale:
        return tuple(totale / len(livelli) for _ in livelli)
    fisse: set[int] = set()
    while True:
        libere = [j for j in range(len(livelli)) if j not in fisse]
        quota = (totale - sum(minimi[j] for j in fisse)) / len(libere)
        strette = {j for j in libere if minimi[j] > quota}
        if not strette:
            return tuple(minimi[j] if j in fisse else quota for j in range(len(livelli)))
        fisse |= strette


@dataclass(frozen=True)
class _Fascia:
    """One area laid out: its name's lines, each cell's lines, its height."""

    nome: tuple[str, ...]
    celle: tuple[tuple[str, ...], ...]
    contati: bool  # some cell gives only its number
    altezza: float


def _posa(area: str, celle: Sequence[Sequence[str]], colonne: Sequence[float]) -> _Fascia:
    nome = tuple(a_capo_intero(area, CORPO, LARGHEZZA - 2 * _M - 2 * _P, True))
    righe: list[tuple[str, ...]] = []
    contati = False
    for codici, w_cella in zip(celle, colonne, strict=False):
        if not codici:
            righe.append(())
            continue
        elenco = codici_a_capo(codici, w_cella - 2 * _P)
        contati = contati or elenco is None
        righe.append((f"{len(codici)}*",) if elenco is None else (str(len(codici)), *elenco))
    linee = max((len(r) for r in righe), default=0) or 1
    altezza = len(nome) * _RIGA + 2 * _P + linee * _RIGA + 2 * _P
    return _Fascia(nome, tuple(righe), contati, altezza)


def _intestazione(livelli: Sequence[str], colonne: Sequence[float]) -> tuple[list[Elemento], float]:
    """A band «Area di rischio» (the grey of the areas' bands) over the levels' cells."""
    h_area = _RIGA + 2 * _P
    elementi: list[Elemento] = [
        Rettangolo(_M, _M, LARGHEZZA - 2 * _M, h_area, _SFONDO_AREA, _GRIGIO, 0),
        Testo(_M + _P, _M + _P + _ASCENDENTE, "Area di rischio", CORPO, _BLU, True),
    ]
    etichette = [
        a_capo_intero(v, CORPO, w - 2 * _P, True) for v, w in zip(livelli, colonne, strict=True)
    ]
    h = max((len(e) for e in etichette), default=1) * _RIGA + 2 * _P
    y0 = _M + h_area
    for j, righe in enumerate(etichette):
        x, w_cella = _M + sum(colonne[:j]), colonne[j]
        elementi.append(Rettangolo(x, y0, w_cella, h, _colore_livello(j, len(livelli)), _GRIGIO, 0))
        for i, riga in enumerate(righe):
            y = y0 + _P + _ASCENDENTE + i * _RIGA
            elementi.append(Testo(x + w_cella / 2, y, riga, CORPO, _BLU, True, True))
    return elementi, y0 + h


def _disegna(
    intestazione: tuple[list[Elemento], float],
    fasce: Sequence[_Fascia],
    colonne: Sequence[float],
    nota: Sequence[str],
    titolo: str,
) -> Disegno:
    n = len(colonne)
    elementi, y = list(intestazione[0]), intestazione[1]
    for f in fasce:
        h_nome = len(f.nome) * _RIGA + 2 * _P
        elementi.append(Rettangolo(_M, y, LARGHEZZA - 2 * _M, h_nome, _SFONDO_AREA, _GRIGIO, 0))
        for i, riga in enumerate(f.nome):
            elementi.append(
                Testo(_M + _P, y + _P + _ASCENDENTE + i * _RIGA, riga, CORPO, grassetto=True)
            )
        y += h_nome
        h_celle = f.altezza - h_nome
        for j, righe in enumerate(f.celle):
            x, w_cella = _M + sum(colonne[:j]), colonne[j]
            fondo = _colore_livello(j, n) if righe else "#ffffff"
            elementi.append(Rettangolo(x, y, w_cella, h_celle, fondo, _GRIGIO, 0))
            for i, riga in enumerate(righe):
                elementi.append(
                    Testo(
                        x + w_cella / 2,
                        y + _P + _ASCENDENTE + i * _RIGA,
                        riga,
                        CORPO,
                        "#1a1a1a" if i == 0 else "#404040",
                        grassetto=i == 0,
                        centrato=True,
                    )
                )
        y += h_celle
    if nota and any(f.contati for f in fasce):
        y += _P
        for riga in nota:
            elementi.append(Testo(_M, y + _ASCENDENTE, riga, CORPO, "#404040"))
            y += _RIGA
    return Disegno(LARGHEZZA, y + _M, tuple(elementi), titolo)


def matrici_rischio(
    livelli: tuple[str, ...],
    righe: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...],
    titolo: str,
    rinvio: str = "tabella dei processi",
) -> list[Disegno]:
    """Risk areas (bands) by overall risk level (columns): how many processes, which ones;
    as figures of at most about ALTEZZA_MAX points. `rinvio` names the table listing every
    process with its area and level (said for counted cells and left-out areas)."""
    colonne = larghezze(livelli)
    if len(righe) > MATRICE_MAX_AREE:
        altre = len(righe) - MATRICE_MAX_AREE + 1
        righe = (
            *righe[: MATRICE_MAX_AREE - 1],
            (
                f"… e {quanti(altre, 'altra area di rischio', 'altre aree di rischio')}: vedi la {rinvio}",
                (),
            ),
        )
    intestazione = _intestazione(livelli, colonne)
    nota = a_capo_intero(
        f"* Solo il numero dei processi: l'elenco è nella {rinvio}.",
        CORPO,
        LARGHEZZA - 2 * _M,
        False,
    )
    h_nota = _P + len(nota) * _RIGA
    gruppi: list[list[_Fascia]] = [[]]
    altezza = intestazione[1]
    for area, celle in righe:
        f = _posa(area, celle, colonne)
        if gruppi[-1] and altezza + f.altezza + h_nota + _M > ALTEZZA_MAX:
            gruppi.append([])
            altezza = intestazione[1]
        gruppi[-1].append(f)
        altezza += f.altezza
    if len(gruppi) == 1:
        return [_disegna(intestazione, gruppi[0], colonne, nota, titolo)]
    return [
        _disegna(intestazione, g, colonne, nota, f"{titolo} (parte {i} di {len(gruppi)})")
        for i, g in enumerate(gruppi, 1)
    ]
