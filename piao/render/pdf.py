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
    # Imported here: WeasyPrint is slow to import and only needed for PDF.
    from weasyprint import HTML, Attachment  # noqa: PLC0415

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
    # The XMP metadata (PDF/A) is XML: the title and every text reach it only XML-legal.
    pdf: bytes = HTML(string=xml_legale(html), base_url=str(data_dir("templates"))).write_pdf(
        pdf_variant=PDF_VARIANT,
        pdf_tags=True,
        attachments=allegati,
        pdf_identifier=impronta.encode(),
    )
    return _dedupe_af(pdf)


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
