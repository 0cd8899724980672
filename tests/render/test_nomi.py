"""Issue 17: the document reads as a plan, not a list of codes. Tables that reference a
process, an objective or a mandate line give its name beside the code; Annex 1 prints the
six PNA 2019 indicators each process (or event) rates; every indicator prints its formula
and source. Checked on the example plans and on the real-plan corpus."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from piao import check_plan
from piao.model import Piano
from piao.model.rischi_corruttivi import IndicatoriRischio
from piao.render.view import build_view
from tests.conftest import EXAMPLES, ROOT
from tests.render.outline import outline

OGGI = datetime.date(2026, 11, 22)
PIANI = [*EXAMPLES, *sorted(p for p in (ROOT / "tests" / "real").glob("*/*") if p.is_dir())]


def _ids(p: Path) -> str:
    return p.parent.name


@pytest.fixture(scope="module", params=PIANI, ids=_ids)
def piano_e_testo(request: pytest.FixtureRequest) -> tuple[Piano, str]:
    piano = check_plan(request.param).piano
    assert piano is not None
    return piano, outline(build_view(piano, bozza=True, oggi=OGGI))


def _tabelle(testo: str, didascalia: str) -> list[list[list[str]]]:
    """The rows (cells) of every table of the outline with this caption."""
    out: list[list[list[str]]] = []
    righe: list[list[str]] | None = None
    for riga in testo.splitlines():
        if riga.startswith("<tabella: "):
            righe = [] if riga.startswith(f"<tabella: {didascalia}") else None
            if righe is not None:
                out.append(righe)
        elif righe is not None and riga.startswith("  ") and not riga.startswith("  #"):
            righe.append(riga.strip().split(" | "))
        elif righe is not None and not riga.startswith("  "):
            righe = None
    return out


def test_annex_1_prints_the_pna_indicators_of_every_rating(
    piano_e_testo: tuple[Piano, str],
) -> None:
    piano, testo = piano_e_testo
    rc = piano.rischi_corruttivi
    if rc is None:
        pytest.skip("il piano non ha la sottosezione 2.3")
    attese = {
        p.codice: p.valutazione.indicatori
        for p in rc.processi
        if p.valutazione is not None and p.valutazione.indicatori != IndicatoriRischio()
    }
    attese |= {
        e.codice: e.valutazione.indicatori
        for p in rc.processi
        for e in p.eventi_rischiosi
        if e.valutazione is not None and e.valutazione.indicatori != IndicatoriRischio()
    }
    if not attese:
        pytest.skip("nessuna valutazione con gli indicatori del PNA 2019")
    assert "[nota] Indicatori di stima del livello di rischio (PNA 2019, Allegato 1)" in testo
    (righe,) = _tabelle(testo, "Stima del livello di rischio")
    nomi = {p.codice: p.denominazione for p in rc.processi}
    stampate = {r[0].split(" ")[0]: r for r in righe}
    for codice, indicatori in attese.items():
        riga = stampate[codice]
        if codice in nomi:
            assert riga[0] == f"{codice} {nomi[codice]}"
        valori = [getattr(indicatori, k) or "" for k in IndicatoriRischio.model_fields]
        assert riga[1:7] == [str(v) for v in valori], codice


def test_every_indicator_prints_its_formula_and_source(piano_e_testo: tuple[Piano, str]) -> None:
    piano, testo = piano_e_testo
    indicatori = [
        i
        for sezione in (piano.valore_pubblico, piano.performance, piano.rischi_corruttivi)
        if sezione is not None
        for campo in ("obiettivi", "salute", "obiettivi_strategici")
        for o in getattr(sezione, campo, [])
        for i in o.indicatori
    ]
    for i in indicatori:
        if i.formula:
            assert f"Formula: {i.formula}" in testo, i.codice
        if i.fonte:
            assert f"Fonte: {i.fonte}" in testo, i.codice


def test_processes_and_objectives_are_named_beside_their_codes(
    piano_e_testo: tuple[Piano, str],
) -> None:
    piano, testo = piano_e_testo
    pf, rc = piano.performance, piano.rischi_corruttivi
    if pf is not None and rc is not None:
        nomi = {p.codice: p.denominazione for p in rc.processi}
        for tab in _tabelle(testo, "Collegamenti degli obiettivi di performance"):
            for r in tab:
                for codice in (c.split(" ")[0] for c in r[-1].split("; ") if c):
                    if codice in nomi:
                        assert f"{codice} {nomi[codice]}" in r[-1]
    if rc is not None:
        for tab in _tabelle(testo, "Misure generali e specifiche"):
            nomi = {p.codice: p.denominazione for p in rc.processi}
            misure = {m.codice: m for m in rc.misure}
            for r in tab:
                m = misure[r[0]]
                assert r[3] == "; ".join(f"{c} {nomi[c]}" if c in nomi else c for c in m.processi)


def test_closed_values_print_capitalised(piano_e_testo: tuple[Piano, str]) -> None:
    piano, testo = piano_e_testo
    vp = piano.valore_pubblico
    if vp is None or not vp.accessibilita:
        pytest.skip("nessuna azione per l'accessibilità")
    (righe,) = _tabelle(testo, "Azioni per l'accessibilità")
    assert {r[2] for r in righe} <= {"Fisica", "Digitale"}
