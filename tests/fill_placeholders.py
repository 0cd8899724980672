"""Fill every placeholder of a plan written by `piao init` with a plausible value of the
field's declared type, as a user who follows the template literally would: the first
allowed value of a closed list, a date inside the triennio, a number, a text."""

from __future__ import annotations

import datetime
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from piao.loading.roundtrip import CommentedMap, CommentedSeq, dump_text, load_text
from piao.model import SEZIONI
from piao.model.base import PLACEHOLDERS
from piao.model.introspect import members, unwrap


def _candidates(anno: int) -> list[Any]:
    return [
        datetime.date(anno, 6, 30),
        12,
        1,
        anno,
        True,
        "Testo compilato dall'ufficio",
        "https://www.comune.nuovo.it/piao",
        "ufficio@comune.nuovo.it",
        "00123450987",
        "012345",
        "08",
        "0801",
        "COD-01",
    ]


def _value(annotation: Any, anno: int) -> Any:
    """The first candidate the annotation accepts (first allowed value of a closed list)."""
    for tp in members(annotation):
        if typing.get_origin(tp) is typing.Literal:
            return typing.get_args(tp)[0]
    adapter: TypeAdapter[Any] = TypeAdapter(annotation, config=ConfigDict(strict=True))
    for candidate in _candidates(anno):
        try:
            adapter.validate_python(candidate)
        except ValidationError:
            continue
        return candidate
    raise AssertionError(f"no plausible value for {annotation}")


def _model(annotation: Any) -> type[BaseModel] | None:
    for tp in members(annotation):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return tp
    return None


def _fill(node: Any, annotation: Any, anno: int) -> tuple[Any, int]:
    """The node with its placeholders filled, and how many there were."""
    if isinstance(node, str) and node in PLACEHOLDERS:
        return _value(annotation, anno), 1
    count = 0
    if isinstance(node, CommentedMap):
        model = _model(annotation)
        if model is not None:
            for key in list(node):
                field = model.model_fields[str(key)]
                node[key], n = _fill(node[key], field.rebuild_annotation(), anno)
                count += n
            return node, count
        for tp in members(annotation):
            if typing.get_origin(tp) is dict:
                value_type = typing.get_args(tp)[1]
                for key in list(node):
                    node[key], n = _fill(node[key], value_type, anno)
                    count += n
        return node, count
    if isinstance(node, CommentedSeq):
        item_type = next(
            (typing.get_args(tp)[0] for tp in members(annotation) if typing.get_origin(tp) is list),
            annotation,
        )
        for i, item in enumerate(node):
            node[i], n = _fill(item, unwrap(item_type), anno)
            count += n
    return node, count


def fill_plan(folder: Path, anno: int) -> int:
    """Fill every placeholder of the plan in `folder` in place; the number filled."""
    total = 0
    for sezione in SEZIONI:
        path = folder / sezione.file
        if not path.exists():
            continue
        data, n = _fill(load_text(path.read_text(encoding="utf-8")), sezione.model, anno)
        path.write_text(dump_text(data), encoding="utf-8")
        total += n
    return total
