"""`piao render`: the official document read back — PDF/A with the YAML attached, DOCX with
the same headings and tables, byte-identical renders, BOZZA, refusal of plans with errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from docx import Document
from pypdf import PdfReader

from piao import check_plan
from piao.render import render_plan
from piao.render.document import AVVISO_BOZZA, Definizioni, Tabella
from piao.render.view import build_view
from tests.conftest import EXAMPLE, OGGI, SMALL, Uscite, edit, piccolo_con_nome, run_cli

pytestmark = pytest.mark.xdist_group("uscite-esempio")


@pytest.fixture(scope="module")
def rendered(uscite: Uscite) -> Path:
    """The example's document in every format (shared: read only)."""
    return uscite.documento(EXAMPLE)


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").replace("-\n", "").split())


def test_files_are_named_after_entity_and_triennio(rendered: Path) -> None:
    assert sorted(p.name for p in rendered.iterdir()) == [
        "PIAO-comune-di-esempio-2026-2028.docx",
        "PIAO-comune-di-esempio-2026-2028.html",
        "PIAO-comune-di-esempio-2026-2028.pdf",
    ]


def test_pdf_contains_every_heading_and_key_values(rendered: Path) -> None:
    text = _norm(_pdf_text(rendered / "PIAO-comune-di-esempio-2026-2028.pdf"))
    doc = build_view(check_plan(EXAMPLE).piano, oggi=OGGI)  # type: ignore[arg-type]
    for sezione in doc.tutte():
        assert _norm(sezione.intestazione) in text, sezione.intestazione
    for value in (
        "Sportello polivalente e URP",
        "5.300.000,00 €",
        "26,39%",
        "PR-28",
        "MIS-33",
        "TR-45",
        "ASS-11",
        "Adottato con deliberazione della Giunta n. 41 del 24 marzo 2026",
    ):
        assert value in text, value


def test_pdf_is_pdfa_tagged_italian_with_yaml_sources(rendered: Path) -> None:
    with pikepdf.open(rendered / "PIAO-comune-di-esempio-2026-2028.pdf") as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "3"
        assert meta["pdfaid:conformance"] == "A"
        assert str(pdf.Root.Lang) == "it"
        assert bool(pdf.Root.MarkInfo.Marked)
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.docinfo["/Author"]) == "Comune di Esempio"
        assert "Piano Integrato di Attività e Organizzazione 2026-2028" in str(
            pdf.docinfo["/Title"]
        )
        attached = dict(pdf.attachments)
        assert sorted(attached) == sorted(p.name for p in EXAMPLE.glob("*.yaml"))
        content = attached["performance.yaml"].get_file().read_bytes()
        assert content == (EXAMPLE / "performance.yaml").read_bytes()
        names = [str(spec.get("/UF")) for spec in pdf.Root.AF]
        assert len(names) == len(set(names)), "each attachment listed once in /AF"


def _docx_headings_and_rows(path: Path) -> tuple[list[str], int]:
    document = Document(str(path))
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    rows = sum(len(t.rows) for t in document.tables)
    return headings, rows


def test_docx_has_the_same_headings_and_table_rows_as_the_pdf(rendered: Path) -> None:
    doc = build_view(check_plan(EXAMPLE).piano, oggi=OGGI)  # type: ignore[arg-type]
    headings, rows = _docx_headings_and_rows(rendered / "PIAO-comune-di-esempio-2026-2028.docx")
    assert headings == [s.intestazione for s in doc.tutte()]
    expected_rows = 0
    for sezione in doc.tutte():
        for b in sezione.blocchi:
            if isinstance(b, Tabella):
                expected_rows += 1 + len(b.righe) + (1 if b.totale else 0)
            elif isinstance(b, Definizioni):
                expected_rows += len(b.righe)
    assert rows == expected_rows
    pdf_text = _norm(_pdf_text(rendered / "PIAO-comune-di-esempio-2026-2028.pdf"))
    document = Document(str(rendered / "PIAO-comune-di-esempio-2026-2028.docx"))
    annex = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Codice" and t.rows[1].cells[0].text == "TR-01"
    )
    for row in annex.rows[1:]:
        assert row.cells[0].text in pdf_text


