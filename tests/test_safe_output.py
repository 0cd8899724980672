"""Safe output: atomic writes (an interrupted write leaves the old file), file names from
plan text are sanitised and never escape the output folder."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest

from piao.fsutil import atomic_write_bytes, slugify
from piao.render import render_plan
from tests.conftest import SMALL, edit


def test_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "documento.pdf"
    target.write_bytes(b"vecchio")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("piao.fsutil.os.replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_bytes(target, b"nuovo")
    assert target.read_bytes() == b"vecchio"
    assert [p.name for p in tmp_path.iterdir()] == ["documento.pdf"], (
        "no temporary file left behind"
    )


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "Comune /di\\ Prova", "..", "", "Città d'Arte — «Sud»", "\x00\n\t"]
)
def test_slugs_are_safe_file_names(name: str) -> None:
    slug = slugify(name)
    assert slug
    assert "/" not in slug
    assert "\\" not in slug
    assert ".." not in slug
    assert all((c.isalnum() and c.isascii()) or c == "-" for c in slug)


def test_hostile_entity_name_cannot_escape_the_output_folder(
    plan_copy: Callable[[Path], Path], tmp_path: Path
) -> None:
    plan = plan_copy(SMALL)
    edit(
        plan / "anagrafica.yaml",
        "denominazione: Comune di Piccolavalle",
        'denominazione: "../../../fuori"',
    )
    out = tmp_path / "out"
    rendered = render_plan(plan, out, formats=("html",), oggi=datetime.date(2026, 11, 22))
    assert all(p.resolve().is_relative_to(out.resolve()) for p in rendered.files)
    assert [p.name for p in out.iterdir()] == ["PIAO-fuori-2026-2028.html"]
