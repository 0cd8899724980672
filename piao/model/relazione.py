"""What the Relazione sulla performance of a year needs beyond the plan and the measured
values: the key `relazione:` of a yearly period file (`monitoraggio/2026.yaml`).

The Relazione (art. 10 c.1 lett. b D.Lgs. 150/2009) is approved by the Giunta and validated
by the OIV or Nucleo di valutazione (art. 14 c.4 lett. c) by 30 June of the following year
(/work/shared/DOMAIN.md §13.3 [V]). It reports individual performance too, but a published
document never shows a named person's evaluation: this model holds only counts (how many
dirigenti/EQ had objectives, how many evaluations fell in each band), and refuses keys and
titles that would name someone.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator

from piao.model.base import (
    Atto,
    Codice,
    CodicePerformance,
    Data,
    Importo,
    Modello,
    NonNegativo,
    Positivo,
    Quantita,
    Testo,
    riferimento,
)

_TITOLI = re.compile(
    r"\b(dott|dott\.ssa|dr|sig|sig\.ra|ing|avv|arch|geom|rag|prof)\.?\s+[A-ZÀ-Ý]", re.IGNORECASE
)


def _senza_persone(testo: str) -> str:
    """A label of an aggregate (a role, a band): refuse what reads as a person's name."""
    if _TITOLI.search(testo):
        raise ValueError(
            f"«{testo}» sembra il nome di una persona: la Relazione riporta le valutazioni "
            "individuali solo in forma aggregata (ruolo o categoria e numero di persone), "
            "mai la valutazione di una persona nominata."
        )
    return testo


Etichetta = Annotated[Testo, AfterValidator(_senza_persone)]
"""A role, category or band: never a person."""

CodiceMisurato = Annotated[
    Codice,
    riferimento(
        "l'obiettivo di performance o l'unità organizzativa", "ObiettivoPerformance", "Unita"
    ),
]

Ruolo = Literal["dirigenti", "posizioni_eq", "segretario", "personale"]
"""Who held the objectives or was evaluated: dirigenti, titolari di elevata qualificazione
(EQ), il segretario, il personale non dirigente."""

EsitoValidazione = Literal["validata", "validata_con_osservazioni", "non_validata"]


class ObiettiviAssegnati(Modello):
    """Gli obiettivi individuali assegnati a un ruolo (dirigenti, EQ...), in forma aggregata."""

    ruolo: Ruolo
    """dirigenti, posizioni_eq, segretario o personale."""
    persone: Positivo
    """Quante persone del ruolo hanno ricevuto obiettivi individuali."""
    obiettivi: NonNegativo | None = None
    """Quanti obiettivi individuali sono stati assegnati in tutto al ruolo."""
    obiettivi_performance: list[CodicePerformance] = []
    """Gli obiettivi di performance del piano a cui gli obiettivi individuali sono collegati (codici di performance.yaml)."""
    note: Testo | None = None
    """Osservazioni (es. l'atto di assegnazione)."""


class FasciaValutazione(Modello):
    """Quante valutazioni finali di un ruolo sono cadute in una fascia: solo numeri, nessun nome."""

    ruolo: Ruolo
    """dirigenti, posizioni_eq, segretario o personale."""
    fascia: Etichetta
    """La fascia del Sistema di misurazione e valutazione (es. «90-100», «eccellente»)."""
    numero: NonNegativo
    """Quante valutazioni finali sono cadute nella fascia."""


class RisorseObiettivo(Modello):
    """Le risorse finanziarie di un obiettivo di performance o di un'unità organizzativa."""

    stanziate: Importo | None = None
    """Risorse assegnate (euro)."""
    impegnate: Importo | None = None
    """Risorse impegnate o spese nell'anno (euro)."""
    note: Testo | None = None
    """Osservazioni."""


class DatoGenere(Modello):
    """Un dato del bilancio di genere: un valore per le donne e uno per gli uomini."""

    voce: Etichetta
    """Che cosa si misura (es. «Personale in servizio al 31/12», «Posizioni EQ»)."""
    donne: Quantita
    """Valore per le donne."""
    uomini: Quantita
    """Valore per gli uomini."""
    unita_misura: Testo | None = None
    """Unità di misura (numero, euro, ore...)."""


class Validazione(Modello):
    """La validazione della Relazione da parte dell'OIV o del Nucleo di valutazione (art. 14 c.4 lett. c D.Lgs. 150/2009)."""

    organismo: Testo
    """Chi ha validato (es. «Nucleo di valutazione»)."""
    data: Data
    """Data della validazione (AAAA-MM-GG)."""
    atto: Testo | None = None
    """Verbale o documento di validazione (es. «Verbale n. 4»)."""
    esito: EsitoValidazione
    """validata, validata_con_osservazioni o non_validata."""
    osservazioni: Testo | None = None
    """Le osservazioni dell'organismo."""


MINIMO_VALUTATI = 3
"""The fewest persons of a role whose distribution of final evaluations a published output
prints: with fewer, each evaluation could be told from the distribution (one segretario, two
dirigenti). A piao convention protecting confidentiality, not a legal threshold; the law asks
the distribution «in forma aggregata» (AT › Performance › Dati relativi ai premi, del. ANAC
1310/2016 [P])."""


class DatiRelazione(Modello):
    """I fatti della Relazione sulla performance che il piano e i valori misurati non contengono (solo nel file dell'anno, es. 2026.yaml)."""

    presentazione: Testo | None = None
    """Presentazione della Relazione (il contesto dell'anno, i risultati principali)."""
    approvazione: Atto | None = None
    """La deliberazione della Giunta che approva la Relazione (atto e data)."""
    rendiconto: Atto | None = None
    """Per gli enti locali che la unificano al rendiconto della gestione (art. 10 c.1-bis D.Lgs. 150/2009): l'atto del rendiconto."""
    validazione: Validazione | None = None
    """La validazione dell'OIV o del Nucleo di valutazione, quando è avvenuta."""
    obiettivi_individuali: list[ObiettiviAssegnati] = []
    """Gli obiettivi individuali assegnati per ruolo, in forma aggregata (numero di persone e di obiettivi, collegamento agli obiettivi di performance)."""
    valutazioni: list[FasciaValutazione] = []
    """La distribuzione delle valutazioni finali per ruolo e fascia: solo numeri, mai la valutazione di una persona."""
    risorse: dict[CodiceMisurato, RisorseObiettivo] = {}
    """Le risorse finanziarie per codice dell'obiettivo di performance o dell'unità organizzativa."""
    bilancio_genere: list[DatoGenere] = []
    """I dati del bilancio di genere, quando l'ente li ha."""

    def valutati(self) -> dict[str, int]:
        """Persons evaluated per role (the sum over its bands), in the file's order."""
        out: dict[str, int] = {}
        for v in self.valutazioni:
            out[v.ruolo] = out.get(v.ruolo, 0) + v.numero
        return out

    def valutazioni_pubblicabili(self) -> list[FasciaValutazione]:
        """The bands of the roles with at least MINIMO_VALUTATI persons evaluated: the only
        ones the documents and the open data print."""
        valutati = self.valutati()
        return [v for v in self.valutazioni if valutati[v.ruolo] >= MINIMO_VALUTATI]
