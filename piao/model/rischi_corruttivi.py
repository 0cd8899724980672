"""Sottosezione 2.3 Rischi corruttivi e trasparenza (`rischi_corruttivi.yaml`).

Art. 3 c.1 lett. c DM 132/2022 and the ANAC method (PNA 2019 Allegato 1, PNA 2022, PNA 2025):
strategic objectives, external and internal context, process mapping with risk events,
enabling factors and a motivated qualitative judgement on a declared ordinal scale;
general and specific measures with phases, deadlines, owners, indicators and expected
values; their monitoring; transparency obligations (D.Lgs. 33/2013, tree of ANAC
delibera 1310/2016) and accesso civico; the "conferma" of entities under 50 employees.

At about 530 lines this is the largest model module: sottosezione 2.3 is the richest part
of the plan (it absorbs the whole PTPCT) and its models are one file so that the schema,
the documentation and `piao init` read it as one section.
"""

from __future__ import annotations

import datetime
import unicodedata
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from piao.model.base import (
    Codice,
    CodiceObiettivo,
    CodiceProcesso,
    CodiceUnita,
    Data,
    Modello,
    NonNegativo,
    NumeroAtto,
    NumeroFinito,
    ObiettivoConIndicatori,
    Periodicita,
    Pulito,
    Quantita,
    Testo,
    Url,
    ValoreIndicatore,
    riferimento,
)

AreaRischio = Literal[
    "autorizzazioni_concessioni",
    "sovvenzioni_contributi",
    "contratti_pubblici",
    "acquisizione_gestione_personale",
    "concorsi_progressioni",
    "entrate_spese_patrimonio",
    "controlli_verifiche_sanzioni",
    "incarichi_nomine",
    "affari_legali_contenzioso",
    "governo_territorio",
    "gestione_rifiuti",
    "altra",
]

FattoreAbilitante = Literal[
    "mancanza_controlli",
    "mancanza_trasparenza",
    "complessita_normativa",
    "esclusivita_responsabilita",
    "scarsa_responsabilizzazione",
    "inadeguatezza_competenze",
    "scarsa_cultura_legalita",
    "mancata_separazione_politica_amministrazione",
]

MisuraGenerale = Literal[
    "codice_comportamento",
    "conflitto_interessi",
    "incarichi_extraistituzionali",
    "inconferibilita_incompatibilita",
    "pantouflage",
    "commissioni_art35bis",
    "rotazione_ordinaria",
    "rotazione_straordinaria",
    "whistleblowing",
    "formazione",
    "trasparenza",
    "patti_integrita",
    "monitoraggio_tempi",
    "sensibilizzazione",
]

CategoriaMisura = Literal[
    "controllo",
    "trasparenza",
    "etica_comportamento",
    "regolamentazione",
    "semplificazione",
    "formazione",
    "sensibilizzazione_partecipazione",
    "rotazione",
    "segnalazione_protezione",
    "conflitto_interessi",
    "rapporti_portatori_interessi",
]

Aggiornamento = Literal["tempestivo", "trimestrale", "semestrale", "annuale", "una_tantum"]

MetodoStima = Literal["qualitativo", "numerico", "misto"]

Tempistica = Literal["continuativa", "per_ogni_atto", "per_ogni_procedura"] | Periodicita
"""The timing of a measure phase that has no date («continuativa», «per ogni procedura di
gara», «annuale in sede di redazione dei programmi»: real 2.3 tables, research memo §5 p. 4)."""

RuoloResponsabile = Literal["tutti_i_dirigenti", "tutti_i_responsabili", "tutti_i_rup", "rpct"]
"""Owners named by role rather than by unit («tutti i dirigenti», «ogni RUP»: memo §5 p. 5)."""

Responsabile = CodiceUnita | RuoloResponsabile
Responsabili = Responsabile | list[Responsabile]
"""One unit code, a role, or a list of both (a measure owned by several units)."""


def elenco_responsabili(valore: Responsabili | None) -> list[str]:
    """The owners written in a `Responsabili` field, as a list (empty when none)."""
    if valore is None:
        return []
    return list(valore) if isinstance(valore, list) else [valore]


