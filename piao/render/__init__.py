"""The official PIAO document: view model, HTML, PDF/A, DOCX."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from piao.clock import today
from piao.engine import CheckResult, check_plan
from piao.fsutil import atomic_write_bytes, insieme, slugify
from piao.model import SEZIONI
from piao.render.document import Documento
from piao.render.docx import render_docx
from piao.render.html import render_html
from piao.render.pdf import render_pdf
from piao.render.view import build_view


@dataclass(frozen=True)
class Materiale:
    """What every document format is printed from: the view, its HTML and the source files
    the PDF/A carries as attachments (the plan's YAML, or a report's data)."""

    doc: Documento
    html: str
    allegati: Callable[[], list[tuple[str, bytes]]]
    """The attachments, read only when the PDF is written."""

    def sorgenti(self) -> list[tuple[str, bytes]]:
        return self.allegati()


def sorgenti_del_piano(result: CheckResult) -> Callable[[], list[tuple[str, bytes]]]:
    """The plan's YAML files, in the order of the sections: what the plan's PDF/A attaches."""

    def leggi() -> list[tuple[str, bytes]]:
        files = result.loaded.sources.files
        return [(s.file, files[s.file].path.read_bytes()) for s in SEZIONI if s.file in files]

    return leggi


WRITERS: dict[str, Callable[[Materiale], bytes]] = {
    "pdf": lambda m: render_pdf(m.doc, m.html, m.sorgenti()),
    "docx": lambda m: render_docx(m.doc),
    "html": lambda m: m.html.encode("utf-8"),
}
"""Document formats by name (the file extension): what `piao render --format` accepts."""
FORMATS = tuple(WRITERS)


class RenderRefused(Exception):
    """The plan has errors and --bozza was not given, or it cannot be read as a plan."""

    def __init__(self, message: str, result: CheckResult) -> None:
        super().__init__(message)
        self.result = result


@dataclass(frozen=True)
class Rendered:
    result: CheckResult
    files: list[Path]


def file_stem(ente: str, triennio: str) -> str:
    return f"PIAO-{slugify(ente)}-{triennio}"


def render_plan(
    folder: str | Path,
    out: Path,
    *,
    formats: tuple[str, ...] = FORMATS,
    bozza: bool = False,
    oggi: datetime.date | None = None,
) -> Rendered:
    """Check the plan, then write PIAO-<ente>-<triennio>.pdf/.docx/.html into `out`, as a
    whole: a failure in any format leaves the previous documents untouched."""
    result = prepara(folder, bozza=bozza)
    with insieme(out) as cantiere:
        scritti = scrivi_documenti(result, cantiere, formats=formats, bozza=bozza, oggi=oggi)
    return Rendered(result, [out / p.name for p in scritti])


def prepara(folder: str | Path, *, bozza: bool) -> CheckResult:
    """The plan checked, or `RenderRefused` when it cannot become a document."""
    result = check_plan(folder)
    if result.piano is None:
        raise RenderRefused(
            "il piano contiene errori di sintassi o di struttura: non è possibile produrre il documento",
            result,
        )
    if not result.report.success and not bozza:
        raise RenderRefused(
            "il piano contiene errori: correggerli, oppure produrre una bozza con --bozza", result
        )
    return result


def vista(result: CheckResult, *, bozza: bool, oggi: datetime.date | None = None) -> Documento:
    """The document of a checked plan, with the stemma of its folder: the one view that
    render, publish and the audit print, so their PDFs are the same bytes."""
    piano = result.piano
    assert piano is not None  # the callers refuse a plan without a model
    return build_view(piano, bozza=bozza, oggi=oggi or today(), stemma=result.stemma)


def scrivi_documenti(
    result: CheckResult,
    cartella: Path,
    *,
    formats: tuple[str, ...],
    bozza: bool,
    oggi: datetime.date | None,
) -> list[Path]:
    """Write the document of a plan `prepara` accepted into `cartella`, in every format."""
    piano = result.piano
    assert piano is not None  # prepara refuses it
    doc = vista(result, bozza=bozza, oggi=oggi)
    stem = file_stem(piano.anagrafica.ente.denominazione, doc.triennio)
    return scrivi_formati(doc, cartella, stem, formats, sorgenti_del_piano(result))


def scrivi_formati(
    doc: Documento,
    cartella: Path,
    stem: str,
    formats: tuple[str, ...],
    allegati: Callable[[], list[tuple[str, bytes]]],
) -> list[Path]:
    """Write any document (the plan, a report of its cycle) as `<stem>.<format>` into
    `cartella`, each file atomically; `allegati` are the files the PDF/A attaches."""
    materiale = Materiale(doc, render_html(doc), allegati)
    written: list[Path] = []
    for name, writer in WRITERS.items():
        if name in formats:
            atomic_write_bytes(cartella / f"{stem}.{name}", writer(materiale))
            written.append(cartella / f"{stem}.{name}")
    return written


__all__ = [
    "FORMATS",
    "RenderRefused",
    "Rendered",
    "build_view",
    "prepara",
    "render_plan",
    "scrivi_documenti",
    "scrivi_formati",
    "sorgenti_del_piano",
    "vista",
]
