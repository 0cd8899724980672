"""`piao diff`: exact expected changes (golden files) for a plan against its rollover and
for two hand-edited versions. Regenerate with UPDATE_GOLDEN=1 after an intended change."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, ROOT, SMALL, edit, run_cli

GOLDEN = ROOT / "tests" / "golden"
FORMATI = {"text": "txt", "markdown": "md", "json": "json"}


def _check_golden(name: str, output: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8"), (
        f"{name} differs (UPDATE_GOLDEN=1 to regenerate)"
    )


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("formato", FORMATI)
def test_diff_of_a_plan_and_its_rollover(in_tmp: Path, formato: str) -> None:
    # Without the period files: their values would become baselines (tests/test_rollover.py),
    # and this is about the year shift.
    shutil.copytree(EXAMPLE, in_tmp / "2026-2028", ignore=shutil.ignore_patterns("monitoraggio"))
    assert run_cli("rollover", "2026-2028", "--out", "2027-2029").exit_code == 0
    result = run_cli("diff", "2026-2028", "2027-2029", "--format", formato)
    assert result.exit_code == 0
    _check_golden(f"diff-rollover.{FORMATI[formato]}", result.output)


@pytest.mark.parametrize("formato", FORMATI)
def test_diff_of_two_hand_edited_versions(in_tmp: Path, formato: str) -> None:
    shutil.copytree(SMALL, in_tmp / "v1")
    shutil.copytree(SMALL, in_tmp / "v2")
    v2 = in_tmp / "v2"
    # a changed target, a removed course, an added obligation, a changed unit head
    edit(
        v2 / "rischi_corruttivi.yaml",
        "target: {2026: 100, 2027: 100, 2028: 100}",
        "target: {2026: 90, 2027: 100, 2028: 100}",
    )
    text = (v2 / "formazione.yaml").read_text(encoding="utf-8")
    start = text.index("  - codice: FOR-04")
    end = text.index("\n\n", start)
    (v2 / "formazione.yaml").write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    edit(
        v2 / "rischi_corruttivi.yaml",
        "  obblighi:\n",
        "  obblighi:\n    - codice: TR-12\n      sottosezione: [Bandi di concorso, Bandi di concorso]\n"
        "      riferimento_normativo: art. 19 d.lgs. 33/2013\n      contenuto: Tracce delle prove\n"
        "      responsabile_dati: UO-AMM\n      responsabile_pubblicazione: UO-AMM\n      aggiornamento: tempestivo\n"
        "      termine_giorni: 5\n",
    )
    edit(
        v2 / "organizzazione.yaml",
        "responsabile: Geom. Paolo Rivi",
        "responsabile: Ing. Marta Rivi",
    )
    result = run_cli("diff", "v1", "v2", "--format", formato)
    assert result.exit_code == 0
    _check_golden(f"diff-modifiche.{FORMATI[formato]}", result.output)


def test_identical_plans_have_no_difference(in_tmp: Path) -> None:
    shutil.copytree(SMALL, in_tmp / "a")
    shutil.copytree(SMALL, in_tmp / "b")
    assert run_cli("diff", "a", "b").output.endswith("Nessuna differenza.\n")


@pytest.mark.parametrize("formato", FORMATI)
def test_a_lone_surrogate_in_plan_text_is_written_in_every_format(
    in_tmp: Path, formato: str
) -> None:
    # Found by tests/fuzz: `diff --format markdown` crashed encoding "\udfff" (issue 15).
    shutil.copytree(SMALL, in_tmp / "a")
    shutil.copytree(SMALL, in_tmp / "b")
    edit(
        in_tmp / "b" / "rischi_corruttivi.yaml",
        "  fonti: [Relazione",
        '  fonti: ["a\\udfff<b>", Relazione',
    )
    result = run_cli("diff", "a", "b", "--format", formato)
    assert result.exit_code == 0, result.output
    assert "\ufffd" in result.output or "\\udfff" in result.output
    if formato == "markdown":
        assert "<b>" not in result.output


def test_missing_folder_is_a_usage_error(in_tmp: Path) -> None:
    assert run_cli("diff", "nessuna", "altra").exit_code == 2


def test_event_ratings_phases_and_subjects_change_item_by_item(in_tmp: Path) -> None:
    shutil.copytree(EXAMPLE, in_tmp / "v1")
    shutil.copytree(EXAMPLE, in_tmp / "v2")
    v2 = in_tmp / "v2" / "rischi_corruttivi.yaml"
    edit(v2, "    nome: Dott. Paolo Celeste\n", "    nome: Dott.ssa Sara Ocra\n")
    edit(
        v2,
        "          giudizio: alto\n          motivazione: Numero elevato",
        "          giudizio: medio\n          motivazione: Numero elevato",
    )
    edit(v2, "        scadenza: per_ogni_procedura\n", "        scadenza: per_ogni_atto\n")
    edit(
        v2,
        "      - {numero: 3, descrizione: Nomina della commissione}\n",
        "      - {numero: 3, descrizione: Nomina della commissione, nessun_rischio: true}\n",
    )
    righe = run_cli("diff", "v1", "v2").output.splitlines()
    assert "      soggetti[2].nome: Dott. Paolo Celeste → Dott.ssa Sara Ocra" in righe
    evento = righe.index(
        "  ~ evento rischioso EV-03-1 «Frazionamento artificioso per restare sotto la soglia» modificato"
    )
    assert righe[evento + 1] == "      valutazione.giudizio: alto → medio"
    assert "      fasi[2].nessun_rischio: — → sì" in righe
    assert "      fasi[1].scadenza: per_ogni_procedura → per_ogni_atto" in righe


def test_across_a_rollover_the_year_shift_is_apart_from_real_changes(in_tmp: Path) -> None:
    # Without the period files: their values would become baselines (tests/test_rollover.py),
    # and this is about the year shift.
    shutil.copytree(EXAMPLE, in_tmp / "2026-2028", ignore=shutil.ignore_patterns("monitoraggio"))
    assert run_cli("rollover", "2026-2028", "--out", "2027-2029").exit_code == 0
    # A real change made while drafting the new plan: the 2028 target of one indicator.
    edit(
        in_tmp / "2027-2029" / "performance.yaml",
        "target: {2027: 20, 2028: 25, 2029: da definire}",
        "target: {2027: 20, 2028: 30, 2029: da definire}",
    )
    output = run_cli("diff", "2026-2028", "2027-2029").output
    righe = output.splitlines()
    modificati = [r for r in righe if r.startswith("  ~ indicatore")]
    # Only the indicator really changed is listed, with its change; the others moved a year.
    assert len(modificati) <= 2, modificati
    assert "      target.2028: 25 → 30" in righe
    assert "target.2026" not in output
    assert "solo spostati di un anno" in output
    assert "Spostamento d'anno:" in righe[-1]
