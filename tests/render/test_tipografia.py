"""Typography that never misleads (issue 17): in the PDF of every example and real plan, no
table cell breaks a figure or a code across lines («520.0» / «00» reads 520,0; «ACC-0» /
«1»), no header word is split or hyphenated («Tar-get», «Obietti-vo»), no word of a cell is
hyphenated at all («Pensionamen-to»: the column was too narrow) and no table runs off the
page.

The check reads the laid-out PDF (pdfplumber: words with their positions), rebuilds each
cell's lines, and for every line that continues the one above it in the same cell asks
whether the last word above and the first word below were one word in the plan's text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from weasyprint import HTML

from piao import check_plan
from piao.render.document import Definizioni, Documento, Sezione, Tabella
from piao.render.view import build_view
from piao.templating import INDIVISIBILE
from tests.conftest import EXAMPLES, OGGI, Uscite

REAL = Path(__file__).resolve().parent.parent / "real"
PIANI = [*EXAMPLES, *sorted(p for p in REAL.glob("*/*") if p.is_dir())]

SILLABA = "\u2010\u00ad"
"""What WeasyPrint prints at the end of a hyphenated line (hyphen, soft hyphen)."""
NUMERO = re.compile(r"[-+\u2212]?\d+(?:[.,/:]\d+)*[%€]?")
CODICE = re.compile(r"[A-Z][A-Z0-9]{0,7}(?:[-./][A-Z0-9]+)+")
SFONDO_INTESTAZIONE = (0.91, 0.93, 0.96)
"""The header cells' background (#e8eef5 in piao.css)."""
BORDO_CELLA = (3.0, 6.0)
"""Points from a cell's left border to its text (padding 1.5 mm and half the border)."""
SPAZIO_CELLE = 4.0
"""Points between two words of one cell line at most (a space); cells are further apart."""

pytestmark = pytest.mark.xdist_group("uscite-bozze")


@dataclass(frozen=True)
class Riga:
    """One line of text inside one table cell, as laid out on a page."""

    pagina: int
    x0: float
    x1: float
    top: float
    altezza: float
    parole: tuple[str, ...]
    intestazione: bool
    """In a header cell (on the header background)."""
    cella: bool
    """In a table cell (a cell border just left of it; a paragraph has none)."""


def righe_di_cella(pdf: Path) -> Iterator[Riga]:
    with pdfplumber.open(pdf) as documento:
        for numero, pagina in enumerate(documento.pages, start=1):
            fondi = [
                (float(r["x0"]), float(r["top"]), float(r["x1"]), float(r["bottom"]))
                for r in pagina.rects
                if _colore(r.get("non_stroking_color")) == SFONDO_INTESTAZIONE
            ]
            bordi = [
                (float(e["x0"]), float(e["top"]), float(e["bottom"]))
                for e in pagina.edges
                if e["orientation"] == "v"
            ]
            parole = pagina.extract_words(use_text_flow=False, keep_blank_chars=False)
            parole.sort(key=lambda w: (round(float(w["top"]), 1), float(w["x0"])))
            corrente: list[dict[str, object]] = []
            for w in parole:
                if corrente and (
                    abs(float(str(w["top"])) - float(str(corrente[-1]["top"]))) > 0.5
                    or float(str(w["x0"])) - float(str(corrente[-1]["x1"])) > SPAZIO_CELLE
                ):
                    yield _riga(numero, corrente, fondi, bordi)
                    corrente = []
                corrente.append(w)
            if corrente:
                yield _riga(numero, corrente, fondi, bordi)


def _colore(valore: object) -> tuple[float, ...]:
    return tuple(round(float(c), 2) for c in valore) if isinstance(valore, tuple) else ()


def _riga(
    pagina: int,
    parole: list[dict[str, object]],
    fondi: list[tuple[float, float, float, float]],
    bordi: list[tuple[float, float, float]],
) -> Riga:
    primo, ultimo = parole[0], parole[-1]
    x, y = float(str(primo["x0"])) + 1, float(str(primo["top"])) + 1
    return Riga(
        pagina,
        float(str(primo["x0"])),
        float(str(ultimo["x1"])),
        float(str(primo["top"])),
        float(str(primo["bottom"])) - float(str(primo["top"])),
        tuple(str(w["text"]) for w in parole),
        any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in fondi),
        any(
            BORDO_CELLA[0] <= x - 1 - bx <= BORDO_CELLA[1] and y0 <= y <= y1 for bx, y0, y1 in bordi
        ),
    )


