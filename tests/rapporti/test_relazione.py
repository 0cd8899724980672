"""`piao relazione`: the Relazione sulla performance of 2026 from the example plan and its
yearly file monitoraggio/2026.yaml, rendered ONCE for the module (PDF/A, DOCX, HTML, open
data); achievements checked against hand computations; the aggregate-only rule; the 30 June
deadline at its boundary; refusals without a traceback."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import shutil
from pathlib import Path

import pikepdf
import pytest
from docx import Document
from pydantic import ValidationError

from piao.model.periodo import DatiPeriodo
from piao.rapporti.relazione import documento, raccogli, scrivi_relazione
from piao.rapporti.relazione_dati import scrivi_dati
from piao.render.html import render_html
from tests.conftest import EXAMPLE, edit, run_cli

# The module renders once (module fixtures): its tests stay on one worker.
pytestmark = pytest.mark.xdist_group("rapporti-relazione")

STEM = "Relazione-performance-comune-di-esempio-2026"
IL_30_GIUGNO = datetime.date(2027, 6, 30)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cartella = tmp_path_factory.mktemp("relazione")
    scrivi_relazione(EXAMPLE, 2026, cartella, oggi=IL_30_GIUGNO)
    return cartella


@pytest.fixture(scope="module")
def html(out: Path) -> str:
    """The page's text: tags out, blanks collapsed (a span around a number leaves a
    blank: «( 18 )»)."""
    pagina = (out / f"{STEM}.html").read_text(encoding="utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", pagina).split())


def _csv(path: Path) -> dict[str, dict[str, str]]:
    return {r["codice"]: r for r in csv.DictReader(io.StringIO(path.read_text("utf-8")))}


def test_files_of_the_relazione(out: Path) -> None:
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [
            f"{STEM}.pdf",
            f"{STEM}.docx",
            f"{STEM}.html",
            f"{STEM}.json",
            f"{STEM}-obiettivi.csv",
            f"{STEM}-indicatori.csv",
            f"{STEM}-valutazioni.csv",
            f"{STEM}-LEGGIMI.txt",
        ]
    )


def test_achievements_a_hand_computation_confirms(out: Path, html: str) -> None:
    ind = _csv(out / f"{STEM}-indicatori.csv")
    # OBP-16-I1: partenza 58, target 63, valore 59 → (59 − 58) / (63 − 58) × 100 = 20 %,
    # under the 50 % band: non raggiunto; scostamento 59 − 63 = −4.
    assert float(ind["OBP-16-I1"]["raggiungimento_percentuale_0_100"]) == 20.0
    assert ind["OBP-16-I1"]["esito"] == "non_raggiunto"
    assert float(ind["OBP-16-I1"]["scostamento_valore_meno_target"]) == -4.0
    assert "campagna porta a porta" in ind["OBP-16-I1"]["cause"]
    # OBP-03-I1: (5 − 0) / (8 − 0) × 100 = 62,5 % → parzialmente raggiunto; 5 − 8 = −3.
    assert float(ind["OBP-03-I1"]["raggiungimento_percentuale_0_100"]) == 62.5
    assert ind["OBP-03-I1"]["esito"] == "parzialmente_raggiunto"
    # OBP-19-I1 (decrescente): (−0,5 − 4) / (0 − 4) × 100 = 112,5 → limited to 100.
    assert float(ind["OBP-19-I1"]["raggiungimento_percentuale_0_100"]) == 100.0
    agg = _csv(out / f"{STEM}-obiettivi.csv")
    # UO-URB: OBP-15 (peso 60) (86 − 70) / (90 − 70) = 80 %; OBP-16 (peso 40) 20 %
    # → (80 × 60 + 20 × 40) / 100 = 56 % → parzialmente raggiunto.
    assert float(agg["UO-URB"]["raggiungimento_percentuale_0_100"]) == 56.0
    assert agg["UO-URB"]["esito"] == "parzialmente_raggiunto"
    # VP-05: OBP-16 (peso 40) 20 %, OBP-17 (peso 50) (90 − 72) / (90 − 72) = 100 %
    # → (20 × 40 + 100 × 50) / 90 = 64,44 %.
    assert float(agg["VP-05"]["raggiungimento_percentuale_0_100"]) == 64.44
    assert "64,4 %" in html
    # OBP-07: the Nucleo's rettifica (90 %) replaces the computed value, and says so.
    assert float(agg["OBP-07"]["raggiungimento_percentuale_0_100"]) == 90.0
    assert agg["OBP-07"]["rettificato"] == "sì"
    assert "90 % (rettificato)" in html
    # the scostamento keeps its sign in the document: «−4» for OBP-16-I1
    assert "−4" in html


def test_trend_from_baseline_to_the_targets_of_the_triennio(html: str) -> None:
    # VP-01-I2: partenza 2025 24, 2026 misurato 17,5 (target 18), target 2027 15, 2028 12
    assert "VP-01-I2 Tempo medio di attesa allo sportello (minuti) 24 17,5 ( 18 ) → 15 → 12" in html
    # one trend chart per public value objective (8), its data in the caption
    assert len(re.findall(r"Andamento degli indicatori di [A-Z]+-\d+\. ", html)) == 8
    assert "VP-01-I2: 2025 24, 2026 17,5, 2027 15 (target), 2028 12 (target)" in html


def test_individual_performance_is_aggregate_only(out: Path, html: str) -> None:
    rows = list(csv.reader(io.StringIO((out / f"{STEM}-valutazioni.csv").read_text("utf-8"))))
    assert rows[0] == ["ruolo", "fascia", "numero_persone"]
    assert ["posizioni_eq", "95-100", "4"] in rows
    assert "Azzurri" not in (out / f"{STEM}.json").read_text("utf-8")
    assert "nessuna persona nominata" in html
    # 4 + 5 + 2 + 0 EQ, 38 + 71 + 29 + 3 other staff
    assert "Totale 11 141" in html
    fascia = {"ruolo": "dirigenti", "fascia": "Dott. Mario Rossi", "numero": 1}
    with pytest.raises(ValidationError, match="solo in forma aggregata"):
        DatiPeriodo.model_validate({"relazione": {"valutazioni": [fascia]}})
    nominata = {"ruolo": "dirigenti", "fascia": "90-100", "numero": 1, "nome": "Rossi"}
    with pytest.raises(ValidationError, match="nome"):
        DatiPeriodo.model_validate({"relazione": {"valutazioni": [nominata]}})


def test_a_role_of_fewer_than_three_evaluated_is_not_printed(tmp_path: Path) -> None:
    # One segretario in a band: the distribution would be his evaluation. The rule MP018
    # reports it (tests/periodi/casi/MP018.yaml); the Relazione and its data leave it out.
    piano = tmp_path / "piano"
    shutil.copytree(EXAMPLE, piano)
    edit(
        piano / "monitoraggio" / "2026.yaml",
        '    - {ruolo: posizioni_eq, fascia: "95-100", numero: 4}\n',
        '    - {ruolo: posizioni_eq, fascia: "95-100", numero: 4}\n'
        '    - {ruolo: segretario, fascia: "95-100", numero: 1}\n',
    )
    d = raccogli(piano, 2026, bozza=False, oggi=IL_30_GIUGNO)
    assert "MP018" in {f.code for f in d.letto.findings}
    testo = " ".join(re.sub(r"<[^>]+>", " ", render_html(documento(d))).split())
    assert "Totale 11 141" in testo  # the table of the other roles, unchanged
    assert "non è riportata per: Segretario" in testo
    scritti = scrivi_dati(d, tmp_path, STEM)
    assert "segretario" not in (tmp_path / f"{STEM}-valutazioni.csv").read_text("utf-8")
    dati = json.loads((tmp_path / f"{STEM}.json").read_text("utf-8"))
    assert {v["ruolo"] for v in dati["relazione"]["valutazioni"]} == {"posizioni_eq", "personale"}
    assert scritti


def test_pdf_is_pdfa_with_the_yearly_file_attached(out: Path) -> None:
    with pikepdf.open(out / f"{STEM}.pdf") as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "3"
        assert meta["pdfaid:conformance"] == "A"
        assert str(pdf.Root.Lang) == "it"
        assert "Relazione sulla performance 2026" in str(pdf.docinfo["/Title"])
        attached = dict(pdf.attachments)
        assert "2026.yaml" in attached
        assert "performance.yaml" in attached


def test_docx_opens_with_the_nine_sections(out: Path) -> None:
    document = Document(str(out / f"{STEM}.docx"))
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings[0] == "1 Presentazione"
    assert headings[-1] == "9 Approvazione e validazione"
    assert len(headings) == 9


def test_json_open_data(out: Path) -> None:
    dati = json.loads((out / f"{STEM}.json").read_text("utf-8"))
    assert dati["anno"] == 2026
    assert dati["termine"] == "2027-06-30"
    assert dati["avvisi"] == []  # approved 28/05/2027 and validated 20/06/2027, in time
    assert dati["relazione"]["validazione"]["esito"] == "validata_con_osservazioni"
    assert {i["codice"] for i in dati["indicatori"]} >= {"OBP-16-I1", "VP-05-I1"}


@pytest.fixture(scope="module")
def senza_approvazione(tmp_path_factory: pytest.TempPathFactory) -> Path:
    piano = tmp_path_factory.mktemp("tardi") / "piano"
    shutil.copytree(EXAMPLE, piano)
    anno = piano / "monitoraggio" / "2026.yaml"
    edit(
        anno,
        "  approvazione: {atto: Deliberazione della Giunta comunale n. 88, data: 2027-05-28}\n",
        "",
    )
    return piano


@pytest.mark.parametrize(
    ("oggi", "avvisi"),
    [(IL_30_GIUGNO, []), (datetime.date(2027, 7, 1), ["RL001"])],
    ids=["30-giugno", "1-luglio"],
)
def test_deadline_at_its_boundary(
    senza_approvazione: Path, oggi: datetime.date, avvisi: list[str]
) -> None:
    d = raccogli(senza_approvazione, 2026, bozza=False, oggi=oggi)
    assert [f.code for f in d.scadenza.findings] == avvisi
    testo = " ".join(render_html(documento(d)).split())
    scritto = "dopo il termine del 30 giugno 2027" in testo
    assert scritto == bool(avvisi)
    if avvisi:
        f = d.scadenza.findings[0]
        assert f.location.file == "monitoraggio/2026.yaml"
        assert f.location.line


def test_refused_without_bozza_when_the_yearly_file_has_errors(tmp_path: Path) -> None:
    piano = tmp_path / "piano"
    shutil.copytree(EXAMPLE, piano)
    edit(piano / "monitoraggio" / "2026.yaml", "    valore: 59\n", "    valore: circa sessanta\n")
    result = run_cli("relazione", str(piano), "--anno", "2026", "--out", str(tmp_path / "o"))
    assert result.exit_code == 1, result.output
    assert "Relazione non prodotta" in result.output
    assert "--bozza" in result.output
    assert "MP003" in result.output
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())
    result = run_cli(
        "relazione",
        str(piano),
        "--anno",
        "2026",
        "--out",
        str(tmp_path / "o"),
        "--format",
        "html",
        "--bozza",
    )
    assert result.exit_code == 0, result.output
    assert "BOZZA" in (tmp_path / "o" / f"{STEM}.html").read_text("utf-8")


def test_missing_yearly_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = run_cli("relazione", str(EXAMPLE), "--anno", "2027", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "non ha il file dell'anno 2027" in result.output
    assert "piao monitoraggio init" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
