"""Check a plan folder: load, validate, run the rule catalogue, stamp the findings.

`check_plan` is the library entry point behind `piao check`; it never raises on bad plan
content, only `PlanFolderError` when the folder cannot be read at all.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from piao.batch import Fallito
from piao.findings import (
    Finding,
    Limite,
    Location,
    Report,
    Severity,
    StatoRegola,
    YamlPath,
    limita,
)
from piao.loading import LoadedPlan, SourceMap, load_folder
from piao.model import SEZIONI, Piano
from piao.model.anagrafica import Deroga
from piao.model.piano import SEZIONI_PER_PREFISSO
from piao.rules import REGISTRY, Contesto, Regola
from piao.stemma import Stemma, leggi_stemma
from piao.validation import finding, validate_plan


@dataclass(frozen=True)
class CheckResult:
    """A report plus the valid plan (None when schema errors prevent building it)."""

    report: Report
    piano: Piano | None
    loaded: LoadedPlan
    stemma: Stemma | None = None
    """The stemma of the plan folder the documents print, read once with the plan (its
    defects are findings of the report)."""


def select_rules(select: Collection[str] = (), ignore: Collection[str] = ()) -> list[Regola]:
    """Rules whose code starts with one of `select` (all if empty) and none of `ignore`."""
    return [REGISTRY[code] for code in sorted(REGISTRY) if _scelto(code, select, ignore)]


PLACEHOLDER_REACH = 2
"""A rule finding that points at a placeholder, or at most this many levels above it, is
about the placeholder and is not repeated (e.g. «manca il target 2029» for a target that
is «da definire»)."""


def _vicini(placeholders: list[YamlPath]) -> set[YamlPath]:
    """Every non-empty path at most PLACEHOLDER_REACH levels above a placeholder (itself
    included): a finding is about a placeholder when its path is in this set, so the lookup
    costs one hash of the path, whatever the number of placeholders (issue 15)."""
    return {
        p[: len(p) - k] for p in placeholders for k in range(PLACEHOLDER_REACH + 1) if len(p) > k
    }


def _legge(rule: Regola) -> tuple[str, ...]:
    """The sections a rule reads: those it requires and the one its code names (a rule may
    look at its own section only to see whether it is there, like PO005)."""
    own = SEZIONI_PER_PREFISSO.get(rule.sezione)
    return (*rule.richiede, own.key) if own is not None else rule.richiede


def rule_status(rule: Regola, piano: Piano, incompleti: Collection[str] = ()) -> StatoRegola:
    """Whether a selected rule runs on this plan, and if not why.

    `incompleti` are the sections present but not valid yet: a rule reading one of them
    waits, the others run (each office sees its findings before the others finish).
    """
    if piano.anagrafica.regime not in rule.regimi:
        return StatoRegola.NON_APPLICABILE
    if any(section in incompleti for section in _legge(rule)):
        return StatoRegola.IN_ATTESA
    if any(getattr(piano, section) is None for section in rule.richiede):
        return StatoRegola.SEZIONE_ASSENTE
    if rule.derogabile and any(
        d.regola == rule.code and d.riferimento is None for d in piano.anagrafica.deroghe
    ):
        return StatoRegola.DEROGATA
    return StatoRegola.ESEGUITA


def run_rules(
    piano: Piano,
    sources: SourceMap,
    rules: list[Regola],
    placeholders: dict[str, list[YamlPath]] | None = None,
    incompleti: Collection[str] = (),
) -> list[Finding]:
    """Run `rules` on a valid plan; stamp code, severity, basis, place; apply deroghe.
    At most MASSIMO_PER_FILE findings of a rule per file are kept, the rest counted."""
    vicini = {file: _vicini(paths) for file, paths in (placeholders or {}).items()}
    ctx = Contesto(piano)
    findings = Limite()
    for rule in rules:
        if not rule_status(rule, piano, incompleti).ran:
            continue
        for rilievo in rule.check(ctx):
            if tuple(rilievo.path) in vicini.get(rilievo.file, ()):
                continue
            location = sources.locate(rilievo.file, rilievo.path)
            # A deroga on binding law has no effect (AN013 reports it): the finding counts.
            waiver = (
                _waiver(
                    piano.anagrafica.deroghe, rule.code, sources.data(rilievo.file), rilievo.path
                )
                if rule.derogabile
                else None
            )
            findings.aggiungi(
                Finding(
                    code=rule.code,
                    name=rule.name,
                    severity=rule.severita,
                    message=rilievo.message,
                    location=location,
                    basis=rule.basis,
                    suppressed=waiver.motivazione if waiver else None,
                    vincolante=rule.vincolante,
                )
            )
    return findings.risultato()


def _codes_along(data: Any, path: YamlPath) -> set[str]:
    """The `codice` of every object crossed by `path`: a deroga may name any of them."""
    codes: set[str] = set()
    node = data
    for part in (None, *path):
        if part is not None:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
        if isinstance(node, dict) and isinstance(node.get("codice"), str):
            codes.add(node["codice"])
    return codes


def _waiver(deroghe: list[Deroga], code: str, data: Any, path: YamlPath) -> Deroga | None:
    for deroga in deroghe:
        if deroga.regola != code:
            continue
        if deroga.riferimento is None or deroga.riferimento in _codes_along(data, path):
            return deroga
    return None


def _scelto(code: str, select: Collection[str], ignore: Collection[str]) -> bool:
    if select and not any(code.startswith(s.upper()) for s in select):
        return False
    return not any(code.startswith(i.upper()) for i in ignore)


SELEZIONABILI = frozenset({"SC007", "SC010"})
"""Structure checks that --select / --ignore may leave out: a value still to fill in is
the one an office may set aside while it works on its own file; every other syntax or
structure error means the file was not read and is always shown."""


def da_completare(findings: list[Finding]) -> tuple[tuple[str, int, int, int], ...]:
    """Per file: values to fill in, other syntax or structure errors, values carried over
    from the previous cycle still to re-verify."""
    per_file: dict[str, list[int]] = {}
    colonna = {"SC007": 0, "SC010": 2}
    for f in findings:
        if f.code[:2] in ("YM", "SC") and f.severity is Severity.ERROR:
            counts = per_file.setdefault(f.location.file, [0, 0, 0])
            counts[colonna.get(f.code, 1)] += 1
    return tuple((file, n[0], n[1], n[2]) for file, n in sorted(per_file.items()))


def check_plan(
    folder: str | Path,
    *,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
    files: Collection[str] = (),
) -> CheckResult:
    """Load, validate and run every rule whose sections are valid.

    `files` limits the findings shown to those located in these section files (each
    office its own, cross-file links included); the verdict is then a partial one.
    """
    path = Path(folder)
    loaded = load_folder(path)
    validated = validate_plan(loaded)
    completare = da_completare(validated.findings)
    esclusi = tuple(
        sorted(
            {
                f.code
                for f in validated.findings
                if f.code in SELEZIONABILI and not _scelto(f.code, select, ignore)
            }
        )
    )
    findings = [f for f in validated.findings if f.code not in esclusi]
    stemma, difetti = leggi_stemma(path)
    findings += difetti
    piano = validated.parziale
    regime = piano.anagrafica.regime if piano is not None else None
    not_applicable: tuple[str, ...] = ()
    selected = select_rules(select, ignore)
    chosen = {r.code for r in selected}
    regole = tuple(
        (
            code,
            StatoRegola.ESCLUSA
            if code not in chosen
            else StatoRegola.NON_ESEGUITA
            if piano is None
            else rule_status(REGISTRY[code], piano, validated.incompleti),
        )
        for code in sorted(REGISTRY)
    )
    if piano is not None:
        findings += run_rules(
            piano, loaded.sources, selected, validated.placeholders, validated.incompleti
        )
        not_applicable = tuple(
            f"{s.numero} {s.titolo}"
            for s in SEZIONI
            if regime not in s.richiesta
            and getattr(piano, s.key) is None
            and s.key not in validated.incompleti
        )
    if files:
        findings = [f for f in findings if f.location.file in files]
    findings = limita(findings)
    findings.sort(key=Finding.sort_key)
    report = Report(
        plan=str(folder),
        findings=tuple(findings),
        regime=regime,
        rules_run=piano is not None,
        not_applicable=not_applicable,
        regole=regole,
        da_completare=completare,
        limitato_a=tuple(sorted(files)),
        controlli_esclusi=esclusi,
    )
    return CheckResult(report, validated.piano, loaded, stemma)


def check_report(
    folder: str | Path,
    *,
    select: Collection[str] = (),
    ignore: Collection[str] = (),
    files: Collection[str] = (),
) -> Report:
    """Only the report (picklable: what batches send back from worker processes)."""
    return check_plan(folder, select=select, ignore=ignore, files=files).report


ERRORE_INTERNO = "SC011"
"""The code of a plan whose check failed inside piao (a batch reports the others normally)."""


def report_fallito(folder: str | Path, motivo: Fallito) -> Report:
    """The report of a plan whose check raised: one error naming the plan and the defect,
    so that a batch still reports every other plan (issue 15)."""
    return Report(
        plan=str(folder),
        findings=(
            finding(
                "internal",
                f"Il controllo del piano «{folder}» si è interrotto per un errore interno di "
                f"piao ({motivo.motivo}).",
                Location(""),
                hint="È un difetto di piao, non del piano: segnalarlo con il comando usato "
                "(PIAO_DEBUG=1 mostra i dettagli); gli altri piani sono controllati normalmente.",
            ),
        ),
    )
