"""The committed JSON Schemas are fresh, referenced by every plan file, and usable by an
editor: the example files validate against them, a broken file does not."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from piao.model import SEZIONI
from piao.schemas import dumps, section_schemas
from tests.conftest import EXAMPLES, PLANS, ROOT, run_cli

SCHEMAS = ROOT / "schemas"
PLAN_FILES = sorted(PLANS.glob("*/*/*.yaml"))
PERIOD_FILES = sorted(
    p for p in PLANS.glob("*/*/monitoraggio/*.yaml") if not p.stem.startswith("rpct-")
)
"""The files of the monitoring periods (`piao monitoraggio`): one schema for all."""
RPCT_FILES = sorted(PLANS.glob("*/*/monitoraggio/rpct-*.yaml"))
"""The RPCT's facts of a year (`piao relazione-rpct`)."""


def test_committed_schemas_are_fresh() -> None:
    generated = section_schemas()
    committed = {p.name for p in SCHEMAS.glob("*.schema.json")}
    assert committed == set(generated), "run `make schemas`"
    for name, schema in generated.items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == dumps(schema), (
            f"{name} is stale: run `make schemas`"
        )


def test_schema_command_writes_one_schema_per_section(tmp_path: Path) -> None:
    result = run_cli("schema", "--out", str(tmp_path))
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*(f"{s.key}.schema.json" for s in SEZIONI), "periodo.schema.json", "rpct.schema.json"]
    )
    schema = json.loads((tmp_path / "anagrafica.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["regime"]["description"].startswith("Ordinario")


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_plan_file_points_at_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    target = (path.parent / first.removeprefix(prefix)).resolve()
    assert target == SCHEMAS / f"{path.stem}.schema.json"


def _as_json(node: Any) -> Any:
    """What an editor's YAML language server sees: keys as strings, dates as strings."""
    if isinstance(node, dict):
        return {str(k): _as_json(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_as_json(v) for v in node]
    if isinstance(node, datetime.date):
        return node.isoformat()
    return node


def _validator(section: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{section}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_example_files_validate_against_the_schema(path: Path) -> None:
    data = _as_json(YAML(typ="safe").load(path))
    errors = list(_validator(path.stem).iter_errors(data))
    assert errors == []


@pytest.mark.parametrize(
    "path", PERIOD_FILES, ids=lambda p: f"{p.parent.parent.parent.name}/{p.name}"
)
def test_example_period_files_point_at_and_validate_against_their_schema(path: Path) -> None:
    assert PERIOD_FILES, "the example plan has a filled period file"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    target = (path.parent / first.removeprefix("# yaml-language-server: $schema=")).resolve()
    assert target == SCHEMAS / "periodo.schema.json"
    data = _as_json(YAML(typ="safe").load(path))
    assert list(_validator("periodo").iter_errors(data)) == []
    data["indicatori"][next(iter(data["indicatori"]))]["valor"] = 1  # the first indicator
    data["misure"]["MIS-01"]["stato"] = "fatta"
    assert len(list(_validator("periodo").iter_errors(data))) == 2


@pytest.mark.parametrize(
    "path", RPCT_FILES, ids=lambda p: f"{p.parent.parent.parent.name}/{p.name}"
)
def test_example_rpct_files_point_at_and_validate_against_their_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    target = (path.parent / first.removeprefix("# yaml-language-server: $schema=")).resolve()
    assert target == SCHEMAS / "rpct.schema.json"
    data = _as_json(YAML(typ="safe").load(path))
    assert list(_validator("rpct").iter_errors(data)) == []
    data["whistleblowing"]["ricevute"] = "tre"
    assert len(list(_validator("rpct").iter_errors(data))) == 1


def test_schema_rejects_what_the_model_rejects() -> None:
    data = _as_json(YAML(typ="safe").load(EXAMPLES[1] / "anagrafica.yaml"))
    data["regime"] = "semplice"
    data["ente"]["codice_fiscale"] = 80098760456
    data["ente"]["denominazone"] = "x"
    messages = sorted(e.message for e in _validator("anagrafica").iter_errors(data))
    assert len(messages) == 3
