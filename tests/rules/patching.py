"""The rule cases of `casi/`: load them, and build each one as a patched copy of an example plan.

One file per rule, `casi/<CODE>.yaml`, with any number of named cases of each kind:

    conformi:
      - nome: soglia-esatta              # unique in the file; pytest id CODE-nome
        piano: esempio                   # esempio (comune-di-esempio) | piccolo (piccolo-comune)
        descrizione: Spesa pari al limite.
        norma: DM 17/3/2020 Tabella 1 - il limite è compreso («non superiore»).
        modifiche:                       # optional for compliant cases
          - {file: fabbisogni_personale.yaml, imposta: "capacita_assunzionale.spesa_personale_prevista.2026", valore: 5329800.00}
    non_conformi:
      - nome: oltre-soglia
        piano: esempio
        descrizione: ...
        norma: PNA 2019 Allegato 1 (indicazione ANAC) - ogni misura ha un indicatore di monitoraggio.
        modifiche:
          - {file: rischi_corruttivi.yaml, elimina: "misure[MIS-14].indicatore"}
          - {file: formazione.yaml, aggiungi: corsi, valore: {codice: FOR-99, ...}}
        rilievi:                         # the exact active findings: code and place
          - [RC009, "rischi_corruttivi.yaml:misure[MIS-14]"]

Every case has a `norma`: one line of legal justification, in Italian, saying why the case
is (non-)compliant and citing the act and article of the rule's basis (soft law said as such,
e.g. «indicazione ANAC»; a partial reading as «lettura applicata»; an unchecked source
marked «(fonte da verificare)»). Quote it with single quotes when it contains «: ».

An edit sets (`imposta`), deletes (`elimina`) or appends to a list (`aggiungi`) at a path
of `paths.py` (coded list items by `codice`, e.g. `misure[MIS-14]`); edits apply in order.
A finding is `file:path`, or just `file` for the root of a file. A non-compliant case must
produce exactly its `rilievi`; a compliant case none of its own rule and, besides the
`rilievi` it lists (avoid them), nothing at all.
"""

from __future__ import annotations

import copy
import functools
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML

from piao.findings import YamlPath
from tests.conftest import EXAMPLE, SMALL
from tests.rules.paths import Segmento, parse_path, resolve, show

PIANI = {"esempio": EXAMPLE, "piccolo": SMALL}
CASI = Path(__file__).resolve().parent / "casi"
Operazione = Literal["imposta", "elimina", "aggiungi"]
OPERAZIONI: tuple[Operazione, ...] = ("imposta", "elimina", "aggiungi")
_NOME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
Trovato = tuple[str, str, YamlPath]
"""An active finding as the test compares it: code, file, real YAML path."""


@dataclass(frozen=True)
class Modifica:
    file: str
    operazione: Operazione
    path: tuple[Segmento, ...]
    valore: Any = None


@dataclass(frozen=True)
class Atteso:
    """An expected finding: a rule code at a path (not yet resolved to indexes)."""

    code: str
    file: str
    path: tuple[Segmento, ...]

    def __str__(self) -> str:
        return f"{self.code} {self.file}:{show(self.path)}".rstrip(":")


@dataclass(frozen=True)
class Caso:
    regola: str
    conforme: bool
    nome: str
    piano: str
    descrizione: str
    norma: str
    """One line of legal justification: why the case is (non-)compliant, with the article."""
    modifiche: tuple[Modifica, ...]
    rilievi: tuple[Atteso, ...]

    @property
    def id(self) -> str:
        return f"{self.regola}-{self.nome}"


def _modifica(raw: dict[str, Any]) -> Modifica:
    ops = [op for op in OPERAZIONI if op in raw]
    allowed = {"file", *ops} | ({"valore"} if ops != ["elimina"] else set())
    if len(ops) != 1 or set(raw) != allowed:
        raise ValueError(f"bad edit {raw}: one of {OPERAZIONI}, and valore unless elimina")
    return Modifica(raw["file"], ops[0], parse_path(raw[ops[0]]), raw.get("valore"))


def _atteso(raw: Any) -> Atteso:
    if not (isinstance(raw, list) and len(raw) == 2 and all(isinstance(x, str) for x in raw)):
        raise ValueError(f"bad finding {raw!r}: expected [CODE, 'file:path']")
    file, _, path = raw[1].partition(":")
    return Atteso(raw[0], file, parse_path(path))


