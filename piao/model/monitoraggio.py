"""Sezione 4 Monitoraggio (`monitoraggio.yaml`), art. 5 DM 132/2022.

For each section: who monitors, when and how (2.1-2.2 under arts. 6 and 10 D.Lgs. 150/2009,
2.3 under ANAC's methods, section 3 by the OIV / Nucleo di valutazione); user-satisfaction
surveys; the annual integrated report.
"""

from __future__ import annotations

import datetime
from typing import Literal

from piao.model.base import (
    Codice,
    CodiceUnita,
    Modello,
    Periodicita,
    Testo,
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


class ReportIntegrato(Modello):
    """La relazione annuale integrata sui risultati del piano."""

    soggetto: Testo | None = None
    """Chi la redige."""
    scadenza: datetime.date | None = None
    """Termine."""
    contenuti: Testo | None = None
    """Che cosa contiene."""


class Monitoraggio(Modello):
    """Sezione 4 Monitoraggio."""

    introduzione: Testo | None = None
    """Impostazione generale del monitoraggio."""
    sezioni: list[MonitoraggioSezione] = []
    """Monitoraggio per sezione."""
    soddisfazione_utenti: list[RilevazioneSoddisfazione] = []
    """Rilevazioni della soddisfazione degli utenti."""
    report_integrato: ReportIntegrato | None = None
    """Relazione annuale integrata."""
    piattaforme: list[Literal["portale_piao", "piattaforma_anac", "altro"]] = []
    """Piattaforme su cui si trasmettono i dati del monitoraggio."""
