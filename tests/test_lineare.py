"""Issue 15, «linear everything»: a plan with thousands of objects costs linear time and
bounded memory and output (findings capped per code and file, placeholder lookup, diff
ordering, figures and titles)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from piao.authoring.diff import diff_plans
from piao.engine import check_plan, run_rules
from piao.findings import MASSIMO_PER_FILE, Finding, Location, Severity, YamlPath, limita
from piao.render import figures, matrice, schema
from piao.render.document import INTESTAZIONE_MAX, Figura, Tabella
from piao.render.mappa import ALBERO_MAX_MISURE
from piao.render.view import build_view
from piao.rules import REGISTRY
from tests.conftest import EXAMPLE, edit, piccolo_con_nome, run_cli

ULTIMO_TARGET = "        target: {2026: 6, 2027: 8, 2028: 10}\n"
"""The last line of indicator OBP-02-I1 of the example plan: indicators are added after it."""


def _piano_con_indicatori(tmp_path: Path, n: int, indicatore: str) -> Path:
    """The example plan with `n` more indicators on objective OBP-02 (`indicatore` is the
    YAML of one, with {i} for its number)."""
    plan = tmp_path / "piano"
    shutil.copytree(EXAMPLE, plan)
    extra = "".join(indicatore.format(i=i) for i in range(n))
    edit(plan / "performance.yaml", ULTIMO_TARGET, ULTIMO_TARGET + extra)
    return plan


SENZA_BASELINE = """      - codice: OBP-02-X{i}
        descrizione: Indicatore generato numero {i}
        unita_misura: numero
        target: {{2026: 6}}
