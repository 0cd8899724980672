"""`piao rollover`: the next triennio keeps comments and codes; its only findings are the
expected placeholders (and the reminder that the new plan is not adopted yet)."""

from __future__ import annotations

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
    assert codes == {"SC007", "AN007"}
    for f in report.findings:
        if f.code == "SC007":
            assert "da definire" in f.message or "da compilare" in f.message


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
    assert all(a["anno"] >= 2027 for a in fp["assunzioni"])


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
    # A phase without a date continues; the dated phases of 2026 end with their year.
    assert [f["scadenza"] for f in misure["MIS-02"]["fasi"]] == ["per_ogni_procedura"]
    assert [str(f["scadenza"]) for f in misure["MIS-11"]["fasi"]] == ["continuativa", "2027-01-31"]
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
    assert [a["numero"] for a in triennio] == [1, 1]
    assert testo.count("# totale del triennio 2026-2028: da rivedere") == 2
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
    assert [dict(f) for f in sito["fasi"]] == [{"titolo": "da definire"}]
    # Its deadline (31/12/2026) passed: the next plan sets a new one, none is invented.
    assert "scadenza" not in sito


def test_a_first_measured_value_starts_the_history_after_the_baseline(tmp_path: Path) -> None:
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
    assert (
        "        baseline: {anno: 2026, valore: 14}\n        storico: {2025: 0, 2026: 14}\n" in new
    )
