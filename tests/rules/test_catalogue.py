"""The rule catalogue: metadata complete and resolvable, and every rule proven by a
compliant and a non-compliant case applied to the full example plans."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from piao import Severity, check_plan
from piao.reference import riferimenti
from piao.rules import REGISTRY
from tests.rules.patching import apply_case, load_cases

CASES = load_cases()


def test_catalogue_has_at_least_45_rules_with_unique_codes_and_names() -> None:
    assert len(REGISTRY) >= 45
    names = [r.name for r in REGISTRY.values()]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"(AN|VP|PF|RC|OR|LA|FP|FO|PO|MO|CO)\d{3}", code) for code in REGISTRY)


def test_every_rule_has_both_cases_and_no_case_is_orphan() -> None:
    assert set(CASES) == set(REGISTRY)
    for code, case in CASES.items():
        assert {"conforme", "non_conforme"} <= set(case), code
        assert case["non_conforme"]["modifiche"], (
            f"{code}: a non-compliant case must change something"
        )


def test_every_basis_resolves_to_a_legal_act() -> None:
    norme = riferimenti().norme
    for rule in REGISTRY.values():
        assert all(b in norme for b in rule.basis), (rule.code, rule.basis)
        assert rule.basis or rule.integrita, (
            f"{rule.code}: only link-integrity rules may have no legal basis"
        )


def test_metadata_is_complete() -> None:
    for rule in REGISTRY.values():
        assert rule.summary.endswith("."), rule.code
        assert rule.esempio_conforme, rule.code
        assert rule.esempio_non_conforme, rule.code
        assert rule.regimi, rule.code


def test_severity_follows_confidence() -> None:
    implied = {"V": Severity.ERROR, "P": Severity.WARNING, "U": Severity.INFO}
    for rule in REGISTRY.values():
        expected = Severity.ERROR if rule.integrita else implied[rule.confidenza]
        if rule.severita is not expected:
            assert rule.severita.rank < expected.rank, rule.code
            assert rule.motivo_severita, rule.code


def test_catalogue_covers_every_rule_proposal_r01_to_r39() -> None:
    covered = {c for rule in REGISTRY.values() for c in rule.copre}
    assert {f"R{n:02d}" for n in range(1, 40)} <= covered


def _codes(plan: Path) -> list[str]:
    return [f.code for f in check_plan(plan).report.active]


@pytest.mark.parametrize("code", sorted(CASES))
def test_non_compliant_case_reports_exactly_that_rule(code: str, tmp_path: Path) -> None:
    case: dict[str, Any] = CASES[code]["non_conforme"]
    plan = apply_case(case, tmp_path / "piano")
    codes = _codes(plan)
    assert codes, f"{code}: {case['descrizione']} gives no finding"
    assert set(codes) == {code}, f"{code}: {case['descrizione']} gives {codes}"


@pytest.mark.parametrize("code", sorted(CASES))
def test_compliant_case_is_clean_for_that_rule(code: str, tmp_path: Path) -> None:
    case: dict[str, Any] = CASES[code]["conforme"]
    plan = apply_case(case, tmp_path / "piano")
    report = check_plan(plan).report
    assert code not in {f.code for f in report.active}, case["descrizione"]
    assert report.success, [(f.code, f.message) for f in report.active]
