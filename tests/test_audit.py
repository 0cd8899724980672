"""`piao audit`: the auditor's report on the examples and on a deliberately incomplete plan."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from piao.audit import audit_plan
from piao.audit.output import render_csv, render_html
from piao.csvsafe import safe_cell
from tests.conftest import EXAMPLE, INCOMPLETE, SMALL, Uscite, run_cli


def test_examples_have_every_required_element() -> None:
    for plan in (EXAMPLE, SMALL):
        audit = audit_plan(plan)
        assert audit.punteggio() == 100.0
        assert audit.con_stato("mancante") == []
        assert audit.con_stato("incompleto") == []


def test_simplified_regime_marks_sections_not_applicable() -> None:
    audit = audit_plan(SMALL)
    na = {e.elemento.id for e in audit.con_stato("non_applicabile")}
    assert {"2.1 a)", "2.2 a)", "4 a)", "4 b)"} <= na
    assert audit.punteggio("2.1") is None
    assert audit.punteggio("2.3") == 100.0


def test_incomplete_plan_shows_missing_and_incomplete_elements_with_evidence() -> None:
    audit = audit_plan(INCOMPLETE)
    stati = {e.elemento.id: e.stato for e in audit.esiti}
    assert stati["2.1 b)"] == "mancante"  # no accessibility actions
    assert stati["4 a)"] == "mancante"  # no monitoraggio.yaml
    assert stati["3.2"] == "incompleto"  # two of the five points missing
    assert stati["1 d)"] == "incompleto"  # adopted after the deadline
    assert stati["3.1"] == "presente"
    incompleto = next(e for e in audit.esiti if e.elemento.id == "3.2")
    assert incompleto.evidenza is not None
    assert incompleto.evidenza.file == "lavoro_agile.yaml"
    assert {f.code for f in incompleto.rilievi} == {"LA001"}
    punteggio = audit.punteggio()
    assert punteggio is not None
    assert 0 < punteggio < 100


def test_html_report_is_italian_and_escapes_plan_text(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    anagrafica = plan / "anagrafica.yaml"
    anagrafica.write_text(
        anagrafica.read_text(encoding="utf-8").replace(
            "denominazione: Comune di Piccolavalle",
            'denominazione: "Comune <script>alert(1)</script>"',
        ),
        encoding="utf-8",
    )
    html = render_html(audit_plan(plan))
    assert '<html lang="it">' in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "2.3 Rischi corruttivi e trasparenza" in html


def test_csv_has_one_row_per_entity_and_neutralises_formulas() -> None:
    audits = [audit_plan(EXAMPLE), audit_plan(INCOMPLETE), audit_plan(SMALL)]
    rows = list(
        csv.DictReader(io.StringIO(render_csv(audits).removeprefix("\ufeff")), delimiter=";")
    )
    assert [r["ente"] for r in rows] == [
        "Comune di Esempio",
        "Comune di Incompleto",
        "Comune di Piccolavalle",
    ]
    assert rows[0]["punteggio"] == "100"
    assert (
        "2.1 b) Azioni per la piena accessibilità fisica e digitale" in rows[1]["elementi_mancanti"]
    )
    assert rows[2]["punteggio_2.1"] == ""
    assert safe_cell("=SUM(A1)") == "'=SUM(A1)"
    assert safe_cell("-1+2") == "'-1+2"
    assert safe_cell("-cmd|' /C calc'!A0") == "'-cmd|' /C calc'!A0"


def test_numbers_stay_numbers_in_csv() -> None:
    assert safe_cell("-1") == "-1"
    assert safe_cell(-4.52) == "-4.52"
    assert safe_cell(790.0) == "790"
    assert safe_cell(12.5) == "12.5"


@pytest.mark.xdist_group("uscite-esempio")
def test_audit_command_writes_html_pdf_and_csv(uscite: Uscite) -> None:
    verbali = uscite.verbali()  # `piao audit` of the example, INCOMPLETE and Sangano
    out = verbali.cartella
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "PIAO-comune-di-esempio-2026-2028.pdf",
        "PIAO-comune-di-incompleto-2026-2028.pdf",
        "PIAO-comune-di-sangano-2025-2027.pdf",
        "audit-comune-di-esempio-2026-2028.docx",
        "audit-comune-di-esempio-2026-2028.html",
        "audit-comune-di-esempio-2026-2028.pdf",
        "audit-comune-di-incompleto-2026-2028.docx",
        "audit-comune-di-incompleto-2026-2028.html",
        "audit-comune-di-incompleto-2026-2028.pdf",
        "audit-comune-di-sangano-2025-2027.docx",
        "audit-comune-di-sangano-2025-2027.html",
        "audit-comune-di-sangano-2025-2027.pdf",
        "audit-riepilogo.csv",
    ]
    pdf = (out / "audit-comune-di-incompleto-2026-2028.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert "Comune di Incompleto 2026-2028:" in verbali.output


def test_audit_refuses_an_output_folder_inside_a_plan(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    result = run_cli("audit", str(plan), "--out", str(plan / "audit"))
    assert result.exit_code == 2
    assert not (plan / "audit").exists()


def test_the_l296_cap_is_its_own_element_not_the_dm_2020_capacity(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(EXAMPLE)
    fp = plan / "fabbisogni_personale.yaml"
    fp.write_text(
        fp.read_text(encoding="utf-8").replace("{2026: 5204000.00,", "{2026: 5700000.00,"),
        encoding="utf-8",
    )
    esiti = {e.elemento.id: e for e in audit_plan(plan).esiti}
    limite = esiti["3.3.1 c)"]
    assert "L. 296/2006" in limite.elemento.titolo
    assert "DM-17-03-2020" not in limite.elemento.basis
    assert (limite.stato, [f.code for f in limite.rilievi]) == ("incompleto", ["FP015"])
    assert esiti["3.3.1 b)"].stato == "presente"  # the capacity of DM 17/3/2020 is not affected


def test_the_l296_cap_does_not_apply_to_an_ente_other_than_a_comune(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(EXAMPLE)
    anagrafica = plan / "anagrafica.yaml"
    anagrafica.write_text(
        anagrafica.read_text(encoding="utf-8").replace(
            "tipologia: comune", "tipologia: unione_di_comuni"
        ),
        encoding="utf-8",
    )
    fp = plan / "fabbisogni_personale.yaml"
    testo = fp.read_text(encoding="utf-8")
    inizio = testo.index("limite_spesa:")
    fp.write_text(testo[:inizio] + testo[testo.index("cessazioni:") :], encoding="utf-8")
    esiti = {e.elemento.id: e.stato for e in audit_plan(plan).esiti}
    assert esiti["3.3.1 c)"] == "non_applicabile"
