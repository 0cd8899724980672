"""Sottosezione 2.2 Performance (`performance.yaml`), art. 3 c.1 lett. b DM 132/2022.

Objectives of organisational performance under Chapter II of D.Lgs. 150/2009 (for comuni
they also replace the PDO, art. 108 TUEL), each serving a public-value objective, owned by
a unit, weighted, measured by indicators with a target for each year or, for milestone
objectives, by weighted phases; optionally individual objectives of dirigenti, or where the
SMVP keeps them.
"""

from __future__ import annotations

from typing import Literal

from piao.model.base import (
    Atto,
    Codice,
    CodiceProcesso,
    CodiceUnita,
    CodiceValorePubblico,
    Data,
    Indicatore,
    Modello,
    Percentuale,
    Testo,
    Url,
)
from piao.model.valore_pubblico import CollegamentoDup, MisuraPnrr

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


class FaseObiettivo(Modello):
    """Una fase di un obiettivo misurato per stato di avanzamento, con il suo peso."""

    titolo: Testo
    """Che cosa si fa nella fase (es. «Predisposizione avviso pubblico»)."""
    peso: Percentuale | None = None
    """Peso della fase nell'obiettivo (da 0 a 100): i pesi delle fasi sommano a 100."""
    inizio: Data | None = None
    """Inizio previsto della fase."""
    fine: Data | None = None
    """Termine previsto della fase."""
    risultato_atteso: Testo | None = None
    """Prodotto o atto che chiude la fase (es. «Determina», «Contratto stipulato»)."""
    consuntivo: Percentuale | None = None
    """Percentuale di realizzazione della fase, compilata durante il monitoraggio."""


class ObiettivoPerformance(Modello):
    """Un obiettivo di performance organizzativa o individuale."""

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
    dimensione: Literal["organizzativa", "individuale"] | None = None
    """Performance organizzativa (dell'unità o dell'ente) o individuale (assegnata a un dirigente o responsabile)."""
    orizzonte: Literal["annuale", "triennale"] | None = None
    """Orizzonte dell'obiettivo: annuale o triennale."""
    assegnatario: Testo | None = None
    """Per un obiettivo individuale: il dirigente o responsabile a cui è assegnato (ruolo o nome)."""
    scadenza: Data | None = None
    """Termine entro cui raggiungere l'obiettivo, per gli obiettivi a data (es. nuovo sito pubblicato entro il 31/12/2026)."""
    dup: CollegamentoDup | None = None
    """Collegamento con l'obiettivo operativo del DUP (SeO) e con missione e programma."""
    pnrr: MisuraPnrr | None = None
    """Misura del PNRR che l'obiettivo attua (missione, componente, investimento)."""
    processi: list[CodiceProcesso] = []
    """Codici dei processi mappati in rischi_corruttivi.yaml collegati all'obiettivo."""
    indicatori: list[Indicatore] = []
    """Indicatori con valore di partenza, target per ciascun anno e consuntivo."""
    fasi: list[FaseObiettivo] = []
    """Fasi con peso, tempi e risultato atteso, per gli obiettivi misurati per stato di avanzamento anziché con indicatori."""


class ObiettiviIndividuali(Modello):
    """Dove sono assegnati gli obiettivi individuali dei dirigenti e dei responsabili."""

    rinvio: Testo
    """Documento o atto che li assegna e li pesa (es. «schede individuali approvate con decreto sindacale, secondo il Sistema di misurazione e valutazione»)."""
    url: Url | None = None
    """Indirizzo web del documento, se pubblicato."""


class Performance(Modello):
    """Sottosezione 2.2 Performance."""

    introduzione: Testo | None = None
    """Testo introduttivo."""
    sistema_misurazione: Atto | None = None
    """Sistema di misurazione e valutazione della performance vigente (art. 7 D.Lgs. 150/2009)."""
    obiettivi: list[ObiettivoPerformance] = []
    """Obiettivi di performance organizzativa (e individuale, quando il piano li riporta)."""
    obiettivi_individuali: ObiettiviIndividuali | None = None
    """Dove sono gli obiettivi individuali dei dirigenti e dei responsabili, se non sono tra gli obiettivi del piano."""
