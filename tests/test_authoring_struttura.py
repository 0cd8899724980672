"""`piao rollover`, `piao diff` and `piao init` on the entity and organisation data: political
organs, distinct officers, financial regime, version, consultations, cross-cutting units,
agile work by year, service charters."""

from __future__ import annotations

import shutil
from pathlib import Path

from piao.loading.roundtrip import load_text
from tests.conftest import EXAMPLE, edit, run_cli


def _yaml(path: Path) -> dict[str, object]:
    data = load_text(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_rollover_drops_the_cycle_data_and_keeps_the_entity_data(tmp_path: Path) -> None:
    plan = tmp_path / "2026-2028"
    shutil.copytree(EXAMPLE, plan)
    edit(
        plan / "anagrafica.yaml",
        "regime: ordinario\n",
        "regime: ordinario\nregime_finanziario: {stato: riequilibrio_pluriennale, vincoli_assunzioni: "
        "Controllo dell'art. 243 c.1 TUEL.}\n",
    )
    out = tmp_path / "2027-2029"
    assert run_cli("rollover", str(plan), "--out", str(out)).exit_code == 0
    anagrafica = _yaml(out / "anagrafica.yaml")
    # The consultations stay, their dates to re-verify; the portal version starts again.
    assert anagrafica["consultazioni"][0]["al"] == "da verificare — 2026-01-31"  # type: ignore[index]
    assert anagrafica["versione"] == 1
    assert anagrafica["regime_finanziario"] == {
        "stato": "riequilibrio_pluriennale",
        "vincoli_assunzioni": "Controllo dell'art. 243 c.1 TUEL.",
    }
    soggetti = anagrafica["soggetti"]
    assert isinstance(soggetti, dict)
    assert [o["codice"] for o in soggetti["organi_politici"]] == [
        "SINDACO",
        "ASS-BILANCIO",
        "ASS-SOCIALE",
    ]
    agile = _yaml(out / "lavoro_agile.yaml")
    assert agile["lavoratori_agili_potenziali"] == {2027: 70, 2028: 70, 2029: "da definire"}
    assert [a["anno"] for a in agile["stato_attuazione"]] == [2025]  # type: ignore[attr-defined]
    org = _yaml(out / "organizzazione.yaml")
    assert [u["codice"] for u in org["unita_trasversali"]] == ["UCT-CASA"]  # type: ignore[attr-defined]


def test_diff_reports_officers_organs_and_charters(tmp_path: Path) -> None:
    v1, v2 = tmp_path / "v1", tmp_path / "v2"
    shutil.copytree(EXAMPLE, v1)
    shutil.copytree(EXAMPLE, v2)
    edit(
        v2 / "anagrafica.yaml",
        "    nome: Dott. Paolo Celeste\n",
        "    nome: Dott.ssa Irene Lilla\n",
    )
    edit(
        v2 / "anagrafica.yaml",
        "deleghe: [Servizi sociali, Politiche per la famiglia, Casa]",
        "deleghe: [Servizi sociali, Politiche per la famiglia]",
    )
    edit(v2 / "anagrafica.yaml", "versione: 1", "versione: 2")
    edit(
        v2 / "monitoraggio.yaml",
        "    periodicita: semestrale\n    responsabile: UO-DEM",
        "    periodicita: annuale\n    responsabile: UO-DEM",
    )
    edit(
        v2 / "organizzazione.yaml", "operativa_fino_al: 2028-03-31", "operativa_fino_al: 2028-12-31"
    )
    output = run_cli("diff", str(v1), str(v2)).output
    assert "soggetti.rasa.nome: Dott. Paolo Celeste → Dott.ssa Irene Lilla" in output
    assert "~ organo politico ASS-SOCIALE modificato" in output
    assert (
        "deleghe: [Servizi sociali, Politiche per la famiglia, Casa] → [Servizi sociali, Politiche per la famiglia]"
        in output
    )
    assert "versione: 1 → 2" in output
    assert "~ carta dei servizi CDS-01" in output
    assert "periodicita: semestrale → annuale" in output
    assert "~ unità di coordinamento trasversale UCT-CASA" in output
    # The organs are compared one by one, not again as part of «soggetti».
    assert "soggetti.organi_politici" not in output


def test_init_writes_the_common_roles_and_leaves_out_the_rare_blocks(tmp_path: Path) -> None:
    plan = tmp_path / "2027-2029"
    result = run_cli(
        "init",
        str(plan),
        "--ente",
        "Comune di Nuovo",
        "--tipo",
        "comune",
        "--dipendenti",
        "152",
        "--triennio",
        "2027-2029",
    )
    assert result.exit_code == 0, result.output
    anagrafica = _yaml(plan / "anagrafica.yaml")
    soggetti = anagrafica["soggetti"]
    assert isinstance(soggetti, dict)
    assert soggetti["organi_politici"][0]["codice"] == "SINDACO"
    assert "rasa" in soggetti
    for raro in ("direttore_generale", "responsabile_trasparenza"):
        assert raro not in soggetti
    for raro in ("regime_finanziario", "versione", "consultazioni"):
        assert raro not in anagrafica
    assert "unita_trasversali" not in _yaml(plan / "organizzazione.yaml")
    assert "carte_servizi" not in _yaml(plan / "monitoraggio.yaml")
    agile = _yaml(plan / "lavoro_agile.yaml")
    assert "lavoratori_agili_potenziali" in agile
    assert "stato_attuazione" not in agile