def _caso(regola: str, conforme: bool, raw: dict[str, Any]) -> Caso:
    required = {"nome", "piano", "descrizione", "norma"}
    if not required <= set(raw) <= required | {"modifiche", "rilievi"}:
        raise ValueError(f"{regola}: bad case keys {sorted(raw)}")
    if not _NOME.fullmatch(raw["nome"]) or raw["piano"] not in PIANI:
        raise ValueError(f"{regola}: bad nome {raw['nome']!r} or piano {raw['piano']!r}")
    norma = raw["norma"]
    if not isinstance(norma, str) or not norma.strip() or "\n" in norma:
        raise ValueError(f"{regola}: {raw['nome']}: norma must be one non-empty line")
    return Caso(
        regola=regola,
        conforme=conforme,
        nome=raw["nome"],
        piano=raw["piano"],
        descrizione=raw["descrizione"],
        norma=norma,
        modifiche=tuple(_modifica(m) for m in raw.get("modifiche") or []),
        rilievi=tuple(_atteso(r) for r in raw.get("rilievi") or []),
    )


def load_file(path: Path) -> list[Caso]:
    """The cases of one rule file, compliant first; names unique in the file."""
    data = YAML(typ="safe").load(path) or {}
    if not set(data) <= {"conformi", "non_conformi"}:
        raise ValueError(f"{path.name}: unknown keys {sorted(data)}")
    cases = [
        _caso(path.stem, kind == "conformi", raw)
        for kind in ("conformi", "non_conformi")
        for raw in data.get(kind) or []
    ]
    names = [c.nome for c in cases]
    if len(names) != len(set(names)):
        raise ValueError(f"{path.name}: repeated case names {names}")
    return cases


def load_cases() -> dict[str, list[Caso]]:
    """Every rule file's cases, by the rule code of the file name."""
    return {path.stem: load_file(path) for path in sorted(CASI.glob("*.yaml"))}


@functools.cache
def base(piano: str, file: str) -> Any:
    """The data of a file of an example plan (shared: copy before changing it)."""
    path = PIANI[piano] / file
    return YAML(typ="safe").load(path) if path.exists() else None


def _node(data: Any, path: YamlPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError) as exc:
            raise LookupError(f"no {part!r} along {path}") from exc
    return data


def _apply(data: Any, m: Modifica) -> None:
    if m.operazione == "aggiungi":
        target = _node(data, resolve(data, m.path))
        if not isinstance(target, list):
            raise LookupError(f"aggiungi: {show(m.path)!r} is not a list")
        target.append(copy.deepcopy(m.valore))
        return
    *where, last = resolve(data, m.path)
    parent = _node(data, tuple(where))
    if m.operazione == "imposta":
        parent[last] = copy.deepcopy(m.valore)
    else:
        del parent[last]


def build(caso: Caso, target: Path) -> dict[str, Any]:
    """Copy the case's plan into `target`, apply its edits; return the data of every file.

    Base files are parsed once per run; edited files are rewritten with the safe dumper
    (comments and layout are lost, which no case depends on: findings compare by path).
    """
    shutil.copytree(PIANI[caso.piano], target)
    files = sorted(p.name for p in target.glob("*.yaml"))
    data = {f: base(caso.piano, f) for f in files}
    edited = {m.file for m in caso.modifiche}
    for file in edited:
        data[file] = copy.deepcopy(data[file])
    for m in caso.modifiche:
        try:
            _apply(data[m.file], m)
        except (LookupError, TypeError) as exc:
            raise AssertionError(
                f"{caso.id}: {m.operazione} {m.file}:{show(m.path)}: {exc}"
            ) from exc
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    for file in edited:
        with (target / file).open("w", encoding="utf-8") as handle:
            yaml.dump(data[file], handle)
    return data


def expected(caso: Caso, data: dict[str, Any]) -> set[Trovato]:
    """The case's `rilievi` with their paths resolved against the patched plan."""
    out: set[Trovato] = set()
    for atteso in caso.rilievi:
        try:
            out.add((atteso.code, atteso.file, resolve(data.get(atteso.file), atteso.path)))
        except LookupError as exc:
            raise AssertionError(f"{caso.id}: {atteso}: {exc}") from exc
    return out


def paths_of(caso: Caso) -> Iterator[tuple[str, str, tuple[Segmento, ...]]]:
    """(what, file, path) of every edit and expected finding of a case."""
    for m in caso.modifiche:
        yield f"{m.operazione} {m.file}:{show(m.path)}", m.file, m.path
    for a in caso.rilievi:
        yield f"rilievo {a}", a.file, a.path
