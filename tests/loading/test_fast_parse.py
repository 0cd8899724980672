"""The fast event reader and the careful round-trip parser agree on data and on the place
of every key and value; locating a finding never parses a file again; files the fast
path does not take (aliases, tags, directives, several documents, deep nesting) go to the
careful parser at once, whatever their size."""

from __future__ import annotations

from pathlib import Path

import pytest

from piao.loading import load_folder, plain
from piao.loading.veloce import leggi_veloce
from piao.loading.yamlio import albero_posizioni, parse_yaml
from tests.conftest import EXAMPLE, PLANS, ROOT

PLAN_FILES = sorted(PLANS.glob("*/*/*.yaml")) + sorted((ROOT / "tests" / "real").glob("*/*/*.yaml"))
FIXTURE_FILES = sorted((ROOT / "tests").rglob("*.yaml"))


@pytest.mark.parametrize(
    "path", PLAN_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.name}"
)
def test_fast_and_careful_parsers_agree(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = leggi_veloce(text)
    assert fast is not None, "plan files take the fast path"
    careful = parse_yaml(text)
    assert fast.data == plain(careful.data)
    assert fast.posizioni == albero_posizioni(careful.data)
    assert fast.problemi == careful.problems


def test_fixtures_agree_wherever_both_parsers_read_them() -> None:
    """Every YAML file of the tests (broken ones included): where both parsers give a mapping, the
    data, the positions and the duplicate keys are the same."""
    compared = 0
    for path in FIXTURE_FILES:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        fast = leggi_veloce(text)
        if fast is None:
            continue
        careful = parse_yaml(text)
        assert fast.data == plain(careful.data), path
        assert fast.posizioni == albero_posizioni(careful.data), path
        assert fast.problemi == careful.problems, path
        compared += 1
    assert compared > 100


def test_locating_never_parses_again(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = load_folder(EXAMPLE)

    def no_parse(text: str) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr("piao.loading.yamlio.parse_yaml", no_parse)
    monkeypatch.setattr("piao.loading.plan.parse_yaml", no_parse)
    location = loaded.sources.locate("performance.yaml", ("obiettivi", 1, "titolo"))
    assert location.line is not None
    line = (
        (EXAMPLE / "performance.yaml").read_text(encoding="utf-8").splitlines()[location.line - 1]
    )
    assert "Rilevare la soddisfazione" in line


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1]\nb: *x\n",
        "a: !!python/object:os.system x\n",
        "a: !custom x\n",
        "a: !!set {x}\n",
        "a: 1\n---\nb: 2\n",
        "%YAML 1.1\n---\na: no\n",
        "<<: {a: 1}\nb: 2\n",
        "? [a]\n: 1\n",
        "a: =\n",
        "a:\n\t- b\n",
        "- a\n",
        "",
        "a: [1\n",
        "a: " + "[" * 80 + "]" * 80 + "\n",
        "a: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n",
        "- " * 1_000_000 + "a\n",
    ],
    ids=[
        "alias",
        "python-tag",
        "custom-tag",
        "set",
        "two-documents",
        "yaml-1.1",
        "merge-key",
        "complex-key",
        "value-tag",
        "tab-indentation",
        "not-a-mapping",
        "empty",
        "syntax",
        "deep-80",
        "deep-million-flow",
        "deep-million-block",
    ],
)
def test_suspicious_or_broken_files_take_the_careful_path(text: str) -> None:
    assert leggi_veloce(text) is None


def test_valid_tabs_stay_on_the_fast_path() -> None:
    """YAML 1.2 allows a tab inside a plain text and after «: » (libyaml reads them so; the
    careful parser would refuse them): no false alarm on a valid file."""
    fast = leggi_veloce("a: b\tc\nd:\te\n")
    assert fast is not None
    assert fast.data == {"a": "b\tc", "d": "e"}


def test_duplicates_and_impossible_dates_stay_on_the_fast_path() -> None:
    text = "a: 1\nb: 2026-02-30\na: 2\n"
    fast = leggi_veloce(text)
    assert fast is not None
    careful = parse_yaml(text)
    assert fast.data == plain(careful.data) == {"a": 1, "b": "2026-02-30"}
    assert fast.problemi == careful.problems
    assert fast.problemi[0].line == 2
    assert "già presente alla riga 1" in fast.problemi[0].message
