"""`piao publish`: the static folder, open data that parse back and match the plan,
neutralised CSV cells, DCAT-AP_IT metadata."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from piao import check_plan
from piao.publish import publish_plan
from piao.render.document import AVVISO_BOZZA
from tests.conftest import EXAMPLE, EXAMPLES, OGGI, SMALL, Uscite, edit, run_cli

pytestmark = pytest.mark.xdist_group("uscite-esempio")


@pytest.fixture(scope="module")
def sito(uscite: Uscite) -> Path:
    """The example's site (shared: read only)."""
    return uscite.sito(EXAMPLE)


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_folder_layout(sito: Path) -> None:
    assert sorted(p.name for p in sito.iterdir()) == [
        "PIAO-comune-di-esempio-2026-2028.docx",
        "PIAO-comune-di-esempio-2026-2028.pdf",
        "collocazione.html",
        "dati",
        "index.html",
        "stile.css",
    ]
    assert sorted(p.name for p in (sito / "dati").iterdir()) == [
        "architettura-programmatica.csv",
        "assunzioni.csv",
        "carte-servizi.csv",
        "cessazioni.csv",
        "consultazioni.csv",
        "corsi.csv",
        "fasi-obiettivi.csv",
        "interventi-finanziati.csv",
        "lavoro-agile.csv",
        "misure.csv",
        "obblighi-trasparenza.csv",
        "obiettivi-indicatori.csv",
        "obiettivi.csv",
        "organi-politici.csv",
        "piao.json",
        "processi-rischi.csv",
        "spesa-personale.csv",
        "unita-organizzative.csv",
        "valutazioni-rischio.csv",
    ]


def test_page_is_self_contained_and_italian(sito: Path) -> None:
    html = (sito / "index.html").read_text(encoding="utf-8")
    assert '<html lang="it">' in html
    assert "<script" not in html
    assert 'href="http' not in html.split("<main")[0].replace(
        'href="https://www.comune.esempio.it"', ""
    )
    assert "Data aggiornamento della pagina" in html
    assert "22 novembre 2026" in html
    for href in (
        "PIAO-comune-di-esempio-2026-2028.pdf",
        "PIAO-comune-di-esempio-2026-2028.docx",
        "dati/misure.csv",
        "dati/piao.json",
    ):
        assert f'href="{href}"' in html
    assert "Amministrazione trasparente" in html
    guide = (sito / "collocazione.html").read_text(encoding="utf-8")
    for label in (
        "Disposizioni generali › Atti generali",
        "Performance › Piano della Performance",
        "Personale › Dotazione organica",
        "Altri contenuti › Prevenzione della corruzione",
    ):
        assert label in guide


def test_csv_files_parse_back_and_match_the_plan(sito: Path) -> None:
    piano = check_plan(EXAMPLE).piano
    assert piano is not None
    rc, fp, fo, pf = (
        piano.rischi_corruttivi,
        piano.fabbisogni_personale,
        piano.formazione,
        piano.performance,
    )
    assert rc is not None and fp is not None and fo is not None and pf is not None  # noqa: PT018
    misure = _csv(sito / "dati" / "misure.csv")
    assert [m["codice"] for m in misure] == [m.codice for m in rc.misure]
    mis15 = next(m for m in misure if m["codice"] == "MIS-15")
    assert mis15["processi"] == "PR-03 PR-04"
    assert mis15["ultima_scadenza"] == "2027-01-31"
    assert rc.trasparenza is not None
    obblighi = _csv(sito / "dati" / "obblighi-trasparenza.csv")
    assert len(obblighi) == len(rc.trasparenza.obblighi)
    assert obblighi[0]["sottosezione_livello_1"] == "Disposizioni generali"
    assunzioni = _csv(sito / "dati" / "assunzioni.csv")
    assert sum(int(a["numero"]) for a in assunzioni) == sum(a.numero for a in fp.assunzioni)
    ass12 = next(a for a in assunzioni if a["codice"] == "ASS-12")
    assert (ass12["fonte_finanziamento"], ass12["fuori_capacita"]) == ("fondo_poverta", "sì")
    assert ass12["norma_fuori_capacita"].startswith("Art. 1 c.797 L. 178/2020")
    assert ass12["descrizione_finanziamento"].startswith("Contributo annuo")
    cessazioni = _csv(sito / "dati" / "cessazioni.csv")
    assert sum(int(c["numero"]) for c in cessazioni) == sum(c.numero for c in fp.cessazioni)
    assert [c["codice"] for c in _csv(sito / "dati" / "corsi.csv")] == [c.codice for c in fo.corsi]
    indicatori = _csv(sito / "dati" / "obiettivi-indicatori.csv")
    obp = next(r for r in indicatori if r["codice_indicatore"] == "OBP-01-I1")
    assert (obp["target_2026"], obp["target_2027"], obp["target_2028"]) == ("12", "20", "25")
    assert obp["unita_responsabile"] == "UO-URP"
    rischi = _csv(sito / "dati" / "processi-rischi.csv")
    assert {r["codice_processo"] for r in rischi} == {p.codice for p in rc.processi}


