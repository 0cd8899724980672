"""The entity's folder given where a triennio's folder is expected (issue 14, Why-7): a usage
error that names the triennio folders, for every command; and a plan without a declared
regime is not said to have «declared» one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, run_cli

ENTE = EXAMPLE.parent


@pytest.mark.parametrize(
    "argomenti",
    [
        ["check", str(ENTE)],
        ["render", str(ENTE), "--out", "{out}"],
        ["publish", str(ENTE), "--out", "{out}"],
        ["audit", str(ENTE), "--out", "{out}"],
        ["rollover", str(ENTE), "--out", "{out}"],
        ["diff", str(ENTE), str(EXAMPLE)],
    ],
    ids=lambda a: a[0],
)
def test_the_entity_folder_is_a_usage_error_naming_the_trienni(
    argomenti: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_cli(*(a.format(out=out) for a in argomenti))
    assert result.exit_code == 2
    assert f"«{ENTE}» è la cartella dell'ente, con i piani 2026-2028" in result.output
    assert f"per esempio «{EXAMPLE}»" in result.output
    assert not out.exists()


def test_without_a_scheda_anagrafica_no_regime_is_said_to_be_declared(tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 1
    assert "(regime dichiarato: ordinario)" not in result.output
    assert (
        "nessun regime dichiarato nella scheda anagrafica: si applica l'ordinario" in result.output
    )
