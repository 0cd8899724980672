"""The Italian user guide (docs/guida/) works as written: every `piao` command of its console
examples runs from a fresh clone, in order, without a usage error or a traceback (issue 14.6).

Each file's commands run in one scratch folder that sees the project's `plans/` and `tests/`,
so a command may use what an earlier one wrote (`init`, then `check` on it; `rollover`, then
`diff`).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDA = ROOT / "docs" / "guida"
PAGINE = sorted(GUIDA.glob("*.md"))
_CONSOLE = re.compile(r"```console\n(.*?)```", re.S)


def _comandi(pagina: Path) -> list[str]:
    out = []
    for blocco in _CONSOLE.findall(pagina.read_text(encoding="utf-8")):
        for riga in blocco.splitlines():
            if riga.startswith("$ "):
                out.append(riga[2:])
    return out


def test_the_guide_exists_in_italian_and_the_readme_links_it() -> None:
    nomi = {p.name for p in PAGINE}
    assert {"README.md", "flusso-annuale.md", "yaml-in-una-pagina.md"} <= nomi
    assert {"adozione-e-pubblicazione.md", "verifica.md"} <= nomi
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/guida/" in readme.split("\n## ", 1)[0]  # linked before the first section
    indice = (GUIDA / "README.md").read_text(encoding="utf-8")
    for pagina in PAGINE:
        if pagina.name != "README.md":
            assert f"({pagina.name})" in indice, pagina.name


def test_the_guide_has_commands_to_run() -> None:
    assert sum(len(_comandi(p)) for p in PAGINE) >= 12


@pytest.mark.parametrize("pagina", PAGINE, ids=lambda p: p.stem)
def test_every_command_of_the_guide_runs(pagina: Path, tmp_path: Path) -> None:
    (tmp_path / "plans").symlink_to(ROOT / "plans")
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    (tmp_path / "docs").symlink_to(ROOT / "docs")  # example sheets and mapping files
    for comando in _comandi(pagina):
        argv = shlex.split(comando)
        if argv[0] == "make":
            continue  # installing is what the test run itself did
        if argv[0] == "cp" and len(argv) == 3:  # a copy of a workbook for another office
            shutil.copy(tmp_path / argv[1], tmp_path / argv[2])
            continue
        assert argv[0] in ("piao", ".venv/bin/piao"), comando
        result = subprocess.run(
            [sys.executable, "-m", "piao", *argv[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert "Traceback" not in result.stderr, comando
        assert result.returncode in (0, 1), f"{comando}\n{result.stdout}\n{result.stderr}"
        if argv[1:3] == ["check", "plans/comune-di-esempio/2026-2028"] and len(argv) == 3:
            assert "Esito: conforme" in result.stdout
