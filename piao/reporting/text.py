"""Human report: findings grouped by file, `file:line:col  livello  CODICE  messaggio`,
a hint line where piao has a suggestion, and a verdict. Colour only on a terminal."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from piao.findings import Finding, Report, Severity

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def summary_line(report: Report) -> str:
    c = report.counts()
    verdict = "conforme" if report.success else "non conforme"
    counts = ", ".join(
        (
            _plural(c[Severity.ERROR], "errore", "errori"),
            _plural(c[Severity.WARNING], "avviso", "avvisi"),
            _plural(c[Severity.INFO], "informazione", "informazioni"),
        )
    )
    return f"Esito: {verdict} — {counts}"


def render_text(report: Report, color: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    lines = [paint(f"Piano: {report.plan}", _BOLD)]
    by_file = sorted(report.findings, key=Finding.sort_key)
    for file, group in groupby(by_file, key=lambda f: f.location.file):
        lines.append("")
        lines.append(paint(file, _BOLD))
        for f in group:
            where = str(Path(report.plan) / str(f.location))
            level = paint(f"{f.severity.label:<7}", _COLORS[f.severity])
            lines.append(f"  {where}  {level} {f.code}  {f.message}")
            if f.hint:
                lines.append(paint(f"      ↳ {f.hint}", _DIM))
    if not report.findings:
        lines.append("Nessun rilievo.")
    lines.append("")
    verdict = summary_line(report)
    lines.append(paint(verdict, _BOLD + (_COLORS[Severity.ERROR] if not report.success else "")))
    return "\n".join(lines) + "\n"
