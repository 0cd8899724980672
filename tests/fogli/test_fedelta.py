"""Import fidelity (issue 19): a deleted year column, phases written as a one-key map,
numbers typed into code cells, and an office's typical mistakes in a section other than
the risk map: each one located Italian note, nothing lost, no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from piao.fogli.importa import importa_file
from tests.conftest import EXAMPLE, run_cli


@pytest.fixture(scope="module")
def esportati(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plan exported once: the folder of its workbooks."""
    cartella = tmp_path_factory.mktemp("fogli")
    risultato = run_cli("fogli", "esporta", str(EXAMPLE), "--out", str(cartella))
    assert risultato.exit_code == 0, risultato.output
    return cartella


def _colonna(ws: Worksheet, chiave: str) -> int:
    return next(c.column for c in ws[2] if c.value == chiave)


def _piano(tmp_path: Path) -> Path:
    piano = tmp_path / "2026-2028"
    shutil.copytree(EXAMPLE, piano)
    return piano


def test_a_deleted_year_column_is_reported_and_stops_scrivi(
    esportati: Path, tmp_path: Path
) -> None:
    wb = load_workbook(esportati / "performance.xlsx")
    indicatori = wb["Indicatori"]
    indicatori.delete_cols(_colonna(indicatori, "target.2027"))
    wb.save(tmp_path / "performance.xlsx")
    piano = _piano(tmp_path)
    risultato = run_cli(
        "fogli", "importa", str(tmp_path / "performance.xlsx"), str(piano), "--scrivi"
    )
    assert risultato.exit_code == 1
    assert (piano / "performance.yaml").read_bytes() == (EXAMPLE / "performance.yaml").read_bytes()
    note = [(n.luogo, n.messaggio[:50]) for n in importa_file(tmp_path / "performance.xlsx").note]
    assert note == [
        ("performance.xlsx › Indicatori", "manca la colonna «target.2027»: i suoi valori non ")
    ]


def test_a_deleted_empty_year_column_loses_nothing(esportati: Path, tmp_path: Path) -> None:
    """consuntivo.2027 is exported empty (monitoring fills it): deleting it is no loss."""
    wb = load_workbook(esportati / "performance.xlsx")
    indicatori = wb["Indicatori"]
    indicatori.delete_cols(_colonna(indicatori, "consuntivo.2027"))
    wb.save(tmp_path / "performance.xlsx")
    assert importa_file(tmp_path / "performance.xlsx").note == []


def test_an_added_year_column_is_a_target_of_that_year(esportati: Path, tmp_path: Path) -> None:
    """The model takes targets after the triennio (end of the mandate): accepted, no note."""
    wb = load_workbook(esportati / "performance.xlsx")
    indicatori = wb["Indicatori"]
    nuova = indicatori.max_column + 1
    indicatori.cell(1, nuova).value = "Target 2029"
    indicatori.cell(2, nuova).value = "target.2029"
    indicatori.cell(3, nuova).value = 30
    wb.save(tmp_path / "performance.xlsx")
    piano = _piano(tmp_path)
    risultato = run_cli(
        "fogli", "importa", str(tmp_path / "performance.xlsx"), str(piano), "--scrivi"
    )
    assert risultato.exit_code == 0, risultato.output
    prima = (EXAMPLE / "performance.yaml").read_text(encoding="utf-8").splitlines()
    dopo = (piano / "performance.yaml").read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(prima, dopo, strict=True) if a != b] == [
        (
            "        target: {2026: 12, 2027: 20, 2028: 25}",
            "        target: {2026: 12, 2027: 20, 2028: 25, 2029: 30}",
        )
    ]


