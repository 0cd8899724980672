"""The figures of the document (issue 17): the «Mappa del valore pubblico», the organigram
and the risk matrix are in the PDF, the DOCX and the web page of every example plan and of
the real plans; their text prints at 9 pt or more (10.5 px or more on a phone), no title is
cut and every process code is whole in the matrix or counted."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from piao import check_plan
from piao.model import Piano
from piao.render import figures, matrice
from piao.render.document import Documento, Figura, Paragrafo, Tabella
from piao.render.sezioni.organizzazione import ORGANIGRAMMA_MAX_FIGURE
from piao.render.view import build_view
from tests.conftest import EXAMPLE, EXAMPLES, OGGI, Uscite

REAL = Path(__file__).resolve().parent.parent / "real"
PIANI = [*EXAMPLES, *sorted(p for p in REAL.glob("*/*") if p.is_dir())]
MATRICE = "Matrice del rischio"

COLONNA_PT = 174 * 72 / 25.4 - 24
"""The PDF's text column in points: A4 less the 18 mm margins and the body's padding of
1 rem on each side (templates/documento/piao.css); a figure never prints wider."""

pytestmark = pytest.mark.xdist_group("uscite-bozze")


def _schemi(doc: Documento) -> list[Figura]:
    return [
        b
        for s in doc.tutte()
        for b in s.blocchi
        if isinstance(b, Figura)
        and b.didascalia.startswith(("Mappa del valore pubblico", "Organigramma", MATRICE))
    ]


def _vista(piano_dir: Path) -> tuple[Piano, Documento]:
    piano = check_plan(piano_dir).piano
    assert piano is not None
    return piano, build_view(piano, bozza=True, oggi=OGGI)


def _compatto(testo: str) -> str:
    return re.sub(r"\s+", "", testo)


@pytest.fixture(scope="module", params=PIANI, ids=lambda p: f"{p.parent.name}/{p.name}")
def pubblicato(request: pytest.FixtureRequest, uscite: Uscite) -> tuple[Path, Path]:
    """The plan and its draft's site (shared: read only)."""
    return request.param, uscite.sito(request.param, bozza=True)


def test_map_and_organigram_are_in_the_pdf_the_docx_and_the_page(
    pubblicato: tuple[Path, Path],
) -> None:
    piano_dir, out = pubblicato
    piano, doc = _vista(piano_dir)
    schemi = _schemi(doc)
    didascalie = [f.didascalia for f in schemi]
    vp = piano.valore_pubblico
    mappa = bool(vp and (vp.obiettivi or vp.salute))
    organigramma = bool(piano.organizzazione and len(piano.organizzazione.unita) > 1)
    assert mappa == any(d.startswith("Mappa del valore pubblico: ") for d in didascalie)
    assert organigramma == any(d.startswith("Organigramma") for d in didascalie)
    rc = piano.rischi_corruttivi
    assert bool(rc and rc.processi) == any(d.startswith(MATRICE) for d in didascalie)
    with pdfplumber.open(next(out.glob("*.pdf"))) as pdf:
        testo_pdf = _compatto("".join(p.extract_text() or "" for p in pdf.pages))
    docx = Document(str(next(out.glob("*.docx"))))
    testo_docx = _compatto("".join(p.text for p in docx.paragraphs))
    pagina = (out / "index.html").read_text(encoding="utf-8")
    for f in schemi:
        assert _compatto(f.didascalia) in testo_pdf, f.didascalia
        assert _compatto(f.didascalia) in testo_docx, f.didascalia
        assert 'class="in-punti" role="img"' in pagina
        assert f"<title>{f.didascalia}</title>" in pagina.replace("&#x27;", "'"), f.didascalia
        # The figure's own text is in the PDF (vector, not an image): its first line.
        primo = next(e for e in f.disegno.elementi if isinstance(e, figures.Testo))
        assert _compatto(primo.testo) in testo_pdf, primo.testo
    assert len(docx.inline_shapes) >= len(schemi)


