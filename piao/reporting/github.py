"""GitHub Actions workflow commands: one annotation per finding. Plan text never issues a
command: %, CR and LF are escaped as the runner expects (%25, %0D, %0A), every other control
or bidi character is written as a visible escape, and a plan line never starts with «::»."""

from __future__ import annotations

from pathlib import Path

from piao.catalogue import Catalogue
from piao.findings import Report, Severity
from piao.reporting.text import summary_line
from piao.sicuro import terminale

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return terminale(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(reports: list[Report], catalogue: Catalogue, color: bool = False) -> str:
    lines = []
    for report in reports:
        for f in report.active:
            props = [f"file={_prop(str(Path(report.plan) / f.location.file))}"]
            if f.location.line is not None:
                props += [f"line={f.location.line}", f"col={f.location.column or 1}"]
            props.append(f"title={_prop(f'{f.code} {f.name}')}")
            message = f.message + (f" {f.hint}" if f.hint else "")
            lines.append(f"::{_COMMAND[f.severity]} {','.join(props)}::{_data(message)}")
        nome = _data(report.plan)
        if nome.lstrip().startswith(":"):
            nome = nome.replace(":", "%3A", 1)  # a plain log line, never a workflow command
        lines.append(f"{nome}: {summary_line(report)}")
    return "\n".join(lines) + "\n"
