"""Every command on hostile plans, through the public CLI in-process: check (every format,
and a batch of a mutated and a good plan in two processes), audit, render (HTML and DOCX;
PDF in a smaller property), publish, rollover, diff (every format), init (fuzzed --ente and
--triennio), rules and schema.

For each: no traceback and no «errore interno» (exit 0, 1 or 2), a time and memory guard,
valid outputs (strict JSON, well-formed XML, CSV, no raw control or bidi characters in the
terminal formats, no raw markup from the plan), sources untouched and nothing written outside
the output folder. `make test` sends 4 plans through every command and 1 through publish and
the PDF; `make fuzz` (FUZZ_EXAMPLES=10000) sends 80 and 20 and prints the count. FUZZ_RANDOM=1
draws new examples on each run instead of the fixed ones."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from piao.authoring.diff import RENDERERS as DIFF_FORMATS
from piao.catalogue import catalogue
from piao.reporting import REPORTERS
from piao.rules_doc import RULES_FORMATS
from tests.conftest import SMALL
from tests.fuzz.guardie import (
    ESEMPI,
    cambiati_fuori,
    conta,
    file_uscita,
    impronta,
    json_stretto,
    piao,
    terminale_pulito,
    xml,
)
from tests.fuzz.test_fuzz import mutazioni
from tests.fuzz.valori import piani_estremi

TUTTI = max(2, ESEMPI // 125)
"""Plans through every command: 4 in `make test`, 80 in `make fuzz`."""
CON_PDF = max(1, ESEMPI // 500)
"""Plans through publish and the PDF (WeasyPrint, seconds each): 1 and 20."""

PROFILO = {
    "deadline": None,
    "derandomize": not os.environ.get("FUZZ_RANDOM"),
    "suppress_health_check": list(HealthCheck),
    "database": None,
    # No shrinking: one plan through every command is slow to shrink; the failing example
    # is printed whole.
    "phases": [Phase.explicit, Phase.generate],
}
PIANI = st.one_of(
    piani_estremi(),
    mutazioni().map(lambda m: (SMALL, *m)),
)


@contextmanager
def cantiere(piano: Path, name: str, content: bytes) -> Iterator[tuple[Path, Path, Path]]:
    """(temporary root, mutated plan, pristine copy) with cwd inside the root; on exit the
    mutated plan and the copy must be byte-identical to what they were."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        plan = root / "ente" / "2026-2028"
        buono = root / "buono" / "2026-2028"
        shutil.copytree(piano, plan)
        shutil.copytree(piano, buono)
        (plan / name).write_bytes(content)
        sorgenti = impronta(root / "ente"), impronta(root / "buono")
        cwd = os.getcwd()
        os.chdir(root)
        try:
            yield root, plan, buono
        finally:
            os.chdir(cwd)
        assert (impronta(root / "ente"), impronta(root / "buono")) == sorgenti, "sorgenti toccate"


def _markdown_senza_html(testo: str, descr: str) -> None:
    assert "<script" not in testo, f"{descr}: HTML grezzo dal piano"
    assert "<b>" not in testo, f"{descr}: HTML grezzo dal piano"


def _check(plan: Path, buono: Path) -> None:
    uscite: dict[str, str] = {}
    for fmt in REPORTERS:
        result = piao("check", str(plan), "--format", fmt)
        out, descr = result.stdout, f"check --format {fmt}"
        terminale_pulito(result.stderr, descr)
        if result.exit_code == 2 and not out:
            continue
        uscite[fmt] = out
        if fmt in {"json", "sarif"}:
            json_stretto(out)
        elif fmt == "junit":
            xml(out)
        elif fmt in {"text", "github"}:
            terminale_pulito(out, descr)
        elif fmt == "markdown":
            _markdown_senza_html(out, descr)
    if "json" in uscite and "github" in uscite:
        # One workflow command per finding: a line break in plan text never forges another.
        rilievi = json_stretto(uscite["json"])
        assert isinstance(rilievi, dict)
        comandi = [r for r in uscite["github"].splitlines() if r.startswith("::")]
        assert len(comandi) == len(rilievi["findings"]), "check --format github: righe forgiate"
    batch = piao("check", str(plan), str(buono), "--jobs", "2", "--format", "json")
    rapporti = json_stretto(batch.stdout)
    assert str(buono) in str(rapporti), "il piano buono manca dal rapporto del batch"


def _in_uscita(root: Path, uscita: str, *args: str) -> None:
    """Run a writing command; only root/uscita may change, and what it holds is valid."""
    prima = impronta(root)
    piao(*args, "--out", str(root / uscita), comando=args[0])
    assert cambiati_fuori(prima, impronta(root), [uscita]) == [], f"{args[0]}: scrive fuori"
    if (root / uscita).exists():
        file_uscita(root / uscita)


