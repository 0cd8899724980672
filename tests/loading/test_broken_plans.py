"""A broken plan gives one finding per problem, at the right file:line:column, exit 1,
and never a traceback: the "Done when" of the foundation issue, case by case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from piao import Severity, check_plan
from tests.conftest import EXAMPLE, SMALL, edit, line_of, run_subprocess


def findings_of(plan: Path) -> list[tuple[str, str, int | None, int | None]]:
    report = check_plan(plan).report
    return [(f.location.file, f.code, f.location.line, f.location.column) for f in report.findings]


def test_misspelt_key_points_at_the_key_and_suggests_the_right_one(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "anagrafica.yaml"
    edit(path, "  sede: Via Roma 12", "  seed: Via Roma 12")
    (finding,) = check_plan(plan).report.findings
    assert (finding.code, finding.location.file) == ("SC001", "anagrafica.yaml")
    assert (finding.location.line, finding.location.column) == (line_of(path, "seed:"), 3)
    assert finding.hint == "Forse intendevi «sede»?"
    assert finding.location.path == ("ente", "seed")


def test_misspelt_required_key_also_reports_the_missing_one(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "anagrafica.yaml"
    edit(path, "  denominazione: Comune", "  denominazone: Comune")
    assert sorted(findings_of(plan)) == [
        ("anagrafica.yaml", "SC001", line_of(path, "denominazone"), 3),
        # the missing key points at its parent mapping, `ente:` on the line before
        ("anagrafica.yaml", "SC002", line_of(path, "denominazone") - 1, 1),
    ]


def test_wrong_type_points_at_the_value(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "anagrafica.yaml"
    edit(path, 'codice_fiscale: "80098760456"', "codice_fiscale: 80098760456")
    (finding,) = check_plan(plan).report.findings
    assert finding.code == "SC003"
    assert (finding.location.line, finding.location.column) == (line_of(path, "codice_fiscale"), 19)
    assert finding.message == "Qui va un testo; trovato il numero «80098760456»."
    assert finding.hint == 'Scrivere il valore tra virgolette: "80098760456".'


def test_value_not_in_the_list_suggests_the_closest(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    path = plan / "fabbisogni_personale.yaml"
    edit(path, "    modalita: mobilita\n", "    modalita: mobilta\n")
    (finding,) = check_plan(plan).report.findings
    assert finding.code == "SC004"
    assert finding.location.line == line_of(path, "mobilta")
    assert finding.location.column == line_of_column(path, "mobilta")
    assert "concorso, mobilita" in finding.message
    assert finding.hint == "Forse intendevi «mobilita»?"


def test_an_error_inside_a_list_of_a_union_field_is_reported_where_it_is(
    plan_copy: Callable[[Path], Path],
) -> None:
    """`modalita` is one method or a list of methods: a typo inside the list is reported at
    the item, not as a complaint about the whole list."""
    plan = plan_copy(SMALL)
    path = plan / "fabbisogni_personale.yaml"
    edit(path, "{tipo: concorso, norma:", "{tipo: concorsso, norma:")
    (finding,) = check_plan(plan).report.findings
    assert finding.code == "SC004"
    assert finding.location.path == ("assunzioni", 0, "modalita", 0, "tipo")
    assert finding.location.line == line_of(path, "concorsso")
    assert finding.hint == "Forse intendevi «concorso»?"


def line_of_column(path: Path, needle: str) -> int:
    line = path.read_text(encoding="utf-8").splitlines()[line_of(path, needle) - 1]
    return line.index(needle) + 1


def test_impossible_date_is_reported_at_its_place(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "fabbisogni_personale.yaml"
    edit(path, "  al: 2025-12-31", "  al: 2025-02-30")
    (finding,) = check_plan(plan).report.findings
    assert (finding.code, finding.location.line, finding.location.column) == (
        "SC003",
        line_of(path, "2025-02-30"),
        7,
    )
    assert "data" in finding.message


def test_yaml_syntax_error(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    edit(
        path,
        "ore_pro_capite: {2026: 40, 2027: 40, 2028: 40}",
        "ore_pro_capite: {2026: 40, 2027: 40",
    )
    (finding,) = check_plan(plan).report.findings
    assert (finding.location.file, finding.code) == ("formazione.yaml", "YM001")
    assert finding.location.line == line_of(path, "ore_pro_capite") + 2
    assert finding.message.startswith("Errore di sintassi YAML: ")


def test_tab_indentation_is_reported(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "lavoro_agile.yaml"
    edit(path, "  invarianza_servizi:", "\tinvarianza_servizi:")
    (finding,) = check_plan(plan).report.findings
    assert finding.code == "YM001"
    assert finding.location.line == line_of(path, "invarianza_servizi")
    assert "tabulazione" in finding.message


def test_missing_file(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    (plan / "lavoro_agile.yaml").unlink()
    (finding,) = check_plan(plan).report.findings
    assert (finding.location.file, finding.code, finding.location.line) == (
        "lavoro_agile.yaml",
        "SC005",
        None,
    )
    assert "3.2 Organizzazione del lavoro agile" in finding.message


def test_sections_not_required_by_the_simplified_regime_may_be_absent() -> None:
    names = {p.name for p in SMALL.iterdir()}
    assert "performance.yaml" not in names
    assert check_plan(SMALL).report.findings == ()


def test_duplicate_key(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "anagrafica.yaml"
    edit(path, "regime: semplificato\n", "regime: semplificato\nregime: ordinario\n")
    (finding,) = check_plan(plan).report.findings
    assert (finding.code, finding.location.line, finding.location.column) == (
        "YM002",
        line_of(path, "regime: ordinario"),
        1,
    )
    assert f"già presente alla riga {line_of(path, 'regime: semplificato')}" in finding.message


def test_python_object_tag_is_refused_without_running_it(
    plan_copy: Callable[[Path], Path], tmp_path: Path
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "organizzazione.yaml"
    marker = tmp_path / "executed"
    edit(
        path,
        "atto_organizzazione: Regolamento",
        f"atto_organizzazione: !!python/object/apply:os.system ['touch {marker}']\nx: Regolamento",
    )
    (finding,) = check_plan(plan).report.findings
    assert (finding.code, finding.location.line) == ("YM003", line_of(path, "python/object"))
    assert "!!python/object/apply:os.system" in finding.message
    assert not marker.exists()


def test_non_utf8_file_points_at_the_first_bad_byte(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "pari_opportunita.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("latin-1"))
    (finding,) = check_plan(plan).report.findings
    lines = text.splitlines()
    line = next(i for i, row in enumerate(lines, 1) if "à" in row)
    column = lines[line - 1].index("à") + 1
    assert (finding.code, finding.location.line, finding.location.column) == ("YM004", line, column)
    assert "UTF-8" in finding.message


def test_file_that_is_not_a_mapping(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    (plan / "formazione.yaml").write_text("- un elenco\n- invece di una mappa\n", encoding="utf-8")
    (finding,) = check_plan(plan).report.findings
    assert (finding.code, finding.location.line) == ("YM005", 1)
    assert "non un elenco" in finding.message


def test_empty_file(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    (plan / "formazione.yaml").write_text("# solo un commento\n", encoding="utf-8")
    (finding,) = check_plan(plan).report.findings
    assert finding.code == "YM005"
    assert "vuoto" in finding.message


def test_aliases_are_refused(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    edit(
        path,
        "ore_pro_capite: {2026: 40, 2027: 40, 2028: 40}",
        "ore_pro_capite: &ore {2026: 40}\naltre: *ore",
    )
    (finding,) = check_plan(plan).report.findings
    assert (finding.code, finding.location.line) == ("YM006", line_of(path, "*ore"))


def test_billion_laughs_is_stopped_at_once(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb.append(
            f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]"
        )
    (plan / "formazione.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    (finding,) = check_plan(plan).report.findings
    assert finding.code == "YM006"


def test_bom_and_crlf_are_accepted(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "anagrafica.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert check_plan(plan).report.findings == ()


def test_unknown_file_is_a_warning_with_a_suggestion(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    (plan / "lavoro_agile.yaml").rename(plan / "lavoro-agile.yaml")
    findings = check_plan(plan).report.findings
    assert [(f.code, f.severity) for f in findings] == [
        ("SC006", Severity.WARNING),
        ("SC005", Severity.ERROR),
    ]
    assert findings[0].hint == "Forse intendevi «lavoro_agile.yaml»?"


def test_text_with_a_comma_in_braces_gets_a_quoting_hint(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "organizzazione.yaml"
    edit(
        path,
        "    numero: 3\n",
        "    numero: 3\n  - {livello: Responsabili, descrizione: Uffici, servizi}\n",
    )
    (finding,) = check_plan(plan).report.findings
    assert finding.code == "SC001"
    assert finding.hint is not None
    assert "virgolette" in finding.hint


def test_every_broken_case_at_once_exits_1_without_traceback(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "anagrafica.yaml", "  sede:", "  seed:")
    edit(plan / "anagrafica.yaml", 'codice_fiscale: "80098760456"', "codice_fiscale: 80098760456")
    edit(
        plan / "anagrafica.yaml",
        "regime: semplificato\n",
        "regime: semplificato\nregime: semplificato\n",
    )
    edit(plan / "formazione.yaml", "{2026: 40, 2027: 40, 2028: 40}", "{2026: 40")
    edit(
        plan / "organizzazione.yaml",
        "modello_organizzativo: >-",
        "modello_organizzativo: !!python/object:os.system >-",
    )
    (plan / "lavoro_agile.yaml").unlink()
    path = plan / "pari_opportunita.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    proc = run_subprocess("check", str(plan))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    for code in ("SC001", "SC003", "YM001", "YM002", "YM003", "YM004", "SC005"):
        assert code in proc.stdout, code
