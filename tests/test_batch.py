"""Batches: `--jobs 2` gives exactly the serial result, for check and for audit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.generate import DIMENSIONI, genera, scrivi
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
