"""The heading tree: every section file has its heading, numbered as in the Piano tipo,
and a missing file prints the wording of `Sezione.assente` there, in both regimes."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from piao import check_plan
from piao.model import SEZIONI, Piano
from piao.model import Sezione as SezioneFile
from piao.render.document import Paragrafo, Sezione
from piao.render.struttura import STRUTTURA, Nodo
from piao.render.view import build_view
from tests.conftest import EXAMPLE, SMALL

OGGI = datetime.date(2026, 11, 22)


def _piano(folder: Path) -> Piano:
    piano = check_plan(folder).piano
    assert piano is not None
    return piano


def _chiavi(nodi: tuple[Nodo, ...]) -> list[str]:
    out: list[str] = []
    for nodo in nodi:
        if nodo.fonte is not None:
            out.append(nodo.fonte.chiave)
        out += _chiavi(nodo.figli)
    return out


def test_every_section_file_has_a_heading() -> None:
    assert set(_chiavi(STRUTTURA)) == {s.key for s in SEZIONI}


def test_the_annexes_come_last_and_the_act_of_adoption_closes_the_document() -> None:
    assert STRUTTURA[-2].allegati
    assert not any(n.allegati for n in (*STRUTTURA[:-2], STRUTTURA[-1]))
    assert STRUTTURA[-1].ancora == "chiusura"


def _numero_del_piano_tipo(s: Sezione, sezione: SezioneFile) -> bool:
    if sezione.numero == "PAP":
        return s.numero == ""
    numero = s.numero.removeprefix("Sezione ")
    return numero == sezione.numero or numero.startswith(sezione.numero + ".")


@pytest.mark.parametrize("folder", [EXAMPLE, SMALL], ids=["ordinario", "semplificato"])
@pytest.mark.parametrize(
    "sezione", [s for s in SEZIONI if s.key != "anagrafica"], ids=lambda s: s.key
)
def test_a_missing_file_says_so_under_its_heading(folder: Path, sezione: SezioneFile) -> None:
    piano = _piano(folder)
    regime = piano.anagrafica.regime
    nota = (Paragrafo(sezione.assente(regime), "nota"),)
    prima = {s.ancora: s for s in build_view(piano, oggi=OGGI).tutte()}
    senza = piano.model_copy(update={sezione.key: None})
    cambiate = [
        s
        for s in build_view(senza, oggi=OGGI).tutte()
        if s.blocchi == nota and prima[s.ancora].blocchi != nota
    ]
    if getattr(piano, sezione.key) is None:
        assert cambiate == []
        assert any(s.blocchi == nota for s in prima.values())
        return
    assert len(cambiate) == 1
    assert _numero_del_piano_tipo(cambiate[0], sezione), cambiate[0].intestazione


def test_headings_are_numbered_and_anchored_by_position() -> None:
    doc = build_view(_piano(EXAMPLE), oggi=OGGI)
    assert [(s.numero, s.ancora, s.livello) for s in doc.tutte() if s.livello < 3] == [
        ("", "in-breve", 1),
        ("", "premessa", 1),
        ("Sezione 1", "sezione-1", 1),
        ("Sezione 2", "sezione-2", 1),
        ("2.1", "sezione-2-1", 2),
        ("2.2", "sezione-2-2", 2),
        ("2.3", "sezione-2-3", 2),
        ("Sezione 3", "sezione-3", 1),
        ("3.1", "sezione-3-1", 2),
        ("3.2", "sezione-3-2", 2),
        ("3.3", "sezione-3-3", 2),
        ("Sezione 4", "sezione-4", 1),
        ("", "azioni-positive", 1),
        ("", "allegati", 1),
        ("Allegato 1", "allegato-1", 2),
        ("Allegato 2", "allegato-2", 2),
        ("Allegato 3", "allegato-3", 2),
        ("Allegato 4", "allegato-4", 2),
        ("", "chiusura", 1),
    ]
