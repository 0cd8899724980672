"""`piao monitoraggio esito`: achievements computed from the example plan and its period file,
each expected value computed by hand in the test."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from piao.periodi.controllo import esito_periodo, leggi_periodo
from piao.periodi.piano import leggi_piano
from piao.periodi.raggiungimento import EsitoAggregato, EsitoIndicatore
from tests.conftest import EXAMPLE, edit, line_of, run_cli, run_subprocess

PERIODO = "monitoraggio/2026-S1.yaml"


def _ind(plan: Path, codice: str) -> EsitoIndicatore:
    return next(e for e in esito_periodo(plan, "2026-S1").indicatori if e.codice == codice)


def _agg(items: list[EsitoAggregato], codice: str) -> EsitoAggregato:
    return next(e for e in items if e.codice == codice)


def _nel_blocco(path: Path, codice: str, old: str, new: str) -> None:
    """Replace the first `old` after `codice: <codice>` (a field of one indicator)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"codice: {codice}\n")
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


def _valore(plan: Path, codice: str, old: str, new: str) -> None:
    edit(plan / PERIODO, f"  {codice}:\n    valore: {old}\n", f"  {codice}:\n    valore: {new}\n")


def test_example_as_it_is() -> None:
    r = esito_periodo(EXAMPLE, "2026-S1")
    # Crescente, partially achieved: OBP-01-I1 partenza 0, target 12, valore 7:
    # (7 − 0) / (12 − 0) × 100 = 58.33 % → parzialmente raggiunto (50 ≤ 58.33 < 90);
    # scostamento 7 − 12 = −5, relativo −5 / 12 = −41.67 %.
    i = _ind(EXAMPLE, "OBP-01-I1")
    assert i.percentuale == pytest.approx(700 / 12)
    assert i.esito == "parzialmente_raggiunto"
    assert i.scostamento == pytest.approx(-5)
    assert i.scostamento_relativo == pytest.approx(-500 / 12)
    # Reached: VP-02-I2 partenza 71, target 80, valore 79.1: 8.1 / 9 = 90 % → raggiunto
    # (in binary floating point 89.999…: the band is decided on the rounded value).
    i = _ind(EXAMPLE, "VP-02-I2")
    assert i.percentuale == pytest.approx(90)
    assert i.esito == "raggiunto"
    # Over the target: VP-06-I1 decrescente 52 → 45, valore 44.5: −7.5 / −7 = 107.14 %,
    # counted 100.
    i = _ind(EXAMPLE, "VP-06-I1")
    assert (i.percentuale_grezza, i.percentuale) == pytest.approx((750 / 7, 100))
    # Exactly on the band's floor: OBP-24-I1 (target of the triennio 4, partenza 0) valore 2:
    # 2 / 4 = 50 % → parzialmente raggiunto.
    i = _ind(EXAMPLE, "OBP-24-I1")
    assert i.percentuale == pytest.approx(50)
    assert i.esito == "parzialmente_raggiunto"
    # Missed beyond the band, with its causes written (rule MP016): EN-02-I1 decrescente
    # 142000 → 130000, valore 139600: −2400 / −12000 = 20 % → non raggiunto.
    i = _ind(EXAMPLE, "EN-02-I1")
    assert i.percentuale == pytest.approx(20)
    assert i.esito == "non_raggiunto"
    dati = leggi_periodo(EXAMPLE / PERIODO, leggi_piano(EXAMPLE)).dati
    assert dati is not None
    mancati = {e.codice for e in r.indicatori if e.esito == "non_raggiunto"}
    assert mancati == {
        "VP-05-I1",
        "VP-07-I1",
        "EN-02-I1",
        "OBP-12-I1",
        "OBP-16-I1",
        "OBP-22-I1",
        "PO-04-I1",
    }
    assert all(dati.indicatori[c].cause for c in mancati)
    # Decrescente: VP-01-I2 partenza 24, target 18, valore 20.4: (20.4 − 24) / (18 − 24) = 60 %;
    # scostamento +2.4 (above the target, the wrong side for decrescente).
    i = _ind(EXAMPLE, "VP-01-I2")
    assert (i.percentuale, i.scostamento) == pytest.approx((60, 2.4))
    # A rettifica: OBP-07 computed (60 + 60) / 2 = 60 (two indicators, no weights: equal),
    # recognised 90 by the Nucleo → raggiunto, and shown as such.
    o = _agg(r.obiettivi, "OBP-07")
    assert (o.percentuale_calcolata, o.percentuale) == pytest.approx((60, 90))
    assert o.esito == "raggiunto"
    assert o.pesi == "pesi uguali"
    assert o.rettifica is not None
    assert o.rettifica.approvata_da == "Nucleo di valutazione"
    # Weighted objective: OBP-01 = OBP-01-I1 58.33 × 60 % + OBP-01-I2 (30 − 22) / (30 − 22)
    # = 100 × 40 % = 35 + 40 = 75 (weights of the plan).
    o = _agg(r.obiettivi, "OBP-01")
    assert o.pesi == "pesi del piano"
    assert o.percentuale == pytest.approx(75)
    # OBP-06: (129 − 118) / (130 − 118) = 91.67 % and (16 − 27) / (15 − 27) = 91.67 %.
    assert _agg(r.obiettivi, "OBP-06").percentuale == pytest.approx(1100 / 12)
    # Unit: UO-SOC = (OBP-06 91.67 × peso 60 + OBP-07 90 × peso 40) / 100 = 55 + 36 = 91.
    assert _agg(r.unita, "UO-SOC").percentuale == pytest.approx(91)
    # Roll-up to a VP objective: VP-03 from OBP-06 (91.67, peso 60), OBP-07 (90 rettificato,
    # peso 40), OBP-18 ((38 − 20) / (50 − 20) = 60, peso 30), OBP-21 ((16 − 30) / (15 − 30)
    # = 93.33, peso 100): (5500 + 3600 + 1800 + 9333.33) / 230 = 60700 / 690 = 87.97…
    # → parzialmente raggiunto.
    vp = _agg(r.valore_pubblico, "VP-03")
    assert vp.percentuale == pytest.approx(60700 / 690)
    assert vp.esito == "parzialmente_raggiunto"
    assert vp.parti == ("OBP-06", "OBP-07", "OBP-18", "OBP-21")
    # Its own indicators: VP-03-I1 (4.3 − 4.1) / (4.5 − 4.1) = 50 %, VP-03-I2 60 % → 55 %.
    assert vp.percentuale_indicatori == pytest.approx(55)
    # Non rilevato: VP-07-I2 has «non_rilevato»; VP-07's own mean counts VP-07-I1 only:
    # (20 − 31) / (40 − 31) = −122.2 %, counted 0 (hours from January, courses in autumn).
    assert _ind(EXAMPLE, "VP-07-I2").esito == "non_rilevato"
    assert _ind(EXAMPLE, "VP-07-I1").percentuale_grezza == pytest.approx(-1100 / 9)
    vp7 = _agg(r.obiettivi, "VP-07")
    assert vp7.percentuale == 0
    assert vp7.non_rilevate == ("VP-07-I2",)
    # Partial period: the annual target, and the rule stated.
    assert r.regola_periodo is not None
    assert "target dell'anno 2026" in r.regola_periodo
    # SAL-01-I1's threshold target «≤ 0» is read as such (test_a_threshold_target_...):
    # nothing is left uncomputed.
    assert not r.findings


