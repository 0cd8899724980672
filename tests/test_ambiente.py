"""init and the environment (issue 15, item 6): command-line values that reach a file are
validated, environment variables are refused with a clear exit-2 message."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from piao.cli.app import app
from tests.conftest import SMALL


def _init(
    folder: Path, *extra: str, ente: str = "Comune di Prova", triennio: str = "2027-2029"
) -> Result:
    args = ["init", str(folder), "--ente", ente, "--triennio", triennio, "--dipendenti", "10"]
    return CliRunner().invoke(app, [*args, *extra])


@pytest.mark.parametrize(
    "ente",
    [
        "Comune di X\nsezioni: []",
        "Comune di X\r\n# commento",
        "Comune\x1b]0;pwned\x07",
        "Comune \u202edi X",
        "   ",
    ],
)
def test_init_refuses_an_entity_name_that_would_inject(tmp_path: Path, ente: str) -> None:
    result = _init(tmp_path / "p", ente=ente)
    assert result.exit_code == 2
    assert "--ente" in result.output
    assert not (tmp_path / "p").exists()


def test_init_refuses_control_characters_in_ipa_and_type(tmp_path: Path) -> None:
    assert _init(tmp_path / "a", "--ipa", "c_x\nfoo: 1").exit_code == 2
    assert _init(tmp_path / "b", "--tipo", "comune\nfoo: 1").exit_code == 2


def test_init_quotes_an_unusual_but_legitimate_name(tmp_path: Path) -> None:
    ente = "Comune di Sant'Agata: «sud» # 1, [uno] {due} & *tre* %quattro"
    result = _init(tmp_path / "p", ente=ente)
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(app, ["check", str(tmp_path / "p"), "--format", "json"])
    assert "SC001" not in check.output
    assert "YM0" not in check.output
    assert ente in (tmp_path / "p" / "anagrafica.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "triennio",
    ["²⁰²⁷-²⁰²⁹", "٢٠٢٧-٢٠٢٩", "0-2", "0001-0003", "99999-100001", "9998-10000", "2027", "-"],
)
def test_init_odd_trienni_exit_2_in_italian(tmp_path: Path, triennio: str) -> None:
    result = _init(tmp_path / "p", triennio=triennio)
    assert result.exit_code == 2, result.output
    assert "triennio" in result.output
    assert "non valido" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SOURCE_DATE_EPOCH", "1767225600000"),
        ("SOURCE_DATE_EPOCH", "ieri"),
        ("SOURCE_DATE_EPOCH", "-5"),
        ("PIAO_MAX_FILE_MB", "0"),
        ("PIAO_MAX_FILE_MB", "-1"),
        ("PIAO_MAX_FILE_MB", "tanti"),
        ("PIAO_MAX_FILE_MB", "nan"),
        ("PIAO_MAX_FILE_MB", "inf"),
    ],
)
def test_environment_is_validated_with_exit_2(name: str, value: str) -> None:
    result = CliRunner().invoke(app, ["check", str(SMALL)], env={name: value})
    assert result.exit_code == 2, result.output
    assert f"piao: errore: {name}" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("name", "value"), [("SOURCE_DATE_EPOCH", "1767225600"), ("PIAO_MAX_FILE_MB", "0.5")]
)
def test_valid_environment_is_accepted(name: str, value: str) -> None:
    result = CliRunner().invoke(app, ["check", str(SMALL)], env={name: value})
    assert result.exit_code == 0, result.output
