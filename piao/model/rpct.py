"""The facts of a year that the RPCT's annual report needs and the plan does not hold
(`<piano>/monitoraggio/rpct-<anno>.yaml`): whistleblowing reports, disciplinary proceedings,
civic access requests, rotation, inconferibilità/incompatibilità and pantouflage checks,
training, and the RPCT's general considerations.

The report itself (art. 1 c.14 L. 190/2012; ANAC's yearly *scheda*, DOMAIN.md §13.3) is built
by piao.rapporti.rpct from the plan, the period files of the year and this file.

Aggregate numbers only, never a name: the file is attached to the published PDF/A and its
numbers are printed in the report. The identity of a whistleblower is confidential under
D.Lgs. 24/2023 (the article is not verified in DOMAIN.md, where the decree is [U]): keeping
reporters, accused people and disciplined employees out of this file is piao's design choice,
so no field can hold a person.
"""

from __future__ import annotations

import re
from typing import Literal

from piao.model.base import Modello, NonNegativo, Quantita, Testo
from piao.model.periodo import Compilazione

NOME_FILE = re.compile(r"rpct-(\d{4})", re.IGNORECASE)
"""The stem of the facts file: «rpct-2026» (the year of the report)."""

CanaleSegnalazione = Literal[
    "piattaforma_informatica", "posta", "orale", "incontro_diretto", "altro"
]
"""The internal channels a whistleblowing report can come through."""


class Segnalazioni(Modello):
    """Segnalazioni di illeciti (whistleblowing) ricevute nell'anno: solo numeri, mai nomi."""

    ricevute: NonNegativo
    """Segnalazioni ricevute attraverso i canali interni dell'ente."""
    archiviate: NonNegativo | None = None
    """Segnalazioni archiviate (non pertinenti, infondate o non procedibili)."""
    con_seguito: NonNegativo | None = None
    """Segnalazioni fondate, con seguito (trasmissione all'ufficio procedimenti disciplinari, all'autorità giudiziaria o alla Corte dei conti, misure organizzative)."""
    in_istruttoria: NonNegativo | None = None
    """Segnalazioni ancora in istruttoria al 31 dicembre."""
    per_canale: dict[CanaleSegnalazione, NonNegativo] = {}
    """Segnalazioni per canale: piattaforma_informatica, posta, orale, incontro_diretto, altro."""
    note: Testo | None = None
    """Osservazioni (senza elementi che rendano riconoscibile chi ha segnalato)."""


class ProcedimentiDisciplinari(Modello):
    """Procedimenti disciplinari dell'anno: solo numeri."""

    avviati: NonNegativo
    """Procedimenti disciplinari avviati nell'anno."""
    per_fatti_corruttivi: NonNegativo | None = None
    """Di questi, per fatti penalmente rilevanti o di natura corruttiva."""
    per_codice_comportamento: NonNegativo | None = None
    """Di questi, per violazioni del codice di comportamento."""
    conclusi_con_sanzione: NonNegativo | None = None
    """Procedimenti conclusi con una sanzione."""
    note: Testo | None = None
    """Osservazioni."""


class Richieste(Modello):
    """Richieste di accesso dell'anno e loro esito."""

    ricevute: NonNegativo
    """Richieste ricevute."""
    accolte: NonNegativo | None = None
    """Accolte, anche in parte."""
    respinte: NonNegativo | None = None
    """Respinte o dichiarate inammissibili."""
    in_corso: NonNegativo | None = None
    """Ancora da definire al 31 dicembre."""


class AccessoCivicoAnno(Modello):
    """Accesso civico (art. 5 D.Lgs. 33/2013): semplice e generalizzato."""

    semplice: Richieste | None = None
    """Accesso civico semplice (dati di pubblicazione obbligatoria, art. 5 c.1)."""
    generalizzato: Richieste | None = None
    """Accesso civico generalizzato (art. 5 c.2)."""
    riesami: NonNegativo | None = None
    """Richieste di riesame al RPCT."""
    registro_accessi: bool | None = None
    """Il registro degli accessi è tenuto e pubblicato."""


