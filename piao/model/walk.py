"""Walk a plan's models: every coded object and every reference between them.

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

from piao.model.base import Riferimento

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
    """Declared as a list of codes rather than one code (a field declared as one code may
    also accept a list, `X | list[X]`: the walker follows the value)."""


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
            out.append(CampoRiferimento(name, *found))
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


def citazioni(
    model: BaseModel, file: str, path: YamlPath = (), fonte_codice: str | None = None
) -> Iterator[Citazione]:
    """Every reference written anywhere inside `model`, depth first."""
    fonte_codice = _own_code(model) or fonte_codice
    for campo in campi_riferimento(type(model)):
        value: Any = getattr(model, campo.nome)
        # The value decides, not the declaration: a field may hold one code or a list of
        # codes (`CodiceUnita | list[CodiceUnita]`), each checked where it is written.
        if isinstance(value, list):
            for i, codice in enumerate(value):
                yield Citazione(
                    codice,
                    file,
                    (*path, campo.nome, i),
                    campo.riferimento,
                    model,
                    campo.nome,
                    fonte_codice,
                )
        elif value is not None:
            yield Citazione(
                value, file, (*path, campo.nome), campo.riferimento, model, campo.nome, fonte_codice
            )
    for child, child_path in _children(model, path):
        yield from citazioni(child, file, child_path, fonte_codice)