RuoloStrategia = Literal[
    "referente",
    "upd",
    "rasa",
    "cug",
    "oiv",
    "nucleo_di_valutazione",
    "societa_partecipata",
    "gestore_antiriciclaggio",
    "altro",
]

NumeroFase = NonNegativo | Annotated[str, StringConstraints(min_length=1, max_length=20), Pulito]
"""The number of a phase in a process sheet: `3` or `"5.2"`."""

Stima = NumeroFinito | Annotated[str, StringConstraints(min_length=1, max_length=200), Pulito]
"""A factor of the numeric method: a value (3.17) or a level as written («alta»)."""


CodiceEvento = Annotated[Codice, riferimento("l'evento rischioso", "EventoRischioso")]
"""The code of a risk event of a mapped process."""


class Redazione(Modello):
    """Chi redige la sottosezione e su quali indirizzi."""

    rpct: Testo | None = None
    """Nome del RPCT che predispone la sottosezione."""
    atto_obiettivi_strategici: Testo | None = None
    """Atto dell'organo di indirizzo che fissa gli obiettivi strategici anticorruzione (art. 1 c.8 L. 190/2012)."""
    soggetti_coinvolti: list[Testo] = []
    """Responsabili e uffici coinvolti nella redazione (performance, personale, bilancio, digitale...)."""


class SoggettoStrategia(Modello):
    """Un soggetto della strategia di prevenzione diverso dal RPCT (referenti, UPD, RASA, CUG, OIV o Nucleo, società partecipate, gestore antiriciclaggio)."""

    ruolo: RuoloStrategia
    """Ruolo nella strategia di prevenzione."""
    descrizione_ruolo: Testo | None = None
    """Il ruolo come lo chiama il piano, necessario per «altro» (es. «Responsabile della protezione dei dati»)."""
    nome: Testo | None = None
    """Persona, organo o società (es. «Dott.ssa Anna Verdi», «Esempio Servizi S.r.l.»)."""
    unita: CodiceUnita | None = None
    """Codice dell'unità organizzativa a cui il ruolo è affidato (organizzazione.yaml)."""
    atto: Testo | None = None
    """Atto di nomina, di costituzione o di individuazione (es. «Decreto sindacale n. 7 del 15/03/2024»)."""
    compiti: Testo | None = None
    """Compiti nella prevenzione della corruzione e nella trasparenza."""


class ConsultazionePubblica(Modello):
    """La consultazione pubblica sulla sottosezione prima dell'approvazione."""

    dal: Data
    """Inizio della consultazione."""
    al: Data
    """Fine della consultazione."""
    canale: Testo
    """Come si poteva partecipare (avviso sul sito, modulo, PEC...)."""
    contributi_ricevuti: NonNegativo = 0
    """Numero di contributi ricevuti (zero se nessuno)."""


class ContestoEsterno(Modello):
    """Analisi del contesto esterno."""

    analisi: Testo | None = None
    """Caratteristiche dell'ambiente (sociale, economico, criminalità) che possono favorire la corruzione."""
    fonti: list[Testo] = []
    """Fonti dei dati (es. Relazione del Ministero dell'Interno al Parlamento)."""


class ContestoInterno(Modello):
    """Analisi del contesto interno."""

    analisi: Testo | None = None
    """Struttura, ruoli, responsabilità, cultura organizzativa."""
    dipendenti_al_31_12: NonNegativo | None = None
    """Personale in servizio al 31/12 dell'anno precedente, come richiesto dal PNA 2022."""
    eventi_corruttivi: Testo | None = None
    """Eventi corruttivi, procedimenti disciplinari o giudiziari degli ultimi anni (o «nessuno»)."""
    disfunzioni_amministrative: Testo | None = None
    """Disfunzioni amministrative significative rilevate (o «nessuna»)."""


