"""Batches: `--jobs 2` gives exactly the serial result, for check and for audit."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from bench.generate import DIMENSIONI, genera, scrivi
from piao.batch import run_all
from piao.loading import LoadedPlan
from piao.validation import Validated, validate_plan
from tests.conftest import EXAMPLE, SMALL, edit, run_cli


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("batch")
    plans = []
    for seed in range(1, 6):
        folder = root / f"comune-{seed}" / "2026-2028"
        scrivi(genera(DIMENSIONI["piccolo"], seed, f"Comune sintetico {seed}"), folder)
        plans.append(folder)
    broken = root / "rotto" / "2026-2028"
    shutil.copytree(SMALL, broken)
    edit(broken / "lavoro_agile.yaml", "  dotazioni_informatiche:", "  # dotazioni_informatiche:")
    plans += [broken, EXAMPLE]
    return plans


@pytest.mark.parametrize("formato", ["json", "text", "sarif"])
def test_parallel_check_equals_serial(batch: list[Path], formato: str) -> None:
    args = [str(p) for p in batch]
    serial = run_cli("check", *args, "--format", formato, "--jobs", "1")
    parallel = run_cli("check", *args, "--format", formato, "--jobs", "2")
    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.output == serial.output


def test_parallel_audit_equals_serial(batch: list[Path], tmp_path: Path) -> None:
    args = [str(p) for p in batch[:3]]
    assert (
        run_cli("audit", *args, "--out", str(tmp_path / "a"), "--no-pdf", "--jobs", "1").exit_code
        == 0
    )
    assert (
        run_cli("audit", *args, "--out", str(tmp_path / "b"), "--no-pdf", "--jobs", "2").exit_code
        == 0
    )
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


# --- isolation: one plan's crash is that plan's error, the others are reported (issue 15) ---


@pytest.fixture
def guasto(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Three plans; validating the middle one raises, as a defect of piao would (the patch
    reaches the worker processes, which are forked)."""
    plans = []
    for name in ("primo", "guasto", "terzo"):
        folder = tmp_path / name / "2026-2028"
        shutil.copytree(SMALL, folder)
        plans.append(folder)
    validate = validate_plan

    def validate_or_raise(loaded: LoadedPlan) -> Validated:
        if "guasto" in str(loaded.folder):
            raise RuntimeError("guasto simulato")
        return validate(loaded)

    monkeypatch.setattr("piao.engine.validate_plan", validate_or_raise)
    return plans


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_batch_isolates_a_crash(guasto: list[Path], jobs: str) -> None:
    result = run_cli("check", *map(str, guasto), "--format", "json", "--jobs", jobs)
    assert result.exit_code == 2  # the worst: an internal error
    assert "errore interno controllando il piano" in result.stderr
    assert str(guasto[1]) in result.stderr
    piani = json.loads(result.stdout)
    piani = piani["piani"] if isinstance(piani, dict) and "piani" in piani else piani
    testo = json.dumps(piani, ensure_ascii=False)
    assert "SC011" in testo
    assert "guasto simulato" in testo
    assert all(str(p) in testo for p in guasto)
    text = run_cli("check", *map(str, guasto), "--jobs", jobs)
    assert text.exit_code == 2
    assert text.stdout.count("conforme") >= 2  # the good plans keep their verdict
    assert f"Il controllo del piano «{guasto[1]}» si è interrotto" in text.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_audit_batch_isolates_a_crash(guasto: list[Path], tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "rapporti"
    result = run_cli("audit", *map(str, guasto), "--out", str(out), "--no-pdf", "--jobs", jobs)
    assert result.exit_code == 2
    assert f"errore interno nel rapporto del piano «{guasto[1]}»" in result.stderr
    html = sorted(p.name for p in out.glob("*.html"))
    assert len(html) == 2, html  # the two good plans
    assert "il riepilogo lo elenca con l'errore" in result.stderr
    # The summary lists every plan, in the order given, the failed one with its error.
    testo = (out / "audit-riepilogo.csv").read_text("utf-8-sig")
    righe = list(csv.DictReader(io.StringIO(testo), delimiter=";"))
    assert [r["piano"] for r in righe] == [str(p) for p in guasto]
    assert [bool(r["ente"]) for r in righe] == [True, False, True]
    assert righe[0]["errore_interno"] == righe[2]["errore_interno"] == ""
    assert righe[1]["errore_interno"] == ("rapporto non prodotto: RuntimeError: guasto simulato")


def test_a_dead_worker_is_that_plan_failure() -> None:
    out = run_all(_muori_su_due, [1, 2, 3], jobs=2, isola=lambda x, f: -x)
    assert out == [1, -2, 3]


def _muori_su_due(x: int) -> int:
    if x == 2:
        os._exit(9)
    return x