def test_docx_structure_for_editing(rendered: Path) -> None:
    document = Document(str(rendered / "PIAO-comune-di-esempio-2026-2028.docx"))
    body = document.element.body.xml
    assert 'TOC \\o "1-3"' in body
    assert "w:tblHeader" in body
    assert "w:cantSplit" in body
    assert "PAGE" in document.sections[1].footer._element.xml
    assert any(s.orientation == 1 for s in document.sections), "annexes on landscape pages"
    assert document.core_properties.language == "it-IT"
    assert {"Testo tabella", "Intestazione tabella"} <= {s.name for s in document.styles}


def test_docx_opens_ready(rendered: Path) -> None:
    """Issue 17: the index is filled at generation (each entry a link to its heading's
    bookmark, indented by level), cells have padding, Italian hyphenation is on and never
    touches headings."""
    document = Document(str(rendered / "PIAO-comune-di-esempio-2026-2028.docx"))
    doc = build_view(check_plan(EXAMPLE).piano, oggi=OGGI)  # type: ignore[arg-type]
    body = document.element.body
    entries = [
        p for p in document.paragraphs if p.style is not None and p.style.name.startswith("toc ")
    ]
    assert [p.text for p in entries] == [s.intestazione for s in doc.tutte()]
    assert [p.style.name for p in entries if p.style is not None] == [
        f"toc {min(s.livello, 3)}" for s in doc.tutte()
    ]
    anchors = body.xpath(".//w:hyperlink/@w:anchor")
    bookmarks = body.xpath(
        ".//w:p[w:pPr/w:pStyle[starts-with(@w:val, 'Heading')]]/w:bookmarkStart/@w:name"
    )
    assert anchors == bookmarks
    assert len(anchors) == len(entries)
    assert len(set(anchors)) == len(anchors)
    assert body.xpath("count(.//w:instrText[contains(., 'TOC ')])") == 1
    settings = document.settings.element
    assert settings.xpath("w:autoHyphenation/@w:val") == ["true"]
    assert settings.xpath("w:doNotHyphenateCaps/@w:val") == ["true"]
    assert settings.xpath("w:updateFields/@w:val") == ["true"]
    styles = document.styles.element
    assert styles.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val") == ["it-IT"]
    for name in ("Heading 1", "Heading 2", "Heading 3", "Intestazione tabella", "toc 1"):
        assert document.styles[name].element.xpath("w:pPr/w:suppressAutoHyphens"), name
    margins = document.styles["Table Grid"].element.xpath("w:tblPr/w:tblCellMar/*/@w:w")
    assert len(margins) == 4
    assert all(int(m) > 0 for m in margins)


def test_two_renders_are_byte_identical(rendered: Path, uscite: Uscite) -> None:
    """`piao publish` renders the document again, on its own: the same bytes."""
    pubblicato = uscite.sito(EXAMPLE)
    for suffix in ("pdf", "docx"):
        name = f"PIAO-comune-di-esempio-2026-2028.{suffix}"
        assert (pubblicato / name).read_bytes() == (rendered / name).read_bytes(), suffix


def test_simplified_regime_says_not_applicable(tmp_path: Path) -> None:
    render_plan(SMALL, tmp_path, formats=("html", "docx"), oggi=OGGI)
    html = (tmp_path / "PIAO-comune-di-piccolavalle-2026-2028.html").read_text(encoding="utf-8")
    assert (
        "Sottosezione non richiesta alle amministrazioni con meno di 50 dipendenti (art. 6 DM 132/2022): non applicabile."
        in html
    )
    document = Document(str(tmp_path / "PIAO-comune-di-piccolavalle-2026-2028.docx"))
    assert any("non applicabile" in p.text for p in document.paragraphs)


