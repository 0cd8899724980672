"""Findings and reports: plain data, no I/O.

A `Finding` is one thing piao has to say about a plan, with its place (file, line,
column, YAML path) and, for compliance rules, the legal basis it rests on. A `Report`
collects the findings of one plan and knows whether it passes a threshold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from piao.lingua import quanti


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
    altri: int = 0
    """A summary of findings not listed (see MASSIMO_PER_FILE) stands for itself and this
    many more: counts include them all."""

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
    oggetto: str = "Piano"
    """What was checked, as the text report's first line names it («Piano», or the
    monitoring periods of a plan)."""
    sul_piano: bool = True
    """False for the data of monitoring periods: their verdict is not a judgement of the
    plan's compliance, and the text report says it in other words (VERDETTI_DATI)."""

    @property
    def n_suppressed(self) -> int:
        """Waived findings, the ones not listed included."""
        return sum(1 + f.altri for f in self.suppressed)

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
        """Findings per level, the ones not listed (MASSIMO_PER_FILE) included."""
        c: Counter[Severity] = Counter()
        for f in self.active:
            c[f.severity] += 1 + f.altri
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
    def n_riserve(self) -> int:
        """Binding-law warnings, the ones not listed included."""
        return sum(1 + f.altri for f in self.riserve)

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


MASSIMO_PER_FILE = 200
"""At most this many findings of one code in one file are listed (per waived or not): the
rest is one more finding of the same code and level saying how many are not listed, so
that a plan with a defect repeated 250,000 times keeps the report (and the memory of the
check) small while its counts and verdict stay those of every finding (issue 15)."""


class Limite:
    """Collect findings keeping at most `massimo` per (code, file, waived, level, binding):
    the others are only counted, and `risultato` adds one summary finding per group cut.

    Level and binding force are part of the group because one code may report both an error
    and a warning (SC008: an amount in euro and another number): a summary stands for
    findings of its own level only, so an error is never counted as a warning."""

    def __init__(self, massimo: int = MASSIMO_PER_FILE) -> None:
        self.massimo = massimo
        self._elencati: list[Finding] = []
        self._quanti: Counter[tuple[str, str, bool, Severity, bool]] = Counter()
        self._omessi: dict[tuple[str, str, bool, Severity, bool], tuple[Finding, int]] = {}

    def aggiungi(self, f: Finding) -> None:
        chiave = (f.code, f.location.file, f.suppressed is None, f.severity, f.vincolante)
        if f.altri == 0 and self._quanti[chiave] < self.massimo:
            self._quanti[chiave] += 1
            self._elencati.append(f)
            return
        primo, n = self._omessi.get(chiave, (f, 0))
        self._omessi[chiave] = (primo, n + 1 + f.altri)

    def risultato(self) -> list[Finding]:
        return self._elencati + [
            primo if n == 1 else _riassunto(primo, n) for primo, n in self._omessi.values()
        ]


def _riassunto(primo: Finding, n: int) -> Finding:
    """One finding for `n` findings not listed, at the place of the first of them."""
    file = primo.location.file or "piano"
    non_elencati = "non elencato" if n == 1 else "non elencati"
    return replace(
        primo,
        message=f"… e {quanti(n, 'altro rilievo', 'altri rilievi')} {primo.code} in {file}, "
        f"{non_elencati}: l'elenco si ferma a {MASSIMO_PER_FILE} rilievi dello stesso "
        "controllo in un file, il riepilogo li conta tutti.",
        hint="Di solito hanno una causa comune: correggere quelli elencati e ripetere il "
        "controllo.",
        altri=n - 1,
    )


def limita(findings: Iterable[Finding], massimo: int = MASSIMO_PER_FILE) -> list[Finding]:
    """The findings capped per code and file (see Limite)."""
    limite = Limite(massimo)
    for f in findings:
        limite.aggiungi(f)
    return limite.risultato()
