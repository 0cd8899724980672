"""PDF/A-3a (archival and tagged) from the document HTML, with the plan's YAML files
attached as sources: a machine-readable PIAO inside the official one. Deterministic: the
same plan gives the same bytes (dates from the document, identifier from the content)."""

from __future__ import annotations

import datetime
import hashlib
import io
import mimetypes

import pikepdf

from piao.render.document import Documento
from piao.resources import data_dir
from piao.sicuro import xml_legale

PDF_VARIANT = "pdf/a-3a"


def render_pdf(doc: Documento, html: str, sorgenti: list[tuple[str, bytes]]) -> bytes:
    return render_pdf_pagine(doc, html, sorgenti)[0]


def render_pdf_pagine(
    doc: Documento, html: str, sorgenti: list[tuple[str, bytes]]
) -> tuple[bytes, dict[str, int]]:
    """The PDF/A and the page (from 1) where each anchor of the HTML lands: read from
    WeasyPrint's layout of the very pages written, so the audit's page references and the
    document cannot disagree."""
    # Imported here: WeasyPrint is slow to import and only needed for PDF.
    from weasyprint import DEFAULT_OPTIONS, HTML, Attachment  # noqa: PLC0415

    mimetypes.add_type("application/yaml", ".yaml")
    quando = datetime.datetime.combine(doc.data, datetime.time(), tzinfo=datetime.UTC)
    allegati = [
        Attachment(
            string=contenuto.decode("utf-8", errors="replace"),
            name=nome,
            description=f"Sezione del piano in formato YAML: {nome}",
            relationship="Source",
            created=quando,
            modified=quando,
        )
        for nome, contenuto in sorgenti
    ]
    impronta = hashlib.sha256(html.encode("utf-8") + b"".join(c for _, c in sorgenti)).hexdigest()[
        :32
    ]
    # As HTML.write_pdf does: the same options for the layout and for the writing.
    opzioni = {
        **DEFAULT_OPTIONS,
        "pdf_variant": PDF_VARIANT,
        "pdf_tags": True,
        "attachments": allegati,
        "pdf_identifier": impronta.encode(),
    }
    # The XMP metadata (PDF/A) is XML: the title and every text reach it only XML-legal.
    impaginato = HTML(string=xml_legale(html), base_url=str(data_dir("templates"))).render(
        **opzioni
    )
    pagine: dict[str, int] = {}
    for numero, pagina in enumerate(impaginato.pages, 1):
        for ancora in pagina.anchors:
            pagine.setdefault(ancora, numero)
    pdf: bytes = impaginato.write_pdf(**opzioni)
    return _dedupe_af(pdf), pagine


def _dedupe_af(pdf: bytes) -> bytes:
    """WeasyPrint lists each attachment twice in the catalog's /AF: keep one per file."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        af = document.Root.get("/AF")
        if af is None:
            return pdf
        seen: set[str] = set()
        unique = []
        for spec in af:
            name = str(spec.get("/UF", spec.get("/F", "")))
            if name not in seen:
                seen.add(name)
                unique.append(spec)
        if len(unique) == len(af):
            return pdf
        document.Root.AF = pikepdf.Array(unique)
        out = io.BytesIO()
        document.save(out, deterministic_id=True, fix_metadata_version=False)
        return out.getvalue()
