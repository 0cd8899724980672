"""Sottosezione 3.3 as real comuni write it (issue 13, research memo patterns 17-25): yearly
totals without a profile, profile totals over the triennio, hires without a cost, funding
outside the hiring capacity, ordered or alternative methods, several destination units.
Each shape is checked, printed and published through the public interfaces."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from piao import check_plan
from piao.loading.roundtrip import dump_text, load_text
from piao.publish.opendata import tabelle
from piao.render.document import Definizioni, Elenco, Sezione, Tabella
from piao.render.view import build_view
from tests.conftest import EXAMPLE, edit, run_cli

# Perugia, PTFP 2026-2028 (Giunta, 02/2026; research memo §1.9): yearly totals only, and
# the DUP 2026-2028 budget «147.667 euro annui per nuove assunzioni».
TOTALI_PERUGIA = {
    2026: {"cessazioni": 24, "assunzioni": 66},
    2027: {"cessazioni": 26, "assunzioni": 47},
    2028: {"cessazioni": 32, "assunzioni": 34},
}
ASSUNZIONI_REALI: list[dict[str, Any]] = [
    # Perugia, PTFP 2022-2024: profiles only as triennio totals, no method, no cost.
    {
        "codice": "ASS-TEC",
        "anno": "triennio",
        "area": "operatori_esperti",
        "profilo": "Collaboratore professionale tecnico",
        "numero": 19,
    },
    {"codice": "ASS-INF", "anno": "triennio", "profilo": "Informatico", "numero": 16},
    # Perugia, bilancio 2026-2028: social workers paid by the Fondo povertà, psychologists by
    # a ministry grant.
    {
        "codice": "ASS-AS",
        "anno": 2026,
        "area": "funzionari_eq",
        "profilo": "Assistente sociale",
        "numero": 4,
        "finanziamento": {
            "fonte": "fondo_poverta",
            "fuori_capacita": True,
            "norma": "Art. 1 c.797 L. 178/2020; Corte dei conti Lombardia, del. 65/2021",
        },
    },
    {
        "codice": "ASS-PSI",
        "anno": 2026,
        "area": "funzionari_eq",
        "profilo": "Psicologo",
        "numero": 4,
        "finanziamento": {
            "fonte": "contributo_ministeriale",
            "descrizione": "Équipe multidisciplinari delle zone sociali",
        },
    },
    # Lamezia Terme, PIAO 2025-2027 Allegato B: art. 3-bis DL 80/2021 through the ASMEL
    # agreement, after voluntary mobility.
    {
        "codice": "ASS-FAC",
        "anno": 2026,
        "area": "funzionari_eq",
        "profilo": "Funzionario amministrativo contabile",
        "numero": 2,
        "modalita": [
            {"tipo": "mobilita", "norma": "Art. 30 D.Lgs. 165/2001"},
            {
                "tipo": "elenchi_idonei",
                "norma": "Art. 3-bis DL 80/2021",
                "accordo": "Adesione accordo Asmel, deliberazione di Giunta n. 282 del 22/09/2022",
            },
        ],
    },
    # Sangano, DGC 63/2025: interpello on shared lists valid until 31/01/2026, then another way.
    {
        "codice": "ASS-FT",
        "anno": 2026,
        "area": "funzionari_eq",
        "profilo": "Funzionario tecnico",
        "unita": ["UO-LLPP", "UO-URB"],
        "numero": 1,
        "modalita": [
            {"tipo": "elenchi_idonei", "norma": "L. 113/2021", "valida_fino_al": "2026-01-31"},
            {"tipo": "concorso"},
        ],
    },
    # Perugia, PTFP 2020-2022: part-time to full-time, secondments turned into transfers.
    {
        "codice": "ASS-PT",
        "anno": 2027,
        "area": "istruttori",
        "numero": 2,
        "modalita": "trasformazione_tempo_pieno",
        "costo_annuo": 4000.00,
    },
    {
        "codice": "ASS-CM",
        "anno": 2027,
        "area": "istruttori",
        "numero": 2,
        "modalita": "comando_in_mobilita",
    },
]


@pytest.fixture
def reale(plan_copy: Callable[[Path], Path]) -> Path:
    """The example plan with a 3.3 written the way the real plans above write it."""
    plan = plan_copy(EXAMPLE)
    path = plan / "fabbisogni_personale.yaml"
    data = load_text(path.read_text(encoding="utf-8"))
    data["cessazioni"] = []
    data["totali_annui"] = TOTALI_PERUGIA
    data["spesa_nuove_assunzioni"] = {2026: 147667.00, 2027: 147667.00, 2028: 147667.00}
    data["assunzioni"] = ASSUNZIONI_REALI
    text = dump_text(data).replace("'2026-01-31'", "2026-01-31")
    path.write_text(text, encoding="utf-8")
    return plan


def _sezione_3_3(plan: Path) -> Sezione:
    piano = check_plan(plan).piano
    assert piano is not None
    doc = build_view(piano)
    return next(s for s in doc.tutte() if s.numero == "3.3.1")


def _spazi(testo: str) -> str:
    """Babel writes «8.000,00\u00a0€»: compare with plain spaces."""
    return testo.replace("\u00a0", " ")


def _tabella(blocchi: tuple[object, ...], didascalia: str) -> Tabella:
    return next(
        b for b in blocchi if isinstance(b, Tabella) and b.didascalia.startswith(didascalia)
    )


def test_real_shapes_load_and_only_the_missing_costs_are_reported(reale: Path) -> None:
    report = check_plan(reale).report
    assert report.success
    assert [f.code for f in report.active] == ["FP014"]
    # The hire outside the capacity needs no cost; the others are named.
    assert "ASS-TEC, ASS-INF, ASS-PSI, ASS-FAC, ASS-FT e ASS-CM" in report.active[0].message


def test_a_missing_cost_is_nd_never_zero_and_totals_say_partial(reale: Path) -> None:
    sezione = _sezione_3_3(reale)
    per_anno = _tabella(sezione.blocchi, "Assunzioni programmate per anno")
    righe = {r[0]: tuple(map(_spazi, r)) for r in per_anno.righe}
    assert righe["2026"][2] == "n.d."
    assert righe["2027"][2] == "8.000,00 € (parziale)"
    assert righe["Triennio"][1:3] == ("35", "n.d.")
    assert per_anno.totale is not None
    assert _spazi(per_anno.totale[2]) == "8.000,00 € (parziale)"
    assert righe["2026"][3] == "147.667,00 €"
    doc = build_view(check_plan(reale).piano)  # type: ignore[arg-type]
    allegato = next(s for s in doc.tutte() if s.ancora == "allegato-4")
    annesso = _tabella(allegato.blocchi, "Assunzioni programmate")
    costi = {r[0]: _spazi(r[-1]) for r in annesso.righe}
    assert costi["ASS-TEC"] == "n.d."
    assert costi["ASS-PT"] == "4.000,00 €"
    celle = [
        c
        for b in (*sezione.blocchi, *allegato.blocchi)
        if isinstance(b, Tabella)
        for riga in (*b.righe, b.totale or ())
        for c in riga
    ]
    assert "0,00 €" not in {_spazi(c) for c in celle}


def test_yearly_totals_methods_funding_and_units_are_printed(reale: Path) -> None:
    sezione = _sezione_3_3(reale)
    totali = _tabella(sezione.blocchi, "Cessazioni e assunzioni per anno")
    assert totali.righe[0] == ("2026", "24", "66")
    assert totali.totale == ("Totale", "82", "147")
    capacita = next(
        b
        for b in sezione.blocchi
        if isinstance(b, Definizioni)
        and (b.didascalia or "").startswith("Capacità assunzionale (art")
    )
    fuori = dict(capacita.righe)["Assunzioni finanziate fuori dalla capacità assunzionale"]
    assert fuori.startswith("ASS-AS (4 posti, Fondo povertà; Art. 1 c.797 L. 178/2020")
    doc = build_view(check_plan(reale).piano)  # type: ignore[arg-type]
    allegato = next(s for s in doc.tutte() if s.ancora == "allegato-4")
    righe = {r[0]: r for r in _tabella(allegato.blocchi, "Assunzioni programmate").righe}
    assert righe["ASS-FAC"][6] == "Mobilità, poi interpello sugli elenchi di idonei"
    assert (
        righe["ASS-FT"][4]
        == "Settore Lavori pubblici e patrimonio; Settore Urbanistica, edilizia privata e ambiente"
    )
    assert righe["ASS-PSI"][7] == "Contributo ministeriale"
    assert righe["ASS-AS"][7] == "Fondo povertà (fuori capacità)"
    assert righe["ASS-INF"][2] == ""
    note = next(b for b in allegato.blocchi if isinstance(b, Elenco))
    sangano = next(v for v in note.voci if v.startswith("ASS-FT"))
    assert (
        "1) interpello sugli elenchi di idonei (L. 113/2021, utilizzabile fino al 31 gennaio 2026) 2) concorso"
        in sangano
    )
    lamezia = next(v for v in note.voci if v.startswith("ASS-FAC"))
    assert (
        "accordo: Adesione accordo Asmel, deliberazione di Giunta n. 282 del 22/09/2022" in lamezia
    )


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_open_data_keep_empty_cells_and_the_new_columns(reale: Path) -> None:
    piano = check_plan(reale).piano
    assert piano is not None
    tabs = {t.file: t for t in tabelle(piano)}
    assunzioni = {r["codice"]: r for r in _csv(tabs["assunzioni.csv"].csv())}
    assert assunzioni["ASS-TEC"]["costo_annuo"] == ""
    assert assunzioni["ASS-TEC"]["anno"] == "triennio"
    assert assunzioni["ASS-FAC"]["modalita"] == "mobilita elenchi_idonei"
    assert assunzioni["ASS-FAC"]["ordine_modalita"] == "in_subordine"
    assert assunzioni["ASS-FT"]["unita"] == "UO-LLPP UO-URB"
    assert (
        assunzioni["ASS-AS"]["fonte_finanziamento"],
        assunzioni["ASS-AS"]["fuori_capacita"],
    ) == (
        "fondo_poverta",
        "sì",
    )
    spesa = {r["anno"]: r for r in _csv(tabs["spesa-personale.csv"].csv())}
    assert spesa["2026"]["assunzioni_dichiarate"] == "66"
    assert spesa["2026"]["spesa_nuove_assunzioni"] == "147667"
    assert spesa["2026"]["limite_l296_valore"] == "5612400"
    assert spesa["triennio"]["posti_assunzioni"] == "35"


def test_diff_reports_a_method_that_becomes_an_ordered_list(
    plan_copy: Callable[[Path], Path], tmp_path: Path
) -> None:
    prima = plan_copy(EXAMPLE)
    dopo = tmp_path / "dopo"
    shutil.copytree(prima, dopo)
    edit(
        dopo / "fabbisogni_personale.yaml",
        "    unita: UO-SIS\n    numero: 1\n    modalita: concorso\n",
        "    unita: [UO-SIS, UO-SEG]\n    numero: 1\n    modalita: [{tipo: mobilita}, {tipo: concorso}]\n",
    )
    result = run_cli("diff", str(prima), str(dopo), "--format", "json")
    assert result.exit_code == 0
    cambi = json.loads(result.output)["cambi"]
    ass01 = next(c for c in cambi if c["codice"] == "ASS-01")
    assert {m["campo"] for m in ass01["modifiche"]} == {"unita", "modalita"}
