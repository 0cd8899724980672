"""`piao relazione-rpct`: the RPCT's annual report from the example plan, its yearly period
file 2026.yaml and monitoraggio/rpct-2026.yaml — rendered once per module, then read back:
the workbook (openpyxl and LibreOffice), the PDF/A, the DOCX, the open data; a plan without
the facts file and the yearly file still gets its report, from the last period of the year
(2026-S1), stating what is missing."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pikepdf
import pytest
from docx import Document
from openpyxl import load_workbook
from ruamel.yaml import YAML

from piao.rapporti.rpct_scheda import FOGLI, LAYOUT, NON_FORNITO, VOCI
from tests.conftest import EXAMPLE, run_cli
from tests.render.test_docx_libreoffice import soffice

# The module renders once (module fixtures): its tests stay on one worker.
pytestmark = pytest.mark.xdist_group("rapporti-rpct")

STEM = "Relazione-RPCT-comune-di-esempio-2026"


@pytest.fixture(scope="module")
def uscita(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rpct")
    result = run_cli("relazione-rpct", str(EXAMPLE), "--anno", "2026", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "monitoraggio/2026.yaml" in result.output  # where the measures' states come from
    return out


def _valori(path: Path) -> dict[str, tuple[str, str]]:
    """Row number → (sheet, value), from the workbook."""
    wb = load_workbook(path)
    out: dict[str, tuple[str, str]] = {}
    for foglio in FOGLI:
        for numero, _, valore, _ in wb[foglio].iter_rows(min_row=3, max_col=4, values_only=True):
            if isinstance(numero, str) and numero[:2] in ("A.", "C.", "M."):
                assert numero not in out, f"{numero} written twice"
                out[numero] = (foglio, str(valore))
    return out


def test_every_row_of_the_mapping_is_filled_on_its_sheet(uscita: Path) -> None:
    wb = load_workbook(uscita / f"{STEM}.xlsx")
    assert wb.sheetnames == [*FOGLI, "Misure della 2.3", "Note"]
    valori = _valori(uscita / f"{STEM}.xlsx")
    assert set(valori) == {v.numero for v in VOCI}
    for v in VOCI:
        foglio, valore = valori[v.numero]
        assert foglio == v.foglio
        assert valore, v.numero
        assert valore != NON_FORNITO, v.numero  # the example provides every fact
    assert LAYOUT in str(wb["Note"]["B1"].value)
    misure = wb["Misure della 2.3"]  # its own headings, repeated on every printed page
    assert [c.value for c in misure[2]] == ["Codice", "Misura", "Stato", "Motivo o valore rilevato"]
    assert misure.print_title_rows == "$2:$2"
    assert all(str(r[0]).startswith("MIS-") for r in misure.iter_rows(min_row=3, values_only=True))


def test_facts_land_in_their_sheet_and_row(uscita: Path) -> None:
    valori = _valori(uscita / f"{STEM}.xlsx")
    assert valori["M.7.2"] == ("Misure anticorruzione", "3")  # whistleblowing.ricevute
    assert valori["M.7.6"][1] == "Piattaforma informatica: 2; Orale: 1"
    assert valori["M.2.6"][1] == "41"  # accesso_civico.generalizzato.ricevute
    assert valori["M.9.2"][1] == "1"  # procedimenti_disciplinari.per_fatti_corruttivi
    assert valori["M.4.2"][1] == "no"  # rotazione.ordinaria_effettuata
    assert valori["A.5"] == ("Anagrafica", "Dott. Luca Bianchi")
    assert valori["C.2"][0] == "Considerazioni generali"
    assert valori["C.2"][1].startswith("La rotazione ordinaria non è stata attuata")


def test_measure_states_are_counted_from_the_period_file(uscita: Path) -> None:
    # Hand count: the states written in 2026.yaml, over the 33 measures of the plan's 2.3.
    periodo = YAML(typ="safe").load(EXAMPLE / "monitoraggio" / "2026.yaml")
    stati = Counter(v["stato"] for v in periodo["misure"].values())
    valori = _valori(uscita / f"{STEM}.xlsx")
    assert valori["M.1.1"][1] == "33"
    for numero, stato in (
        ("M.1.4", "attuata"),
        ("M.1.5", "parzialmente_attuata"),
        ("M.1.6", "in_corso"),
        ("M.1.7", "non_attuata"),
    ):
        assert valori[numero][1] == str(stati[stato]), stato
    assert valori["M.1.8"][1] == str(33 - sum(stati.values()))
    assert "2026.yaml" in valori["A.11"][1]


def test_workbook_opens_in_libreoffice(uscita: Path, tmp_path: Path) -> None:
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(tmp_path / 'profilo').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(uscita / f"{STEM}.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    testo = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(tmp_path / f"{STEM}.pdf"), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    assert "Segnalazioni ricevute" in testo
    assert "Accesso generalizzato: richieste ricevute" in testo
    assert LAYOUT in testo


def test_pdf_is_pdfa_with_the_files_it_was_built_from(uscita: Path) -> None:
    with pikepdf.open(uscita / f"{STEM}.pdf") as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "3"
        assert meta["pdfaid:conformance"] == "A"
        assert str(pdf.Root.Lang) == "it"
        assert "/StructTreeRoot" in pdf.Root
        allegati = dict(pdf.attachments)
        assert sorted(allegati) == [
            "anagrafica.yaml",
            "monitoraggio/2026.yaml",
            "monitoraggio/rpct-2026.yaml",
            "rischi_corruttivi.yaml",
        ]
        fatti = allegati["monitoraggio/rpct-2026.yaml"].get_file().read_bytes()
        assert fatti == (EXAMPLE / "monitoraggio" / "rpct-2026.yaml").read_bytes()


def test_the_long_cover_stays_on_its_page(uscita: Path) -> None:
    # The longest cover title of piao's documents, four long entries: the legal basis at its
    # foot is still on page 1 (it once slid alone onto page 2).
    prima = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(uscita / f"{STEM}.pdf"), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    assert "Art. 1 c.14 L. 6 novembre 2012 n. 190" in prima


def test_docx_and_open_data(uscita: Path) -> None:
    document = Document(str(uscita / f"{STEM}.docx"))
    testo = "\n".join(p.text for p in document.paragraphs)
    assert "Misure anticorruzione" in testo
    assert LAYOUT in "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    dati = json.loads((uscita / f"{STEM}.json").read_text(encoding="utf-8"))
    assert dati["struttura"] == LAYOUT
    assert len(dati["voci"]) == len(VOCI)
    csv = (uscita / f"{STEM}.csv").read_text(encoding="utf-8").splitlines()
    assert csv[0] == "foglio,numero,voce,valore,fornito,fonte"
    assert len(csv) == len(VOCI) + 1


@pytest.fixture(scope="module")
def piano_senza_fatti(tmp_path_factory: pytest.TempPathFactory) -> Path:
    piano = tmp_path_factory.mktemp("senza") / "piano"
    shutil.copytree(EXAMPLE, piano)
    (piano / "monitoraggio" / "rpct-2026.yaml").unlink()
    (piano / "monitoraggio" / "2026.yaml").unlink()
    return piano


def test_missing_facts_file_still_gives_the_report_stating_what_is_missing(
    piano_senza_fatti: Path, tmp_path: Path
) -> None:
    result = run_cli(
        "relazione-rpct", str(piano_senza_fatti), "--anno", "2026", "--out", str(tmp_path),
        "--format", "html,xlsx",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "primo semestre 2026" in result.output  # the last period stands in for the year
    fatti = [v for v in VOCI if v.fonte.startswith("fatti:")]
    assert f"Dati non forniti: {len(fatti)} voci su {len(VOCI)}" in result.output
    valori = _valori(tmp_path / f"{STEM}.xlsx")
    assert {n for n, (_, x) in valori.items() if x == NON_FORNITO} == {v.numero for v in fatti}
    html = (tmp_path / f"{STEM}.html").read_text(encoding="utf-8")
    assert f"Dati non forniti: {len(fatti)} voci" in html
    assert ".yaml assente: i fatti sono «dato non fornito»" in html


@pytest.mark.parametrize(
    ("testo", "riga", "parola"),
    [
        ("whistleblowing:\n  ricevut: 3\n", 2, "ricevut"),
        ("whistleblowing:\n  ricevute: tre\n", 2, "ricevute"),
    ],
    ids=["typo", "text-in-number"],
)
def test_facts_file_errors_are_located_and_refuse_the_report(
    piano_senza_fatti: Path, tmp_path: Path, testo: str, riga: int, parola: str
) -> None:
    piano = tmp_path / "piano"
    shutil.copytree(piano_senza_fatti, piano)
    (piano / "monitoraggio" / "rpct-2026.yaml").write_text(testo, encoding="utf-8")
    result = run_cli("monitoraggio", "check", str(piano), "--format", "json")
    assert result.exit_code == 1, result.output
    rilievi = json.loads(result.output)["findings"]
    nostri = [f for f in rilievi if f["file"] == "monitoraggio/rpct-2026.yaml"]
    assert nostri, rilievi
    assert all(f["code"] != "MP001" for f in rilievi)  # not a bad period name
    (trovato,) = [f for f in nostri if f"«{parola}»" in f["message"] or f["path"].endswith(parola)]
    assert trovato["line"] == riga
    rifiutata = run_cli(
        "relazione-rpct", str(piano), "--anno", "2026", "--out", str(tmp_path / "o")
    )
    assert rifiutata.exit_code == 1
    assert "rpct-2026.yaml" in rifiutata.output
