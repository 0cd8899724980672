"""Sottosezione 3.1 Struttura organizzativa (`organizzazione.yaml`), art. 4 c.1 lett. a DM 132/2022.

The organisational model, the tree of units (every unit has a `codice` that the other
files use for owners), levels of responsibility and the planned organisational changes.
"""

from __future__ import annotations

import datetime
from typing import Literal

from piao.model.base import (
    Codice,
    CodiceUnita,
    CodiceValorePubblico,
    Modello,
    NonNegativo,
    Testo,
)


class Unita(Modello):
    """Un'unità organizzativa."""

    codice: Codice
    denominazione: Testo
    """Nome dell'unità."""
    tipo: Literal["direzione", "area", "settore", "servizio", "ufficio", "staff"]
    """Livello dell'unità nell'organigramma."""
    padre: CodiceUnita | None = None
    """Codice dell'unità di cui fa parte (vuoto per il vertice)."""
    responsabile: Testo | None = None
    """Nome del responsabile."""
    incarico: Literal["segretario", "dirigente", "eq", "responsabile", "altro"] | None = None
    """Tipo di incarico del responsabile (eq: incarico di Elevata Qualificazione)."""
    dipendenti: NonNegativo | None = None
    """Personale assegnato."""
    funzioni: list[Testo] = []
    """Principali funzioni e servizi."""


class LivelloResponsabilita(Modello):
    """Un livello di responsabilità organizzativa."""

    livello: Testo
    """Nome del livello (es. «Incarichi di Elevata Qualificazione»)."""
    descrizione: Testo | None = None
    """Competenze e poteri."""
    numero: NonNegativo | None = None
    """Numero di incarichi di questo livello."""


class InterventoOrganizzativo(Modello):
    """Un intervento organizzativo programmato, collegato al valore pubblico."""

    codice: Codice
    titolo: Testo
    """Che cosa cambia."""
    descrizione: Testo | None = None
    """Motivazione e contenuto."""
    valore_pubblico: CodiceValorePubblico | None = None
    """Codice dell'obiettivo di valore pubblico servito."""
    scadenza: datetime.date | None = None
    """Termine di realizzazione."""


class Organizzazione(Modello):
    """Sottosezione 3.1 Struttura organizzativa."""

    modello_organizzativo: Testo | None = None
    """Descrizione del modello organizzativo adottato."""
    atto_organizzazione: Testo | None = None
    """Regolamento o atto che definisce la macrostruttura."""
    unita: list[Unita] = []
    """Unità organizzative."""
    livelli_responsabilita: list[LivelloResponsabilita] = []
    """Livelli di responsabilità organizzativa."""
    ampiezza_media_unita: float | None = None
    """Numero medio di dipendenti per unità organizzativa."""
    interventi: list[InterventoOrganizzativo] = []
    """Interventi organizzativi programmati in relazione agli obiettivi di valore pubblico."""
