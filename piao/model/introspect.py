"""Reading the declared field types of the models (for messages and for `piao init`)."""

from __future__ import annotations

import types
import typing
from typing import Any, Union


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
