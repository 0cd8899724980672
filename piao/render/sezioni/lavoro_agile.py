"""Sottosezione 3.2 Organizzazione del lavoro agile (`lavoro_agile.yaml`)."""

from __future__ import annotations

from piao.model.lavoro_agile import LavoroAgile
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Definizioni, Elenco, Paragrafo, testo
from piao.render.formatting import numero
from piao.render.indicatori import tabella_indicatori
from piao.render.parte import Parte
from piao.render.tabelle import definizioni, tabella_annuale

NON_INDICATO = "non indicato"


def costruisci(ctx: Contesto, la: LavoroAgile) -> Parte:
    blocchi: list[Blocco] = testo(la.strategia)
    if la.contratto_collettivo:
        blocchi.append(
            Paragrafo(f"Contratto collettivo di riferimento: {la.contratto_collettivo}.")
        )
    if la.regolamento is not None:
        blocchi.append(Paragrafo(f"Regolamento: {la.regolamento.atto}."))
    r = la.requisiti
    blocchi.append(
        Definizioni(
            (
                (
                    "Servizi agli utenti non pregiudicati né ridotti",
                    r.invarianza_servizi or NON_INDICATO,
                ),
                (
                    "Rotazione e prevalenza del lavoro in presenza",
                    r.rotazione_prevalenza_presenza or NON_INDICATO,
                ),
                ("Piattaforme e riservatezza dei dati", r.piattaforme_riservatezza or NON_INDICATO),
                ("Smaltimento del lavoro arretrato", r.smaltimento_arretrato or NON_INDICATO),
                ("Dotazione informatica", r.dotazioni_informatiche or NON_INDICATO),
            ),
            "Contenuti obbligatori (art. 4 c.1 lett. b DM 132/2022)",
        )
    )
    if la.condizioni_abilitanti is not None:
        c = la.condizioni_abilitanti
        blocchi.append(
            definizioni(
                "Condizioni abilitanti",
                ("Organizzative", c.organizzative),
                ("Tecnologiche", c.tecnologiche),
                ("Competenze", c.competenze),
            )
        )
    if la.accordo_individuale:
        blocchi.append(Paragrafo(f"Accordo individuale: {la.accordo_individuale}"))
    if la.giornate_agili_max_settimana is not None:
        blocchi.append(
            Paragrafo(
                f"Giornate di lavoro agile: al massimo {la.giornate_agili_max_settimana} alla settimana per lavoratore."
            )
        )
    if la.attivita_compatibili:
        blocchi += [
            Paragrafo("Attività che possono essere svolte in modalità agile:"),
            Elenco(tuple(la.attivita_compatibili)),
        ]
    if la.attivita_escluse:
        blocchi += [Paragrafo("Attività escluse:"), Elenco(tuple(la.attivita_escluse))]
    if la.lavoratori_agili:
        blocchi.append(
            tabella_annuale("Lavoratori in lavoro agile previsti", la.lavoratori_agili, numero)
        )
    if la.obiettivi:
        blocchi.append(
            tabella_indicatori(
                "Obiettivi del lavoro agile",
                ((f"{o.codice} {o.titolo}", o.indicatori) for o in la.obiettivi),
                ctx.anni,
            )
        )
    if la.contributo_performance:
        blocchi += [
            Paragrafo("Contributo alla performance:"),
            Elenco(tuple(la.contributo_performance)),
        ]
    return Parte(tuple(blocchi))