def a_capo(pdf: Path) -> Iterator[tuple[int, str, str, bool, bool]]:
    """(page, end of a line, start of the next line of the same cell, in a header, in a
    table cell)."""
    per_colonna: dict[tuple[int, float], list[Riga]] = {}
    for r in righe_di_cella(pdf):
        per_colonna.setdefault((r.pagina, round(r.x0, 0)), []).append(r)
    for (pagina, _), righe in per_colonna.items():
        righe.sort(key=lambda r: r.top)
        for sopra, sotto in itertools.pairwise(righe):
            # The next line of the same cell: one line height below (the next row is
            # further down, by the cell padding and border).
            if 0 < sotto.top - sopra.top < 1.75 * sopra.altezza:
                yield pagina, sopra.parole[-1], sotto.parole[0], sopra.intestazione, sopra.cella


def celle_e_intestazioni(doc: Documento) -> tuple[str, set[str]]:
    """Every cell's text, joined, and the words of every table header."""
    celle: list[str] = []
    intestazioni: set[str] = set()
    for s in doc.tutte():
        for b in s.blocchi:
            if isinstance(b, Tabella):
                celle += [*b.intestazioni, *(c for r in b.righe for c in r), *(b.totale or ())]
                intestazioni |= {w for h in b.intestazioni for w in h.split()}
            elif isinstance(b, Definizioni):
                celle += [c for r in b.righe for c in r]
    return "\n".join(celle), intestazioni


def rotture(pdf: Path, doc: Documento) -> list[str]:
    """Each figure, code or header word a table cell breaks across two lines."""
    sorgente, intestazioni = celle_e_intestazioni(doc)
    out = []
    for pagina, fine, inizio, intestazione, _ in a_capo(pdf):
        unita = fine.rstrip(SILLABA) + inizio
        if unita not in sorgente:
            continue  # the two words were apart (a space) in the plan
        parola = unita.strip(",;:()[]«»")
        if (
            NUMERO.fullmatch(parola)
            or CODICE.fullmatch(parola)
            or (intestazione and parola in intestazioni)
        ):
            out.append(f"pagina {pagina}: «{fine}» / «{inizio}»")
    return out


def sillabate(pdf: Path, doc: Documento) -> list[str]:
    """Each word of the plan a table cell hyphenates: cells wrap at word boundaries only
    (columns are never narrower than their longest word), so «Pensionamen-» / «to» is a
    column too narrow for its words, whatever the Italian syllables say."""
    sorgente, _ = celle_e_intestazioni(doc)
    parole = set(re.findall(r"\w+", sorgente))
    return [
        f"pagina {pagina}: «{fine}» / «{inizio}»"
        for pagina, fine, inizio, _, cella in a_capo(pdf)
        if cella
        and fine.endswith(tuple(SILLABA))
        and re.sub(r"\W", "", fine.rstrip(SILLABA).split("-")[-1] + inizio) in parole
    ]


def fuori_pagina(pdf: Path) -> list[str]:
    """Each word printed past the right margin of its page (a table wider than the text
    column), margins as piao.css sets them: 18 mm on portrait pages, 15 mm on landscape."""
    mm = 72 / 25.4
    with pdfplumber.open(pdf) as documento:
        fuori: list[str] = []
        for n, pagina in enumerate(documento.pages, start=1):
            larghezza = float(pagina.width)
            margine = (15 if larghezza > float(pagina.height) else 18) * mm
            fuori += [
                f"pagina {n}: «{w['text']}»"
                for w in pagina.extract_words()
                if float(w["x0"]) < margine - 1 or float(w["x1"]) > larghezza - margine + 1
            ]
        return fuori


@pytest.fixture(scope="module", params=PIANI, ids=lambda p: f"{p.parent.name}/{p.name}")
def stampato(request: pytest.FixtureRequest, uscite: Uscite) -> tuple[Path, Documento]:
    """The draft's PDF, as render and publish write it (the shared site's), and its view."""
    piano: Path = request.param
    pdf = next(uscite.sito(piano, bozza=True).glob("*.pdf"))
    result = check_plan(piano)
    assert result.piano is not None
    return pdf, build_view(result.piano, bozza=True, oggi=OGGI)


