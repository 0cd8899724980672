"""JSON report: a stable contract for machines (schema_version 1)."""

from __future__ import annotations

import json
from typing import Any

from piao.findings import Finding, Report, format_path

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
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "plan": report.plan,
        "summary": {s.value: n for s, n in report.counts().items()},
        "findings": [finding_to_dict(f) for f in report.findings],
    }


def render_json(report: Report, color: bool = False) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
