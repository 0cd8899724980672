"""Sottosezione 2.2 Performance (`performance.yaml`)."""

from __future__ import annotations

from piao.model.performance import Performance
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Paragrafo, testo
from piao.render.etichette import etichetta
from piao.render.formatting import data, numero
from piao.render.indicatori import tabella_indicatori
from piao.render.parte import Parte
from piao.render.tabelle import Colonna, tabella


def costruisci(ctx: Contesto, pf: Performance) -> Parte:
    blocchi: list[Blocco] = testo(pf.introduzione)
    if pf.sistema_misurazione is not None:
        blocchi.append(
            Paragrafo(
                f"Sistema di misurazione e valutazione della performance: {pf.sistema_misurazione.atto} del {data(pf.sistema_misurazione.data)}."
            )
        )
    blocchi.append(
        tabella(
            "Obiettivi di performance organizzativa",
            pf.obiettivi,
            Colonna("Codice", 10, lambda o: o.codice),
            Colonna("Obiettivo", 30, lambda o: o.titolo),
            Colonna("Tipo", 14, lambda o: ", ".join(etichetta(t) for t in o.tipi)),
            Colonna("Valore pubblico", 24, lambda o: ctx.valore_pubblico(o.valore_pubblico)),
            Colonna("Unità responsabile", 16, lambda o: ctx.unita(o.unita_responsabile)),
            Colonna("Peso", 6, lambda o: numero(o.peso)),
        )
    )
    blocchi.append(
        tabella_indicatori(
            "Indicatori e target degli obiettivi di performance",
            ((o.codice, o.indicatori) for o in pf.obiettivi),
            ctx.anni,
        )
    )
    return Parte(tuple(blocchi))
