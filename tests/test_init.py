"""`piao init`: a new plan for each regime; each placeholder a finding at its line."""

from __future__ import annotations

import json
from pathlib import Path

from piao import check_plan
from piao.model import SEZIONI
from tests.conftest import run_cli


def _init(folder: Path, dipendenti: int, *extra: str) -> None:
    result = run_cli(
        "init",
        str(folder),
        "--ente",
        "Comune di Nuovo",
        "--ipa",
        "c_z100",
        "--tipo",
        "comune",
        "--dipendenti",
        str(dipendenti),
        "--popolazione",
        "25000",
        "--triennio",
        "2027-2029",
        *extra,
    )
    assert result.exit_code == 0, result.output


def test_ordinary_regime_gets_every_section(tmp_path: Path) -> None:
    plan = tmp_path / "2027-2029"
    _init(plan, 152)
    assert sorted(p.name for p in plan.iterdir()) == sorted(s.file for s in SEZIONI)
    text = (plan / "anagrafica.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../../schemas/anagrafica.schema.json\n"
    )
    assert (
        "  # Denominazione ufficiale (es. «Comune di Esempio»).\n  denominazione: Comune di Nuovo\n"
        in text
    )
    assert "regime: ordinario" in text
    assert "dipendenti: {valore: 152, al: 2026-12-31}" in text


def test_simplified_regime_gets_the_required_sections_only(tmp_path: Path) -> None:
    plan = tmp_path / "2027-2029"
    _init(plan, 12)
    names = {p.name for p in plan.iterdir()}
    assert names == {s.file for s in SEZIONI if "semplificato" in s.richiesta}
    assert "regime: semplificato" in (plan / "anagrafica.yaml").read_text(encoding="utf-8")


def test_check_reports_each_placeholder_at_its_line(tmp_path: Path) -> None:
    plan = tmp_path / "2027-2029"
    _init(plan, 152)
    report = check_plan(plan).report
    assert {f.code for f in report.findings} == {"SC007"}
    for f in report.findings:
        assert f.location.line is not None
        line = (
            (plan / f.location.file).read_text(encoding="utf-8").splitlines()[f.location.line - 1]
        )
        assert "da compilare" in line or "da definire" in line, (f.location, line)
    values = [
        line
        for p in plan.iterdir()
        for line in p.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#")
    ]
    placeholders = sum(line.count("da compilare") + line.count("da definire") for line in values)
    assert len(report.findings) == placeholders


def test_json_of_a_new_plan(tmp_path: Path) -> None:
    plan = tmp_path / "2027-2029"
    _init(plan, 12)
    data = json.loads(run_cli("check", str(plan), "--format", "json").output)
    assert data["summary"]["error"] == len(data["findings"]) > 0


def test_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    plan = tmp_path / "2027-2029"
    plan.mkdir()
    (plan / "nota.txt").write_text("x", encoding="utf-8")
    result = run_cli(
        "init", str(plan), "--ente", "X", "--dipendenti", "10", "--triennio", "2027-2029"
    )
    assert result.exit_code == 2
    assert sorted(p.name for p in plan.iterdir()) == ["nota.txt"]


def test_rejects_a_bad_triennio_and_an_impossible_regime(tmp_path: Path) -> None:
    assert (
        run_cli(
            "init",
            str(tmp_path / "a"),
            "--ente",
            "X",
            "--dipendenti",
            "10",
            "--triennio",
            "2027-2030",
        ).exit_code
        == 2
    )
    bad = run_cli(
        "init",
        str(tmp_path / "b"),
        "--ente",
        "X",
        "--dipendenti",
        "80",
        "--triennio",
        "2027-2029",
        "--regime",
        "semplificato",
    )
    assert bad.exit_code == 2


def test_fifty_employees_asks_for_a_motivation(tmp_path: Path) -> None:
    plan = tmp_path / "2027-2029"
    _init(plan, 50)
    text = (plan / "anagrafica.yaml").read_text(encoding="utf-8")
    assert "motivazione_regime: da compilare" in text


def test_risk_section_offers_subjects_roles_and_undated_timing_but_not_rare_blocks(
    tmp_path: Path,
) -> None:
    plan = tmp_path / "2027-2029"
    _init(plan, 152)
    text = (plan / "rischi_corruttivi.yaml").read_text(encoding="utf-8")
    assert "soggetti:\n  - ruolo: da compilare\n" in text
    # The timing of a phase may be a date or a closed-list timing, said once in the comment.
    assert "Oppure: continuativa, per_ogni_atto, per_ogni_procedura, mensile," in text
    assert text.count("tutti_i_dirigenti") == 3  # measure, data and publication owners
    # The numeric method and the per-event rating are optional and rare: not in the skeleton.
    assert "metodo_valutazione" not in text
    assert "punteggio" not in text
    assert text.count("valutazione:\n") == 1
