"""The last step of every workbook piao writes (the sections' workbooks, the OIV's grid,
the RPCT's report): its document properties, then its bytes."""

from __future__ import annotations

import datetime
import io

from openpyxl import Workbook

from piao import __version__
from piao.clock import today


def in_byte(wb: Workbook, titolo: str, *, parole_chiave: str | None = None) -> bytes:
    """`wb` with its title, piao as creator, Italian as language and today's date (never
    the clock's time: the same data give the same file), saved into bytes."""
    wb.properties.title = titolo
    wb.properties.creator = f"piao {__version__}"
    wb.properties.language = "it-IT"
    if parole_chiave is not None:
        wb.properties.keywords = parole_chiave
    giorno = datetime.datetime.combine(today(), datetime.time())
    wb.properties.created = wb.properties.modified = giorno
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
