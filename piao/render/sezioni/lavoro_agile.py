"""Sottosezione 3.2 Organizzazione del lavoro agile (`lavoro_agile.yaml`)."""

from __future__ import annotations

from piao.lingua import elenco
from piao.model.lavoro_agile import LavoroAgile
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Definizioni, Elenco, Paragrafo, testo
from piao.render.formatting import numero, percentuale
from piao.render.indicatori import tabella_indicatori
from piao.render.parte import Parte
from piao.render.tabelle import Colonna, definizioni, tabella, tabella_annuale

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
    limiti = _limiti(la)
    if limiti:
        blocchi.append(Paragrafo(f"Giornate di lavoro agile: al massimo {limiti} per lavoratore."))
    if la.giornate_lavorative_settimana is not None:
        blocchi.append(
            Paragrafo(
                f"La prevalenza del lavoro in presenza è calcolata su {la.giornate_lavorative_settimana} "
                "giornate lavorative alla settimana."
            )
        )
    if la.attivita_compatibili:
        blocchi += [
            Paragrafo("Attività che possono essere svolte in modalità agile:"),
            Elenco(tuple(la.attivita_compatibili)),
        ]
    if la.attivita_escluse:
        blocchi += [Paragrafo("Attività escluse:"), Elenco(tuple(la.attivita_escluse))]
    if la.lavoratori_agili_potenziali:
        blocchi.append(_previsioni(la))
    elif la.lavoratori_agili:
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
    if la.stato_attuazione:
        blocchi.append(_attuazione(la))
    return Parte(tuple(blocchi))


def _limiti(la: LavoroAgile) -> str:
    """«2 alla settimana, 8 al mese e 80 all'anno»."""
    return elenco(
        [
            f"{n} {per}"
            for n, per in (
                (la.giornate_agili_max_settimana, "alla settimana"),
                (la.giornate_agili_max_mese, "al mese"),
                (la.giornate_agili_max_anno, "all'anno"),
            )
            if n is not None
        ]
    )


def _previsioni(la: LavoroAgile) -> Blocco:
    """Eligible staff and staff in agile mode, one row per year of either map."""

    def quota(anno: int) -> str:
        potenziali, agili = la.lavoratori_agili_potenziali.get(anno), la.lavoratori_agili.get(anno)
        return percentuale(100 * agili / potenziali, 1) if potenziali and agili is not None else ""

    anni = sorted(set(la.lavoratori_agili_potenziali) | set(la.lavoratori_agili))
    return tabella(
        "Personale con attività compatibili e lavoratori in lavoro agile previsti",
        anni,
        Colonna[int]("Anno", 16, str),
        Colonna[int](
            "Personale con attività compatibili",
            30,
            lambda a: numero(la.lavoratori_agili_potenziali.get(a)),
        ),
        Colonna[int](
            "Lavoratori in lavoro agile", 30, lambda a: numero(la.lavoratori_agili.get(a))
        ),
        Colonna[int]("Quota", 24, quota),
    )


def _attuazione(la: LavoroAgile) -> Blocco:
    return tabella(
        "Stato di attuazione del lavoro agile",
        sorted(la.stato_attuazione, key=lambda a: a.anno),
        Colonna("Anno", 8, lambda a: str(a.anno)),
        Colonna(
            "Personale con attività compatibili",
            16,
            lambda a: numero(a.lavoratori_agili_potenziali),
        ),
        Colonna("Lavoratori in lavoro agile", 14, lambda a: numero(a.lavoratori_agili)),
        Colonna("Giornate svolte", 12, lambda a: numero(a.giornate_svolte)),
        Colonna("Soddisfazione", 34, lambda a: a.soddisfazione or ""),
        Colonna("Fonte", 16, lambda a: a.fonte or ""),
    )
