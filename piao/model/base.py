"""Building blocks shared by the section models: the strict base class, codes, years,
indicators and dated acts.

Conventions (DESIGN.md §4): YAML keys are the field names, in Italian; every field has an
Italian description (the attribute docstring), which reaches editors via the JSON Schema;
codes and act numbers are strings; yearly values are `{anno: valore}` maps.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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


Codice = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z][A-Z0-9]*([._-][A-Z0-9]+)*$", max_length=40),
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

Testo = Annotated[str, StringConstraints(min_length=1, max_length=20000)]
"""A non-empty text."""

Anno = Annotated[int, Field(ge=2000, le=2100)]
"""A calendar year."""

NonNegativo = Annotated[int, Field(ge=0)]
"""A count: zero or more."""

Percentuale = Annotated[float, Field(ge=0, le=100)]


class Euro:
    """Marks a number as an amount in euro (for the checks on how figures are written)."""


class NomeDiPersona:
    """Marks a text that names a person (checked against codes written in its place)."""


NomePersona = Annotated[str, StringConstraints(min_length=1, max_length=20000), NomeDiPersona()]
"""A person's name («Dott.ssa Anna Verdi»), never a code."""


Importo = Annotated[float, Field(ge=0), Euro()]
"""An amount in euro."""

NumeroAtto = int | Annotated[str, StringConstraints(min_length=1, max_length=40)]
"""The number of an act: `18` or `"18/2026"`."""

Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=2000)]

Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=320)]

ValoreIndicatore = float | Annotated[str, StringConstraints(min_length=1, max_length=500)]
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
    data: datetime.date
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
