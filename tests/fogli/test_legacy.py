"""`piao fogli tabella`: an office's own sheets (a PNA 2019 Allegato 1 style process map, a
delibera 1310/2016 transparency table) read through the example mapping files of the guide
into YAML that the plan's models accept; each mistake one located finding; no traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from piao.fogli.legacy_tracciato import schema_tracciato
from piao.loading.roundtrip import dump_text, load_text
from piao.model.rischi_corruttivi import RischiCorruttivi
from tests.conftest import ROOT, run_cli

ESEMPIO = ROOT / "plans" / "comune-di-esempio" / "2026-2028"

TRACCIATI = ROOT / "docs" / "guida" / "tracciati"

INTESTAZIONE_PROCESSI = [
    "Cod.",
    "Area di rischio",
    "Processo",
    "Fasi / attività",
    "Evento rischioso",
    "Ufficio responsabile ",  # trailing space, as typed
    'Livello di interesse "esterno"',
    "Grado di discrezionalità del decisore interno alla PA",
    "Manifestazione di eventi corruttivi in passato",
    "Opacità del processo decisionale",
    "Livello di collaborazione del responsabile",
    "Grado di attuazione delle misure",
    "Giudizio sintetico",
    "Motivazione",
    "Note",
]


def _titoli(ws: Worksheet, righe: list[str], larghezza: int) -> None:
    """Merged title rows above the header, and columns wide enough to read (the sample
    sheets of the guide are built here too)."""
    for i, titolo in enumerate(righe, 1):
        ws.cell(i, 1, titolo)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=larghezza)
    for colonna in range(1, larghezza + 1):
        ws.column_dimensions[get_column_letter(colonna)].width = 24


def _leggibile(ws: Worksheet) -> None:
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row[0].row is not None and len(" ".join(str(c.value or "") for c in row)) > 60:
            ws.row_dimensions[row[0].row].height = 45


def _processi(path: Path, righe: list[list[Any]], intestazione: list[str] | None = None) -> Path:
    """A process map as a comune writes it: two merged title rows, the header on row 3, a
    process spread over two phase rows with its cells merged vertically."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Mappatura processi"
    testata = intestazione or INTESTAZIONE_PROCESSI
    _titoli(ws, ["COMUNE DI ESEMPIO", "Mappatura dei processi - PIAO 2026-2028"], len(testata))
    ws.append(testata)
    for riga in righe:
        ws.append(riga)
    if intestazione is None:
        for colonna in (1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14):
            ws.merge_cells(start_row=4, start_column=colonna, end_row=5, end_column=colonna)
    _leggibile(ws)
    wb.save(path)
    return path


RIGHE_BUONE: list[list[Any]] = [
    [
        "P.01",
        "Contratti pubblici",
        "Affidamento diretto di servizi",
        "Richiesta preventivi",
        "Frazionamento artificioso",
        "Ufficio tecnico",
        "A",
        "A",
        "B",
        "M",
        "A",
        "M",
        "A",
        "Importi vicini alla soglia",
        "da rivedere",
    ],
    [
        None,
        None,
        None,
        "Affidamento",
        "Scelta non motivata dell'operatore",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ],
    [
        "P.02",
        "Acquisizione e progressione del personale ",
        "Concorso pubblico",
        "Nomina commissione",
        None,
        "Segreteria generale",
        "medio",
        "b",
        "B",
        "B",
        "A",
        "A",
        "medio",
        "Procedura regolata",
        None,
    ],
]


