"""User satisfaction in a period file (issue 18 item 3): indices computed by hand here, the
small-sample note, the response rate, the indicator valued by its survey, and located
findings — through the library and the CLI on the example plan."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from piao.periodi import leggi_periodo, leggi_piano
from piao.periodi.soddisfazione import CAMPIONE_MINIMO, IndiceSoddisfazione, indici
from tests.conftest import EXAMPLE, edit, line_of, run_cli, run_subprocess

FILE = "monitoraggio/2026-S1.yaml"


@pytest.fixture
def esempio(plan_copy: Callable[[Path], Path]) -> Path:
    return plan_copy(EXAMPLE)


def _indici(plan: Path = EXAMPLE) -> dict[tuple[str, str | None, str | None], IndiceSoddisfazione]:
    letto = leggi_periodo(plan / FILE, leggi_piano(plan))
    assert letto.dati is not None
    return {(i.rilevazione, i.servizio, i.canale): i for i in indici(letto.dati)}


def _findings(plan: Path) -> list[dict[str, object]]:
    result = run_cli("monitoraggio", "check", str(plan), "--format", "json")
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, object]] = json.loads(result.output)["findings"]
    return findings


def test_questionnaire_index_is_the_weighted_mean_rescaled_to_100() -> None:
    i = _indici()
    # Sportello: items on a 1-5 scale, (media - 1) / 4 * 100, weighted by the answers.
    sportello = (75.0 * 250 + 87.5 * 250 + 77.5 * 246) / (250 + 250 + 246)
    assert i["CS-01", "Sportello polivalente", "sportello"].indice == pytest.approx(sportello)
    assert i["CS-01", "Servizi demografici", "web"].indice == pytest.approx(85.0)
    # The whole survey: results weighted by their respondents (250 and 22).
    intera = i["CS-01", None, None]
    assert intera.indice == pytest.approx((sportello * 250 + 85.0 * 22) / 272)
    assert round(intera.indice or 0, 1) == 80.4
    assert intera.campione == 272


def test_emoticon_index_is_the_share_of_positive_judgements() -> None:
    i = _indici()
    online = i["CS-02", "Servizi online", "web"]
    assert online.indice == pytest.approx(1320 / (1320 + 240 + 95) * 100)
    assert online.campione == 1655
    # Pooled over the survey's results: all positives over all judgements.
    assert i["CS-02", None, None].indice == pytest.approx((1320 + 860) / (1655 + 952) * 100)


def test_response_rate_from_the_contacts() -> None:
    i = _indici()
    assert i["CS-01", "Sportello polivalente", "sportello"].tasso_risposta == pytest.approx(
        250 / 4100 * 100
    )
    assert i["CS-01", None, None].tasso_risposta == pytest.approx(272 / (4100 + 610) * 100)
    assert i["CS-02", "Pagamenti pagoPA", "web"].tasso_risposta == pytest.approx(952 / 98)


def test_a_small_sample_gets_a_note(esempio: Path) -> None:
    i = _indici()
    assert CAMPIONE_MINIMO == 30
    (nota,) = i["CS-01", "Servizi demografici", "web"].note
    assert nota.startswith("campione ridotto (22, meno di 30")
    assert "non di legge" in nota
    assert i["CS-01", "Sportello polivalente", "sportello"].note == ()
    edit(esempio / FILE, "        positivo: 860\n", "        positivo: 8\n")
    edit(esempio / FILE, "        sufficiente: 70\n", "        sufficiente: 7\n")
    edit(esempio / FILE, "        negativo: 22\n", "        negativo: 2\n")
    pago = _indici(esempio)["CS-02", "Pagamenti pagoPA", "web"]
    assert pago.indice == pytest.approx(8 / 17 * 100)
    assert pago.note[0].startswith("campione ridotto (17,")


def test_the_indicator_gets_its_value_from_the_survey(esempio: Path) -> None:
    letto = leggi_periodo(EXAMPLE / FILE, leggi_piano(EXAMPLE))
    assert letto.dati is not None
    valore = letto.dati.indicatori["VP-01-I1"]
    assert valore.valore == 80.4
    assert valore.fonte is not None
    assert "CS-01" in valore.fonte
    assert "VP-01-I1:" not in (EXAMPLE / FILE).read_text(encoding="utf-8")
    # The value follows the results: one more unhappy answer set moves it.
    edit(esempio / FILE, "media: 4.4, risposte: 22}", "media: 2.2, risposte: 22}")
    letto = leggi_periodo(esempio / FILE, leggi_piano(esempio))
    assert letto.dati is not None
    sportello = (75.0 * 250 + 87.5 * 250 + 77.5 * 246) / 746
    atteso = round((sportello * 250 + 30.0 * 22) / 272, 1)
    assert letto.dati.indicatori["VP-01-I1"].valore == atteso


def test_a_value_typed_for_a_survey_indicator_is_a_second_source(esempio: Path) -> None:
    path = esempio / FILE
    edit(path, "indicatori:\n", "indicatori:\n  VP-01-I1:\n    valore: 81\n")
    (f,) = _findings(esempio)
    assert (f["code"], f["file"], f["line"], f["column"]) == (
        "MS001",
        FILE,
        line_of(path, "VP-01-I1:"),
        3,
    )
    assert f["severity"] == "error"
    assert "viene dalla rilevazione «CS-01»" in str(f["message"])
    # The survey stays the one source: the typed 81 is not the value.
    letto = leggi_periodo(path, leggi_piano(esempio))
    assert letto.dati is not None
    assert letto.dati.indicatori["VP-01-I1"].valore == 80.4


def test_a_step_number_may_be_written_unquoted(esempio: Path) -> None:
    edit(esempio / FILE, '      - fase: "5.2"', "      - fase: 5.2")
    assert _findings(esempio) == []
    letto = leggi_periodo(esempio / FILE, leggi_piano(esempio))
    assert letto.dati is not None
    fasi = letto.dati.soddisfazione["CS-01"].valutazione_partecipativa
    assert [f.fase for f in fasi] == ["5.1", "5.2"]


def test_an_unknown_survey_code_is_located(esempio: Path) -> None:
    path = esempio / FILE
    edit(path, "  CS-02:\n", "  CS-2:\n")
    (f,) = _findings(esempio)
    assert (f["code"], f["line"], f["column"]) == ("MP002", line_of(path, "CS-2:"), 3)
    assert "la rilevazione della soddisfazione" in str(f["message"])
    assert f["hint"] == "Forse intendevi «CS-02»?"


def test_a_yearly_file_without_a_declared_survey_warns(esempio: Path) -> None:
    cartella = esempio / "monitoraggio"
    shutil.copy(cartella / "2026-S1.yaml", cartella / "2026.yaml")
    edit(
        cartella / "2026.yaml",
        "\nsoddisfazione:\n",
        "\nsoddisfazione:\n  CS-04:\n    note: Interviste rinviate al 2027 per il cambio del "
        "gestore del servizio.\n",
    )
    findings = [f for f in _findings(esempio) if f["code"] == "MS002"]
    # CS-03 has no results in the yearly file; CS-04 says why; the semester file is not due.
    assert [(f["file"], f["severity"]) for f in findings] == [("monitoraggio/2026.yaml", "warning")]
    assert "«CS-03»" in str(findings[0]["message"])
    assert "art. 6 c.3 DL 80/2021; art. 5 DM 132/2022" in str(findings[0]["message"])
    assert findings[0]["line"] == _riga_esatta(cartella / "2026.yaml", "soddisfazione:")


def test_init_lists_the_plans_surveys(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    shutil.rmtree(plan / "monitoraggio")
    assert run_cli("monitoraggio", "init", str(plan), "--periodo", "2026").exit_code == 0
    text = (plan / "monitoraggio" / "2026.yaml").read_text(encoding="utf-8")
    for code in ("CS-01", "CS-02", "CS-03", "CS-04"):
        assert f"\n  {code}:\n    data: da compilare" in text
    assert "# ne viene il valore di VP-01-I1: non scriverlo sotto «indicatori»" in text
    # Not among the values to type: a comment says where its value comes from.
    assert "\n  VP-01-I1:\n" not in text
    assert "# VP-01-I1 (Utenti soddisfatti dei servizi di sportello): il valore è l'indice" in text
    assert {f["code"] for f in _findings(plan)} == {"SC007"}


@pytest.mark.parametrize(
    ("prima", "dopo", "parola"),
    [
        (
            "        positivo: 1320\n",
            "        positivo: 1320\n        domande: [{domanda: Chiarezza, media: 3}]\n",
            "non entrambi",
        ),
        ("        negativo: 95\n", "", "tutti e tre"),
        ("scala_max: 5, media: 4.4", "scala_max: 5, media: 7", "fuori dalla scala"),
        ("scala_min: 1, scala_max: 5, media: 4.4", "scala_min: 5, scala_max: 1, media: 4.4", None),
        ('      - fase: "5.2"', '      - fase: "5.9"', "5.7"),
        ("        positivo: 1320\n", "        positivo: tanti\n", None),
        ("    risultati:\n      - servizio: Servizi online", "    risultati: sì\n    x:", None),
    ],
    ids=["due-forme", "conteggio-mancante", "media", "scala", "fase", "testo", "struttura"],
)
def test_bad_results_are_located_never_a_traceback(
    esempio: Path, prima: str, dopo: str, parola: str | None
) -> None:
    path = esempio / FILE
    edit(path, prima, dopo)
    result = run_subprocess("monitoraggio", "check", str(esempio), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    findings = json.loads(result.stdout)["findings"]
    assert findings
    assert all(f["file"] == FILE and f["line"] for f in findings)
    if parola is not None:
        assert any(parola in f["message"] for f in findings), findings


def _riga_esatta(path: Path, riga: str) -> int:
    (n,) = [i for i, r in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if r == riga]
    return n


def test_the_plans_link_to_an_indicator_is_checked(esempio: Path) -> None:
    path = esempio / "monitoraggio.yaml"
    edit(path, "    indicatori: [VP-01-I1]\n", "    indicatori: [VP-01-I9]\n")
    result = run_cli("check", str(esempio), "--format", "json")
    (f,) = json.loads(result.output)["findings"]
    assert (f["code"], f["file"], f["line"]) == (
        "CO007",
        "monitoraggio.yaml",
        line_of(path, "VP-01-I9"),
    )
    assert "l'indicatore «VP-01-I9» non esiste nel piano" in f["message"]
