"""Figures written the Italian way are never silently read as other numbers (issue 14.1).

YAML reads `6.000` as 6 and `33.500` as 33.5; a decimal comma inside brackets splits one
value in two; a ` #` cuts a plain text. Each is a located finding with the value to write:
an error where the field is an amount in euro or a count, a warning elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from piao import Severity, check_plan
from piao.cifre import numero_italiano
from tests.conftest import EXAMPLE, SMALL, edit, line_of, run_subprocess


def _only(plan: Path, code: str) -> list[tuple[str, int | None, Severity, str, str | None]]:
    report = check_plan(plan).report
    return [
        (f.location.file, f.location.line, f.severity, f.message, f.hint)
        for f in report.findings
        if f.code == code
    ]


@pytest.mark.parametrize(
    ("scritto", "letto", "inteso"),
    [("6.000", "6", "6000"), ("33.500", "33,5", "33500"), ("2.500", "2,5", "2500")],
)
def test_thousands_dot_in_an_amount_is_an_error_with_the_value_to_write(
    plan_copy: Callable[[Path], Path], scritto: str, letto: str, inteso: str
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    edit(path, "budget: {2026: 2500.00,", f"budget: {{2026: {scritto},")
    ((file, line, severity, message, hint),) = _only(plan, "SC008")
    assert (file, line, severity) == ("formazione.yaml", line_of(path, "budget:"), Severity.ERROR)
    assert message.startswith(f"«{scritto}» è letto come {letto}: ")
    assert f"quasi certamente è {inteso}" in message
    assert hint is not None
    assert hint.startswith(f"Scrivere {inteso} (senza punti)")
    result = check_plan(plan)
    assert result.report.verdetto != "conforme"


def test_thousands_dot_in_a_block_amount_and_a_count(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "fabbisogni_personale.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("costo_annuo: 33200.00", "costo_annuo: 33.200", 1), "utf-8")
    ((_, line, severity, message, _),) = _only(plan, "SC008")
    assert line == line_of(path, "costo_annuo: 33.200")
    assert severity is Severity.ERROR
    assert "33,2" in message
    assert "33200" in message


def test_two_dots_are_a_type_error_whose_hint_gives_the_number(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "fabbisogni_personale.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("costo_annuo: 33200.00", "costo_annuo: 1.500.000", 1), "utf-8")
    (finding,) = [f for f in check_plan(plan).report.findings if f.code == "SC003"]
    assert finding.message == "Qui va un numero; trovato il testo «1.500.000»."
    assert finding.hint is not None
    assert finding.hint.startswith("Scrivere 1500000:")


def test_decimal_comma_in_a_block_value_gets_the_dotted_number(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "fabbisogni_personale.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("costo_annuo: 33200.00", "costo_annuo: 33200,50", 1), "utf-8")
    (finding,) = [f for f in check_plan(plan).report.findings if f.code == "SC003"]
    assert finding.hint is not None
    assert finding.hint.startswith("Scrivere 33200.50:")


def test_decimal_comma_inside_brackets_is_reported_where_it_splits(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    edit(path, "2028: 2500.00}", "2028: 2500,50}")
    ((_, line, severity, message, hint),) = _only(plan, "SC008")
    assert line == line_of(path, "budget:")
    assert severity is Severity.WARNING
    assert "letto come due valori, 2500 e 50" in message
    assert hint is not None
    assert "2500.50" in hint


def test_a_three_decimal_indicator_value_is_a_warning_not_an_error(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(EXAMPLE)
    path = plan / "performance.yaml"
    edit(path, "baseline: {anno: 2025, valore: 22}", "baseline: {anno: 2025, valore: 1.250}")
    ((_, line, severity, message, _),) = _only(plan, "SC008")
    assert line == line_of(path, "valore: 1.250")
    assert severity is Severity.WARNING
    assert "se intendevi 1250" in message


def test_plain_numbers_and_comments_in_house_style_raise_nothing() -> None:
    for plan in (EXAMPLE, SMALL):
        assert _only(plan, "SC008") == []
        assert _only(plan, "SC009") == []


def test_leading_zeros_are_kept_in_the_hint(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "anagrafica.yaml", 'codice_fiscale: "80098760456"', "codice_fiscale: 00123450987")
    (finding,) = check_plan(plan).report.findings
    assert finding.message == "Qui va un testo; trovato il numero «123450987»."
    assert finding.hint == 'Scrivere il valore tra virgolette: "00123450987".'


def test_a_hash_that_cuts_a_text_is_a_warning_at_the_hash(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "organizzazione.yaml"
    text = path.read_text(encoding="utf-8")
    riga = next(line for line in text.splitlines() if line.strip().startswith("descrizione: "))
    path.write_text(text.replace(riga, riga + " #1 del piano", 1), encoding="utf-8")
    ((file, line, severity, message, hint),) = _only(plan, "SC009")
    assert (file, line, severity) == (
        "organizzazione.yaml",
        line_of(path, "#1 del"),
        Severity.WARNING,
    )
    assert "«#1 del piano»" in message
    assert hint is not None
    assert "virgolette" in hint


def test_hash_inside_quotes_or_a_block_text_is_part_of_the_text(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "organizzazione.yaml"
    text = path.read_text(encoding="utf-8")
    riga = next(line for line in text.splitlines() if line.strip().startswith("descrizione: "))
    chiave, valore = riga.split("descrizione: ", 1)
    quoted = f'{chiave}descrizione: "{valore} #1 del piano"'
    block = f"{chiave}descrizione: |\n{chiave}  {valore}\n{chiave}  #1 del piano"
    for variant in (quoted, block):
        path.write_text(text.replace(riga, variant, 1), encoding="utf-8")
        assert _only(plan, "SC009") == []


@pytest.mark.parametrize(
    ("testo", "numero"),
    [
        ("6.000", "6000"),
        ("1.500.000", "1500000"),
        ("6,5", "6.5"),
        ("1.500,50", "1500.50"),
        ("-4,52", "-4.52"),
        ("6.5", None),
        ("2026", None),
        ("12.3456", None),
    ],
)
def test_italian_forms_are_recognised(testo: str, numero: str | None) -> None:
    assert numero_italiano(testo) == numero


def test_cli_exit_code_and_location(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    edit(path, "budget: {2026: 2500.00,", "budget: {2026: 6.000,")
    result = run_subprocess("check", str(plan))
    assert result.returncode == 1
    assert f"formazione.yaml:{line_of(path, 'budget:')}:16" in result.stdout
    assert "SC008" in result.stdout
    assert "Traceback" not in result.stderr
