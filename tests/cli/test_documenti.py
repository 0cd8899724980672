"""The commands that write documents share their usage checks (piao/cli/comune.py): an
unknown --format and an output folder inside the plan are usage errors (exit 2, one Italian
line), before anything is read or written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, run_cli

COMANDI = {
    "render": ["render", str(EXAMPLE)],
    "monitoraggio report": ["monitoraggio", "report", str(EXAMPLE), "--periodo", "2026-S1"],
    "relazione": ["relazione", str(EXAMPLE), "--anno", "2026"],
    "relazione-rpct": ["relazione-rpct", str(EXAMPLE), "--anno", "2026"],
}


@pytest.mark.parametrize("comando", COMANDI)
def test_an_unknown_format_is_a_usage_error(comando: str, tmp_path: Path) -> None:
    result = run_cli(*COMANDI[comando], "--out", str(tmp_path / "o"), "--format", "pdf,odt")
    assert result.exit_code == 2, result.output
    assert "formato non riconosciuto: odt (ammessi: pdf, docx, html" in result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("comando", COMANDI)
def test_outputs_never_go_inside_the_plan(comando: str) -> None:
    dentro = EXAMPLE / "uscita"
    result = run_cli(*COMANDI[comando], "--out", str(dentro), "--format", "html")
    assert result.exit_code == 2, result.output
    assert "non può essere dentro la cartella del piano" in result.output
    assert not dentro.exists()