class Rotazione(Modello):
    """Rotazione del personale nell'anno."""

    ordinaria_effettuata: bool | None = None
    """È stata effettuata la rotazione ordinaria programmata nella 2.3."""
    ordinaria_dipendenti: NonNegativo | None = None
    """Dipendenti interessati dalla rotazione ordinaria."""
    misure_alternative: Testo | None = None
    """Se la rotazione ordinaria non è possibile: le misure alternative adottate (segregazione delle funzioni, affiancamento...)."""
    straordinaria_casi: NonNegativo | None = None
    """Casi di rotazione straordinaria (avvio di procedimenti penali o disciplinari per condotte corruttive)."""


class Verifiche(Modello):
    """Dichiarazioni ricevute, verifiche svolte e violazioni accertate."""

    dichiarazioni_ricevute: NonNegativo | None = None
    """Dichiarazioni ricevute."""
    verifiche_effettuate: NonNegativo | None = None
    """Verifiche svolte sulle dichiarazioni o sui casi."""
    violazioni_accertate: NonNegativo | None = None
    """Violazioni accertate."""
    note: Testo | None = None
    """Osservazioni."""


class Pantouflage(Modello):
    """Divieto di pantouflage (art. 53 c.16-ter D.Lgs. 165/2001): verifiche dell'anno."""

    clausole_nei_contratti: bool | None = None
    """Negli atti di assunzione e nei bandi e contratti è inserita la clausola sul divieto."""
    verifiche_effettuate: NonNegativo | None = None
    """Verifiche svolte."""
    violazioni_accertate: NonNegativo | None = None
    """Violazioni accertate."""
    note: Testo | None = None
    """Osservazioni."""


class FormazioneAnticorruzione(Modello):
    """Formazione in materia di etica, integrità e prevenzione della corruzione svolta nell'anno."""

    corsi: NonNegativo | None = None
    """Corsi o iniziative svolti."""
    ore: Quantita | None = None
    """Ore di formazione erogate (durata complessiva dei corsi)."""
    partecipanti: NonNegativo | None = None
    """Dipendenti che hanno partecipato."""
    soggetti_erogatori: Testo | None = None
    """Chi l'ha erogata (SNA, università, formazione interna, altri enti)."""
    valutazione: Testo | None = None
    """Giudizio sull'adeguatezza della formazione."""


class ConsiderazioniGenerali(Modello):
    """Le considerazioni generali del RPCT sull'efficacia delle misure e sul proprio ruolo."""

    stato_attuazione: Testo | None = None
    """Stato di attuazione della sottosezione 2.3: valutazione sintetica del livello effettivo di attuazione e dei fattori che ne hanno determinato l'efficacia."""
    criticita_attuazione: Testo | None = None
    """Aspetti critici dell'attuazione: perché alcune misure non sono state attuate come previsto."""
    ruolo_rpct: Testo | None = None
    """Ruolo del RPCT: valutazione dell'azione di impulso e coordinamento."""
    ostacoli_ruolo: Testo | None = None
    """Fattori che hanno ostacolato l'azione di impulso e coordinamento del RPCT."""


class FattiRpct(Modello):
    """I fatti dell'anno per la relazione annuale del RPCT (art. 1 c.14 L. 190/2012) che il piano non contiene: solo numeri aggregati, mai nomi di persone (il file si chiama rpct-<anno>.yaml)."""

    compilazione: Compilazione | None = None
    """Chi ha compilato il file e quando."""
    considerazioni: ConsiderazioniGenerali | None = None
    """Considerazioni generali del RPCT."""
    whistleblowing: Segnalazioni | None = None
    """Segnalazioni di illeciti ricevute (numeri, esiti e canali)."""
    procedimenti_disciplinari: ProcedimentiDisciplinari | None = None
    """Procedimenti disciplinari avviati e conclusi."""
    accesso_civico: AccessoCivicoAnno | None = None
    """Richieste di accesso civico semplice e generalizzato e loro esito."""
    rotazione: Rotazione | None = None
    """Rotazione ordinaria e straordinaria del personale."""
    inconferibilita: Verifiche | None = None
    """Verifiche sulle dichiarazioni di insussistenza di cause di inconferibilità (D.Lgs. 39/2013)."""
    incompatibilita: Verifiche | None = None
    """Verifiche sulle dichiarazioni di insussistenza di cause di incompatibilità (D.Lgs. 39/2013)."""
    pantouflage: Pantouflage | None = None
    """Verifiche sul divieto di pantouflage."""
    formazione: FormazioneAnticorruzione | None = None
    """Formazione in materia di etica e prevenzione della corruzione."""
    note: Testo | None = None
    """Osservazioni generali."""
