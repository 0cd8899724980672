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
from piao.reference import riferimenti

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
    vincolante: bool = False
    """At least one basis is binding law."""
    eccezione: str | None = None
    """The exception the binding basis admits in its own text, when every binding basis has one."""

    @property
    def sezione(self) -> str:
        return self.code[:2]

    @property
    def derogabile(self) -> bool:
        """Whether a deroga of the plan can waive this rule: soft law only, or binding law
        with an exception written in it. Never a link-integrity rule."""
        return not self.integrita and (not self.vincolante or self.eccezione is not None)


def forza_della_base(basis: tuple[str, ...]) -> tuple[bool, str | None]:
    """(binding, exception): whether any basis is binding law, and the exception every
    binding basis admits (None when one admits none)."""
    norme = riferimenti().norme
    vincolanti = [norme[b] for b in basis if b in norme and norme[b].vincolante]
    if not vincolanti:
        return False, None
    eccezioni = [n.eccezione for n in vincolanti]
    if all(eccezioni):
        return True, "; ".join(
            dict.fromkeys(
                f"{e} ({n.citazione})" for e, n in zip(eccezioni, vincolanti, strict=True)
            )
        )
    return True, None


def severita_implicita(integrita: bool, vincolante: bool, confidenza: Confidenza) -> Severity:
    """The default level of a rule (see the table in this module's docstring)."""
    if integrita:
        return Severity.ERROR
    implied = SEVERITY_BY_CONFIDENCE[confidenza]
    if not vincolante and implied is Severity.ERROR:
        return Severity.WARNING
    return implied


def forza_e_severita(
    code: str,
    basis: tuple[str, ...],
    confidenza: Confidenza,
    *,
    integrita: bool,
    severita: Severity | None,
    motivo_severita: str | None,
) -> tuple[bool, str | None, Severity]:
    """(binding, exception, severity) of a rule being registered: the severity implied by
    its basis and confidence, or the lower one it asks for with a reason; never higher.
    Shared by plan rules and the period rules of `piao.periodi.regole`."""
    vincolante, eccezione = forza_della_base(basis)
    implied = severita_implicita(integrita, vincolante, confidenza)
    chosen = severita or implied
    if chosen.rank > implied.rank:
        raise ValueError(f"{code}: severity {chosen} above what confidence {confidenza} allows")
    if chosen is not implied and not motivo_severita:
        raise ValueError(f"{code}: a lowered severity needs motivo_severita")
    return vincolante, eccezione, chosen


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
        vincolante, eccezione, chosen = forza_e_severita(
            code,
            basis,
            confidenza,
            integrita=integrita,
            severita=severita,
            motivo_severita=motivo_severita,
        )
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
            vincolante=vincolante,
            eccezione=eccezione,
        )
        return check

    return register
