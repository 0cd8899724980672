"""Each office sees its own findings before the others finish (issue 14.3).

A section with errors or values still «da compilare» holds back only the rules that read
it; the report starts with what is left per file; --select/--ignore act on SC007; --file
shows one office its own file; a partial check is never called «conforme».
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from piao import check_plan
from piao.audit import audit_plan
from piao.findings import StatoRegola
from piao.model.piano import SEZIONI_PER_PREFISSO
from piao.rules import REGISTRY
from tests.conftest import EXAMPLE, SMALL, edit, run_cli


@pytest.fixture
def in_corso(plan_copy: Callable[[Path], Path]) -> Path:
    """The personnel office has not finished (a misspelt key, costs to fill in); the RPCT's
    file has a real defect: a measure owned by a unit that does not exist."""
    plan = plan_copy(EXAMPLE)
    fp = plan / "fabbisogni_personale.yaml"
    text = fp.read_text(encoding="utf-8")
    fp.write_text(
        text.replace("costo_annuo:", "costo_anuo:", 1).replace(
            "costo_annuo: 33200.00", "costo_annuo: da compilare"
        ),
        encoding="utf-8",
    )
    edit(
        plan / "rischi_corruttivi.yaml",
        "affidamenti diretti.\n    responsabile: UO-GARE",
        "affidamenti diretti.\n    responsabile: UO-NONCE",
    )
    return plan


def test_rules_of_valid_sections_run_while_another_file_is_unfinished(in_corso: Path) -> None:
    report = check_plan(in_corso).report
    assert report.rules_run
    codes = {(f.location.file, f.code) for f in report.findings}
    assert ("rischi_corruttivi.yaml", "CO003") in codes
    assert ("fabbisogni_personale.yaml", "SC001") in codes
    waiting = report.rules_with(StatoRegola.IN_ATTESA)
    assert "FP001" in waiting
    assert not any(code.startswith("RC") for code in waiting)
    assert not any(f.code.startswith("FP") for f in report.findings)
    assert report.verdetto == "non_conforme"


def test_text_report_starts_with_what_is_left_per_file(in_corso: Path) -> None:
    result = run_cli("check", str(in_corso))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    start = lines.index("Da completare:")
    assert start < next(i for i, line in enumerate(lines) if "CO003" in line)
    assert lines[start + 1].startswith("  fabbisogni_personale.yaml: ")
    assert "1 errore di struttura" in lines[start + 1]
    assert "Regole in attesa (leggono sezioni con errori o valori da compilare):" in result.output


def test_file_option_shows_one_office_its_own_findings(in_corso: Path) -> None:
    result = run_cli("check", str(in_corso), "--file", "rischi_corruttivi.yaml", "-f", "json")
    data = json.loads(result.output)
    assert {f["file"] for f in data["findings"]} == {"rischi_corruttivi.yaml"}
    assert [f["code"] for f in data["findings"]] == ["CO003"]
    assert data["limited_to"] == ["rischi_corruttivi.yaml"]
    assert data["partial"] is True
    (left,) = data["to_complete"]
    assert (left["file"], left["errors"]) == ("fabbisogni_personale.yaml", 1)
    assert left["placeholders"] > 0


def test_unknown_file_name_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("check", str(EXAMPLE), "--file", "rischi.yaml")
    assert result.exit_code == 2
    assert "«rischi.yaml» non è un file di sezione" in result.output


def test_ignore_and_select_act_on_placeholders(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    fp = plan / "fabbisogni_personale.yaml"
    fp.write_text(
        fp.read_text(encoding="utf-8").replace(
            "costo_annuo: 33200.00", "costo_annuo: da compilare"
        ),
        encoding="utf-8",
    )
    full = check_plan(plan).report
    assert any(f.code == "SC007" for f in full.findings)
    for options in ({"ignore": ("SC007",)}, {"select": ("RC",)}):
        report = check_plan(plan, **options).report
        assert not any(f.code == "SC007" for f in report.findings)
        assert report.controlli_esclusi == ("SC007",)
        assert report.verdetto != "conforme"
    selected = check_plan(plan, select=("RC", "SC007")).report
    assert any(f.code == "SC007" for f in selected.findings)


def test_a_selection_without_errors_is_a_partial_check_not_conforme() -> None:
    report = check_plan(EXAMPLE, select=("RC",)).report
    assert report.success
    assert report.verdetto == "verifica_parziale"
    result = run_cli("check", str(EXAMPLE), "--select", "RC")
    assert result.exit_code == 0
    assert "verifica parziale, non è un giudizio di conformità" in result.output
    assert check_plan(EXAMPLE).report.verdetto in ("conforme", "conforme_con_riserva")


def test_audit_does_not_call_present_what_waits_for_an_unfinished_file(in_corso: Path) -> None:
    esiti = [
        e for e in audit_plan(in_corso).esiti if e.elemento.file == "fabbisogni_personale.yaml"
    ]
    assert esiti
    assert {e.stato for e in esiti} <= {"da_verificare", "mancante", "non_applicabile"}
    assert "da_verificare" in {e.stato for e in esiti}


def test_a_section_file_that_cannot_be_read_is_not_taken_as_absent(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    path = plan / "pari_opportunita.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    report = check_plan(plan).report
    # PO005 («no equal-opportunity plan») would be a false alarm: the file is there.
    assert [f.code for f in report.findings] == ["YM004"]
    assert "PO005" in report.rules_with(StatoRegola.IN_ATTESA)


def test_every_rule_prefix_names_a_section_or_the_links_between_them() -> None:
    assert {code[:2] for code in REGISTRY} <= {*SEZIONI_PER_PREFISSO, "CO"}


def test_a_plan_from_init_filled_office_by_office_shows_each_office_its_findings(
    tmp_path: Path,
) -> None:
    """The secretariat and the RPCT have finished (their files as in the example plan, the
    RPCT's with one defect); every other office still has the skeleton of `piao init`."""
    plan = tmp_path / "2026-2028"
    result = run_cli(
        "init",
        str(plan),
        "--ente",
        "Comune di Esempio",
        "--triennio",
        "2026-2028",
        "--dipendenti",
        "152",
        "--popolazione",
        "28450",
    )
    assert result.exit_code == 0
    for name in ("anagrafica.yaml", "organizzazione.yaml", "rischi_corruttivi.yaml"):
        (plan / name).write_text((EXAMPLE / name).read_text(encoding="utf-8"), encoding="utf-8")
    edit(
        plan / "rischi_corruttivi.yaml",
        "affidamenti diretti.\n    responsabile: UO-GARE",
        "affidamenti diretti.\n    responsabile: UO-NONCE",
    )
    report = check_plan(plan).report
    assert report.rules_run
    waiting = set(report.rules_with(StatoRegola.IN_ATTESA))
    assert {"FP001", "LA001", "PF001"} <= waiting
    assert not any(code.startswith("RC") for code in waiting)
    rpct = [f for f in report.findings if f.location.file == "rischi_corruttivi.yaml"]
    assert [f.code for f in rpct] == ["CO003"]
    left = {file for file, *_ in report.da_completare}
    assert "rischi_corruttivi.yaml" not in left
    assert {"fabbisogni_personale.yaml", "lavoro_agile.yaml", "performance.yaml"} <= left
