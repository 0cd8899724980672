"""CONTRIBUTING.md stays in step with the code: every repository path it names exists,
and every registry or name it tells a contributor to use is still there."""

from __future__ import annotations

import re

from piao.authoring.diff import RENDERERS
from piao.render import WRITERS
from piao.reporting import REPORTERS
from piao.rules_doc import RULES_FORMATS
from tests.conftest import ROOT

TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_every_path_named_in_contributing_exists() -> None:
    paths = {
        p.split("::")[0]
        for p in re.findall(r"`([^`\s]+)`", TEXT)
        if "/" in p and not p.startswith(("../", "http")) and "<" not in p
    }
    assert len(paths) > 20
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert not missing, missing


def test_the_registries_contributing_names_exist() -> None:
    for name in ("REPORTERS", "WRITERS", "RULES_FORMATS", "RENDERERS", "PROPRIETARI"):
        assert name in TEXT
    assert REPORTERS
    assert WRITERS
    assert RULES_FORMATS
    assert RENDERERS
    for names in (
        "SEZIONI",
        "Sezione.assente",
        "YAML_CHECKS",
        "SCHEMA_CHECKS",
        "AVVISO_BOZZA",
        "CodiceUnita",
        "riferimento(",
        "Colonna",
    ):
        assert names in TEXT
    src = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "piao").rglob("*.py"))
    for symbol in ("SEZIONI", "YAML_CHECKS", "SCHEMA_CHECKS", "AVVISO_BOZZA", "CodiceUnita"):
        assert re.search(rf"^{symbol}\b", src, re.MULTILINE), symbol
    assert "def assente(" in src
    assert "class Colonna(" in src
    assert "class Materiale:" in src
