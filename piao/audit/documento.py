"""What the Nucleo saw: the SHA-256 of each source file of the plan and of the document
rendered from it, and the page of that PDF where each heading lands (the evidence the
report points to)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from piao.engine import CheckResult
from piao.model import SEZIONI
from piao.render import file_stem, sorgenti_del_piano, vista
from piao.render.html import render_html
from piao.render.pdf import render_pdf_pagine


@dataclass(frozen=True)
class Impronta:
    """A file and its SHA-256 (hex)."""

    nome: str
    sha256: str


@dataclass(frozen=True)
class DocumentoVerificato:
    """The PDF/A of the plan as `piao render` writes it, and where its headings land."""

    nome: str
    pdf: bytes
    pagine: dict[str, int]
    """Anchor of a heading → page of the PDF (from 1)."""
    bozza: bool

    @property
    def impronta(self) -> Impronta:
        return Impronta(self.nome, _sha256(self.pdf))


def impronte_sorgenti(result: CheckResult) -> tuple[Impronta, ...]:
    """Each file of the plan read, in the order of the sections, then the stemma the
    document prints (it is part of what the Nucleo saw)."""
    files = result.loaded.sources.files
    stemma = result.stemma
    return tuple(
        Impronta(s.file, _sha256(files[s.file].path.read_bytes()))
        for s in SEZIONI
        if s.file in files
    ) + (() if stemma is None else (Impronta(stemma.nome, _sha256(stemma.contenuto)),))


def _sha256(contenuto: bytes) -> str:
    return hashlib.sha256(contenuto).hexdigest()


def documento(result: CheckResult) -> DocumentoVerificato | None:
    """The document of the plan (a draft, marked BOZZA, when the plan has errors); None
    when the plan cannot become a document (errors of syntax or structure)."""
    piano = result.piano
    if piano is None:
        return None
    bozza = not result.report.success
    doc = vista(result, bozza=bozza)
    html = render_html(doc)
    pdf, pagine = render_pdf_pagine(doc, html, sorgenti_del_piano(result)())
    nome = f"{file_stem(piano.anagrafica.ente.denominazione, doc.triennio)}.pdf"
    return DocumentoVerificato(nome, pdf, pagine, bozza)
