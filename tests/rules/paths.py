"""Paths of the rule cases, written like `format_path` but addressing coded objects by code.

`obiettivi[OBP-02].indicatori[OBP-02-I1].target.2026`: keys are separated by `.`; a
bracket selects a list item, by its `codice` (`misure[MIS-14]`) or, only in lists whose
items have no `codice`, by index (`fasi[0]`, `pareri[1]`); an integer after a dot is a
year key of an `{anno: valore}` map, a word after a dot may also be the key of a
`{testo: valore}` map (`soglie.medio`). The empty path is the root of a file.

A path is checked statically against the pydantic models (`model_error`) and resolved
against the data of a plan file into the real YAML path of keys and indexes (`resolve`);
`written` turns a real YAML path back into this notation.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from piao.findings import YamlPath
from piao.model import SEZIONI_PER_FILE
from piao.model.introspect import members


@dataclass(frozen=True, slots=True)
class Chiave:
    """A mapping key: a field name, or a year of an `{anno: valore}` map."""

    nome: str | int

    def __str__(self) -> str:
        return f".{self.nome}"


@dataclass(frozen=True, slots=True)
class Voce:
    """A list item: its `codice`, or its index in a list whose items have no code."""

    selettore: str | int

    def __str__(self) -> str:
        return f"[{self.selettore}]"


Segmento = Chiave | Voce

_KEY = r"[^.\[\]]+"
_SEL = r"[^\[\]]+"
_PATH = re.compile(rf"{_KEY}(?:\.{_KEY}|\[{_SEL}\])*")
_TOKEN = re.compile(rf"(?:^|\.)({_KEY})|\[({_SEL})\]")


def _number_or_text(text: str) -> str | int:
    return int(text) if text.isdigit() else text


def parse_path(text: str) -> tuple[Segmento, ...]:
    """`misure[MIS-14].fasi[0].scadenza` → (Chiave, Voce, Chiave, Voce, Chiave)."""
    if not text:
        return ()
    if not _PATH.fullmatch(text):
        raise ValueError(f"malformed path {text!r}")
    return tuple(
        Chiave(_number_or_text(key)) if key else Voce(_number_or_text(sel))
        for key, sel in _TOKEN.findall(text)
    )


def show(segments: tuple[Segmento, ...]) -> str:
    return "".join(map(str, segments)).removeprefix(".")


def _coded(item: Any) -> bool:
    return isinstance(item, dict) and "codice" in item


def _index(items: list[Any], voce: Voce) -> int:
    """The index of the item `voce` selects; fails loudly when it is not exactly one."""
    if isinstance(voce.selettore, int):
        if any(_coded(item) for item in items):
            raise LookupError(f"{voce}: the items have a codice, select them by it")
        if not 0 <= voce.selettore < len(items):
            raise LookupError(f"{voce}: the list has {len(items)} items")
        return voce.selettore
    hits = [i for i, item in enumerate(items) if _coded(item) and item["codice"] == voce.selettore]
    if len(hits) != 1:
        raise LookupError(f"{voce}: {len(hits)} items have that codice")
    return hits[0]


def resolve(data: Any, segments: tuple[Segmento, ...]) -> YamlPath:
    """The real YAML path of `segments` in `data`; a final key need not exist."""
    node = data
    out: list[str | int] = []
    for segment in segments:
        if isinstance(segment, Chiave):
            out.append(segment.nome)
            node = node.get(segment.nome) if isinstance(node, dict) else None
        elif isinstance(node, list):
            index = _index(node, segment)
            out.append(index)
            node = node[index]
        else:
            raise LookupError(f"{segment} after {show(segments[: len(out)])!r}, not a list")
    return tuple(out)


def written(data: Any, path: YamlPath) -> str:
    """A real YAML path in the notation of the cases (coded list items by their code)."""
    node = data
    segments: list[Segmento] = []
    for part in path:
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            item = node[part]
            segments.append(Voce(item["codice"] if _coded(item) else part))
            node = item
        elif isinstance(part, int) and not isinstance(node, dict):
            segments.append(Voce(part))
            node = None
        else:
            segments.append(Chiave(part))
            node = node.get(part) if isinstance(node, dict) else None
    return show(tuple(segments))


def model_error(file: str, segments: tuple[Segmento, ...]) -> str | None:
    """Why `segments` cannot be a path of `file` according to its model, or None."""
    if file not in SEZIONI_PER_FILE:
        return f"{file!r} is not a section file"
    current: Any = SEZIONI_PER_FILE[file].model
    for n, segment in enumerate(segments):
        where = f"{segment} after {show(segments[:n]) or 'the root'!r}"
        alternatives = members(current)
        if isinstance(segment, Chiave) and isinstance(segment.nome, str):
            models = [m for m in alternatives if _is_model(m) and segment.nome in m.model_fields]
            mappe = [a for a in alternatives if typing.get_origin(a) is dict]
            if not models and mappe:  # a key of a {text: value} map, e.g. soglie.medio
                current = typing.get_args(mappe[0])[-1]
                continue
            if not models:
                names = ", ".join(getattr(a, "__name__", str(a)) for a in alternatives)
                return f"{where}: not a field of {names}"
            current = models[0].model_fields[segment.nome].annotation
            continue
        origin = dict if isinstance(segment, Chiave) else list
        containers = [a for a in alternatives if typing.get_origin(a) is origin]
        if not containers:
            return f"{where}: does not follow a {origin.__name__}[...] field"
        current = typing.get_args(containers[0])[-1]
        if isinstance(segment, Voce):
            coded = any(_is_model(m) and "codice" in m.model_fields for m in members(current))
            if coded and isinstance(segment.selettore, int):
                return f"{where}: an index into a list of coded objects (select by codice)"
            if not coded and isinstance(segment.selettore, str):
                return f"{where}: a codice selector into a list of items without codice"
    return None


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)
