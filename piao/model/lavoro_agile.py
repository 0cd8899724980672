"""Sottosezione 3.2 Organizzazione del lavoro agile (`lavoro_agile.yaml`), art. 4 c.1 lett. b DM 132/2022.

The five points each plan must provide (services not impaired, rotation with prevalence of
in-office work, secure platforms, a backlog plan, adequate devices), enabling conditions,
activities that can be done in agile mode, objectives and the contractual framework
(CCNL Funzioni Locali, individual agreements); the yearly figures (eligible staff, staff in
agile mode) and the state of play of the years already closed (agile days worked,
satisfaction surveys).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from piao.model.base import (
    Anno,
    Atto,
    Modello,
    NonNegativo,
    ObiettivoConIndicatori,
    Testo,
)


class Requisiti(Modello):
    """I cinque contenuti obbligatori dell'art. 4 c.1 lett. b DM 132/2022: come il piano li garantisce."""

    invarianza_servizi: Testo | None = None
    """Il lavoro agile non pregiudica né riduce i servizi agli utenti."""
    rotazione_prevalenza_presenza: Testo | None = None
    """Rotazione del personale in lavoro agile, con prevalenza del lavoro in presenza per ciascun lavoratore."""
    piattaforme_riservatezza: Testo | None = None
    """Piattaforma digitale o cloud e strumenti che garantiscono la massima riservatezza dei dati."""
    smaltimento_arretrato: Testo | None = None
    """Piano di smaltimento del lavoro arretrato, se presente."""
    dotazioni_informatiche: Testo | None = None
    """Dotazione informatica adeguata per il personale in lavoro agile."""


class CondizioniAbilitanti(Modello):
    """Le condizioni che rendono possibile il lavoro agile."""

    organizzative: Testo | None = None
    """Misure organizzative (lavoro per obiettivi, regolamento, accordi individuali)."""
    tecnologiche: Testo | None = None
    """Piattaforme, accesso da remoto, sicurezza."""
    competenze: Testo | None = None
    """Competenze digitali e manageriali, formazione."""


class AttuazioneAnno(Modello):
    """Lo stato di attuazione del lavoro agile in un anno concluso."""

    anno: Anno
    """Anno a cui si riferiscono i dati."""
    lavoratori_agili_potenziali: NonNegativo | None = None
    """Personale che svolgeva attività compatibili con il lavoro agile."""
    lavoratori_agili: NonNegativo | None = None
    """Lavoratori con un accordo individuale di lavoro agile."""
    giornate_svolte: NonNegativo | None = None
    """Giornate di lavoro agile effettivamente svolte nell'anno, in tutto l'ente."""
    soddisfazione: Testo | None = None
    """Esito delle indagini di soddisfazione (dei lavoratori o degli utenti) sul lavoro agile."""
    fonte: Testo | None = None
    """Da dove provengono i dati (rilevazione presenze, questionario, conto annuale...)."""


class LavoroAgile(Modello):
    """Sottosezione 3.2 Organizzazione del lavoro agile."""

    strategia: Testo | None = None
    """Strategia e obiettivi del lavoro agile e da remoto, coerenti con il contratto collettivo."""
    requisiti: Requisiti = Requisiti()
    """I cinque contenuti obbligatori."""
    condizioni_abilitanti: CondizioniAbilitanti | None = None
    """Condizioni abilitanti."""
    regolamento: Atto | None = None
    """Regolamento dell'ente sul lavoro agile e da remoto."""
    contratto_collettivo: Testo | None = None
    """Contratto collettivo di riferimento (es. «CCNL Funzioni Locali 2022-2024»)."""
    accordo_individuale: Testo | None = None
    """Contenuti dell'accordo individuale (durata, giornate, fasce di contattabilità, disconnessione)."""
    giornate_agili_max_settimana: NonNegativo | None = None
    """Numero massimo di giornate di lavoro agile a settimana per lavoratore."""
    giornate_agili_max_mese: NonNegativo | None = None
    """Numero massimo di giornate di lavoro agile al mese per lavoratore (se il limite è mensile)."""
    giornate_agili_max_anno: NonNegativo | None = None
    """Quota annua: numero massimo di giornate di lavoro agile all'anno per lavoratore (se il limite è annuale)."""
    giornate_lavorative_settimana: Annotated[int, Field(ge=1, le=6)] | None = None
    """Giornate lavorative della settimana su cui si calcola la prevalenza del lavoro in presenza
    (5 se non indicato; 4 nella settimana corta prevista in via sperimentale dal CCNL 2022-2024)."""
    attivita_compatibili: list[Testo] = []
    """Attività che possono essere svolte in modalità agile."""
    attivita_escluse: list[Testo] = []
    """Attività che richiedono la presenza."""
    lavoratori_agili_potenziali: dict[Anno, NonNegativo] = {}
    """Personale che svolge attività compatibili con il lavoro agile, previsto per anno."""
    lavoratori_agili: dict[Anno, NonNegativo] = {}
    """Numero di lavoratori in lavoro agile previsto per anno."""
    obiettivi: list[ObiettivoConIndicatori] = []
    """Obiettivi del lavoro agile, con indicatori."""
    contributo_performance: list[Testo] = []
    """Come il lavoro agile contribuisce alla performance (qualità percepita, assenze, soddisfazione degli utenti)."""
    stato_attuazione: list[AttuazioneAnno] = []
    """Stato di attuazione negli anni conclusi: lavoratori agili, giornate svolte, soddisfazione."""