"""
"""No baseline and no target for 2027-2028: two PF002 warnings each."""


def _json(plan: Path, *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = run_cli("check", str(plan), "--format", "json", *args)
    return result.exit_code, json.loads(result.output)


def test_findings_of_one_code_in_one_file_are_capped_with_a_count_of_the_rest(
    tmp_path: Path,
) -> None:
    plan = _piano_con_indicatori(tmp_path, 1500, SENZA_BASELINE)
    code, report = _json(plan)
    pf002 = [f for f in report["findings"] if f["code"] == "PF002"]
    assert len(pf002) == MASSIMO_PER_FILE + 1
    riassunto = [f for f in pf002 if f["message"].startswith("…")]
    assert len(riassunto) == 1
    assert riassunto[0]["severity"] == "warning"
    assert riassunto[0]["message"].startswith(
        f"… e {3000 - MASSIMO_PER_FILE} altri rilievi PF002 in performance.yaml, non elencati"
    )
    # Counts and verdict are those of every finding.
    assert report["summary"]["warning"] == 3000
    assert report["verdict"] == "conforme_con_riserva"
    assert code == 0
    testo = run_cli("check", str(plan)).output
    assert "3000 avvisi" in testo
    assert f"… e {3000 - MASSIMO_PER_FILE} altri rilievi PF002" in testo
    assert 'message="3000 rilievi"' in run_cli("check", str(plan), "--format", "junit").output
    for formato in ("sarif", "junit", "github"):
        out = run_cli("check", str(plan), "--format", formato).output
        assert f"e {3000 - MASSIMO_PER_FILE} altri rilievi PF002" in out, formato


def test_a_capped_error_keeps_the_plan_non_conforme(tmp_path: Path) -> None:
    plan = _piano_con_indicatori(
        tmp_path, 700, SENZA_BASELINE.replace("numero\n", "numero\n        colore: rosso\n")
    )
    code, report = _json(plan)
    per_codice = Counter(f["code"] for f in report["findings"] if f["file"] == "performance.yaml")
    ((_, quanti),) = per_codice.most_common(1)
    assert quanti == MASSIMO_PER_FILE + 1
    assert report["summary"]["error"] >= 700
    assert report["verdict"] == "non_conforme"
    assert code == 1


def test_findings_up_to_the_cap_are_all_listed(tmp_path: Path) -> None:
    plan = _piano_con_indicatori(tmp_path, (MASSIMO_PER_FILE + 1) // 2, SENZA_BASELINE)
    _, report = _json(plan)
    pf002 = [f for f in report["findings"] if f["code"] == "PF002"]
    assert len(pf002) == 2 * ((MASSIMO_PER_FILE + 1) // 2)
    assert not any(f["message"].startswith("…") for f in pf002)


def test_placeholder_lookup_with_thousands_of_placeholders_and_findings(tmp_path: Path) -> None:
    """A finding at or just above a placeholder is dropped: with 1,500 placeholders and
    3,000 findings the lookup is one set probe each (it was placeholders × findings)."""
    plan = _piano_con_indicatori(tmp_path, 1500, SENZA_BASELINE)
    result = check_plan(plan)
    assert result.piano is not None
    segnaposto: list[YamlPath] = [
        ("obiettivi", 1, "indicatori", 1 + i, "target", 2028) for i in range(1500)
    ]
    findings = run_rules(
        result.piano,
        result.loaded.sources,
        [REGISTRY["PF002"]],
        {"performance.yaml": segnaposto[:1000]},
    )
    # Two findings per indicator; those of the 1,000 indicators with a placeholder dropped.
    assert sum(1 + f.altri for f in findings) == 2 * 500
    assert (
        sum(
            1 + f.altri for f in run_rules(result.piano, result.loaded.sources, [REGISTRY["PF002"]])
        )
        == 2 * 1500
    )


def test_diff_orders_thousands_of_changed_fields_in_file_order(tmp_path: Path) -> None:
    prima = tmp_path / "prima"
    shutil.copytree(EXAMPLE, prima)
    campi = "".join(f"    campo_{i}: {i}\n" for i in range(3000))
    edit(
        prima / "performance.yaml",
        "    tipi: [qualita, efficacia]\n",
        "    tipi: [qualita, efficacia]\n" + campi,
    )
    dopo = tmp_path / "dopo"
    shutil.copytree(prima, dopo)
    edit(dopo / "performance.yaml", campi, campi.replace(": ", ": 1"))
    d = diff_plans(prima, dopo)
    (cambio,) = [c for c in d.cambi if c.codice == "OBP-02"]
    assert [m.campo for m in cambio.modifiche] == [f"campo_{i}" for i in range(3000)]


def test_a_20000_character_title_is_wrapped_whole_with_few_short_measurements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Figures wrap titles, never cut them (issue 17): a 20,000-character word or 3,000
    words come out whole, every line fits, and the measurements stay few and short."""
    misure, caratteri = 0, 0
    vera = figures.larghezza_testo

    def contata(testo: str, dimensione: float, grassetto: bool = False) -> float:
        nonlocal misure, caratteri
        misure += 1
        caratteri += len(testo)
        return vera(testo, dimensione, grassetto)

    monkeypatch.setattr(schema, "larghezza_testo", contata)
    for titolo in ("x" * 20_000, "parola " * 3_000):
        misure, caratteri = 0, 0
        righe = schema.a_capo_intero(titolo, 10, 300, False)
        assert "".join(righe).replace(" ", "") == titolo.replace(" ", "")
        assert all(vera(r, 10) <= 300 for r in righe)
        assert misure < 12 * len(righe), (misure, len(righe))
        assert caratteri < 200 * misure, caratteri


