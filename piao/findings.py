"""Findings and reports: plain data, no I/O.

A `Finding` is one thing piao has to say about a plan, with its place (file, line,
column, YAML path) and, for compliance rules, the legal basis it rests on. A `Report`
collects the findings of one plan and knows whether it passes a threshold.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; the order is error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def label(self) -> str:
        """Italian word shown to users."""
        return _LABEL[self]


_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
_LABEL = {Severity.ERROR: "errore", Severity.WARNING: "avviso", Severity.INFO: "info"}

# A YAML path: mapping keys and sequence indexes from the root of a file.
YamlPath = tuple[str | int, ...]


def format_path(path: YamlPath) -> str:
    """Render a YAML path as `obiettivi[3].indicatori[0].target.2026`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding points: a file of the plan and, when known, line and column (1-based)."""

    file: str
    line: int | None = None
    column: int | None = None
    path: YamlPath = ()

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One message about a plan: what rule, how serious, where, and on which legal basis."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    basis: tuple[str, ...] = ()
    hint: str | None = None
    suppressed: str | None = None
    """When a deroga in the plan waives this finding: its written motivation."""
    vincolante: bool = False
    """The rule applies binding law (statute, regulation, DM, national contract)."""

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line or 0, loc.column or 0, self.code)


@dataclass(frozen=True, slots=True)
class Controllo:
    """A check of the YAML or schema layer, declared where it is made: code, dotted name,
    one Italian sentence saying what a good plan does, default severity."""

    code: str
    name: str
    summary: str
    severity: Severity = Severity.ERROR

    def finding(
        self,
        message: str,
        location: Location,
        *,
        severity: Severity | None = None,
        hint: str | None = None,
    ) -> Finding:
        return Finding(
            self.code, self.name, severity or self.severity, message, location, hint=hint
        )


class StatoRegola(StrEnum):
    """What happened to a compliance rule in one check."""

    ESEGUITA = "eseguita"
    DEROGATA = "derogata"
    """Run, and waived as a whole by a deroga of the plan: its findings are kept as suppressed."""
    ESCLUSA = "esclusa"
    """Left out on request (--select / --ignore)."""
    NON_APPLICABILE = "non_applicabile"
    """Not for this plan's regime."""
    SEZIONE_ASSENTE = "sezione_assente"
    """It reads a section the plan does not contain."""
    NON_ESEGUITA = "non_eseguita"
    """Not run: the scheda anagrafica has syntax or structure errors."""
    IN_ATTESA = "in_attesa"
    """Not run yet: a section it reads has errors or values still to fill in."""

    @property
    def ran(self) -> bool:
        return self in (StatoRegola.ESEGUITA, StatoRegola.DEROGATA)


@dataclass(frozen=True)
class Report:
    """All findings about one plan folder.

    Suppressed findings (waived by a deroga) stay in `findings` but count for nothing.
    """

    plan: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    regime: str | None = None
    rules_run: bool = False
    not_applicable: tuple[str, ...] = ()
    """Sections the regime does not require and the plan does not contain."""
    regole: tuple[tuple[str, StatoRegola], ...] = ()
    """Every rule of the catalogue and what happened to it in this check."""
    da_completare: tuple[tuple[str, int, int, int], ...] = ()
    """Per file: values still to fill in, other syntax or structure errors, values carried
    over by `piao rollover` still to re-verify."""
    limitato_a: tuple[str, ...] = ()
    """Files the report is limited to (`--file`); empty for the whole plan."""
    controlli_esclusi: tuple[str, ...] = ()
    """Syntax or structure checks left out on request (only SC007 and SC010 can be)."""

    def rules_with(self, *stati: StatoRegola) -> list[str]:
        return [code for code, stato in self.regole if stato in stati]

    @property
    def rules_ran(self) -> list[str]:
        """Codes of the rules that actually ran (derogated ones included)."""
        return [code for code, stato in self.regole if stato.ran]

    @property
    def active(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is None]

    @property
    def suppressed(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is not None]

    def counts(self) -> dict[Severity, int]:
        c = Counter(f.severity for f in self.active)
        return {s: c.get(s, 0) for s in Severity}

    def at_or_above(self, threshold: Severity) -> list[Finding]:
        return [f for f in self.active if f.severity.rank >= threshold.rank]

    def fails(self, threshold: Severity) -> bool:
        """True when some finding is at or above the threshold (exit code 1)."""
        return bool(self.at_or_above(threshold))

    @property
    def success(self) -> bool:
        """A plan with no errors is "conforme" at this layer."""
        return not self.fails(Severity.ERROR)

    @property
    def riserve(self) -> list[Finding]:
        """Warnings of rules that apply binding law: a probable breach whose legal text or
        reading is not fully verified. A plan with any is not called plainly «conforme»."""
        return [f for f in self.active if f.vincolante and f.severity is Severity.WARNING]

    @property
    def parziale(self) -> bool:
        """Some rule or check was not run, or only some files are shown: no «conforme»."""
        waiting = (StatoRegola.ESCLUSA, StatoRegola.IN_ATTESA, StatoRegola.NON_ESEGUITA)
        return bool(self.limitato_a or self.controlli_esclusi or self.rules_with(*waiting))

    @property
    def verdetto(self) -> str:
        """non_conforme | verifica_parziale | conforme_con_riserva | conforme."""
        if not self.success:
            return "non_conforme"
        if self.parziale:
            return "verifica_parziale"
        return "conforme_con_riserva" if self.riserve else "conforme"

    def flatten(self) -> list[tuple[str, str, int | None, str]]:
        """(file, code, line, path) per finding: lets a test state a whole outcome in one line."""
        return [
            (f.location.file, f.code, f.location.line, format_path(f.location.path))
            for f in self.findings
        ]