def test_risk_tables_hold_event_ratings_phases_roles_and_undated_timing(sito: Path) -> None:
    processi = _csv(sito / "dati" / "processi-rischi.csv")
    pr03 = [r for r in processi if r["codice_processo"] == "PR-03"]
    assert {(r["codice_evento"], r["giudizio_evento"]) for r in pr03} == {
        ("EV-03-1", "alto"),
        ("EV-03-2", "medio"),
    }
    assert {(r["giudizio"], r["giudizio_derivato_dagli_eventi"]) for r in pr03} == {("alto", "sì")}
    assert pr03[0]["fase"] == "Individuazione dell'operatore"
    senza_rischi = [r for r in processi if r["fase_senza_rischi"] == "sì"]
    assert [(r["codice_processo"], r["fase"], r["codice_evento"]) for r in senza_rischi] == [
        ("PR-10", "Pubblicazione del bando", "")
    ]
    assert next(r for r in processi if r["codice_evento"] == "EV-10-3")["fase"] == "4"
    stime = {
        (r["codice_processo"], r["codice_evento"]): r
        for r in _csv(sito / "dati" / "valutazioni-rischio.csv")
    }
    pr27 = stime["PR-27", ""]
    assert (pr27["oggetto"], pr27["probabilita"], pr27["impatto"], pr27["punteggio"]) == (
        "processo",
        "2.5",
        "3",
        "7.5",
    )
    assert (pr27["controlli"], pr27["interesse_esterno"], pr27["giudizio"]) == (
        "parziali",
        "",
        "medio",
    )
    assert stime["PR-03", "EV-03-1"]["oggetto"] == "evento"
    assert ("PR-03", "") not in stime  # rated per event only
    misure = {m["codice"]: m for m in _csv(sito / "dati" / "misure.csv")}
    assert misure["MIS-02"]["responsabile"] == "tutti_i_responsabili UO-SEG"
    assert misure["MIS-02"]["tempistica"] == "per_ogni_procedura"
    assert (misure["MIS-11"]["tempistica"], misure["MIS-11"]["prima_scadenza"]) == (
        "continuativa",
        "2026-07-31",
    )
    assert misure["MIS-01"]["tempistica"] == ""


