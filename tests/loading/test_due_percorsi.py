"""Both loading paths give the same findings at the same places: every plan is checked
once as usual (the fast event reader) and once with every file forced through the careful
round-trip parser; the reports must be identical, line and column included. Plans: the
examples, the real-plan corpus, the fixtures, and drafts of the examples with findings in
every file (broken references, texts cut by « #»)."""

from __future__ import annotations

import shutil
from pathlib import Path
from unittest import mock

import pytest

from bench.generate import bozza
from piao import check_plan
from piao.findings import Finding
from tests.conftest import EXAMPLES, ROOT

PLANS = [
    *EXAMPLES,
    *sorted((ROOT / "tests" / "real").glob("*/*-*")),
    *sorted((ROOT / "tests" / "fixtures").glob("*/*-*")),
]


def _rilievi(plan: Path) -> list[tuple[object, ...]]:
    return [_forma(f) for f in check_plan(plan).report.findings]


def _forma(f: Finding) -> tuple[object, ...]:
    loc = f.location
    return (f.code, f.severity, loc.file, loc.line, loc.column, loc.path, f.message, f.hint)


def _confronta(plan: Path) -> int:
    veloce = _rilievi(plan)
    with mock.patch("piao.loading.plan.leggi_veloce", return_value=None):
        attento = _rilievi(plan)
    assert veloce == attento
    return len(veloce)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_both_paths_give_the_same_findings(plan: Path) -> None:
    _confronta(plan)


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.parent.name)
def test_both_paths_agree_on_a_draft_with_findings_in_every_file(
    plan: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "2026-2028"
    shutil.copytree(plan, draft)
    assert bozza(draft, None) > 5
    assert _confronta(draft) > 5
