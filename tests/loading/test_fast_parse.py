"""The fast C parser and the careful round-trip parser agree; positions are computed
only when a finding needs them; suspicious files always take the careful path."""

from __future__ import annotations

from pathlib import Path

import pytest

from piao.loading import load_folder, plain
from piao.loading.yamlio import parse_fast, parse_yaml
from tests.conftest import EXAMPLE, PLANS

PLAN_FILES = sorted(PLANS.glob("*/*/*.yaml"))


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_fast_and_careful_parsers_agree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = parse_fast(text)
    assert fast is not None, "example files take the fast path"
    assert fast == plain(parse_yaml(text).data)


def test_positions_are_parsed_only_on_demand() -> None:
    loaded = load_folder(EXAMPLE)
    source = loaded.sources.files["performance.yaml"]
    assert source.tree is None
    location = loaded.sources.locate("performance.yaml", ("obiettivi", 1, "titolo"))
    assert source.tree is not None
    line = (
        (EXAMPLE / "performance.yaml").read_text(encoding="utf-8").splitlines()[location.line - 1]
    )
    assert "Rilevare la soddisfazione" in line


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1]\nb: *x\n",
        "a: !!python/object:os.system x\n",
        "a: 1\na: 2\n",
        "a: 2026-02-30\n",
        "a: 1\n---\nb: 2\n",
        "a: " + "[" * 80 + "]" * 80 + "\n",
    ],
)
def test_suspicious_or_broken_files_take_the_careful_path(text: str) -> None:
    assert parse_fast(text) is None
