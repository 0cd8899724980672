"""The adoption deadline through the library and the CLI, on copies of the example plans:
deadlines by year and region, the roll-over of a term that falls on a Sunday or a
holiday, the two readings of art. 8 c.2 DM 132/2022, and the in-year updates (checked,
printed in the document, shown by `piao diff`, dropped by `piao rollover`). The exact
findings of the 2026 cases are in tests/rules/casi/AN006.yaml, AN020.yaml and AN021.yaml;
here the messages and the years the example plans cannot reach without other findings."""

from __future__ import annotations

import datetime
import itertools
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from piao import Severity, check_plan
from piao.findings import Finding
from piao.reference import riferimenti
from piao.render.view import build_view
from piao.scadenze import pasqua, primo_giorno_utile
from tests.conftest import EXAMPLE, edit, run_cli
from tests.render.outline import outline

TERMINE = ("AN006", "AN007", "AN020", "AN021")
ANAGRAFICA = "anagrafica.yaml"
ADOZIONE = "delibera: {numero: 41, data: 2026-03-24}"
BILANCIO = "bilancio: {atto: Deliberazione del Consiglio comunale n. 9, data: 2026-02-26}"
DIFFERITO = (
    "termine_bilancio_differito: {data: 2026-02-28, atto: Decreto del Ministro dell'Interno "
    "24/12/2025}"
)
AGGIORNAMENTI = """
aggiornamenti:
  - organo: giunta
    delibera: {numero: 95, data: 2026-07-16}
    sezioni: ["3.3"]
    motivo: Nuove assunzioni autorizzate dopo l'assestamento di bilancio
  - organo: giunta
    delibera: {numero: 140, data: 2026-11-26}
    sezioni: ["2.3", "3.1"]
    motivo: Riorganizzazione dei settori e nuova mappatura dei processi
"""

Copia = Callable[..., Path]


@pytest.fixture
def esempio(tmp_path: Path) -> Copia:
    """Copies of the ordinary example plan with the adoption date, cycle and region given."""
    copie = itertools.count()

    def make(
        adottato: str,
        *,
        triennio: int = 2026,
        regione: str | None = None,
        bilancio: str | None = None,
        differito: str | None = None,
    ) -> Path:
        plan = tmp_path / f"copia-{next(copie)}" / "piano"
        shutil.copytree(EXAMPLE, plan)
        path = plan / ANAGRAFICA
        edit(path, ADOZIONE, f"delibera: {{numero: 41, data: {adottato}}}")
        # Publication after adoption, so that AN009 stays quiet whatever the date.
        text = path.read_text(encoding="utf-8")
        text = text.replace("data: 2026-03-26", f"data: {adottato}")
        text = text.replace("{data: 2026-03-27,", f"{{data: {adottato},")
        path.write_text(text, encoding="utf-8")
        if triennio != 2026:
            edit(
                path,
                "triennio: {da: 2026, a: 2028}",
                f"triennio: {{da: {triennio}, a: {triennio + 2}}}",
            )
        if regione is not None:
            edit(path, "  tipologia: comune\n", f"  tipologia: comune\n  regione: {regione}\n")
        if bilancio is not None:
            edit(path, BILANCIO, BILANCIO.replace("2026-02-26", bilancio))
        if differito is not None:
            edit(path, DIFFERITO, DIFFERITO.replace("2026-02-28", differito))
        return plan

    return make


def _findings(plan: Path) -> list[Finding]:
    report = check_plan(plan, select=TERMINE).report
    assert report.rules_run
    return report.active


def _only(plan: Path, code: str) -> Finding:
    found = _findings(plan)
    assert [f.code for f in found] == [code], [(f.code, f.message) for f in found]
    return found[0]


# --- 2026: deadlines by region -------------------------------------------------------


def test_a_comune_of_sicilia_adopting_on_20_april_2026_is_on_time(esempio: Copia) -> None:
    plan = esempio("2026-04-20", regione="sicilia", bilancio="2026-03-30", differito="2026-03-31")
    assert _findings(plan) == []
    result = run_cli("check", str(plan))
    assert result.exit_code == 0, result.output


def test_a_comune_of_sicilia_adopting_on_1_may_2026_is_late(esempio: Copia) -> None:
    plan = esempio("2026-05-01", regione="sicilia", bilancio="2026-03-30")
    f = _only(plan, "AN006")
    assert f.severity is Severity.ERROR
    assert "1 giorno dopo il termine del 30/04/2026" in f.message
    assert "per i comuni di Calabria, Sicilia e Sardegna" in f.message
    assert "atto parzialmente verificato" in f.message
    assert "Rischio:" in f.message
    assert run_cli("check", str(plan)).exit_code == 1


