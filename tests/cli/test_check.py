"""`piao check`: verdicts, formats, exit codes, through the CLI as a user runs it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, EXAMPLES, SMALL, edit, run_cli, run_subprocess


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_plans_check_clean(plan: Path) -> None:
    result = run_cli("check", str(plan))
    assert result.exit_code == 0, result.output
    assert "Nessun rilievo." in result.output
    assert "Esito: conforme — 0 errori, 0 avvisi, 0 informazioni" in result.output


def test_json_report_follows_the_contract() -> None:
    result = run_cli("check", str(EXAMPLE), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["schema_version"] == 1
    assert report["plan"] == str(EXAMPLE)
    assert report["summary"] == {"error": 0, "warning": 0, "info": 0}
    assert report["findings"] == []
    assert report["regime"] == "ordinario"
    assert report["rules_run"] is True


def test_json_finding_has_every_contract_key(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    edit(
        plan / "organizzazione.yaml",
        "    incarico: eq\n    dipendenti: 7",
        "    incarico: eqq\n    dipendenti: 7",
    )
    result = run_cli("check", str(plan), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0}
    (finding,) = report["findings"]
    assert set(finding) >= {
        "code",
        "name",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "path",
        "basis",
    }
    assert finding["code"] == "SC004"
    assert finding["severity"] == "error"
    assert finding["file"] == "organizzazione.yaml"
    assert finding["path"] == "unita[1].incarico"
    assert finding["hint"] == "Forse intendevi «eq»?"


def test_missing_folder_exits_2_with_one_line() -> None:
    proc = run_subprocess("check", "plans/non-esiste/2026-2028")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        "piao: errore: la cartella del piano «plans/non-esiste/2026-2028» non esiste"
    ]


def test_a_file_instead_of_a_folder_exits_2() -> None:
    proc = run_subprocess("check", str(EXAMPLE / "anagrafica.yaml"))
    assert proc.returncode == 2
    assert "non è una cartella" in proc.stderr


def test_unknown_option_is_a_usage_error() -> None:
    proc = run_subprocess("check", str(EXAMPLE), "--format", "pdf")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_fail_on_sets_the_threshold(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    (plan / "appunti.yaml").write_text("nota: da rivedere\n", encoding="utf-8")
    # An unknown file is a warning: below the default threshold, at or above --fail-on warning.
    assert run_cli("check", str(plan)).exit_code == 0
    assert run_cli("check", str(plan), "--fail-on", "warning").exit_code == 1
    assert run_cli("check", str(plan), "--fail-on", "info").exit_code == 1


def test_errors_never_exit_0_whatever_the_threshold(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    (plan / "lavoro_agile.yaml").unlink()
    result = run_cli("check", str(plan), "--format", "json", "--fail-on", "error")
    assert result.exit_code == 1
    assert json.loads(result.output)["summary"]["error"] == 1


def test_text_report_groups_by_file_with_position(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "formazione.yaml", "ore_pro_capite:", "ore_procapite:")
    result = run_cli("check", str(plan))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "formazione.yaml" in lines
    row = next(line for line in lines if "SC001" in line)
    assert row.strip().startswith(f"{plan / 'formazione.yaml'}:")
    assert "errore" in row
    assert "Chiave «ore_procapite» non prevista qui." in row
    assert "Forse intendevi «ore_pro_capite»?" in result.output
    assert lines[-1].startswith("Esito: non conforme")


def test_no_colour_when_not_a_terminal(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    (plan / "lavoro_agile.yaml").unlink()
    proc = run_subprocess("check", str(plan))
    assert "\033[" not in proc.stdout


def test_version() -> None:
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.output.startswith("piao ")
