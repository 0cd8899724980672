"""Sottosezione 3.1 Struttura organizzativa (`organizzazione.yaml`), art. 4 c.1 lett. a DM 132/2022.

The organisational model, the tree of units (every unit has a `codice` that the other
files use for owners), cross-cutting units outside the tree, levels of responsibility and
the planned organisational changes. Unit types are those real structures use (Area,
Settore, Unità operativa, UOA, Direzione generale...), with a free label for the others;
a unit may be valid for a period and be headed ad interim.
"""

from __future__ import annotations

from typing import Literal

from piao.model.base import (
    Codice,
    CodiceUnita,
    CodiceValorePubblico,
    Data,
    Modello,
    NomePersona,
    NonNegativo,
    Quantita,
    Testo,
)

TipoUnita = Literal[
    "direzione",
    "area",
    "settore",
    "servizio",
    "ufficio",
    "staff",
    "direzione_generale",
    "unita_operativa",
    "unita_operativa_autonoma",
    "polizia_locale",
    "coordinamento_trasversale",
]
"""The unit types piao names (the first six are those of the first format); any other
label is accepted as written (`Unita.tipo`)."""


class Unita(Modello):
    """Un'unità organizzativa."""

    codice: Codice
    denominazione: Testo
    """Nome dell'unità."""
    tipo: TipoUnita | Testo
    """Tipo dell'unità, come lo chiama l'ente: uno dei valori suggeriti (unita_operativa_autonoma è la UOA) oppure un'altra denominazione (es. «Area funzionale», «Unità di progetto»)."""
    padre: CodiceUnita | None = None
    """Codice dell'unità di cui fa parte (vuoto per il vertice)."""
    responsabile: NomePersona | None = None
    """Nome del responsabile: la stessa persona può dirigere più unità."""
    incarico: Literal["segretario", "dirigente", "eq", "responsabile", "altro"] | None = None
    """Tipo di incarico del responsabile (eq: incarico di Elevata Qualificazione)."""
    ad_interim: bool = False
    """Vero se il responsabile regge l'unità ad interim (es. un dirigente titolare di un altro settore)."""
    dipendenti: NonNegativo | None = None
    """Personale assegnato (facoltativo)."""
    funzioni: list[Testo] = []
    """Principali funzioni e servizi."""
    operativa_dal: Data | None = None
    """Data da cui l'unità è operativa, se istituita di recente o per un periodo."""
    operativa_fino_al: Data | None = None
    """Data fino a cui l'unità è prevista (es. un'unità di progetto «fino a marzo 2028»: 2028-03-31)."""


class UnitaTrasversale(Unita):
    """Un'unità di coordinamento trasversale, fuori dall'albero delle unità: coordina progetti
    che attraversano più unità (es. le Unità di coordinamento trasversali del Comune di Perugia)."""

    tipo: TipoUnita | Testo = "coordinamento_trasversale"
    """Tipo dell'unità (coordinamento_trasversale se non indicato)."""
    unita_coordinate: list[CodiceUnita] = []
    """Codici delle unità organizzative che l'unità coordina."""


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
    scadenza: Data | None = None
    """Termine di realizzazione."""


class Organizzazione(Modello):
    """Sottosezione 3.1 Struttura organizzativa."""

    modello_organizzativo: Testo | None = None
    """Descrizione del modello organizzativo adottato."""
    atto_organizzazione: Testo | None = None
    """Regolamento o atto che definisce la macrostruttura."""
    unita: list[Unita] = []
    """Unità organizzative, con l'unità di cui ciascuna fa parte."""
    unita_trasversali: list[UnitaTrasversale] = []
    """Unità di coordinamento trasversale, fuori dall'albero: il loro personale resta nelle unità di appartenenza."""
    livelli_responsabilita: list[LivelloResponsabilita] = []
    """Livelli di responsabilità organizzativa."""
    ampiezza_media_unita: Quantita | None = None
    """Numero medio di dipendenti per unità organizzativa."""
    interventi: list[InterventoOrganizzativo] = []
    """Interventi organizzativi programmati in relazione agli obiettivi di valore pubblico."""