@pytest.fixture
def modificato(plan_copy: Callable[[Path], Path]) -> Path:
    plan = plan_copy(EXAMPLE)
    perf = plan / "performance.yaml"
    # Decrescente achieved: OBP-04-I1 partenza 9, target 3.
    _valore(plan, "OBP-04-I1", "5", "3.4")
    # Over the target: OBP-02-I1 partenza 3, target 6.
    _valore(plan, "OBP-02-I1", "5", "7.5")
    # Mantenimento: OBP-08-I1 (target 100, valore 94) and OBP-09-I1 (target 100, valore 96).
    _nel_blocco(perf, "OBP-08-I1", "polarita: crescente", "polarita: mantenimento")
    _nel_blocco(perf, "OBP-09-I1", "polarita: crescente", "polarita: mantenimento")
    # Target equal to the baseline: OBP-10-I1 (partenza 88, valore 90.4) and OBP-11-I1
    # (partenza 5, valore 6.8 → 4).
    _nel_blocco(perf, "OBP-10-I1", "2026: 92", "2026: 88")
    _nel_blocco(perf, "OBP-11-I1", "2026: 8", "2026: 5")
    _valore(plan, "OBP-11-I1", "6.8", "4")
    # No baseline: OBP-03-I1 crescente (target 8, valore 5) and OBP-19-I1 decrescente
    # (target 0, valore 1.6).
    _nel_blocco(perf, "OBP-03-I1", "        baseline: {anno: 2025, valore: 0}\n", "")
    _nel_blocco(perf, "OBP-19-I1", "        baseline: {anno: 2025, valore: 4}\n", "")
    # Qualitative: OBP-13-I1 mapped in the plan; OBP-12-I1 a text with no mapping.
    _nel_blocco(perf, "OBP-13-I1", "target: {2026: 80,", "target: {2026: approvato,")
    _valore(plan, "OBP-13-I1", "72", "In approvazione")
    _nel_blocco(perf, "OBP-12-I1", "target: {2026: 40,", "target: {2026: adottato,")
    _valore(plan, "OBP-12-I1", "20", "bozza")
    with (plan / "monitoraggio.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "\nraggiungimento:\n"
            "  valori_qualitativi: {approvato: 100}\n"
            "  qualitativi:\n"
            '    OBP-13-I1: {"in approvazione": 60}\n'
        )
    return plan


