"""The wheel carries schemas/ and templates/ and works in a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

from piao.resources import data_dir
from tests.conftest import EXAMPLE, ROOT


def test_data_folders_are_found_in_a_checkout() -> None:
    assert (data_dir("schemas") / "anagrafica.schema.json").is_file()
    assert data_dir("templates").is_dir()


def test_wheel_installs_in_a_fresh_venv_and_checks_an_example(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("piao-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "piao/_data/schemas/anagrafica.schema.json" in names
    assert "piao/_data/templates/README.md" in names
    assert "piao/_data/tracciati/pna2019-allegato1.yaml" in names
    assert "piao/cli/app.py" in names

    env = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    python = env / "bin" / "python"
    env_site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # Dependencies come from the test environment (no network needed); piao itself only
    # from the wheel: the editable install's .pth is not processed from an appended path.
    (env_site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import piao.resources as r; print(r.__file__); print(r.data_dir('schemas'))",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.split()
    assert all(Path(p).is_relative_to(env) for p in where), where

    proc = subprocess.run(
        [str(env / "bin" / "piao"), "check", str(EXAMPLE)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Esito: conforme" in proc.stdout
    tracciato = subprocess.run(
        [str(env / "bin" / "piao"), "fogli", "tracciato", "pna2019-allegato1", "--out", "t.yaml"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert tracciato.returncode == 0, tracciato.stdout + tracciato.stderr
    assert "riga_intestazione" in (tmp_path / "t.yaml").read_text(encoding="utf-8")
