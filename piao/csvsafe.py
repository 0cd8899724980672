"""CSV that a spreadsheet never runs: cells starting with =, +, -, @ (or a tab or carriage
return) are prefixed with an apostrophe, the OWASP recommendation for CSV injection."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """UTF-8 CSV text, comma separated, header row, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()