def test_hand_computed_cases(modificato: Path) -> None:
    plan = modificato
    assert run_cli("check", str(plan)).exit_code in (0, 1)
    # Decrescente achieved: (3.4 − 9) / (3 − 9) × 100 = 93.33 % → raggiunto (≥ 90);
    # scostamento 3.4 − 3 = +0.4, relativo +13.33 %.
    i = _ind(plan, "OBP-04-I1")
    assert i.percentuale == pytest.approx(280 / 3)
    assert i.esito == "raggiunto"
    assert i.scostamento_relativo == pytest.approx(40 / 3)
    # Over-achievement: (7.5 − 3) / (6 − 3) = 150 %, capped to 100, shown before the cap.
    i = _ind(plan, "OBP-02-I1")
    assert (i.percentuale_grezza, i.percentuale) == pytest.approx((150, 100))
    assert any("oltre il target" in n for n in i.note)
    # Mantenimento outside the 5 % tolerance: |94 − 100| = 6 > 5 → 100 − 6 = 94 %.
    assert _ind(plan, "OBP-08-I1").percentuale == pytest.approx(94)
    # Mantenimento within: |96 − 100| = 4 ≤ 5 → 100 %.
    assert _ind(plan, "OBP-09-I1").percentuale == 100
    # Target = baseline (no division): 90.4 ≥ 88 → 100; 4 < 5 → 0, non raggiunto.
    assert _ind(plan, "OBP-10-I1").percentuale == 100
    i = _ind(plan, "OBP-11-I1")
    assert (i.percentuale, i.esito) == (0, "non_raggiunto")
    assert "target uguale alla partenza" in i.metodo
    # No baseline: 5 / 8 × 100 = 62.5 %; decrescente 1.6 > 0 → 0 / 1.6 × 100 = 0 %.
    assert _ind(plan, "OBP-03-I1").percentuale == pytest.approx(62.5)
    assert _ind(plan, "OBP-03-I1").metodo == "senza partenza: valore / target × 100"
    assert _ind(plan, "OBP-19-I1").percentuale == 0
    # Qualitative mapping («In approvazione» ~ «in approvazione»: 60) → parzialmente.
    i = _ind(plan, "OBP-13-I1")
    assert (i.percentuale, i.esito) == (60, "parzialmente_raggiunto")
    # Unmapped text: non rilevato, and it propagates: OBP-12 has only that indicator.
    r = esito_periodo(plan, "2026-S1")
    assert _ind(plan, "OBP-12-I1").esito == "non_rilevato"
    assert _agg(r.obiettivi, "OBP-12").esito == "non_rilevato"
    # UO-PERS = OBP-12 (not measured, left out) and OBP-13 (60) → 60, OBP-12 named.
    unita = _agg(r.unita, "UO-PERS")
    assert (unita.percentuale, unita.non_rilevate) == (60, ("OBP-12",))
    assert sorted(f.code for f in r.findings) == ["MR001"]


def test_unmapped_text_is_a_located_finding_without_traceback(modificato: Path) -> None:
    result = run_subprocess("monitoraggio", "esito", str(modificato), "--periodo", "2026-S1")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    riga = line_of(modificato / PERIODO, "valore: bozza")
    assert re.search(rf"{PERIODO}:{riga}:\d+: MR001 .*«bozza».*«OBP-12-I1»", result.stdout)


