"""Building blocks shared by the section models: the strict base class, codes, years,
indicators and dated acts.

Conventions (DESIGN.md §4): YAML keys are the field names, in Italian; every field has an
Italian description (the attribute docstring), which reaches editors via the JSON Schema;
codes and act numbers are strings; yearly values are `{anno: valore}` maps.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

PLACEHOLDERS = ("da compilare", "da definire")
"""Words that mark a value still to be written (`piao init`, `piao rollover`)."""
DA_VERIFICARE = "da verificare"
"""Start of a value carried from the previous cycle that must be re-verified (`piao
rollover`): «da verificare — <valore>», the value kept after the dash (SC010)."""


def da_verificare(value: object) -> bool:
    """A value `piao rollover` carried over and marked as still to be re-verified."""
    return isinstance(value, str) and value.strip().lower().startswith(DA_VERIFICARE)


class Modello(BaseModel):
    """Base of every plan model: strict types, no unknown keys, immutable."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        use_attribute_docstrings=True,
        validate_default=False,
    )


CODICE_PATTERN = r"^[A-Z][A-Z0-9]*([._-][A-Z0-9]+)*$"
"""What a code looks like (the pattern of `Codice`)."""

Codice = Annotated[
    str,
    StringConstraints(pattern=CODICE_PATTERN, max_length=40),
    Field(
        description="Codice univoco dell'oggetto, in maiuscolo (es. VP-01, OBP-2.1, UO-SEGR): "
        "gli altri file del piano lo richiamano con questo codice."
    ),
]
"""A code such as `VP-01`: capital letters, digits, and `-`, `.` or `_` between them."""


@dataclass(frozen=True)
class Riferimento:
    """Marks a `Codice` field as a reference to coded objects elsewhere in the plan.

    `bersagli` names the model classes the code may point at (empty: any coded object);
    `etichetta` is how messages name the target («l'unità organizzativa»). One walker
    (`piao.model.walk.citazioni`) yields every reference of a plan from these marks, so
    a new reference field is one annotation and is integrity-checked automatically.
    """

    bersagli: tuple[str, ...]
    etichetta: str


def riferimento(etichetta: str, *bersagli: str) -> Riferimento:
    return Riferimento(tuple(bersagli), etichetta)


CodiceUnita = Annotated[Codice, riferimento("l'unità organizzativa", "Unita")]
"""The code of an organisational unit of organizzazione.yaml."""

CodiceValorePubblico = Annotated[
    Codice,
    riferimento("l'obiettivo di valore pubblico", "ObiettivoValorePubblico", "ObiettivoSalute"),
]
"""The code of a public-value objective of valore_pubblico.yaml, external (well-being of the
community) or internal (the health of the administration, `ObiettivoSalute`)."""

CodicePerformance = Annotated[
    Codice, riferimento("l'obiettivo di performance", "ObiettivoPerformance")
]
"""The code of a performance objective of performance.yaml."""

CodiceProcesso = Annotated[Codice, riferimento("il processo", "Processo")]
"""The code of a mapped process of rischi_corruttivi.yaml."""

CodiceObiettivo = Annotated[
    Codice,
    riferimento(
        "l'obiettivo",
        "ObiettivoValorePubblico",
        "ObiettivoSalute",
        "ObiettivoPerformance",
        "ObiettivoConIndicatori",
    ),
]
"""The code of any objective of the plan (public value, performance, other sections)."""

CodiceQualsiasi = Annotated[Codice, riferimento("il codice")]
"""The code of any coded object of the plan."""

# --- Bounded values (issue 15) -----------------------------------------------------------
# Every bound below is a plausibility bound, not a legal threshold: it keeps out values that
# no plan can mean and that no renderer can print (NaN, infinity, 26-digit integers, the
# year 9999, invisible control characters), so that whatever passes `check` can always be
# rendered and published. A value outside is a located SC004 finding, like any value out of
# its range: the type is right, the value is not admitted.

