"""Reading the declared field types of the models (for messages and for `piao init`)."""

from __future__ import annotations

import types
import typing
from typing import Any, Union

from pydantic import BaseModel


def unwrap(tp: Any) -> Any:
    """`tp` without its `Annotated[...]` layers."""
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def members(tp: Any) -> list[Any]:
    """The alternatives of an optional or union type (None left out), each unwrapped."""
    tp = unwrap(tp)
    if typing.get_origin(tp) in (Union, types.UnionType):
        return [unwrap(a) for a in typing.get_args(tp) if a is not type(None)]
    return [tp]


def metadati(tp: Any) -> list[Any]:
    """The `Annotated` metadata of `tp` and of each alternative of a union (not of the items
    of a list or dict): where the models put their marks (`Euro`, `NomeDiPersona`)."""
    out: list[Any] = []
    stack = [tp]
    while stack:
        current = stack.pop()
        origin = typing.get_origin(current)
        if origin is typing.Annotated:
            base, *extra = typing.get_args(current)
            out.extend(extra)
            stack.append(base)
        elif origin is not None and origin not in (list, dict):
            stack.extend(typing.get_args(current))
    return out


def tipo_al_percorso(model: Any, path: typing.Iterable[str | int]) -> tuple[Any, list[Any]] | None:
    """The type a model declares at a YAML `path` inside it, with the metadata of the last
    field on the way (pydantic keeps a field's `Annotated` extras apart from its type);
    None when the path leaves what the model declares."""
    tp: Any = model
    meta: list[Any] = []
    for part in path:
        nxt: Any = None
        for member in members(tp):
            origin = typing.get_origin(member)
            if isinstance(member, type) and issubclass(member, BaseModel):
                field = member.model_fields.get(str(part))
                if field is not None:
                    nxt, meta = field.annotation, list(field.metadata)
            elif origin is list and isinstance(part, int):
                nxt, meta = typing.get_args(member)[0], []
            elif origin is dict:
                nxt, meta = typing.get_args(member)[1], []
            if nxt is not None:
                break
        if nxt is None:
            return None
        tp = nxt
    return tp, meta
