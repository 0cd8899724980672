"""Sezione 4 Monitoraggio (`monitoraggio.yaml`)."""

from __future__ import annotations

from piao.model.monitoraggio import Monitoraggio
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Paragrafo, testo
from piao.render.etichette import etichetta
from piao.render.formatting import data, se
from piao.render.parte import Parte
from piao.render.tabelle import Colonna, tabella


def costruisci(ctx: Contesto, mo: Monitoraggio) -> Parte:
    blocchi: list[Blocco] = testo(mo.introduzione)
    blocchi.append(
        tabella(
            "Monitoraggio per sezione",
            mo.sezioni,
            # A number («2.3») is printed as is; a key («pari_opportunita») as its label.
            Colonna(
                "Sezione",
                10,
                lambda s: s.sezione if s.sezione[0].isdigit() else etichetta(s.sezione),
            ),
            Colonna("Soggetti", 22, lambda s: ", ".join(s.soggetti)),
            Colonna("Strumenti", 26, lambda s: ", ".join(s.strumenti)),
            Colonna("Periodicità", 12, lambda s: s.periodicita or ""),
            Colonna("Modalità", 30, lambda s: s.modalita or ""),
        )
    )
    if mo.soddisfazione_utenti:
        blocchi.append(
            tabella(
                "Rilevazioni della soddisfazione degli utenti",
                mo.soddisfazione_utenti,
                Colonna("Codice", 9, lambda r: r.codice),
                Colonna("Strumento", 30, lambda r: r.strumento),
                Colonna("Servizi", 30, lambda r: ", ".join(r.servizi)),
                Colonna("Periodicità", 12, lambda r: r.periodicita or ""),
                Colonna("Responsabile", 19, lambda r: ctx.unita(r.responsabile)),
            )
        )
    if mo.report_integrato is not None:
        ri = mo.report_integrato
        blocchi.append(
            Paragrafo(
                "Relazione annuale integrata"
                + se(" a cura di ", ri.soggetto)
                + (f", entro il {data(ri.scadenza)}" if ri.scadenza else "")
                + se(": ", ri.contenuti)
                + "."
            )
        )
    return Parte(tuple(blocchi))
