"""`piao audit` as the Nucleo's verbale, through the CLI on example and real plans: element
numbers are the document's headings, evidence points to the page of the rendered PDF where
the heading is, the report names the SHA-256 of what it checked, the verdict never says
«conforme» beside missing binding elements, and the findings table is readable."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import html as lhtml  # type: ignore[import-untyped]
from pypdf import PdfReader
from pypdf.generic import StreamObject

from piao.audit import Audit, EsitoElemento, audit_plan
from piao.audit.docx import CAMPI_NUCLEO
from piao.audit.elements import ELEMENTI
from piao.audit.giudizio import CARENZE, vincolante
from piao.render import file_stem
from piao.render.view import indice
from tests.conftest import EXAMPLE, INCOMPLETE, Uscite

PIANI = list(Uscite.PIANI_VERBALI)

pytestmark = pytest.mark.xdist_group("uscite-esempio")


@pytest.fixture(scope="module")
def uscita(uscite: Uscite) -> Path:
    """`piao audit` of PIANI with the PDFs (shared: read only)."""
    return uscite.verbali().cartella


@pytest.fixture(scope="module")
def audits() -> dict[Path, Audit]:
    return {p: audit_plan(p) for p in PIANI}


def _in_ordine(a: Audit) -> list[EsitoElemento]:
    """The elements as the report prints them, section by section."""
    return [e for _, _, _, esiti in a.per_sezione() for e in esiti]


def _stem(a: Audit) -> str:
    return f"audit-{a.slug}"


def _testo(s: str) -> str:
    return " ".join(s.split())


def _segnalibri(reader: PdfReader) -> dict[str, int]:
    """Title → page (from 1) of every bookmark of the PDF (WeasyPrint makes one per heading)."""
    out: dict[str, int] = {}

    def visita(voci: Sequence[Any]) -> None:
        for v in voci:
            if isinstance(v, list):
                visita(v)
            else:
                numero = reader.get_destination_page_number(v)
                assert numero is not None
                out.setdefault(_testo(v.title or ""), numero + 1)

    visita(reader.outline)
    return out


def _righe_elementi(pagina_html: str) -> list[list[str]]:
    albero = lhtml.fromstring(pagina_html)
    return [
        [_testo(c.text_content()) for c in tr.xpath("./th|./td")]
        for tr in albero.xpath("//table[@class='elementi']/tbody/tr")
    ]


@pytest.mark.parametrize("plan", PIANI, ids=lambda p: p.parent.name)
def test_elements_carry_the_heading_and_page_of_the_document(
    plan: Path, uscita: Path, audits: dict[Path, Audit]
) -> None:
    a = audits[plan]
    documento = uscita / f"{file_stem(a.ente, a.triennio)}.pdf"
    reader = PdfReader(documento)
    segnalibri = _segnalibri(reader)
    righe = _righe_elementi((uscita / f"{_stem(a)}.html").read_text(encoding="utf-8"))
    assert len(righe) == len(a.esiti)
    with pdfplumber.open(documento) as pdf:
        for esito, riga in zip(_in_ordine(a), righe, strict=True):
            intestazione = esito.elemento.intestazione
            # The element's number is the number of a heading of the document ...
            assert riga[0].startswith(f"{esito.elemento.id} "), riga[0]
            assert esito.elemento.id.startswith(intestazione.numero or intestazione.titolo)
            titolo = _testo(intestazione.etichetta)
            if titolo not in segnalibri:
                # A file the plan lacks: the document has its section but not the sub-parts.
                assert esito.stato in ("mancante", "non_applicabile"), (esito.elemento.id, titolo)
                continue
            # ... and the page the report gives is the page where that heading is.
            pagina = segnalibri[titolo]
            if esito.stato == "non_applicabile" and esito.evidenza is None:
                continue
            assert f"pag. {pagina}" in riga[2], (esito.elemento.id, riga[2], pagina)
            testo = _testo(pdf.pages[pagina - 1].extract_text() or "")
            assert titolo in testo, (titolo, pagina)


@pytest.mark.parametrize("plan", PIANI, ids=lambda p: p.parent.name)
def test_the_report_names_the_sha256_of_the_plan_files_and_of_the_document(
    plan: Path, uscita: Path, audits: dict[Path, Audit]
) -> None:
    a = audits[plan]
    pagina = (uscita / f"{_stem(a)}.html").read_text(encoding="utf-8")
    albero = lhtml.fromstring(pagina)
    impronte = {
        _testo(tr.xpath("./th")[0].text_content()): _testo(tr.xpath("./td")[0].text_content())
        for tr in albero.xpath("//table[@class='tabella-impronte']/tbody/tr")
    }
    attese = {
        f.name: hashlib.sha256(f.read_bytes()).hexdigest()
        for f in sorted((*plan.glob("*.yaml"), *plan.glob("stemma.*")))
    }
    documento = f"{file_stem(a.ente, a.triennio)}.pdf"
    attese[documento] = hashlib.sha256((uscita / documento).read_bytes()).hexdigest()
    assert impronte == attese
    # The PDF of the report prints every hash whole.
    with pdfplumber.open(uscita / f"{_stem(a)}.pdf") as pdf:
        testo = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert all(h in testo for h in attese.values())


def test_the_document_is_the_one_piao_render_writes(uscita: Path, uscite: Uscite) -> None:
    (scritto,) = uscite.documento(EXAMPLE).glob("*.pdf")
    assert scritto.read_bytes() == (uscita / scritto.name).read_bytes()


def test_missing_binding_elements_are_never_called_conforme(
    uscita: Path, audits: dict[Path, Audit]
) -> None:
    a = audits[INCOMPLETE]
    assert any(vincolante(e.elemento) for e in a.con_stato("mancante"))
    albero = lhtml.fromstring((uscita / f"{_stem(a)}.html").read_text(encoding="utf-8"))
    (esito,) = albero.xpath("//p[contains(@class, 'esito')]")
    testo = _testo(esito.text_content())
    assert testo.startswith(f"Esito: {CARENZE.frase} (")
    assert "elementi obbligatori mancanti" in testo
    for plan in PIANI:
        pagina = (uscita / f"{_stem(audits[plan])}.html").read_text(encoding="utf-8")
        sintesi = lhtml.fromstring(pagina).xpath("//section[@class='sintesi']")[0]
        assert "conforme" not in sintesi.text_content().lower(), plan


def test_rilievi_lists_findings_only(uscita: Path, audits: dict[Path, Audit]) -> None:
    for plan in PIANI:
        a = audits[plan]
        righe = _righe_elementi((uscita / f"{_stem(a)}.html").read_text(encoding="utf-8"))
        for esito, riga in zip(_in_ordine(a), righe, strict=True):
            if esito.rilievi:
                assert all(f.code in riga[3] for f in esito.rilievi)
            else:
                assert riga[3] == "nessuno", riga


def test_the_findings_table_keeps_codes_whole_and_messages_in_lines(
    uscita: Path, audits: dict[Path, Audit]
) -> None:
    a = audits[INCOMPLETE]
    with pdfplumber.open(uscita / f"{_stem(a)}.pdf") as pdf:
        righe = [r for p in pdf.pages for r in (p.extract_text() or "").splitlines()]
    testo = _testo(" ".join(righe))
    for f in a.report.findings:
        assert re.search(rf"\b{f.code}\b", testo), f.code
        # The first words of the message stay together on one line, not a letter column.
        inizio = " ".join(f.message.split()[:3])
        assert any(inizio in r for r in righe), inizio


def test_elements_follow_the_order_of_the_document() -> None:
    posizione = {i.ancora: n for n, i in enumerate(indice())}
    ordine = [posizione[e.intestazione.ancora] for e in ELEMENTI]
    assert ordine == sorted(ordine)


def test_the_docx_has_the_judgement_block_to_fill(uscita: Path, audits: dict[Path, Audit]) -> None:
    a = audits[INCOMPLETE]
    documento = Document(str(uscita / f"{_stem(a)}.docx"))
    titoli = [
        p.text for p in documento.paragraphs if p.style and p.style.name.startswith("Heading")
    ]
    assert "Giudizio del Nucleo di valutazione" in titoli
    assert "Impronte dei file verificati" in titoli
    (blocco,) = [t for t in documento.tables if t.rows and t.rows[0].cells[0].text == "Giudizio"]
    assert [r.cells[0].text for r in blocco.rows] == [e for _, e, _ in CAMPI_NUCLEO]
    for riga, (tag, _, _) in zip(blocco.rows, CAMPI_NUCLEO, strict=True):
        controlli = riga.cells[1]._tc.findall(qn("w:sdt"))
        assert len(controlli) == 1
        assert controlli[0].find(f"{qn('w:sdtPr')}/{qn('w:tag')}").get(qn("w:val")) == tag
    testo = "\n".join(c.text for t in documento.tables for r in t.rows for c in r.cells)
    assert all(f.sha256 in testo for f in a.fonti)


def test_the_audit_pdf_is_pdfa_with_xmp_metadata(uscita: Path, audits: dict[Path, Audit]) -> None:
    a = audits[EXAMPLE]
    reader = PdfReader(uscita / f"{_stem(a)}.pdf")
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title is not None
    assert a.ente in str(xmp.dc_title)
    metadati = reader.root_object["/Metadata"].get_object()
    assert isinstance(metadati, StreamObject)
    assert "pdfaid" in metadati.get_data().decode()