@pytest.fixture(scope="module")
def cartella(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("legacy")


def _importa(*args: str) -> tuple[int, str]:
    result = run_cli("fogli", "tabella", *args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_process_map_becomes_processes_the_model_accepts(cartella: Path) -> None:
    foglio = _processi(cartella / "mappatura.xlsx", RIGHE_BUONE)
    out = cartella / "processi.yaml"
    codice, output = _importa(
        str(foglio),
        "--tracciato",
        str(TRACCIATI / "pna2019-allegato1.yaml"),
        "--out",
        str(out),
        "--sovrascrivi",
    )
    assert codice == 0, output
    assert "3 righe lette, 2 processi" in output
    dati = load_text(out.read_text(encoding="utf-8"))
    piano = RischiCorruttivi.model_validate(dati)
    p1, p2 = piano.processi
    assert (p1.codice, p1.area_rischio, p1.unita_responsabile) == (
        "P.01",
        "contratti_pubblici",
        "UO-TEC",
    )
    assert p1.fasi == ["Richiesta preventivi", "Affidamento"]
    assert [e.codice for e in p1.eventi_rischiosi] == ["P.01-E1", "P.01-E2"]
    assert p1.eventi_rischiosi[1].fase == "Affidamento"
    assert p1.valutazione is not None
    assert p1.valutazione.giudizio == "alto"
    assert p1.valutazione.indicatori.eventi_passati == "basso"
    assert p2.area_rischio == "acquisizione_gestione_personale"
    assert p2.valutazione is not None
    assert p2.valutazione.indicatori.discrezionalita == "basso"  # «b» typed in lowercase
    assert p2.valutazione.giudizio == "medio"
    assert "da rivedere" not in out.read_text(encoding="utf-8")  # «Note» is ignored


def test_each_mistake_gives_one_located_finding(cartella: Path) -> None:
    righe = [
        [
            "P.01",
            "Contratti pubblici",
            "Affidamento diretto",
            None,
            None,
            "Ufficio ragioneria",
            "X",
            "A",
            "B",
            "M",
            "A",
            "M",
            "A",
            "Motivata",
            None,
            "in più",
        ],
        [
            "P.02",
            "Servizi cimiteriali",
            "Concessione loculi",
            None,
            None,
            None,
            "A",
            "A",
            "B",
            "M",
            "A",
            "M",
            "A",
            "Motivata",
            None,
            None,
        ],
        [
            "P.03",
            "Contratti pubblici",
            None,
            None,
            None,
            None,
            "A",
            "A",
            "B",
            "M",
            "A",
            "M",
            "A",
            "Motivata",
            None,
            None,
        ],
        [None] * 14 + ["solo una nota", None],
    ]
    foglio = _processi(
        cartella / "errori.xlsx", righe, intestazione=[*INTESTAZIONE_PROCESSI, "Colonna in più"]
    )
    out = cartella / "errori.yaml"
    codice, output = _importa(
        str(foglio), "-t", str(TRACCIATI / "pna2019-allegato1.yaml"), "-o", str(out)
    )
    assert codice == 1
    attesi = [
        "errori.xlsx › Mappatura processi!P3: avviso TE001 la colonna «Colonna in più»",
        "errori.xlsx › Mappatura processi!F4: errore TE003 «Ufficio ragioneria»",
        "errori.xlsx › Mappatura processi!G4: errore TE003 «X» non è un livello",
        "errori.xlsx › Mappatura processi!B5: errore TE003 «Servizi cimiteriali»",
        "errori.xlsx › Mappatura processi!C6: errore TE005 cella vuota",
        "errori.xlsx › Mappatura processi!7:7: avviso TE008 riga non importata",
    ]
    righe_output = [r for r in output.splitlines() if "›" in r]
    assert len(righe_output) == len(attesi), output
    for atteso, riga in zip(attesi, righe_output, strict=True):
        assert riga.startswith(atteso), riga
    piano = RischiCorruttivi.model_validate(load_text(out.read_text(encoding="utf-8")))
    assert [p.codice for p in piano.processi] == ["P.01"]  # the rows reported are left out


def test_missing_column_and_bad_mapping_no_traceback(cartella: Path, tmp_path: Path) -> None:
    senza = [c for c in INTESTAZIONE_PROCESSI if c != "Giudizio sintetico"]
    foglio = _processi(cartella / "senza.xlsx", [["P.01", "Contratti pubblici", "Gara"]], senza)
    codice, output = _importa(
        str(foglio), "-t", str(TRACCIATI / "pna2019-allegato1.yaml"), "-o", str(tmp_path / "a.yaml")
    )
    assert codice == 1
    assert (
        "senza.xlsx › Mappatura processi!3:3: errore TE002 la colonna «Giudizio sintetico»"
        in output
    )
    sbagliato = tmp_path / "sbagliato.yaml"
    sbagliato.write_text(
        "sezione: rischi_corruttivi\ncolonne:\n  giudizzio: Giudizio\n", encoding="utf-8"
    )
    codice, output = _importa(str(foglio), "-t", str(sbagliato), "-o", str(tmp_path / "b.yaml"))
    assert codice == 2
    assert "«giudizzio»" in output
    assert "Traceback" not in output
    rotto = tmp_path / "rotto.yaml"
    rotto.write_text("colonne: [\n", encoding="utf-8")
    codice, output = _importa(str(foglio), "-t", str(rotto), "-o", str(tmp_path / "c.yaml"))
    assert codice == 2
    assert "riga" in output
    # Never over the source, never over an existing file without --sovrascrivi.
    copia = tmp_path / "copia.xlsx"
    shutil.copy(foglio, copia)
    codice, _ = _importa(
        str(copia), "-t", str(TRACCIATI / "pna2019-allegato1.yaml"), "-o", str(copia)
    )
    assert codice == 2
    assert copia.read_bytes() == foglio.read_bytes()
    codice, output = _importa(
        str(foglio),
        "-t",
        str(TRACCIATI / "anac-1310-2016.yaml"),
        "--sezione",
        "rischi_corruttivi",
        "-o",
        str(tmp_path / "d.yaml"),
    )
    assert codice == 2
    assert "trasparenza" in output


def _obblighi(path: Path) -> Path:
    """A 1310/2016 table: a merged title row, L1 merged over its rows, then left blank."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Obblighi"
    testata = [
        "Denominazione sotto-sezione livello 1 (Macrofamiglie)",
        "Denominazione sotto-sezione 2 livello (Tipologie di dati)",
        "Riferimento normativo",
        "Denominazione del singolo obbligo",
        "Contenuti dell'obbligo",
        "Aggiornamento",
        "Responsabili",
        "Note",
    ]
    _titoli(ws, ["ALLEGATO - OBBLIGHI DI PUBBLICAZIONE"], len(testata))
    ws.append(testata)
    righe: list[list[Any]] = [
        ["Disposizioni generali", "Atti generali", "Art. 12, c. 1, d.lgs. n. 33/2013",
         "Riferimenti normativi su organizzazione e attività", "Riferimenti normativi con i link",
         "Tempestivo (ex art. 8, d.lgs. n. 33/2013)", "Segreteria generale", None],
        [None, None, "Art. 55, c. 2, d.lgs. n. 165/2001", "Codice disciplinare e codice di condotta",
         "Codice disciplinare", "tempestivo", "Ufficio personale; Segreteria generale", None],
        ["Organizzazione", "Telefono o posta elettronica", "Art. 13, c. 1, lett. d), d.lgs. n. 33/2013",
         "Telefono e posta elettronica", "Elenco dei numeri di telefono e delle caselle di posta",
         "Annuale", "Tutti i responsabili", "verificare"],
        [None, "Uffici vari", "Art. 13 d.lgs. n. 33/2013", "Articolazione", None, "Ogni tanto",
         "Ufficio ignoto", None],
    ]  # fmt: skip
    for riga in righe:
        ws.append(riga)
    ws.merge_cells("A3:A4")
    _leggibile(ws)
    wb.save(path)
    return path


def test_transparency_table_becomes_obligations(cartella: Path) -> None:
    out = cartella / "obblighi.yaml"
    codice, output = _importa(
        str(_obblighi(cartella / "obblighi.xlsx")),
        "-t",
        str(TRACCIATI / "anac-1310-2016.yaml"),
        "-o",
        str(out),
        "--sovrascrivi",  # run again by the test below
    )
    assert codice == 1
    attesi = [
        "obblighi.xlsx › Obblighi!B6: errore TE004 «Uffici vari» non è una sotto-sezione di «Organizzazione»",
        "obblighi.xlsx › Obblighi!F6: errore TE003 «Ogni tanto»",
        "obblighi.xlsx › Obblighi!G6: errore TE003 «Ufficio ignoto»",  # one column, two fields
    ]
    righe_output = [r for r in output.splitlines() if "›" in r]
    assert len(righe_output) == len(attesi), output
    for atteso, riga in zip(attesi, righe_output, strict=True):
        assert riga.startswith(atteso), riga
    piano = RischiCorruttivi.model_validate(load_text(out.read_text(encoding="utf-8")))
    assert piano.trasparenza is not None
    o1, o2, o3, o4 = piano.trasparenza.obblighi
    assert o1.codice == "OB-001"
    # The name of the single obligation is the third level (L1 › L2 › obbligo).
    assert o1.sottosezione == [
        "Disposizioni generali",
        "Atti generali",
        "Riferimenti normativi su organizzazione e attività",
    ]
    assert o1.aggiornamento == "tempestivo"
    assert o1.responsabile_dati == "UO-SEG"
    assert o1.contenuto == "Riferimenti normativi con i link"
    assert o2.sottosezione[:2] == ["Disposizioni generali", "Atti generali"]  # merged, filled down
    assert o2.responsabile_pubblicazione == ["UO-PERS", "UO-SEG"]
    assert o3.sottosezione[:2] == ["Organizzazione", "Telefono e posta elettronica"]  # alias
    assert o3.responsabile_dati == "tutti_i_responsabili"
    assert o3.aggiornamento == "annuale"
    assert o4.sottosezione == ["Organizzazione", "Uffici vari", "Articolazione"]  # as written
    assert o4.aggiornamento is None
    assert o4.responsabile_dati is None


def test_csv_is_read_too(tmp_path: Path) -> None:
    foglio = tmp_path / "processi.csv"
    foglio.write_text(
        "Codice;Area;Processo;Giudizio\nPR-1;contratti pubblici;Gara;Alto\n", encoding="cp1252"
    )
    tracciato = tmp_path / "t.yaml"
    tracciato.write_text(
        "colonne: {codice: Codice, area_rischio: Area, denominazione: Processo, giudizio: {colonna: D}}\n",
        encoding="utf-8",
    )
    codice, output = _importa(
        str(foglio),
        "-t",
        str(tracciato),
        "--sezione",
        "rischi_corruttivi",
        "-o",
        str(tmp_path / "o.yaml"),
    )
    assert codice == 0, output
    dati = load_text((tmp_path / "o.yaml").read_text(encoding="utf-8"))
    assert dati["processi"][0]["valutazione"]["giudizio"] == "alto"
    assert dati["processi"][0]["area_rischio"] == "contratti_pubblici"


def test_fragments_pasted_into_a_plan_pass_its_models(cartella: Path, tmp_path: Path) -> None:
    """What the guide tells an office to do: paste the fragments into rischi_corruttivi.yaml;
    `piao check` then reads them (no YAML or schema finding, only the rules' own)."""
    test_process_map_becomes_processes_the_model_accepts(cartella)
    test_transparency_table_becomes_obligations(cartella)
    piano = tmp_path / "2026-2028"
    shutil.copytree(ESEMPIO, piano)
    file = piano / "rischi_corruttivi.yaml"
    dati = load_text(file.read_text(encoding="utf-8"))
    dati["processi"].extend(
        load_text((cartella / "processi.yaml").read_text(encoding="utf-8"))["processi"]
    )
    obblighi = load_text((cartella / "obblighi.yaml").read_text(encoding="utf-8"))["trasparenza"]
    dati["trasparenza"]["obblighi"].extend(obblighi["obblighi"])
    file.write_text(dump_text(dati), encoding="utf-8")
    result = run_cli("check", str(piano), "--format", "json")
    codici = {f["code"] for f in json.loads(result.output)["findings"]}
    assert codici, "the imported rows carry the sheet's gaps (no measures, no day term)"
    assert not {c for c in codici if c.startswith(("YM", "SC"))}, codici


def test_the_mapping_schema_is_the_one_committed() -> None:
    """Editors validate a copied mapping file against tracciato.schema.json (first line)."""
    committed = json.loads((TRACCIATI / "tracciato.schema.json").read_text(encoding="utf-8"))
    assert committed == schema_tracciato()
    jsonschema.Draft202012Validator.check_schema(committed)
    validatore = jsonschema.Draft202012Validator(committed)
    for esempio in TRACCIATI.glob("*.yaml"):
        assert not list(validatore.iter_errors(load_text(esempio.read_text(encoding="utf-8"))))
        assert esempio.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=tracciato.schema.json\n"
        )


def test_a_formula_without_value_is_reported_and_calc_computes_it(tmp_path: Path) -> None:
    """A judgement written as a formula by a program that does not compute (openpyxl) has
    no value in the file: one TE009 at the cell. Saved by LibreOffice Calc (the real
    program, headless), the same sheet reads clean, merged cells included."""
    righe = [list(r) for r in RIGHE_BUONE]
    righe[2][12] = "=G6"  # giudizio = interesse esterno («medio»)
    foglio = _processi(tmp_path / "formule.xlsx", righe)
    tracciato = str(TRACCIATI / "pna2019-allegato1.yaml")
    codice, output = _importa(str(foglio), "-t", tracciato, "-o", str(tmp_path / "a.yaml"))
    assert codice == 1
    assert [r for r in output.splitlines() if "›" in r] == [
        "formule.xlsx › Mappatura processi!M6: errore TE009 la formula non ha un valore "
        "calcolato nel file: aprirlo e salvarlo in Excel o Calc, poi ripetere; la cella è "
        "letta come vuota."
    ]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    salvato = tmp_path / "calc"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profilo').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(salvato),
            str(foglio),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    out = tmp_path / "b.yaml"
    codice, output = _importa(str(salvato / "formule.xlsx"), "-t", tracciato, "-o", str(out))
    assert codice == 0, output
    piano = RischiCorruttivi.model_validate(load_text(out.read_text(encoding="utf-8")))
    assert [p.codice for p in piano.processi] == ["P.01", "P.02"]
    assert piano.processi[0].fasi == ["Richiesta preventivi", "Affidamento"]
    assert piano.processi[1].valutazione is not None
    assert piano.processi[1].valutazione.giudizio == "medio"


def test_blank_process_cells_filled_down_and_disagreeing_rows_reported(tmp_path: Path) -> None:
    foglio = tmp_path / "mappa.csv"
    foglio.write_text(
        "Codice;Area;Processo;Fase;Opacità;Note\n"
        "PR-1;Contratti pubblici;Gara;Bando;alto;\n"
        ";;;Aggiudicazione;basso;\n"
        ";;;;;\n"
        "PR-2;Incarichi e nomine;Nomina;;medio;\n",
        encoding="utf-8",
    )
    tracciato = tmp_path / "t.yaml"
    tracciato.write_text(
        "sezione: rischi_corruttivi\n"
        "colonne: {codice: Codice, area_rischio: Area, denominazione: Processo, fase: Fase,"
        " opacita: Opacità}\n"
        "ignora: [note]\n"
        "riempi_in_basso: [codice, area_rischio, denominazione]\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.yaml"
    codice, output = _importa(str(foglio), "-t", str(tracciato), "-o", str(out))
    assert codice == 1
    assert [r for r in output.splitlines() if "›" in r] == [
        "mappa.csv › E3: avviso TE007 «basso» diverso da «alto» della riga 2 per lo stesso "
        "processo: importato il primo."
    ]
    assert "3 righe lette, 2 processi scritti" in output
    dati = load_text(out.read_text(encoding="utf-8"))
    assert dati["processi"][0]["fasi"] == ["Bando", "Aggiudicazione"]
    assert dati["processi"][1]["area_rischio"] == "incarichi_nomine"


def test_a_letter_written_as_a_header_gets_a_hint(tmp_path: Path) -> None:
    foglio = tmp_path / "obblighi.csv"
    foglio.write_text("L1,L2\nDisposizioni generali,Atti generali\n", encoding="utf-8")
    tracciato = tmp_path / "t.yaml"
    tracciato.write_text(
        "sezione: trasparenza\ncolonne: {livello_1: A, livello_2: L2}\n", encoding="utf-8"
    )
    codice, output = _importa(str(foglio), "-t", str(tracciato), "-o", str(tmp_path / "o.yaml"))
    assert codice == 1
    assert "obblighi.csv › 1:1: errore TE002 la colonna «A»" in output
    assert "scrivere {colonna: A}" in output
    assert "0 righe lette" in output


def test_the_mappings_of_piao_are_used_by_name_and_handed_out(tmp_path: Path) -> None:
    """A pip-installed piao has no docs/ folder: the example mappings travel in the package,
    by name in --tracciato, and `piao fogli tracciato` writes one out to adapt."""
    foglio = TRACCIATI / "esempio-mappatura.xlsx"
    risultato = run_cli(
        "fogli",
        "tabella",
        str(foglio),
        "-t",
        "pna2019-allegato1",
        "--out",
        str(tmp_path / "p.yaml"),
    )
    assert risultato.exit_code == 0, risultato.output
    assert "«pna2019-allegato1.yaml»" in (tmp_path / "p.yaml").read_text(encoding="utf-8")
    copia = tmp_path / "mio-tracciato.yaml"
    risultato = run_cli("fogli", "tracciato", "anac-1310-2016", "--out", str(copia))
    assert risultato.exit_code == 0, risultato.output
    assert copia.read_bytes() == (TRACCIATI / "anac-1310-2016.yaml").read_bytes()
    assert run_cli("fogli", "tracciato", "anac-1310-2016", "--out", str(copia)).exit_code == 2
    sconosciuto = run_cli("fogli", "tracciato", "pna2013", "--out", str(tmp_path / "x.yaml"))
    assert sconosciuto.exit_code == 2
    assert "pna2019-allegato1, anac-1310-2016" in sconosciuto.output
