"""`piao audit --griglia`: the ANAC grid pre-filled from the plan's obligations, as XLSX and
as a CSV in the form Italian spreadsheets open; the audit summary CSV in the same form; a
warning when two plans of a batch share an IPA code."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from piao.audit.griglia import COLONNE
from piao.loading import load_folder
from piao.model.rischi_corruttivi import ObbligoTrasparenza
from piao.validation import validate_plan
from tests.conftest import EXAMPLE, ROOT, SMALL, edit, run_cli

INCOMPLETE = ROOT / "tests" / "fixtures" / "comune-incompleto" / "2026-2028"
INTESTAZIONI = [c.intestazione for c in COLONNE]
PUNTEGGI = [
    "Pubblicazione",
    "Completezza del contenuto",
    "Completezza rispetto agli uffici",
    "Aggiornamento",
    "Apertura formato",
    "Note",
]


def _obblighi(plan: Path) -> list[ObbligoTrasparenza]:
    piano = validate_plan(load_folder(plan)).piano
    assert piano is not None
    assert piano.rischi_corruttivi is not None
    assert piano.rischi_corruttivi.trasparenza is not None
    return piano.rischi_corruttivi.trasparenza.obblighi


def _griglia(out: Path, *plans: Path) -> None:
    result = run_cli("audit", *map(str, plans), "--no-pdf", "--griglia", "--out", str(out))
    assert result.exit_code == 0, result.output


def _righe_xlsx(path: Path) -> list[list[str]]:
    ws = load_workbook(path)["Griglia"]
    return [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]


def _righe_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads the accents right
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_grid_has_one_row_per_obligation_with_the_plan_texts(tmp_path: Path) -> None:
    out = tmp_path / "audit"
    _griglia(out, EXAMPLE, SMALL)
    for plan, stem in (
        (EXAMPLE, "griglia-comune-di-esempio-2026-2028"),
        (SMALL, "griglia-comune-di-piccolavalle-2026-2028"),
    ):
        obblighi = _obblighi(plan)
        righe = _righe_xlsx(out / f"{stem}.xlsx")
        assert righe[0] == INTESTAZIONI
        assert INTESTAZIONI[-6:] == PUNTEGGI
        assert len(righe) == 1 + len(obblighi)
        for riga, o in zip(righe[1:], obblighi, strict=True):
            cella = dict(zip(INTESTAZIONI, riga, strict=True))
            assert cella["Codice obbligo (PIAO)"] == o.codice
            assert (
                cella["Denominazione sotto-sezione livello 1 (Macrofamiglie)"]
                == (o.sottosezione[0])
            )
            assert cella["Riferimento normativo"] == (o.riferimento_normativo or "")
            assert cella["Contenuti dell'obbligo"] == (o.contenuto or "")
            assert all(cella[p] == "" for p in PUNTEGGI)  # left to the auditor
        # The CSV holds the same table.
        assert _righe_csv(out / f"{stem}.csv") == righe
    esempio = {
        r[0]: dict(zip(INTESTAZIONI, r, strict=True))
        for r in _righe_xlsx(out / "griglia-comune-di-esempio-2026-2028.xlsx")
    }
    tr02 = esempio["TR-02"]
    # Units by name, frequency with the entity's own term, the AT link the plan gives.
    assert tr02["Responsabile della trasmissione dei dati"] == "Segreteria generale"
    assert tr02["Responsabile della pubblicazione"] == "Settore Innovazione e sistemi informativi"
    assert tr02["Aggiornamento (frequenza)"] == "Tempestivo (entro 10 giorni)"
    assert tr02["Link alla pagina di Amministrazione trasparente"].startswith(
        "https://www.comune.esempio.it/amministrazione-trasparente/"
    )
    assert tr02["Denominazione del singolo obbligo"] == "Atti generali"


def test_score_columns_check_their_values_and_the_notes_state_the_confidence(
    tmp_path: Path,
) -> None:
    out = tmp_path / "audit"
    _griglia(out, SMALL)
    wb = load_workbook(out / "griglia-comune-di-piccolavalle-2026-2028.xlsx")
    ws = wb["Griglia"]
    colonna = {c.intestazione: chr(ord("A") + i) for i, c in enumerate(COLONNE)}
    controlli = {str(dv.sqref).split(":")[0][0]: dv for dv in ws.data_validations.dataValidation}
    pubblicazione = controlli[colonna["Pubblicazione"]]
    assert pubblicazione.formula1 == '"0,2,n/a"'
    assert pubblicazione.errorStyle == "warning"  # partially verified: warns, accepts
    for nome in PUNTEGGI[1:5]:
        dv = controlli[colonna[nome]]
        assert (dv.formula1, dv.errorStyle) == ('"0,1,2,3,n/a"', "stop")
    assert colonna["Note"] not in controlli
    note = "\n".join(str(v) for row in wb["Note"].iter_rows(values_only=True) for v in row if v)
    assert "delibera ANAC n. 192/2025" in note
    assert "applicazione web" in note
    assert "confidenza U" in note
    assert "non le impone" in note
    assert "Comune di Piccolavalle" in note


def test_plan_text_never_becomes_a_formula(
    tmp_path: Path, plan_copy: Callable[[Path], Path]
) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "rischi_corruttivi.yaml", "contenuto: Aree e responsabili", 'contenuto: "=1+1"')
    out = tmp_path / "audit"
    _griglia(out, plan)
    stem = "griglia-comune-di-piccolavalle-2026-2028"
    ws = load_workbook(out / f"{stem}.xlsx")["Griglia"]
    cella = ws.cell(3, INTESTAZIONI.index("Contenuti dell'obbligo") + 1)
    assert (cella.value, cella.data_type) == ("=1+1", "s")
    assert _righe_csv(out / f"{stem}.csv")[2][5] == "'=1+1"


def test_a_plan_without_obligations_gets_an_empty_grid_that_says_why(
    tmp_path: Path, plan_copy: Callable[[Path], Path]
) -> None:
    plan = plan_copy(SMALL)
    (plan / "rischi_corruttivi.yaml").unlink()
    out = tmp_path / "audit"
    result = run_cli("audit", str(plan), "--no-pdf", "--griglia", "--out", str(out))
    assert result.exit_code == 0, result.output
    wb = load_workbook(out / "griglia-comune-di-piccolavalle-2026-2028.xlsx")
    assert _righe_xlsx(out / "griglia-comune-di-piccolavalle-2026-2028.xlsx") == [INTESTAZIONI]
    note = [str(v) for row in wb["Note"].iter_rows(values_only=True) for v in row if v]
    assert "0 (sottosezione 2.3 assente o non valida: nessun obbligo da riportare)" in note


def test_the_grid_converts_with_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice not installed")
    out = tmp_path / "audit"
    _griglia(out, EXAMPLE)
    xlsx = out / "griglia-comune-di-esempio-2026-2028.xlsx"
    done = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "pdf" / "griglia-comune-di-esempio-2026-2028.pdf"
    testo = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Griglia di rilevazione — Comune di Esempio — PIAO 2026-2028" in testo
    assert "TR-45" in testo
    assert "Segreteria generale" in testo
    assert "Apertura" in testo
    assert "192/2025" in testo


def test_the_summary_csv_opens_in_italian_spreadsheets(tmp_path: Path) -> None:
    out = tmp_path / "audit"
    result = run_cli("audit", str(EXAMPLE), str(INCOMPLETE), "--no-pdf", "--out", str(out))
    assert result.exit_code == 0, result.output
    righe = _righe_csv(out / "audit-riepilogo.csv")
    riepilogo = [dict(zip(righe[0], r, strict=True)) for r in righe[1:]]
    assert [r["ente"] for r in riepilogo] == ["Comune di Esempio", "Comune di Incompleto"]
    assert riepilogo[0]["punteggio"] == "100"
    assert "," in riepilogo[1]["punteggio"] or riepilogo[1]["punteggio"].isdigit()
    assert "." not in riepilogo[1]["punteggio"]  # decimal comma, as the Italian locale reads


def test_two_plans_with_one_ipa_code_get_a_warning(
    tmp_path: Path, plan_copy: Callable[[Path], Path]
) -> None:
    copia = plan_copy(SMALL)
    edit(copia / "anagrafica.yaml", "denominazione: Comune di Piccolavalle", "denominazione: Altro")
    out = tmp_path / "audit"
    result = run_cli("audit", str(SMALL), str(copia), "--no-pdf", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "è di 2 piani" in result.output
    assert "Comune di Piccolavalle 2026-2028" in result.output
    assert "Altro 2026-2028" in result.output
    righe = _righe_csv(out / "audit-riepilogo.csv")
    assert len(righe) == 3  # still one row per plan
    # The summary itself says which rows share the code (one entity counted twice?).
    colonna = righe[0].index("stesso_codice_ipa_di")
    assert righe[1][colonna] == f"Altro 2026-2028 ({copia})"
    assert righe[2][colonna] == f"Comune di Piccolavalle 2026-2028 ({SMALL})"

    distinti = run_cli("audit", str(EXAMPLE), str(SMALL), "--no-pdf", "--out", str(out))
    assert "codice IPA" not in distinti.output
