"""Several offices, one section (piao.fogli.tre_vie): copies of the same workbook filled by
different settori and imported one after the other keep each other's changes; a value
changed in the plan and in a workbook differently is a located note, never decided."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from piao.fogli.importa import importa_file
from piao.fogli.tabelle import COLONNA_ORIGINE, VERSIONE
from tests.conftest import EXAMPLE, ROOT, run_cli


@pytest.fixture(scope="module")
def esportata(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's performance workbook, exported once."""
    out = tmp_path_factory.mktemp("fogli")
    risultato = run_cli("fogli", "esporta", str(EXAMPLE), "--out", str(out))
    assert risultato.exit_code == 0, risultato.output
    return out / "performance.xlsx"


@pytest.fixture
def piano(tmp_path: Path, esportata: Path) -> Path:
    """A copy of the example plan, with the workbook handed out as `fogli/performance.xlsx`."""
    piano = tmp_path / "2026-2028"
    shutil.copytree(EXAMPLE, piano)
    (tmp_path / "fogli").mkdir()
    shutil.copy(esportata, tmp_path / "fogli")
    return piano


def _copia(piano: Path, nome: str, *modifiche: tuple[str, str, object]) -> Path:
    """A copy of the exported performance workbook with (sheet, cell, value) typed in."""
    file = piano.parent / f"{nome}.xlsx"
    wb = load_workbook(piano.parent / "fogli" / "performance.xlsx")
    for foglio, cella, valore in modifiche:
        wb[foglio][cella].value = valore
    wb.save(file)
    return file


def _righe_cambiate(piano: Path) -> list[str]:
    prima = (EXAMPLE / "performance.yaml").read_text(encoding="utf-8").splitlines()
    dopo = (piano / "performance.yaml").read_text(encoding="utf-8").splitlines()
    assert len(prima) <= len(dopo)
    return [b.strip() for a, b in zip(prima, dopo, strict=False) if a != b]


def test_two_offices_filling_two_copies_keep_each_others_changes(piano: Path) -> None:
    a = _copia(piano, "settore-a", ("Obiettivi", "B3", "Titolo del settore A"))
    b = _copia(piano, "settore-b", ("Obiettivi", "B4", "Titolo del settore B"))
    for file in (a, b):
        risultato = run_cli("fogli", "importa", str(file), str(piano), "--scrivi")
        assert risultato.exit_code == 0, risultato.output
    assert _righe_cambiate(piano) == [
        "titolo: Titolo del settore A",
        "titolo: Titolo del settore B",
    ]


def test_a_value_changed_in_the_plan_and_in_the_workbook_is_asked(piano: Path) -> None:
    a = _copia(piano, "settore-a", ("Obiettivi", "B3", "Titolo del settore A"))
    c = _copia(piano, "settore-c", ("Obiettivi", "B3", "Titolo del settore C"))
    assert run_cli("fogli", "importa", str(a), str(piano), "--scrivi").exit_code == 0
    dopo_a = (piano / "performance.yaml").read_bytes()
    risultato = run_cli("fogli", "importa", str(c), str(piano), "--scrivi")
    assert risultato.exit_code == 1
    assert "non è stato modificato" in risultato.output
    assert (piano / "performance.yaml").read_bytes() == dopo_a
    note = importa_file(c, piano).note
    assert [n.luogo for n in note] == ["settore-c.xlsx › Obiettivi!B3"]
    assert "«Titolo del settore A»" in note[0].messaggio
    assert "«Titolo del settore C»" in note[0].messaggio
    # the office takes the plan's value: nothing left to ask, nothing to change
    wb = load_workbook(c)
    wb["Obiettivi"]["B3"].value = "Titolo del settore A"
    wb.save(c)
    risultato = run_cli("fogli", "importa", str(c), str(piano), "--scrivi")
    assert risultato.exit_code == 0, risultato.output
    assert (piano / "performance.yaml").read_bytes() == dopo_a


