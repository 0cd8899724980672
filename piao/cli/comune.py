"""What every command shares: exit codes, the --format and --fail-on choices, the one-line
usage error, terminal-safe text, the plan folder check and the writing of a report."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console

from piao.authoring.diff import RENDERERS as DIFF_RENDERERS
from piao.catalogue import catalogue
from piao.findings import Finding, Report
from piao.fsutil import inside
from piao.loading import cartella_ente
from piao.render import FORMATS
from piao.reporting import REPORTERS
from piao.rules_doc import RULES_FORMATS
from piao.sicuro import terminale

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# The values of each --format are the names of the registry that serves it, never a
# list typed again here. typer offers and validates a Literal; mypy sees a str.
if TYPE_CHECKING:
    ReportFormat = str
    RulesFormat = str
    DiffFormat = str
else:
    ReportFormat = Literal[tuple(REPORTERS)]
    RulesFormat = Literal[tuple(RULES_FORMATS)]
    DiffFormat = Literal[tuple(DIFF_RENDERERS)]


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


OpzioneFormato = Annotated[
    ReportFormat, typer.Option("--format", "-f", help="Formato del rapporto.")
]
"""--format of the commands that print a findings report (check, monitoraggio check)."""
OpzioneFormatiDocumento = Annotated[
    str,
    typer.Option("--format", "-f", help=f"Formati separati da virgola: {', '.join(FORMATS)}."),
]
"""--format of the commands that write a document (render, monitoraggio report,
relazione); its default is `TUTTI_I_FORMATI`, the choice read by `formati_scelti`."""
TUTTI_I_FORMATI = ",".join(FORMATS)
OpzioneFailOn = Annotated[
    FailOn, typer.Option(help="Livello minimo dei rilievi che fa terminare con codice 1.")
]


def scrivi_rapporti(reports: Sequence[Report], output_format: ReportFormat) -> None:
    """The reports on stdout in the format asked; colours only for text on a terminal."""
    color = output_format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    sys.stdout.write(REPORTERS[output_format](list(reports), catalogue(), color))


@contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner on stderr for long steps, only on a terminal."""
    if not sys.stderr.isatty():
        yield
        return
    with Console(stderr=True).status(message):
        yield


def fail(message: str) -> typer.Exit:
    """One Italian line on stderr and exit code 2."""
    typer.echo(testo(f"piao: errore: {message}"), err=True)
    return typer.Exit(EXIT_USAGE)


def testo(text: str) -> str:
    """A message for the terminal: plan text and paths keep controls and bidi characters as
    visible escapes (line by line: piao's own line breaks stay)."""
    return "\n".join(terminale(riga) for riga in text.split("\n"))


def elenca_rilievi(findings: Iterable[Finding]) -> None:
    """The findings that stopped a command, one located line each on stderr."""
    for f in findings:
        typer.echo(testo(f"  {f.location}: {f.code} {f.message}"), err=True)


def formati_scelti(scritti: str, ammessi: Sequence[str]) -> tuple[str, ...]:
    """The formats of a comma-separated --format («pdf,docx»); a usage error naming the
    allowed ones for an unknown or empty choice."""
    scelti = tuple(f.strip().lower() for f in scritti.split(",") if f.strip())
    ignoti = [f for f in scelti if f not in ammessi]
    if ignoti or not scelti:
        raise fail(
            f"formato non riconosciuto: {', '.join(ignoti) or scritti} "
            f"(ammessi: {', '.join(ammessi)})"
        )
    return scelti


def fuori_dal_piano(out: Path, *plan_dirs: Path) -> None:
    """Outputs never go inside a plan folder: they would be read as part of the plan."""
    if any(inside(out, p) for p in plan_dirs):
        raise fail("la cartella di uscita non può essere dentro la cartella del piano")


def require_plan_dirs(*paths: Path) -> None:
    """Stop with exit code 2, naming every plan folder that is missing or is not a folder."""
    missing = [p for p in paths if not p.is_dir()]
    for path in missing:
        what = "non esiste" if not path.exists() else "non è una cartella"
        typer.echo(testo(f"piao: errore: la cartella del piano «{path}» {what}"), err=True)
    enti = [ente for p in paths if p.is_dir() and (ente := cartella_ente(p))]
    for ente in enti:
        typer.echo(testo(f"piao: errore: {ente}"), err=True)
    if missing or enti:
        raise typer.Exit(EXIT_USAGE)
