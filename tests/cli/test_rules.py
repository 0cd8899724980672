"""`piao rules`: the catalogue as a table, as JSON, one rule explained; docs/regole.md fresh."""

from __future__ import annotations

import json

from piao.catalogue import catalogue
from piao.periodi.regole import REGOLE_PERIODO
from piao.rules import REGISTRY
from piao.rules_doc import rules_markdown
from tests.conftest import ROOT, run_cli


def test_rules_table_lists_every_code() -> None:
    result = run_cli("rules")
    assert result.exit_code == 0
    for code in (*REGISTRY, "YM001", "SC005"):
        assert f"\n{code} " in result.output


def test_rules_json_format() -> None:
    result = run_cli("rules", "--format", "json")
    data = json.loads(result.output)
    assert [item["code"] for item in data] == list(catalogue())
    regole = len(REGISTRY) + len(REGOLE_PERIODO)
    assert sum(item["kind"] == "regola" for item in data) == regole
    for item in data:
        assert {"code", "name", "kind", "severity", "summary", "basis", "regimes"} <= set(item)
        assert item["severity"] in ("error", "warning", "info")
        if item["kind"] == "regola":
            assert item["confidence"] in ("V", "P", "U")


def test_every_code_is_explained_in_every_format() -> None:
    for code in ("SC001", "YM006", "CO003"):
        text = run_cli("rules", code)
        assert text.exit_code == 0
        assert text.output.startswith(code)
        one = json.loads(run_cli("rules", code, "--format", "json").output)
        assert one["code"] == code
        assert one["kind"] in ("sintassi", "struttura", "regola", "periodo")
        markdown = run_cli("rules", code, "--format", "markdown")
        assert markdown.output.startswith(f"## {code}")
    assert json.loads(run_cli("rules", "sc006", "-f", "json").output)["severity"] == "warning"


def test_rule_explained_with_its_law_and_confidence() -> None:
    result = run_cli("rules", "la001")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("LA001  lavoro-agile.cinque-punti")
    assert "Confidenza del fatto giuridico: verificata (V)" in out
    assert "art. 4 c. 1 lett. b D.M. 30 giugno 2022 n. 132" in out
    assert "Esempio non conforme:" in out


def test_lowered_severity_is_explained() -> None:
    out = run_cli("rules", "FO001").output
    assert "Livello predefinito: avviso" in out
    assert "Perché questo livello:" in out


def test_unknown_rule_exits_2() -> None:
    result = run_cli("rules", "ZZ999")
    assert result.exit_code == 2


def test_rules_doc_is_fresh() -> None:
    assert (ROOT / "docs" / "regole.md").read_text(encoding="utf-8") == rules_markdown(
        catalogue()
    ), "run `make docs` to regenerate docs/regole.md"
