"""What the document says of the entity and its organisation (sections 1, 3.1, 3.2, 4) when
the plan uses the forms real structures write: no staff per unit, free unit types, units
valid for a period and headed ad interim, a distinct responsabile per la trasparenza, a
shared evaluation body, a financial regime, agile work by year, service charters."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from pathlib import Path

from piao import check_plan
from piao.render.document import Blocco, Definizioni, Paragrafo, Sezione, Tabella
from piao.render.view import build_view
from tests.conftest import EXAMPLE, SMALL, edit

OGGI = datetime.date(2026, 11, 22)


def _blocchi(sezioni: tuple[Sezione, ...]) -> Iterator[Blocco]:
    for s in sezioni:
        yield from s.blocchi
        yield from _blocchi(s.figli)


def _documento(plan: Path) -> list[Blocco]:
    result = check_plan(plan)
    assert result.piano is not None
    return list(_blocchi(build_view(result.piano, bozza=True, oggi=OGGI).sezioni))


def _tabella(blocchi: list[Blocco], didascalia: str) -> Tabella:
    (t,) = [b for b in blocchi if isinstance(b, Tabella) and b.didascalia == didascalia]
    return t


def _definizioni(blocchi: list[Blocco], didascalia: str) -> dict[str, str]:
    (d,) = [b for b in blocchi if isinstance(b, Definizioni) and b.didascalia == didascalia]
    return dict(d.righe)


def _codes(plan: Path) -> set[str]:
    return {f.code for f in check_plan(plan).report.findings}


def test_units_without_staff_print_no_total_and_no_staff_column(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    for persone in (1, 7, 4, 6):
        edit(plan / "organizzazione.yaml", f"    dipendenti: {persone}\n", "")
    tabella = _tabella(_documento(plan), "Unità organizzative")
    assert tabella.totale is None
    assert "Personale" not in tabella.intestazioni
    assert "OR002" not in _codes(plan)


def test_a_partial_staff_breakdown_prints_no_total(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "organizzazione.yaml", "    dipendenti: 7\n", "")
    tabella = _tabella(_documento(plan), "Unità organizzative")
    assert "Personale" in tabella.intestazioni
    assert tabella.totale is None
    assert "OR002" not in _codes(plan)


def test_units_of_the_example_show_types_interim_and_the_cross_cutting_unit() -> None:
    blocchi = _documento(EXAMPLE)
    unita = _tabella(blocchi, "Unità organizzative")
    righe = {r[0]: dict(zip(unita.intestazioni, r, strict=True)) for r in unita.righe}
    assert righe["UO-PL"]["Tipo"] == "Polizia locale"
    assert righe["UO-SUAP"]["Tipo"] == "Sportello unico"
    assert righe["UO-SCIT"]["Incarico"] == "EQ ad interim"
    assert unita.totale is not None
    assert unita.totale[-1] == "152"
    trasversali = _tabella(blocchi, "Unità di coordinamento trasversale")
    (casa,) = trasversali.righe
    assert casa[-1] == "dal 1 aprile 2026 al 31 marzo 2028"
    assert "Settore Lavori pubblici e patrimonio" in casa[4]
    funzioni = _definizioni(blocchi, "Funzioni delle unità organizzative")
    assert funzioni["UCT-CASA Unità di coordinamento trasversale Casa"].startswith(
        "Emergenza abitativa"
    )


def test_a_unit_valid_until_a_date_gets_a_period_column(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    edit(
        plan / "organizzazione.yaml",
        "    tipo: staff\n",
        "    tipo: staff\n    operativa_fino_al: 2028-03-31\n",
    )
    unita = _tabella(_documento(plan), "Unità organizzative")
    assert unita.intestazioni[-2] == "Periodo"
    assert unita.righe[0][-2] == "fino al 31 marzo 2028"


def test_roles_organs_and_financial_regime_in_section_1(plan_copy: Callable[[Path], Path]) -> None:
    blocchi = _documento(EXAMPLE)
    dati = _definizioni(blocchi, "Dati dell'amministrazione")
    assert "RPCT" not in dati
    assert dati["Responsabile della prevenzione della corruzione"].startswith("Dott. Luca Bianchi")
    assert dati["Responsabile per la trasparenza"].startswith("Ing. Paola Verdi")
    assert "RASA (Anagrafe unica delle stazioni appaltanti)" in dati
    assert dati["Versione del piano"] == "1"
    organi = _tabella(blocchi, "Organi di indirizzo politico")
    assert [r[0] for r in organi.righe] == ["SINDACO", "ASS-BILANCIO", "ASS-SOCIALE"]
    assert _tabella(blocchi, "Consultazioni pubbliche").righe[0][2] == (
        "dal 12 gennaio 2026 al 31 gennaio 2026"
    )

    plan = plan_copy(SMALL)
    edit(
        plan / "anagrafica.yaml",
        "regime: semplificato\n",
        "regime: semplificato\nregime_finanziario:\n  stato: riequilibrio_pluriennale\n"
        "  atto: {atto: Deliberazione del Consiglio comunale n. 61, data: 2025-07-21}\n"
        "  vincoli_assunzioni: Controllo dell'art. 243 c.1 TUEL.\n",
    )
    dati = _definizioni(_documento(plan), "Dati dell'amministrazione")
    assert dati["RPCT"].startswith("Dott.ssa Carla Monti")
    assert dati["Regime finanziario"] == (
        "Procedura di riequilibrio finanziario pluriennale — Deliberazione del Consiglio comunale "
        "n. 61 del 21 luglio 2025. Assunzioni: Controllo dell'art. 243 c.1 TUEL."
    )
    assert dati["Nucleo di valutazione"].endswith(
        "costituito presso Unione dei comuni della valle, condiviso con Comune di Altavalle e "
        "Comune di Bassavalle"
    )


def test_agile_work_by_year_and_state_of_play() -> None:
    blocchi = _documento(EXAMPLE)
    previsti = _tabella(
        blocchi, "Personale con attività compatibili e lavoratori in lavoro agile previsti"
    )
    assert previsti.righe[0] == ("2026", "68", "42", "61,8%")
    (attuazione,) = _tabella(blocchi, "Stato di attuazione del lavoro agile").righe
    assert attuazione[:4] == ("2025", "66", "40", "3.120")
    testi = [b.testo for b in blocchi if isinstance(b, Paragrafo)]
    assert (
        "Giornate di lavoro agile: al massimo 2 alla settimana e 80 all'anno per lavoratore."
        in (testi)
    )


def test_service_charter_and_the_survey_that_measures_it() -> None:
    blocchi = _documento(EXAMPLE)
    rilevazioni = _tabella(blocchi, "Rilevazioni della soddisfazione degli utenti")
    assert rilevazioni.intestazioni[-1] == "Carta dei servizi"
    assert rilevazioni.righe[0][-1] == "Carta dei servizi demografici e dello Sportello polivalente"
    (carta,) = _tabella(blocchi, "Carte dei servizi e standard di qualità").righe
    assert "Risposta ai reclami entro 30 giorni" in carta[3]