def test_thresholds_of_the_plan(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    with (plan / "monitoraggio.yaml").open("a", encoding="utf-8") as f:
        f.write("\nraggiungimento: {soglia_raggiunto: 95, soglia_parziale: 65}\n")
    r = esito_periodo(plan, "2026-S1")
    assert r.parametri.dal_piano
    # OBP-01-I1's 58.33 % is now under 65: non raggiunto; OBP-07's rettifica 90 is under 95: parzialmente.
    assert _ind(plan, "OBP-01-I1").esito == "non_raggiunto"
    assert _agg(r.obiettivi, "OBP-07").esito == "parzialmente_raggiunto"
    assert (
        "fissate nel piano"
        in run_cli("monitoraggio", "esito", str(plan), "--periodo", "2026-S1").output
    )


def test_cli_formats() -> None:
    args = ("monitoraggio", "esito", str(EXAMPLE), "--periodo", "2026-S1")
    testo = run_cli(*args)
    assert testo.exit_code == 0, testo.output
    assert "Periodo parziale (primo semestre 2026)" in testo.output
    assert "convenzione di piao; la legge non fissa soglie" in testo.output
    assert "RETTIFICA (calcolato 60 %)" in testo.output
    assert "VP-03  88 %  parzialmente raggiunto" in testo.output
    dati = json.loads(run_cli(*args, "--format", "json").output)
    vp = next(v for v in dati["valore_pubblico"] if v["codice"] == "VP-03")
    assert vp["percentuale"] == round(60700 / 690, 4)
    obp7 = next(v for v in dati["obiettivi"] if v["codice"] == "OBP-07")
    assert obp7["rettifica"]["percentuale"] == 90
    csv = run_cli(*args, "--format", "csv").stdout_bytes.decode("utf-8")
    assert csv.startswith("\ufefflivello;codice;")
    assert "\r\n" in csv
    assert "Valore pubblico;VP-03;" in csv
    assert ";87,971;" in csv  # 60700 / 690 = 87.97101…, four decimals, trailing 0 dropped


def test_satisfaction_indices_in_every_format() -> None:
    args = ("monitoraggio", "esito", str(EXAMPLE), "--periodo", "2026-S1")
    testo = run_cli(*args).output
    # Emoticons: CS-02 «Servizi online» 1320 / (1320 + 240 + 95) = 1320 / 1655 = 79.76;
    # response rate 1655 / 5200 = 31.83 %. The whole survey: (1320 + 860) / (1655 + 952)
    # = 2180 / 2607 = 83.62, rate 2607 / (5200 + 9800) = 17.38 %.
    assert "CS-02  Servizi online, web: indice 79,8 (campione 1655, tasso di risposta 31,8 %)" in (
        testo
    )
    assert "CS-02  intera rilevazione: indice 83,6 (campione 2607, tasso di risposta 17,4 %)" in (
        testo
    )
    # Questionnaire: CS-01 «Servizi demografici» mean 4.4 on 1–5: (4.4 − 1) / (5 − 1) = 85;
    # 22 respondents, under 30: the small-sample note; rate 22 / 610 = 3.61 %.
    riga = "CS-01  Servizi demografici, web: indice 85 (campione 22, tasso di risposta 3,6 %)"
    assert f"{riga}\n      campione ridotto (22, meno di 30" in testo
    dati = json.loads(run_cli(*args, "--format", "json").output)["soddisfazione"]
    # Sportello: (75 × 250 + 87.5 × 250 + 77.5 × 246) / 746 = 59690 / 746 = 80.0134.
    sportello = next(s for s in dati if s["servizio"] == "Sportello polivalente")
    assert sportello["indice"] == round(59690 / 746, 4)
    assert (sportello["canale"], sportello["campione"]) == ("sportello", 250)
    assert sportello["tasso_risposta"] == round(250 / 4100 * 100, 4)
    csv = run_cli(*args, "--format", "csv").stdout_bytes.decode("utf-8-sig").splitlines()
    intestazione = csv[0].split(";")
    assert intestazione[-3:] == ["canale", "campione", "tasso_risposta"]
    assert all(len(r.split(";")) == len(intestazione) for r in csv if '"' not in r)
    assert "Soddisfazione;CS-02;Pagamenti pagoPA;;;;;90,3361;" in "\n".join(csv)  # 860 / 952


def test_a_broken_period_file_gives_findings(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    edit(
        plan / PERIODO,
        "  OBP-01-I1:\n    valore: 7\n",
        "  OBP-01-I1:\n    valore: 7\n    non_rilevato: boh\n",
    )
    result = run_subprocess("monitoraggio", "esito", str(plan), "--periodo", "2026-S1")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{PERIODO}:" in result.stderr


def test_a_plan_section_with_errors_is_named(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    edit(plan / "performance.yaml", "  - codice: OBP-01\n", "  - codice: OBP-01\n    peso: tanto\n")
    r = esito_periodo(plan, "2026-S1")
    assert [f.location.file for f in r.findings if f.code == "MR003"] == ["performance.yaml"]
    assert not any(e.codice.startswith("OBP-") for e in r.indicatori)


def test_rettifiche_of_indicators(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    with (plan / PERIODO).open("a", encoding="utf-8") as f:
        f.write(
            "  OBP-01-I1: {percentuale: 100, motivo: Target raggiunto a luglio, "
            "approvata_da: Nucleo di valutazione}\n"
            "  OBP-01-I2: {esito: non_rilevato, motivo: Dato del gestionale non affidabile, "
            "approvata_da: Nucleo di valutazione}\n"
        )
    r = esito_periodo(plan, "2026-S1")
    i1, i2 = _ind(plan, "OBP-01-I1"), _ind(plan, "OBP-01-I2")
    assert (i1.percentuale_calcolata, i1.percentuale) == pytest.approx((700 / 12, 100))
    assert i1.esito == "raggiunto"
    # A band-only rettifica «non_rilevato» leaves the indicator out of its objective: OBP-01
    # = OBP-01-I1 alone (100, weight 60 of the measured 60) = 100 %.
    assert i2.esito == "non_rilevato"
    assert i2.percentuale is None
    o = _agg(r.obiettivi, "OBP-01")
    assert o.percentuale == pytest.approx(100)
    assert o.non_rilevate == ("OBP-01-I2",)
    testo = run_cli("monitoraggio", "esito", str(plan), "--periodo", "2026-S1").output
    assert "RETTIFICA (calcolato 58,3 %): Target raggiunto a luglio" in testo


@pytest.mark.parametrize(
    ("target", "valore", "attesa", "esito"),
    [
        # SAL-01-I1 «≤ 0», decrescente, partenza 4 (tempestività dei pagamenti, giorni).
        ('"≤ 0"', "0", 100.0, "raggiunto"),  # on the threshold: respected
        ('"≤ 0"', "-3.2", 100.0, "raggiunto"),  # the example's value
        ('"≤ 0"', "0.4", (0.4 - 4) / (0 - 4) * 100, "raggiunto"),  # 90 % of the way
        ('"≤ 0"', "2", (2 - 4) / (0 - 4) * 100, "parzialmente_raggiunto"),  # 50 %, the floor
        ('"≤ 0"', "4.5", 0.0, "non_raggiunto"),  # worse than the start: −12.5 %, counted 0
        ('"<= 0,5"', "0.5", 100.0, "raggiunto"),  # ASCII sign, decimal comma
    ],
)
def test_a_threshold_target_is_read_and_the_reading_stated(
    plan_copy: Callable[[Path], Path], target: str, valore: str, attesa: float, esito: str
) -> None:
    plan = plan_copy(EXAMPLE)
    edit(plan / "valore_pubblico.yaml", 'target: {2026: "≤ 0"', f"target: {{2026: {target}")
    _valore(plan, "SAL-01-I1", "-3.2", valore)
    i = _ind(plan, "SAL-01-I1")
    assert i.percentuale == pytest.approx(attesa)
    assert i.esito == esito
    assert any("letto come soglia" in n for n in i.note)


@pytest.mark.parametrize(
    ("target", "perche"),
    [
        ('"≤ 1.000"', "non è un numero"),  # one, or a thousand? not read
        ('"≥ 0"', "verso opposto a «decrescente»"),  # the plan's direction disagrees
        ('"circa 0"', "non è un numero"),
    ],
)
def test_a_text_target_that_is_no_threshold_is_not_computed(
    plan_copy: Callable[[Path], Path], target: str, perche: str
) -> None:
    plan = plan_copy(EXAMPLE)
    edit(plan / "valore_pubblico.yaml", 'target: {2026: "≤ 0"', f"target: {{2026: {target}")
    r = esito_periodo(plan, "2026-S1")
    i = next(e for e in r.indicatori if e.codice == "SAL-01-I1")
    assert i.esito == "non_rilevato"
    assert [f.code for f in r.findings if "SAL-01-I1" in f.message] == ["MR002"]
    assert any(perche in f.message for f in r.findings if f.code == "MR002")
