"""Bounded values (issue 15): values the schema used to accept and that crashed rules or
renderers are located SC004 findings, in Italian; values at the bounds still check and
render."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from piao.engine import check_report
from tests.conftest import SMALL, edit, line_of, run_cli

ANAGRAFICA = "anagrafica.yaml"
FABBISOGNI = "fabbisogni_personale.yaml"
TRIENNIO = "triennio: {da: 2026, a: 2028}"
SEDE = "sede: Via Roma 12, 00199 Piccolavalle (EX)"
POPOLAZIONE = "popolazione: {valore: 2480, al: 2024-12-31}"
SPESA = "spesa_personale_prevista: {2026: 722000.00, 2027: 723500.00, 2028: 724000.00}"

CASI = {
    "triennio-invertito": (
        ANAGRAFICA,
        TRIENNIO,
        "triennio: {da: 2028, a: 2026}",
        "triennio",
        "Il triennio è invertito: l'ultimo anno (2026) precede il primo (2028)",
    ),
    "importo-nan": (
        FABBISOGNI,
        SPESA,
        SPESA.replace("722000.00", ".nan"),
        "capacita_assunzionale.spesa_personale_prevista.2026",
        "non è un numero finito",
    ),
    "importo-infinito": (
        FABBISOGNI,
        SPESA,
        SPESA.replace("723500.00", "-.inf"),
        "capacita_assunzionale.spesa_personale_prevista.2027",
        "non è un numero finito",
    ),
    "importo-26-cifre": (
        FABBISOGNI,
        SPESA,
        SPESA.replace("724000.00", "12345678901234567890123456"),
        "capacita_assunzionale.spesa_personale_prevista.2028",
        "deve essere al massimo 10.000.000.000.000",
    ),
    "conteggio-26-cifre": (
        ANAGRAFICA,
        POPOLAZIONE,
        POPOLAZIONE.replace("2480", "12345678901234567890123456"),
        "ente.popolazione.valore",
        "Il valore «1.235e+25» non è ammesso: deve essere al massimo 1.000.000.000",
    ),
    "data-lontana-nel-futuro": (
        ANAGRAFICA,
        POPOLAZIONE,
        POPOLAZIONE.replace("2024-12-31", "9999-12-31"),
        "ente.popolazione.al",
        "La data «9999-12-31» è fuori dall'intervallo plausibile: deve essere entro il 31/12/2100",
    ),
    "data-lontana-nel-passato": (
        ANAGRAFICA,
        POPOLAZIONE,
        POPOLAZIONE.replace("2024-12-31", "0001-01-01"),
        "ente.popolazione.al",
        "deve essere dal 01/01/1900",
    ),
    "carattere-di-controllo": (
        ANAGRAFICA,
        SEDE,
        'sede: "Via Roma\\u0007 12"',
        "ente.sede",
        "Il testo contiene un carattere di controllo invisibile (U+0007) al carattere 9",
    ),
    "surrogato-isolato": (
        ANAGRAFICA,
        SEDE,
        'sede: "Via Roma \\ud800"',
        "ente.sede",
        "Il testo contiene un surrogato UTF-16 isolato (U+D800) al carattere 10",
    ),
    "escape-nel-nome-di-persona": (
        ANAGRAFICA,
        "legale_rappresentante: {nome: Giovanni Ferri,",
        'legale_rappresentante: {nome: "Giovanni\\e]0;conforme\\a Ferri",',
        "soggetti.legale_rappresentante.nome",
        "carattere di controllo invisibile (U+001B)",
    ),
    "chiave-con-surrogato": (
        ANAGRAFICA,
        SEDE,
        SEDE + '\n  "x\\ud800": 1',
        "ente",
        "La chiave «x\\ud800» contiene un carattere non stampabile",
    ),
}


@pytest.mark.parametrize("caso", sorted(CASI))
def test_valore_fuori_dai_limiti_e_un_rilievo_localizzato(tmp_path: Path, caso: str) -> None:
    file, vecchio, nuovo, percorso, messaggio = CASI[caso]
    plan = tmp_path / "2026-2028"
    shutil.copytree(SMALL, plan)
    edit(plan / file, vecchio, nuovo)
    report = check_report(plan)
    trovati = [
        f
        for f in report.findings
        if f.location.file == file and ".".join(map(str, f.location.path)) == percorso
    ]
    assert trovati, report.flatten()
    f = trovati[0]
    assert f.code == "SC004", f
    assert messaggio in f.message
    if percorso == "ente":
        assert f.location.line == 5  # the mapping whose key is unreadable
    else:
        assert f.location.line == line_of(plan / file, nuovo.split(":")[0].strip())
    # The CLI prints it, in every format, without a traceback (exit 1: an error of the plan).
    for formato in ("text", "json", "sarif", "github", "junit"):
        result = run_cli("check", str(plan), "--format", formato)
        assert result.exit_code == 1, (formato, result.output)
        assert "\x07" not in result.stdout
        assert "\x1b" not in result.stdout


def test_valori_ai_limiti_sono_ammessi(tmp_path: Path) -> None:
    """The bounds are plausibility bounds: values at the edge still check as before."""
    plan = tmp_path / "2026-2028"
    shutil.copytree(SMALL, plan)
    edit(plan / ANAGRAFICA, POPOLAZIONE, "popolazione: {valore: 1000000000, al: 1900-01-01}")
    report = check_report(plan)
    assert not [f for f in report.findings if f.code.startswith("SC")], report.flatten()