def test_rows_added_and_deleted_by_one_office_survive_another_import(piano: Path) -> None:
    wb = load_workbook(piano.parent / "fogli" / "performance.xlsx")
    obiettivi = wb["Obiettivi"]
    ultima = obiettivi.max_row
    nuova = [c.value for c in obiettivi[ultima]]
    nuova[0], nuova[1] = "OBP-99", "Obiettivo aggiunto dal settore A"
    obiettivi.append(nuova)
    a = piano.parent / "settore-a.xlsx"
    wb.save(a)
    b = _copia(piano, "settore-b", ("Obiettivi", "B4", "Titolo del settore B"))
    for file in (a, b):
        risultato = run_cli("fogli", "importa", str(file), str(piano), "--scrivi")
        assert risultato.exit_code == 0, risultato.output
    testo = (piano / "performance.yaml").read_text(encoding="utf-8")
    assert "Obiettivo aggiunto dal settore A" in testo
    assert "titolo: Titolo del settore B" in testo


def test_a_row_deleted_in_the_workbook_but_changed_in_the_plan_stays(piano: Path) -> None:
    a = _copia(piano, "settore-a", ("Obiettivi", "B3", "Titolo del settore A"))
    wb = load_workbook(piano.parent / "fogli" / "performance.xlsx")
    wb["Obiettivi"].delete_rows(3)
    d = piano.parent / "settore-d.xlsx"
    wb.save(d)
    assert run_cli("fogli", "importa", str(a), str(piano), "--scrivi").exit_code == 0
    note = importa_file(d, piano).note
    messaggi = [n.messaggio for n in note if "tolta nella cartella di lavoro" in n.messaggio]
    assert len(messaggi) == 1
    assert "«OBP-01»" in messaggi[0]


def test_a_tampered_origin_is_a_note_not_a_traceback(piano: Path) -> None:
    file = _copia(piano, "settore-a", ("Obiettivi", "B3", "Titolo del settore A"))
    wb = load_workbook(file)
    wb[VERSIONE].cell(1, COLONNA_ORIGINE).value = "non più i dati esportati"
    wb.save(file)
    risultato = run_cli("fogli", "importa", str(file), str(piano), "--scrivi")
    assert risultato.exit_code == 1
    assert f"settore-a.xlsx › {VERSIONE}: la colonna nascosta" in risultato.output
    assert (piano / "performance.yaml").read_bytes() == (EXAMPLE / "performance.yaml").read_bytes()


def test_a_workbook_without_origin_still_imports(piano: Path) -> None:
    """A workbook exported by an earlier piao has no origin: its values replace the file's."""
    file = _copia(piano, "vecchia", ("Obiettivi", "B3", "Titolo nuovo"))
    wb = load_workbook(file)
    versione = wb[VERSIONE]
    for riga in range(1, versione.max_row + 1):
        versione.cell(riga, COLONNA_ORIGINE).value = None
    wb.save(file)
    risultato = run_cli("fogli", "importa", str(file), str(piano), "--scrivi")
    assert risultato.exit_code == 0, risultato.output
    assert _righe_cambiate(piano) == ["titolo: Titolo nuovo"]


def test_a_broken_plan_file_is_named_not_a_traceback(piano: Path) -> None:
    file = _copia(piano, "settore-a", ("Obiettivi", "B3", "Titolo del settore A"))
    with (piano / "performance.yaml").open("a", encoding="utf-8") as f:
        f.write("obiettivi: [non chiuso\n")
    prima = (piano / "performance.yaml").read_bytes()
    for opzioni in ((), ("--scrivi",)):
        risultato = run_cli("fogli", "importa", str(file), str(piano), *opzioni)
        assert risultato.exit_code == 2
        assert "performance.yaml:" in risultato.output
        assert "va corretto prima di importarvi" in risultato.output
        assert "Traceback" not in risultato.output
    assert (piano / "performance.yaml").read_bytes() == prima


def test_a_file_that_is_not_a_piao_workbook_is_named(piano: Path) -> None:
    finto = piano.parent / "finto.xlsx"
    finto.write_text("non un foglio di calcolo", encoding="utf-8")
    altro = piano.parent / "altro.xlsx"
    shutil.copy(ROOT / "docs" / "guida" / "tracciati" / "esempio-mappatura.xlsx", altro)
    for file, atteso in (
        (finto, "non è una cartella di lavoro XLSX leggibile"),
        (altro, "«piao fogli tabella»"),
    ):
        risultato = run_cli("fogli", "importa", str(file), str(piano))
        assert risultato.exit_code == 2
        assert atteso in risultato.output
        assert "errore interno" not in risultato.output
