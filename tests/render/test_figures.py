"""The figures of the document as geometry: boxes that must not overlap."""

from __future__ import annotations

import datetime
import itertools

from piao import check_plan
from piao.render import figures
from piao.render.document import Figura
from piao.render.figures import Rettangolo, albero_performance
from piao.render.view import build_view
from tests.conftest import EXAMPLE


def test_public_value_objectives_without_performance_objectives_do_not_overlap() -> None:
    rami = (
        ("VP-01", "Un obiettivo senza obiettivi di performance", ()),
        ("VP-02", "Un altro obiettivo senza obiettivi di performance", ()),
        ("VP-03", "Con un obiettivo", (("OBP-01", "Obiettivo", ("IND-1 Indicatore",)),)),
    )
    disegno = albero_performance(rami, "Albero")
    colonna_vp = min(e.x for e in disegno.elementi if isinstance(e, Rettangolo))
    riquadri = sorted(
        (e.y, e.y + e.h)
        for e in disegno.elementi
        if isinstance(e, Rettangolo) and e.x == colonna_vp
    )
    assert len(riquadri) == 3
    for (_, fine), (inizio, _) in itertools.pairwise(riquadri):
        assert fine <= inizio
    testi = [e.testo for e in disegno.elementi if hasattr(e, "testo")]
    assert testi.count("nessun obiettivo di performance") == 2


def test_tree_draws_phases_of_milestone_objectives_and_internal_value_objectives() -> None:
    piano = check_plan(EXAMPLE).piano
    assert piano is not None
    doc = build_view(piano, oggi=datetime.date(2026, 11, 22))
    alberi = [
        b
        for s in doc.tutte()
        for b in s.blocchi
        if isinstance(b, Figura) and b.didascalia.startswith("Albero della performance")
    ]
    testi = [e.testo for f in alberi for e in f.disegno.elementi if isinstance(e, figures.Testo)]
    assert "Fase 1: Migrazione dei contenuti (peso 60)" in testi
    assert "Fase 2: Pubblicazione del nuovo sito (peso 40)" in testi
    assert "SAL-01" in testi
    assert "nessun indicatore" not in testi
