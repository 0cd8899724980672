"""Output formats of `piao check`, chosen by name: REPORTERS[name](reports, catalogue, color).

A reporter reads only the reports and the catalogue it is given (never a global registry).
"""

from collections.abc import Callable

from piao.catalogue import Catalogue
from piao.findings import Report
from piao.reporting.github import render_github
from piao.reporting.json_format import render_json
from piao.reporting.junit import render_junit
from piao.reporting.sarif import render_sarif
from piao.reporting.text import render_text

Reporter = Callable[[list[Report], Catalogue, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
    "sarif": render_sarif,
    "junit": render_junit,
    "github": render_github,
}

__all__ = ["REPORTERS", "Reporter"]
