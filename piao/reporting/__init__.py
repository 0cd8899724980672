"""Output formats of `piao check`, chosen by name: REPORTERS[name](report, color=...)."""

from collections.abc import Callable

from piao.findings import Report
from piao.reporting.json_format import render_json
from piao.reporting.text import render_text

Reporter = Callable[[Report, bool], str]

REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "json": render_json,
}

__all__ = ["REPORTERS", "Reporter", "render_json", "render_text"]
