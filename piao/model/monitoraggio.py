"""Sezione 4 Monitoraggio (`monitoraggio.yaml`), art. 5 DM 132/2022.

For each section: who monitors, when and how (2.1-2.2 under arts. 6 and 10 D.Lgs. 150/2009,
2.3 under ANAC's methods, section 3 by the OIV / Nucleo di valutazione); user-satisfaction
surveys; the service charters with their quality standards (art. 32 D.Lgs. 33/2013), to
which a survey may refer and which stand for the user side where no survey exists; the
annual integrated report.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import model_validator

from piao.model.base import (
    Atto,
    Codice,
    CodiceUnita,
    Data,
    Modello,
    Percentuale,
    Periodicita,
    Testo,
    Url,
    riferimento,
)

SezionePiao = Literal["2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "formazione", "pari_opportunita"]


class MonitoraggioSezione(Modello):
    """Il monitoraggio di una sezione del piano."""

    sezione: SezionePiao
    """Sezione o sottosezione monitorata."""
    soggetti: list[Testo] = []
    """Chi svolge il monitoraggio."""
    strumenti: list[Testo] = []
    """Strumenti (report, verifiche, audit...)."""
    periodicita: Periodicita | None = None
    """Frequenza."""
    modalita: Testo | None = None
    """Come si svolge e come si usano i risultati."""


class CartaServizi(Modello):
    """Una carta dei servizi con i suoi standard di qualità."""

    codice: Codice
    denominazione: Testo
    """Nome della carta (es. «Carta dei servizi del Settore Servizi al cittadino»)."""
    servizi: list[Testo] = []
    """Servizi a cui si applica."""
    standard: list[Testo] = []
    """Standard di qualità garantiti agli utenti (es. «carta d'identità elettronica entro 5 giorni lavorativi»)."""
    atto: Atto | None = None
    """Atto che la approva."""
    url: Url | None = None
    """Pagina di pubblicazione (Amministrazione trasparente, «Servizi erogati - Carta dei servizi e standard di qualità»)."""
    verifica: Testo | None = None
    """Come si verifica il rispetto degli standard (reclami, indicatori, report) e chi lo fa."""
    periodicita: Periodicita | None = None
    """Frequenza della verifica."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile."""


CodiceCartaServizi = Annotated[Codice, riferimento("la carta dei servizi", "CartaServizi")]
"""The code of a service charter of monitoraggio.yaml."""


CodiceIndicatore = Annotated[Codice, riferimento("l'indicatore", "Indicatore")]
"""The code of an indicator anywhere in the plan."""


class RilevazioneSoddisfazione(Modello):
    """Una rilevazione della soddisfazione degli utenti."""

    codice: Codice
    strumento: Testo
    """Strumento (questionario, emoticon, focus group...)."""
    servizi: list[Testo] = []
    """Servizi oggetto della rilevazione."""
    periodicita: Periodicita | None = None
    """Frequenza."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile."""
    carta_servizi: CodiceCartaServizi | None = None
    """Codice della carta dei servizi di cui la rilevazione misura gli standard, se c'è."""
    indicatori: list[CodiceIndicatore] = []
    """Codici degli indicatori del piano misurati da questa rilevazione: il loro valore nel periodo è l'indice di soddisfazione della rilevazione (da 0 a 100), calcolato dai risultati del file di monitoraggio e non scritto a mano."""


class ReportIntegrato(Modello):
    """La relazione annuale integrata sui risultati del piano."""

    soggetto: Testo | None = None
    """Chi la redige."""
    scadenza: Data | None = None
    """Termine."""
    contenuti: Testo | None = None
    """Che cosa contiene."""


SOGLIA_RAGGIUNTO = 90.0
"""Default band thresholds of an achievement (percent): a piao convention, not the law's
(no act sets them; DOMAIN.md §13.3 names none); the plan may set its own."""
SOGLIA_PARZIALE = 50.0
TOLLERANZA_MANTENIMENTO = 5.0
"""Default tolerance of a «mantenimento» indicator, percent of its target (piao convention)."""

CodiceIndicatorePiano = Annotated[Codice, riferimento("l'indicatore", "Indicatore")]


class ParametriRaggiungimento(Modello):
    """Come si calcola il grado di raggiungimento degli indicatori nel monitoraggio (piao monitoraggio esito): fasce e corrispondenze decise dall'ente, spesso nel Sistema di misurazione e valutazione; la legge non fissa soglie."""

    soglia_raggiunto: Percentuale = SOGLIA_RAGGIUNTO
    """Percentuale di raggiungimento da cui un indicatore o un obiettivo è «raggiunto» (se non indicata: 90)."""
    soglia_parziale: Percentuale = SOGLIA_PARZIALE
    """Percentuale da cui è «parzialmente raggiunto»; sotto è «non raggiunto» (se non indicata: 50)."""
    tolleranza_mantenimento: Percentuale = TOLLERANZA_MANTENIMENTO
    """Per gli indicatori di mantenimento: scostamento dal target ammesso, in percentuale del target (se non indicata: 5)."""
    valori_qualitativi: dict[Testo, Percentuale] = {}
    """Per gli indicatori qualitativi: il raggiungimento di ciascun valore testuale, per tutti gli indicatori (es. {approvato: 100, "in approvazione": 50})."""
    qualitativi: dict[CodiceIndicatorePiano, dict[Testo, Percentuale]] = {}
    """Le stesse corrispondenze per un solo indicatore, per codice: prevalgono su quelle generali."""

    @model_validator(mode="after")
    def _ordine(self) -> ParametriRaggiungimento:
        if self.soglia_parziale > self.soglia_raggiunto:
            raise ValueError(
                "La soglia di «parzialmente raggiunto» («soglia_parziale») non può superare "
                "quella di «raggiunto» («soglia_raggiunto»)."
            )
        return self


class Monitoraggio(Modello):
    """Sezione 4 Monitoraggio."""

    introduzione: Testo | None = None
    """Impostazione generale del monitoraggio."""
    sezioni: list[MonitoraggioSezione] = []
    """Monitoraggio per sezione."""
    soddisfazione_utenti: list[RilevazioneSoddisfazione] = []
    """Rilevazioni della soddisfazione degli utenti."""
    carte_servizi: list[CartaServizi] = []
    """Carte dei servizi con gli standard di qualità: dove non c'è una rilevazione, il monitoraggio verifica il rispetto degli standard."""
    report_integrato: ReportIntegrato | None = None
    """Relazione annuale integrata."""
    piattaforme: list[Literal["portale_piao", "piattaforma_anac", "altro"]] = []
    """Piattaforme su cui si trasmettono i dati del monitoraggio."""
    raggiungimento: ParametriRaggiungimento | None = None
    """Come si calcola il raggiungimento nel monitoraggio: soglie delle fasce, tolleranza del mantenimento, corrispondenze dei valori qualitativi (se assente valgono le convenzioni di piao: 90 e 50 per cento, tolleranza 5 per cento)."""
