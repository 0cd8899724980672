"""The fast path: the data of a file and the place of every key and value, in one pass.

libyaml's event parser (the C extension of ruamel.yaml) gives every event with its
line and column; this module builds the plain data and the position tree (`posizioni`)
from the events in one Python loop — about the cost of one C parse, so that a file
with findings costs no more than a clean one.

Tabs: libyaml follows YAML 1.2 and reads a tab inside a text or after «: » as the spec
says; ruamel's pure-Python scanner refuses any tab outside quotes. Such files are valid
and stay on the fast path; a tab that breaks the indentation stops libyaml too, and the
careful parser then reports it.

Safety is kept on the fast path: the loop stops at the first alias, foreign tag,
directive, complex or merge key, second document or level of nesting beyond
MAX_DEPTH, and the file then takes the careful round-trip parser (`yamlio`), which
reports the problem at its place. Stopping at the first such event also bounds the
cost of nesting and alias bombs: libyaml is never asked for the rest of the file.
Duplicate keys are recorded as problems (the first value is kept) as on the careful
path. Scalars are resolved with the YAML 1.2 rules of ruamel.yaml, as the careful
parser does, and constructed by ruamel's safe constructors.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from piao.loading.posizioni import Elenco, Mappa, Nodo
from piao.loading.yamlio import MAX_DEPTH, YamlProblem, duplicato, parse_yaml, plain

try:
    from ruamel.yaml import cyaml

    CParser: Any = getattr(cyaml, "CParser", None)
except ImportError:  # pragma: no cover - no C extension: every file takes the careful path
    CParser = None

_T = "tag:yaml.org,2002:"
_STR = _T + "str"
_TIMESTAMP = _T + "timestamp"
_INT = _T + "int"
_GIORNO = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTENITORI = (_T + "map", _T + "seq", "!")
_COSTRUTTORI: dict[str, Any] = {
    _T + t: SafeConstructor.yaml_constructors[_T + t]
    for t in ("int", "float", "bool", "null", "timestamp")
}
"""The scalar types a plan holds besides texts; any other (merge keys, `=`...) takes the
careful path."""


_RISOLUTORE = VersionedResolver(version=(1, 2))
"""ruamel's YAML 1.2 resolver: its implicit typing rules, and what its constructors ask."""


class _Versione:
    """What ruamel's constructors ask of a loader: the YAML version's resolver."""

    _resolver = _RISOLUTORE


_COSTRUTTORE = SafeConstructor(loader=_Versione())


def _regole_1_2() -> tuple[dict[str, list[tuple[str, Any]]], list[tuple[str, Any]]]:
    """YAML 1.2 implicit typing of plain scalars as ruamel applies it: the rules by first
    character, and those that apply to any character."""
    tabella: dict[Any, list[tuple[str, Any]]] = _RISOLUTORE.versioned_resolver
    comuni = list(tabella.get(None, []))
    return {k: [*v, *comuni] for k, v in tabella.items() if k is not None}, comuni


_REGOLE, _COMUNI = _regole_1_2()


class _Stop(Exception):
    """The file needs the careful parser."""


@dataclass(frozen=True, slots=True)
class Veloce:
    """A file read on the fast path: its data, where each part was written, the duplicate
    keys found (their first value kept)."""

    data: dict[Any, Any]
    posizioni: Mappa
    problemi: list[YamlProblem]


def _scalare(valore: str, tag: str | None, implicito: tuple[bool, bool], evento: Any) -> Any:
    if tag is None:
        if not implicito[0]:
            return valore  # quoted or block text
        tag = _STR
        for candidato, regexp in _REGOLE.get(valore[:1], _COMUNI):
            if regexp.match(valore):
                tag = candidato
                break
    if tag in (_STR, "!"):  # "!" is the non-specific tag: a text
        return valore
    if tag == _INT and valore.isdigit() and (valore[0] != "0" or valore == "0"):
        return int(valore)  # the common case, as ruamel's constructor reads it
    if tag == _TIMESTAMP and _GIORNO.fullmatch(valore):
        try:
            return datetime.date.fromisoformat(valore)
        except ValueError:
            return valore  # an impossible date stays a text (see below)
    costruttore = _COSTRUTTORI.get(tag)
    if costruttore is None:
        raise _Stop
    try:
        return costruttore(
            _COSTRUTTORE, ScalarNode(tag, valore, evento.start_mark, evento.end_mark)
        )
    except (ValueError, OverflowError):
        if tag == _TIMESTAMP:
            # An impossible date (2026-02-30) stays a text, as on the careful path, so that
            # validation reports it at its place.
            return valore
        raise _Stop from None


