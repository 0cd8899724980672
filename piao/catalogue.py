"""One catalogue of every finding code piao can emit: the YAML and schema checks (YM, SC,
declared where they are made) and the compliance rules (registered with `@regola`).

`piao rules`, the generated docs and the reporters read this one mapping; reporters are
given it, they never reach for a registry themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from piao.findings import Controllo, Severity
from piao.loading import YAML_CHECKS
from piao.loading.tabelle import TABELLA_CHECKS
from piao.model.regime import ENTRAMBI, Regime
from piao.periodi import PERIODO_CHECKS
from piao.periodi.raggiungimento import RAGGIUNGIMENTO_CHECKS
from piao.periodi.regole import REGOLE_PERIODO, RegolaPeriodo
from piao.periodi.regole_anno import RELAZIONE_CHECKS
from piao.reference import riferimenti
from piao.rules import REGISTRY, Regola
from piao.validation import SCHEMA_CHECKS

Tipo = Literal["sintassi", "struttura", "regola", "periodo", "documento", "tabella"]
TIPI_IT: dict[Tipo, str] = {
    "sintassi": "controllo di sintassi YAML",
    "struttura": "controllo di struttura (schema della sezione)",
    "regola": "regola di conformità",
    "periodo": "controllo dei file dei periodi di monitoraggio (piao monitoraggio check)",
    "documento": "controllo di un documento del ciclo (piao relazione)",
    "tabella": "lettura di un foglio di calcolo (piao fogli tabella)",
}


@dataclass(frozen=True)
class Voce:
    """One code of the catalogue, whatever layer makes it."""

    code: str
    name: str
    summary: str
    severity: Severity
    tipo: Tipo
    basis: tuple[str, ...] = ()
    confidenza: str | None = None
    regimi: frozenset[Regime] = ENTRAMBI
    integrita: bool = False
    copre: tuple[str, ...] = ()
    motivo_severita: str | None = None
    esempio_conforme: str | None = None
    esempio_non_conforme: str | None = None
    vincolante: bool = False
    derogabile: bool = False
    eccezione: str | None = None

    @property
    def regola(self) -> bool:
        return self.tipo == "regola"


Catalogue = Mapping[str, Voce]


def _from_check(check: Controllo, tipo: Tipo) -> Voce:
    return Voce(check.code, check.name, check.summary, check.severity, tipo)


def _from_rule(rule: Regola | RegolaPeriodo) -> Voce:
    return Voce(
        rule.code,
        rule.name,
        rule.summary,
        rule.severita,
        "regola",
        basis=rule.basis,
        confidenza=rule.confidenza,
        regimi=rule.regimi,
        integrita=rule.integrita,
        copre=rule.copre,
        motivo_severita=rule.motivo_severita,
        esempio_conforme=rule.esempio_conforme,
        esempio_non_conforme=rule.esempio_non_conforme,
        vincolante=rule.vincolante,
        derogabile=rule.derogabile,
        eccezione=rule.eccezione,
    )


@cache
def catalogue() -> Catalogue:
    """Code → entry: YAML checks, schema checks, then the rules, each in code order."""
    voci = [
        *sorted((_from_check(c, "sintassi") for c in YAML_CHECKS.values()), key=_code),
        *sorted((_from_check(c, "struttura") for c in SCHEMA_CHECKS.values()), key=_code),
        *sorted((_from_check(c, "periodo") for c in PERIODO_CHECKS.values()), key=_code),
        *sorted((_from_check(c, "periodo") for c in RAGGIUNGIMENTO_CHECKS.values()), key=_code),
        *sorted((_from_check(c, "documento") for c in RELAZIONE_CHECKS.values()), key=_code),
        *sorted((_from_check(c, "tabella") for c in TABELLA_CHECKS.values()), key=_code),
        *(_from_rule(REGISTRY[code]) for code in sorted(REGISTRY)),
        *(_from_rule(REGOLE_PERIODO[code]) for code in sorted(REGOLE_PERIODO)),
    ]
    return {v.code: v for v in voci}


def _code(voce: Voce) -> str:
    return voce.code


def citazione(basis_id: str) -> str:
    norma = riferimenti().norme.get(basis_id)
    return norma.citazione if norma else basis_id
