"""Workbooks of the sections (issue 19): `piao fogli esporta` writes one per section file,
read back they give the same plan (also after a LibreOffice save, and after typing into
cells with Calc itself), an edited cell changes
exactly its value, and an office's mistakes are located notes, never a traceback."""

from __future__ import annotations

import datetime
import difflib
import os
import shutil
import subprocess
import typing
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from piao.fogli.esporta import cartella_di_lavoro
from piao.fogli.importa import importa_file, yaml_importato
from piao.fogli.leggi import converti, leggi
from piao.fogli.tabelle import FORMATO, RISERVATI, VERSIONE, fogli
from piao.loading import load_folder
from piao.model import SEZIONI, SEZIONI_PER_CHIAVE
from piao.model.rischi_corruttivi import AreaRischio
from piao.validation import validate_file
from tests.conftest import EXAMPLE, EXAMPLES, SMALL, run_cli
from tests.render.test_docx_libreoffice import soffice


@pytest.fixture(scope="module")
def esportati(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """Each example plan exported once: plan folder → folder of its workbooks."""
    out: dict[Path, Path] = {}
    for piano in EXAMPLES:
        cartella = tmp_path_factory.mktemp(piano.parent.name)
        risultato = run_cli("fogli", "esporta", str(piano), "--out", str(cartella))
        assert risultato.exit_code == 0, risultato.output
        out[piano] = cartella
    return out


def _modelli(piano: Path) -> dict[str, Any]:
    caricato = load_folder(piano)
    out = {}
    for sezione in SEZIONI:
        if (sorgente := caricato.sources.files.get(sezione.file)) is not None:
            modello, _, _ = validate_file(sezione, sorgente.data, caricato.sources)
            assert modello is not None
            out[sezione.key] = modello.model_dump()
    return out


def _differenze(a: Any, b: Any, percorso: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in {*a, *b} for d in _differenze(a.get(k), b.get(k), (*percorso, k))]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in _differenze(x, y, (*percorso, i))
        ]
    return [] if a == b else [percorso]


def test_one_workbook_per_section_file(esportati: dict[Path, Path]) -> None:
    for piano, cartella in esportati.items():
        attesi = {s.key for s in SEZIONI if (piano / s.file).exists()}
        assert {p.stem for p in cartella.glob("*.xlsx")} == attesi
    wb = load_workbook(esportati[EXAMPLE] / "rischi_corruttivi.xlsx")
    assert wb.sheetnames[:2] == ["Istruzioni", "Dati generali"]
    assert all(len(n) <= 31 for n in wb.sheetnames)
    assert len({n.lower() for n in wb.sheetnames}) == len(wb.sheetnames)
    versione = wb[VERSIONE]
    assert (versione["B1"].value, versione["B2"].value) == (FORMATO, "rischi_corruttivi")
    assert versione.protection.sheet
    eventi = wb["Eventi rischiosi"]
    assert [c.value for c in eventi[2]][:3] == ["@processi", "codice", "descrizione"]
    assert eventi["A3"].value == "PR-01"  # the code of the process the event belongs to


def test_closed_lists_are_drop_downs(esportati: dict[Path, Path]) -> None:
    wb = load_workbook(esportati[EXAMPLE] / "rischi_corruttivi.xlsx")
    processi = wb["Processi"]
    colonna = next(c.column_letter for c in processi[2] if c.value == "area_rischio")
    controllo = next(
        dv for dv in processi.data_validations.dataValidation if colonna + "3" in dv.sqref
    )
    foglio, intervallo = controllo.formula1.split("!")
    valori = [c.value for riga in wb[foglio][intervallo.replace("$", "")] for c in riga]
    assert valori == list(typing.get_args(AreaRischio))
    intestazione = processi[f"{colonna}1"]
    assert intestazione.comment is not None  # the field's help, from the model
    assert intestazione.comment.text.startswith("Area di rischio (aree generali ANAC")
    eventi = wb["Eventi rischiosi"]
    assert eventi["A1"].value == "Codice in «Processi»"
    codici = next(dv for dv in eventi.data_validations.dataValidation if "A3" in dv.sqref)
    assert codici.formula1.startswith("'Processi'!$A$3:$A$")  # the codes of the processes


