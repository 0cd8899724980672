"""Italian forms whose meaning is plain are accepted; the others get a located, actionable
hint (issue 14.2 and the hints of its points 5 and 6).

Accents, capitals and spaces in a key or a closed-list value (`modalità`, `Pari
opportunità`) and `sì`/`no` in a yes/no field are read as the schema's codes without a
finding: the mapping is one-to-one and the document prints the accented label. An old
category (`cat. C`, `B3`) is never applied: the hint names the CCNL area to write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from piao import check_plan
from piao.render.view import build_view
from tests.conftest import EXAMPLE, SMALL, edit, line_of
from tests.render.outline import outline

Riga = tuple[str, str, int | None, str, str | None]


def _findings(plan: Path, *codes: str) -> list[Riga]:
    return [
        (f.code, f.location.file, f.location.line, f.message, f.hint)
        for f in check_plan(plan).report.findings
        if f.code.startswith(codes)
    ]


def test_accented_keys_and_values_are_read_as_codes_and_printed_with_accents(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(EXAMPLE)
    edit(plan / "valore_pubblico.yaml", "\naccessibilita:\n", "\naccessibilità:\n")
    edit(
        plan / "performance.yaml",
        "tipi: [qualita, efficacia]",
        "tipi: [Qualità, efficacia, pari opportunità]",
    )
    edit(
        plan / "valore_pubblico.yaml",
        "(WCAG 2.1 AA)\n    destinatari: [over65, persone_con_disabilita]",
        "(WCAG 2.1 AA)\n    destinatari: [over65, persone con disabilità]",
    )
    result = check_plan(plan)
    assert result.report.verdetto == "conforme", result.report.findings
    assert result.piano is not None
    assert result.piano.valore_pubblico is not None
    assert result.piano.valore_pubblico.accessibilita
    text = outline(build_view(result.piano, bozza=True))
    assert "Pari opportunità" in text
    assert "pari_opportunita" not in text
    assert "Persone con disabilità" in text


def test_an_accented_key_next_to_its_code_is_never_merged(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    edit(path, "    modalita: aula\n", "    modalita: aula\n    modalità: online\n")
    ((code, _, line, message, hint),) = _findings(plan, "SC")
    assert (code, line) == ("SC001", line_of(path, "modalità: online"))
    assert "«modalità»" in message
    assert hint == "Forse intendevi «modalita»?"


def test_a_finding_under_an_accented_key_points_at_the_key_as_written(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    edit(path, "    modalita: aula\n", "    Modalità: in aula\n")
    ((code, _, line, message, hint),) = _findings(plan, "SC")
    assert (code, line) == ("SC004", line_of(path, "Modalità: in aula"))
    assert "«in aula»" in message
    assert hint == "Forse intendevi «aula»?"


def test_a_rule_finding_under_a_capitalised_key_is_located(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "fabbisogni_personale.yaml"
    edit(
        path,
        "    area: istruttori\n    profilo: Istruttore contabile\n    numero: 1",
        "    Area: categoria_c\n    profilo: Istruttore contabile\n    numero: 1",
    )
    ((code, _, line, message, _),) = _findings(plan, "SC", "FP001")
    assert (code, line) == ("FP001", line_of(path, "Area: categoria_c"))
    assert "usare «istruttori» (Area degli Istruttori" in message


@pytest.mark.parametrize(
    ("scritto", "letto"), [("sì", True), ("Sì", True), ("si", True), ("vero", True), ("SI", True)]
)
def test_si_and_vero_are_true(plan_copy: Callable[[Path], Path], scritto: str, letto: bool) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "formazione.yaml", "syllabus: {adesione: true", f"syllabus: {{adesione: {scritto}")
    result = check_plan(plan)
    assert result.report.verdetto == "conforme"
    assert result.piano is not None
    assert result.piano.formazione is not None
    assert result.piano.formazione.syllabus is not None
    assert result.piano.formazione.syllabus.adesione is letto


@pytest.mark.parametrize("scritto", ["no", "No", "falso"])
def test_no_and_falso_are_false(plan_copy: Callable[[Path], Path], scritto: str) -> None:
    plan = plan_copy(SMALL)
    edit(
        plan / "fabbisogni_personale.yaml",
        "eccedenze: {presenti: false",
        f"eccedenze: {{presenti: {scritto}",
    )
    result = check_plan(plan)
    assert result.report.verdetto == "conforme"
    assert result.piano is not None
    fp = result.piano.fabbisogni_personale
    assert fp is not None
    assert fp.eccedenze is not None
    assert fp.eccedenze.presenti is False


def test_another_word_in_a_yes_no_field_says_what_to_write(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    edit(path, "syllabus: {adesione: true", "syllabus: {adesione: forse")
    ((code, _, line, message, hint),) = _findings(plan, "SC")
    assert (code, line) == ("SC003", line_of(path, "adesione: forse"))
    assert message == "Qui va un valore sì/no (sì, no, true o false); trovato il testo «forse»."
    assert hint == "Scrivere sì o no (oppure true o false)."


def test_a_closed_list_value_with_capitals_and_spaces(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "anagrafica.yaml", "regime: semplificato", "regime: Semplificato")
    edit(
        plan / "fabbisogni_personale.yaml",
        "{area: operatori_esperti, profilo: Autista",
        "{area: Operatori esperti, profilo: Autista",
    )
    assert check_plan(plan).report.verdetto == "conforme"


@pytest.mark.parametrize(
    ("scritto", "detto", "area", "nome"),
    [
        ("cat. C", "la categoria C", "istruttori", "Area degli Istruttori"),
        ("C1", "la posizione economica C1", "istruttori", "Area degli Istruttori"),
        ("B3", "la posizione economica B3", "operatori_esperti", "Area degli Operatori esperti"),
        ("Cat. D3", "la posizione economica D3", "funzionari_eq", "Area dei Funzionari"),
        ("cat.A", "la categoria A", "operatori", "Area degli Operatori"),
        ("D", "la categoria D", "funzionari_eq", "Area dei Funzionari"),
    ],
)
def test_an_old_category_gets_its_ccnl_area_in_the_hint_never_applied(
    plan_copy: Callable[[Path], Path], scritto: str, detto: str, area: str, nome: str
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "fabbisogni_personale.yaml"
    edit(
        path,
        "{area: istruttori, profilo: Istruttore contabile",
        f"{{area: {scritto}, profilo: Istruttore contabile",
    )
    ((code, _, line, message, hint),) = _findings(plan, "SC", "FP")
    assert (code, line) == ("SC004", line_of(path, "Istruttore contabile, numero: 2"))
    assert hint is not None
    assert hint.startswith(f"Dal 01/04/2023 {detto} del sistema precedente corrisponde all'{nome}")
    assert f"scrivere «{area}»" in hint
    assert "categoria_" not in message + hint
    assert check_plan(plan).report.verdetto != "conforme"


def test_an_old_category_in_words_is_the_legacy_code_that_fp001_translates(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "fabbisogni_personale.yaml"
    edit(path, "{area: operatori, profilo:", "{area: Categoria A, profilo:")
    ((code, _, line, message, _),) = _findings(plan, "SC", "FP")
    assert (code, line) == ("FP001", line_of(path, "Categoria A"))
    assert "usare «operatori» (Area degli Operatori, " in message


def test_a_section_number_read_as_a_number(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    path = plan / "monitoraggio.yaml"
    edit(path, 'sezione: "2.2"', "sezione: 2.2")
    ((code, _, line, message, hint),) = _findings(plan, "SC")
    assert (code, line) == ("SC003", line_of(path, "sezione: 2.2"))
    assert message.startswith(
        "«2.2» è letto come un numero, ma qui va uno dei testi ammessi (2.1, "
    )
    assert hint == 'Scrivere il valore tra virgolette: "2.2".'


def test_a_list_in_a_one_value_field(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    edit(path, "modalita: aula", "modalita: [aula, online]")
    ((code, _, line, message, hint),) = _findings(plan, "SC")
    assert (code, line) == ("SC003", line_of(path, "modalita: [aula, online]"))
    assert message == (
        "Qui va un solo valore tra: aula, online, blended, affiancamento; trovato un elenco."
    )
    assert hint is not None
    assert hint.startswith("Scegliere uno solo dei valori ammessi")


def test_a_map_expected_names_its_keys(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("syllabus: {")
    end = text.index("\n", start)
    path.write_text(text[:start] + "syllabus: sì" + text[end:], encoding="utf-8")
    ((code, _, line, message, hint),) = _findings(plan, "SC")
    assert (code, line) == ("SC003", line_of(path, "syllabus: sì"))
    assert message == "Qui va una mappa di chiavi; trovato il testo «sì»."
    assert hint is not None
    assert hint.endswith("le chiavi: adesione, data_adesione, copertura_personale.")


def test_a_missing_colon_is_reported_on_its_own_line(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    ore: 4\n", "    ore 4\n", 1), encoding="utf-8")
    ((code, _, line, message, _),) = _findings(plan, "YM")
    assert (code, line) == ("YM001", line_of(path, "    ore 4"))
    assert message == "Errore di sintassi YAML: manca il «:» dopo la chiave."


def test_one_extra_space_of_indent_is_blamed_on_the_indent(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "formazione.yaml"
    edit(path, "    tema: anticorruzione", "     tema: anticorruzione")
    ((code, _, line, message, _),) = _findings(plan, "YM")
    assert (code, line) == ("YM001", line_of(path, "     tema: anticorruzione"))
    assert "virgolette" not in message
    assert (
        "la chiave «tema» ha un rientro di 5 spazi, più della chiave «titolo» della riga sopra (4)"
        in message
    )
