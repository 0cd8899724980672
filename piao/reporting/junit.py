"""JUnit XML report: a test suite per plan, a test case per rule the report says was
considered (and one for the YAML and schema layer); findings become failures (errors,
warnings) or output (info). Rules left out with --select/--ignore, or not applicable to
the plan's regime, are not test cases at all."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from piao.catalogue import Catalogue
from piao.findings import Finding, Report, Severity, StatoRegola
from piao.lingua import quanti
from piao.sicuro import xml_legale

LAYER = "struttura"

_SKIPPED = {
    StatoRegola.NON_ESEGUITA: "regola non eseguita: la scheda anagrafica ha errori di struttura",
    StatoRegola.IN_ATTESA: "regola non ancora eseguita: una sezione che legge ha errori o "
    "valori da compilare",
    StatoRegola.SEZIONE_ASSENTE: "regola non eseguita: la sezione che legge non è nel piano",
    StatoRegola.DEROGATA: "regola derogata dal piano: i rilievi restano nel rapporto come derogati",
}


def _suite(report: Report, catalogue: Catalogue) -> ET.Element:
    suite = ET.Element("testsuite", name=report.plan)
    by_case: dict[str, list[Finding]] = defaultdict(list)
    rules = dict(report.regole)
    for f in report.active:
        by_case[f.code if f.code in rules else LAYER].append(f)
    cases = [
        LAYER,
        *(code for code, stato in report.regole if stato.ran or stato in _SKIPPED),
    ]
    failures = skipped = 0
    for code in cases:
        name = (
            "sintassi YAML e struttura delle sezioni"
            if code == LAYER
            else f"{code} {catalogue[code].name}"
        )
        case = ET.SubElement(suite, "testcase", classname=report.plan, name=name)
        found = by_case.get(code, [])
        stato = rules.get(code)
        if stato in _SKIPPED and not found:
            ET.SubElement(case, "skipped", message=_SKIPPED[stato])
            skipped += 1
            continue
        blocking = [f for f in found if f.severity is not Severity.INFO]
        if blocking:
            failures += 1
            worst = max(blocking, key=lambda f: f.severity.rank)
            failure = ET.SubElement(
                case,
                "failure",
                message=quanti(sum(1 + f.altri for f in blocking), "rilievo", "rilievi"),
                type=worst.severity.value,
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


def render_junit(reports: list[Report], catalogue: Catalogue, color: bool = False) -> str:
    root = ET.Element("testsuites", name="piao")
    suites = [_suite(r, catalogue) for r in reports]
    root.extend(suites)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in suites)))
    ET.indent(root)
    # ElementTree escapes markup but writes control characters as they are: never in XML.
    testo = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_legale(testo) + "\n"
