"""The figures of the document as geometry: boxes that must not overlap."""

from __future__ import annotations

import itertools

from piao.render.figures import Rettangolo, albero_performance


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
