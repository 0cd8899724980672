"""The corpus of real plans (`tests/real/<ente>/<triennio>/`, issue 13): plans rebuilt from the
published acts of real comuni, with their sources and fill-ins in a README beside each one.

Each plan checks with exactly the findings stated in `tests/real/<ente>/attesi.yaml` (every one
classified: real defect, gap in the sources, gap in the model, fill-in), renders, publishes and
audits; and the real values it holds reach the document and the open data. What the model
still cannot hold is listed, with its source, in the README beside each plan.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from piao import check_plan
from piao.audit import audit_plan
from piao.render import render_plan
from tests.conftest import OGGI, Uscite
from tests.rules.paths import written

REAL = Path(__file__).resolve().parent / "real"
PIANI = sorted(p for p in REAL.glob("*/*") if p.is_dir())
CLASSI = {"difetto", "lacuna_fonti", "lacuna_modello", "integrazione"}

pytestmark = pytest.mark.xdist_group("uscite-bozze")


@dataclass(frozen=True)
class Prodotto:
    piano: Path
    attesi: dict[str, Any]
    documento: str
    """The rendered HTML document, as plain text."""
    dati: str
    """Every CSV file of the published open data, concatenated."""
    sito: Path


def _testo(markup: str) -> str:
    markup = re.sub(r"<(style|script)\b.*?</\1>", " ", markup, flags=re.S)
    markup = re.sub(r"</?span\b[^>]*>", "", markup)  # inline: no space (figures kept whole)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def _attesi(piano: Path) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(piano.parent / "attesi.yaml")
    return data


@pytest.fixture(scope="module", params=PIANI, ids=lambda p: f"{p.parent.name}-{p.name}")
def prodotto(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, uscite: Uscite
) -> Prodotto:
    piano: Path = request.param
    out = tmp_path_factory.mktemp(piano.parent.name)
    # One render per plan: the HTML here, the PDF and DOCX through publish (shared).
    doc = render_plan(piano, out / "doc", formats=("html",), bozza=True, oggi=OGGI)
    sito = uscite.sito(piano, bozza=True)
    dati = "\n".join(p.read_text(encoding="utf-8") for p in sorted((sito / "dati").glob("*.csv")))
    return Prodotto(piano, _attesi(piano), _testo(doc.files[0].read_text("utf-8")), dati, sito)


def test_the_corpus_has_three_plans_each_with_readme_and_expected_findings() -> None:
    assert [f"{p.parent.name}/{p.name}" for p in PIANI] == [
        "lamezia-terme/2025-2027",
        "perugia/2026-2028",
        "sangano/2025-2027",
    ]
    for piano in PIANI:
        assert (piano.parent / "README.md").is_file()
        assert (piano.parent / "attesi.yaml").is_file()


@pytest.mark.parametrize("piano", PIANI, ids=lambda p: p.parent.name)
def test_findings_are_exactly_the_expected_ones(piano: Path) -> None:
    result = check_plan(piano)
    assert result.piano is not None, "the plan must load"
    trovati = []
    for f in result.report.findings:
        data = result.loaded.sources.data(f.location.file)
        dove = written(data, f.location.path) if f.location.path else ""
        trovati.append(f"{f.code} {f.location.file}{':' + dove if dove else ''}")
    rilievi = _attesi(piano)["rilievi"]
    for r in rilievi:
        assert r["classe"] in CLASSI, r
        assert r["motivo"].strip(), r
    assert sorted(trovati) == sorted(f"{r['codice']} {r['dove']}" for r in rilievi)


def test_render_publish_and_audit_run(prodotto: Prodotto) -> None:
    nomi = sorted(p.name for p in prodotto.sito.iterdir())
    assert [n.rsplit(".", 1)[1] for n in nomi if n.startswith("PIAO-")] == ["docx", "pdf"]
    assert "index.html" in nomi
    assert (prodotto.sito / "dati" / "piao.json").is_file()
    assert (prodotto.sito / "dati" / "unita-organizzative.csv").is_file()
    assert "BOZZA" in prodotto.documento
    audit = audit_plan(prodotto.piano)
    assert audit.punteggio() is not None


def test_real_values_reach_the_document(prodotto: Prodotto) -> None:
    mancanti = [v for v in prodotto.attesi["documento"] if str(v) not in prodotto.documento]
    assert not mancanti


def test_real_values_reach_the_open_data(prodotto: Prodotto) -> None:
    mancanti = [v for v in prodotto.attesi["dati_aperti"] if str(v) not in prodotto.dati]
    assert not mancanti
