"""JSON report: a stable contract for machines (schema_version 1).

One plan gives the contract object; several plans give
`{"schema_version": 1, "reports": [<contract object>, ...]}`.
"""

from __future__ import annotations

from typing import Any

from piao.catalogue import Catalogue
from piao.findings import Finding, Report, StatoRegola, format_path
from piao.sicuro import json_stretto

SCHEMA_VERSION = 1


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        "file": f.location.file,
        "line": f.location.line,
        "column": f.location.column,
        "path": format_path(f.location.path),
        "basis": list(f.basis),
        "hint": f.hint,
        "binding": f.vincolante,
        "suppressed": f.suppressed is not None,
        "justification": f.suppressed,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "plan": report.plan,
        "regime": report.regime,
        "rules_run": report.rules_run,
        "not_applicable": list(report.not_applicable),
        "rules": {
            stato.value: report.rules_with(stato)
            for stato in StatoRegola
            if report.rules_with(stato)
        },
        "verdict": report.verdetto,
        "partial": report.parziale,
        "limited_to": list(report.limitato_a),
        "checks_left_out": list(report.controlli_esclusi),
        "to_complete": [
            {
                "file": file,
                "placeholders": da_compilare,
                "errors": errori,
                "to_verify": da_verificare,
            }
            for file, da_compilare, errori, da_verificare in report.da_completare
        ],
        "summary": {s.value: n for s, n in report.counts().items()},
        "findings": [finding_to_dict(f) for f in report.findings],
    }


def render_json(reports: list[Report], catalogue: Catalogue, color: bool = False) -> str:
    if len(reports) == 1:
        data: dict[str, Any] = report_to_dict(reports[0])
    else:
        data = {"schema_version": SCHEMA_VERSION, "reports": [report_to_dict(r) for r in reports]}
    return json_stretto(data)
