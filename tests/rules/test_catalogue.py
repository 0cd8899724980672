"""The rule catalogue: metadata complete and resolvable, and every rule proven by named
compliant and non-compliant cases (`casi/<CODE>.yaml`) applied to the full example plans:
a non-compliant case gives exactly its expected findings, code and place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from piao import Severity, check_plan
from piao.reference import riferimenti
from piao.rules import REGISTRY
from tests.lingua_controllo import difetti
from tests.rules.patching import CASI, Caso, Trovato, build, expected, load_cases, paths_of
from tests.rules.paths import model_error, written

CASES = load_cases()
ALL = [caso for casi in CASES.values() for caso in casi]


def test_catalogue_has_at_least_45_rules_with_unique_codes_and_names() -> None:
    assert len(REGISTRY) >= 45
    names = [r.name for r in REGISTRY.values()]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"(AN|VP|PF|RC|OR|LA|FP|FO|PO|MO|CO)\d{3}", code) for code in REGISTRY)


def test_every_rule_has_a_case_file_and_every_case_file_a_rule() -> None:
    files = {p.stem for p in CASI.iterdir() if p.suffix == ".yaml"}
    assert not set(REGISTRY) - files, f"rules without a case file: {sorted(set(REGISTRY) - files)}"
    assert not files - set(REGISTRY), f"case files of no rule: {sorted(files - set(REGISTRY))}"


@pytest.mark.parametrize("code", sorted(CASES))
def test_every_rule_has_compliant_and_non_compliant_cases(code: str) -> None:
    casi = CASES[code]
    assert any(c.conforme for c in casi), f"{code}: no compliant case"
    assert any(not c.conforme for c in casi), f"{code}: no non-compliant case"
    for c in casi:
        own = [a for a in c.rilievi if a.code == code]
        if c.conforme:
            assert not own, f"{c.id}: a compliant case cannot expect its own rule"
        else:
            assert c.modifiche, f"{c.id}: a non-compliant case must change something"
            assert own, f"{c.id}: a non-compliant case must expect its own rule"


def test_every_path_of_the_cases_resolves_against_the_model() -> None:
    errors = [
        f"{caso.id}: {what}: {error}"
        for caso in ALL
        for what, file, path in paths_of(caso)
        if (error := model_error(file, path))
    ]
    assert not errors, "\n".join(errors)


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


def test_severity_follows_binding_force_and_confidence() -> None:
    implied = {"V": Severity.ERROR, "P": Severity.WARNING, "U": Severity.INFO}
    for rule in REGISTRY.values():
        expected = Severity.ERROR if rule.integrita else implied[rule.confidenza]
        if not rule.vincolante and not rule.integrita and expected is Severity.ERROR:
            expected = Severity.WARNING  # soft law is a warning at most
        if rule.severita is not expected:
            assert rule.severita.rank < expected.rank, rule.code
            assert rule.motivo_severita, rule.code


def test_a_rule_is_no_surer_than_its_law() -> None:
    """A rule's confidence never exceeds that of the law it applies (its binding basis,
    or any basis for a soft-law rule); link-integrity checks are facts about the data."""
    norme = riferimenti().norme
    rank = {"V": 3, "P": 2, "U": 1}
    for rule in REGISTRY.values():
        if rule.integrita or not rule.basis:
            continue
        pertinenti = [norme[b] for b in rule.basis if norme[b].vincolante or not rule.vincolante]
        assert rank[rule.confidenza] <= max(rank[n.confidenza] for n in pertinenti), rule.code


def test_only_rules_resting_on_soft_law_or_an_exception_can_be_waived() -> None:
    norme = riferimenti().norme
    for rule in REGISTRY.values():
        vincolanti = [norme[b] for b in rule.basis if norme[b].vincolante]
        if rule.integrita:
            assert not rule.derogabile, rule.code
        elif not vincolanti:
            assert rule.derogabile, rule.code
        else:
            assert rule.derogabile == all(n.eccezione for n in vincolanti), rule.code
    assert REGISTRY["PO001"].derogabile
    assert not REGISTRY["AN006"].derogabile


def test_catalogue_covers_every_rule_proposal_r01_to_r39() -> None:
    covered = {c for rule in REGISTRY.values() for c in rule.copre}
    assert {f"R{n:02d}" for n in range(1, 40)} <= covered


def _check(caso: Caso, tmp_path: Path) -> tuple[set[Trovato], set[Trovato], bool, str]:
    """Expected and actual active findings of a case, success, and both shown for a message."""
    data = build(caso, tmp_path / "piano")
    report = check_plan(tmp_path / "piano").report
    actual = {(f.code, f.location.file, f.location.path) for f in report.active}
    want = expected(caso, data)

    def show(found: set[Trovato]) -> str:
        places = sorted(
            (c, ":".join(filter(None, (f, written(data.get(f), p))))) for c, f, p in found
        )
        return "\n  ".join(f"- [{c}, {place!r}]" for c, place in places) or "nothing"

    message = f"{caso.id}: {caso.descrizione}\nexpected:\n  {show(want)}\nfound:\n  {show(actual)}"
    parole = [d for f in report.findings for d in difetti(f"{f.message}\n{f.hint or ''}")]
    assert not parole, f"{caso.id}: " + "\n".join(parole)
    return want, actual, report.success, message


@pytest.mark.parametrize("caso", [c for c in ALL if not c.conforme], ids=lambda c: c.id)
def test_non_compliant_case_gives_exactly_its_findings(caso: Caso, tmp_path: Path) -> None:
    want, actual, _, message = _check(caso, tmp_path)
    assert actual == want, message


@pytest.mark.parametrize("caso", [c for c in ALL if c.conforme], ids=lambda c: c.id)
def test_compliant_case_is_clean(caso: Caso, tmp_path: Path) -> None:
    want, actual, success, message = _check(caso, tmp_path)
    assert caso.regola not in {code for code, _, _ in actual}, message
    assert actual == want, message
    assert success, message