def test_organisation_tables_match_the_plan(sito: Path) -> None:
    organi = _csv(sito / "dati" / "organi-politici.csv")
    assert [o["codice"] for o in organi] == ["SINDACO", "ASS-BILANCIO", "ASS-SOCIALE"]
    assert organi[1]["deleghe"] == "Bilancio; Tributi; Patrimonio; Innovazione digitale"
    (consultazione,) = _csv(sito / "dati" / "consultazioni.csv")
    assert (consultazione["sezioni"], consultazione["dal"], consultazione["al"]) == (
        "2.2",
        "2026-01-12",
        "2026-01-31",
    )
    assert consultazione["contributi_ricevuti"] == "5"
    unita = {u["codice"]: u for u in _csv(sito / "dati" / "unita-organizzative.csv")}
    assert len(unita) == 16
    assert sum(int(u["dipendenti"]) for u in unita.values() if u["dipendenti"]) == 152
    casa = unita["UCT-CASA"]
    assert (casa["trasversale"], casa["unita_coordinate"]) == ("sì", "UO-SOC UO-LLPP UO-URB")
    assert (casa["operativa_dal"], casa["operativa_fino_al"]) == ("2026-04-01", "2028-03-31")
    assert (unita["UO-SCIT"]["ad_interim"], unita["UO-SUAP"]["tipo"]) == ("sì", "Sportello unico")
    agile = _csv(sito / "dati" / "lavoro-agile.csv")
    assert [(r["anno"], r["tipo"]) for r in agile] == [
        ("2026", "previsione"),
        ("2027", "previsione"),
        ("2028", "previsione"),
        ("2025", "attuazione"),
    ]
    assert (agile[0]["lavoratori_agili_potenziali"], agile[0]["lavoratori_agili"]) == ("68", "42")
    assert agile[0]["giornate_agili_max_anno_per_lavoratore"] == "80"
    assert agile[3]["giornate_svolte"] == "3120"
    (carta,) = _csv(sito / "dati" / "carte-servizi.csv")
    assert (carta["codice"], carta["data_atto"], carta["unita_responsabile"]) == (
        "CDS-01",
        "2025-10-14",
        "UO-DEM",
    )


def test_a_plan_without_those_data_publishes_no_empty_table(uscite: Uscite) -> None:
    dati = {p.name for p in (uscite.sito(SMALL) / "dati").iterdir()}
    assert {"organi-politici.csv", "consultazioni.csv", "carte-servizi.csv"}.isdisjoint(dati)
    assert {"unita-organizzative.csv", "lavoro-agile.csv"} <= dati


