"""Parse one YAML file safely and carefully, keeping positions: the round-trip parser, for
the files the fast path (`veloce`) leaves to it and for authoring.

Safety: tags other than the YAML core ones (`!!python/object`, `!custom`, ...) are refused
before anything is constructed; anchors and aliases are refused (they are never needed
in a plan and are the vehicle of "billion laughs" bombs); nesting depth is bounded.
Every problem becomes a `YamlProblem` with a 0-based line and column, never an exception.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent

from piao.loading.posizioni import Elenco, Mappa, Nodo

MAX_DEPTH = 64

_CORE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge")
)


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """A problem found while reading YAML. `kind` selects the finding code."""

    kind: str  # syntax | duplicate_key | tag | alias | depth
    message: str
    line: int  # 0-based
    column: int  # 0-based


def duplicato(key: Any, prima: int | None, line: int, column: int) -> YamlProblem:
    """A key written again at (line, column) of the same mapping; `prima` is the 0-based line
    of its first occurrence, whose value is the one kept."""
    where = f" (già presente alla riga {prima + 1})" if prima is not None else ""
    return YamlProblem(
        "duplicate_key",
        f"Chiave «{key}» ripetuta{where}: vale solo la prima, eliminare o rinominare il duplicato.",
        line,
        column,
    )


class _Refused(MarkedYAMLError):
    """Raised inside ruamel to stop at a construct we refuse; carries our `kind`."""

    def __init__(self, kind: str, message: str, mark: Any) -> None:
        super().__init__(problem=message, problem_mark=mark)
        self.kind = kind


class _SafeComposer(Composer):
    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            raise _Refused(
                "alias",
                "Ancore e alias YAML (&nome, *nome) non sono ammessi nei file del piano: "
                "scrivere i valori per esteso.",
                self.parser.peek_event().start_mark,
            )
        return super().compose_node(parent, index)


class _SafeConstructor(RoundTripConstructor):
    """Round-trip constructor that refuses foreign tags and records duplicate keys."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates: list[YamlProblem] = []

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        tag = str(node.tag)
        if tag not in _CORE_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(
                "tag",
                f"Il tag YAML «{shown}» non è ammesso: i file del piano contengono solo "
                "testi, numeri, date, elenchi e mappe.",
                node.start_mark,
            )
        return super().construct_object(node, deep=deep)

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        if key in mapping:
            first = mapping.lc.key(key) if hasattr(mapping, "lc") else None
            mark = key_node.start_mark
            riga = first[0] if first else None
            self.duplicates.append(duplicato(key, riga, mark.line, mark.column))
            return False
        return True

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        # An impossible date such as 2026-02-30 stays a string, so that validation
        # reports it at its place instead of the parser failing the whole file.
        try:
            return super().construct_yaml_timestamp(node, values)
        except (ValueError, OverflowError):
            return str(node.value)


_SafeConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _SafeConstructor.construct_yaml_timestamp
)


def _new_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Composer = _SafeComposer
    yaml.Constructor = _SafeConstructor
    yaml.max_depth = MAX_DEPTH
    yaml.allow_duplicate_keys = False
    return yaml


_SYNTAX_IT = {
    "mapping values are not allowed here": "«:» in una posizione non ammessa (mancano le "
    "virgolette attorno a un testo che contiene «: »?)",
    "could not find expected ':'": "manca il «:» dopo la chiave",
    "did not find expected key": "rientro (indentazione) non coerente o elemento fuori posto",
    "did not find expected '-' indicator": "rientro non coerente in un elenco",
    "found character '\\t' that cannot start any token": "carattere di tabulazione: "
    "usare gli spazi per il rientro",
    "found unexpected end of stream": "fine del file inattesa (virgolette o parentesi non chiuse?)",
    "found undefined alias": "alias non definito",
    "expected <block end>, but found": "rientro non coerente",
    "while scanning a quoted scalar": "virgolette non chiuse",
    "found unknown escape character": "sequenza di escape non valida tra virgolette doppie",
    "while scanning a simple key": "manca il «:» dopo la chiave",
    "expected ',' or ']'": "elenco tra parentesi quadre non chiuso correttamente",
    "expected ',' or '}'": "mappa tra parentesi graffe non chiusa correttamente",
    "found unexpected ':'": "«:» inatteso",
    "maximum depth of data structure exceeded": f"struttura annidata oltre {MAX_DEPTH} livelli",
}


def _italian(problem: str) -> str:
    for english, italian in _SYNTAX_IT.items():
        if english in problem:
            return italian
    return f"struttura YAML non valida ({problem.strip()})"


_CHIAVE = re.compile(r"^( *)(?:- +)*([^\s#'\"{\[][^:#]*?):(?: |$)")
"""A block line `key: ...` (possibly after `- `): its indentation and its key."""


