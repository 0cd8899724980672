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
