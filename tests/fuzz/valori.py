"""Type-keeping mutations of a valid plan: a number stays a number, a text a text, a date a
date, a list a list — but with extreme values (huge, negative, zero, far dates, 10,000
characters, one long word, control and bidi characters, markup and formulas, lone
surrogates through YAML escapes), a reversed triennio, or a list grown to hundreds of items.

Texts that YAML can only carry escaped (controls, lone surrogates) travel as a plain marker
through the dumper and are replaced afterwards by a double-quoted scalar with YAML escapes."""

from __future__ import annotations

import datetime
from io import StringIO
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from ruamel.yaml import YAML

from tests.conftest import EXAMPLE, SMALL

PIANI = [SMALL, SMALL, SMALL, EXAMPLE]
"""The plans the properties mutate, the small one more often (its document takes a few
seconds, the large one's half a minute); the real-plan corpus is exercised by tests/real."""

NUMERI_INTERI = [0, -1, 1, 2**31, 2**63, 10**26, -(10**26), 9999, -9999]
NUMERI_REALI = [0.0, -0.0, -1.5, 1e-300, 1e308, -1e308, 1e16 + 0.5]
YAML_REALI = [".nan", ".inf", "-.inf"]
DATE = [
    datetime.date(1, 1, 1),
    datetime.date(1900, 2, 28),
    datetime.date(2100, 12, 31),
    datetime.date(9999, 12, 31),
]
# YAML double-quoted escapes (the marker is replaced by exactly this scalar).
TESTI_YAML = [
    r'"\e]0;titolo rubato\a\e[2J conforme"',
    r'"\u202egirare\u202c"',
    r'"\0nul"',
    r'"a\ud800b"',
    r'"\udfff"',
    r'"riga\r\n::error file=x::forgiato"',
    r'"\x7f\x85\u2028\u2029"',
    r'"\u200b\ufeff\u2066isolato\u2069"',
]
TESTI = [
    "",
    " ",
    "x" * 10_000,
    "Unione dei comuni " + ", ".join(f"Comune di Esempio {i}" for i in range(40)),
    "parolaunicalunghissima" * 500,
    "=cmd|' /C calc'!A0",
    " =1+2",
    "\n@SUM(A1)",
    "-2+3",
    "<script>alert(1)</script>",
    "]]><!--",
    "<b>grassetto</b> & amp;",
    "{{ 7*7 }} ${jndi:x} %s %n",
    "`rm -rf /` | $(whoami)",
    "😀" * 300,
    "ñ" * 5000,
    "da compilare",
]


def carica(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def foglie(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) below the root, containers included."""
    out: list[tuple[tuple[Any, ...], Any]] = [(path, node)] if path else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += foglie(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += foglie(v, (*path, i))
    return out


def genitore(data: Any, path: tuple[Any, ...]) -> Any:
    node = data
    for part in path[:-1]:
        node = node[part]
    return node


def _stesso_tipo(draw: st.DrawFn, valore: Any, escape: list[str]) -> Any:
    """A new extreme value of the same YAML type as `valore`."""
    if isinstance(valore, bool):
        return not valore
    if isinstance(valore, int):
        return draw(st.sampled_from(NUMERI_INTERI) | st.integers(-(10**30), 10**30))
    if isinstance(valore, float):
        scelta = draw(st.sampled_from([*NUMERI_REALI, *YAML_REALI]))
        if isinstance(scelta, str):
            escape.append(scelta)
            return f"FUZZMARK{len(escape) - 1}"
        return scelta
    if isinstance(valore, datetime.date):
        return draw(st.sampled_from(DATE) | st.dates())
    if isinstance(valore, str):
        if draw(st.booleans()):
            escape.append(draw(st.sampled_from(TESTI_YAML)))
            return f"FUZZMARK{len(escape) - 1}"
        return draw(st.sampled_from(TESTI) | st.text(max_size=60))
    if isinstance(valore, list) and valore:
        n = draw(st.integers(50, 300))
        return [valore[i % len(valore)] for i in range(n)]
    return valore


@st.composite
def piani_estremi(draw: st.DrawFn, piani: list[Path] = PIANI) -> tuple[Path, str, bytes]:
    """(source plan, section file name, new bytes): one file with 1-4 type-keeping mutations."""
    piano = draw(st.sampled_from(piani))
    name = draw(st.sampled_from(sorted(p.name for p in piano.glob("*.yaml"))))
    data = carica(piano / name)
    escape: list[str] = []
    if name == "anagrafica.yaml" and draw(st.integers(0, 4)) == 0:
        da, a = data["triennio"]["da"], data["triennio"]["a"]
        data["triennio"] = draw(
            st.sampled_from([{"da": a, "a": da}, {"da": da, "a": da}, {"da": 1, "a": 99999}])
        )
    for _ in range(draw(st.integers(1, 4))):
        path, valore = draw(st.sampled_from(foglie(data)))
        genitore(data, path)[path[-1]] = _stesso_tipo(draw, valore, escape)
    yaml = YAML(typ="safe", pure=True)
    yaml.representer.ignore_aliases = lambda *_: True
    yaml.width = 4096
    out = StringIO()
    yaml.dump(data, out)
    testo = out.getvalue()
    # Replace the highest markers first (FUZZMARK1 is a prefix of FUZZMARK10).
    for i in reversed(range(len(escape))):
        testo = testo.replace(f"FUZZMARK{i}", escape[i])
    return piano, name, testo.encode("utf-8")
