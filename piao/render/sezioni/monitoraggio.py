"""Sezione 4 Monitoraggio (`monitoraggio.yaml`)."""

from __future__ import annotations

from piao.model.monitoraggio import Monitoraggio, RilevazioneSoddisfazione
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Paragrafo, Tabella, testo
from piao.render.etichette import etichetta
from piao.render.formatting import data, se
from piao.render.parte import Parte
from piao.render.tabelle import Colonna, tabella


def _carte(ctx: Contesto, mo: Monitoraggio) -> Tabella:
    """The service charters: their standards and how their respect is verified."""
    return tabella(
        "Carte dei servizi e standard di qualità",
        mo.carte_servizi,
        Colonna("Codice", 8, lambda c: c.codice),
        Colonna(
            "Carta",
            23,
            lambda c: (
                c.denominazione
                + (f" ({c.atto.atto} del {data(c.atto.data)})" if c.atto else "")
                + se(" — ", c.url)
            ),
        ),
        Colonna("Servizi", 15, lambda c: ", ".join(c.servizi)),
        Colonna("Standard di qualità", 24, lambda c: "; ".join(c.standard)),
        Colonna(
            "Verifica",
            17,
            lambda c: (c.verifica or "") + se(" (", c.periodicita, ")"),
        ),
        Colonna("Responsabile", 13, lambda c: ctx.unita(c.responsabile)),
    )


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
            Colonna("Periodicità", 12, lambda s: etichetta(s.periodicita or "")),
            Colonna("Modalità", 30, lambda s: s.modalita or ""),
        )
    )
    carte = {c.codice: c.denominazione for c in mo.carte_servizi}
    if mo.soddisfazione_utenti:
        colonne = [
            Colonna[RilevazioneSoddisfazione]("Codice", 9, lambda r: r.codice),
            Colonna[RilevazioneSoddisfazione]("Strumento", 30, lambda r: r.strumento),
            Colonna[RilevazioneSoddisfazione]("Servizi", 30, lambda r: ", ".join(r.servizi)),
            Colonna[RilevazioneSoddisfazione](
                "Periodicità", 12, lambda r: etichetta(r.periodicita or "")
            ),
            Colonna[RilevazioneSoddisfazione](
                "Responsabile", 19, lambda r: ctx.unita(r.responsabile)
            ),
        ]
        if any(r.carta_servizi for r in mo.soddisfazione_utenti):
            colonne.append(
                Colonna[RilevazioneSoddisfazione](
                    "Carta dei servizi",
                    16,
                    lambda r: carte.get(r.carta_servizi or "", r.carta_servizi or ""),
                )
            )
        blocchi.append(
            tabella(
                "Rilevazioni della soddisfazione degli utenti", mo.soddisfazione_utenti, *colonne
            )
        )
    if mo.carte_servizi:
        blocchi.append(_carte(ctx, mo))
    if mo.report_integrato is not None:
        ri = mo.report_integrato
        blocchi.append(
            Paragrafo(
                "Relazione annuale integrata"
                + se(" a cura di ", ri.soggetto)
                + (f", entro il {data(ri.scadenza)}" if ri.scadenza else "")
                + se(": ", (ri.contenuti or "").rstrip("."))
                + "."
            )
        )
    return Parte(tuple(blocchi))
