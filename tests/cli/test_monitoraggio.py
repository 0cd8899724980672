"""`piao monitoraggio init|check`: the period files of a plan, through the CLI on real files."""

from __future__ import annotations

import datetime
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from piao.loading.roundtrip import load_text
from piao.model.periodo import NomePeriodoNonValido, periodo_da_nome
from piao.model.relazione import DatiRelazione
from piao.periodi import leggi_periodo, leggi_piano
from tests.conftest import EXAMPLE, ROOT, SMALL, edit, line_of, run_cli, run_subprocess

PERIODO = EXAMPLE / "monitoraggio" / "2026-S1.yaml"


def _findings(plan: Path, *extra: str) -> list[dict[str, object]]:
    result = run_cli("monitoraggio", "check", str(plan), "--format", "json", *extra)
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, object]] = json.loads(result.output)["findings"]
    return findings


def _where(f: dict[str, object]) -> tuple[object, ...]:
    return (f["code"], f["file"], f["line"], f["column"])


@pytest.fixture
def esempio(plan_copy: Callable[[Path], Path]) -> Path:
    """A copy of the example plan with its filled period file."""
    return plan_copy(EXAMPLE)


@pytest.fixture
def senza_periodi(plan_copy: Callable[[Path], Path]) -> Path:
    """A copy of the small plan without its period files."""
    plan = plan_copy(SMALL)
    shutil.rmtree(plan / "monitoraggio")
    return plan


@pytest.mark.parametrize("plan", [EXAMPLE, SMALL], ids=lambda p: p.parent.name)
def test_the_example_period_checks_clean(plan: Path) -> None:
    for extra in ((), ("--periodo", "2026-S1")):
        result = run_cli("monitoraggio", "check", str(plan), *extra)
        assert result.exit_code == 0, result.output
        assert "Nessun rilievo." in result.output
        # «conforme» is a word about a plan's legality, not about a period's data.
        assert "Esito: nessun rilievo — 0 errori, 0 avvisi, 0 informazioni" in result.output
        assert "conforme" not in result.output