def _rollover(root: Path, plan: Path) -> None:
    prima = impronta(root)
    result = piao("rollover", str(plan), "--out", str(root / "nuovo"), comando="rollover")
    terminale_pulito(result.stdout, "rollover")
    assert cambiati_fuori(prima, impronta(root), ["nuovo"]) == [], "rollover: scrive fuori"
    if result.exit_code == 0:
        for path in (root / "nuovo").glob("*.yaml"):
            YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        piao("check", str(root / "nuovo"), "--format", "json")


def _diff(plan: Path, buono: Path) -> None:
    for fmt in DIFF_FORMATS:
        for a, b in ((buono, plan), (plan, buono)):
            result = piao("diff", str(a), str(b), "--format", fmt)
            out, descr = result.stdout, f"diff --format {fmt}"
            if result.exit_code == 2:  # a plan that cannot be read: the message is enough
                terminale_pulito(result.stderr, descr)
            elif fmt == "json":
                json_stretto(out)
            elif fmt == "text":
                terminale_pulito(out, descr)
            else:
                _markdown_senza_html(out, descr)


@settings(max_examples=TUTTI, **PROFILO)  # type: ignore[arg-type]
@given(PIANI)
def test_every_command_on_hostile_plans(caso: tuple[Path, str, bytes]) -> None:
    with cantiere(*caso) as (root, plan, buono):
        _check(plan, buono)
        _in_uscita(root, "audit", "audit", str(plan), str(buono), "--no-pdf", "--jobs", "2")
        _in_uscita(root, "doc", "render", str(plan), "--format", "html,docx", "--bozza")
        _rollover(root, plan)
        _diff(plan, buono)
    conta()


@settings(max_examples=CON_PDF, **PROFILO)  # type: ignore[arg-type]
@given(piani_estremi(piani=[SMALL]))
def test_publish_and_pdf_of_hostile_plans(caso: tuple[Path, str, bytes]) -> None:
    with cantiere(*caso) as (root, plan, _buono):
        _in_uscita(root, "sito", "publish", str(plan), "--bozza")
        _in_uscita(root, "doc", "render", str(plan), "--format", "pdf", "--bozza")
        _in_uscita(root, "audit", "audit", str(plan))
    conta()


ENTI = st.one_of(
    st.sampled_from(
        [
            "Comune di Esempio\nipa: iniettato",
            "Comune # commento",
            "'; DROP TABLE enti; --",
            "\x1b]0;x\x07Comune",
            "\u202eoinumoC",
            "x" * 10_000,
            "Unione " + "lunghissima" * 1000,
            "",
            " ",
            "<script>alert(1)</script>",
            '=HYPERLINK("x")',
            "&anchor *alias !!python/object:os.system",
        ]
    ),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=80),
)
TRIENNI = st.one_of(
    st.sampled_from(["2027-2029", "2029-2027", "0000-0002", "9998-10000", "٢٠٢٧-٢٠٢٩", "2027"]),
    st.text(max_size=20).filter(lambda t: not t.startswith("-")),
)


@settings(max_examples=TUTTI * 2, **PROFILO)  # type: ignore[arg-type]
@given(ENTI, TRIENNI)
def test_init_with_hostile_values(ente: str, triennio: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        result = piao("init", str(root / "piano"), "--ente", ente, "--triennio", triennio)
        terminale_pulito(result.stdout + result.stderr, "init")
        assert {p.name for p in root.iterdir()} <= {"piano"}, "init scrive fuori"
        if result.exit_code == 0:
            for path in (root / "piano").glob("*.yaml"):
                YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
            piao("check", str(root / "piano"), "--format", "json")
    conta()


@settings(max_examples=TUTTI, **PROFILO)  # type: ignore[arg-type]
@given(
    st.one_of(st.none(), st.sampled_from(sorted(catalogue())), st.text(max_size=30)),
    st.sampled_from(sorted(RULES_FORMATS)),
)
def test_rules_and_schema(code: str | None, fmt: str) -> None:
    args = ["rules", *([] if code is None or code.startswith("-") else [code]), "--format", fmt]
    out = piao(*args).stdout
    if fmt == "json" and out:
        json_stretto(out)
    elif fmt == "text":
        terminale_pulito(out, "rules")
    with tempfile.TemporaryDirectory() as tmp:
        piao("schema", "--out", str(Path(tmp) / "schemi"))
        file_uscita(Path(tmp) / "schemi")
    conta()