class IndicatoriRischio(Modello):
    """I sei indicatori di stima del livello di rischio (PNA 2019, Allegato 1), sulla scala dichiarata."""

    interesse_esterno: Testo | None = None
    """Livello di interesse «esterno»: benefici economici o di altro tipo per i destinatari."""
    discrezionalita: Testo | None = None
    """Grado di discrezionalità del decisore interno alla PA."""
    eventi_passati: Testo | None = None
    """Manifestazione di eventi corruttivi in passato nel processo."""
    opacita: Testo | None = None
    """Opacità del processo decisionale."""
    collaborazione: Testo | None = None
    """Livello di collaborazione del responsabile del processo nella costruzione e nel monitoraggio del piano."""
    attuazione_misure: Testo | None = None
    """Grado di attuazione delle misure di trattamento."""


class ValutazioneRischio(Modello):
    """La valutazione motivata del rischio di un processo o di un evento rischioso."""

    indicatori: IndicatoriRischio = IndicatoriRischio()
    """Giudizio su ciascun indicatore, usando i livelli di «scala_valutazione»."""
    probabilita: Stima | None = None
    """Metodo numerico o misto: probabilità, come valore (es. 3,17) o livello (es. «alta»)."""
    impatto: Stima | None = None
    """Metodo numerico o misto: impatto, come valore (es. 2,50) o livello."""
    controlli: Stima | None = None
    """Metodo numerico o misto: efficacia dei controlli esistenti, se il metodo la considera."""
    punteggio: Quantita | None = None
    """Metodo numerico o misto: punteggio complessivo come scritto nel piano (es. 8); piao non lo ricalcola."""
    giudizio: Testo | None = None
    """Giudizio sintetico (il livello come scritto), sulla scala dichiarata: per prudenza non inferiore all'indicatore più alto, salvo motivazione."""
    motivazione: Testo | None = None
    """Motivazione del giudizio, con dati ed evidenze."""
    motivazione_scostamento: Testo | None = None
    """Perché il giudizio è inferiore all'indicatore o all'evento più alto, o è il livello più basso in un processo su contratti pubblici o concorsi (criterio di prudenza, PNA 2019)."""


class EventoRischioso(Modello):
    """Un evento rischioso identificato in un processo."""

    codice: Codice
    descrizione: Testo
    """Il comportamento che potrebbe verificarsi."""
    fase: Testo | NonNegativo | None = None
    """Fase del processo in cui può verificarsi: la descrizione o il numero di una delle «fasi» del processo."""
    valutazione: ValutazioneRischio | None = None
    """Valutazione del rischio dell'evento, se il piano stima il rischio per evento: il giudizio del processo, se manca, è il più alto degli eventi (criterio di prudenza)."""


class FaseProcesso(Modello):
    """Una fase del processo, con il suo numero e l'eventuale assenza di rischi."""

    numero: NumeroFase | None = None
    """Numero della fase nella scheda del processo (es. 2 o «5.2»)."""
    descrizione: Testo
    """Nome della fase (es. «Pubblicazione del bando»)."""
    nessun_rischio: bool = False
    """Nella fase non sono stati individuati eventi rischiosi («rischi assenti»)."""
    motivazione: Testo | None = None
    """Perché la fase non presenta rischi."""

    def nomi(self) -> tuple[str, ...]:
        """The ways an event may name this phase: its description or its number."""
        return (self.descrizione,) if self.numero is None else (self.descrizione, str(self.numero))


