"""Italian forms whose meaning is plain, read as the schema's codes before validation.

A key or a closed-list value written with accents, capitals or spaces (`modalità`,
`Pari opportunità`, `Semplificato`) is the same word as the code (`modalita`,
`pari_opportunita`, `semplificato`), and `sì`/`si`/`no`/`vero`/`falso` in a yes/no field are
plainly true or false. These are accepted without a finding: the mapping is one-to-one
onto a closed list (two codes with the same normal form are never guessed between, a key
already written in the code's form is never overwritten), and the document prints the
Italian label with its accents, so the reader sees the word the user wrote. Nothing whose
meaning could differ is accepted: free texts and codes are left as written, a misspelt
value keeps its «Forse intendevi» hint, and an old category (`cat. C`, `B3`) is only
translated to its CCNL area in the hint (`vecchia_categoria`), never applied.

The normalised data keeps the YAML paths of the source apart from the key spelling;
`SourceMap.locate` finds `modalità` when asked for `modalita`.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel

from piao.loading.normale import forma_normale
from piao.model.introspect import members
from piao.reference.tables import riferimenti

_SI = frozenset({"si", "vero"})
_NO = frozenset({"no", "falso"})


def normalizza(tp: Any, data: Any) -> Any:
    """A copy of `data` with the Italian forms of keys, closed-list values and yes/no
    values of the model type `tp` written as the schema's codes."""
    forma = _forma(tp)
    for tipo, argomento in forma.strutture:
        if tipo == "modello" and isinstance(data, dict):
            return _mappa(argomento, data)
        if tipo == "elenco" and isinstance(data, list):
            return [normalizza(argomento, v) for v in data]
        if tipo == "dizionario" and isinstance(data, dict):
            return {k: normalizza(argomento, v) for k, v in data.items()}
    if isinstance(data, str):
        return _scalare(forma, data)
    return data


@dataclass(frozen=True)
class _Forma:
    """What `normalizza` needs of a type, computed once per type."""

    strutture: tuple[tuple[str, Any], ...]
    """(kind, argument) of each model, list or dict alternative, in declaration order."""
    testo_libero: bool
    ammessi: frozenset[str]
    per_forma: dict[str, str]
    si_no: bool


_FORME: dict[int, tuple[Any, _Forma]] = {}
"""Computed forms by the type's identity (the type is kept, so the identity stays its own)."""


def _forma(tp: Any) -> _Forma:
    trovata = _FORME.get(id(tp))
    if trovata is not None and trovata[0] is tp:
        return trovata[1]
    scelte = members(tp)
    strutture: list[tuple[str, Any]] = []
    for member in scelte:
        origin = typing.get_origin(member)
        if isinstance(member, type) and issubclass(member, BaseModel):
            strutture.append(("modello", member))
        elif origin is list:
            strutture.append(("elenco", typing.get_args(member)[0]))
        elif origin is dict:
            strutture.append(("dizionario", typing.get_args(member)[1]))
    ammessi = valori_ammessi(scelte)
    forma = _Forma(
        tuple(strutture),
        str in scelte,
        frozenset(ammessi),
        _univoci((forma_normale(a), a) for a in ammessi),
        bool in scelte,
    )
    _FORME[id(tp)] = (tp, forma)
    return forma


@cache
def _campi(model: type[BaseModel]) -> dict[str, str]:
    """Normal form → field name of a model's fields (forms two fields share left out)."""
    return _univoci((forma_normale(nome), nome) for nome in model.model_fields)


def _mappa(model: type[BaseModel], data: dict[Any, Any]) -> dict[Any, Any]:
    campi = model.model_fields
    out: dict[Any, Any] = {}
    for chiave, valore in data.items():
        nome = chiave
        if isinstance(chiave, str) and chiave not in campi:
            codice = _campi(model).get(forma_normale(chiave))
            if codice is not None and codice not in data and codice not in out:
                nome = codice
        campo = campi.get(nome) if isinstance(nome, str) else None
        out[nome] = normalizza(campo.annotation, valore) if campo is not None else valore
    return out


def _scalare(forma: _Forma, testo: str) -> Any:
    if forma.testo_libero or testo in forma.ammessi:
        return testo  # a free text or a code: kept as written
    normale = forma_normale(testo)
    codice = forma.per_forma.get(normale)
    if codice is not None:
        return codice
    if forma.si_no and normale in _SI | _NO:
        return normale in _SI
    return testo


def valori_ammessi(scelte: list[Any]) -> list[str]:
    """The string values of the `Literal` alternatives among `scelte`."""
    return [
        str(v)
        for member in scelte
        if typing.get_origin(member) is Literal
        for v in typing.get_args(member)
        if isinstance(v, str)
    ]


def _univoci(coppie: Any) -> dict[str, str]:
    """forma → codice, without the forms two codes share (never guessed between)."""
    out: dict[str, str] = {}
    doppi: set[str] = set()
    for forma, codice in coppie:
        if forma in out and out[forma] != codice:
            doppi.add(forma)
        out[forma] = codice
    return {f: c for f, c in out.items() if f not in doppi}


# --- the categories before the CCNL Funzioni Locali 2019-2021 -------------------------------

_CATEGORIA = re.compile(r"(?:cat(?:egoria)?[\s._]*)?([abcd])[\s._]*(\d{0,2})", re.IGNORECASE)


def superati() -> frozenset[str]:
    """Closed-list values kept only so that a rule can flag them (`categoria_c`): never
    offered as a fix."""
    return frozenset(c for c, voce in riferimenti().aree_ccnl.items() if voce.legacy)


def vecchia_categoria(testo: str) -> tuple[str, str] | None:
    """(«C», area code) when `testo` names a category or economic position of the system
    before 01/04/2023 (`cat. C`, `C1`, `B3`, `categoria D`, `categoria_c`); None otherwise.

    The area comes from the transposition table of the reference data (aree_ccnl.csv,
    column ex_categoria: A → operatori, B → operatori_esperti, C → istruttori, D →
    funzionari_eq).
    """
    match = _CATEGORIA.fullmatch(testo.strip())
    if match is None:
        return None
    lettera = match.group(1).upper()
    for codice, voce in riferimenti().aree_ccnl.items():
        if not voce.legacy and voce.ex_categoria[:1] == lettera:
            posizione = match.group(2)
            return f"{lettera}{posizione}", codice
    return None


def suggerimento_area(testo: str) -> str | None:
    """The hint for an old category: the CCNL area to write, with its source."""
    trovata = vecchia_categoria(testo)
    if trovata is None:
        return None
    scritta, codice = trovata
    area = riferimenti().aree_ccnl[codice]
    che = "la posizione economica" if scritta[1:] else "la categoria"
    return (
        f"Dal 01/04/2023 {che} {scritta} del sistema precedente corrisponde all'"
        f"{area.denominazione} (CCNL Funzioni Locali 2019-2021, trasposizione automatica): "
        f"scrivere «{codice}» dopo aver verificato l'inquadramento."
    )