def test_a_comune_of_lombardia_adopting_on_20_april_2026_is_late(esempio: Copia) -> None:
    f = _only(esempio("2026-04-20", regione="lombardia"), "AN006")
    assert "21 giorni dopo il termine del 30/03/2026" in f.message
    assert "regione" not in f.message
    assert "Rischio:" in f.message


def test_without_a_region_the_national_term_applies_and_the_region_is_asked(
    esempio: Copia,
) -> None:
    f = _only(esempio("2026-04-20"), "AN006")
    assert f.severity is Severity.ERROR
    assert "termine del 30/03/2026" in f.message
    assert "La regione dell'ente non è indicata" in f.message
    assert "il termine è il 30/04/2026" in f.message
    assert "il piano sarebbe nei termini" in f.message
    assert "«ente.regione»" in f.message
    # The outcome hangs on a missing datum: no sanction is threatened.
    assert "Rischio" not in f.message


def test_without_a_region_a_declared_regional_budget_term_is_pointed_out(esempio: Copia) -> None:
    f = _only(esempio("2026-04-20", differito="2026-03-31"), "AN006")
    assert "il piano indica proprio questo termine del bilancio (31/03/2026)" in f.message
    assert "«ente.regione»" in f.message


def test_a_regional_deferral_for_comuni_does_not_cover_a_provincia(esempio: Copia) -> None:
    plan = esempio("2026-04-20", regione="sicilia")
    edit(plan / ANAGRAFICA, "  tipologia: comune\n", "  tipologia: provincia\n")
    f = _only(plan, "AN006")
    assert "termine del 30/03/2026" in f.message


def test_without_a_region_the_region_is_not_asked_when_it_changes_nothing(
    esempio: Copia,
) -> None:
    assert _findings(esempio("2026-03-30", bilancio="2026-02-28")) == []
    f = _only(esempio("2026-05-04"), "AN006")
    assert "regione" not in f.message
    assert "Rischio:" in f.message


