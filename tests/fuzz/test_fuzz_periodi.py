"""`piao monitoraggio check` and `init` on hostile period files: type-keeping extreme values
(control characters, huge numbers, markup, formulas), broken YAML and random bytes in the
example's period file. No traceback, no «errore interno», strict JSON, a clean terminal, the
plan and the period file untouched. `make test` sends 6 files, `make fuzz` 200."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE
from tests.fuzz.guardie import ESEMPI, conta, impronta, json_stretto, piao, terminale_pulito
from tests.fuzz.valori import piani_estremi

CARTELLA = EXAMPLE / "monitoraggio"
TESTO = (CARTELLA / "2026-S1.yaml").read_text(encoding="utf-8")


@st.composite
def guasti(draw: st.DrawFn) -> bytes:
    """The period file with random bytes or YAML punctuation spliced in."""
    if draw(st.booleans()):
        raw = TESTO.encode("utf-8")
        pos = draw(st.integers(0, len(raw)))
        return raw[:pos] + draw(st.binary(min_size=1, max_size=20)) + raw[pos:]
    pos = draw(st.integers(0, len(TESTO)))
    inserto = draw(
        st.text(alphabet=st.sampled_from([*":-{}[],&*!|>#'\"\t\n ?%@`6.000,5", "à"]), max_size=30)
    )
    return (TESTO[:pos] + inserto + TESTO[pos + draw(st.integers(0, 40)) :]).encode("utf-8")


FORMATI = ("json", "text", "github")
"""The strict and the terminal formats (the plan's fuzz covers every reporter)."""

FILE = st.one_of(piani_estremi([CARTELLA]).map(lambda m: m[2]), guasti())


@settings(
    max_examples=max(6, ESEMPI // 50),
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
    phases=[Phase.explicit, Phase.generate],
)
@given(contenuto=FILE)
def test_hostile_period_files_give_findings_not_tracebacks(contenuto: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "ente" / "2026-2028"
        shutil.copytree(EXAMPLE, plan)
        (plan / "monitoraggio" / "2026-S1.yaml").write_bytes(contenuto)
        prima = impronta(plan)
        for fmt in FORMATI:
            result = piao("monitoraggio", "check", str(plan), "--format", fmt)
            descr = f"monitoraggio check --format {fmt}"
            assert result.exit_code in (0, 1), f"{descr}: {result.output[-2000:]}"
            terminale_pulito(result.stderr, descr)
            if fmt == "json":
                json_stretto(result.stdout)
            elif fmt in {"text", "github"}:
                terminale_pulito(result.stdout, descr)
        result = piao("monitoraggio", "init", str(plan), "--periodo", "2026-S1")
        assert result.exit_code == 2  # the file exists: never overwritten
        assert impronta(plan) == prima, "sorgenti toccate"
    conta()