class Processo(Modello):
    """Un processo mappato, con i rischi e la loro valutazione."""

    codice: Codice
    denominazione: Testo
    """Nome del processo."""
    descrizione: Testo | None = None
    """Descrizione sintetica."""
    area_rischio: AreaRischio
    """Area di rischio (aree generali ANAC, aree specifiche degli enti locali o «altra»)."""
    area_rischio_descrizione: Testo | None = None
    """Descrizione dell'area, se «altra»."""
    unita_responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile del processo."""
    fasi: list[Testo | FaseProcesso] = []
    """Fasi del processo: il nome, oppure numero, descrizione e «nessun_rischio: true» per le fasi senza eventi rischiosi."""
    eventi_rischiosi: list[EventoRischioso] = []
    """Eventi rischiosi identificati."""
    fattori_abilitanti: list[FattoreAbilitante] = []
    """Fattori che favoriscono gli eventi rischiosi."""
    valutazione: ValutazioneRischio | None = None
    """Valutazione del livello di rischio del processo; se il rischio è stimato per evento, il giudizio può mancare ed è il più alto degli eventi."""
    rilevante_valore_pubblico: bool = False
    """Processo scelto dal RPCT e dai responsabili come rilevante per gli obiettivi di performance a protezione del valore pubblico (art. 6 DM 132/2022)."""
    accettazione_rischio: Testo | None = None
    """Se il rischio è accettato senza misure specifiche, la motivazione."""
    obiettivi_collegati: list[CodiceObiettivo] = []
    """Codici degli obiettivi di performance o di valore pubblico serviti dal processo."""


class FaseMisura(Modello):
    """Una fase di attuazione di una misura."""

    descrizione: Testo
    """Che cosa si fa in questa fase."""
    scadenza: Data | Tempistica
    """Termine della fase (AAAA-MM-GG) o, per le fasi senza data, la tempistica: continuativa, per ogni atto, per ogni procedura, o la periodicità (es. annuale)."""

    @property
    def data(self) -> datetime.date | None:
        """The deadline, when the phase has a date."""
        return self.scadenza if isinstance(self.scadenza, datetime.date) else None


class VerificaMisura(Modello):
    """L'esito di un monitoraggio dell'attuazione di una misura."""

    data: Data
    """Data della verifica."""
    esito: Literal["attuata", "parzialmente_attuata", "non_attuata", "in_corso"]
    """Esito della verifica."""
    valore_rilevato: Testo | None = None
    """Valore dell'indicatore rilevato."""
    note: Testo | None = None
    """Osservazioni."""


class Misura(Modello):
    """Una misura di prevenzione, generale o specifica, programmata."""

    codice: Codice
    titolo: Testo
    """Titolo breve della misura."""
    tipo: Literal["generale", "specifica"]
    """Generale (trasversale, prevista dalla legge) o specifica (per un processo o un rischio)."""
    misura_generale: MisuraGenerale | None = None
    """Per le misure generali: quale (codice di comportamento, rotazione, whistleblowing...)."""
    categoria: CategoriaMisura | None = None
    """Tipologia della misura (controllo, trasparenza, regolamentazione...)."""
    descrizione: Testo | None = None
    """In che cosa consiste la misura."""
    processi: list[CodiceProcesso] = []
    """Codici dei processi trattati dalla misura."""
    eventi: list[CodiceEvento] = []
    """Codici degli eventi rischiosi trattati."""
    fasi: list[FaseMisura] = []
    """Fasi di attuazione, ciascuna con la sua scadenza."""
    responsabile: Responsabili | None = None
    """Chi attua la misura: il codice di un'unità organizzativa, un elenco di codici o un ruolo (es. tutti i responsabili), anche insieme."""
    indicatore: Testo | None = None
    """Indicatore di monitoraggio."""
    valore_atteso: ValoreIndicatore | None = None
    """Valore atteso dell'indicatore (target)."""
    monitoraggio: list[VerificaMisura] = []
    """Esiti delle verifiche di attuazione."""


class MonitoraggioMisure(Modello):
    """Come si verificano attuazione e idoneità delle misure."""

    soggetto: Testo | None = None
    """Chi svolge il monitoraggio (di norma il RPCT con i responsabili)."""
    periodicita: Periodicita | None = None
    """Con quale frequenza."""
    modalita: Testo | None = None
    """Come: autovalutazione, verifiche a campione, audit..."""
    riesame: Testo | None = None
    """Riesame periodico della funzionalità del sistema."""


