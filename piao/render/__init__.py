"""The official PIAO document: view model, HTML, PDF/A, DOCX."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from piao.clock import today
from piao.engine import CheckResult, check_plan
from piao.fsutil import atomic_write_bytes, atomic_write_text, slugify
from piao.model import SEZIONI
from piao.render.docx import render_docx
from piao.render.html import render_html
from piao.render.pdf import render_pdf
from piao.render.view import build_view

FORMATS = ("pdf", "docx", "html")


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
    """Check the plan, then write PIAO-<ente>-<triennio>.pdf/.docx/.html into `out`."""
    result = check_plan(folder)
    piano = result.piano
    if piano is None:
        raise RenderRefused(
            "il piano contiene errori di sintassi o di struttura: non è possibile produrre il documento",
            result,
        )
    if not result.report.success and not bozza:
        raise RenderRefused(
            "il piano contiene errori: correggerli, oppure produrre una bozza con --bozza", result
        )
    doc = build_view(piano, bozza=bozza, oggi=oggi or today())
    stem = file_stem(piano.anagrafica.ente.denominazione, doc.triennio)
    out.mkdir(parents=True, exist_ok=True)
    html = render_html(doc)
    written: list[Path] = []
    if "html" in formats:
        atomic_write_text(out / f"{stem}.html", html)
        written.append(out / f"{stem}.html")
    if "pdf" in formats:
        sorgenti = [
            (s.file, result.loaded.sources.files[s.file].path.read_bytes())
            for s in SEZIONI
            if s.file in result.loaded.sources.files
        ]
        atomic_write_bytes(out / f"{stem}.pdf", render_pdf(doc, html, sorgenti))
        written.append(out / f"{stem}.pdf")
    if "docx" in formats:
        atomic_write_bytes(out / f"{stem}.docx", render_docx(doc))
        written.append(out / f"{stem}.docx")
    return Rendered(result, written)


__all__ = ["FORMATS", "RenderRefused", "Rendered", "build_view", "render_plan"]
