"""CSV that a spreadsheet never runs, following OWASP (CSV injection): a cell whose first
character is a tab or a carriage return, or whose first character after leading spaces, tabs
and line breaks is =, +, -, @, is prefixed with an apostrophe. A number is written as a
number: a negative value stays «-4.52», a whole value «790», a tiny one «-1e-05»; a value that
is not finite (NaN, infinity) is an empty cell.

Two forms: `write_csv`, RFC 4180 (comma, LF) for open data read by programs; and
`write_csv_italiano`, for a person who double-clicks the file: LibreOffice and Excel in an
Italian locale split on semicolons, read a decimal comma, and guess the encoding right only
with a byte-order mark, so it is UTF-8 with BOM, `;`, CRLF and «87,5»."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

_FORMULA = re.compile(r"[\t\r]|[ \t\r\n]*[=+\-@]")
"""OWASP: a leading tab or CR, or =, +, -, @ after any leading whitespace or line break."""

_NUMERO = re.compile(r"-?\d+(\.\d+)?")


def safe_cell(value: object, *, virgola: bool = False) -> str:
    """One cell; with `virgola`, a real number gets the decimal comma («87,5»)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        # A real number stays a number, also «-1e-05».
        return repr(value).replace(".", ",") if virgola else repr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = "" if value is None else str(value)
    if _NUMERO.fullmatch(text):
        return text  # a plain number cannot be a formula
    return "'" + text if _FORMULA.match(text) else text


def write_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """UTF-8 CSV text, comma separated, header row, every cell neutralised."""
    return _write(header, rows, delimiter=",", lineterminator="\n", virgola=False)


BOM = "\ufeff"


def write_csv_italiano(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The same, in the form Italian-locale spreadsheets open at once: a BOM (then UTF-8
    when written), semicolons, CRLF, decimal comma."""
    return BOM + _write(header, rows, delimiter=";", lineterminator="\r\n", virgola=True)


def _write(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    delimiter: str,
    lineterminator: str,
    virgola: bool,
) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v, virgola=virgola) for v in row])
    return buffer.getvalue()
