"""The data of one monitoring period (`<piano>/monitoraggio/<periodo>.yaml`): what was
measured, done and decided after adoption, keyed by the codes of the plan.

Section 4 of the plan (`monitoraggio.yaml`, art. 5 DM 132/2022) says who monitors, when and
how; a period file holds what that monitoring found in one period: indicator values, the
state of the 2.3 measures, the section-3 facts (hires, cessations, training, lavoro agile,
positive actions) and the achievements the evaluation body corrected by hand. Achievements
themselves are never typed here: they are computed from these values and the plan's targets.
An indicator's value may carry the `cause` of a deviation: what explains a target missed
beyond the «parzialmente raggiunto» band (rule MP016).

The period is named by the file (`2026-S1.yaml`): `periodo_da_nome` is the one place where
a name becomes a year and a start and end date.

A datum may name the internal control of the ente that produced it (art. 147 ss. TUEL, as
rewritten by art. 3 c.1 lett. d DL 174/2012, L. 213/2012: regolarità amministrativa e
contabile, art. 147-bis; controllo di gestione and qualità dei servizi, art. 147 c.2;
controllo strategico, art. 147-ter; equilibri finanziari, art. 147-quinquies; società
partecipate non quotate, art. 147-quater) [P: the list as secondary sources transcribe the
article, docs/fonti.md S134; DOMAIN.md does not hold it yet].
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import StringConstraints, model_validator

from piao.model.base import (
    Atto,
    Codice,
    Data,
    Modello,
    NonNegativo,
    Percentuale,
    Positivo,
    Pulito,
    Quantita,
    Testo,
    ValoreIndicatore,
    riferimento,
)
from piao.model.fabbisogni_personale import (
    AreaContrattuale,
    ModalitaAssunzione,
    MotivoCessazione,
)
from piao.model.relazione import DatiRelazione
from piao.model.soddisfazione import CodiceRilevazione, RisultatiRilevazione

# --- the period, from the file name --------------------------------------------------------

FRAZIONI: dict[str, tuple[int, str, str]] = {
    "S": (2, "semestre", "semestri"),
    "Q": (3, "quadrimestre", "quadrimestri"),
    "T": (4, "trimestre", "trimestri"),
}
"""Letter of a part of the year → (parts in a year, name, plural)."""

_NOME = re.compile(r"(\d{4})(?:-([A-Za-z])(\d{1,2}))?")
_ORDINALI = ("primo", "secondo", "terzo", "quarto")

ESEMPI_PERIODO = "2026 (anno), 2026-S1 (semestre), 2026-Q2 (quadrimestre), 2026-T3 (trimestre)"


@dataclass(frozen=True)
class PeriodoMonitoraggio:
    """A monitoring period: a year, or a semester, four-month or quarter of it."""

    nome: str
    """As in the file name: «2026», «2026-S1», «2026-Q2», «2026-T3»."""
    anno: int
    inizio: datetime.date
    fine: datetime.date
    frazione: str | None = None
    """«S», «Q» or «T»; None for the whole year."""
    numero: int = 1

    @property
    def descrizione(self) -> str:
        """«primo semestre 2026», «anno 2026»."""
        if self.frazione is None:
            return f"anno {self.anno}"
        return f"{_ORDINALI[self.numero - 1]} {FRAZIONI[self.frazione][1]} {self.anno}"

    def contiene(self, giorno: datetime.date) -> bool:
        return self.inizio <= giorno <= self.fine


class NomePeriodoNonValido(ValueError):
    """A file or option names no period; the message says why, in Italian."""


def periodo_da_nome(nome: str) -> PeriodoMonitoraggio:
    """The period a name stands for, or NomePeriodoNonValido with an Italian message."""
    trovato = _NOME.fullmatch(nome.strip())
    if trovato is None:
        raise NomePeriodoNonValido(
            f"«{nome}» non è il nome di un periodo di monitoraggio: scrivere l'anno, e per una "
            f"parte dell'anno la lettera e il numero (es. {ESEMPI_PERIODO})"
        )
    anno = int(trovato.group(1))
    if not 2000 <= anno <= 2100:
        raise NomePeriodoNonValido(f"l'anno {anno} del periodo «{nome}» non è plausibile")
    lettera, cifre = trovato.group(2), trovato.group(3)
    if lettera is None:
        return PeriodoMonitoraggio(
            str(anno), anno, datetime.date(anno, 1, 1), datetime.date(anno, 12, 31)
        )
    lettera = lettera.upper()
    if lettera not in FRAZIONI:
        raise NomePeriodoNonValido(
            f"nel periodo «{nome}» la lettera «{lettera}» non indica una parte dell'anno: "
            "S (semestre), Q (quadrimestre) o T (trimestre)"
        )
    parti, _, plurale = FRAZIONI[lettera]
    numero = int(cifre)
    if not 1 <= numero <= parti:
        raise NomePeriodoNonValido(
            f"nel periodo «{nome}» il numero {numero} non esiste: un anno ha {parti} "
            f"{plurale} ({lettera}1–{lettera}{parti})"
        )
    mesi = 12 // parti
    inizio = datetime.date(anno, (numero - 1) * mesi + 1, 1)
    dopo = (
        datetime.date(anno + 1, 1, 1)
        if numero == parti
        else inizio.replace(month=inizio.month + mesi)
    )
    return PeriodoMonitoraggio(
        f"{anno}-{lettera}{numero}",
        anno,
        inizio,
        dopo - datetime.timedelta(days=1),
        lettera,
        numero,
    )


# --- the file ------------------------------------------------------------------------------

ControlloInterno = Literal[
    "regolarita_amministrativa_e_contabile",
    "di_gestione",
    "strategico",
    "equilibri_finanziari",
    "societa_partecipate",
    "qualita_dei_servizi",
]
"""The internal controls of an ente locale (art. 147 ss. TUEL; see the module docstring)."""

StatoAttuazione = Literal["attuata", "parzialmente_attuata", "in_corso", "non_attuata"]
"""The state of a measure or an action at the end of the period (the same words as the
plan's own `VerificaMisura.esito`)."""

EsitoRaggiungimento = Literal[
    "raggiunto", "parzialmente_raggiunto", "non_raggiunto", "non_rilevato"
]
"""The bands of an achievement (the computation of issue 18 item 2 assigns them)."""

Evidenza = Annotated[str, StringConstraints(min_length=1, max_length=2000), Pulito]
"""A web address or the path of a file, relative to the plan folder."""

CodiceIndicatore = Annotated[Codice, riferimento("l'indicatore", "Indicatore")]
CodiceMisura = Annotated[Codice, riferimento("la misura di prevenzione", "Misura")]
CodiceAssunzione = Annotated[Codice, riferimento("l'assunzione programmata", "Assunzione")]
CodiceCorso = Annotated[Codice, riferimento("il corso di formazione", "Corso")]
CodiceAzione = Annotated[Codice, riferimento("l'azione positiva", "AzionePositiva")]
CodiceMisurabile = Annotated[
    Codice,
    riferimento(
        "l'indicatore o l'obiettivo",
        "Indicatore",
        "ObiettivoValorePubblico",
        "ObiettivoSalute",
        "ObiettivoPerformance",
        "ObiettivoConIndicatori",
    ),
]
"""A code the period file uses as a key, marked with the kind of plan object it must name:
`piao monitoraggio check` reports a key that names nothing of that kind in the plan."""


class Rilevazione(Modello):
    """Da dove viene un dato del periodo: quando è stato misurato, da quale fonte, con quali
    evidenze e da quale controllo interno."""

    data: Data | None = None
    """Data della misurazione o della verifica (AAAA-MM-GG), dentro il periodo."""
    fonte: Testo | None = None
    """Da dove proviene il dato (sistema informativo, registro, rilevazione, relazione del responsabile)."""
    evidenze: list[Evidenza] = []
    """Documenti che provano il dato: indirizzi web (https://...) o percorsi di file relativi alla cartella del piano."""
    controllo: ControlloInterno | None = None
    """Il controllo interno che ha prodotto il dato (art. 147 ss. TUEL): regolarità amministrativa e contabile, di gestione, strategico, equilibri finanziari, società partecipate, qualità dei servizi."""
    note: Testo | None = None
    """Osservazioni."""


class ValoreRilevato(Rilevazione):
    """Il valore di un indicatore del piano misurato nel periodo."""

    valore: ValoreIndicatore | None = None
    """Valore misurato: un numero (col punto per i decimali, senza separatore delle migliaia), o un testo per gli indicatori qualitativi (es. «approvato»)."""
    non_rilevato: Testo | None = None
    """Al posto del valore, quando non è stato possibile misurarlo: il motivo."""
    cause: Testo | None = None
    """Quando il target è mancato oltre la fascia «parzialmente raggiunto»: le cause dello scostamento e che cosa si fa per recuperare (la Relazione sulla performance rileva gli scostamenti, art. 10 c.1 lett. b D.Lgs. 150/2009)."""

    @model_validator(mode="after")
    def _uno_dei_due(self) -> ValoreRilevato:
        if (self.valore is None) == (self.non_rilevato is None):
            raise ValueError(
                "Scrivere il valore misurato («valore») oppure il motivo per cui non è stato "
                "rilevato («non_rilevato»), uno dei due."
            )
        return self


class Attuazione(Rilevazione):
    """Lo stato di attuazione di una misura di prevenzione (2.3) o di un'azione positiva alla fine del periodo."""

    stato: StatoAttuazione
    """attuata, parzialmente attuata, in corso o non attuata."""
    valore_rilevato: ValoreIndicatore | None = None
    """Valore rilevato dell'indicatore di monitoraggio (da confrontare con il valore atteso del piano)."""
    motivo: Testo | None = None
    """Per una misura non attuata o attuata in parte: perché, e che cosa si fa per recuperare."""


class AssunzioneEffettuata(Rilevazione):
    """Le assunzioni effettuate nel periodo per un'assunzione programmata del piano."""

    effettuate: NonNegativo
    """Posti coperti nel periodo (persone entrate in servizio)."""
    modalita: ModalitaAssunzione | None = None
    """Modalità con cui i posti sono stati coperti."""
    motivo: Testo | None = None
    """Se i posti programmati non sono stati coperti: perché (procedura in corso, deserta, rinviata...)."""


class CessazioneAvvenuta(Modello):
    """Una o più cessazioni dal servizio avvenute nel periodo."""

    data: Data
    """Data di cessazione (AAAA-MM-GG)."""
    area: AreaContrattuale | None = None
    """Area di inquadramento."""
    profilo: Testo | None = None
    """Profilo professionale."""
    numero: Positivo = 1
    """Numero di cessazioni."""
    motivo: MotivoCessazione | None = None
    """Motivo: pensionamento, dimissioni, mobilità, altro."""
    note: Testo | None = None
    """Osservazioni."""


class CorsoErogato(Rilevazione):
    """Un corso del piano della formazione erogato nel periodo."""

    ore: Quantita
    """Ore erogate per partecipante (da confrontare con la durata del corso nel piano)."""
    partecipanti: NonNegativo
    """Partecipanti che hanno concluso il corso."""
    ore_complessive: Quantita | None = None
    """Ore di formazione fruite in tutto (ore per persona, sommate), quando i partecipanti hanno frequentato ore diverse."""


class FormazionePeriodo(Modello):
    """La formazione erogata nel periodo."""

    corsi: dict[CodiceCorso, CorsoErogato] = {}
    """Per codice del corso (formazione.yaml): ore erogate e partecipanti."""
    ore_pro_capite: Quantita | None = None
    """Ore di formazione per dipendente fruite dall'inizio dell'anno alla fine del periodo (da confrontare con quelle previste dal piano)."""
    fonte: Testo | None = None
    """Da dove provengono i dati (registro della formazione, piattaforma Syllabus...)."""


class LavoroAgilePeriodo(Rilevazione):
    """Il lavoro agile nel periodo."""

    accordi: NonNegativo
    """Accordi individuali di lavoro agile in vigore alla fine del periodo."""
    giornate: NonNegativo
    """Giornate di lavoro agile svolte nel periodo, in tutto l'ente."""
    lavoratori_potenziali: NonNegativo | None = None
    """Personale che svolge attività compatibili con il lavoro agile."""


class Rettifica(Modello):
    """Un raggiungimento riconosciuto diversamente da quello calcolato dai valori, con il motivo e chi l'ha approvato."""

    percentuale: Percentuale | None = None
    """Grado di raggiungimento riconosciuto, da 0 a 100."""
    esito: EsitoRaggiungimento | None = None
    """Oppure la fascia riconosciuta: raggiunto, parzialmente raggiunto, non raggiunto, non rilevato."""
    motivo: Testo
    """Perché il raggiungimento calcolato non rappresenta il risultato (fattori esterni, errore nel target, modifica del piano...)."""
    approvata_da: Testo
    """Chi ha approvato la rettifica (es. «Nucleo di valutazione», «Giunta comunale»)."""
    atto: Atto | None = None
    """Atto o verbale che la approva."""

    @model_validator(mode="after")
    def _cosa(self) -> Rettifica:
        if self.percentuale is None and self.esito is None:
            raise ValueError(
                "Scrivere il raggiungimento riconosciuto: la percentuale («percentuale») o la "
                "fascia («esito»)."
            )
        return self


class Compilazione(Modello):
    """Chi ha compilato il file del periodo."""

    ufficio: Testo | None = None
    """Ufficio che ha raccolto i dati (es. «Controllo di gestione»)."""
    referente: Testo | None = None
    """Persona di riferimento."""
    data: Data | None = None
    """Data dell'ultima compilazione (AAAA-MM-GG)."""


class DatiPeriodo(Modello):
    """I dati di un periodo di monitoraggio del PIAO (il periodo è il nome del file, es. 2026-S1.yaml)."""

    compilazione: Compilazione | None = None
    """Chi ha compilato il file e quando."""
    indicatori: dict[CodiceIndicatore, ValoreRilevato] = {}
    """Valori misurati, per codice dell'indicatore del piano (valore pubblico, performance, altre sezioni)."""
    misure: dict[CodiceMisura, Attuazione] = {}
    """Stato di attuazione delle misure di prevenzione della corruzione (sottosezione 2.3), per codice della misura."""
    assunzioni: dict[CodiceAssunzione, AssunzioneEffettuata] = {}
    """Assunzioni effettuate nel periodo, per codice dell'assunzione programmata (3.3)."""
    cessazioni: list[CessazioneAvvenuta] = []
    """Cessazioni dal servizio avvenute nel periodo."""
    formazione: FormazionePeriodo | None = None
    """Formazione erogata nel periodo."""
    lavoro_agile: LavoroAgilePeriodo | None = None
    """Accordi e giornate di lavoro agile nel periodo (3.2)."""
    azioni_positive: dict[CodiceAzione, Attuazione] = {}
    """Stato di attuazione delle azioni del Piano di azioni positive, per codice dell'azione."""
    soddisfazione: dict[CodiceRilevazione, RisultatiRilevazione] = {}
    """Risultati delle rilevazioni della soddisfazione degli utenti, per codice della rilevazione del piano (monitoraggio.yaml): per servizio e canale, a emoticon o a questionario."""
    rettifiche: dict[CodiceMisurabile, Rettifica] = {}
    """Raggiungimenti riconosciuti diversamente da quelli calcolati, per codice dell'indicatore o dell'obiettivo, con motivo e approvazione."""
    relazione: DatiRelazione | None = None
    """Solo nel file dell'anno (es. 2026.yaml): i fatti della Relazione sulla performance che il piano e i valori non contengono (approvazione della Giunta, validazione dell'OIV o del Nucleo, obiettivi individuali e valutazioni in forma aggregata, risorse, bilancio di genere)."""
    note: Testo | None = None
    """Osservazioni generali sul periodo."""
