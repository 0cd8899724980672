"""Check a plan folder: load, validate, and (later) run the rule catalogue.

`check_plan` is the library entry point behind `piao check`; it never raises on bad plan
content, only `PlanFolderError` when the folder cannot be read at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from piao.findings import Report
from piao.loading import LoadedPlan, load_folder
from piao.model import Piano
from piao.validation import validate_plan


@dataclass(frozen=True)
class CheckResult:
    """A report plus the valid plan (None when schema errors prevent building it)."""

    report: Report
    piano: Piano | None
    loaded: LoadedPlan


def check_plan(folder: str | Path) -> CheckResult:
    path = Path(folder)
    loaded = load_folder(path)
    validated = validate_plan(loaded)
    report = Report(plan=str(folder), findings=tuple(validated.findings))
    return CheckResult(report, validated.piano, loaded)