def test_no_table_cell_breaks_a_figure_a_code_or_a_header_word(
    stampato: tuple[Path, Documento],
) -> None:
    pdf, doc = stampato
    assert rotture(pdf, doc) == []


def test_no_table_cell_hyphenates_a_word_and_no_table_runs_off_the_page(
    stampato: tuple[Path, Documento],
) -> None:
    pdf, doc = stampato
    assert sillabate(pdf, doc) == []
    assert fuori_pagina(pdf) == []


def test_the_check_sees_a_hyphenated_word(tmp_path: Path) -> None:
    pdf = tmp_path / "sillabata.pdf"
    HTML(
        string="<html lang='it'><style>td{border:1px solid;padding:1.5mm}</style>"
        "<table style='width:30mm;table-layout:fixed;font-size:10pt;border-collapse:collapse'>"
        "<tr><td style='width:16mm;hyphens:auto;overflow-wrap:anywhere'>Pensionamento</td>"
        "<td>x</td></tr></table></html>"
    ).write_pdf(pdf)
    tabella = Tabella("t", ("A", "B"), (("Pensionamento", "x"),), (1, 1))
    doc = Documento(
        "t", "e", "2026-2028", "", False, OGGI, (), (Sezione("a", "1", "t", 1, (tabella,)),)
    )
    trovate = sillabate(pdf, doc)
    assert any("Pensio" in r for r in trovate), trovate


def test_the_check_sees_a_break(tmp_path: Path) -> None:
    """The detector itself: a figure and a code forced into too narrow columns are caught."""
    pdf = tmp_path / "stretta.pdf"
    HTML(
        string="<table style='width:24mm;table-layout:fixed;font-size:10pt'><tr>"
        "<td style='width:9mm;overflow-wrap:anywhere'>520.000</td>"
        "<td style='overflow-wrap:anywhere'>ACC-01</td></tr></table>"
    ).write_pdf(pdf)
    tabella = Tabella("t", ("A", "B"), (("520.000", "ACC-01"),), (1, 1))
    doc = Documento(
        "t", "e", "2026-2028", "", False, OGGI, (), (Sezione("a", "1", "t", 1, (tabella,)),)
    )
    trovate = rotture(pdf, doc)
    assert any("520" in r for r in trovate), trovate
    assert any("ACC-" in r for r in trovate), trovate


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EM_MINIMO = 0.55
"""The narrowest digit or capital of the fonts a DOCX may be shown in (Arial), in ems."""


@pytest.mark.parametrize("piano", PIANI, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_docx_cells_keep_figures_and_codes_whole(piano: Path, uscite: Uscite) -> None:
    """In the DOCX, a code's hyphen is Word's non-breaking hyphen (read back as «-»), and
    each column is at least as wide as its longest figure or code at 8.5 pt."""
    documento = Document(str(next(uscite.sito(piano, bozza=True).glob("*.docx"))))
    spezzabili, strette = [], []
    for tabella in documento.tables:
        for riga in tabella.rows:
            for cella in riga.cells:
                testi_xml = [t.text or "" for t in cella._tc.iter(f"{W}t")]
                spezzabili += [m for t in testi_xml for m in CODICE.findall(t) if "-" in m]
                lunghe = [m.group() for m in INDIVISIBILE.finditer(cella.text)]
                serve = max((len(m) for m in lunghe), default=0) * EM_MINIMO * 8.5
                if cella.width is not None and cella.width.pt < serve:
                    strette.append(f"{cella.text!r}: {cella.width.pt:.0f} pt")
    assert spezzabili == []
    assert strette == []


DECIMALE_INGLESE = re.compile(r"(?<![\d.,])\d+\.0(?![\d.,])")
"""A whole number printed as a float («790.0»): Italian figures group thousands by three
digits and write decimals after a comma, so «.0» at the end is never one of them."""


@pytest.mark.parametrize("piano", PIANI, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_whole_numbers_print_as_integers(piano: Path) -> None:
    result = check_plan(piano)
    assert result.piano is not None
    testo, _ = celle_e_intestazioni(build_view(result.piano, bozza=True, oggi=OGGI))
    assert DECIMALE_INGLESE.findall(re.sub(r"https?://\S+", "", testo)) == []