def leggi_veloce(text: str) -> Veloce | None:
    """The data and positions of a one-document YAML mapping, or None when the file needs
    the careful parser (see the module's docstring)."""
    if CParser is None:  # pragma: no cover
        return None
    try:
        return _leggi(text)
    except (_Stop, YAMLError, RecursionError, ValueError, TypeError, OverflowError):
        return None


def _leggi(text: str) -> Veloce | None:
    parser = CParser(text)
    get_event = parser.get_event
    lettura = _Lettura()
    aggiungi = lettura.aggiungi
    documenti = 0
    try:
        while True:
            ev = get_event()
            tipo = type(ev)
            if tipo is ScalarEvent:
                mark = ev.start_mark
                aggiungi(_scalare(ev.value, ev.tag, ev.implicit, ev), mark.line, mark.column)
            elif tipo is MappingStartEvent or tipo is SequenceStartEvent:
                lettura.apri(ev, mappa=tipo is MappingStartEvent)
            elif tipo is MappingEndEvent or tipo is SequenceEndEvent:
                lettura.chiudi()
            elif tipo is DocumentStartEvent:
                documenti += 1
                if documenti > 1 or ev.version is not None or ev.tags:
                    raise _Stop
            elif tipo is AliasEvent:
                raise _Stop
            elif tipo is StreamEndEvent:
                break
    finally:
        parser.dispose()
    dati, albero = lettura.radice
    if not isinstance(dati, dict) or not isinstance(albero, Mappa):
        return None
    return Veloce(dati, albero, lettura.problemi)


class _Lettura:
    """The containers being built while the events arrive."""

    def __init__(self) -> None:
        self.pila: list[list[Any]] = []
        """Each open container: [data, positions, pending key or _NESSUNA, key line, key
        column, is a mapping, start line, start column]."""
        self.radice: tuple[Any, Nodo | None] = (None, None)
        self.problemi: list[YamlProblem] = []

    def apri(self, ev: Any, *, mappa: bool) -> None:
        """A mapping or a sequence starts."""
        pila = self.pila
        if ev.tag is not None and ev.tag not in _CONTENITORI:
            raise _Stop
        if pila and pila[-1][5] and pila[-1][2] is _NESSUNA:
            raise _Stop  # a mapping or a list used as a key
        if len(pila) >= MAX_DEPTH:
            raise _Stop
        mark = ev.start_mark
        vuoto: Any = {} if mappa else []
        pila.append([vuoto, {} if mappa else [], _NESSUNA, 0, 0, mappa, mark.line, mark.column])

    def chiudi(self) -> None:
        """The innermost container ends: it becomes a value of its parent."""
        dati, voci, _, _, _, mappa, riga, colonna = self.pila.pop()
        albero = Mappa(riga, colonna, voci) if mappa else Elenco(riga, colonna, voci)
        self.aggiungi(dati, riga, colonna, albero)

    def aggiungi(self, valore: Any, riga: int, colonna: int, albero: Nodo | None = None) -> None:
        """A complete value goes into its container (or becomes the document)."""
        if not self.pila:
            self.radice = (valore, albero)
            return
        cima = self.pila[-1]
        if not cima[5]:
            cima[0].append(valore)
            cima[1].append((riga, colonna, albero))
            return
        if cima[2] is _NESSUNA:
            cima[2], cima[3], cima[4] = valore, riga, colonna
            return
        chiave = cima[2]
        cima[2] = _NESSUNA
        voci = cima[1]
        if chiave in voci:
            self.problemi.append(duplicato(chiave, voci[chiave][0], cima[3], cima[4]))
            return
        cima[0][chiave] = valore
        voci[chiave] = (cima[3], cima[4], riga, colonna, albero)


_NESSUNA = object()
"""A mapping waiting for its next key."""


def dati_yaml(text: str) -> Any:
    """The plain data of a YAML text: the fast path when it can, else the careful parser
    (None when the text cannot be read). For texts piao wrote or already checked."""
    veloce = leggi_veloce(text)
    if veloce is not None:
        return veloce.data
    return plain(parse_yaml(text).data)
