"""Shared fixtures: the example plans, a scratch copy to break, and a CLI runner."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from piao.cli import app

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
EXAMPLE = PLANS / "comune-di-esempio" / "2026-2028"
SMALL = PLANS / "piccolo-comune" / "2026-2028"
EXAMPLES = [EXAMPLE, SMALL]


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