def test_json_has_dcat_metadata_and_the_plan(sito: Path) -> None:
    data = json.loads((sito / "dati" / "piao.json").read_text(encoding="utf-8"))
    meta = data["metadati"]
    assert meta["dct:title"] == "PIAO 2026-2028 - Comune di Esempio"
    assert meta["dct:publisher"]["dct:identifier"] == "c_z999"
    assert meta["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/"
    assert meta["dct:issued"] == "2026-03-26"
    assert meta["dct:modified"] == "2026-11-22"
    formats = {d["dct:format"] for d in meta["dcat:distribution"]}
    assert {"CSV", "JSON", "PDF", "DOCX"} <= formats
    assert data["piano"]["anagrafica"]["ente"]["denominazione"] == "Comune di Esempio"
    assert len(data["tabelle"]["misure.csv"]) == 33


def test_formula_prefixes_are_neutralised(
    plan_copy: Callable[[Path], Path], tmp_path: Path
) -> None:
    plan = plan_copy(SMALL)
    edit(
        plan / "formazione.yaml",
        "titolo: Sicurezza sui luoghi di lavoro\n",
        'titolo: "=HYPERLINK(\\"http://x\\")"\n',
    )
    edit(
        plan / "formazione.yaml",
        "titolo: Anticorruzione e codice di comportamento\n",
        'titolo: "+1+2"\n',
    )
    edit(
        plan / "rischi_corruttivi.yaml",
        "contenuto: Bilancio e rendiconto\n",
        'contenuto: "@SUM(A1)"\n',
    )
    edit(plan / "rischi_corruttivi.yaml", "contenuto: Bandi e graduatorie\n", 'contenuto: "-2+3"\n')
    publish_plan(plan, tmp_path, oggi=OGGI)
    corsi = {r["codice"]: r["titolo"] for r in _csv(tmp_path / "dati" / "corsi.csv")}
    assert corsi["FOR-03"] == '\'=HYPERLINK("http://x")'
    assert corsi["FOR-01"] == "'+1+2"
    contenuti = {
        r["codice"]: r["contenuto"] for r in _csv(tmp_path / "dati" / "obblighi-trasparenza.csv")
    }
    assert contenuti["TR-08"] == "'@SUM(A1)"
    assert contenuti["TR-04"] == "'-2+3"


def test_publish_refuses_a_plan_with_errors_unless_bozza(
    plan_copy: Callable[[Path], Path], tmp_path: Path
) -> None:
    plan = plan_copy(SMALL)
    edit(plan / "lavoro_agile.yaml", "  dotazioni_informatiche:", "  # dotazioni_informatiche:")
    assert run_cli("publish", str(plan), "--out", str(tmp_path / "a")).exit_code == 1
    result = run_cli("publish", str(plan), "--out", str(tmp_path / "b"), "--bozza")
    assert result.exit_code == 0, result.output
    assert AVVISO_BOZZA in (tmp_path / "b" / "index.html").read_text(encoding="utf-8")


def test_publish_is_deterministic(sito: Path, tmp_path: Path) -> None:
    publish_plan(EXAMPLE, tmp_path, oggi=OGGI)
    for path in sorted(sito.rglob("*")):
        if path.is_file():
            assert (tmp_path / path.relative_to(sito)).read_bytes() == path.read_bytes(), path.name


def test_personnel_spending_and_the_l296_cap_reach_page_and_open_data(sito: Path) -> None:
    html = (sito / "index.html").read_text(encoding="utf-8")
    assert "Limite alla spesa di personale (art. 1 c.557-quater L. 296/2006)" in html
    assert "Capacità assunzionale dichiarata dal piano" in html
    spesa = {r["anno"]: r for r in _csv(sito / "dati" / "spesa-personale.csv")}
    assert list(spesa) == ["2026", "2027", "2028"]
    assert (spesa["2026"]["limite_l296_comma"], spesa["2026"]["limite_l296_valore"]) == (
        "557-quater",
        "5612400",
    )
    assert spesa["2026"]["spesa_ai_fini_del_limite"] == "5204000"
    assert spesa["2026"]["spesa_personale_prevista"] == "5300000"
    meta = json.loads((sito / "dati" / "piao.json").read_text(encoding="utf-8"))["metadati"]
    titoli = [d["dct:title"] for d in meta["dcat:distribution"]]
    assert "Spesa di personale e movimenti per anno" in titoli


def test_open_data_of_objectives_keep_history_targets_beyond_the_triennio_and_links(
    sito: Path,
) -> None:
    indicatori = {
        r["codice_indicatore"]: r for r in _csv(sito / "dati" / "obiettivi-indicatori.csv")
    }
    raccolta = indicatori["VP-05-I1"]
    assert (raccolta["target_2028"], raccolta["target_2029"]) == ("76", "78")
    assert (raccolta["storico_2021"], raccolta["storico_2023"]) == ("61.7", "66")
    pagamenti = indicatori["SAL-01-I1"]
    assert pagamenti["livello"] == "salute"
    assert pagamenti["storico_2024"] == "-1.2"
    assert pagamenti["target_2026"] == "≤ 0"
    assert indicatori["SAL-01-I2"]["anno_riferimento"] == "2021"
    assert indicatori["OBP-24-I1"]["target_triennio"] == "4"
    assert indicatori["OBP-01-I1"]["peso"] == "60"
    obiettivi = {r["codice"]: r for r in _csv(sito / "dati" / "obiettivi.csv")}
    assert obiettivi["VP-02"]["linee_programmatiche"] == "LM-1 LM-2"
    assert obiettivi["VP-02"]["obiettivi_strategici_dup"] == "SES-1.2"
    assert (
        obiettivi["VP-01"]["obiettivo_strategico_dup_testo"]
        == "SeS 1.1 Un Comune vicino e semplice"
    )
    assert obiettivi["OBP-25"]["misura_pnrr"] == "M1C1 1.4.1"
    assert obiettivi["OBP-25"]["scadenza"] == "2026-12-31"
    assert obiettivi["OBP-19"]["valore_pubblico"] == "SAL-01"
    fasi = _csv(sito / "dati" / "fasi-obiettivi.csv")
    assert [(f["codice_obiettivo"], f["peso"]) for f in fasi] == [
        ("OBP-25", "60"),
        ("OBP-25", "40"),
    ]
    interventi = _csv(sito / "dati" / "interventi-finanziati.csv")
    assert interventi[0]["cup"] == "E11F22000150006"
    assert interventi[0]["obiettivi_collegati"] == "VP-02 OBP-03 OBP-25"
    architettura = _csv(sito / "dati" / "architettura-programmatica.csv")
    seo = next(r for r in architettura if r["codice"] == "SEO-1.2.1")
    assert (seo["livello"], seo["collegati"]) == ("obiettivo_operativo", "SES-1.2 SES-1.1")


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.parent.name)
def test_csvs_carry_names_beside_codes_and_labels_beside_closed_values(
    plan: Path, uscite: Uscite
) -> None:
    """Issue 17: the code columns stay (keys for reuse); a `_nome` column after each gives
    the names, an `_etichetta` column the Italian label of a closed-list value."""
    piano = check_plan(plan).piano
    assert piano is not None
    org = piano.organizzazione
    unita = {u.codice: u.denominazione for u in (*org.unita, *org.unita_trasversali)} if org else {}
    dati = uscite.sito(plan) / "dati"
    for file, colonna in (
        ("obiettivi-indicatori.csv", "unita_responsabile"),
        ("processi-rischi.csv", "unita_responsabile"),
        ("obblighi-trasparenza.csv", "responsabile_pubblicazione"),
        ("assunzioni.csv", "unita"),
    ):
        if not (dati / file).exists():
            continue
        righe = _csv(dati / file)
        intestazioni = list(righe[0])
        assert intestazioni[intestazioni.index(colonna) + 1] == f"{colonna}_nome"
        for r in righe:
            if r[colonna] in unita:
                assert r[f"{colonna}_nome"] == unita[r[colonna]], (file, r[colonna])
    rc = piano.rischi_corruttivi
    assert rc is not None
    nomi = {p.codice: p.denominazione for p in rc.processi}
    for r in _csv(dati / "valutazioni-rischio.csv"):
        assert r["codice_processo_nome"] == nomi[r["codice_processo"]]
    for r in _csv(dati / "misure.csv"):
        attesi = "; ".join(nomi[c] for c in r["processi"].split())
        assert r["processi_nome"] == attesi
    meta = json.loads((dati / "piao.json").read_text(encoding="utf-8"))["metadati"]
    assert any("_nome" in d.get("dct:description", "") for d in meta["dcat:distribution"])


