"""Imports point down only (DESIGN.md §2): model imports nothing else of piao; ruamel.yaml
is imported only by piao.loading."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "piao"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_model_imports_nothing_else_of_piao() -> None:
    for path in (PACKAGE / "model").glob("*.py"):
        ours = {n for n in _imports(path) if n.startswith("piao")}
        assert all(n.startswith("piao.model") for n in ours), (path.name, ours)


def test_only_loading_imports_ruamel() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "loading" in path.parts:
            continue
        assert not any(n.startswith("ruamel") for n in _imports(path)), path


def test_lower_layers_do_not_import_the_cli() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "cli" in path.parts or path.name == "__main__.py":
            continue
        assert not any(n.startswith("piao.cli") for n in _imports(path)), path


def test_reporters_read_only_the_report_and_the_catalogue_given_to_them() -> None:
    # piao.lingua is wording only (agreement of numbers and articles), piao.sicuro escaping
    # only (safe outputs): neither reads data.
    allowed = {"piao", "piao.catalogue", "piao.findings", "piao.lingua", "piao.sicuro"}
    for path in (PACKAGE / "reporting").glob("*.py"):
        ours = {n for n in _imports(path) if n.startswith("piao")}
        assert ours <= allowed | {n for n in ours if n.startswith("piao.reporting")}, (
            path.name,
            ours,
        )


def test_nothing_below_the_reports_imports_them() -> None:
    # The documents of the cycle (piao.rapporti) read piao.periodi, piao.model, piao.render;
    # only the CLI reads them.
    for path in PACKAGE.rglob("*.py"):
        if {"cli", "rapporti"} & set(path.parts):
            continue
        assert not any(n.startswith("piao.rapporti") for n in _imports(path)), path
