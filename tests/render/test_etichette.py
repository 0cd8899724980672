"""The document prints Italian labels, never the ASCII codes of the closed lists (issue 14.2):
no code with an underscore and no noun in «-ità» written without its accent."""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from piao import check_plan
from piao.model import Piano
from piao.model.introspect import members
from piao.render.etichette import etichetta
from piao.render.view import build_view
from tests.conftest import EXAMPLES
from tests.render.outline import outline

SENZA_ACCENTO = re.compile(
    r"\b\w*(?:ilita|alita|arita|ivita|unita|grita|ssita|cieta|ersita|verta|citta)\b", re.I
)
"""Italian nouns in «-ità» (responsabilità, legalità, parità, ...) written as in the codes."""


def _codici(tp: Any, visti: set[type] | None = None) -> set[str]:
    visti = set() if visti is None else visti
    out: set[str] = set()
    for member in members(tp):
        origin = typing.get_origin(member)
        if origin is typing.Literal:
            out |= {v for v in typing.get_args(member) if isinstance(v, str)}
        elif isinstance(member, type) and issubclass(member, BaseModel):
            if member not in visti:
                visti.add(member)
                for field in member.model_fields.values():
                    out |= _codici(field.annotation, visti)
        elif origin is not None:
            for arg in typing.get_args(member):
                out |= _codici(arg, visti)
    return out


CODICI = sorted(_codici(Piano))


def test_the_walk_finds_the_closed_lists() -> None:
    assert {"pari_opportunita", "funzionari_eq", "esclusivita_responsabilita"} <= set(CODICI)


SIGLE = re.compile(
    r"\b(?:Eq|Over65|Pdf|Csv|Json|Ods|Odt|Html|Docx|Anac|Piao|Rasa|Upd|Pap)\b|\b(?:categoria|Categoria) [a-d]\b"
)
"""Acronyms written as ordinary words by the default label («Eq», «Pdf», «Categoria a»)."""
CON_ACCENTO = (
    "opportunità", "disabilità", "mobilità", "attività", "qualità", "città", "età",
    "responsabilità", "accessibilità", "parità", "legalità", "integrità", "società",
    "povertà", "università", "unità", "complessità", "esclusività", "comunità",
)  # fmt: skip
"""Italian words the codes write without their accent: a label contains them accented."""


@pytest.mark.parametrize("codice", CODICI)
def test_every_closed_list_value_has_an_italian_label(codice: str) -> None:
    label = etichetta(codice)
    assert "_" not in label
    assert not SENZA_ACCENTO.search(label), label
    assert not SIGLE.search(label), label
    for parola in CON_ACCENTO:
        assert not re.search(rf"\b{parola[:-1]}a\b", label, re.I), label


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.parent.name)
def test_no_code_leaks_into_the_document(plan: Path) -> None:
    piano = check_plan(plan).piano
    assert piano is not None
    text = re.sub(r"https?://\S+", "", outline(build_view(piano, bozza=True)))  # addresses as given
    leaked = sorted(c for c in CODICI if "_" in c and re.search(rf"\b{re.escape(c)}\b", text))
    assert leaked == []
    assert SENZA_ACCENTO.findall(text) == []
