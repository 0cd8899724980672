"""Model conventions (DESIGN.md §4): strict, no unknown keys, an Italian description on
every field, and a `codice` on every object that can be referenced."""

from __future__ import annotations

import typing
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from piao.model import SEZIONI
from piao.model.base import Modello


def _models() -> Iterator[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    stack: list[type[BaseModel]] = [s.model for s in SEZIONI]
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        for field in model.model_fields.values():
            stack.extend(_nested_models(field.annotation))


def _nested_models(tp: object) -> Iterator[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        yield tp
        return
    for arg in typing.get_args(tp):
        yield from _nested_models(arg)


ALL_MODELS = sorted(_models(), key=lambda m: m.__name__)


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_field_has_an_italian_description(model: type[BaseModel]) -> None:
    missing = [name for name, field in model.model_fields.items() if not field.description]
    assert missing == []
    assert model.__doc__, "the class docstring becomes the schema description"


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_models_are_strict_and_closed(model: type[BaseModel]) -> None:
    assert issubclass(model, Modello)
    assert model.model_config.get("extra") == "forbid"
    assert model.model_config.get("strict") is True


def test_models_cover_the_many_objects_the_law_names() -> None:
    names = {m.__name__ for m in ALL_MODELS}
    assert {
        "Ente",
        "Adozione",
        "ObiettivoValorePubblico",
        "AzioneAccessibilita",
        "ProceduraSemplificazione",
        "ObiettivoPerformance",
        "Indicatore",
        "Processo",
        "Misura",
        "ObbligoTrasparenza",
        "Conferma",
        "Unita",
        "Requisiti",
        "Assunzione",
        "CapacitaAssunzionale",
        "Corso",
        "AzionePositiva",
        "MonitoraggioSezione",
    } <= names


def test_referenceable_objects_have_a_code() -> None:
    referenceable = [
        m
        for m in ALL_MODELS
        if m.__name__
        in {
            "ObiettivoValorePubblico",
            "ObiettivoPerformance",
            "Processo",
            "Misura",
            "Unita",
            "Assunzione",
            "Corso",
        }
    ]
    assert all("codice" in m.model_fields for m in referenceable)
