"""Sottosezione 2.1 Valore pubblico (`valore_pubblico.yaml`), art. 3 c.1 lett. a DM 132/2022.

Public-value objectives linked to the DUP (Sezione strategica) and to missioni/programmi of
D.Lgs. 118/2011; actions for full physical and digital accessibility for citizens over 65
and with disabilities; procedures to simplify and re-engineer; energy-saving objectives
(circ. DFP 2/2022).
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from piao.model.base import (
    Codice,
    CodiceProcesso,
    CodiceUnita,
    Indicatore,
    Modello,
    NonNegativo,
    Testo,
    Url,
)

Missione = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}$")]
Programma = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")]

DimensioneValore = Literal[
    "economica",
    "sociale",
    "educativa",
    "assistenziale",
    "ambientale",
    "sanitaria",
    "culturale",
    "salute_organizzativa",
]


class CollegamentoDup(Modello):
    """Il collegamento con il Documento unico di programmazione e il bilancio."""

    obiettivo_strategico: Testo | None = None
    """Obiettivo strategico della Sezione strategica (SeS) del DUP."""
    obiettivo_operativo: Testo | None = None
    """Obiettivo operativo della Sezione operativa (SeO) del DUP."""
    missione: Missione | None = None
    """Missione di bilancio (D.Lgs. 118/2011, due cifre tra virgolette, es. "01")."""
    programma: Programma | None = None
    """Programma di bilancio (quattro cifre tra virgolette: missione + programma, es. "0111")."""


class ObiettivoValorePubblico(Modello):
    """Un obiettivo di valore pubblico: l'aumento del benessere atteso per cittadini e imprese."""

    codice: Codice
    titolo: Testo
    """Titolo breve dell'obiettivo."""
    descrizione: Testo | None = None
    """Il benessere atteso, per chi e entro quando."""
    dup: CollegamentoDup | None = None
    """Collegamento con il DUP e con missione e programma di bilancio."""
    dimensioni: list[DimensioneValore] = []
    """Dimensioni del benessere interessate (economica, sociale, ambientale...)."""
    portatori_di_interesse: list[Testo] = []
    """Destinatari e portatori di interesse (stakeholder)."""
    sdg: list[Annotated[int, Field(ge=1, le=17)]] = []
    """Obiettivi di sviluppo sostenibile dell'Agenda 2030 collegati (numeri da 1 a 17)."""
    bes: list[Testo] = []
    """Domini del Benessere equo e sostenibile (ISTAT) collegati."""
    processi: list[CodiceProcesso] = []
    """Codici dei processi mappati in rischi_corruttivi.yaml che concorrono all'obiettivo."""
    indicatori: list[Indicatore] = []
    """Indicatori di impatto o di outcome, con valore di partenza e target."""


class AzioneAccessibilita(Modello):
    """Un'azione per la piena accessibilità, fisica o digitale (art. 3 c.1 lett. a n. 2 DM 132/2022)."""

    codice: Codice
    azione: Testo
    """Che cosa si fa."""
    destinatari: list[Literal["over65", "persone_con_disabilita"]] = []
    """Per chi: cittadini ultrasessantacinquenni e/o con disabilità."""
    tipo: Literal["fisica", "digitale"]
    """Accessibilità fisica (luoghi) o digitale (servizi e siti)."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile."""
    scadenza: datetime.date | None = None
    """Termine di realizzazione."""
    indicatore: Testo | None = None
    """Come si misura la realizzazione."""
    valore_atteso: Testo | None = None
    """Risultato atteso."""


class ObiettiviAccessibilitaAgid(Modello):
    """Gli obiettivi di accessibilità pubblicati sul sito AgID (art. 9 c.7 DL 179/2012)."""

    anno: Annotated[int, Field(ge=2000, le=2100)]
    """Anno degli obiettivi."""
    data_pubblicazione: datetime.date | None = None
    """Data di pubblicazione (entro il 31 marzo)."""
    url: Url | None = None
    """Indirizzo degli obiettivi pubblicati."""


class ProceduraSemplificazione(Modello):
    """Una procedura da semplificare o reingegnerizzare (art. 6 c.2 lett. e DL 80/2021)."""

    codice: Codice
    procedura: Testo
    """Nome della procedura o del procedimento."""
    intervento: Literal[
        "semplificazione",
        "reingegnerizzazione",
        "digitalizzazione",
        "eliminazione",
        "riduzione_tempi",
    ]
    """Tipo di intervento."""
    descrizione: Testo | None = None
    """In che cosa consiste l'intervento."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile."""
    scadenza: datetime.date | None = None
    """Termine dell'intervento."""
    tempi_attuali_giorni: NonNegativo | None = None
    """Tempo medio attuale di conclusione, in giorni."""
    tempi_obiettivo_giorni: NonNegativo | None = None
    """Tempo di conclusione atteso dopo l'intervento, in giorni."""
    consultazione_utenti: bool = False
    """Se l'intervento è progettato anche consultando gli utenti."""


class ObiettivoRisparmioEnergetico(Modello):
    """Un obiettivo di risparmio energetico (circolare DFP 2/2022)."""

    codice: Codice
    titolo: Testo
    """Titolo dell'obiettivo."""
    descrizione: Testo | None = None
    """Interventi previsti."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile."""
    indicatori: list[Indicatore] = []
    """Indicatori (es. consumi in kWh) con target annuali."""


class ValorePubblico(Modello):
    """Sottosezione 2.1 Valore pubblico."""

    introduzione: Testo | None = None
    """Testo introduttivo: strategia e collegamento con le linee di mandato e il DUP."""
    obiettivi: list[ObiettivoValorePubblico] = []
    """Obiettivi di valore pubblico."""
    accessibilita: list[AzioneAccessibilita] = []
    """Azioni per la piena accessibilità fisica e digitale per over 65 e persone con disabilità."""
    obiettivi_accessibilita_agid: ObiettiviAccessibilitaAgid | None = None
    """Obiettivi di accessibilità dell'anno pubblicati tramite AgID."""
    semplificazione: list[ProceduraSemplificazione] = []
    """Procedure da semplificare e reingegnerizzare."""
    motivazione_semplificazione: Testo | None = None
    """Se non ci sono procedure da semplificare, perché."""
    risparmio_energetico: list[ObiettivoRisparmioEnergetico] = []
    """Obiettivi di risparmio energetico."""
