"""Sottosezione 3.1 Struttura organizzativa (`organizzazione.yaml`)."""

from __future__ import annotations

from piao.model.organizzazione import Organizzazione
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Paragrafo, testo
from piao.render.etichette import etichetta
from piao.render.formatting import data, numero, se
from piao.render.parte import Parte
from piao.render.tabelle import Colonna, tabella


def costruisci(ctx: Contesto, org: Organizzazione) -> Parte:
    blocchi: list[Blocco] = testo(org.modello_organizzativo)
    if org.atto_organizzazione:
        blocchi.append(Paragrafo(f"Riferimento: {org.atto_organizzazione}."))
    blocchi.append(
        tabella(
            "Unità organizzative",
            org.unita,
            Colonna("Codice", 9, lambda u: u.codice),
            Colonna("Unità", 27, lambda u: u.denominazione, totale="Totale"),
            Colonna("Tipo", 9, lambda u: etichetta(u.tipo)),
            Colonna("Dipende da", 20, lambda u: ctx.unita(u.padre)),
            Colonna("Responsabile", 17, lambda u: u.responsabile or ""),
            Colonna("Incarico", 9, lambda u: etichetta(u.incarico) if u.incarico else ""),
            Colonna(
                "Personale",
                9,
                lambda u: numero(u.dipendenti),
                totale=numero(sum(u.dipendenti or 0 for u in org.unita)),
            ),
        )
    )
    if org.livelli_responsabilita:
        blocchi.append(
            tabella(
                "Livelli di responsabilità",
                org.livelli_responsabilita,
                Colonna("Livello", 30, lambda x: x.livello),
                Colonna("Descrizione", 55, lambda x: x.descrizione or ""),
                Colonna("Numero", 15, lambda x: numero(x.numero)),
            )
        )
    if org.interventi:
        blocchi.append(
            tabella(
                "Interventi organizzativi programmati",
                org.interventi,
                Colonna("Codice", 9, lambda i: i.codice),
                Colonna(
                    "Intervento",
                    52,
                    lambda i: i.titolo + se(": ", i.descrizione),
                ),
                Colonna("Valore pubblico", 27, lambda i: ctx.valore_pubblico(i.valore_pubblico)),
                Colonna("Scadenza", 12, lambda i: data(i.scadenza)),
            )
        )
    return Parte(tuple(blocchi))
