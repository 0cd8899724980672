"""One loading path for every command (issue 15): rollover and diff read plans through
`piao.loading` with the same limits and refusals as check, and a rollover of any plan —
comments in every list included — writes files that parse and keep every key."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from piao import check_plan
from piao.loading import load_folder
from tests.commenti import commenta_elenchi
from tests.conftest import EXAMPLE, ROOT, SMALL, run_cli

PIANI = [
    EXAMPLE,
    SMALL,
    *sorted(p for p in (ROOT / "tests" / "fixtures").glob("*/*") if p.is_dir()),
    *sorted(p for p in (ROOT / "tests" / "real").glob("*/*") if p.is_dir()),
]


def _commentato(plan: Path, tmp_path: Path) -> Path:
    src = tmp_path / "src" / plan.name
    shutil.copytree(plan, src)
    for file in src.glob("*.yaml"):
        file.write_text(commenta_elenchi(file.read_text(encoding="utf-8")), encoding="utf-8")
    return src


@pytest.mark.parametrize("plan", PIANI, ids=lambda p: p.parent.name)
def test_rollover_with_comments_in_every_list_parses_and_keeps_every_key(
    plan: Path, tmp_path: Path
) -> None:
    src = _commentato(plan, tmp_path)
    prima = load_folder(src)
    assert not prima.findings
    out = tmp_path / "nuovo"
    result = run_cli("rollover", str(src), "--out", str(out))
    assert result.exit_code == 0, result.output
    dopo = load_folder(out)
    assert not dopo.findings, [f.message for f in dopo.findings]
    for name, source in prima.sources.files.items():
        chiavi = set(dopo.sources.data(name))
        for key in source.data:
            # Only what the summary lists as removed, with its reason, may leave.
            assert key in chiavi or f"    - {key}" in result.output, (name, key)


def test_a_commented_list_that_becomes_empty_stays_valid(tmp_path: Path) -> None:
    # Sangano hires only in 2025: the rollover drops every hire of the year that ends.
    src = _commentato(ROOT / "tests" / "real" / "sangano" / "2025-2027", tmp_path)
    out = tmp_path / "2026-2028"
    assert run_cli("rollover", str(src), "--out", str(out)).exit_code == 0
    testo = (out / "fabbisogni_personale.yaml").read_text(encoding="utf-8")
    assert "\nassunzioni: []\n" in testo
    data = load_folder(out).sources.data("fabbisogni_personale.yaml")
    assert data["assunzioni"] == []
    assert set(data) >= set(load_folder(src).sources.data("fabbisogni_personale.yaml"))


BOMBA = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)
ROTTI = {
    "alias": BOMBA.encode(),
    "sintassi": b"triennio: {da: 2026\nente: [\n",
    "codifica": "denominazione: Comune di Forl\u00ec\n".encode("latin-1"),
    "elenco": b"- uno\n- due\n",
    "vuoto": b"",
}


@pytest.fixture
def piano(tmp_path: Path) -> Path:
    target = tmp_path / "piano" / "2026-2028"
    shutil.copytree(SMALL, target)
    return target


@pytest.mark.parametrize("caso", sorted(ROTTI))
@pytest.mark.parametrize("comando", ["rollover", "diff"])
def test_rollover_and_diff_refuse_broken_files_with_their_place(
    caso: str, comando: str, piano: Path, tmp_path: Path
) -> None:
    (piano / "anagrafica.yaml").write_bytes(ROTTI[caso])
    args = ("--out", str(tmp_path / "nuovo")) if comando == "rollover" else (str(SMALL),)
    result = run_cli(comando, str(piano), *args)
    assert result.exit_code == 2, result.output
    assert "anagrafica.yaml" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "nuovo").exists()


@pytest.mark.parametrize("comando", ["rollover", "diff"])
def test_rollover_and_diff_refuse_oversize_files(
    comando: str, piano: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIAO_MAX_FILE_MB", "0.001")
    args = ("--out", str(tmp_path / "nuovo")) if comando == "rollover" else (str(piano),)
    result = run_cli(comando, str(piano), *args)
    assert result.exit_code == 2, result.output
    assert "oltre il limite" in result.output


def _link_fuori(piano: Path, tmp_path: Path) -> None:
    segreto = tmp_path / "segreto.yaml"
    segreto.write_text("obiettivi: [{codice: SEGRETO}]\n", encoding="utf-8")
    (piano / "formazione.yaml").unlink()
    (piano / "formazione.yaml").symlink_to(segreto)


def test_a_link_out_of_the_plan_folder_is_refused_by_every_command(
    piano: Path, tmp_path: Path
) -> None:
    _link_fuori(piano, tmp_path)
    found = [f for f in check_plan(piano).report.findings if f.code == "YM009"]
    assert found
    assert "fuori dalla cartella" in found[0].message
    out = tmp_path / "nuovo"
    result = run_cli("rollover", str(piano), "--out", str(out))
    assert result.exit_code == 2
    assert "fuori dalla cartella" in result.output
    assert not out.exists()
    result = run_cli("diff", str(SMALL), str(piano))
    assert result.exit_code == 2
    assert "SEGRETO" not in result.output


def test_a_link_inside_the_plan_folder_is_read(piano: Path) -> None:
    (piano / "copia").mkdir()
    shutil.move(piano / "formazione.yaml", piano / "copia" / "formazione.yaml")
    (piano / "formazione.yaml").symlink_to(piano / "copia" / "formazione.yaml")
    assert check_plan(piano).report.verdetto == check_plan(SMALL).report.verdetto


def test_odd_file_names_are_findings_never_silently_skipped(piano: Path) -> None:
    os.close(os.open(os.fsencode(piano) + b"/note-\xe8.yaml", os.O_CREAT | os.O_WRONLY))
    (piano / "._anagrafica.yaml").write_bytes(b"\x00\x05\x16\x07" + b"\x00" * 60)
    shutil.copy(piano / "anagrafica.yaml", piano / "EXTRA.YAML")
    findings = check_plan(piano).report.findings
    nome = [f for f in findings if "non è in codifica UTF-8" in f.message]
    assert nome
    assert nome[0].code == "YM009"
    assert "note-\ufffd.yaml" in nome[0].message
    apple = [f for f in findings if f.location.file == "._anagrafica.yaml"]
    assert [(f.severity.value, "AppleDouble" in f.message) for f in apple] == [("info", True)]
    assert any(f.location.file == "EXTRA.YAML" for f in findings)
