"""Safe outputs by construction (issue 15, item 5): plan text and file names never reach a
terminal, a CI log, an XML, JSON, markdown or CSV file in a form that executes or is invalid."""

from __future__ import annotations

import datetime
import io
import json
import math
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from piao.catalogue import catalogue
from piao.csvsafe import safe_cell
from piao.findings import Report
from piao.render import render_plan
from piao.reporting import REPORTERS
from piao.sicuro import json_stretto, terminale, xml_legale
from tests.conftest import SMALL, run_cli

OSTILE = "x\\e]0;pwned\\a\\u202e\\u2066\\x9b\\n::error::forged\\r\\nEsito: conforme"
"""A YAML double-quoted key: ESC (retitle the terminal), BEL, bidi controls, a C1 control, and
line breaks that would forge a verdict line and a workflow command."""

_PERICOLOSI = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def ostile(plan_copy: Callable[[Path], Path], tmp_path: Path) -> Path:
    """A plan with a hostile key (quoted by SC001) in a folder whose name is hostile too."""
    plan = plan_copy(SMALL)
    target = tmp_path / "pia\x1b[2Jno\u202e\nEsito: conforme"
    plan.rename(target)
    path = target / "anagrafica.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  denominazione: Comune di Piccolavalle\n"
    path.write_text(text.replace(old, f'{old}  "{OSTILE}": 1\n', 1), encoding="utf-8")
    return target


def test_text_report_escapes_controls_and_bidi(ostile: Path) -> None:
    result = run_cli("check", str(ostile))
    assert result.exit_code == 1
    assert "pwned" in result.output
    assert not _PERICOLOSI.search(result.output)
    # Escaped where the value is quoted (\u001b) or by the reporter (\x1b): never raw.
    assert re.search(r"\\(?:x1b|u001b)\]0;pwned\\(?:x07|u0007)", result.output)
    verdetti = [line for line in result.output.splitlines() if line.startswith("Esito:")]
    assert verdetti == [verdetti[-1]]
    assert "non conforme" in verdetti[0]


def test_github_annotations_cannot_issue_commands(ostile: Path) -> None:
    result = run_cli("check", str(ostile), "--format", "github")
    assert not _PERICOLOSI.search(result.output)
    lines = result.output.splitlines()
    assert not any("forged" in line for line in lines if line.startswith("::error::"))
    annotation = next(line for line in lines if "pwned" in line)
    assert annotation.startswith("::error file=")
    assert "%0A::error::forged%0D%0AEsito: conforme" in annotation
    assert all(line.startswith("::") or "Esito:" in line for line in lines)


