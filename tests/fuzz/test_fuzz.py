"""Hostile and broken plans: structural and textual mutations of the example plan never
end in a traceback — always findings (or a clean usage error). About 500 cases run in
`make test`; `make fuzz` runs FUZZ_EXAMPLES (10,000) and reports how many ran."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import tempfile
from io import StringIO
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from piao import check_plan
from piao.catalogue import catalogue
from piao.reporting import REPORTERS
from tests.conftest import SMALL
from tests.fuzz.valori import foglie, genitore

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "500"))
FILES = sorted(p.name for p in SMALL.glob("*.yaml"))
COUNTER = Path(os.environ.get("FUZZ_COUNTER", "")) if os.environ.get("FUZZ_COUNTER") else None

STRANI = st.sampled_from(
    [
        "",
        " ",
        "\t",
        "\u200b",
        "\ufeff",
        "ñ",
        "😀" * 50,
        "x" * 100_000,
        "<script>alert(1)</script>",
        "=SUM(A1)",
        "da compilare",
        "UO-INESISTENTE",
        "PR-99",
        "VP-99",
        "\u202egirare",
        "\x00",
        "\r\n",
        "2026-02-30",
        "-1",
        "1e309",
    ]
)
VALORI = st.one_of(
    STRANI,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=datetime.date(1, 1, 1)),
    st.lists(STRANI, max_size=3),
    st.dictionaries(STRANI, STRANI, max_size=3),
    st.text(max_size=40),
)


@st.composite
def mutazioni(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, new bytes) for one mutated section file."""
    name = draw(st.sampled_from(FILES))
    text = (SMALL / name).read_text(encoding="utf-8")
    kind = draw(st.sampled_from(["struttura", "testo", "byte"]))
    if kind == "byte":
        raw = text.encode("utf-8")
        pos = draw(st.integers(0, len(raw)))
        return name, raw[:pos] + draw(st.binary(min_size=1, max_size=20)) + raw[pos:]
    if kind == "testo":
        pos = draw(st.integers(0, len(text)))
        inserto = draw(
            st.text(
                alphabet=st.sampled_from([*list(":-{}[],&*!|>#'\"\t\n ?%@`abc01"), "à", "\u200b"]),
                max_size=30,
            )
        )
        taglio = draw(st.integers(0, 40))
        return name, (text[:pos] + inserto + text[pos + taglio :]).encode("utf-8")
    yaml = YAML(typ="safe", pure=True)
    data = yaml.load(text)
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p, _ in foglie(data)]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = genitore(data, path)
        op = draw(st.sampled_from(["elimina", "cambia", "duplica", "sposta"]))
        key = path[-1]
        if op == "elimina":
            del parent[key]
        elif op == "cambia":
            parent[key] = draw(VALORI)
        elif op == "duplica" and isinstance(parent, list):
            parent.append(parent[key])
        elif op == "sposta" and isinstance(parent, dict) and isinstance(data, dict):
            data[f"{key}_spostato"] = parent.pop(key)
    yaml.representer.ignore_aliases = lambda *_: True
    out = StringIO()
    yaml.dump(data, out)
    return name, out.getvalue().encode("utf-8")


@settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
@given(mutazioni())
def test_mutated_plans_never_crash(mutazione: tuple[str, bytes]) -> None:
    name, content = mutazione
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "2026-2028"
        shutil.copytree(SMALL, plan)
        (plan / name).write_bytes(content)
        report = check_plan(plan).report
        for reporter in ("text", "json", "sarif", "junit", "github"):
            REPORTERS[reporter]([report], catalogue(), False)
        json.loads(REPORTERS["json"]([report], catalogue(), False))
        for f in report.findings:
            assert f.location.file.endswith((".yaml", ".yml"))
    if COUNTER is not None:
        with COUNTER.open("a", encoding="utf-8") as handle:
            handle.write("1\n")


def _rilievi(plan: Path) -> list[tuple[object, ...]]:
    return [
        (f.code, f.severity, f.location.file, f.location.line, f.location.column, f.message)
        for f in check_plan(plan).report.findings
    ]


@settings(
    max_examples=max(1, EXAMPLES // 5),
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@given(mutazioni())
def test_both_loading_paths_agree_on_mutated_plans(mutazione: tuple[str, bytes]) -> None:
    """The fast event reader and the careful parser give the same findings at the same
    places (issue 16), whatever the mutation — except for tabs, which libyaml reads as YAML
    1.2 says and ruamel's pure-Python scanner refuses (test_fast_parse.py)."""
    name, content = mutazione
    assume(b"\t" not in content)
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "2026-2028"
        shutil.copytree(SMALL, plan)
        (plan / name).write_bytes(content)
        veloce = _rilievi(plan)
        with mock.patch("piao.loading.plan.leggi_veloce", return_value=None):
            attento = _rilievi(plan)
        assert veloce == attento
    if COUNTER is not None:
        with COUNTER.open("a", encoding="utf-8") as handle:
            handle.write("1\n")