def test_every_section_round_trips(esportati: dict[Path, Path]) -> None:
    for piano, cartella in esportati.items():
        for chiave, atteso in _modelli(piano).items():
            importato = importa_file(cartella / f"{chiave}.xlsx")
            assert importato.note == [], (piano, chiave)
            assert importato.modello is not None
            assert importato.modello.model_dump() == atteso, (piano, chiave)


def test_an_edited_cell_changes_exactly_its_value(
    esportati: dict[Path, Path], tmp_path: Path
) -> None:
    sorgente = esportati[EXAMPLE] / "rischi_corruttivi.xlsx"
    wb = load_workbook(sorgente)
    processi = wb["Processi"]
    colonna = next(c.column for c in processi[2] if c.value == "denominazione")
    processi.cell(4, colonna).value = "Nuova denominazione  "  # trailing spaces trimmed
    modificato = tmp_path / "rischi_corruttivi.xlsx"
    wb.save(modificato)
    prima = importa_file(sorgente).modello
    dopo = importa_file(modificato).modello
    assert prima is not None
    assert dopo is not None
    assert _differenze(prima.model_dump(), dopo.model_dump()) == [("processi", 1, "denominazione")]
    assert dopo.model_dump()["processi"][1]["denominazione"] == "Nuova denominazione"


def test_office_mistakes_are_located_notes(esportati: dict[Path, Path], tmp_path: Path) -> None:
    wb = load_workbook(esportati[EXAMPLE] / "rischi_corruttivi.xlsx")
    generali = wb["Dati generali"]
    riga = next(c.row for c in generali["B"] if c.value == "contesto_interno.dipendenti_al_31_12")
    generali.cell(riga, 3).value = "6.000"  # thousands or decimals? never guessed
    processi = wb["Processi"]
    area = next(c.column for c in processi[2] if c.value == "area_rischio")
    processi.cell(3, area).value = "appalti"  # not in the list
    processi.cell(4, area).value = None  # a required value deleted
    processi.cell(2, processi.max_column + 1).value = "colonna_inventata"
    processi.cell(3, processi.max_column).value = "x"
    wb.create_sheet("Foglio aggiunto")
    file = tmp_path / "rischi_corruttivi.xlsx"
    wb.save(file)
    piano = tmp_path / "2026-2028"
    shutil.copytree(EXAMPLE, piano)
    risultato = run_cli("fogli", "importa", str(file), str(piano), "--scrivi")
    assert risultato.exit_code == 1
    assert "non è stato modificato" in risultato.output
    assert (piano / "rischi_corruttivi.yaml").read_bytes() == (
        EXAMPLE / "rischi_corruttivi.yaml"
    ).read_bytes()
    note = {n.luogo: n.messaggio for n in importa_file(file).note}
    colonna_area = get_column_letter(area)
    assert "ambiguo" in note[f"rischi_corruttivi.xlsx › Dati generali!C{riga}"]
    assert "appalti" in note[f"rischi_corruttivi.xlsx › Processi!{colonna_area}3"]
    inventata = processi.cell(2, processi.max_column).coordinate
    assert "sconosciuta" in note[f"rischi_corruttivi.xlsx › Processi!{inventata}"]
    assert "Manca il campo" in note[f"rischi_corruttivi.xlsx › Processi!{colonna_area}4"]
    assert "non previsto" in note["rischi_corruttivi.xlsx › Foglio aggiunto"]
    assert len(note) == 5


def test_an_unchanged_workbook_leaves_every_plan_file_byte_identical(
    esportati: dict[Path, Path],
) -> None:
    for piano, cartella in esportati.items():
        for chiave in _modelli(piano):
            _, nuovo, attuale = yaml_importato(importa_file(cartella / f"{chiave}.xlsx"), piano)
            assert nuovo == attuale, (piano, chiave)