def test_github_summary_line_of_a_plan_named_like_a_command(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    result = run_cli("check", "--format", "github", str(plan))
    assert result.output.splitlines()[-1].startswith(str(plan))
    report = Report(plan="::error::forged", findings=())
    out = REPORTERS["github"]([report], catalogue(), False)
    assert not out.lstrip().startswith("::")


def test_junit_is_well_formed_with_control_characters(ostile: Path) -> None:
    result = run_cli("check", str(ostile), "--format", "junit")
    root = ET.fromstring(result.output.split("\n", 1)[1])
    failures = "".join(f.text or "" for f in root.iter("failure"))
    assert "]0;pwned" in failures
    assert "\x1b" not in failures
    assert "\x07" not in failures


def test_json_and_sarif_are_strict(ostile: Path) -> None:
    def rifiuta(costante: str) -> None:
        pytest.fail(f"JSON non stretto: {costante}")

    for fmt in ("json", "sarif"):
        json.loads(run_cli("check", str(ostile), "--format", fmt).output, parse_constant=rifiuta)


def test_json_writer_refuses_nan_infinity_and_lone_surrogates() -> None:
    data = {"a": math.nan, "b": [math.inf, -math.inf, 1.5], "c": "x\ud800y", "\udfff": 1}
    text = json_stretto(data)
    text.encode("utf-8")
    assert json.loads(text) == {"a": None, "b": [None, None, 1.5], "c": "x\ufffdy", "\ufffd": 1}


def test_xml_and_terminal_helpers() -> None:
    assert xml_legale("a\x00b\x1bc\td\ne\ud800\ufffe") == "a\ufffdb\ufffdc\td\ne\ufffd\ufffd"
    assert terminale("a\x1b[2J\u202eb\nc\x85") == "a\\x1b[2J\\u202eb\\x0ac\\x85"
    assert terminale("Città «sud» — 100%") == "Città «sud» — 100%"


def test_diff_markdown_escapes_html(plan_copy: Callable[[Path], Path], tmp_path: Path) -> None:
    prima = plan_copy(SMALL)
    dopo = tmp_path / "dopo"
    shutil.copytree(prima, dopo)
    path = dopo / "formazione.yaml"
    text = path.read_text(encoding="utf-8")
    nuovo = 'titolo: "<img src=x onerror=alert(1)> & <script>"\n'
    path.write_text(
        text.replace("titolo: Sicurezza sui luoghi di lavoro\n", nuovo, 1), encoding="utf-8"
    )
    result = run_cli("diff", str(prima), str(dopo), "--format", "markdown")
    assert result.exit_code in {0, 1}, result.output
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;" in result.output
    assert "<img" not in result.output
    assert "<script" not in result.output


@pytest.mark.parametrize(
    "cell",
    ["=1+1", " =1+1", "\n=HYPERLINK(x)", "\r\n@SUM(A1)", "\t+1", "  -2+3", "\u3000=1", "\r"],
)
def test_csv_neutralises_formulas_after_leading_whitespace(cell: str) -> None:
    out = safe_cell(cell)
    if cell.startswith("\u3000"):
        assert out == cell  # not whitespace for a spreadsheet: text, not a formula
    else:
        assert out == "'" + cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-4.52, "-4.52"), (-1e-05, "-1e-05"), (790.0, "790"), (-3, "-3"), (1e20, "1e+20")],
)
def test_csv_real_numbers_stay_numbers(value: float, expected: str) -> None:
    assert safe_cell(value) == expected
    assert safe_cell(math.nan) == ""
    assert safe_cell(-math.inf) == ""


def test_docx_core_properties_are_xml_legal(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    out = plan.parent / "out"
    lungo = "Unione dei comuni di " + ", ".join(f"Comune numero {i}" for i in range(20))
    path = plan / "anagrafica.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("denominazione: Comune di Piccolavalle", f"denominazione: {lungo}", 1),
        encoding="utf-8",
    )
    rendered = render_plan(plan, out, formats=("docx",), oggi=datetime.date(2026, 11, 22))
    docx = next(p for p in rendered.files if p.suffix == ".docx")
    with zipfile.ZipFile(io.BytesIO(docx.read_bytes())) as z:
        core = ET.fromstring(z.read("docProps/core.xml"))
    title = next(e.text for e in core.iter() if e.tag.endswith("}title"))
    assert title
    assert len(title) <= 255


def test_diff_text_output_shows_plan_controls_as_escapes(
    plan_copy: Callable[[Path], Path],
) -> None:
    prima = plan_copy(SMALL)
    dopo = prima.parent.parent / "dopo" / "2026-2028"
    dopo.parent.mkdir(parents=True)
    shutil.copytree(prima, dopo)
    path = dopo / "organizzazione.yaml"
    text = path.read_text(encoding="utf-8")
    riga = next(line for line in text.splitlines() if line.strip().startswith("descrizione: "))
    chiave, _ = riga.split("descrizione: ", 1)
    path.write_text(
        text.replace(riga, f'{chiave}descrizione: "Ufficio\\u001b]0;pwned\\u0007\\n::error::x"', 1),
        encoding="utf-8",
    )
    result = run_cli("diff", str(prima), str(dopo))
    assert result.exit_code == 0
    assert "pwned" in result.output
    assert not _PERICOLOSI.search(result.output)
    assert not any(line.startswith("::error::") for line in result.output.splitlines())


def test_messages_of_the_writing_commands_escape_paths(tmp_path: Path) -> None:
    out = tmp_path / "doc\x1b[2J\u202e"
    result = run_cli("render", str(SMALL), "--out", str(out), "--format", "html")
    assert result.exit_code == 0
    assert "scritto" in result.output
    assert "\\x1b[2J\\u202e" in result.output
    assert not _PERICOLOSI.search(result.output)