@pytest.mark.parametrize("piano_dir", PIANI, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_text_prints_at_9_points_or_more(piano_dir: Path) -> None:
    """Every text of every schema, at the size the PDF prints the SVG: its width in points
    (the `width` attribute), never more than the text column, over the viewBox width."""
    _, doc = _vista(piano_dir)
    for f in _schemi(doc):
        svg = figures.to_svg(f.disegno)
        vista = re.search(r'viewBox="0 0 ([\d.]+) [\d.]+" width="([\d.]+)pt"', svg)
        assert vista, svg[:200]
        scala = min(float(vista[2]), COLONNA_PT) / float(vista[1])
        corpi = [float(x) for x in re.findall(r'font-size="([\d.]+)"', svg)]
        assert corpi
        assert min(corpi) * scala >= 9, (f.didascalia, min(corpi) * scala)
        # On a 390 px phone the page shows it 358 px wide (1 rem of padding each side).
        assert min(corpi) * 358 / float(vista[1]) >= 10.5


@pytest.mark.parametrize("piano_dir", PIANI, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_title_is_cut(piano_dir: Path) -> None:
    """Each objective's and unit's title is whole in the figures' text; no line ends in «…»."""
    piano, doc = _vista(piano_dir)
    testi = [
        e.testo for f in _schemi(doc) for e in f.disegno.elementi if isinstance(e, figures.Testo)
    ]
    tutto = _compatto("".join(testi))
    assert not [t for t in testi if t.endswith("…")]
    titoli: list[str] = []
    if piano.valore_pubblico:
        vp = piano.valore_pubblico
        titoli += [f"{o.codice} {o.titolo}" for o in vp.obiettivi]
        titoli += [f"{o.codice} {o.titolo}" for o in vp.salute]
    if piano.performance and piano.valore_pubblico:
        titoli += [f"{o.codice} {o.titolo}" for o in piano.performance.obiettivi]
    if piano.organizzazione and len(piano.organizzazione.unita) > 1:
        titoli += [u.denominazione for u in piano.organizzazione.unita]
    for titolo in titoli:
        assert _compatto(titolo) in tutto, titolo


def test_map_shows_targets_risks_and_measures_of_the_example() -> None:
    _, doc = _vista(EXAMPLE)
    testi = [
        e.testo for f in _schemi(doc) for e in f.disegno.elementi if isinstance(e, figures.Testo)
    ]
    tutto = " ".join(testi)
    assert "Target 2026: 12 (numero)" in testi
    assert "Fase 1: Migrazione dei contenuti (peso 60)" in testi
    assert "Rischio 2.3: PR-02" in tutto
    assert "Misure: MIS-02" in tutto
    assert "Linea di mandato: LM-1" in tutto
    assert "SAL-01" in tutto
    assert "nessun indicatore" not in testi


def test_figures_are_at_most_a_page_and_a_continuation_repeats_its_heading() -> None:
    _, doc = _vista(EXAMPLE)
    schemi = _schemi(doc)
    assert all(f.disegno.altezza <= 700 for f in schemi)
    seguiti = [f for f in schemi if "(parte 2 di" in f.didascalia]
    assert {f.didascalia.startswith(MATRICE) for f in seguiti} == {True, False}
    for f in seguiti:
        testi = [e.testo for e in f.disegno.elementi if isinstance(e, figures.Testo)]
        if f.didascalia.startswith(MATRICE):  # the levels' header again
            assert testi[:4] == ["Area di rischio", "basso", "medio", "alto"]
        else:
            assert "(segue)" in testi


def test_a_large_organigram_is_split_and_a_loop_of_parents_ends(tmp_path: Path) -> None:
    plan = tmp_path / "piano"
    shutil.copytree(EXAMPLE, plan)
    unita = "".join(
        f"  - codice: UO-{i}\n    denominazione: Unità numero {i}\n    tipo: servizio\n"
        + (f"    padre: UO-{i // 3}\n" if i else "    padre: UO-999\n")
        for i in range(1000)
    )
    unita += "  - codice: UO-999\n    denominazione: Unità in un anello\n    tipo: servizio\n"
    unita += "    padre: UO-0\n"
    testo = (plan / "organizzazione.yaml").read_text(encoding="utf-8")
    inizio = testo.index("\nunita:\n") + len("\nunita:\n")
    (plan / "organizzazione.yaml").write_text(
        testo[:inizio] + unita + _dopo_unita(testo[inizio:]), encoding="utf-8"
    )
    piano = check_plan(plan).piano
    assert piano is not None
    doc = build_view(piano, bozza=True, oggi=OGGI)
    blocchi = [b for s in doc.tutte() for b in s.blocchi]
    organigrammi = [
        b for b in blocchi if isinstance(b, Figura) and b.didascalia.startswith("Organigramma")
    ]
    assert len(organigrammi) == ORGANIGRAMMA_MAX_FIGURE
    assert all(f.disegno.altezza <= 700 for f in organigrammi)
    assert any(
        isinstance(b, Paragrafo) and b.testo.startswith("Le altre parti dell'organigramma")
        for b in blocchi
    )


def _dopo_unita(resto: str) -> str:
    """What follows the list of units in organizzazione.yaml (the next top-level key)."""
    m = re.search(r"^\S", resto, re.MULTILINE)
    return resto[m.start() :] if m else ""


def _giudicati(piano: Piano) -> dict[str, str]:
    """Code → level of each process rated on the plan's scale (a cell of the matrix)."""
    rc = piano.rischi_corruttivi
    if rc is None:
        return {}
    scala = [x.lower() for x in rc.scala_valutazione]
    return {p.codice: g for p in rc.processi if (g := (rc.giudizio(p)[0] or "").lower()) in scala}


@pytest.mark.parametrize("piano_dir", PIANI, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_process_code_is_whole_in_the_matrix_or_counted(piano_dir: Path) -> None:
    """In the SVG text of the matrices each rated process's code is a whole word, or its
    cell gives only a number («N*») and the numbers add up; the counts of all cells add
    up to the rated processes."""
    piano, doc = _vista(piano_dir)
    giudicati = _giudicati(piano)
    matrici = [f for f in _schemi(doc) if f.didascalia.startswith(MATRICE)]
    assert bool(matrici) == bool(piano.rischi_corruttivi and piano.rischi_corruttivi.processi)
    testi = [
        html.unescape(t)
        for f in matrici
        for t in re.findall(r"<text [^>]*>([^<]*)</text>", figures.to_svg(f.disegno))
    ]
    parole = {w for t in testi for w in t.split()}
    conti = [t for t in testi if re.fullmatch(r"\d+\*?", t)]
    assert sum(int(c.rstrip("*")) for c in conti) == len(giudicati)
    assenti = [c for c in giudicati if c not in parole]
    assert sum(int(c[:-1]) for c in conti if c.endswith("*")) == len(assenti)


def test_a_full_cell_gives_its_number_and_names_the_table() -> None:
    codici = tuple(f"PR-{i:03}" for i in range(60))
    lungo = "PROCESSO-DAL-CODICE-MOLTO-LUNGO-01"
    (d,) = matrice.matrici_rischio(
        ("trascurabile", "basso", "medio", "alto", "critico"),
        (("Area", (codici, (), (), ("PR-A", "PR-B"), (lungo,))),),
        "Matrice",
        "tabella «Processi» dell'Allegato 1",
    )
    testi = [e.testo for e in d.elementi if isinstance(e, figures.Testo)]
    assert {"60*", "1*", "2", "PR-A PR-B"} <= set(testi)
    # A level's name is whole: its column is wider than the others.
    assert {"trascurabile", "basso", "medio", "alto", "critico"} <= set(testi)
    assert not any("PR-001" in t or lungo in t for t in testi)
    assert "l'elenco è nella tabella «Processi» dell'Allegato 1." in " ".join(testi)
    assert min(e.dimensione for e in d.elementi if isinstance(e, figures.Testo)) >= 10
    assert d.larghezza * 10.5 / 10 <= 358


def test_a_cell_wraps_its_codes_whole() -> None:
    codici = tuple(f"PR-{i:02}" for i in range(14))
    (d,) = matrice.matrici_rischio(("basso", "alto"), (("Area", (codici, ())),), "Matrice")
    testi = [e.testo for e in d.elementi if isinstance(e, figures.Testo)]
    righe = [t for t in testi if t.startswith("PR-")]
    assert len(righe) > 1
    assert " ".join(righe).split() == list(codici)


def test_a_plan_with_a_full_cell_counts_it_and_names_the_annex_table(tmp_path: Path) -> None:
    """Forty more processes like PR-01 (medium risk, same area): their cell gives the
    number, the note names the table of Allegato 1, which lists every one of them."""
    plan = tmp_path / "piano"
    shutil.copytree(EXAMPLES[-1], plan)
    file = plan / "rischi_corruttivi.yaml"
    testo = file.read_text(encoding="utf-8")
    inizio = testo.index("  - codice: PR-01\n")
    primo = testo[inizio : testo.index("  - codice: PR-02\n")]
    copie = "".join(primo.replace("PR-01", f"PR-1{i:02}") for i in range(40))
    file.write_text(testo[:inizio] + copie + testo[inizio:], encoding="utf-8")
    _, doc = _vista(plan)
    (f,) = [f for f in _schemi(doc) if f.didascalia.startswith(MATRICE)]
    testi = [e.testo for e in f.disegno.elementi if isinstance(e, figures.Testo)]
    assert "41*" in testi
    assert not any("PR-1" in t for t in testi)
    tabella = "tabella «Processi mappati, eventi rischiosi e valutazione» dell'Allegato 1"
    assert tabella in " ".join(testi)
    (allegato,) = [
        b
        for s in doc.tutte()
        for b in s.blocchi
        if isinstance(b, Tabella) and b.didascalia.startswith("Processi mappati")
    ]
    codici = {r[0] for r in allegato.righe}
    assert {f"PR-1{i:02}" for i in range(40)} <= codici
