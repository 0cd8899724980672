"""`piao rollover`: the next triennio keeps comments, codes and phase texts; its only
findings are the expected placeholders, the facts of the old cycle to re-verify (SC010)
and the reminder that the new plan is not adopted yet."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from piao import check_plan
from piao.loading.roundtrip import load_text
from tests.conftest import EXAMPLE, SMALL, edit, run_cli


@pytest.mark.parametrize("plan", [EXAMPLE, SMALL], ids=lambda p: p.parent.name)
def test_rollover_of_each_example_leaves_only_the_expected_findings(
    plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "2027-2029"
    result = run_cli("rollover", str(plan), "--out", str(out))
    assert result.exit_code == 0, result.output
    report = check_plan(out).report
    assert report.rules_run
    codes = {f.code for f in report.findings}
    assert codes == {"SC007", "SC010", "AN007"}
    for f in report.findings:
        if f.code == "SC007":
            assert "da definire" in f.message or "da compilare" in f.message
    assert report.verdetto == "non_conforme"
    # Setting the re-verification aside never gives «conforme».
    assert check_plan(out, ignore=("SC010",)).report.verdetto != "conforme"


def _shift(line: str) -> set[str]:
    """The line with the triennio moved, or every year moved (a yearly map, a phase)."""
    return {
        line.replace("2026-2028", "2027-2029"),
        re.sub(r"\b20\d\d\b", lambda m: str(int(m.group()) + 1), line),
        re.sub(r"\{2026: [^,}]+, ", "{", line),
    }


@pytest.mark.parametrize("plan", [EXAMPLE, SMALL], ids=lambda p: p.parent.name)
def test_every_file_is_byte_identical_outside_the_changed_values(
    plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "nuovo"
    assert run_cli("rollover", str(plan), "--out", str(out)).exit_code == 0
    for old_file in sorted(plan.glob("*.yaml")):
        old = old_file.read_text(encoding="utf-8").splitlines()
        new = (out / old_file.name).read_text(encoding="utf-8").splitlines()
        shifted = set().union(*(_shift(line) for line in old))
        for line in new:
            # A new line is an old one, the same with the years moved, or a changed value.
            assert (
                line in old
                or line in shifted
                or "da verificare — " in line
                or "da definire" in line
                or line.endswith("  # dal monitoraggio 2026")  # a measured baseline
                or line.lstrip().startswith("storico: {")  # the old baseline, kept
            ), (old_file.name, line)
        new_comments = {line.strip() for line in new if line.lstrip().startswith("#")}
        for j, line in enumerate(old):
            if not line.lstrip().startswith("#"):
                continue
            # A comment goes only with the value it introduces, when that value was dropped
            # (a hire of the year that left the triennio, the old adoption).
            seguito = next(
                (s for s in old[j + 1 :] if s.strip() and not s.lstrip().startswith("#")), ""
            )
            if seguito and not ({seguito} | _shift(seguito)) & set(new):
                continue
            assert {x.strip() for x in {line} | _shift(line)} & new_comments, (
                old_file.name,
                line,
            )
        # Every end-of-line comment is kept too.
        for line in old:
            if " # " in line and not line.lstrip().startswith("#"):
                commento = line[line.index(" # ") :]
                assert any(n.endswith(commento) for n in new), (old_file.name, line)


def test_every_fact_of_the_old_cycle_is_listed_for_re_verification(tmp_path: Path) -> None:
    out = tmp_path / "2027-2029"
    result = run_cli("rollover", str(EXAMPLE), "--out", str(out))
    assert result.exit_code == 0, result.output
    report = check_plan(out).report
    da_verificare = {
        (f.location.file, ".".join(str(p) for p in f.location.path))
        for f in report.findings
        if f.code == "SC010"
    }
    attesi = {
        # DUP, its update, bilancio and PEG of the old cycle
        ("anagrafica.yaml", "programmazione_finanziaria.dup.data"),
        ("anagrafica.yaml", "programmazione_finanziaria.nota_aggiornamento_dup.atto"),
        ("anagrafica.yaml", "programmazione_finanziaria.bilancio.atto"),
        ("anagrafica.yaml", "programmazione_finanziaria.peg.data"),
        # staff counts dated the old 31/12, never re-dated silently
        ("anagrafica.yaml", "ente.dipendenti.al"),
        ("fabbisogni_personale.yaml", "consistenza.al"),
        ("pari_opportunita.yaml", "personale_per_genere.al"),
        # rendiconto years of the hiring capacity and the revisori's opinion
        ("fabbisogni_personale.yaml", "capacita_assunzionale.spesa_personale.rendiconto"),
        ("fabbisogni_personale.yaml", "capacita_assunzionale.entrate_correnti.2022"),
        ("fabbisogni_personale.yaml", "capacita_assunzionale.fcde.anno"),
        ("fabbisogni_personale.yaml", "capacita_assunzionale.asseverazione_revisori"),
        # consultations and the CUG opinion
        ("rischi_corruttivi.yaml", "consultazione_pubblica.al"),
        ("pari_opportunita.yaml", "consultazioni.0.data"),
        ("pari_opportunita.yaml", "cug.parere"),
        # past deadlines
        ("pari_opportunita.yaml", "azioni.0.scadenza"),
        ("organizzazione.yaml", "interventi.0.scadenza"),
        ("performance.yaml", "obiettivi.24.scadenza"),
    }
    assert attesi <= da_verificare, attesi - da_verificare
    testo = (out / "anagrafica.yaml").read_text(encoding="utf-8")
    # The old value is kept after the marker: confirming it is deleting the words before.
    assert "dipendenti: {valore: 152, al: da verificare — 2025-12-31}" in testo
    # The summary says what was dropped and why, and what to re-verify.
    assert "Tolti dal nuovo piano, e perché:" in result.output
    assert (
        "assunzioni[0] (ASS-01, 1 Funzionario informatico): prevista per il 2026" in result.output
    )
    assert "termine_bilancio_differito: il differimento del termine" in result.output
    assert f"Da verificare ({len(da_verificare)} valori del ciclo precedente" in result.output
    # The text report counts them per file, next to the placeholders.
    righe = run_cli("check", str(out)).output.splitlines()
    assert any(r.startswith("  anagrafica.yaml: ") and "valori da verificare" in r for r in righe)


def test_a_confirmed_value_is_accepted_and_a_marked_one_stays_valid(tmp_path: Path) -> None:
    out = tmp_path / "2027-2029"
    run_cli("rollover", str(SMALL), "--out", str(out))
    # The marked plan is structurally valid: the rules run on the other facts.
    assert check_plan(out).report.rules_run
    edit(out / "anagrafica.yaml", "al: da verificare — 2025-12-31}", "al: 2026-12-31}")
    report = check_plan(out).report
    assert not any(
        f.code == "SC010" and f.location.path == ("ente", "dipendenti", "al")
        for f in report.findings
    )


def test_comments_codes_and_targets(tmp_path: Path) -> None:
    out = tmp_path / "2027-2029"
    run_cli("rollover", str(EXAMPLE), "--out", str(out))
    old = (EXAMPLE / "performance.yaml").read_text(encoding="utf-8")
    new = (out / "performance.yaml").read_text(encoding="utf-8")
    old_comments = [line for line in old.splitlines() if line.lstrip().startswith("#")]
    new_comments = [line for line in new.splitlines() if line.lstrip().startswith("#")]
    assert len(new_comments) == len(old_comments)
    assert "# Sottosezione 2.2 Performance" in new
    assert "target: {2027: 20, 2028: 25, 2029: da definire}" in new
    data = load_text(new)
    assert [o["codice"] for o in data["obiettivi"]] == [
        o["codice"] for o in load_text(old)["obiettivi"]
    ]
    anagrafica = load_text((out / "anagrafica.yaml").read_text(encoding="utf-8"))
    assert (anagrafica["triennio"]["da"], anagrafica["triennio"]["a"]) == (2027, 2029)
    # The staff count is not re-dated to the new 31/12: it is to be re-verified.
    assert anagrafica["ente"]["dipendenti"]["al"] == "da verificare — 2025-12-31"
    assert "adozione" not in anagrafica
    assert "pubblicazione" not in anagrafica
    assert (
        (out / "anagrafica.yaml")
        .read_text(encoding="utf-8")
        .startswith(
            "# yaml-language-server: $schema=../../../schemas/anagrafica.schema.json\n# PIAO 2027-2029"
        )
    )
    fp = load_text((out / "fabbisogni_personale.yaml").read_text(encoding="utf-8"))
    assert all(a["anno"] == "triennio" or a["anno"] >= 2027 for a in fp["assunzioni"])


def test_measured_values_become_baselines(tmp_path: Path) -> None:
    plan = tmp_path / "old" / "2026-2028"
    plan.parent.mkdir()
    shutil.copytree(EXAMPLE, plan)
    edit(
        plan / "performance.yaml",
        "        target: {2026: 12, 2027: 20, 2028: 25}\n",
        "        target: {2026: 12, 2027: 20, 2028: 25}\n        consuntivo: {2026: 14}\n",
    )
    out = tmp_path / "2027-2029"
    run_cli("rollover", str(plan), "--out", str(out))
    new = (out / "performance.yaml").read_text(encoding="utf-8")
    assert "baseline: {anno: 2026, valore: 14}" in new
    assert "consuntivo" not in new


def test_never_writes_into_an_existing_folder(tmp_path: Path) -> None:
    out = tmp_path / "2027-2029"
    out.mkdir()
    result = run_cli("rollover", str(EXAMPLE), "--out", str(out))
    assert result.exit_code == 2
    assert list(out.iterdir()) == []


def test_undated_phases_event_ratings_and_subjects_carry_over(tmp_path: Path) -> None:
    out = tmp_path / "2027-2029"
    run_cli("rollover", str(EXAMPLE), "--out", str(out))
    old = load_text((EXAMPLE / "rischi_corruttivi.yaml").read_text(encoding="utf-8"))
    new = load_text((out / "rischi_corruttivi.yaml").read_text(encoding="utf-8"))
    misure = {m["codice"]: m for m in new["misure"]}
    vecchie = {m["codice"]: m for m in old["misure"]}
    # A phase without a date continues; a phase due in 2026 keeps its text, its deadline
    # moved one year and to be confirmed; a deadline inside the new triennio stays.
    scadenze = [str(f["scadenza"]) for f in misure["MIS-02"]["fasi"]]
    assert scadenze[:2] == ["da verificare — 2027-03-31", "per_ogni_procedura"]
    assert [str(f["scadenza"]) for f in misure["MIS-11"]["fasi"]] == [
        "continuativa",
        "da verificare — 2027-07-31",
        "2027-01-31",
    ]
    assert [f["descrizione"] for f in misure["MIS-11"]["fasi"]] == [
        f["descrizione"] for f in vecchie["MIS-11"]["fasi"]
    ]
    assert [str(f["scadenza"]) for f in misure["MIS-12"]["fasi"]] == [
        "da verificare — 2027-03-31",
        "da verificare — 2027-12-31",
    ]
    assert misure["MIS-02"]["responsabile"] == ["tutti_i_responsabili", "UO-SEG"]
    assert new["soggetti"] == old["soggetti"]
    assert new["metodo_valutazione"] == old["metodo_valutazione"]
    processi = {p["codice"]: p for p in new["processi"]}
    assert processi["PR-03"]["eventi_rischiosi"][0]["valutazione"]["giudizio"] == "alto"
    assert processi["PR-10"]["fasi"][1]["nessun_rischio"] is True


def test_triennio_totals_are_flagged_for_review_and_yearly_spending_maps_shift(
    tmp_path: Path,
) -> None:
    out = tmp_path / "2027-2029"
    assert run_cli("rollover", str(SMALL), "--out", str(out)).exit_code == 0
    testo = (out / "fabbisogni_personale.yaml").read_text(encoding="utf-8")
    fp = load_text(testo)
    triennio = [a for a in (*fp["assunzioni"], *fp["cessazioni"]) if a["anno"] == "triennio"]
    assert [a["numero"] for a in triennio] == ["da verificare — 1", "da verificare — 1"]
    assert dict(fp["limite_spesa"]["spesa_prevista"]) == {
        2027: 717200.00,
        2028: 717600.00,
        2029: "da definire",
    }
    esempio = tmp_path / "esempio"
    assert run_cli("rollover", str(EXAMPLE), "--out", str(esempio)).exit_code == 0
    fp = load_text((esempio / "fabbisogni_personale.yaml").read_text(encoding="utf-8"))
    assert dict(fp["spesa_nuove_assunzioni"]) == {
        2027: 143400.00,
        2028: 115100.00,
        2029: "da definire",
    }


def test_measured_values_join_the_history_and_triennial_targets_are_asked_again(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "old" / "2026-2028"
    plan.parent.mkdir()
    shutil.copytree(EXAMPLE, plan)
    shutil.rmtree(plan / "monitoraggio")  # the plan's own consuntivo, alone
    edit(
        plan / "valore_pubblico.yaml",
        "        storico: {2023: 6.4, 2024: -1.2}\n        baseline: {anno: 2025, valore: 4}\n",
        "        storico: {2023: 6.4, 2024: -1.2}\n        baseline: {anno: 2025, valore: 4}\n"
        "        consuntivo: {2026: -3.5}\n",
    )
    out = tmp_path / "2027-2029"
    run_cli("rollover", str(plan), "--out", str(out))
    vp = (out / "valore_pubblico.yaml").read_text(encoding="utf-8")
    assert "storico: {2023: 6.4, 2024: -1.2, 2025: 4, 2026: -3.5}" in vp
    assert "baseline: {anno: 2026, valore: -3.5}" in vp
    pf = load_text((out / "performance.yaml").read_text(encoding="utf-8"))
    immobili = next(o for o in pf["obiettivi"] if o["codice"] == "OBP-24")
    assert immobili["indicatori"][0]["target_triennio"] == "da definire"
    sito = next(o for o in pf["obiettivi"] if o["codice"] == "OBP-25")
    # The phases keep their titles, dates one year later, the end to be confirmed.
    assert [(f["titolo"], str(f["inizio"]), f["fine"]) for f in sito["fasi"]] == [
        (
            "Migrazione dei contenuti",
            "2027-01-15",
            "da verificare — 2027-10-31",
        ),
        ("Pubblicazione del nuovo sito", "2027-11-01", "da verificare — 2027-12-31"),
    ]
    # Its deadline (31/12/2026) passed: kept, to be re-verified, none is invented.
    assert sito["scadenza"] == "da verificare — 2026-12-31"


def test_a_first_measured_value_starts_the_history_after_the_baseline(tmp_path: Path) -> None:
    plan = tmp_path / "old" / "2026-2028"
    plan.parent.mkdir()
    shutil.copytree(EXAMPLE, plan)
    shutil.rmtree(plan / "monitoraggio")  # the plan's own consuntivo, alone
    edit(
        plan / "performance.yaml",
        "        target: {2026: 12, 2027: 20, 2028: 25}\n",
        "        target: {2026: 12, 2027: 20, 2028: 25}\n        consuntivo: {2026: 14}\n",
    )
    out = tmp_path / "2027-2029"
    run_cli("rollover", str(plan), "--out", str(out))
    new = (out / "performance.yaml").read_text(encoding="utf-8")
    assert (
        "        baseline: {anno: 2026, valore: 14}\n        storico: {2025: 0, 2026: 14}\n" in new
    )


def test_the_summary_writes_plan_controls_as_visible_escapes(tmp_path: Path) -> None:
    # Found by tests/fuzz: a code with DEL and C1 characters reached the terminal raw
    # through the summary of what moved (issue 15).
    plan = tmp_path / "piano"
    shutil.copytree(SMALL, plan)
    edit(
        plan / "pari_opportunita.yaml",
        "  - codice: PO-01\n",
        '  - codice: "PO-01\\x7f\\x1b]0;x\\a"\n',
    )
    result = run_cli("rollover", str(plan), "--out", str(tmp_path / "nuovo"))
    assert result.exit_code == 0, result.output
    assert "PO-01\\x7f\\x1b]0;x\\x07" in result.output
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.output)


def _baseline(plan: Path, file: str, codice: str) -> str:
    testo = (plan / file).read_text(encoding="utf-8")
    blocco = testo[testo.index(f"codice: {codice}\n") :]
    return next(r.strip() for r in blocco.splitlines() if r.strip().startswith("baseline:"))


def test_the_last_measured_values_become_the_baselines(tmp_path: Path) -> None:
    out = tmp_path / "2027-2029"
    result = run_cli("rollover", str(EXAMPLE), "--out", str(out))
    assert result.exit_code == 0, result.output
    # VP-01-I2 measured 17.5 in the year's file 2026.yaml: the new baseline, its source
    # named; the old baseline (2025: 24) joins the history.
    assert _baseline(out, "valore_pubblico.yaml", "VP-01-I2") == (
        "baseline: {anno: 2026, valore: 17.5}  # dal monitoraggio 2026"
    )
    assert "storico: {2025: 24}" in (out / "valore_pubblico.yaml").read_text(encoding="utf-8")
    # An indicator measured by a survey: VP-01-I1 takes the index of CS-01 (80.4); sections
    # other than performance too (LA-01-I1 100, an integer stays an integer).
    assert "valore: 80.4}  # dal monitoraggio" in _baseline(out, "valore_pubblico.yaml", "VP-01-I1")
    assert _baseline(out, "lavoro_agile.yaml", "LA-01-I1").startswith(
        "baseline: {anno: 2026, valore: 100}"
    )
    assert "VP-01-I2.baseline (2026: 17.5): valore misurato nel monitoraggio 2026" in (
        result.output
    )
    # The first semester ends on 30 June: its values are not the year's, and the summary
    # says so; the RPCT's facts file holds no values and is not named at all.
    assert "monitoraggio/2026-S1.yaml: il primo semestre 2026 non arriva alla fine" in (
        result.output
    )
    assert "rpct-2026" not in result.output


def _periodo(plan: Path, nome: str, valore: float | str) -> None:
    (plan / "monitoraggio" / f"{nome}.yaml").write_text(
        f"indicatori:\n  VP-01-I2: {{valore: {valore}}}\n", encoding="utf-8"
    )


def test_which_period_and_which_source_win(tmp_path: Path) -> None:
    plan = tmp_path / "piano"
    shutil.copytree(EXAMPLE, plan)
    (plan / "monitoraggio" / "2026.yaml").unlink()
    # Only the first semester: 30 June is not the year's end, the baseline stays.
    run_cli("rollover", str(plan), "--out", str(tmp_path / "s1"))
    assert _baseline(tmp_path / "s1", "valore_pubblico.yaml", "VP-01-I2") == (
        "baseline: {anno: 2025, valore: 24}"
    )
    # The last part of the year ends on 31 December: 2026-S2 is a baseline.
    _periodo(plan, "2026-S2", 19.2)
    run_cli("rollover", str(plan), "--out", str(tmp_path / "a"))
    assert _baseline(tmp_path / "a", "valore_pubblico.yaml", "VP-01-I2") == (
        "baseline: {anno: 2026, valore: 19.2}  # dal monitoraggio 2026-S2"
    )
    # The whole-year file wins over the parts of its year.
    _periodo(plan, "2026", 19.5)
    run_cli("rollover", str(plan), "--out", str(tmp_path / "b"))
    assert _baseline(tmp_path / "b", "valore_pubblico.yaml", "VP-01-I2") == (
        "baseline: {anno: 2026, valore: 19.5}  # dal monitoraggio 2026"
    )
    # The plan's own consuntivo of a later year wins over any period file.
    edit(
        plan / "valore_pubblico.yaml",
        "        target: {2026: 18, 2027: 15, 2028: 12}\n",
        "        target: {2026: 18, 2027: 15, 2028: 12}\n        consuntivo: {2027: 16.8}\n",
    )
    run_cli("rollover", str(plan), "--out", str(tmp_path / "c"))
    assert _baseline(tmp_path / "c", "valore_pubblico.yaml", "VP-01-I2") == (
        "baseline: {anno: 2027, valore: 16.8}"
    )
    # A consuntivo of the same year as a part of it wins (it is the year's value) ...
    (plan / "monitoraggio" / "2026.yaml").unlink()
    (plan / "monitoraggio" / "2026-S2.yaml").unlink()
    edit(plan / "valore_pubblico.yaml", "consuntivo: {2027: 16.8}", "consuntivo: {2026: 19.8}")
    run_cli("rollover", str(plan), "--out", str(tmp_path / "d"))
    assert _baseline(tmp_path / "d", "valore_pubblico.yaml", "VP-01-I2") == (
        "baseline: {anno: 2026, valore: 19.8}"
    )
    # ... and a period file with errors gives nothing, and is named.
    _periodo(plan, "2026", "[")
    result = run_cli("rollover", str(plan), "--out", str(tmp_path / "e"))
    assert result.exit_code == 0, result.output
    assert "monitoraggio/2026.yaml: il file ha errori" in result.output
    assert _baseline(tmp_path / "e", "valore_pubblico.yaml", "VP-01-I2") == (
        "baseline: {anno: 2026, valore: 19.8}"
    )