def _rientro(text: str, problem: YamlProblem) -> YamlProblem | None:
    """The real cause of «mapping values are not allowed here» when it is an indentation,
    located at the key.

    A `key: value` line indented more than the plain value on the line above is read as the
    continuation of that text, and its «: » is then out of place: the fix is the indent, not
    quotes. None when the line above is not such a plain value.
    """
    righe = text.split("\n")
    riga = problem.line
    if not 0 < riga < len(righe):
        return None
    questa = _CHIAVE.match(righe[riga])
    sopra = next(
        (r for r in reversed(righe[:riga]) if r.strip() and not r.lstrip().startswith("#")),
        None,
    )
    prima = _CHIAVE.match(sopra) if sopra is not None else None
    if questa is None or sopra is None or prima is None or not sopra[prima.end() :].strip():
        return None
    colonna = len(questa.group(1))
    attesa = prima.start(2)
    if colonna <= attesa:
        return None
    message = (
        f"la chiave «{questa.group(2).strip()}» ha un rientro di {colonna} spazi, più della "
        f"chiave «{prima.group(2).strip()}» della riga sopra ({attesa}): YAML la legge come "
        f"seguito di quel testo. Allineare le chiavi della stessa mappa con lo stesso numero "
        f"di spazi"
    )
    return YamlProblem(problem.kind, message, riga, colonna)


@dataclass
class Parsed:
    data: Any
    problems: list[YamlProblem]


def parse_yaml(text: str) -> Parsed:
    """Parse `text` (one document) into CommentedMap/CommentedSeq trees with positions.

    On a fatal problem `data` is None and `problems` says why; duplicate keys are
    recorded but do not stop parsing.
    """
    yaml = _new_yaml()
    try:
        docs = list(yaml.load_all(text))
    except _Refused as exc:
        return Parsed(None, [_problem(exc.kind, exc.problem, exc.problem_mark)])
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "could not find expected ':'" in str(exc.problem) and exc.context_mark is not None:
            # The scanner notices the missing colon on the next line: the key is where it began.
            mark = exc.context_mark
        kind = "depth" if "maximum depth" in str(exc.problem) else "syntax"
        message = _italian(str(exc.problem or exc.context))
        problem = _problem(kind, message, mark)
        if "mapping values are not allowed here" in str(exc.problem):
            problem = _rientro(text, problem) or problem
        return Parsed(None, [problem])
    except (YAMLError, RecursionError, ValueError) as exc:  # pragma: no cover - defensive
        return Parsed(None, [YamlProblem("syntax", _italian(str(exc)), 0, 0)])
    constructor = getattr(yaml, "constructor", None)
    duplicates = list(getattr(constructor, "duplicates", []))
    if len(docs) > 1:
        return Parsed(
            None,
            [
                YamlProblem(
                    "syntax",
                    "Il file contiene più documenti YAML (separati da «---»): "
                    "ogni sezione del piano è un solo documento.",
                    0,
                    0,
                )
            ],
        )
    return Parsed(docs[0] if docs else None, duplicates)


def _problem(kind: str, message: str | None, mark: Any) -> YamlProblem:
    line = getattr(mark, "line", 0) or 0
    column = getattr(mark, "column", 0) or 0
    return YamlProblem(kind, message or "errore YAML", line, column)


def albero_posizioni(node: Any) -> Nodo | None:
    """The position tree (`posizioni`) of a round-trip tree: where each key and value was
    written, from ruamel's line and column records."""
    if isinstance(node, CommentedMap):
        voci: dict[Any, tuple[int, int, int, int, Nodo | None]] = {}
        for key, value in node.items():
            try:
                kl, kc, vl, vc = (int(x) for x in node.lc.data[key][:4])
            except (KeyError, IndexError, TypeError, ValueError):
                continue
            voci[key] = (kl, kc, vl, vc, albero_posizioni(value))
        return Mappa(*_inizio(node), voci)
    if isinstance(node, CommentedSeq):
        elementi: list[tuple[int, int, Nodo | None]] = []
        for i, value in enumerate(node):
            try:
                il, ic = (int(x) for x in node.lc.data[i][:2])
            except (KeyError, IndexError, TypeError, ValueError):
                il, ic = _inizio(node)
            elementi.append((il, ic, albero_posizioni(value)))
        return Elenco(*_inizio(node), elementi)
    return None


def _inizio(node: Any) -> tuple[int, int]:
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:
        return 0, 0
    return int(lc.line), int(lc.col)


def is_mapping(node: Any) -> bool:
    return isinstance(node, CommentedMap)


def plain(node: Any) -> Any:
    """A deep copy with plain dict/list/str/int/float/date values (no ruamel subclasses)."""
    if isinstance(node, dict):
        return {plain(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, str):
        return str(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, datetime.datetime | datetime.date):
        return node
    return node