NON_STAMPABILI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters a text may not contain: C0 and C1 control characters (tab and line breaks
excepted), lone UTF-16 surrogates and the non-characters U+FFFE/U+FFFF. None is printable;
none is allowed in XML 1.0 (DOCX, PDF/A metadata, JUnit) or safe on a terminal."""


def testo_pulito(value: str) -> str:
    """The text itself, or a ValueError naming the first character that cannot be printed."""
    trovato = NON_STAMPABILI.search(value)
    if trovato is None:
        return value
    codice = ord(trovato.group())
    cosa = (
        "un surrogato UTF-16 isolato"
        if 0xD800 <= codice <= 0xDFFF
        else "un carattere non stampabile"
        if codice in (0xFFFE, 0xFFFF)
        else "un carattere di controllo invisibile"
    )
    raise ValueError(
        f"Il testo contiene {cosa} (U+{codice:04X}) al carattere {trovato.start() + 1}: "
        "toglierlo (di solito arriva da un copia e incolla o da una sequenza di escape "
        "tra virgolette doppie)."
    )


Pulito = AfterValidator(testo_pulito)
"""Rejects control characters and lone surrogates in a text (see `testo_pulito`)."""

Testo = Annotated[str, StringConstraints(min_length=1, max_length=20000), Pulito]
"""A non-empty text, without control characters or lone surrogates."""

Anno = Annotated[int, Field(ge=2000, le=2100)]
"""A calendar year: from 2000 to 2100 (plausibility bound: the PIAO exists since 2022,
series and baselines go back some years, targets some years ahead)."""

DATA_MINIMA = datetime.date(1900, 1, 1)
DATA_MASSIMA = datetime.date(2100, 12, 31)

Data = Annotated[datetime.date, Field(ge=DATA_MINIMA, le=DATA_MASSIMA)]
"""A date (AAAA-MM-GG) from 1900-01-01 to 2100-12-31: a plausibility window (acts still
cited by a plan are of the 20th century at the earliest; deadlines fall within the years
`Anno` admits), not a legal limit."""

CONTEGGIO_MASSIMO = 1_000_000_000
"""Plausibility bound of a count: a billion, far above any number of people, offices or
acts a plan can hold (Italy's resident population is some sixty million)."""

NonNegativo = Annotated[int, Field(ge=0, le=CONTEGGIO_MASSIMO)]
"""A count: zero or more, at most `CONTEGGIO_MASSIMO`."""

Positivo = Annotated[int, Field(ge=1, le=CONTEGGIO_MASSIMO)]
"""A count of at least one, at most `CONTEGGIO_MASSIMO`."""

MISURA_MASSIMA = 1e15
"""Plausibility bound of a measured or expected value, in absolute value: a million
billion, beyond any amount, count or rate a plan can report; finite by construction."""

NumeroFinito = Annotated[float, Field(ge=-MISURA_MASSIMA, le=MISURA_MASSIMA, allow_inf_nan=False)]
"""A finite number, positive or negative (an indicator's value, an estimate)."""

Quantita = Annotated[float, Field(ge=0, le=MISURA_MASSIMA, allow_inf_nan=False)]
"""A finite number, zero or more (hours, averages, scores)."""

Percentuale = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


class Euro:
    """Marks a number as an amount in euro (for the checks on how figures are written)."""


class NomeDiPersona:
    """Marks a text that names a person (checked against codes written in its place)."""


NomePersona = Annotated[
    str, StringConstraints(min_length=1, max_length=20000), Pulito, NomeDiPersona()
]
"""A person's name («Dott.ssa Anna Verdi»), never a code."""


IMPORTO_MASSIMO = 1e13
"""Plausibility bound of an amount: ten thousand billion euro, above any public budget a
plan can report; not a legal threshold."""

Importo = Annotated[float, Field(ge=0, le=IMPORTO_MASSIMO, allow_inf_nan=False), Euro()]
"""An amount in euro: finite, from zero to `IMPORTO_MASSIMO`."""

NumeroAtto = NonNegativo | Annotated[str, StringConstraints(min_length=1, max_length=40), Pulito]
"""The number of an act: `18` or `"18/2026"`."""

Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=2000), Pulito]

Email = Annotated[
    str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=320), Pulito
]

