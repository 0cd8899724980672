"""Sottosezione 3.3 Piano triennale dei fabbisogni di personale (`fabbisogni_personale.yaml`).

Art. 4 c.1 lett. c DM 132/2022 and art. 6 D.Lgs. 165/2001: headcount at 31/12 of the year
before by CCNL area and profile, hiring capacity inputs of DM 17/3/2020 (personnel spending,
current revenue of the last three rendiconti, FCDE), terminations, estimated evolution of
needs, planned hires, coverage strategy and surplus staff.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field

from piao.model.base import (
    Anno,
    Codice,
    CodiceUnita,
    Importo,
    Modello,
    NonNegativo,
    Percentuale,
    Testo,
)

AreaContrattuale = Literal[
    "operatori",
    "operatori_esperti",
    "istruttori",
    "funzionari_eq",
    "dirigenti",
    "segretario",
    "categoria_a",
    "categoria_b",
    "categoria_c",
    "categoria_d",
]
"""Areas of CCNL Funzioni Locali 2019-2021 (in force from 1/4/2023), the roles outside the
comparto, and the legacy categories A-D (accepted so that a rule can flag them)."""

ModalitaAssunzione = Literal[
    "concorso",
    "mobilita",
    "scorrimento_graduatoria",
    "progressione_verticale",
    "art_110_tuel",
    "tempo_determinato",
    "stabilizzazione",
    "collocamento_mirato",
    "comando",
    "altro",
]

Contratto = Literal["tempo_indeterminato", "tempo_determinato"]


class VoceConsistenza(Modello):
    """Il personale di un'area e profilo."""

    area: AreaContrattuale
    """Area di inquadramento (CCNL Funzioni Locali) o ruolo."""
    profilo: Testo | None = None
    """Profilo professionale."""
    numero: NonNegativo
    """Numero di dipendenti."""
    contratto: Contratto = "tempo_indeterminato"
    """Tempo indeterminato o determinato."""


class Consistenza(Modello):
    """Il personale in servizio al 31 dicembre dell'anno precedente."""

    al: datetime.date
    """Data di riferimento (31 dicembre dell'anno precedente)."""
    personale: list[VoceConsistenza] = []
    """Personale per area e profilo."""


class SpesaRendiconto(Modello):
    """La spesa di personale dell'ultimo rendiconto approvato."""

    rendiconto: Anno
    """Anno del rendiconto."""
    importo: Importo
    """Spesa di personale (impegni di competenza, al lordo degli oneri riflessi, al netto dell'IRAP)."""


class Fcde(Modello):
    """Il fondo crediti di dubbia esigibilità."""

    anno: Anno
    """Anno del bilancio in cui è stanziato (l'ultimo dei tre rendiconti considerati)."""
    importo: Importo
    """Importo stanziato."""


class CapacitaAssunzionale(Modello):
    """I dati per la capacità assunzionale dei comuni (art. 33 c.2 DL 34/2019, DM 17/3/2020)."""

    spesa_personale: SpesaRendiconto | None = None
    """Spesa di personale dell'ultimo rendiconto approvato."""
    entrate_correnti: dict[Anno, Importo] = {}
    """Entrate correnti (accertamenti titoli I-III) degli ultimi tre rendiconti approvati."""
    fcde: Fcde | None = None
    """Fondo crediti di dubbia esigibilità."""
    spesa_personale_prevista: dict[Anno, Importo] = {}
    """Spesa di personale prevista per ciascun anno del triennio, con le assunzioni programmate."""
    spesa_personale_dup: dict[Anno, Importo] = {}
    """Spesa di personale prevista dal DUP e dal bilancio per gli stessi anni (deve coincidere)."""
    note: Testo | None = None
    """Note sul calcolo."""
    asseverazione_revisori: Testo | None = None
    """Estremi dell'asseverazione dell'organo di revisione."""