def test_scrivi_changes_exactly_the_edited_value(
    esportati: dict[Path, Path], tmp_path: Path
) -> None:
    piano = tmp_path / "2026-2028"
    shutil.copytree(EXAMPLE, piano)
    prima = (piano / "performance.yaml").read_text(encoding="utf-8")
    wb = load_workbook(esportati[EXAMPLE] / "performance.xlsx")
    indicatori = wb["Indicatori"]
    colonna = next(c.column for c in indicatori[2] if c.value == "target.2027")
    indicatori.cell(3, colonna).value = "77,5"  # typed as text, with the decimal comma
    wb.save(tmp_path / "performance.xlsx")
    risultato = run_cli(
        "fogli", "importa", str(tmp_path / "performance.xlsx"), str(piano), "--scrivi"
    )
    assert risultato.exit_code == 0, risultato.output
    dopo = (piano / "performance.yaml").read_text(encoding="utf-8")
    cambiate = [
        (a, b) for a, b in zip(prima.splitlines(), dopo.splitlines(), strict=True) if a != b
    ]
    assert cambiate == [
        (
            "        target: {2026: 12, 2027: 20, 2028: 25}",
            "        target: {2026: 12, 2027: 77.5, 2028: 25}",
        )
    ]
    risultato = run_cli(
        "fogli", "importa", str(tmp_path / "performance.xlsx"), str(piano), "--scrivi"
    )
    assert "Nessuna modifica" in risultato.output
    assert (piano / "performance.yaml").read_text(encoding="utf-8") == dopo


def test_import_writes_beside_the_workbook(esportati: dict[Path, Path], tmp_path: Path) -> None:
    piano = tmp_path / "2026-2028"
    shutil.copytree(EXAMPLE, piano)
    ufficio = tmp_path / "ufficio"
    ufficio.mkdir()
    shutil.copy(esportati[EXAMPLE] / "performance.xlsx", ufficio)
    prima = (piano / "performance.yaml").read_bytes()
    risultato = run_cli("fogli", "importa", str(ufficio / "performance.xlsx"), str(piano))
    assert risultato.exit_code == 0, risultato.output
    assert (piano / "performance.yaml").read_bytes() == prima
    assert (ufficio / "performance.importato.yaml").is_file()
    assert not (piano / "performance.importato.yaml").exists()  # the plan stays clean


def _libreoffice(formato: str, cartella: Path, *file: Path) -> None:
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(cartella.parent / 'profilo').as_uri()}",
            "--headless",
            "--convert-to",
            formato,
            "--outdir",
            str(cartella),
            *map(str, file),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


def test_a_workbook_edited_and_saved_by_libreoffice(
    esportati: dict[Path, Path], tmp_path: Path
) -> None:
    """Calc opens each workbook and saves it as its own flat XML; one title is changed in
    that file; Calc opens it again and saves it as XLSX. Imported, the workbooks give the
    same plan but for that title, and --scrivi changes exactly its line."""
    chiavi = ["rischi_corruttivi", "performance", "fabbisogni_personale"]
    _libreoffice("fods", tmp_path / "fods", *(esportati[EXAMPLE] / f"{k}.xlsx" for k in chiavi))
    fods = tmp_path / "fods" / "performance.fods"
    vecchio = "Rilevare la soddisfazione degli utenti dei servizi al pubblico"
    testo = fods.read_text(encoding="utf-8")
    assert testo.count(f"<text:p>{vecchio}</text:p>") == 1
    fods.write_text(testo.replace(vecchio, "Rilevare la soddisfazione di tutti gli utenti"))
    _libreoffice("xlsx", tmp_path / "xlsx", *(tmp_path / "fods" / f"{k}.fods" for k in chiavi))
    attesi = _modelli(EXAMPLE)
    for chiave in chiavi:
        importato = importa_file(tmp_path / "xlsx" / f"{chiave}.xlsx")
        assert importato.note == [], chiave
        assert importato.modello is not None
        differenze = _differenze(attesi[chiave], importato.modello.model_dump())
        assert differenze == ([("obiettivi", 1, "titolo")] if chiave == "performance" else [])
    piano = tmp_path / "2026-2028"
    shutil.copytree(EXAMPLE, piano)
    risultato = run_cli(
        "fogli", "importa", str(tmp_path / "xlsx" / "performance.xlsx"), str(piano), "--scrivi"
    )
    assert risultato.exit_code == 0, risultato.output
    prima = (EXAMPLE / "performance.yaml").read_text(encoding="utf-8").splitlines()
    dopo = (piano / "performance.yaml").read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(prima, dopo, strict=True) if a != b] == [
        (f"    titolo: {vecchio}", "    titolo: Rilevare la soddisfazione di tutti gli utenti")
    ]


