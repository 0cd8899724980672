"""Shared fixtures: the example plans, a scratch copy to break, a CLI runner, and the
expensive outputs (documents, sites, audit reports) produced once per test session."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from piao.cli import app
from piao.publish import publish_plan
from piao.render import render_plan

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
EXAMPLE = PLANS / "comune-di-esempio" / "2026-2028"
SMALL = PLANS / "piccolo-comune" / "2026-2028"
EXAMPLES = [EXAMPLE, SMALL]
INCOMPLETE = ROOT / "tests" / "fixtures" / "comune-incompleto" / "2026-2028"
SANGANO = ROOT / "tests" / "real" / "sangano" / "2025-2027"
OGGI = datetime.date(2026, 11, 22)
"""The day the shared outputs are produced on: fixed, so they are the same bytes in every run."""


def run_cli(*args: str) -> Result:
    """Run piao in-process, as a user would type it."""
    return CliRunner().invoke(app, list(args))


def run_subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m piao` in a real subprocess (exit codes, stderr, no traceback)."""
    return subprocess.run(
        [sys.executable, "-m", "piao", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


@pytest.fixture
def plan_copy(tmp_path: Path) -> Callable[[Path], Path]:
    """Copy an example plan into a temporary folder, to edit it."""

    def make(source: Path = SMALL) -> Path:
        target = tmp_path / source.parent.name / source.name
        shutil.copytree(source, target)
        return target

    return make


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old` in a file (fails loudly otherwise)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def piccolo_con_nome(folder: Path, denominazione: str) -> Path:
    """The small example plan copied into `folder`, its entity renamed `denominazione`."""
    plan = folder / "2026-2028"
    shutil.copytree(SMALL, plan)
    edit(
        plan / "anagrafica.yaml",
        "denominazione: Comune di Piccolavalle",
        f"denominazione: {denominazione}",
    )
    return plan


def line_of(path: Path, needle: str) -> int:
    """1-based number of the only line containing `needle`."""
    lines = [
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    ]
    assert len(lines) == 1, f"{needle!r} on lines {lines}"
    return lines[0]


@dataclass(frozen=True)
class Verbali:
    """What `piao audit` (with the PDFs) wrote for `Uscite.PIANI_VERBALI`, and what it printed."""

    cartella: Path
    output: str


class Uscite:
    """The expensive outputs of the example and real plans (a PDF takes seconds), each made
    the first time a test asks for it and then kept for the whole session, in a folder of
    its own. Tests only read these folders: a test that changes an output copies it first.

    With pytest-xdist each worker has its own session: the modules that share an output
    carry the same `xdist_group` mark (`--dist loadgroup` in pyproject), so one worker
    makes it once."""

    PIANI_VERBALI = (EXAMPLE, INCOMPLETE, SANGANO)

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self._factory = factory
        self._siti: dict[tuple[Path, bool], tuple[Path, list[Path]]] = {}
        self._documenti: dict[Path, Path] = {}
        self._verbali: Verbali | None = None

    def _cartella(self, nome: str) -> Path:
        return self._factory.mktemp(nome)

    def _pubblica(self, piano: Path, bozza: bool) -> tuple[Path, list[Path]]:
        if (piano, bozza) not in self._siti:
            out = self._cartella(f"sito-{piano.parent.name}")
            self._siti[piano, bozza] = out, publish_plan(piano, out, bozza=bozza, oggi=OGGI)
        return self._siti[piano, bozza]

    def sito(self, piano: Path, *, bozza: bool = False) -> Path:
        """The folder of the site `publish_plan(piano, oggi=OGGI, bozza=bozza)` writes (with
        the document's PDF and DOCX)."""
        return self._pubblica(piano, bozza)[0]

    def pubblicati(self, piano: Path, *, bozza: bool = False) -> list[Path]:
        """The files that `publish_plan` returned for `sito(piano, bozza=bozza)`."""
        return self._pubblica(piano, bozza)[1]

    def documento(self, piano: Path) -> Path:
        """The folder where `render_plan(piano, oggi=OGGI)` wrote the document in every format."""
        if piano not in self._documenti:
            out = self._cartella(f"doc-{piano.parent.name}")
            render_plan(piano, out, oggi=OGGI)
            self._documenti[piano] = out
        return self._documenti[piano]

    def verbali(self) -> Verbali:
        """`piao audit` of `PIANI_VERBALI` with the PDFs (the documents and the reports)."""
        if self._verbali is None:
            out = self._cartella("verbali")
            result = run_cli("audit", *map(str, self.PIANI_VERBALI), "--out", str(out))
            assert result.exit_code == 0, result.output
            self._verbali = Verbali(out, result.output)
        return self._verbali


@pytest.fixture(scope="session")
def uscite(tmp_path_factory: pytest.TempPathFactory) -> Uscite:
    """The session's shared outputs (see `Uscite`), made on first use."""
    return Uscite(tmp_path_factory)
