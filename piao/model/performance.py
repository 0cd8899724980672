"""Sottosezione 2.2 Performance (`performance.yaml`), art. 3 c.1 lett. b DM 132/2022.

Objectives of organisational performance under Chapter II of D.Lgs. 150/2009 (for comuni
they also replace the PDO, art. 108 TUEL), each serving a public-value objective, owned by
a unit, weighted, measured by indicators with a target for each year.
"""

from __future__ import annotations

from typing import Literal

from piao.model.base import (
    Atto,
    Codice,
    CodiceProcesso,
    CodiceUnita,
    CodiceValorePubblico,
    Indicatore,
    Modello,
    Percentuale,
    Testo,
)
from piao.model.valore_pubblico import CollegamentoDup

TipoObiettivo = Literal[
    "semplificazione",
    "digitalizzazione",
    "accessibilita",
    "pari_opportunita",
    "efficienza",
    "efficacia",
    "qualita",
    "trasparenza",
    "anticorruzione",
    "formazione",
    "risparmio_energetico",
    "sviluppo_organizzativo",
]


class ObiettivoPerformance(Modello):
    """Un obiettivo di performance organizzativa."""

    codice: Codice
    titolo: Testo
    """Titolo breve dell'obiettivo."""
    descrizione: Testo | None = None
    """Risultato atteso e attività principali."""
    tipi: list[TipoObiettivo] = []
    """Tipi di obiettivo: nel piano devono esserci obiettivi di semplificazione, digitalizzazione, accessibilità e pari opportunità."""
    valore_pubblico: CodiceValorePubblico | None = None
    """Codice dell'obiettivo di valore pubblico a cui l'obiettivo contribuisce (valore_pubblico.yaml)."""
    unita_responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile (organizzazione.yaml)."""
    unita_coinvolte: list[CodiceUnita] = []
    """Codici delle altre unità organizzative coinvolte."""
    peso: Percentuale | None = None
    """Peso dell'obiettivo tra quelli dell'unità responsabile (da 0 a 100)."""
    dup: CollegamentoDup | None = None
    """Collegamento con l'obiettivo operativo del DUP (SeO) e con missione e programma."""
    processi: list[CodiceProcesso] = []
    """Codici dei processi mappati in rischi_corruttivi.yaml collegati all'obiettivo."""
    indicatori: list[Indicatore] = []
    """Indicatori con valore di partenza, target per ciascun anno e consuntivo."""


class Performance(Modello):
    """Sottosezione 2.2 Performance."""

    introduzione: Testo | None = None
    """Testo introduttivo."""
    sistema_misurazione: Atto | None = None
    """Sistema di misurazione e valutazione della performance vigente (art. 7 D.Lgs. 150/2009)."""
    obiettivi: list[ObiettivoPerformance] = []
    """Obiettivi di performance organizzativa."""
