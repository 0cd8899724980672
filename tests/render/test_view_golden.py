"""The document of each example plan, as text, against a golden file.

Refresh after an intended change with `make golden` (or
`PIAO_REFRESH_GOLDEN=1 pytest tests/render/test_view_golden.py`), then read the diff.
"""

from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest

from piao import check_plan
from piao.render.view import build_view
from tests.conftest import EXAMPLE, ROOT, SMALL
from tests.render.outline import outline

GOLDEN = Path(__file__).resolve().parent / "golden"
OGGI = datetime.date(2026, 11, 22)
INCOMPLETE = ROOT / "tests" / "fixtures" / "comune-incompleto" / "2026-2028"


def _without(source: Path, target: Path, *files: str) -> Path:
    shutil.copytree(source, target)
    for name in files:
        (target / name).unlink()
    return target


CASES = {
    "comune-di-esempio": lambda tmp: EXAMPLE,
    "piccolo-comune": lambda tmp: SMALL,
    "comune-incompleto": lambda tmp: INCOMPLETE,
    # An ordinary plan whose 2.1, 3.2 and 4 files are missing (rendered as a draft).
    "ordinario-senza-sezioni": lambda tmp: _without(
        EXAMPLE,
        tmp / "piano",
        "valore_pubblico.yaml",
        "lavoro_agile.yaml",
        "formazione.yaml",
        "monitoraggio.yaml",
    ),
    # A simplified plan without the sections it may omit and without 2.3.
    "semplificato-senza-sezioni": lambda tmp: _without(
        SMALL, tmp / "piano", "formazione.yaml", "rischi_corruttivi.yaml"
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_document_matches_golden(name: str, tmp_path: Path) -> None:
    folder = CASES[name](tmp_path)
    piano = check_plan(folder).piano
    assert piano is not None
    text = outline(build_view(piano, bozza=True, oggi=OGGI))
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("PIAO_REFRESH_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text, (
        f"the document of {name} changed: `make golden`, then review the diff"
    )