ValoreIndicatore = (
    NumeroFinito | Annotated[str, StringConstraints(min_length=1, max_length=500), Pulito]
)
"""A measured or expected value: a number, or a text for qualitative indicators
(e.g. "approvato") and for placeholders ("da definire")."""

Polarita = Literal["crescente", "decrescente", "mantenimento"]

Periodicita = Literal[
    "mensile", "trimestrale", "quadrimestrale", "semestrale", "annuale", "biennale", "triennale"
]


class Baseline(Modello):
    """Il valore di partenza di un indicatore."""

    anno: Anno
    """Anno a cui si riferisce il valore di partenza."""
    valore: ValoreIndicatore
    """Valore misurato nell'anno di partenza."""


class Indicatore(Modello):
    """Un indicatore con valore di partenza, serie storica, target e valori misurati."""

    codice: Codice
    descrizione: Testo
    """Che cosa misura l'indicatore, in parole semplici."""
    formula: Testo | None = None
    """Come si calcola (es. «pratiche concluse entro 30 giorni / pratiche presentate»)."""
    unita_misura: Testo | None = None
    """Unità di misura: percentuale, numero, giorni, euro, sì/no..."""
    fonte: Testo | None = None
    """Da dove proviene il dato (sistema informativo, registro, rilevazione)."""
    polarita: Polarita | None = None
    """Verso atteso: crescente (più è meglio), decrescente (meno è meglio) o mantenimento."""
    tipo: Literal["impatto", "outcome", "output", "efficienza", "efficacia", "qualita"] | None = (
        None
    )
    """Tipo di indicatore (impatto e outcome per il valore pubblico)."""
    baseline: Baseline | None = None
    """Valore di partenza (anno e valore)."""
    storico: dict[Anno, ValoreIndicatore] = {}
    """Valori misurati negli anni passati, per anno, es. {2022: 119, 2023: 210, 2024: 332}; anche negativi (es. -4.52 giorni di ritardo medio dei pagamenti)."""
    target: dict[Anno, ValoreIndicatore] = {}
    """Valore atteso per ciascun anno del triennio, es. {2026: 50, 2027: 60, 2028: 70}; anche per anni successivi al triennio (es. 2029, fine mandato) e come confronto scritto per esteso (es. "≤ 0")."""
    target_triennio: ValoreIndicatore | None = None
    """Target complessivo del triennio, al posto dei target annuali quando l'obiettivo si misura sull'intero periodo (es. 4 immobili valorizzati nel triennio)."""
    anno_riferimento: Anno | None = None
    """Anno di confronto di un target relativo (es. 2021 per «sotto il livello del 2021 entro il 2027»)."""
    peso: Percentuale | None = None
    """Peso dell'indicatore nella misurazione dell'obiettivo (da 0 a 100): i pesi degli indicatori di un obiettivo sommano a 100."""
    consuntivo: dict[Anno, ValoreIndicatore] = {}
    """Valori misurati per anno, compilati durante il monitoraggio."""


class ObiettivoConIndicatori(Modello):
    """Un obiettivo semplice con i suoi indicatori."""

    codice: Codice
    titolo: Testo
    """Titolo breve dell'obiettivo."""
    descrizione: Testo | None = None
    """Descrizione dell'obiettivo e del risultato atteso."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile (organizzazione.yaml)."""
    indicatori: list[Indicatore] = []
    """Indicatori con cui si misura il raggiungimento."""


class Atto(Modello):
    """Un atto amministrativo identificato da estremi e data."""

    atto: Testo
    """Estremi dell'atto (es. «Deliberazione del Consiglio comunale n. 61»)."""
    data: Data
    """Data dell'atto (AAAA-MM-GG)."""
    url: Url | None = None
    """Indirizzo web dove l'atto è pubblicato."""


class Persona(Modello):
    """Una persona con il suo ruolo."""

    nome: NomePersona
    """Nome e cognome (con eventuale titolo)."""
    qualifica: Testo | None = None
    """Qualifica o carica (es. «Sindaco», «Segretario generale»)."""
    atto_nomina: Testo | None = None
    """Atto di nomina o di incarico (es. «Decreto sindacale n. 4 del 12/01/2024»)."""
    email: Email | None = None
    """Indirizzo di posta elettronica istituzionale."""