def _python_con_uno() -> str:
    """The system Python with LibreOffice's UNO bridge (python3-uno), or skip — except in CI,
    where `make test` installs it and its absence fails the test."""
    python = shutil.which("python3", path="/usr/bin:/usr/local/bin")
    if (
        python
        and subprocess.run(
            [python, "-c", "import uno"], check=False, capture_output=True
        ).returncode
        == 0
    ):
        return python
    messaggio = "missing for typing into Calc: python3-uno (make test installs it)"
    if os.environ.get("CI"):
        pytest.fail(messaggio)
    pytest.skip(messaggio)


def test_a_workbook_typed_into_with_calc_itself(
    esportati: dict[Path, Path], tmp_path: Path
) -> None:
    """Calc (Italian locale) opens the workbook, the entries are typed into its cells as a
    clerk types them — Calc itself reads «34,5», «1.200» and «6/3/2024», and keeps «0102»
    in a programma cell as text — and saves it as XLSX: the import gives exactly those
    changes and --scrivi moves exactly their lines."""
    file = tmp_path / "performance.xlsx"
    shutil.copy(esportati[EXAMPLE] / "performance.xlsx", file)
    wb = load_workbook(file)
    indicatori = wb["Indicatori"]
    chiavi = {c.value: get_column_letter(c.column or 0) for c in indicatori[2]}
    riga = next(c.row for c in indicatori["B"] if c.value == "OBP-01-I2")
    data = next(c.row for c in wb["Dati generali"]["B"] if c.value == "sistema_misurazione.data")
    colonne = {c.value: get_column_letter(c.column or 0) for c in wb["Obiettivi"][2]}
    calc = subprocess.run(
        [
            _python_con_uno(),
            str(Path(__file__).with_name("calc_digita.py")),
            soffice(),
            str(tmp_path / "profilo"),
            str(file),
            "Obiettivi!B3=Aprire lo Sportello polivalente",
            f"Indicatori!{chiavi['target.2027']}{riga}=34,5",
            f"Indicatori!{chiavi['baseline.valore']}{riga}=1.200",
            f"Dati generali!C{data}=6/3/2024",
            f"Obiettivi!{colonne['dup.programma']}3=0102",  # a text cell: the zero stays
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert calc.returncode == 0, f"exit {calc.returncode}: {calc.stdout}{calc.stderr}"
    importato = importa_file(file)
    assert importato.note == []
    assert importato.modello is not None
    dopo = importato.modello.model_dump()
    assert sorted(map(str, _differenze(_modelli(EXAMPLE)["performance"], dopo))) == sorted(
        map(
            str,
            [
                ("obiettivi", 0, "titolo"),
                ("obiettivi", 0, "indicatori", 1, "target", 2027),
                ("obiettivi", 0, "indicatori", 1, "baseline", "valore"),
                ("sistema_misurazione", "data"),
                ("obiettivi", 0, "dup", "programma"),
            ],
        )
    )
    indicatore = dopo["obiettivi"][0]["indicatori"][1]
    assert (indicatore["target"][2027], indicatore["baseline"]["valore"]) == (34.5, 1200)
    assert dopo["sistema_misurazione"]["data"] == datetime.date(2024, 3, 6)
    assert dopo["obiettivi"][0]["dup"]["programma"] == "0102"
    piano = tmp_path / "2026-2028"
    shutil.copytree(EXAMPLE, piano)
    risultato = run_cli("fogli", "importa", str(file), str(piano), "--scrivi")
    assert risultato.exit_code == 0, risultato.output
    prima = (EXAMPLE / "performance.yaml").read_text(encoding="utf-8").splitlines()
    cambiate = [
        (a.strip(), b.strip())
        for a, b in zip(
            prima,
            (piano / "performance.yaml").read_text(encoding="utf-8").splitlines(),
            strict=True,
        )
        if a != b
    ]
    assert [b for _, b in cambiate] == [
        "sistema_misurazione: {atto: Deliberazione della Giunta comunale n. 15 (SMVP), "
        "data: 2024-03-06}",
        "titolo: Aprire lo Sportello polivalente",
        'dup: {obiettivi_operativi: [SEO-1.1.1], missione: "01", programma: "0102"}',
        "baseline: {anno: 2025, valore: 1200}",
        "target: {2026: 30, 2027: 34.5, 2028: 32}",
    ]


def test_sheet_names_are_unique_and_short() -> None:
    for sezione in SEZIONI_PER_CHIAVE.values():
        nomi = [f.nome for f in fogli(sezione.model)]
        assert len({n.lower() for n in [*nomi, *RISERVATI]}) == len(nomi) + len(RISERVATI)
        assert all(len(n) <= 31 for n in nomi)


def test_values_still_to_write_survive_the_round_trip(tmp_path: Path) -> None:
    """A rolled-over plan: its «da verificare — ...» and «da definire» stay as written,
    are reported at their cell, and do not stop --scrivi."""
    piano = tmp_path / "2027-2029"
    assert run_cli("rollover", str(EXAMPLE), "--out", str(piano)).exit_code == 0
    prima = (piano / "performance.yaml").read_bytes()
    assert run_cli("fogli", "esporta", str(piano), "--out", str(tmp_path / "x")).exit_code == 0
    risultato = run_cli(
        "fogli", "importa", str(tmp_path / "x" / "performance.xlsx"), str(piano), "--scrivi"
    )
    assert risultato.exit_code == 0, risultato.output
    assert "performance.xlsx › Fasi!E3: Valore da verificare" in risultato.output
    assert "Nessuna modifica" in risultato.output
    assert (piano / "performance.yaml").read_bytes() == prima


@pytest.mark.parametrize(
    ("cella", "tipo", "atteso"),
    [
        ("6,5", float, 6.5),
        ("1.234,5", float, 1234.5),
        (" 12 ", int, 12),
        ("31/12/2026", datetime.date, datetime.date(2026, 12, 31)),
        ("2026-12-31", datetime.date, datetime.date(2026, 12, 31)),
        (46387, datetime.date, datetime.date(2026, 12, 31)),  # a spreadsheet serial
        (datetime.datetime(2026, 12, 31), datetime.date, datetime.date(2026, 12, 31)),
        ("sì", bool, True),
        ("77,5", float | str, 77.5),  # typed as text where a number or a text goes
        ("≤ 0", float | str, "≤ 0"),
        ("da definire", datetime.date, "da definire"),  # kept for `piao check`
    ],
)
def test_cells_are_read_by_the_type_of_their_field(cella: Any, tipo: Any, atteso: Any) -> None:
    assert converti(cella, tipo) == atteso


@pytest.mark.parametrize("cella", ["6.000", "1,2,3", "sei"])
def test_a_number_that_cannot_be_read_for_sure_is_never_guessed(cella: str) -> None:
    with pytest.raises(ValueError, match=cella):
        converti(cella, int)


def test_merged_cells_and_formulas(esportati: dict[Path, Path], tmp_path: Path) -> None:
    wb = load_workbook(esportati[EXAMPLE] / "rischi_corruttivi.xlsx")
    eventi = wb["Eventi rischiosi"]
    r = next(
        r
        for r in range(3, eventi.max_row)
        if eventi.cell(r, 1).value == eventi.cell(r + 1, 1).value
    )
    eventi.cell(r + 1, 1).value = None
    eventi.merge_cells(f"A{r}:A{r + 1}")  # one code for the two events of a process
    generali = wb["Dati generali"]
    riga = next(c.row for c in generali["B"] if c.value == "contesto_interno.dipendenti_al_31_12")
    generali.cell(riga, 3).value = "=150+2"  # openpyxl stores no computed value
    wb.save(tmp_path / "rischi_corruttivi.xlsx")
    importato = importa_file(tmp_path / "rischi_corruttivi.xlsx")
    assert [(n.luogo, n.messaggio[:30]) for n in importato.note] == [
        (f"rischi_corruttivi.xlsx › Dati generali!C{riga}", "formula senza valore calcolato")
    ]
    assert importato.modello is not None
    attesi = _modelli(EXAMPLE)["rischi_corruttivi"]
    assert _differenze(attesi, importato.modello.model_dump()) == [
        ("contesto_interno", "dipendenti_al_31_12")
    ]


def test_a_deleted_column_row_or_sheet_is_reported_and_stops_scrivi(
    esportati: dict[Path, Path], tmp_path: Path
) -> None:
    wb = load_workbook(esportati[EXAMPLE] / "rischi_corruttivi.xlsx")
    processi = wb["Processi"]
    processi.delete_cols(next(c.column for c in processi[2] if c.value == "descrizione"))
    generali = wb["Dati generali"]
    generali.delete_rows(next(c.row for c in generali["B"] if c.value == "redazione.rpct"))
    del wb["Misure - Fasi"]
    wb.save(tmp_path / "rischi_corruttivi.xlsx")
    importato = importa_file(tmp_path / "rischi_corruttivi.xlsx")
    assert importato.bloccanti == importato.note  # none of them lets --scrivi write
    note = [(n.luogo, n.messaggio[:40]) for n in importato.note]
    assert note == [
        ("rischi_corruttivi.xlsx › Misure - Fasi", "manca il foglio: i suoi valori non posso"),
        ("rischi_corruttivi.xlsx › Dati generali", "manca la riga «redazione.rpct»: i suoi v"),
        ("rischi_corruttivi.xlsx › Processi", "manca la colonna «descrizione»: i suoi v"),
    ]


def test_a_list_item_holding_a_semicolon_survives(tmp_path: Path) -> None:
    sezione = SEZIONI_PER_CHIAVE["rischi_corruttivi"]
    dati = {"pna_riferimento": ["PNA 2025; delibera ANAC n. 19/2026", "[bozza] PNA 2022"]}
    lettura = leggi(cartella_di_lavoro(sezione, dati), "rischi_corruttivi.xlsx")
    assert (lettura.dati, lettura.note) == (dati, [])


def test_the_real_plans_round_trip_byte_for_byte(tmp_path: Path) -> None:
    """The corpus of real plans (tests/real): every section through its workbook gives the
    same model and leaves the file as it was."""
    for piano in sorted(p for p in (Path(__file__).parents[1] / "real").glob("*/*") if p.is_dir()):
        assert (
            run_cli(
                "fogli", "esporta", str(piano), "--out", str(tmp_path / piano.parent.name)
            ).exit_code
            == 0
        )
        for chiave, atteso in _modelli(piano).items():
            importato = importa_file(tmp_path / piano.parent.name / f"{chiave}.xlsx")
            assert importato.modello is not None, (piano, chiave)
            assert importato.modello.model_dump() == atteso, (piano, chiave)
            _, nuovo, attuale = yaml_importato(importato, piano)
            assert nuovo == attuale, (piano, chiave)


def test_a_row_inserted_in_the_middle_adds_only_its_lines(
    esportati: dict[Path, Path], tmp_path: Path
) -> None:
    """Items are found again by their code: a new objective between two others is two new
    lines in the file, nothing else moves."""
    wb = load_workbook(esportati[EXAMPLE] / "performance.xlsx")
    obiettivi = wb["Obiettivi"]
    chiavi = [c.value for c in obiettivi[2]]
    obiettivi.insert_rows(4)
    obiettivi.cell(4, chiavi.index("codice") + 1).value = "OBP-99"
    obiettivi.cell(4, chiavi.index("titolo") + 1).value = "Nuovo obiettivo"
    obiettivi.cell(4, chiavi.index("unita_coinvolte") + 1).value = "UO-SIS; UO-SEG"
    wb.save(tmp_path / "performance.xlsx")
    _, nuovo, attuale = yaml_importato(importa_file(tmp_path / "performance.xlsx"), EXAMPLE)
    assert attuale is not None
    aggiunte = [r for r in difflib.ndiff(attuale.splitlines(), nuovo.splitlines()) if r[0] in "+-"]
    assert aggiunte == [
        "+   - codice: OBP-99",
        "+     titolo: Nuovo obiettivo",
        "+     unita_coinvolte: [UO-SIS, UO-SEG]",
    ]


def test_a_value_the_workbook_cannot_hold_is_named_not_exported(tmp_path: Path) -> None:
    piano = tmp_path / "2026-2028"
    shutil.copytree(SMALL, piano)
    file = piano / "rischi_corruttivi.yaml"
    file.write_text(
        file.read_text(encoding="utf-8").replace(
            "dipendenti_al_31_12: 18", "dipendenti_al_31_12: diciotto"
        ),
        encoding="utf-8",
    )
    risultato = run_cli("fogli", "esporta", str(piano), "--out", str(tmp_path / "x"))
    assert risultato.exit_code == 1
    assert "Non esportato: rischi_corruttivi.yaml ha valori che la cartella" in risultato.output
    # the value is named: the office knows what to correct
    assert "«contesto_interno.dipendenti_al_31_12»: diciotto" in risultato.output
    assert not (tmp_path / "x" / "rischi_corruttivi.xlsx").exists()
    assert (tmp_path / "x" / "anagrafica.xlsx").is_file()


def test_the_template_of_init_is_handed_out_as_workbooks(tmp_path: Path) -> None:
    """A new plan, all «da compilare»: every section is a workbook, and an office that
    changes nothing changes nothing."""
    piano = tmp_path / "2027-2029"
    creato = run_cli(
        "init",
        str(piano),
        "--ente",
        "Comune di Nuovo",
        "--dipendenti",
        "152",
        "--triennio",
        "2027-2029",
    )
    assert creato.exit_code == 0, creato.output
    risultato = run_cli("fogli", "esporta", str(piano), "--out", str(tmp_path / "x"))
    assert risultato.exit_code == 0, risultato.output
    assert len(list((tmp_path / "x").glob("*.xlsx"))) == len(list(piano.glob("*.yaml")))
    for file in sorted((tmp_path / "x").glob("*.xlsx")):
        _, nuovo, attuale = yaml_importato(importa_file(file), piano)
        assert nuovo == attuale, file.name


def _elenco(wb: Any, foglio: str, chiave: str) -> tuple[Any, list[Any], list[Any]]:
    """The drop-down of a column: its validation, its values and the names beside them."""
    ws = wb[foglio]
    colonna = next(c.column_letter for c in ws[2] if c.value == chiave)
    dv = next(dv for dv in ws.data_validations.dataValidation if f"{colonna}3" in dv.sqref)
    nome, intervallo = dv.formula1.split("!")
    celle = wb[nome.strip("'")][intervallo.replace("$", "")]
    valori = [r[0].value for r in celle]
    nomi = [r[0].offset(column=1).value for r in celle]
    return dv, valori, nomi


def test_reference_tables_and_plan_codes_are_drop_downs(esportati: dict[Path, Path]) -> None:
    wb = load_workbook(esportati[EXAMPLE] / "valore_pubblico.xlsx")
    _, missioni, nomi = _elenco(wb, "Obiettivi operativi", "missione")
    assert (missioni[0], nomi[0]) == ("01", "Servizi istituzionali, generali e di gestione")
    _, programmi, _ = _elenco(wb, "Obiettivi operativi", "programma")
    assert "0102" in programmi
    ws = wb["Obiettivi operativi"]
    colonna = next(c.column_letter for c in ws[2] if c.value == "missione")
    assert ws[f"{colonna}3"].number_format == "@"  # «01» typed in Calc stays «01»
    wb = load_workbook(esportati[EXAMPLE] / "rischi_corruttivi.xlsx")
    dv, sottosezioni, _ = _elenco(wb, "Obblighi", "sottosezione")
    assert "Disposizioni generali; Atti generali" in sottosezioni
    assert dv.errorStyle == "warning"  # a value outside the tree is warned about, kept
    _, unita, nomi = _elenco(wb, "Processi", "unita_responsabile")
    assert "UO-GARE" in unita  # the units of organizzazione.yaml, with their names
    assert all(nomi[: unita.index("UO-GARE") + 1])
    dv, _, _ = _elenco(wb, "Misure", "processi")
    assert dv.formula1.startswith("'Processi'!$A$3")  # the live column of this workbook
    assert not dv.showErrorMessage  # a cell may hold several codes («PR-01; PR-02»)


def test_wrong_codes_are_one_located_note_each(esportati: dict[Path, Path], tmp_path: Path) -> None:
    wb = load_workbook(esportati[EXAMPLE] / "rischi_corruttivi.xlsx")
    processi, misure = wb["Processi"], wb["Misure"]
    unita = next(c.column_letter for c in processi[2] if c.value == "unita_responsabile")
    codici = next(c.column_letter for c in misure[2] if c.value == "processi")
    processi[f"{unita}3"] = "UO-INESISTENTE"
    misure[f"{codici}3"] = "PR-99"
    wb.save(tmp_path / "rischi_corruttivi.xlsx")
    piano = tmp_path / "2026-2028"
    shutil.copytree(EXAMPLE, piano)
    risultato = run_cli(
        "fogli", "importa", str(tmp_path / "rischi_corruttivi.xlsx"), str(piano), "--scrivi"
    )
    assert risultato.exit_code == 1, risultato.output
    assert "non è stato modificato" in risultato.output
    note = importa_file(tmp_path / "rischi_corruttivi.xlsx", piano).note
    assert [(n.luogo, n.messaggio) for n in note] == [
        (
            f"rischi_corruttivi.xlsx › Processi!{unita}3",
            "PR-01: l'unità organizzativa «UO-INESISTENTE» non esiste in organizzazione.yaml.",
        ),
        (
            f"rischi_corruttivi.xlsx › Misure!{codici}3",
            "MIS-01: il processo «PR-99» non esiste in rischi_corruttivi.yaml.",
        ),
    ]
    wb = load_workbook(esportati[EXAMPLE] / "performance.xlsx")
    obiettivi = wb["Obiettivi"]
    missione = next(c.column_letter for c in obiettivi[2] if c.value == "dup.missione")
    obiettivi[f"{missione}3"] = 1  # «01» turned into a number by the spreadsheet
    wb.save(tmp_path / "performance.xlsx")
    note = importa_file(tmp_path / "performance.xlsx", piano).note
    assert [n.luogo for n in note] == [f"performance.xlsx › Obiettivi!{missione}3"]
    assert 'il numero 1: se il codice è "01"' in note[0].messaggio


def test_a_legal_workbook_adds_no_finding_to_the_plan(esportati: dict[Path, Path]) -> None:
    for chiave in _modelli(EXAMPLE):
        importato = importa_file(esportati[EXAMPLE] / f"{chiave}.xlsx", EXAMPLE)
        assert importato.note == [], chiave