class LimiteSpesaPersonale(Modello):
    """Il limite alla spesa di personale dell'art. 1 c.557-quater o c.562 L. 296/2006, distinto
    dalla capacità assunzionale del DM 17/3/2020."""

    comma: Literal["557-quater", "562"]
    """557-quater: valore medio della spesa 2011-2013 (enti già soggetti al patto di stabilità);
    562: spesa del 2008 (enti non soggetti al patto, comuni fino a 1.000 abitanti)."""
    valore: Importo
    """Spesa di riferimento del limite (media 2011-2013 o spesa 2008), in euro."""
    spesa_prevista: dict[Anno, Importo] = {}
    """Spesa di personale prevista per anno, calcolata come per il limite: senza la maggior spesa
    per le assunzioni consentite dal DM 17/3/2020, che non rileva (art. 7 c.1 DM 17/3/2020)."""
    note: Testo | None = None
    """Come è calcolata la spesa (componenti escluse, fonte dei dati)."""


class Cessazione(Modello):
    """Cessazioni previste in un anno."""

    anno: Anno
    """Anno della cessazione."""
    area: AreaContrattuale
    """Area di inquadramento."""
    profilo: Testo | None = None
    """Profilo professionale."""
    numero: Annotated[int, Field(ge=1)]
    """Numero di cessazioni."""
    motivo: Literal["pensionamento", "dimissioni", "mobilita", "altro"] | None = None
    """Motivo della cessazione."""
    costo_annuo: Importo | None = None
    """Spesa annua a regime che la cessazione libera, per ciascun posto (euro, oneri compresi): con i
    costi delle assunzioni permette di ricalcolare la spesa di personale prevista."""


class Assunzione(Modello):
    """Un'assunzione programmata."""

    codice: Codice
    anno: Anno
    """Anno dell'assunzione."""
    area: AreaContrattuale
    """Area di inquadramento."""
    profilo: Testo
    """Profilo professionale."""
    unita: CodiceUnita | None = None
    """Codice dell'unità organizzativa di destinazione."""
    numero: Annotated[int, Field(ge=1)] = 1
    """Numero di posti."""
    modalita: ModalitaAssunzione
    """Modalità di reclutamento."""
    contratto: Contratto = "tempo_indeterminato"
    """Tempo indeterminato o determinato."""
    percentuale_part_time: Percentuale | None = None
    """Percentuale del tempo parziale, se non a tempo pieno."""
    costo_annuo: Importo | None = None
    """Costo annuo a regime per posto (euro, oneri compresi)."""
    note: Testo | None = None
    """Motivazione o vincoli (riserve, categorie protette...)."""


class Eccedenze(Modello):
    """La ricognizione delle eccedenze di personale (art. 33 D.Lgs. 165/2001)."""

    presenti: bool
    """Se ci sono eccedenze o personale in soprannumero."""
    descrizione: Testo | None = None
    """Esito della ricognizione."""


class FabbisogniPersonale(Modello):
    """Sottosezione 3.3 Piano triennale dei fabbisogni di personale."""

    consistenza: Consistenza | None = None
    """Personale in servizio al 31/12 dell'anno precedente per area e profilo."""
    capacita_assunzionale: CapacitaAssunzionale | None = None
    """Dati per la capacità assunzionale."""
    limite_spesa: LimiteSpesaPersonale | None = None
    """Limite alla spesa di personale dell'art. 1 c.557-quater o c.562 L. 296/2006."""
    cessazioni: list[Cessazione] = []
    """Cessazioni programmate nel triennio."""
    stima_evoluzione_fabbisogni: Testo | None = None
    """Stima dell'evoluzione dei fabbisogni (digitalizzazione, esternalizzazioni, nuovi servizi)."""
    assunzioni: list[Assunzione] = []
    """Assunzioni programmate."""
    strategia_copertura: Testo | None = None
    """Strategie di copertura del fabbisogno."""
    strategia_formazione: Testo | None = None
    """Sintesi delle strategie di formazione (il piano di dettaglio è in formazione.yaml)."""
    eccedenze: Eccedenze | None = None
    """Ricognizione delle eccedenze."""
