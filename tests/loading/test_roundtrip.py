"""Loading and saving a plan with no change gives byte-identical files; placeholders
«da compilare» / «da definire» are reported once each, at their line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from piao import check_plan
from piao.loading.roundtrip import dump_text, house_style, load_text
from tests.conftest import EXAMPLE, PLANS, SMALL, edit, line_of

PLAN_FILES = sorted(PLANS.glob("*/*/*.yaml"))


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_round_trip_is_byte_identical(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert dump_text(load_text(text)) == text
    assert dump_text(house_style(load_text(text))) == text, "example plans are in the house style"


def test_house_style_keeps_comments_and_moves_long_flow_collections_to_block() -> None:
    text = (
        "# commento in testa\n"
        "a: {x: 1, y: 2}  # breve\n"
        "b: {descrizione: " + "molto " * 30 + "lunga, valore: 3}\n"
    )
    out = dump_text(house_style(load_text(text)))
    assert out.startswith("# commento in testa\na: {x: 1, y: 2}  # breve\nb:\n  descrizione: molto")
    assert dump_text(house_style(load_text(out))) == out


def test_each_placeholder_is_one_finding_at_its_line(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    edit(
        plan / "formazione.yaml",
        "ore_pro_capite: {2026: 40, 2027: 40, 2028: 40}",
        "ore_pro_capite: {2026: 40, 2027: 40, 2028: da definire}",
    )
    edit(
        plan / "anagrafica.yaml",
        "  sede: Piazza del Municipio 1, 00100 Esempio (EX)",
        "  sede: da compilare",
    )
    edit(
        plan / "lavoro_agile.yaml",
        "giornate_agili_max_settimana: 2",
        "giornate_agili_max_settimana: da compilare",
    )
    report = check_plan(plan).report
    assert report.rules_run
    assert sorted((f.location.file, f.code, f.location.line) for f in report.findings) == [
        ("anagrafica.yaml", "SC007", line_of(plan / "anagrafica.yaml", "sede: da compilare")),
        ("formazione.yaml", "SC007", line_of(plan / "formazione.yaml", "2028: da definire")),
        (
            "lavoro_agile.yaml",
            "SC007",
            line_of(plan / "lavoro_agile.yaml", "giornate_agili_max_settimana"),
        ),
    ]
    assert all(f.message.startswith("Valore ancora da compilare") for f in report.findings)


def test_placeholder_in_a_required_field_stops_the_rules_without_a_second_finding(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    edit(
        plan / "anagrafica.yaml",
        "  popolazione: {valore: 2480, al: 2024-12-31}",
        "  popolazione: {valore: 2480, al: da compilare}",
    )
    report = check_plan(plan).report
    assert [f.code for f in report.findings] == ["SC007"]
    assert not report.rules_run
