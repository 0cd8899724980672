"""Resource limits: bombs, deep nesting, oversized and binary files get a clear Italian
finding at once (a subprocess with a timeout guards against hangs), nothing is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, SMALL

GUARD_SECONDS = 60  # a hang guard, not a speed assertion (speed is in make bench)


def _check(plan: Path, env: dict[str, str] | None = None) -> tuple[int, dict[str, object]]:
    proc = subprocess.run(
        [sys.executable, "-m", "piao", "check", str(plan), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert "Traceback" not in proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def _codes(report: dict[str, object]) -> set[str]:
    findings = report["findings"]
    assert isinstance(findings, list)
    return {f["code"] for f in findings}


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "YM007"),
        ("".join(f"{'  ' * i}l{i}:\n" for i in range(200)) + "  " * 200 + "x: 1\n", "YM007"),
        # Nesting that crashed libyaml's C composer (a segmentation fault, no report at all).
        ("a: " + "[" * 200_000 + "]" * 200_000 + "\n", "YM007"),
        ("- " * 200_000 + "x\n", "YM007"),
        (
            "a: &a [1,1,1,1,1,1,1,1,1]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
                for i in range(20)
            ),
            "YM006",
        ),
    ],
    ids=["flow-nesting", "block-nesting", "flow-200k", "block-list-200k", "billion-laughs"],
)
def test_bombs_and_deep_nesting(plan_copy: Callable[[Path], Path], content: str, code: str) -> None:
    plan = plan_copy(SMALL)
    (plan / "formazione.yaml").write_text(content, encoding="utf-8")
    rc, report = _check(plan)
    assert rc == 1
    assert code in _codes(report)


def test_size_limit_is_configurable(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    rc, report = _check(plan, {"PIAO_MAX_FILE_MB": "0.001"})
    assert rc == 1
    assert "YM008" in _codes(report)
    rc, report = _check(plan)
    assert rc == 0


def test_binary_file(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    (plan / "formazione.yaml").write_bytes(bytes(range(256)) * 100)
    rc, report = _check(plan)
    assert rc == 1
    assert "YM004" in _codes(report)


def test_sources_are_never_modified(plan_copy: Callable[[Path], Path], tmp_path: Path) -> None:
    plan = plan_copy(SMALL)

    def contenuto() -> dict[str, bytes]:  # every file, the period files' folder included
        return {
            p.relative_to(plan).as_posix(): p.read_bytes() for p in plan.rglob("*") if p.is_file()
        }

    before = contenuto()
    out = tmp_path / "out"
    for args in (
        ["check", str(plan)],
        ["render", str(plan), "--out", str(out), "--format", "html"],
        ["audit", str(plan), "--out", str(out), "--no-pdf"],
    ):
        subprocess.run(
            [sys.executable, "-m", "piao", *args],
            capture_output=True,
            timeout=GUARD_SECONDS,
            cwd=ROOT,
            check=False,
        )
    assert contenuto() == before
