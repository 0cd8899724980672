"""The rules on a period file (MP010 and after): each proven by the cases of `casi/<CODE>.yaml`,
in the format of `tests/rules/patching.py`, applied to a copy of the example plan and its
period file `monitoraggio/2026-S1.yaml`; a non-compliant case gives exactly its findings,
a compliant one nothing at all. Then the catalogue: the rules are in `piao rules` with
their basis, like the rules of `piao check`."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from piao import Severity
from piao.catalogue import catalogue
from piao.periodi import controlla_periodi
from piao.periodi.regole import REGOLE_PERIODO
from piao.reference import riferimenti
from tests.conftest import EXAMPLE, run_cli
from tests.lingua_controllo import difetti
from tests.rules.patching import Caso, Trovato, _apply, expected, load_file
from tests.rules.paths import written

CASI = Path(__file__).resolve().parent / "casi"
CASES = {p.stem: load_file(p) for p in sorted(CASI.glob("*.yaml"))}
ALL = [caso for casi in CASES.values() for caso in casi]


def _build(caso: Caso, target: Path) -> dict[str, Any]:
    """Copy the example plan with its period files into `target`, apply the edits."""
    shutil.copytree(EXAMPLE, target)
    yaml = YAML(typ="safe")
    data: dict[str, Any] = {}
    for m in caso.modifiche:
        if m.file not in data:
            data[m.file] = copy.deepcopy(yaml.load(target / m.file))
        _apply(data[m.file], m)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    for file, content in data.items():
        with (target / file).open("w", encoding="utf-8") as handle:
            yaml.dump(content, handle)
    for file in {a.file for a in caso.rilievi} - set(data):
        data[file] = yaml.load(target / file)
    return data


def _check(caso: Caso, tmp_path: Path) -> tuple[set[Trovato], set[Trovato], str]:
    data = _build(caso, tmp_path / "piano")
    report = controlla_periodi(tmp_path / "piano")
    actual = {(f.code, f.location.file, f.location.path) for f in report.active}
    want = expected(caso, data)

    def show(found: set[Trovato]) -> str:
        places = sorted((c, f"{f}:{written(data.get(f), p)}") for c, f, p in found)
        return "\n  ".join(f"- [{c}, {place!r}]" for c, place in places) or "nothing"

    parole = [d for f in report.findings for d in difetti(f"{f.message}\n{f.hint or ''}")]
    assert not parole, f"{caso.id}: " + "\n".join(parole)
    assert all(f.location.line for f in report.findings), caso.id
    return want, actual, f"{caso.id}\nexpected:\n  {show(want)}\nfound:\n  {show(actual)}"


@pytest.mark.parametrize("caso", [c for c in ALL if not c.conforme], ids=lambda c: c.id)
def test_non_compliant_case_gives_exactly_its_findings(caso: Caso, tmp_path: Path) -> None:
    want, actual, message = _check(caso, tmp_path)
    assert actual == want, message


@pytest.mark.parametrize("caso", [c for c in ALL if c.conforme], ids=lambda c: c.id)
def test_compliant_case_is_clean(caso: Caso, tmp_path: Path) -> None:
    want, actual, message = _check(caso, tmp_path)
    assert actual == want, message


def test_every_period_rule_has_both_kinds_of_case_and_every_case_file_a_rule() -> None:
    assert set(CASES) == set(REGOLE_PERIODO)
    for code, casi in CASES.items():
        assert any(c.conforme for c in casi), code
        assert any(not c.conforme for c in casi), code
        for c in casi:
            assert all(a.code == code for a in c.rilievi), c.id


def test_period_rules_are_in_the_catalogue_with_their_law() -> None:
    cat = catalogue()
    norme = riferimenti().norme
    rank = {"V": 3, "P": 2, "U": 1}
    for code, regola in REGOLE_PERIODO.items():
        voce = cat[code]
        assert voce.regola
        assert voce.basis == regola.basis
        assert voce.summary.endswith(".")
        assert voce.esempio_conforme
        assert voce.esempio_non_conforme
        assert all(b in norme for b in regola.basis), code
        if regola.integrita:
            assert voce.severity is Severity.ERROR
            assert not regola.basis
            continue
        # A general duty of monitoring is at most a warning; never surer than its law.
        assert voce.severity.rank <= Severity.WARNING.rank, code
        assert rank[regola.confidenza] <= max(rank[norme[b].confidenza] for b in regola.basis)
    result = run_cli("rules", "MP013")
    assert result.exit_code == 0, result.output
    assert "PNA 2019" in result.output
    assert "Base giuridica" in result.output
    listed = json.loads(run_cli("rules", "--format", "json").output)
    codes = {r["code"] for r in listed if r["kind"] == "regola"}
    assert set(REGOLE_PERIODO) <= codes


def test_findings_are_located_with_citations_in_every_format(tmp_path: Path) -> None:
    caso = next(c for c in CASES["MP013"] if not c.conforme)
    _build(caso, tmp_path / "piano")
    result = run_cli("monitoraggio", "check", str(tmp_path / "piano"), "--format", "json")
    assert result.exit_code == 0, result.output  # a warning does not fail by default
    (finding,) = json.loads(result.output)["findings"]
    assert finding["code"] == "MP013"
    assert finding["file"] == "monitoraggio/2026-S1.yaml"
    assert finding["line"] > 1
    text = run_cli("monitoraggio", "check", str(tmp_path / "piano")).output
    assert f"2026-S1.yaml:{finding['line']}:{finding['column']}" in text
    assert "Traceback" not in text
    sarif = run_cli("monitoraggio", "check", str(tmp_path / "piano"), "--format", "sarif")
    assert "MP013" in sarif.output


def test_a_target_of_the_triennio_is_due_in_its_last_year_only(tmp_path: Path) -> None:
    plan = tmp_path / "piano"
    shutil.copytree(EXAMPLE, plan)
    for anno in ("2027", "2028"):
        (plan / "monitoraggio" / f"{anno}.yaml").write_text("indicatori: {}\n", encoding="utf-8")
    report = controlla_periodi(plan)
    files = {f.location.file for f in report.findings if f.code == "MP010"}
    assert files == {"monitoraggio/2027.yaml", "monitoraggio/2028.yaml"}
    messaggi = [
        f.message for f in report.findings if f.code == "MP010" and "«OBP-24-I1»" in f.message
    ]
    assert len(messaggi) == 1
    assert "il target del triennio, che si misura nel suo ultimo anno" in messaggi[0]
    (f,) = [f for f in report.findings if "«OBP-24-I1»" in f.message]
    assert f.location.file == "monitoraggio/2028.yaml"
