"""`piao monitoraggio report`: the integrated monitoring report of a period, rendered ONCE
(module fixture) from the example plan with a small period file of our own
(tests/rapporti/dati/monitoraggio-2026-S1.yaml) whose figures are computed by hand here;
the example's own period is checked on structure only (its values change)."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from docx import Document

from piao.periodi import controllo
from piao.periodi.controllo import PeriodoLetto, esito_periodo
from piao.periodi.piano import PianoLetto
from piao.periodi.raggiungimento import Raggiungimento, calcola
from piao.rapporti.monitoraggio import documento, prepara
from piao.rapporti.monitoraggio_dati import TABELLE
from piao.render.etichette import etichetta
from piao.render.html import render_html
from tests.conftest import EXAMPLE, edit, run_cli

# The module renders once (module fixtures): its tests stay on one worker.
pytestmark = pytest.mark.xdist_group("rapporti-monitoraggio")

FIXTURE = Path(__file__).parent / "dati" / "monitoraggio-2026-S1.yaml"
STEM = "Monitoraggio-comune-di-esempio-2026-S1"


def _piano(base: Path) -> Path:
    plan = base / "piano"
    shutil.copytree(EXAMPLE, plan)
    for f in (plan / "monitoraggio").glob("*.yaml"):
        f.unlink()
    shutil.copy(FIXTURE, plan / "monitoraggio" / "2026-S1.yaml")
    return plan


@pytest.fixture(scope="module")
def uscita(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("rapporto")
    out = base / "out"
    result = run_cli(
        "monitoraggio", "report", str(_piano(base)), "--periodo", "2026-S1", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def pagina(uscita: Path) -> str:
    """The HTML's text, tags removed and entities decoded, spaces collapsed."""
    return _testo((uscita / f"{STEM}.html").read_text(encoding="utf-8"))


def _testo(raw: str) -> str:
    """Text of a page: the renderer wraps figures in elements, so the spaces that removing
    tags leaves inside brackets and before punctuation go too."""
    testo = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    return re.sub(r" ([),;])", r"\1", testo.replace("( ", "("))


@pytest.fixture(scope="module")
def dati(uscita: Path) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((uscita / f"{STEM}.json").read_text(encoding="utf-8"))
    return loaded


def test_files_of_every_format_and_the_open_data(uscita: Path) -> None:
    nomi = {p.name for p in uscita.iterdir()}
    attesi = {f"{STEM}.{ext}" for ext in ("pdf", "docx", "html", "json")}
    attesi |= {f"{STEM}-{t}.csv" for t in TABELLE} | {f"{STEM}-LEGGIMI.txt"}
    assert nomi == attesi