def test_plan_check_ignores_the_monitoring_folder() -> None:
    result = run_cli("check", str(EXAMPLE), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["findings"] == []


def test_init_lists_the_plan_and_its_output_validates(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(EXAMPLE)
    shutil.rmtree(plan / "monitoraggio")
    result = run_cli("monitoraggio", "init", str(plan), "--periodo", "2026-s1")
    assert result.exit_code == 0, result.output
    path = plan / "monitoraggio" / "2026-S1.yaml"
    text = path.read_text(encoding="utf-8")
    assert "primo semestre 2026 (dal 01/01/2026 al 30/06/2026)" in text.replace("\n# ", " ")
    # Every indicator with a 2026 target, every measure, the 2026 hires, courses, actions.
    for code in ("VP-01-I2", "SAL-01-I1", "OBP-07-I2", "MIS-01", "ASS-01", "FOR-12", "PO-05"):
        assert f"\n  {code}:\n" in text or f"\n    {code}:\n" in text, code
    assert "# target 2026: 18; verso decrescente; partenza 2025: 24" in text
    # What is left to write is exactly the «da compilare» values: no other finding.
    findings = _findings(plan)
    assert findings, "a fresh file has values to fill in"
    assert {f["code"] for f in findings} == {"SC007"}
    summary = json.loads(run_cli("monitoraggio", "check", str(plan), "-f", "json").output)
    assert summary["summary"]["error"] == text.count("da compilare") - 1  # one in the header
    assert result.output.startswith(f"scritto {path}\nDa compilare: ")


def test_init_of_a_year_writes_the_relazione_facts_to_fill(
    plan_copy: Callable[[Path], Path],
) -> None:
    """The year's file holds the Relazione's facts (guide: docs/guida/relazione.md): init
    writes every field of DatiRelazione, «da compilare» or an empty list with an example;
    what is left to write is exactly the «da compilare» values."""
    plan = plan_copy(SMALL)  # few values: every finding is listed
    assert run_cli("monitoraggio", "init", str(plan), "--periodo", "2026").exit_code == 0
    text = (plan / "monitoraggio" / "2026.yaml").read_text(encoding="utf-8")
    relazione = load_text(text)["relazione"]
    # Every field of the model; «rendiconto» (only for who unifies it) as a comment.
    assert set(relazione) == set(DatiRelazione.model_fields) - {"rendiconto"}
    assert "#   rendiconto: {atto:" in text
    assert relazione["validazione"]["esito"] == "da compilare"
    assert "entro il 30/06/2027" in text
    findings = _findings(plan, "--periodo", "2026")
    assert {f["code"] for f in findings} == {"SC007"}
    nella_relazione = [f["path"] for f in findings if str(f["path"]).startswith("relazione")]
    assert len(nella_relazione) == 7, nella_relazione
    assert len(findings) == text.count("da compilare") - 1  # one in the header
    # A part of the year has none (rule MP017: the Relazione's facts are the year's).
    assert run_cli("monitoraggio", "init", str(plan), "--periodo", "2026-S2").exit_code == 0
    assert "relazione:" not in (plan / "monitoraggio" / "2026-S2.yaml").read_text("utf-8")


REAL_PLANS = sorted(p.parent for p in (ROOT / "tests" / "real").glob("*/*/anagrafica.yaml"))


@pytest.mark.parametrize("source", [SMALL, *REAL_PLANS], ids=lambda p: p.parent.name)
def test_init_works_on_every_plan_and_leaves_only_values_to_fill(
    source: Path, plan_copy: Callable[[Path], Path]
) -> None:
    plan = plan_copy(source)
    anno = plan.name.split("-")[0]
    result = run_cli("monitoraggio", "init", str(plan), "--periodo", anno)
    assert result.exit_code == 0, result.output
    assert {f["code"] for f in _findings(plan)} == {"SC007"}


def test_init_never_overwrites_without_the_flag(esempio: Path) -> None:
    path = esempio / "monitoraggio" / "2026-S1.yaml"
    before = path.read_bytes()
    result = run_cli("monitoraggio", "init", str(esempio), "--periodo", "2026-S1")
    assert result.exit_code == 2
    assert "esiste già" in result.output
    assert "--sovrascrivi" in result.output
    assert path.read_bytes() == before
    result = run_cli("monitoraggio", "init", str(esempio), "--periodo", "2026-S1", "--sovrascrivi")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() != before
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temp left


@pytest.mark.parametrize(
    ("periodo", "messaggio"),
    [
        ("2026-S3", "un anno ha 2 semestri"),
        ("2026-X1", "la lettera «X»"),
        ("26", "non è il nome di un periodo"),
        ("2031", "fuori dal triennio"),
    ],
)
def test_init_refuses_a_bad_period(periodo: str, messaggio: str, senza_periodi: Path) -> None:
    result = run_cli("monitoraggio", "init", str(senza_periodi), "--periodo", periodo)
    assert result.exit_code == 2
    assert messaggio in result.output
    assert not (senza_periodi / "monitoraggio").exists()


def test_a_code_not_in_the_plan_is_located(esempio: Path) -> None:
    path = esempio / "monitoraggio" / "2026-S1.yaml"
    edit(path, "  VP-01-I2:\n", "  VP-01-I9:\n")
    edit(path, "  MIS-03:\n", "  MIS-99:\n")
    edit(path, "  OBP-07:\n    percentuale", "  ASS-01:\n    percentuale")
    findings = _findings(esempio)
    file = "monitoraggio/2026-S1.yaml"
    assert [_where(f) for f in findings] == [
        ("MP002", file, line_of(path, "VP-01-I9:"), 3),
        ("MP002", file, line_of(path, "MIS-99:"), 3),
        ("MP002", file, _riga(path, "  ASS-01:", 2), 3),
    ]
    assert findings[0]["hint"] == "Forse intendevi «VP-01-I2»?"
    assert str(findings[2]["message"]) == (
        "«ASS-01» nel piano è l'assunzione programmata di fabbisogni_personale.yaml, non "
        "l'indicatore o l'obiettivo."
    )


def _riga(path: Path, inizio: str, quale: int) -> int:
    """The line of the `quale`-th line starting with `inizio` (1-based)."""
    righe = [
        i for i, r in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if r == inizio
    ]
    return righe[quale - 1]


def test_a_bad_period_file_name_is_reported(esempio: Path) -> None:
    cartella = esempio / "monitoraggio"
    shutil.copy(cartella / "2026-S1.yaml", cartella / "2026-S3.yaml")
    shutil.copy(cartella / "2026-S1.yaml", cartella / "2030.yaml")
    shutil.copy(cartella / "2026-S1.yaml", cartella / "2026-S1.yml")
    findings = _findings(esempio)
    assert [_where(f) for f in findings] == [
        ("MP001", "monitoraggio/2026-S1.yml", None, None),
        ("MP001", "monitoraggio/2026-S3.yaml", None, None),
        ("MP001", "monitoraggio/2030.yaml", None, None),
    ]
    assert findings[0]["message"] == (
        "Il periodo 2026-S1 ha due file: «2026-S1.yaml» e «2026-S1.yml»."
    )
    findings = findings[1:]
    assert "un anno ha 2 semestri" in str(findings[0]["message"])
    assert "fuori dal triennio del piano (2026-2028)" in str(findings[1]["message"])
    result = run_cli("monitoraggio", "check", str(esempio), "--periodo", "2026-Z1")
    assert result.exit_code == 2
    assert "la lettera «Z»" in result.output
    # A period named in another way is still the period: checked, and asked to be renamed.
    shutil.copy(cartella / "2026-S1.yaml", cartella / "2026-s02.yaml")
    findings = _findings(esempio, "--periodo", "2026-S2")
    assert [_where(f) for f in findings if f["code"] == "MP001"] == [
        ("MP001", "monitoraggio/2026-s02.yaml", None, None)
    ]
    assert "Rinominarlo «2026-S2.yaml»" in str(findings[0]["hint"])


def test_a_text_where_the_plan_measures_numbers(esempio: Path) -> None:
    path = esempio / "monitoraggio" / "2026-S1.yaml"
    edit(path, "    valore: 20.4\n", "    valore: circa 20 minuti\n")
    edit(path, "    valore: 48.2\n", "    valore: 48,2\n")
    edit(path, "    valore: 2280\n", "    valore: 1.500.000\n")
    findings = _findings(esempio)
    file = "monitoraggio/2026-S1.yaml"
    assert [_where(f) for f in findings] == [
        ("MP003", file, line_of(path, "circa 20 minuti"), 13),
        ("MP003", file, line_of(path, "valore: 48,2"), 13),
        ("MP003", file, line_of(path, "1.500.000"), 13),
    ]
    assert "trovato il testo «circa 20 minuti»" in str(findings[0]["message"])
    assert str(findings[1]["hint"]).startswith("Scrivere 48.2:")
    assert str(findings[2]["hint"]).startswith("Scrivere 1500000:")


def test_an_italian_thousands_separator_is_an_error(esempio: Path) -> None:
    path = esempio / "monitoraggio" / "2026-S1.yaml"
    edit(path, "    valore: 2280\n", "    valore: 6.000\n")
    result = run_cli("monitoraggio", "check", str(esempio), "-f", "json")
    assert result.exit_code == 1
    (f,) = json.loads(result.output)["findings"]
    assert _where(f) == ("SC008", "monitoraggio/2026-S1.yaml", line_of(path, "6.000"), 13)
    assert f["severity"] == "error"
    assert str(f["message"]).startswith("«6.000» è letto come 6:")
    assert str(f["hint"]).startswith("Scrivere 6000 (senza punti)")


def test_schema_errors_are_located_and_italian_forms_accepted(esempio: Path) -> None:
    path = esempio / "monitoraggio" / "2026-S1.yaml"
    edit(
        path,
        "    stato: in_corso\n    data: 2026-06-30\n  # Autorizzazione",
        "    stato: parzialmente attuata\n    motivo: Verifiche a metà.\n    data: 2026-06-30\n"
        "  # Autorizzazione",
    )
    edit(path, "controllo: qualita_dei_servizi", "controllo: qualità dei servizi")
    assert _findings(esempio) == []
    edit(path, "  VP-01-I2:\n", "  vp-01-i2:\n")
    edit(path, "    valore: 48.2\n", "    valore: 48.2\n    non_rilevato: manca\n")
    edit(
        path,
        "    stato: attuata\n    data: 2026-06-30\n    valore_rilevato: 100%",
        "    stato: fatta\n    data: 2026-06-30\n    valore_rilevato: 100%",
    )
    findings = _findings(esempio)
    assert [f["code"] for f in findings] == ["SC004", "SC004", "SC004"]
    assert "non è un codice" in str(findings[0]["message"])
    assert "oppure il motivo per cui non è stato rilevato" in str(findings[1]["message"])
    assert "Valori ammessi: attuata, parzialmente_attuata" in str(findings[2]["message"])


@pytest.mark.parametrize(
    "contenuto",
    [
        b"indicatori: [aperta\n  - : :\n\t- x",
        b"\x00\x01\x02binario",
        b"- solo\n- un elenco\n",
        b"",
        b"indicatori:\n  VP-01-I1: &a {valore: 1}\n  VP-01-I2: *a\n",
    ],
    ids=["sintassi", "binario", "elenco", "vuoto", "alias"],
)
def test_garbage_never_gives_a_traceback(esempio: Path, contenuto: bytes) -> None:
    (esempio / "monitoraggio" / "2026-S1.yaml").write_bytes(contenuto)
    result = run_subprocess("monitoraggio", "check", str(esempio))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "monitoraggio/2026-S1.yaml" in result.stdout
    assert " YM00" in result.stdout


def test_check_without_period_files_is_a_usage_error(senza_periodi: Path) -> None:
    result = run_cli("monitoraggio", "check", str(senza_periodi))
    assert result.exit_code == 2
    assert "piao monitoraggio init" in result.output


@pytest.mark.parametrize(
    ("nome", "inizio", "fine", "descrizione"),
    [
        ("2026", (2026, 1, 1), (2026, 12, 31), "anno 2026"),
        ("2026-S2", (2026, 7, 1), (2026, 12, 31), "secondo semestre 2026"),
        ("2026-Q2", (2026, 5, 1), (2026, 8, 31), "secondo quadrimestre 2026"),
        ("2026-T1", (2026, 1, 1), (2026, 3, 31), "primo trimestre 2026"),
        ("2028-t4", (2028, 10, 1), (2028, 12, 31), "quarto trimestre 2028"),
    ],
)
def test_a_period_name_gives_its_dates(
    nome: str, inizio: tuple[int, int, int], fine: tuple[int, int, int], descrizione: str
) -> None:
    periodo = periodo_da_nome(nome)
    assert (periodo.inizio, periodo.fine) == (datetime.date(*inizio), datetime.date(*fine))
    assert periodo.descrizione == descrizione
    assert periodo.nome == nome.upper()


def test_a_bad_period_name_raises_an_italian_error() -> None:
    with pytest.raises(NomePeriodoNonValido, match="un anno ha 4 trimestri"):
        periodo_da_nome("2026-T5")


def test_the_library_gives_the_period_as_data() -> None:
    """What the achievements, rules and reports of the next steps start from."""
    letto = leggi_periodo(PERIODO, leggi_piano(EXAMPLE))
    assert letto.findings == []
    assert letto.periodo is not None
    assert (letto.periodo.inizio, letto.periodo.fine) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 6, 30),
    )
    dati = letto.dati
    assert dati is not None
    attesa = dati.indicatori["VP-01-I2"]
    assert (attesa.valore, attesa.controllo) == (20.4, "qualita_dei_servizi")
    assert attesa.evidenze == ["monitoraggio/allegati/eliminacode-2026-S1.csv"]
    assert (EXAMPLE / attesa.evidenze[0]).is_file()
    assert dati.indicatori["VP-07-I2"].valore is None
    assert dati.indicatori["VP-07-I2"].non_rilevato
    assert dati.indicatori["OBP-07-I2"].valore == 2280
    assert {m.stato for m in dati.misure.values()} == {
        "attuata",
        "parzialmente_attuata",
        "in_corso",
        "non_attuata",
    }
    assert all(m.motivo for m in dati.misure.values() if m.stato == "non_attuata")
    assert sum(a.effettuate for a in dati.assunzioni.values()) == 6  # of 10 planned for 2026
    assert [c.motivo for c in dati.cessazioni] == ["pensionamento", "mobilita"]
    assert dati.lavoro_agile is not None
    assert dati.lavoro_agile.giornate == 1420
    rettifica = dati.rettifiche["OBP-07"]
    assert (rettifica.percentuale, rettifica.approvata_da) == (90, "Nucleo di valutazione")


def test_the_verdict_of_period_data_never_says_conforme(esempio: Path) -> None:
    path = esempio / "monitoraggio" / "2026-S1.yaml"
    # A warning (MP013: a measure not implemented without its reason).
    text = path.read_text(encoding="utf-8")
    inizio = text.index("  MIS-07:\n")
    motivo = text.index("    motivo:", inizio)
    path.write_text(text[:motivo] + text[text.index("\n", motivo) + 1 :], encoding="utf-8")
    output = run_cli("monitoraggio", "check", str(esempio)).output
    assert "Esito: nessun errore, avvisi da esaminare — 0 errori, 1 avviso" in output
    # An error (a value that is not a number where the plan measures with numbers: MP003).
    edit(path, "    valore: 20.4\n", "    valore: circa 20 minuti\n")
    result = run_cli("monitoraggio", "check", str(esempio))
    assert result.exit_code == 1
    assert "Esito: errori da correggere — 1 errore, 1 avviso" in result.output
    assert "conforme" not in result.output
