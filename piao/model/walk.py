"""Walk a plan's models: every coded object, every reference between them, every person's name.

References are declared on the model fields (`Annotated[Codice, Riferimento(...)]`, see
`piao.model.base`); this module reads those declarations from the runtime class of each
object, so a field added to a model is walked without any list to keep in step.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Union

from pydantic import BaseModel

from piao.model.base import NomeDiPersona, Riferimento
from piao.model.introspect import metadati

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Oggetto:
    """A coded object anywhere in the plan, with where it is."""

    codice: str
    file: str
    path: YamlPath
    model: BaseModel


@dataclass(frozen=True)
class Citazione:
    """One reference: the code written at `path` of `file`, which must name an object of
    one of `riferimento.bersagli` (any coded object when empty)."""

    codice: str
    file: str
    path: YamlPath
    riferimento: Riferimento
    fonte: BaseModel
    """The object holding the field."""
    campo: str
    fonte_codice: str | None
    """The code of the nearest coded object along the path (the object that cites)."""


@dataclass(frozen=True)
class CampoRiferimento:
    nome: str
    riferimento: Riferimento
    elenco: bool
    """A list of codes rather than one code (the first form the type allows)."""
    fissi: frozenset[str] = frozenset()
    """Closed-list values the field accepts besides codes (a role such as
    «tutti_i_dirigenti» instead of a unit): they are not references."""


def _marker(tp: Any) -> Riferimento | None:
    if typing.get_origin(tp) is typing.Annotated:
        for meta in tp.__metadata__:
            if isinstance(meta, Riferimento):
                return meta
        return _marker(typing.get_args(tp)[0])
    return None


def _reference_of(tp: Any) -> tuple[Riferimento, bool] | None:
    """The reference declared by a field type: `X`, `X | None` or `list[X]` with X marked."""
    found = _marker(tp)
    if found is not None:
        return found, False
    origin = typing.get_origin(tp)
    if origin in (Union, typing.get_origin(int | None)):
        for arg in typing.get_args(tp):
            inner = _reference_of(arg)
            if inner is not None:
                return inner
    if origin is list:
        item = _marker(typing.get_args(tp)[0])
        if item is not None:
            return item, True
    return None


def _letterali(tp: Any) -> frozenset[str]:
    """The Literal values anywhere in a field type (unions, lists, Annotated)."""
    if typing.get_origin(tp) is typing.Literal:
        return frozenset(str(v) for v in typing.get_args(tp))
    if typing.get_origin(tp) is typing.Annotated:
        return _letterali(typing.get_args(tp)[0])
    out: frozenset[str] = frozenset()
    for arg in typing.get_args(tp):
        out |= _letterali(arg)
    return out


@cache
def campi_riferimento(model: type[BaseModel]) -> tuple[CampoRiferimento, ...]:
    """The reference fields a model class declares, in field order."""
    out = []
    for name, field in model.model_fields.items():
        marks = [m for m in field.metadata if isinstance(m, Riferimento)]
        if marks:
            out.append(CampoRiferimento(name, marks[0], False))
            continue
        found = _reference_of(field.annotation)
        if found is not None:
            out.append(CampoRiferimento(name, *found, _letterali(field.annotation)))
    return tuple(out)


def _children(model: BaseModel, path: YamlPath) -> Iterator[tuple[BaseModel, YamlPath]]:
    for name in type(model).model_fields:
        value: Any = getattr(model, name)
        if isinstance(value, BaseModel):
            yield value, (*path, name)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield item, (*path, name, i)


def _own_code(model: BaseModel) -> str | None:
    codice = getattr(model, "codice", None)
    return codice if isinstance(codice, str) else None


def oggetti(model: BaseModel, file: str, path: YamlPath = ()) -> Iterator[Oggetto]:
    """Every nested model with a `codice`, depth first, with its YAML path."""
    codice = _own_code(model)
    if codice is not None:
        yield Oggetto(codice, file, path, model)
    for child, child_path in _children(model, path):
        yield from oggetti(child, file, child_path)


def nomi_per_codice(model: BaseModel) -> dict[str, str]:
    """Every coded object under `model` by code: its name, title or description (the first
    object wins when two share a code)."""
    out: dict[str, str] = {}
    for o in oggetti(model, ""):
        for campo in ("denominazione", "titolo", "descrizione", "nome"):
            valore = getattr(o.model, campo, None)
            if isinstance(valore, str) and valore:
                out.setdefault(o.codice, valore)
                break
    return out


def citazioni(
    model: BaseModel, file: str, path: YamlPath = (), fonte_codice: str | None = None
) -> Iterator[Citazione]:
    """Every reference written anywhere inside `model`, depth first."""
    fonte_codice = _own_code(model) or fonte_codice
    for campo in campi_riferimento(type(model)):
        value: Any = getattr(model, campo.nome)
        # A field may take one code or a list of them (`X | list[X]`), whatever its first form.
        scritti = (
            [((*path, campo.nome, i), v) for i, v in enumerate(value)]
            if isinstance(value, list)
            else [((*path, campo.nome), value)]
        )
        for dove, codice in scritti:
            if isinstance(codice, str) and codice not in campo.fissi:
                yield Citazione(
                    codice, file, dove, campo.riferimento, model, campo.nome, fonte_codice
                )
    for child, child_path in _children(model, path):
        yield from citazioni(child, file, child_path, fonte_codice)


@dataclass(frozen=True)
class NomeScritto:
    """A person's name as written at `path` of `file`."""

    nome: str
    file: str
    path: YamlPath


@cache
def _campi_nome(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields a model class declares as a person's name."""
    return tuple(
        name
        for name, field in model.model_fields.items()
        if any(isinstance(m, NomeDiPersona) for m in (*field.metadata, *metadati(field.annotation)))
    )


def nomi_di_persona(model: BaseModel, file: str, path: YamlPath = ()) -> Iterator[NomeScritto]:
    """Every field declared as a person's name, anywhere below `model`, with its value."""
    for name in _campi_nome(type(model)):
        value: Any = getattr(model, name)
        if isinstance(value, str):
            yield NomeScritto(value, file, (*path, name))
    for child, child_path in _children(model, path):
        yield from nomi_di_persona(child, file, child_path)
