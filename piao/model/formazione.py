"""Sottosezione 3.3 — Formazione del personale (`formazione.yaml`).

Training priorities, courses with topic, hours, recipients and Syllabus use, planned hours
per employee per year (Direttiva del Ministro PA 14/01/2025: at least 40 from 2025),
budget, and the link with performance objectives of managers.
"""

from __future__ import annotations

from typing import Annotated, Literal

from piao.model.base import (
    Anno,
    Codice,
    CodicePerformance,
    CodiceQualsiasi,
    Data,
    Importo,
    Modello,
    NonNegativo,
    Percentuale,
    Quantita,
    Testo,
    riferimento,
)

TemaFormazione = Literal[
    "anticorruzione",
    "etica_trasparenza_integrita",
    "contratti_pubblici",
    "digitale",
    "sicurezza_lavoro",
    "comunicazione_istituzionale",
    "lavoro_agile",
    "pianificazione_strategica",
    "protezione_dati",
    "amministrativo",
    "tecnico_specialistico",
    "manageriale",
    "linguistico",
    "transizione_ecologica",
    "pari_opportunita",
    "altro",
]


CodicePriorita = Annotated[Codice, riferimento("la priorità formativa", "PrioritaFormativa")]
"""The code of a training priority of this file."""


class PrioritaFormativa(Modello):
    """Una priorità strategica di formazione (riqualificazione o potenziamento delle competenze)."""

    codice: Codice
    titolo: Testo
    """Titolo della priorità."""
    descrizione: Testo | None = None
    """Fabbisogno formativo da cui nasce e a chi si rivolge."""


class Corso(Modello):
    """Un'iniziativa di formazione programmata."""

    codice: Codice
    titolo: Testo
    """Titolo del corso."""
    tema: TemaFormazione
    """Ambito tematico."""
    obbligatorio: bool = False
    """Se è formazione obbligatoria per legge."""
    ore: Quantita
    """Durata in ore per partecipante."""
    destinatari: Testo | None = None
    """A chi è rivolto (tutti, responsabili, un'area...)."""
    partecipanti: NonNegativo | None = None
    """Numero previsto di partecipanti."""
    anno: Anno | None = None
    """Anno di svolgimento (vuoto se ogni anno)."""
    modalita: Literal["aula", "online", "blended", "affiancamento"] | None = None
    """Modalità di erogazione."""
    syllabus: bool = False
    """Se il corso è fruito sulla piattaforma Syllabus del Dipartimento della Funzione Pubblica."""
    erogatore: Testo | None = None
    """Chi eroga il corso (interno, Syllabus, ente di formazione...)."""
    priorita: list[CodicePriorita] = []
    """Codici delle priorità formative a cui risponde."""
    collegamenti: list[CodiceQualsiasi] = []
    """Codici di misure anticorruzione o obiettivi di performance collegati."""


class Syllabus(Modello):
    """L'adesione alla piattaforma Syllabus per le competenze digitali."""

    adesione: bool
    """Se l'ente ha aderito."""
    data_adesione: Data | None = None
    """Data di adesione."""
    copertura_personale: dict[Anno, Percentuale] = {}
    """Percentuale del personale formato per anno."""


class Formazione(Modello):
    """Sottosezione 3.3 — Formazione del personale."""

    introduzione: Testo | None = None
    """Strategia formativa."""
    priorita: list[PrioritaFormativa] = []
    """Priorità strategiche di riqualificazione e potenziamento delle competenze."""
    ore_pro_capite: dict[Anno, Quantita] = {}
    """Ore di formazione per dipendente previste per ciascun anno."""
    obiettivi_performance: list[CodicePerformance] = []
    """Codici degli obiettivi di performance dei responsabili sulla formazione del personale."""
    syllabus: Syllabus | None = None
    """Adesione a Syllabus e copertura."""
    corsi: list[Corso] = []
    """Iniziative di formazione programmate."""
    risorse_interne: Testo | None = None
    """Risorse interne (docenti interni, affiancamento)."""
    risorse_esterne: Testo | None = None
    """Risorse esterne (enti di formazione, piattaforme)."""
    incentivi_studio: Testo | None = None
    """Misure per favorire il conseguimento di titoli di studio (permessi, incentivi)."""
    collegamento_valutazione: Testo | None = None
    """Come la formazione entra nella valutazione individuale."""
    budget: dict[Anno, Importo] = {}
    """Risorse finanziarie per anno (euro)."""
