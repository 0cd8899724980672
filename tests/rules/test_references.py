"""References between files are a type: declared once on the model field, found by one
walker, checked by the integrity rules without any list to keep in step."""

from __future__ import annotations

import shutil
from pathlib import Path

from pydantic import BaseModel

from piao import check_plan
from piao.engine import run_rules, select_rules
from piao.loading import load_folder
from piao.model import SEZIONI, Piano
from piao.model.base import Codice, CodiceUnita
from piao.model.formazione import Corso, Formazione
from piao.model.walk import campi_riferimento, citazioni
from piao.rules import REGISTRY
from piao.rules.riferimenti import PROPRIETARI, proprietario
from tests.conftest import EXAMPLE


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    if model in seen:
        return seen
    seen.add(model)
    for field in model.model_fields.values():
        for tp in (field.annotation, *getattr(field.annotation, "__args__", ())):
            for inner in (tp, *getattr(tp, "__args__", ())):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    _models(inner, seen)
    return seen


ALL_MODELS = set().union(*(_models(s.model, set()) for s in SEZIONI))
CODED = {m.__name__ for m in ALL_MODELS if "codice" in m.model_fields}


def test_every_reference_targets_a_coded_model_of_the_plan() -> None:
    fields = [(m, c) for m in ALL_MODELS for c in campi_riferimento(m)]
    assert len(fields) >= 25
    for model, campo in fields:
        assert set(campo.riferimento.bersagli) <= CODED, (model.__name__, campo.nome)
        assert campo.riferimento.etichetta, (model.__name__, campo.nome)


def test_every_owner_of_references_is_an_integrity_rule() -> None:
    for code, _ in PROPRIETARI:
        assert REGISTRY[code].integrita, code


def test_the_walker_finds_every_reference_of_the_example_plan() -> None:
    piano = check_plan(EXAMPLE).piano
    assert piano is not None
    found = [c for s in SEZIONI for c in citazioni(getattr(piano, s.key), s.file)]
    by_rule = {proprietario(c) for c in found}
    assert {"CO003", "CO004", "CO005", "CO006", "CO007", "OR001"} <= by_rule
    # A course links to measures and performance objectives: an «any code» reference.
    corsi = [c for c in found if c.file == "formazione.yaml" and c.campo == "collegamenti"]
    assert corsi
    assert corsi[0].fonte_codice == "FOR-01"


class _CorsoConUnita(Corso):
    unita_responsabile: CodiceUnita | None = None
    """A field that exists only in this test."""
    referente: Codice | None = None
    """A plain code (not a reference): never checked."""


class _Formazione(Formazione):
    corsi: list[_CorsoConUnita] = []  # type: ignore[assignment]  # noqa: RUF012


class _Piano(Piano):
    formazione: _Formazione | None = None


def _findings_with_course_unit(unit: str) -> list[tuple[str, str, tuple[str | int, ...], str]]:
    loaded = load_folder(EXAMPLE)
    piano = check_plan(EXAMPLE).piano
    assert piano is not None
    data = piano.model_dump()
    data["formazione"]["corsi"][2]["unita_responsabile"] = unit
    data["formazione"]["corsi"][2]["referente"] = "NESSUNO"
    extended = _Piano.model_validate(data)
    findings = run_rules(extended, loaded.sources, select_rules())
    return [
        (f.code, f.location.file, f.location.path, f.message)
        for f in findings
        if f.code[:2] in ("CO", "OR")
    ]


def test_a_reference_field_added_only_in_the_model_is_integrity_checked() -> None:
    assert _findings_with_course_unit("UO-SEG") == []
    assert _findings_with_course_unit("UO-INESISTENTE") == [
        (
            "CO003",
            "formazione.yaml",
            ("corsi", 2, "unita_responsabile"),
            "FOR-03: l'unità organizzativa «UO-INESISTENTE» non esiste in organizzazione.yaml.",
        )
    ]


def test_a_broken_reference_is_reported_once_where_it_is_written(tmp_path: Path) -> None:
    plan = tmp_path / "piano"
    shutil.copytree(EXAMPLE, plan)
    path = plan / "performance.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("unita_responsabile: UO-SEG", "unita_responsabile: UO-XX", 1))
    report = check_plan(plan).report
    broken = [f for f in report.active if "UO-XX" in f.message]
    assert len(broken) == 1
    assert broken[0].code == "CO003"
    assert broken[0].location.line is not None


class _CorsoConUnitaOElenco(Corso):
    unita_responsabile: CodiceUnita | list[CodiceUnita] | None = None
    """One unit or several (as `Assunzione.unita`): a field that exists only in this test."""


class _FormazioneConElenco(Formazione):
    corsi: list[_CorsoConUnitaOElenco] = []  # type: ignore[assignment]  # noqa: RUF012


class _PianoConElenco(Piano):
    formazione: _FormazioneConElenco | None = None


def test_a_single_reference_field_may_hold_a_list_each_code_checked_where_written() -> None:
    campo = next(
        c for c in campi_riferimento(_CorsoConUnitaOElenco) if c.nome == "unita_responsabile"
    )
    assert not campo.elenco  # declared as one code first
    loaded = load_folder(EXAMPLE)
    piano = check_plan(EXAMPLE).piano
    assert piano is not None
    data = piano.model_dump()
    data["formazione"]["corsi"][2]["unita_responsabile"] = ["UO-SEG", "UO-INESISTENTE"]
    extended = _PianoConElenco.model_validate(data)
    found = [
        c.path
        for c in citazioni(extended.formazione, "formazione.yaml")  # type: ignore[arg-type]
        if c.campo == "unita_responsabile"
    ]
    assert found == [("corsi", 2, "unita_responsabile", 0), ("corsi", 2, "unita_responsabile", 1)]
    findings = run_rules(extended, loaded.sources, select_rules())
    assert [(f.code, f.location.path, f.message) for f in findings if f.code == "CO003"] == [
        (
            "CO003",
            ("corsi", 2, "unita_responsabile", 1),
            "FOR-03: l'unità organizzativa «UO-INESISTENTE» non esiste in organizzazione.yaml.",
        )
    ]


def test_hires_for_several_units_are_walked_one_code_at_a_time() -> None:
    piano = check_plan(EXAMPLE).piano
    assert piano is not None
    found = [
        (c.path, c.codice)
        for c in citazioni(piano.fabbisogni_personale, "fabbisogni_personale.yaml")  # type: ignore[arg-type]
        if c.fonte_codice == "ASS-11"
    ]
    assert found == [
        (("assunzioni", 10, "unita", 0), "UO-CULT"),
        (("assunzioni", 10, "unita", 1), "UO-DEM"),
    ]
