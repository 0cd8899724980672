"""The achievements computed for every period file of the example plans, as `piao
monitoraggio esito --format text` prints them, against golden files: a change of formula,
band or roll-up shows as a diff to read (tests/cli/test_monitoraggio_esito.py and
tests/rapporti state the hand computations of chosen values).

Refresh after an intended change with `make golden` (or
`PIAO_REFRESH_GOLDEN=1 pytest tests/periodi/test_esito_golden.py`), then read the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from piao.periodi import file_dei_periodi
from tests.conftest import EXAMPLE, SMALL, run_cli

GOLDEN = Path(__file__).resolve().parent / "golden"


def _periodi() -> list[tuple[Path, str]]:
    return [(piano, p.nome) for piano in (EXAMPLE, SMALL) for _, p in file_dei_periodi(piano)]


PERIODI = _periodi()


def test_every_example_plan_has_period_files() -> None:
    assert {p.parent.name for p, _ in PERIODI} == {EXAMPLE.parent.name, SMALL.parent.name}


@pytest.mark.parametrize(
    ("piano", "periodo"), PERIODI, ids=[f"{p.parent.name}-{n}" for p, n in PERIODI]
)
def test_achievements_match_golden(piano: Path, periodo: str) -> None:
    result = run_cli("monitoraggio", "esito", str(piano), "--periodo", periodo)
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"esito-{piano.parent.name}-{periodo}.txt"
    if os.environ.get("PIAO_REFRESH_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result.output, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == result.output, (
        f"{golden.name} changed: if intended, run `make golden` and read the diff"
    )
