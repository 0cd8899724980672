"""Comment-preserving round trip of plan files (for `piao init`, `piao rollover` and
`piao format`): load keeps comments, key order, quotes and flow style; dump writes them
back the same way. A file in the house style (block style, short flow collections on one
line) loads and dumps to the same bytes."""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.scalarstring import ScalarString

__all__ = [
    "CommentedMap",
    "CommentedSeq",
    "ScalarString",
    "da_linea",
    "dump_text",
    "house_style",
    "in_linea",
    "load_text",
]

FLOW_MAX = 100
"""Longest flow collection kept on one line; longer ones are written in block style."""


class _Emitter(RoundTripEmitter):
    """ruamel's emitter, with one fix: «directly after `- `» (`no_newline`) is set by an item
    and consumed by the block collection it holds; an item holding a flow collection with an
    end-of-line comment, in a list with a comment before its first item, leaves it set, and
    the next item, if a block mapping, lost its line breaks (`- codice: A titolo: x`, which
    does not parse). A later item never starts directly after a dash."""

    def expect_block_sequence_item(self, first: bool = False) -> None:
        if not first:
            self.no_newline = False
        super().expect_block_sequence_item(first)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Emitter = _Emitter
    yaml.preserve_quotes = True
    yaml.width = 4096  # never wrap: long collections go to block style instead
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def load_text(text: str) -> Any:
    return _yaml().load(text)


def dump_text(data: Any) -> str:
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    return buffer.getvalue()


def _flow_length(node: Any) -> int:
    return len(dump_text(node).rstrip("\n").split("\n")[0])


def house_style(node: Any, depth: int = 0) -> Any:
    """Block style for flow collections too long for one line (in place); returns node."""
    if isinstance(node, CommentedMap | CommentedSeq):
        children = node.values() if isinstance(node, CommentedMap) else list(node)
        for child in children:
            house_style(child, depth + 1)
        if node.fa.flow_style() and _flow_length(node) + 2 * depth > FLOW_MAX:
            node.fa.set_block_style()
    return node


def in_linea(data: Any) -> str:
    """`data` as one line of YAML (flow style), for a value that has no table form."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = True
    yaml.width = 1_000_000
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue().strip().removesuffix("...").strip()


def da_linea(text: str) -> Any:
    """The value of one line of YAML written by `in_linea` (or by hand)."""
    return YAML(typ="safe", pure=True).load(text)