def test_csv_labels_of_the_example(sito: Path) -> None:
    assunzioni = _csv(sito / "dati" / "assunzioni.csv")
    ass01 = next(a for a in assunzioni if a["codice"] == "ASS-01")
    assert (ass01["contratto"], ass01["contratto_etichetta"]) == (
        "tempo_indeterminato",
        "Tempo indeterminato",
    )
    assert ass01["unita_nome"] == "Settore Innovazione e sistemi informativi"
    assert ass01["area_etichetta"] == "Area dei Funzionari e dell'Elevata Qualificazione"
    mis01 = next(m for m in _csv(sito / "dati" / "misure.csv") if m["codice"] == "MIS-01")
    assert mis01["misura_generale_etichetta"] == "Codice di comportamento"
    assert mis01["responsabile_nome"] == "Segreteria generale"
    interventi = _csv(sito / "dati" / "interventi-finanziati.csv")
    assert interventi[0]["obiettivi_collegati_nome"].startswith(
        "Un Comune digitale, con servizi interamente online; "
    )
    indicatori = _csv(sito / "dati" / "obiettivi-indicatori.csv")
    vp01 = next(r for r in indicatori if r["codice_indicatore"] == "VP-01-I1")
    assert vp01["formula"] == "Giudizi positivi / questionari compilati × 100"
    assert vp01["fonte"].startswith("Questionario di customer satisfaction")


def test_the_page_opens_with_the_summary_shows_the_stemma_and_ends_on_the_act(sito: Path) -> None:
    html = (sito / "index.html").read_text(encoding="utf-8")
    testata = html.split('<header class="testata">', 1)[1].split("</header>", 1)[0]
    assert 'class="stemma" src="data:image/png;base64,' in testata
    assert html.index('id="in-breve"') < html.index('id="scarica"')
    assert "Il piano in cifre" in html
    assert html.count('id="in-breve"') == 1
    assert html.rindex('id="chiusura"') > html.rindex('id="azioni-positive"')
    assert "Adottato con deliberazione della Giunta n. 41" in html
