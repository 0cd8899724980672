"""The rule registry: each compliance rule is a small function with its metadata.

A rule yields `Rilievo(file, path, message)`; the engine stamps code, severity, legal
basis and file:line:column. The default severity follows the confidence of the legal
fact behind the rule (verified → error, partially verified → warning, unverified →
info); a rule may ask for a lower one and says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from piao.findings import Severity, YamlPath
from piao.model.regime import ENTRAMBI, Regime

if TYPE_CHECKING:
    from piao.rules.contesto import Contesto

Confidenza = Literal["V", "P", "U"]

SEVERITY_BY_CONFIDENCE = {"V": Severity.ERROR, "P": Severity.WARNING, "U": Severity.INFO}


@dataclass(frozen=True, slots=True)
class Rilievo:
    """What a rule found: in which file, at which YAML path, and the Italian message."""

    file: str
    path: YamlPath
    message: str


Check = Callable[["Contesto"], Iterator[Rilievo]]


@dataclass(frozen=True)
class Regola:
    code: str
    name: str
    summary: str
    basis: tuple[str, ...]
    confidenza: Confidenza
    regimi: frozenset[Regime]
    richiede: tuple[str, ...]
    esempio_conforme: str
    esempio_non_conforme: str
    check: Check
    severita: Severity
    motivo_severita: str | None = None
    integrita: bool = False
    copre: tuple[str, ...] = ()
    """Ids of the rule proposals of the project's domain notes (R01-R41, D01-D24) it implements."""

    @property
    def sezione(self) -> str:
        return self.code[:2]


REGISTRY: dict[str, Regola] = {}


def regola(
    code: str,
    name: str,
    *,
    summary: str,
    basis: tuple[str, ...],
    confidenza: Confidenza,
    conforme: str,
    non_conforme: str,
    regimi: frozenset[Regime] = ENTRAMBI,
    richiede: tuple[str, ...] = (),
    severita: Severity | None = None,
    motivo_severita: str | None = None,
    integrita: bool = False,
    copre: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    """Register a rule.

    `richiede` names the sections the rule reads: the rule is skipped when one is absent
    (a section the regime does not require). `severita` may lower, never raise, the
    severity implied by `confidenza`; `integrita` marks link-integrity rules (a broken
    reference is always an error, whatever the law's wording).
    """

    def register(check: Check) -> Check:
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        implied = Severity.ERROR if integrita else SEVERITY_BY_CONFIDENCE[confidenza]
        chosen = severita or implied
        if chosen.rank > implied.rank:
            raise ValueError(f"{code}: severity {chosen} above what confidence {confidenza} allows")
        if chosen is not implied and not motivo_severita:
            raise ValueError(f"{code}: a lowered severity needs motivo_severita")
        REGISTRY[code] = Regola(
            code=code,
            name=name,
            summary=summary,
            basis=basis,
            confidenza=confidenza,
            regimi=regimi,
            richiede=richiede,
            esempio_conforme=conforme,
            esempio_non_conforme=non_conforme,
            check=check,
            severita=chosen,
            motivo_severita=motivo_severita,
            integrita=integrita,
            copre=copre,
        )
        return check

    return register