def test_one_objective_with_3000_indicators_gives_figures_of_bounded_size(
    tmp_path: Path,
) -> None:
    plan = _piano_con_indicatori(tmp_path, 3000, SENZA_BASELINE)
    piano = check_plan(plan).piano
    assert piano is not None
    doc = build_view(piano)
    blocchi = [b for s in doc.tutte() for b in s.blocchi]
    figure = [b for b in blocchi if isinstance(b, Figura)]
    assert figure
    assert all(f.disegno.altezza <= 1200 and f.disegno.larghezza <= 1200 for f in figure)
    testi = [e.testo for f in figure for e in f.disegno.elementi if isinstance(e, figures.Testo)]
    # Nothing silently lost: the figure says how many are left out and where they are.
    mostrati = ALBERO_MAX_MISURE - 1
    atteso = f"… e {3001 - mostrati} altri indicatori: vedi la tabella degli indicatori"
    assert atteso in " ".join(testi)  # wrapped over lines of the box
    (indicatori,) = [
        b
        for b in blocchi
        if isinstance(b, Tabella) and b.didascalia.startswith("Indicatori e target")
    ]
    assert sum("OBP-02-X" in r[0] or "OBP-02-X" in r[1] for r in indicatori.righe) == 3000


def test_a_risk_matrix_with_a_thousand_areas_has_bounded_height() -> None:
    righe = tuple((f"Area {i}", (("PR-1",), ())) for i in range(1000))
    disegni = matrice.matrici_rischio(("basso", "alto"), righe, "Matrice")
    assert all(d.altezza <= 700 for d in disegni)
    assert sum(d.altezza for d in disegni) <= 3000
    testi = [e.testo for d in disegni for e in d.elementi if isinstance(e, figures.Testo)]
    altre = 1000 - matrice.MATRICE_MAX_AREE + 1
    assert any(t.startswith(f"… e {altre} altre aree di rischio") for t in testi)


def test_a_risk_matrix_cell_of_ten_thousand_processes_gives_their_number() -> None:
    codici = tuple(f"PR-{i}" for i in range(10_000))
    (disegno,) = matrice.matrici_rischio(("basso", "alto"), (("Area", (codici, ())),), "M")
    testi = [e.testo for e in disegno.elementi if isinstance(e, figures.Testo)]
    assert "10000*" in testi


def test_a_300_character_word_as_entity_name_renders_a_pdf(tmp_path: Path) -> None:
    """One unbroken 300-character word in the entity's name (cover, title, running header):
    the CSS breaks it where it must and the running header is cut, so the PDF lays out
    normally with A4 pages."""
    parola = "Comunedi" + "Piccolavalle" * 24 + "X" * 4
    assert len(parola) == 300
    plan = piccolo_con_nome(tmp_path, parola)
    out = tmp_path / "doc"
    result = run_cli("render", str(plan), "--out", str(out), "--format", "pdf")
    assert result.exit_code == 0, result.output
    (pdf,) = out.glob("*.pdf")
    reader = PdfReader(str(pdf))
    assert {round(float(p.mediabox.width)) for p in reader.pages} <= {595, 842}  # A4, both ways
    testo = reader.pages[1].extract_text()
    assert f"{parola[:INTESTAZIONE_MAX]}… — PIAO 2026-2028" in testo.replace("\n", "")


def test_a_capped_warning_never_hides_an_error_of_the_same_code() -> None:
    """SC008 is an error for an amount in euro and a warning for other numbers: errors past
    the cap of the warnings are listed (or summed) as errors, never inside the warnings'
    summary, so the verdict still sees them."""
    dove = Location("fabbisogni_personale.yaml", 3, 5)

    def rilievo(severity: Severity, vincolante: bool) -> Finding:
        return Finding("SC008", "schema.cifre", severity, "x", dove, vincolante=vincolante)

    warnings = [rilievo(Severity.WARNING, False) for _ in range(MASSIMO_PER_FILE + 50)]
    errors = [rilievo(Severity.ERROR, True) for _ in range(3)]
    capped = limita([*warnings, *errors])
    per_livello = Counter[Severity]()
    for f in capped:
        per_livello[f.severity] += 1 + f.altri
        assert f.vincolante == (f.severity is Severity.ERROR)
    assert per_livello == {Severity.WARNING: MASSIMO_PER_FILE + 50, Severity.ERROR: 3}
    assert sum(f.severity is Severity.ERROR for f in capped) == 3
