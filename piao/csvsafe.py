"""CSV that a spreadsheet never runs: cells starting with =, +, -, @ (or a tab or carriage
return) are prefixed with an apostrophe, the OWASP recommendation for CSV injection. A
number is written as a number: a negative value stays «-4.52» and a whole value «790»."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


_NUMERO = re.compile(r"-?\d+(\.\d+)?")


def safe_cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = "" if value is None else str(value)
    if _NUMERO.fullmatch(text):
        return text  # a plain number cannot be a formula
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """UTF-8 CSV text, comma separated, header row, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()
