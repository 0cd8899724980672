"""Italian agreement in what piao writes (issue 14.7): «1 avviso / 2 avvisi», «del Comune di
X», no space before punctuation — in reports, documents, diffs and the authoring commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from piao.lingua import dell_ente, quanti
from tests.conftest import SMALL, edit, run_cli
from tests.lingua_controllo import difetti

ROOT = Path(__file__).resolve().parent.parent
PIANI = sorted(
    [
        *ROOT.glob("plans/*/*"),
        *ROOT.glob("tests/real/*/*"),
        *ROOT.glob("tests/fixtures/*/*"),
    ]
)
PIANI = [p for p in PIANI if p.is_dir()]


@pytest.mark.parametrize(
    ("denominazione", "atteso"),
    [
        ("Comune di Perugia", "del Comune di Perugia"),
        ("Provincia di Sassari", "della Provincia di Sassari"),
        ("Unione dei Comuni Gallura", "dell'Unione dei Comuni Gallura"),
        ("Città metropolitana di Torino", "della Città metropolitana di Torino"),
        ("Azienda speciale consortile", "dell'Azienda speciale consortile"),
        ("Parco nazionale del Gargano", "di Parco nazionale del Gargano"),
    ],
)
def test_the_entity_takes_its_article(denominazione: str, atteso: str) -> None:
    assert dell_ente(denominazione) == atteso


def test_counts_agree() -> None:
    assert quanti(1, "avviso", "avvisi") == "1 avviso"
    assert quanti(0, "avviso", "avvisi") == "0 avvisi"
    assert quanti(2, "misura generale", "misure generali") == "2 misure generali"


def test_the_checker_catches_the_mistakes_of_the_first_version() -> None:
    for sbagliato in (
        "1 aggiunti, 0 rimossi",
        "1 informazioni",
        "PIAO 2027-2029 di Comune di X",
        "Mancano misure generali : codice",
        "manca i fattori abilitanti",
        "in ritardo di 1 giorni",
        "Qui va un testo; trovato la data «2026-01-01».",
    ):
        assert difetti(sbagliato), sbagliato
    assert not difetti("1 avviso, 2 avvisi, 1 analisi del contesto, 1.500 giorni")


@pytest.mark.parametrize("piano", PIANI, ids=lambda p: f"{p.parent.name}-{p.name}")
def test_reports_agree(piano: Path) -> None:
    result = run_cli("check", str(piano))
    assert not difetti(result.output)


def test_documents_and_diffs_agree() -> None:
    for golden in sorted((ROOT / "tests" / "render" / "golden").glob("*.txt")):
        assert not difetti(golden.read_text(encoding="utf-8")), golden.name
    for golden in sorted((ROOT / "tests" / "golden").glob("diff-*")):
        assert not difetti(golden.read_text(encoding="utf-8")), golden.name


def test_init_and_rollover_agree(tmp_path: Path) -> None:
    nuovo = tmp_path / "comune-di-x" / "2027-2029"
    result = run_cli(
        "init",
        str(nuovo),
        "--ente",
        "Comune di X",
        "--triennio",
        "2027-2029",
        "--dipendenti",
        "62",
    )
    assert result.exit_code == 0
    assert not difetti(result.output)
    testata = (nuovo / "anagrafica.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert testata.startswith("# PIAO 2027-2029 del Comune di X — 1 ")
    for sezione in nuovo.glob("*.yaml"):
        assert not difetti(sezione.read_text(encoding="utf-8")), sezione.name
    result = run_cli(
        "rollover",
        str(ROOT / "plans" / "piccolo-comune" / "2026-2028"),
        "--out",
        str(tmp_path / "r"),
    )
    assert not difetti(result.output)


def test_schema_messages_agree(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "anagrafica.yaml", 'codice_fiscale: "80098760456"', "codice_fiscale: 2026-01-01")
    result = run_cli("check", str(plan))
    assert "Qui va un testo; trovata la data «2026-01-01»." in result.output
    assert not difetti(result.output)
