"""JUnit XML report: a test suite per plan, a test case per rule (and one for the YAML and
schema layer); findings become failures (errors, warnings) or output (info)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from piao.findings import Finding, Report, Severity
from piao.rules import REGISTRY

LAYER = "struttura"


def _suite(report: Report) -> ET.Element:
    suite = ET.Element("testsuite", name=report.plan)
    by_case: dict[str, list[Finding]] = defaultdict(list)
    for f in report.active:
        by_case[f.code if f.code in REGISTRY else LAYER].append(f)
    applicable = sorted(
        code
        for code, rule in REGISTRY.items()
        if report.regime is None or report.regime in rule.regimi
    )
    cases = [LAYER, *applicable]
    failures = skipped = 0
    for code in cases:
        name = (
            "sintassi YAML e struttura delle sezioni"
            if code == LAYER
            else f"{code} {REGISTRY[code].name}"
        )
        case = ET.SubElement(suite, "testcase", classname=report.plan, name=name)
        found = by_case.get(code, [])
        if code != LAYER and not report.rules_run:
            ET.SubElement(
                case, "skipped", message="regole non eseguite: il piano ha errori di struttura"
            )
            skipped += 1
            continue
        blocking = [f for f in found if f.severity is not Severity.INFO]
        if blocking:
            failures += 1
            worst = max(blocking, key=lambda f: f.severity.rank)
            failure = ET.SubElement(
                case, "failure", message=f"{len(blocking)} rilievi", type=worst.severity.value
            )
            failure.text = "\n".join(
                f"{f.location}: {f.severity.label}: {f.message}" for f in blocking
            )
        infos = [f for f in found if f.severity is Severity.INFO]
        if infos:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"{f.location}: info: {f.message}" for f in infos)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return suite


def render_junit(reports: list[Report], color: bool = False) -> str:
    root = ET.Element("testsuites", name="piao")
    suites = [_suite(r) for r in reports]
    root.extend(suites)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
