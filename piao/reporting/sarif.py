"""SARIF 2.1.0 report (for code-scanning dashboards), one run for all plans."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from piao import __version__
from piao.catalogue import Catalogue, citazione
from piao.findings import Finding, Report, Severity
from piao.sicuro import json_stretto

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(plan: str, file: str) -> str:
    return quote(str(PurePosixPath(plan.replace("\\", "/")) / file))


def _result(report: Report, f: Finding, index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": _uri(report.plan, f.location.file)}}
    if f.location.line is not None:
        location["region"] = {"startLine": f.location.line, "startColumn": f.location.column or 1}
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _LEVEL[f.severity],
        "message": {"text": f.message + (f" {f.hint}" if f.hint else "")},
        "locations": [{"physicalLocation": location}],
    }
    if f.suppressed is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": f.suppressed}]
    return result


def render_sarif(reports: list[Report], catalogue: Catalogue, color: bool = False) -> str:
    voci = list(catalogue.values())
    index = {v.code: i for i, v in enumerate(voci)}
    rules = [
        {
            "id": v.code,
            "name": v.name,
            "shortDescription": {"text": v.summary},
            "fullDescription": {
                "text": v.summary
                + (" Base: " + "; ".join(citazione(b) for b in v.basis) + "." if v.basis else "")
            },
            "defaultConfiguration": {"level": _LEVEL[v.severity]},
            "properties": {
                "basis": list(v.basis),
                **({"confidenza": v.confidenza} if v.confidenza else {}),
            },
        }
        for v in voci
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "piao",
                        "version": __version__,
                        "language": "it",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(r, f, index) for r in reports for f in r.findings],
            }
        ],
    }
    return json_stretto(log)
