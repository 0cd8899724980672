"""The mapping file (tracciato) of a legacy sheet: which column of the office's own sheet
holds which field of sottosezione 2.3, on which sheet and row, and how its values translate.

Two layouts are known: a process map in the style of PNA 2019 Allegato 1 (processes with
their area, unit, phases, the six qualitative indicators and the judgement) and the
transparency table of delibera ANAC 1310/2016 (L1, L2, riferimento normativo, obbligo,
contenuti, aggiornamento, responsabili). A column is named by its header text or by its
letter (`{colonna: C}`); values are translated through `valori` before they are checked
against the closed lists.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from piao.loading.yamlio import parse_yaml
from piao.model.rischi_corruttivi import IndicatoriRischio
from piao.resources import data_dir

Sezione = Literal["rischi_corruttivi", "trasparenza"]

INDICATORI = tuple(IndicatoriRischio.model_fields)
"""The six indicators of PNA 2019 Allegato 1, as the model names them."""

CAMPI: dict[str, tuple[str, ...]] = {
    "rischi_corruttivi": (
        "codice",
        "denominazione",
        "descrizione",
        "area_rischio",
        "area_rischio_descrizione",
        "unita_responsabile",
        "fase",
        "evento_rischioso",
        "fattori_abilitanti",
        *INDICATORI,
        "giudizio",
        "motivazione",
    ),
    "trasparenza": (
        "codice",
        "livello_1",
        "livello_2",
        "riferimento_normativo",
        "denominazione",
        "contenuto",
        "aggiornamento",
        "termine_giorni",
        "responsabile_dati",
        "responsabile_pubblicazione",
        "url",
    ),
}
"""The fields a column may fill, per section (the keys of `colonne`)."""

OBBLIGATORI: dict[str, tuple[str, ...]] = {
    "rischi_corruttivi": ("denominazione", "area_rischio"),
    "trasparenza": ("livello_1", "livello_2"),
}
"""Fields without which a row cannot become a process or an obligation."""

PREFISSO = {"rischi_corruttivi": "PR", "trasparenza": "OB"}
"""The prefix of the codes given to rows when the sheet has no code column."""

LETTERE = re.compile(r"^[A-Z]{1,3}$")


class Colonna(BaseModel):
    """Una colonna indicata con la sua lettera, qualunque sia la sua intestazione."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    colonna: Annotated[str, Field(pattern=LETTERE.pattern)]
    """Lettera della colonna (es. C)."""