class ObbligoTrasparenza(Modello):
    """Un obbligo di pubblicazione in «Amministrazione trasparente» (D.Lgs. 33/2013)."""

    codice: Codice
    sottosezione: Annotated[list[Testo], Field(min_length=1, max_length=3)]
    """Sotto-sezioni di primo e secondo livello dell'albero ANAC (delibera 1310/2016), es. [Disposizioni generali, Atti generali]."""
    riferimento_normativo: Testo | None = None
    """Norma che prevede l'obbligo (es. «art. 12 d.lgs. 33/2013»)."""
    contenuto: Testo | None = None
    """Dati e documenti da pubblicare."""
    responsabile_dati: Responsabili | None = None
    """Chi elabora e trasmette i dati: il codice di un'unità, un elenco di codici o un ruolo (es. tutti i dirigenti)."""
    responsabile_pubblicazione: Responsabili | None = None
    """Chi pubblica i dati: il codice di un'unità, un elenco di codici o un ruolo."""
    aggiornamento: Aggiornamento | None = None
    """Frequenza di aggiornamento."""
    termine_giorni: NonNegativo | None = None
    """Per l'aggiornamento «tempestivo»: entro quanti giorni dall'atto l'ente pubblica."""
    url: Url | None = None
    """Indirizzo della pagina di «Amministrazione trasparente» in cui l'obbligo è pubblicato (riportato nella griglia di rilevazione dell'OIV)."""


class AccessoCivico(Modello):
    """Le misure per l'accesso civico semplice e generalizzato (art. 5 D.Lgs. 33/2013)."""

    registro_accessi: bool = False
    """Se l'ente tiene e pubblica il registro degli accessi."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità che riceve le richieste."""
    titolare_potere_sostitutivo: Testo | None = None
    """Chi decide sulle richieste di riesame."""
    modalita: Testo | None = None
    """Come presentare le richieste."""


class Trasparenza(Modello):
    """La programmazione della trasparenza."""

    obiettivi: list[Testo] = []
    """Obiettivi di trasparenza."""
    obblighi: list[ObbligoTrasparenza] = []
    """Obblighi di pubblicazione con responsabili e frequenze."""
    accesso_civico: AccessoCivico | None = None
    """Accesso civico semplice e generalizzato."""
    monitoraggio: Testo | None = None
    """Come il RPCT verifica gli obblighi di pubblicazione."""


class CondizioniConferma(Modello):
    """Le condizioni, riferite all'anno precedente, per confermare la sottosezione (enti sotto i 50 dipendenti)."""

    nessun_fatto_corruttivo_o_disfunzione: bool
    """Nessun fatto corruttivo o ipotesi di disfunzione amministrativa significativa."""
    nessuna_modifica_organizzativa_rilevante: bool
    """Nessuna modifica organizzativa rilevante."""
    nessuna_modifica_obiettivi_strategici: bool
    """Nessuna modifica degli obiettivi strategici."""
    nessuna_modifica_altre_sezioni: bool
    """Nessuna modifica rilevante delle altre sezioni del PIAO che incida sulla sottosezione 2.3."""


class Conferma(Modello):
    """La conferma della sottosezione 2.3 adottata negli anni precedenti (enti con meno di 50 dipendenti)."""

    anno_ultima_adozione_completa: Annotated[int, Field(ge=2000, le=2100)]
    """Anno in cui la sottosezione è stata adottata per intero l'ultima volta."""
    organo: Literal["giunta", "consiglio", "altro"]
    """Organo che delibera la conferma."""
    numero: NumeroAtto
    """Numero dell'atto di conferma."""
    data: Data
    """Data dell'atto di conferma."""
    url_pubblicazione: Url | None = None
    """Dove l'atto motivato di conferma è pubblicato."""
    condizioni: CondizioniConferma
    """Le quattro condizioni richieste da ANAC."""
    motivazione: Testo
    """Motivazione della conferma."""


class MetodoValutazione(Modello):
    """Il metodo di stima del livello di rischio."""

    tipo: MetodoStima = "qualitativo"
    """Qualitativo (giudizio motivato sui sei indicatori del PNA 2019), numerico (probabilità, impatto, controlli, punteggio) o misto."""
    descrizione: Testo | None = None
    """Come si stima il rischio: scale, formula del punteggio, dati usati (es. «probabilità × impatto, da 1 a 25»)."""
    soglie: dict[Testo, Quantita] = {}
    """Metodo numerico o misto: il punteggio minimo di ciascun livello della scala, es. {basso: 0, medio: 5, alto: 10}."""