def test_pdf_is_pdfa_with_the_period_file_attached(uscita: Path) -> None:
    with pikepdf.open(uscita / f"{STEM}.pdf") as pdf:
        with pdf.open_metadata() as meta:
            assert meta["pdfaid:part"] == "3"
            assert meta["pdfaid:conformance"] == "A"
        allegati = set(pdf.attachments)
    assert "2026-S1.yaml" in allegati
    assert "performance.yaml" in allegati
    testo = subprocess.run(
        ["pdftotext", "-layout", str(uscita / f"{STEM}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Monitoraggio integrato del PIAO" in testo
    assert "Mappa del valore pubblico a semaforo" in testo


def test_cover_and_summary(pagina: str) -> None:
    assert "Monitoraggio integrato del PIAO 2026-2028" in pagina
    assert "primo semestre 2026, dal 1 gennaio 2026 al 30 giugno 2026" in pagina
    assert "Controllo di gestione" in pagina
    assert "10 luglio 2026" in pagina
    # 4 indicators written; every other one due in 2026 is «nessun valore»: non rilevato.
    assert "raggiunto 1; parzialmente raggiunto 2; non raggiunto 0" in pagina
    assert (
        "Misure di prevenzione (2.3): attuata 1; parzialmente attuata 1; in corso 1; non attuata 1"
        in pagina
    )
    assert "Raggiungimenti rettificati: VP-02-I2." in pagina


def test_indicators_computed_by_hand(pagina: str) -> None:
    # VP-01-I2 decrescente, partenza 24, target 18, valore 21: (21 − 24) / (18 − 24) = 50 %;
    # scostamento 21 − 18 = +3, +3 / 18 = +16,7 %.
    assert re.search(r"VP-01-I2 .*? 24 18 21 50,0% Parzialmente raggiunto \+3 \(\+16,7%\)", pagina)
    assert "Sistema eliminacode; 30 giugno 2026" in pagina
    assert "Seconda postazione aperta a giugno." in pagina
    # VP-02-I1 crescente 38 → 50, valore 50: 100 %, scostamento 0.
    assert re.search(r"VP-02-I1 .*? 38 50 50 100,0% Raggiunto 0 ", pagina)
    # VP-02-I2 38 → 80 from 71, valore 71: 0 % computed, 75 % recognised by the Nucleo.
    assert re.search(
        r"VP-02-I2 .*? 71 80 71 75,0% \(rettificato\) Parzialmente raggiunto −9", pagina
    )
    assert (
        "Rettifica: calcolato 0,0%, riconosciuto Parzialmente raggiunto, 75,0% — pagoPA sospeso "
        "per un mese dal fornitore nazionale.; approvata da Nucleo di valutazione" in pagina
    )
    # VP-02's own indicators, equal weights: (100 + 75) / 2 = 87,5 %.
    assert "Dai propri indicatori di impatto Parzialmente raggiunto, 87,5%" in pagina
    assert "non rilevato: Il dato dell'anagrafe arriva a settembre." in pagina


def test_traffic_light_map_says_the_band_in_words(pagina: str, uscita: Path) -> None:
    raw = (uscita / f"{STEM}.html").read_text(encoding="utf-8")
    assert "Mappa del valore pubblico a semaforo: VP-02" in pagina
    for parola in ("verde: raggiunto", "ambra: parzialmente raggiunto", "rosso: non raggiunto"):
        assert parola in pagina
    # VP-02's box: its performance objectives are not measured, so its own indicators count;
    # coloured amber AND saying it.
    assert "Parzialmente raggiunto, 87,5%" in raw
    assert 'fill="#fff0c2"' in raw
    assert "Raggiunto, 100,0%" in raw


def test_measures_section3_satisfaction_and_findings(pagina: str) -> None:
    assert "Misure: non attuata (1)" in pagina
    assert "Regolamento rinviato al secondo semestre." in pagina
    assert "Dovute nel periodo e senza stato di attuazione" in pagina
    assert "MIS-05" in pagina
    assert "Cessazioni nel periodo: 2" in pagina
    # Italian figures: thousands with a dot.
    assert "Accordi individuali in vigore 1.234" in pagina
    assert "Giornate di lavoro agile nel periodo 5.678" in pagina
    # CS-02: 16 positive of 16 + 2 + 2 = 80 %; 20 of 40 contacts = 50 %; 20 < 30: small sample.
    assert re.search(r"CS-02 Servizi online web 80,0% 20 50,0% campione ridotto \(20", pagina)
    assert "Rilievi del periodo" in pagina
    assert "MP012" in pagina


def test_docx_opens_with_the_sections(uscita: Path) -> None:
    doc = Document(str(uscita / f"{STEM}.docx"))
    titoli = [
        p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    for atteso in (
        "In sintesi",
        "1 Performance e valore pubblico",
        "2 Mappa del valore pubblico a semaforo",
        "5 Soddisfazione degli utenti",
    ):
        assert atteso in titoli
    assert len(doc.tables) > 5
    assert doc.inline_shapes  # the map and its legend


def test_open_data_columns_and_values(uscita: Path, dati: dict[str, object]) -> None:
    for nome, (_, colonne) in TABELLE.items():
        testo = (uscita / f"{STEM}-{nome}.csv").read_text(encoding="utf-8")
        assert next(csv.reader(io.StringIO(testo))) == [c for c, _ in colonne]
    righe = {
        r["codice"]: r
        for r in csv.DictReader(
            io.StringIO((uscita / f"{STEM}-indicatori.csv").read_text(encoding="utf-8"))
        )
    }
    assert righe["VP-01-I2"]["percentuale"] == "50"
    assert righe["VP-02-I2"]["percentuale_calcolata"] == "0"
    assert righe["VP-02-I2"]["percentuale"] == "75"
    assert righe["VP-02-I2"]["rettifica_approvata_da"] == "Nucleo di valutazione"
    assert righe["VP-03-I1"]["esito"] == "non_rilevato"
    indicatori = dati["indicatori"]
    assert isinstance(indicatori, list)
    assert {"codice": "VP-02-I1", "percentuale": 100.0}.items() <= next(
        i for i in indicatori if i["codice"] == "VP-02-I1"
    ).items()
    soddisfazione = dati["soddisfazione"]
    assert isinstance(soddisfazione, list)
    assert soddisfazione[0]["indice"] == 80.0
    assert soddisfazione[0]["tasso_risposta"] == 50.0
    sezione3 = dati["sezione3"]
    assert isinstance(sezione3, list)
    assert ["lavoro_agile", 1234] in [
        [r["voce"], r["realizzato"]] for r in sezione3 if r["misura"] == "accordi"
    ]
    # Aggregates only: the compiler's name stays in the document.
    assert "referente" not in json.dumps(dati)
    leggimi = (uscita / f"{STEM}-LEGGIMI.txt").read_text(encoding="utf-8")
    assert "percentuale_calcolata: raggiungimento calcolato" in leggimi


def test_example_period_summary_matches_its_achievements() -> None:
    """The example's own 2026-S1 (its values change elsewhere): the summary counts are the
    computation's, whatever they are."""
    fonti = prepara(EXAMPLE, "2026-S1", bozza=True)
    r = esito_periodo(EXAMPLE, "2026-S1")
    testo = _testo(render_html(documento(fonti, bozza=False)))
    conteggi = "; ".join(
        f"{etichetta(k).lower()} {sum(e.esito == k for e in r.indicatori)}"
        for k in ("raggiunto", "parzialmente_raggiunto", "non_raggiunto", "non_rilevato")
    )
    assert f"Indicatori: {len(r.indicatori)} dovuti nel periodo — {conteggi}." in testo
    for vp in r.valore_pubblico:
        assert f"Mappa del valore pubblico a semaforo: {vp.codice}" in testo


def test_the_achievements_are_computed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule MP016 (while the file is read) and the report read one computation."""
    vera = calcola
    letti: list[str] = []

    def contata(piano: PianoLetto, letto: PeriodoLetto) -> Raggiungimento:
        letti.append(letto.name)
        return vera(piano, letto)

    monkeypatch.setattr(controllo, "calcola", contata)
    fonti = prepara(EXAMPLE, "2026-S1", bozza=True)
    assert letti == ["monitoraggio/2026-S1.yaml"]
    assert fonti.raggiungimento is fonti.letto.esito


def test_refused_without_bozza_on_a_period_with_errors(tmp_path: Path) -> None:
    plan = _piano(tmp_path)
    edit(
        plan / "monitoraggio" / "2026-S1.yaml",
        "  VP-02-I1:  #",
        "  VP-99-I9: {valore: 1}\n  VP-02-I1:  #",
    )
    out = tmp_path / "out"
    result = run_cli("monitoraggio", "report", str(plan), "--periodo", "2026-S1", "--out", str(out))
    assert result.exit_code == 1, result.output
    assert "report non prodotto" in result.output
    assert "--bozza" in result.output
    assert "MP002" in result.output
    assert not out.exists() or not any(out.iterdir())
    bozza = run_cli(
        "monitoraggio",
        "report",
        str(plan),
        "--periodo",
        "2026-S1",
        "--out",
        str(out),
        "--format",
        "html",
        "--bozza",
    )
    assert bozza.exit_code == 0, bozza.output
    assert "BOZZA" in (out / f"{STEM}.html").read_text(encoding="utf-8")


def test_missing_period_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = run_cli(
        "monitoraggio", "report", str(EXAMPLE), "--periodo", "2027-S1", "--out", str(tmp_path / "o")
    )
    assert result.exit_code == 2
    assert "non ha il file del periodo 2027-S1" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