def test_a_phase_written_as_a_map_keeps_its_form(tmp_path: Path) -> None:
    """`{descrizione: x}` and «x» are the same phase; the workbook reads both back as «x»:
    the plan is exported, and --scrivi keeps the form it was written in."""
    piano = _piano(tmp_path)
    file = piano / "rischi_corruttivi.yaml"
    testo = file.read_text(encoding="utf-8")
    vecchia = (
        "    fasi: [Rilevazione dei fabbisogni, Redazione del programma, "
        "Approvazione e pubblicazione]\n"
    )
    assert testo.count(vecchia) == 1
    file.write_text(
        testo.replace(
            vecchia,
            "    fasi:\n      - {descrizione: Rilevazione dei fabbisogni}\n"
            "      - Redazione del programma\n"
            "      - descrizione: Approvazione e pubblicazione\n",
        ),
        encoding="utf-8",
    )
    prima = file.read_bytes()
    cartella = tmp_path / "fogli"
    risultato = run_cli("fogli", "esporta", str(piano), "--out", str(cartella))
    assert risultato.exit_code == 0, risultato.output
    wb = load_workbook(cartella / "rischi_corruttivi.xlsx")
    processi = wb["Processi"]
    processi.cell(3, _colonna(processi, "denominazione")).value = "Programmazione degli acquisti"
    wb.save(cartella / "rischi_corruttivi.xlsx")
    risultato = run_cli(
        "fogli", "importa", str(cartella / "rischi_corruttivi.xlsx"), str(piano), "--scrivi"
    )
    assert risultato.exit_code == 0, risultato.output
    cambiate = [
        (a, b)
        for a, b in zip(prima.decode().splitlines(), file.read_text().splitlines(), strict=True)
        if a != b
    ]
    assert cambiate == [
        (
            "    denominazione: Programmazione triennale degli acquisti di beni e servizi",
            "    denominazione: Programmazione degli acquisti",
        )
    ]


def test_a_number_in_a_code_cell_is_a_note_in_a_free_text_it_is_text(
    esportati: Path, tmp_path: Path
) -> None:
    """Calc turns «01» into 1: in a code cell that is a note (never padded silently), in a
    free text («2026» as a title) the text."""
    wb = load_workbook(esportati / "performance.xlsx")
    obiettivi = wb["Obiettivi"]
    missione, unita = _colonna(obiettivi, "dup.missione"), _colonna(obiettivi, "unita_responsabile")
    obiettivi.cell(3, missione).value = 1
    obiettivi.cell(3, unita).value = 7
    obiettivi.cell(4, _colonna(obiettivi, "titolo")).value = 2026
    obiettivi.cell(5, _colonna(obiettivi, "dup.programma")).value = "0111"  # text: fine
    wb.save(tmp_path / "performance.xlsx")
    importato = importa_file(tmp_path / "performance.xlsx")
    note = {n.luogo: n.messaggio for n in importato.note}
    assert note == {
        f"performance.xlsx › Obiettivi!{get_column_letter(missione)}3": (
            'Dup › Missione: la cella contiene il numero 1: se il codice è "01", scriverlo '
            "come testo (con l'apostrofo: '01)"
        ),
        f"performance.xlsx › Obiettivi!{get_column_letter(unita)}3": (
            "Unità responsabile: la cella contiene il numero 7, ma qui va un codice scritto "
            "come testo: scrivere il codice completo (se è fatto di sole cifre, con "
            "l'apostrofo davanti, es. '01)"
        ),
    }
    assert importato.lettura.dati["obiettivi"][1]["titolo"] == "2026"


def test_office_mistakes_in_the_performance_workbook(esportati: Path, tmp_path: Path) -> None:
    """Text in a number cell, a code of the sheet above that does not exist, a value not in
    the list, a deleted column, an extra sheet: one located Italian note each."""
    wb = load_workbook(esportati / "performance.xlsx")
    obiettivi = wb["Obiettivi"]
    peso, dimensione = _colonna(obiettivi, "peso"), _colonna(obiettivi, "dimensione")
    obiettivi.cell(3, peso).value = "sessanta"
    obiettivi.cell(4, dimensione).value = "collettiva"
    indicatori = wb["Indicatori"]
    indicatori.cell(4, 1).value = "OBP-99"
    indicatori.delete_cols(_colonna(indicatori, "target.2028"))
    wb.create_sheet("Appunti")
    file = tmp_path / "performance.xlsx"
    wb.save(file)
    piano = _piano(tmp_path)
    risultato = run_cli("fogli", "importa", str(file), str(piano), "--scrivi")
    assert risultato.exit_code == 1
    assert "Traceback" not in risultato.output
    assert (piano / "performance.yaml").read_bytes() == (EXAMPLE / "performance.yaml").read_bytes()
    note = {n.luogo: n.messaggio for n in importa_file(file).note}
    assert len(note) == len(importa_file(file).note) == 5
    assert (
        "«sessanta» non è un numero"
        in note[f"performance.xlsx › Obiettivi!{get_column_letter(peso)}3"]
    )
    assert "collettiva" in note[f"performance.xlsx › Obiettivi!{get_column_letter(dimensione)}4"]
    assert "«OBP-99» non trovato" in note["performance.xlsx › Indicatori!A4"]
    assert "manca la colonna «target.2028»" in note["performance.xlsx › Indicatori"]
    assert "non previsto" in note["performance.xlsx › Appunti"]
    assert all(n in risultato.output for n in note)