class RischiCorruttivi(Modello):
    """Sottosezione 2.3 Rischi corruttivi e trasparenza."""

    redazione: Redazione | None = None
    """RPCT e soggetti coinvolti nella redazione."""
    soggetti: list[SoggettoStrategia] = []
    """Soggetti della strategia di prevenzione oltre al RPCT: referenti, UPD, RASA, CUG, OIV o Nucleo, società partecipate, gestore antiriciclaggio."""
    pna_riferimento: list[Testo] = []
    """Piani nazionali anticorruzione e atti ANAC seguiti (es. «PNA 2025 - delibera ANAC n. 19/2026»)."""
    consultazione_pubblica: ConsultazionePubblica | None = None
    """Consultazione pubblica prima dell'approvazione."""
    obiettivi_strategici: list[ObiettivoConIndicatori] = []
    """Obiettivi strategici di prevenzione della corruzione e di trasparenza, con indicatori e target."""
    contesto_esterno: ContestoEsterno | None = None
    """Analisi del contesto esterno."""
    contesto_interno: ContestoInterno | None = None
    """Analisi del contesto interno."""
    scala_valutazione: Annotated[list[Testo], Field(min_length=2, max_length=10)] = [
        "basso",
        "medio",
        "alto",
    ]
    """Livelli della scala ordinale di valutazione, dal più basso al più alto, come li scrive il piano (es. [nullo, basso, medio, alto, critico])."""
    metodo_valutazione: MetodoValutazione | None = None
    """Metodo di stima: qualitativo (PNA 2019, se non indicato), numerico o misto, con le soglie del punteggio."""
    processi: list[Processo] = []
    """Mappatura dei processi con la valutazione del rischio."""
    misure: list[Misura] = []
    """Misure di prevenzione generali e specifiche."""
    monitoraggio: MonitoraggioMisure | None = None
    """Monitoraggio di attuazione e idoneità delle misure."""
    trasparenza: Trasparenza | None = None
    """Programmazione della trasparenza e accesso civico."""
    conferma: Conferma | None = None
    """Per gli enti con meno di 50 dipendenti: conferma della sottosezione degli anni precedenti."""

    def rango(self, livello: str | None) -> int | None:
        """The position of a level on the declared scale (0 the lowest), None when it is
        not on it."""
        livelli = [chiave(x) for x in self.scala_valutazione]
        if livello is None or chiave(livello) not in livelli:
            return None
        return livelli.index(chiave(livello))

    def giudizio_eventi(self, processo: Processo) -> tuple[str, EventoRischioso] | None:
        """The highest judgement among the rated events of a process, with its event."""
        valutati = [
            (r, e)
            for e in processo.eventi_rischiosi
            if e.valutazione is not None and (r := self.rango(e.valutazione.giudizio)) is not None
        ]
        if not valutati:
            return None
        evento = max(valutati, key=lambda x: x[0])[1]
        assert evento.valutazione is not None
        assert evento.valutazione.giudizio is not None
        return evento.valutazione.giudizio, evento

    def giudizio(self, processo: Processo) -> tuple[str | None, bool]:
        """(judgement, derived): the process judgement the plan writes, else the highest
        judgement of its events (criterio di prudenza, PNA 2019 Allegato 1)."""
        scritto = processo.valutazione.giudizio if processo.valutazione else None
        if scritto and scritto.strip():
            return scritto, False
        dagli_eventi = self.giudizio_eventi(processo)
        return (dagli_eventi[0], True) if dagli_eventi else (None, False)


def chiave(testo: str) -> str:
    """A level as compared: lower case, single spaces, plain quotes and dashes."""
    testo = unicodedata.normalize("NFKC", testo).replace("\u2019", "'").replace("\u2013", "-")
    return " ".join(testo.lower().split())