def test_a_draft_without_a_region_names_both_terms(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    text = (plan / ANAGRAFICA).read_text(encoding="utf-8")
    start, end = text.index("adozione:\n"), text.index("pubblicazione:\n")
    (plan / ANAGRAFICA).write_text(text[:start] + text[end:], encoding="utf-8")
    f = _only(plan, "AN007")
    assert "Termine: 30/03/2026" in f.message
    assert "il termine è il 30/04/2026" in f.message
    assert "«ente.regione»" in f.message


def test_the_region_must_be_one_of_the_twenty(esempio: Copia) -> None:
    report = check_plan(esempio("2026-03-24", regione="padania")).report
    [f] = report.active
    assert (f.code, f.location.path) == ("SC004", ("ente", "regione"))
    assert "sicilia" in f.message


# --- roll-over of a term on a Sunday or a holiday ---------------------------------------


@pytest.mark.parametrize(
    ("triennio", "giorno_utile", "domenica"),
    [
        (2023, "2023-10-16", "15/10/2023"),
        (2024, "2024-04-15", "14/04/2024"),
        (2025, "2025-03-31", "30/03/2025"),
    ],
)
def test_a_plan_adopted_on_the_rolled_over_day_gets_a_note_not_an_error(
    esempio: Copia, triennio: int, giorno_utile: str, domenica: str
) -> None:
    plan = esempio(giorno_utile, triennio=triennio, bilancio=f"{triennio}-02-20")
    f = _only(plan, "AN020")
    assert f.severity is Severity.INFO
    giorno = datetime.date.fromisoformat(giorno_utile).strftime("%d/%m/%Y")
    assert f"il {domenica} è domenica" in f.message
    assert f"slitta al primo giorno non festivo, il {giorno}" in f.message
    assert "art. 2963 c.3 c.c." in f.message
    assert "risulterebbe in ritardo di 1 giorno" in f.message


@pytest.mark.parametrize(
    ("triennio", "giorno_dopo", "termine"),
    [
        (2023, "2023-10-17", "16/10/2023"),
        (2024, "2024-04-16", "15/04/2024"),
        (2025, "2025-04-01", "31/03/2025"),
    ],
)
def test_a_plan_adopted_after_the_rolled_over_day_is_late(
    esempio: Copia, triennio: int, giorno_dopo: str, termine: str
) -> None:
    plan = esempio(giorno_dopo, triennio=triennio, bilancio=f"{triennio}-02-20")
    f = _only(plan, "AN006")
    assert f"1 giorno dopo il termine del {termine}" in f.message
    assert "domenica" in f.message


def test_the_2025_2027_cycle_adopted_on_monday_31_march_2025_is_not_late(
    esempio: Copia,
) -> None:
    plan = esempio("2025-03-31", triennio=2025, bilancio="2025-02-20")
    report = check_plan(plan).report
    assert not [f for f in report.active if f.code == "AN006"]
    assert [f.code for f in report.active if f.code.startswith("AN02")] == ["AN020"]


def test_saturday_does_not_roll_over(esempio: Copia) -> None:
    # A cycle the table does not hold: the deferral the plan declares counts (+30 days).
    # 04/03/2027 + 30 = Saturday 03/04/2027, which stays the term.
    f = _only(esempio("2027-04-05", triennio=2027, differito="2027-03-04"), "AN006")
    assert "2 giorni dopo il termine del 03/04/2027" in f.message
    assert "sabato" in f.message
    assert "art. 155 c.5 c.p.c." in f.message
    assert "indicato nel piano" in f.message


def test_the_4_october_holiday_rolls_the_term_over_from_2026(esempio: Copia) -> None:
    # 04/09/2027 + 30 = Monday 04/10/2027, San Francesco (a national holiday from 2026, L. 151/2025).
    f = _only(esempio("2027-10-05", triennio=2027, differito="2027-09-04"), "AN020")
    assert "festività non verificata" not in f.message
    assert "il 05/10/2027" in f.message


def test_without_a_deferral_the_term_is_31_january_rolled_over(esempio: Copia) -> None:
    plan = esempio("2027-02-01", triennio=2027)
    edit(plan / ANAGRAFICA, f"  {DIFFERITO}\n", "")
    f = _only(plan, "AN020")
    assert "31 gennaio, art. 7 c.1 DM 132/2022" in f.message
    assert "il 31/01/2027 è domenica" in f.message


def test_easter_monday_and_the_national_holidays() -> None:
    ref = riferimenti()
    assert [pasqua(a) for a in (2024, 2025, 2026, 2027)] == [
        datetime.date(2024, 3, 31),
        datetime.date(2025, 4, 20),
        datetime.date(2026, 4, 5),
        datetime.date(2027, 3, 28),
    ]
    # Easter Sunday and Monday 2026 roll a term over to Tuesday.
    giorno, saltati = primo_giorno_utile(datetime.date(2026, 4, 5), ref)
    assert giorno == datetime.date(2026, 4, 7)
    assert [s.nome for s in saltati] == ["domenica", "Lunedì dopo Pasqua"]
    for fisso in ("2026-01-01", "2026-01-06", "2026-04-25", "2026-05-01", "2026-06-02"):
        assert primo_giorno_utile(datetime.date.fromisoformat(fisso), ref)[0] > (
            datetime.date.fromisoformat(fisso)
        )
    # Saturday is not a holiday; 4 October is one only from 2026.
    assert primo_giorno_utile(datetime.date(2026, 3, 28), ref)[0] == datetime.date(2026, 3, 28)
    assert primo_giorno_utile(datetime.date(2025, 10, 4), ref)[0] == datetime.date(2025, 10, 4)


# --- the two readings of art. 8 c.2 DM 132/2022 ---------------------------------------


def test_budget_approved_on_15_january_and_plan_on_20_march_is_a_note(esempio: Copia) -> None:
    f = _only(esempio("2026-03-20", bilancio="2026-01-15"), "AN020")
    assert "lettura minoritaria" in f.message
    assert "il termine sarebbe il 14/02/2026" in f.message
    assert "lettura prevalente" in f.message
    assert "Rischio" not in f.message


def test_late_under_the_majority_reading_only_is_an_error_without_sanctions(
    esempio: Copia,
) -> None:
    f = _only(esempio("2026-04-20", regione="veneto", bilancio="2026-03-31"), "AN006")
    assert f.severity is Severity.ERROR
    assert "lettura minoritaria" in f.message
    assert "il piano sarebbe nei termini" in f.message
    assert "Rischio" not in f.message


# --- in-year updates --------------------------------------------------------------------


def _con_aggiornamenti(plan_copy: Callable[[Path], Path]) -> Path:
    plan = plan_copy(EXAMPLE)
    edit(plan / ANAGRAFICA, "\npubblicazione:\n", AGGIORNAMENTI + "\npubblicazione:\n")
    return plan


def test_two_updates_after_adoption_are_clean_and_listed_in_the_document(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = _con_aggiornamenti(plan_copy)
    result = check_plan(plan)
    assert result.report.active == []
    assert result.piano is not None
    text = outline(build_view(result.piano))
    assert "<tabella: Aggiornamenti del piano> larghezze [2, 3, 4, 5]" in text
    assert "  # Data | Deliberazione | Sezioni aggiornate | Motivo" in text
    assert (
        "  16 luglio 2026 | Giunta n. 95 | 3.3 Piano triennale dei fabbisogni di personale | "
        "Nuove assunzioni autorizzate dopo l'assestamento di bilancio"
    ) in text
    assert (
        "  26 novembre 2026 | Giunta n. 140 | 2.3 Rischi corruttivi e trasparenza; "
        "3.1 Struttura organizzativa | Riorganizzazione dei settori"
    ) in text
    # The adoption stays the one of March: the updates do not move the deadline.
    assert "Adozione: Deliberazione della Giunta n. 41 del 24 marzo 2026" in text


def test_an_update_before_the_adoption_is_an_error_with_the_reason(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = _con_aggiornamenti(plan_copy)
    edit(plan / ANAGRAFICA, "data: 2026-07-16", "data: 2026-02-10")
    f = _only(plan, "AN021")
    assert f.severity is Severity.ERROR
    assert f.location.path == ("aggiornamenti", 0, "delibera", "data")
    assert "precede l'adozione del piano (24/03/2026)" in f.message
    assert "riportarla in «adozione»" in f.message


def test_a_section_number_must_exist_and_be_quoted(plan_copy: Callable[[Path], Path]) -> None:
    plan = _con_aggiornamenti(plan_copy)
    edit(plan / ANAGRAFICA, 'sezioni: ["3.3"]', 'sezioni: ["3.4", 3.3]')
    found = {f.location.path: f for f in check_plan(plan).report.active}
    assert set(found) == {
        ("aggiornamenti", 0, "sezioni", 0),
        ("aggiornamenti", 0, "sezioni", 1),
    }
    assert "Valori ammessi: 1, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 4, PAP" in (
        found[("aggiornamenti", 0, "sezioni", 0)].message
    )
    assert found[("aggiornamenti", 0, "sezioni", 1)].hint == (
        'Scrivere il valore tra virgolette: "3.3".'
    )


def test_diff_shows_the_updates(plan_copy: Callable[[Path], Path]) -> None:
    plan = _con_aggiornamenti(plan_copy)
    result = run_cli("diff", str(EXAMPLE), str(plan))
    assert result.exit_code == 0, result.output
    assert "+ scheda anagrafica aggiornamenti aggiunto" in result.output


def test_rollover_leaves_the_updates_with_the_old_cycle(
    plan_copy: Callable[[Path], Path], tmp_path: Path
) -> None:
    plan = _con_aggiornamenti(plan_copy)
    out = tmp_path / "2027-2029"
    assert run_cli("rollover", str(plan), "--out", str(out)).exit_code == 0
    assert "aggiornamenti" not in (out / ANAGRAFICA).read_text(encoding="utf-8")
    assert {f.code for f in check_plan(out).report.findings} == {"SC007", "SC010", "AN007"}


# --- the reference table ----------------------------------------------------------------


def test_every_deadline_row_is_consistent_and_sourced() -> None:
    ref = riferimenti()
    for v in ref.scadenze:
        assert v.fonte, v
        assert v.atto, v
        if v.termine_bilancio is not None:
            assert v.giorni is not None
            assert v.termine == v.termine_bilancio + datetime.timedelta(days=v.giorni), v
        rolled, saltati = primo_giorno_utile(v.termine, ref)
        # A historical term on a holiday stores its rolled-over date with its own source.
        if saltati:
            assert v.termine_applicato == rolled, v
        if v.termine_applicato is not None:
            assert v.confidenza_applicato is not None, v
            assert v.fonte_applicato, v
            assert v.termine_applicato == rolled or v.nota, v
    rows = {(v.triennio_da, v.enti, v.regioni) for v in ref.scadenze}
    assert len(rows) == len(ref.scadenze), "one row per cycle and area"