def test_plan_with_errors_is_refused_unless_bozza(
    plan_copy: Callable[[Path], Path], tmp_path: Path
) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "lavoro_agile.yaml", "  dotazioni_informatiche:", "  # dotazioni_informatiche:")
    out = tmp_path / "out"
    refused = run_cli("render", str(plan), "--out", str(out), "--format", "pdf")
    assert refused.exit_code == 1
    assert "LA001" in refused.output
    assert not out.exists() or not any(out.iterdir())
    drafted = run_cli("render", str(plan), "--out", str(out), "--format", "pdf,docx", "--bozza")
    assert drafted.exit_code == 0, drafted.output
    pdf = next(out.glob("*.pdf"))
    reader = PdfReader(pdf)
    assert all("BOZZA" in (page.extract_text() or "") for page in reader.pages)
    document = Document(str(next(out.glob("*.docx"))))
    assert all("BOZZA" in s.header._element.xml for s in document.sections)
    assert any(p.text == AVVISO_BOZZA for p in document.paragraphs)


def test_plan_text_is_never_markup(plan_copy: Callable[[Path], Path], tmp_path: Path) -> None:
    plan = plan_copy(SMALL)
    edit(
        plan / "organizzazione.yaml",
        "modello_organizzativo: >-",
        "modello_organizzativo: >-\n  <b>grassetto</b> <script>alert(1)</script>",
    )
    render_plan(plan, tmp_path, formats=("html", "docx"), oggi=OGGI)
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;grassetto&lt;/b&gt;" in html
    document = Document(str(next(tmp_path.glob("*.docx"))))
    assert any("<b>grassetto</b>" in p.text for p in document.paragraphs)


def test_render_refuses_output_inside_the_plan(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    result = run_cli("render", str(plan), "--out", str(plan / "out"))
    assert result.exit_code == 2


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    assert run_cli("render", str(SMALL), "--out", str(tmp_path), "--format", "odt").exit_code == 2


def test_targets_beyond_the_triennio_history_and_phases_reach_pdf_and_docx(
    rendered: Path,
) -> None:
    """A 2029 target, past values (negative ones too), a target of the whole triennio, the
    map of public value and the phases of a milestone objective are printed, not dropped."""
    # A header hyphenated by the layout («Tar‐ get») is read back whole.
    text = _norm(_pdf_text(rendered / "PIAO-comune-di-esempio-2026-2028.pdf")).replace(
        "\u2010 ", ""
    )
    for value in (
        "Target 2029",
        "2024: -1,2",
        "Target nel triennio",
        "Mappa del valore pubblico",
        "LM-1 Un Comune vicino, digitale e trasparente",
        "Migrazione dei contenuti",
        "E11F22000150006",
        "target rispetto al 2021",
    ):
        assert value in text, value
    document = Document(str(rendered / "PIAO-comune-di-esempio-2026-2028.docx"))
    indicatori = next(
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells][-1] == "Target 2029"
        and t.rows[1].cells[0].text.startswith("VP-01 ")
    )
    raccolta = next(r for r in indicatori.rows if r.cells[1].text == "VP-05-I1")
    assert [c.text for c in raccolta.cells][-4:] == ["72", "74", "76", "78"]


UNIONE = (
    "Unione dei Comuni della Valle del Piccolo Fiume tra i Comuni di Piccolavalle, Altavalle, "
    "Bassavalle, Montevalle, Pianavalle, Rocca di Sopra, Rocca di Sotto, San Martino al Piano "
    "e Santa Maria delle Grazie (BO)"
)


def test_a_long_entity_name_renders_and_publishes(tmp_path: Path) -> None:
    """An Unione di comuni that lists its members (209 characters): DOCX core properties
    hold 255 characters, so the composed title is cut at a space; the document keeps the
    whole name (issue 15)."""
    assert len(UNIONE) == 209
    plan = piccolo_con_nome(tmp_path, UNIONE)
    assert run_cli("check", str(plan)).exit_code == 0
    out = tmp_path / "doc"
    result = run_cli("render", str(plan), "--out", str(out), "--format", "docx,html")
    assert result.exit_code == 0, result.output
    (docx,) = out.glob("*.docx")
    props = Document(str(docx)).core_properties
    assert len(props.title) <= 255
    assert props.title.endswith("…")
    assert props.author == UNIONE
    assert any(UNIONE in p.text for p in Document(str(docx)).paragraphs)
    (html,) = out.glob("*.html")
    assert UNIONE in html.read_text(encoding="utf-8")
    published = run_cli("publish", str(plan), "--out", str(tmp_path / "sito"))
    assert published.exit_code == 0, published.output
    assert (tmp_path / "sito" / "index.html").exists()
