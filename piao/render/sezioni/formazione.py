"""Sottosezione 3.3.2 Formazione del personale (`formazione.yaml`)."""

from __future__ import annotations

from piao.model.formazione import Formazione, Syllabus
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Paragrafo, testo
from piao.render.etichette import etichetta
from piao.render.formatting import data, euro, numero, percentuale
from piao.render.parte import Parte
from piao.render.tabelle import Colonna, tabella, tabella_annuale


def _syllabus(s: Syllabus) -> Paragrafo:
    testo = "Adesione a Syllabus: " + (
        "sì" + (f", dal {data(s.data_adesione)}" if s.data_adesione else "") if s.adesione else "no"
    )
    if s.copertura_personale:
        testo += "; personale formato: " + ", ".join(
            f"{percentuale(v, 0)} nel {a}" for a, v in sorted(s.copertura_personale.items())
        )
    return Paragrafo(testo + ".")


def costruisci(ctx: Contesto, fo: Formazione) -> Parte:
    blocchi: list[Blocco] = testo(fo.introduzione)
    if fo.priorita:
        blocchi.append(
            tabella(
                "Priorità strategiche di formazione",
                fo.priorita,
                Colonna("Codice", 10, lambda p: p.codice),
                Colonna("Priorità", 30, lambda p: p.titolo),
                Colonna("Descrizione", 60, lambda p: p.descrizione or ""),
            )
        )
    if fo.ore_pro_capite:
        blocchi.append(
            tabella_annuale("Ore di formazione per dipendente", fo.ore_pro_capite, numero)
        )
    if fo.syllabus is not None:
        blocchi.append(_syllabus(fo.syllabus))
    if fo.corsi:
        blocchi.append(
            tabella(
                "Iniziative di formazione",
                fo.corsi,
                Colonna("Codice", 8, lambda c: c.codice),
                Colonna(
                    "Corso", 32, lambda c: c.titolo + (" (obbligatorio)" if c.obbligatorio else "")
                ),
                Colonna("Tema", 14, lambda c: etichetta(c.tema)),
                Colonna("Ore", 6, lambda c: numero(c.ore)),
                Colonna("Destinatari", 18, lambda c: c.destinatari or ""),
                Colonna("Partecipanti", 10, lambda c: numero(c.partecipanti)),
                Colonna(
                    "Modalità",
                    12,
                    lambda c: (
                        (etichetta(c.modalita) if c.modalita else "")
                        + (" — Syllabus" if c.syllabus else "")
                    ),
                ),
            )
        )
    for nome, contenuto in (
        ("Risorse interne", fo.risorse_interne),
        ("Risorse esterne", fo.risorse_esterne),
        ("Incentivi allo studio", fo.incentivi_studio),
        ("Collegamento con la valutazione", fo.collegamento_valutazione),
    ):
        if contenuto:
            blocchi.append(Paragrafo(f"{nome}: {contenuto}"))
    if fo.budget:
        blocchi.append(tabella_annuale("Risorse finanziarie per la formazione", fo.budget, euro))
    return Parte(tuple(blocchi))