class Tracciato(BaseModel):
    """Come leggere un foglio dell'ente: foglio, righe, colonne e traduzione dei valori."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    sezione: Sezione | None = None
    """Che cosa contiene il foglio: «rischi_corruttivi» (mappatura dei processi) o «trasparenza» (obblighi di pubblicazione)."""
    foglio: str | None = None
    """Nome del foglio della cartella di lavoro (se manca: il primo)."""
    riga_intestazione: Annotated[int, Field(ge=1, le=1000)] = 1
    """Numero della riga che contiene le intestazioni delle colonne."""
    prima_riga_dati: Annotated[int, Field(ge=1, le=100000)] | None = None
    """Prima riga dei dati (se manca: quella dopo l'intestazione)."""
    colonne: dict[str, str | Colonna]
    """Per ogni campo del piano, l'intestazione della colonna (es. «Area di rischio») o la sua lettera ({colonna: C})."""
    ignora: list[str] = []
    """Intestazioni delle colonne da non importare, senza segnalazione (es. «Note»)."""
    riempi_in_basso: list[str] = []
    """Campi che, se la cella è vuota, prendono il valore della riga precedente (es. livello_1 scritto una volta sola)."""
    valori: dict[str, dict[str, str]] = {}
    """Traduzione dei valori per gruppo (livelli, area_rischio, unita, aggiornamento, fattori_abilitanti, sottosezione): es. livelli: {A: alto}."""
    scala: Annotated[list[str], Field(min_length=2, max_length=10)] = ["basso", "medio", "alto"]
    """Livelli ammessi per gli indicatori e il giudizio, dal più basso al più alto."""
    separatore: Annotated[str, Field(min_length=1, max_length=3)] = ";"
    """Separatore dei valori multipli in una cella (fattori abilitanti, responsabili)."""

    @model_validator(mode="after")
    def _campi_noti(self) -> Tracciato:
        noti = {c for campi in CAMPI.values() for c in campi}
        ignoti = [c for c in (*self.colonne, *self.riempi_in_basso) if c not in noti]
        if ignoti:
            raise ValueError(
                "campi sconosciuti: "
                + ", ".join(f"«{c}»" for c in ignoti)
                + "; ammessi: "
                + ", ".join(sorted(noti))
            )
        return self

    @property
    def dati_da(self) -> int:
        return self.prima_riga_dati or self.riga_intestazione + 1


GRUPPI = ("livelli", "area_rischio", "unita", "aggiornamento", "fattori_abilitanti", "sottosezione")


TRACCIATI_DI_PIAO = ("pna2019-allegato1", "anac-1310-2016")
"""The example mappings shipped with piao, by name (docs/guida/tracciati/<nome>.yaml)."""


def tracciato_di_piao(nome: str) -> Path | None:
    """The shipped mapping called `nome` (with or without «.yaml»), None if there is none."""
    nome = nome.removesuffix(".yaml")
    return data_dir("tracciati") / f"{nome}.yaml" if nome in TRACCIATI_DI_PIAO else None


class TracciatoError(Exception):
    """A mapping file that cannot be read or does not fit the section (Italian message)."""


def leggi_tracciato(path: Path, sezione: Sezione | None) -> tuple[Tracciato, Sezione]:
    """The mapping of `path`, with the section it reads (the option wins if it agrees)."""
    try:
        testo = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TracciatoError(f"impossibile leggere il tracciato «{path}»: {exc}") from None
    letto = parse_yaml(testo)
    if letto.problems:
        p = letto.problems[0]
        raise TracciatoError(f"il tracciato «{path}», riga {p.line + 1}: {p.message}")
    dati: Any = letto.data
    if not isinstance(dati, dict):
        raise TracciatoError(f"il tracciato «{path}» deve essere un elenco di chiavi: valori.")
    try:
        tracciato = Tracciato.model_validate(json.loads(json.dumps(dati, default=str)))
    except ValidationError as exc:
        righe = [
            f"{'.'.join(str(p) for p in e['loc']) or 'tracciato'}: {e['msg']}" for e in exc.errors()
        ]
        raise TracciatoError(f"il tracciato «{path}» non è valido: " + "; ".join(righe)) from None
    scelta = sezione or tracciato.sezione
    if scelta is None:
        raise TracciatoError("indicare la sezione: --sezione o «sezione:» nel tracciato.")
    if tracciato.sezione is not None and tracciato.sezione != scelta:
        raise TracciatoError(
            f"il tracciato è per «{tracciato.sezione}», non per «{scelta}» (--sezione)."
        )
    estranei = [c for c in tracciato.colonne if c not in CAMPI[scelta]]
    if estranei:
        raise TracciatoError(
            f"campi non previsti per «{scelta}»: "
            + ", ".join(f"«{c}»" for c in estranei)
            + "; ammessi: "
            + ", ".join(CAMPI[scelta])
        )
    assenti = [c for c in OBBLIGATORI[scelta] if c not in tracciato.colonne]
    if assenti:
        raise TracciatoError(
            "il tracciato non dice in quale colonna sono i campi obbligatori "
            + ", ".join(f"«{c}»" for c in assenti)
            + "."
        )
    gruppi = [g for g in tracciato.valori if g not in GRUPPI]
    if gruppi:
        raise TracciatoError(
            "gruppi di valori sconosciuti: "
            + ", ".join(f"«{g}»" for g in gruppi)
            + "; ammessi: "
            + ", ".join(GRUPPI)
        )
    return tracciato, scelta


def schema_tracciato() -> dict[str, Any]:
    """The JSON Schema of a mapping file (docs/guida/tracciati/tracciato.schema.json)."""
    schema = Tracciato.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Tracciato di un foglio dell'ente per piao"
    campi = sorted({c for elenco in CAMPI.values() for c in elenco})
    schema["properties"]["colonne"]["propertyNames"] = {"enum": campi}
    schema["properties"]["riempi_in_basso"]["items"] = {"enum": campi}
    schema["properties"]["valori"]["propertyNames"] = {"enum": list(GRUPPI)}
    return schema
