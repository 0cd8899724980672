"""A rollover of any valid plan parses and keeps every key, with comments in every list
(issue 15): every example, real and fixture plan, with a comment after the key and before
every item of every block list of every file (tests/commenti.py), keeps every key path at
every depth and never falls back to dropping a file's comments; and a rollover that fails
halfway leaves no half plan."""

from __future__ import annotations

import errno
import importlib
import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

from piao.authoring import rollover
from piao.loading import plain
from piao.loading.roundtrip import dump_text, load_text
from piao.loading.yamlio import parse_yaml
from tests.commenti import commenta_elenchi
from tests.conftest import PLANS, ROOT, SMALL, run_cli

PIANI = sorted(
    p.parent
    for radice in (PLANS, ROOT / "tests" / "real", ROOT / "tests" / "fixtures")
    for p in radice.glob("*/*/anagrafica.yaml")
)


def chiavi(node: Any, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every key path of a tree; list items are «*» and years (a yearly map) «anno»."""
    out: set[tuple[str, ...]] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            nome = "anno" if isinstance(key, int) else str(key)
            out.add((*path, nome))
            out |= chiavi(value, (*path, nome))
    elif isinstance(node, list):
        for item in node:
            out |= chiavi(item, (*path, "*"))
    return out


def _tolto(path: tuple[str, ...], tolti: set[tuple[str, ...]]) -> bool:
    """The path is, or lies below, something the rollover drops on purpose."""
    return "consuntivo" in path or any(path[: len(t)] == t for t in tolti)


def _percorso(testo: str) -> tuple[str, ...]:
    """`cessazioni[3]` -> ("cessazioni", "*"), `a.b` -> ("a", "b")."""
    return tuple(
        parte
        for pezzo in testo.split(".")
        for parte in (pezzo.split("[")[0], *(["*"] if "[" in pezzo else []))
    )


@pytest.mark.parametrize("plan", PIANI, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_a_rollover_with_comments_in_every_list_parses_and_keeps_every_key(
    plan: Path, tmp_path: Path
) -> None:
    src, dst = tmp_path / "vecchio", tmp_path / "nuovo"
    shutil.copytree(plan, src)
    commenti = 0
    for file in sorted(src.glob("*.yaml")):
        text = commenta_elenchi(file.read_text(encoding="utf-8"))
        commenti += text.count("# nota prima di un elemento")
        file.write_text(text, encoding="utf-8")
    assert commenti  # every plan has lists
    esito = rollover(src, dst)
    # Never the fallback that drops the comments of a file.
    assert [v for v in esito.registro.rimossi if v.percorso == "commenti"] == []
    tolti = {(v.file, _percorso(v.percorso)) for v in esito.registro.rimossi}
    for file in sorted(src.glob("*.yaml")):
        nuovo = (dst / file.name).read_text(encoding="utf-8")
        letto = parse_yaml(nuovo)
        assert not letto.problems, (file.name, letto.problems)
        prima = chiavi(parse_yaml(file.read_text(encoding="utf-8")).data)
        dopo = chiavi(letto.data)
        persi = {p for p in prima - dopo if not _tolto(p, {t for f, t in tolti if f == file.name})}
        assert not persi, (file.name, sorted(persi))
        # New keys are only the history and the baseline measured values lead to.
        nuove = {p for p in dopo - prima if not {"storico", "baseline"} & set(p)}
        assert not nuove, (file.name, sorted(nuove))


@pytest.mark.parametrize(
    "text",
    [
        "o:\n  # c0\n  - {x: 1, y: 2}  # eol\n  - x: 3\n    y: 4\nz: 1\n",
        "s:\n  o:  # k\n    # c0\n\n    - {x: 1}  # eol\n    # c1\n    - x: 3\n      y: 4\n"
        "    - [a, b]  # eol\n    - x: 5\n      y: 6\n  z: 1\n",
    ],
)
def test_a_flow_item_with_a_comment_before_a_block_mapping_round_trips(text: str) -> None:
    """ruamel glued the keys of the block mapping (`- x: 3 y: 4`) after a flow item with an
    end-of-line comment, in a list with a comment before its first item."""
    assert dump_text(load_text(text)) == text
    assert plain(load_text(text)) == parse_yaml(text).data


def test_a_rollover_failing_halfway_leaves_no_half_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modulo = importlib.import_module("piao.authoring.rollover")
    vero = modulo._testo_sicuro
    fatti: list[str] = []

    def a_meta(nome: str, data: Any, registro: Any) -> str:
        fatti.append(nome)
        if len(fatti) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return str(vero(nome, data, registro))

    monkeypatch.setattr(modulo, "_testo_sicuro", a_meta)
    dst = tmp_path / "2027-2029"
    result = run_cli("rollover", str(SMALL), "--out", str(dst))
    assert result.exit_code != 0
    assert "impossibile scrivere" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []  # neither the plan nor a temporary folder


def test_a_rollover_writes_a_plan_folder_like_mkdir(tmp_path: Path) -> None:
    dst = tmp_path / "nuovi" / "2027-2029"
    rollover(SMALL, dst)
    assert stat.S_IMODE(dst.stat().st_mode) == 0o755
    assert sorted(p.name for p in dst.iterdir()) == sorted(p.name for p in SMALL.glob("*.yaml"))
    assert [p.name for p in dst.parent.iterdir()] == ["2027-2029"]
