"""Where two places must say the same thing, a guard: the model's closed lists and the
reference tables, the audit's elements and the rule catalogue, the section table and
everything that names sections."""

from __future__ import annotations

import csv
import re
import typing

from piao.audit.elements import ELEMENTI, SEZIONI_AUDIT
from piao.model import SEZIONI, SEZIONI_PER_FILE
from piao.model.anagrafica import NumeroSezione, Regione
from piao.model.fabbisogni_personale import AreaContrattuale
from piao.model.rischi_corruttivi import AreaRischio, IndicatoriRischio, MisuraGenerale
from piao.reference import riferimenti
from piao.rules import REGISTRY
from tests.conftest import ROOT


def _values(literal: object) -> set[str]:
    return {str(v) for v in typing.get_args(literal)}


def test_closed_lists_of_the_model_match_the_reference_tables() -> None:
    ref = riferimenti()
    assert _values(AreaRischio) == set(ref.aree_rischio)
    assert _values(MisuraGenerale) == set(ref.misure_generali)
    assert _values(AreaContrattuale) == set(ref.aree_ccnl)
    assert set(IndicatoriRischio.model_fields) == set(ref.indicatori_rischio)


def test_section_numbers_of_updates_and_regions_match_their_tables() -> None:
    assert _values(NumeroSezione) == {s.numero for s in SEZIONI}
    ref = riferimenti()
    assert _values(Regione) == set(ref.regioni)
    for voce in ref.scadenze:
        assert voce.regioni <= set(ref.regioni), voce


def test_audit_elements_name_existing_rules_files_and_sections() -> None:
    numeri = {n for n, _ in SEZIONI_AUDIT}
    for e in ELEMENTI:
        assert set(e.regole) <= set(REGISTRY), (e.id, set(e.regole) - set(REGISTRY))
        assert e.file in SEZIONI_PER_FILE, e.id
        assert e.sezione in numeri, e.id
        assert all(b in riferimenti().norme for b in e.basis), e.id


def test_every_section_of_the_plan_is_an_audit_section() -> None:
    assert {s.numero for s in SEZIONI} == {n for n, _ in SEZIONI_AUDIT}


def test_every_placement_of_the_piao_in_amministrazione_trasparente_is_in_the_tree() -> None:
    albero = riferimenti().sottosezioni()
    chiavi = {s.key for s in SEZIONI} | {"", "dati_aperti"}
    for c in riferimenti().collocazioni_piao:
        assert c.livello_2 in albero.get(c.livello_1, set()), c
        assert c.sezione in chiavi, c


def test_every_source_code_of_the_reference_data_is_listed_in_docs() -> None:
    elenco = (ROOT / "docs" / "fonti.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^- \*\*(S\d+[a-z]?)\*\*", elenco, re.MULTILINE))
    used: set[str] = set()
    for path in (ROOT / "piao" / "reference" / "data").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            righe = [line for line in handle if not line.startswith("#")]
        for row in csv.DictReader(righe):
            for value in row.values():
                used |= set(re.findall(r"\bS\d+[a-z]?\b", value or ""))
    assert used <= listed, sorted(used - listed)


def test_every_norm_states_its_binding_force() -> None:
    for norma in riferimenti().norme.values():
        assert norma.forza in ("vincolante", "indirizzo", "giurisprudenza"), norma.id
        assert not norma.eccezione or norma.vincolante, norma.id


def test_every_rule_on_the_content_of_the_plan_is_assessed_by_an_audit_element() -> None:
    assessed = {code for e in ELEMENTI for code in e.regole}
    # Link integrity and deroghe are about the data, not an element of DM 132/2022.
    fuori = {code for code, rule in REGISTRY.items() if rule.integrita}
    assert set(REGISTRY) - fuori <= assessed, sorted(set(REGISTRY) - fuori - assessed)


def test_the_readme_table_of_files_says_which_regime_requires_them() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    righe = dict(
        re.findall(r"^\| `(\w+\.yaml)` \| .+ \| (required|not required)[^|]*\|$", readme, re.M)
    )
    assert set(righe) == set(SEZIONI_PER_FILE)
    for file, sezione in SEZIONI_PER_FILE.items():
        assert (righe[file] == "required") == ("semplificato" in sezione.richiesta), file
