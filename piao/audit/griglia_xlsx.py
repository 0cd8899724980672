"""The grid as an XLSX workbook (opens in Excel and LibreOffice Calc): sheet «Griglia» with
one row per obligation and a list check on each scored column, sheet «Note» with the
entity, the warning on ANAC's web application, the allowed scores and the column mapping,
all read from `COLONNE` and `NOTE_PUNTEGGI`."""

from __future__ import annotations

import math

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from piao import __version__
from piao.audit.griglia import AVVERTENZA, COLONNE, NOTE_PUNTEGGI, Griglia
from piao.clock import today
from piao.xlsx import in_byte

_BORDO = Border(*(Side(style="thin", color="999999"),) * 4)
_TESTATA = PatternFill("solid", fgColor="D9E2F3")
_DA_COMPILARE = PatternFill("solid", fgColor="FFF2CC")
_A_CAPO = Alignment(wrap_text=True, vertical="top")
RIGHE_VUOTE = 20
"""Scored rows checked below the obligations, for the rows an auditor adds."""


def _testo(ws: Worksheet, riga: int, colonna: int, valore: str, *, bold: bool = False) -> None:
    """A cell that is always text: a value starting with «=» never becomes a formula."""
    cella = ws.cell(riga, colonna)
    cella.value = ILLEGAL_CHARACTERS_RE.sub("", valore)
    cella.data_type = "s"
    cella.alignment = _A_CAPO
    cella.border = _BORDO
    cella.font = Font(name="Arial", size=10, bold=bold)


def _altezza(celle: list[tuple[str, int]]) -> float:
    """The height of a row, in points, from its longest wrapped text: Calc does not size
    rows of a file it opens, so a row left unsized hides every line but the first."""
    righe = max(
        (
            sum(math.ceil(max(len(p), 1) / max(larghezza - 2, 1)) for p in testo.split("\n"))
            for testo, larghezza in celle
        ),
        default=1,
    )
    return 13.0 * max(righe, 1) + 3


def _stampa(ws: Worksheet, formato: str, *, orizzontale: bool) -> None:
    """Printed (and converted to PDF) as wide as one page, as long as it takes."""
    ws.page_setup.orientation = "landscape" if orizzontale else "portrait"
    ws.page_setup.paperSize = formato
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _griglia(ws: Worksheet, g: Griglia) -> None:
    ws.title = "Griglia"
    larghezze = [c.larghezza for c in COLONNE]
    for j, c in enumerate(COLONNE, start=1):
        _testo(ws, 1, j, c.intestazione, bold=True)
        ws.cell(1, j).fill = _TESTATA
        ws.column_dimensions[get_column_letter(j)].width = c.larghezza
    ws.row_dimensions[1].height = _altezza(
        [(c.intestazione, w - 1) for c, w in zip(COLONNE, larghezze, strict=True)]
    )
    for i, riga in enumerate(g.righe, start=2):
        for j, (c, valore) in enumerate(zip(COLONNE, riga, strict=True), start=1):
            _testo(ws, i, j, valore)
            if c.cella is None:
                ws.cell(i, j).fill = _DA_COMPILARE
        ws.row_dimensions[i].height = _altezza(list(zip(riga, larghezze, strict=True)))
    ultima = len(g.righe) + 1
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLONNE))}{ultima}"
    for j, c in enumerate(COLONNE, start=1):
        if c.punteggio is None or c.punteggio.confidenza == "U":
            continue  # an unverified list is noted, never enforced
        lettera = get_column_letter(j)
        ammessi = ", ".join(c.punteggio.valori)
        bloccante = c.punteggio.confidenza == "V"
        controllo = DataValidation(
            type="list",
            formula1='"' + ",".join(c.punteggio.valori) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop" if bloccante else "warning",
            errorTitle="Valore non previsto",
            error=f"{c.intestazione}: valori ammessi {ammessi}"
            + ("." if bloccante else " (indicazione da verificare sulla delibera dell'anno)."),
            showInputMessage=True,
            promptTitle=c.intestazione[:32],
            prompt=f"Valori: {ammessi}. Cella vuota = 0.",
        )
        controllo.add(f"{lettera}2:{lettera}{ultima + RIGHE_VUOTE}")
        ws.add_data_validation(controllo)
    _stampa(ws, ws.PAPERSIZE_A3, orizzontale=True)
    ws.print_title_rows = "1:1"
    testata, piede = ws.oddHeader, ws.oddFooter
    assert testata is not None  # openpyxl always creates both
    assert piede is not None
    testata.center.text = f"Griglia di rilevazione — {g.ente} — PIAO {g.triennio}"
    piede.center.text = "Pagina &P di &N"


def _note(ws: Worksheet, g: Griglia) -> None:
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 90
    righe: list[tuple[str, str]] = [
        ("Griglia di rilevazione", "Obblighi di pubblicazione del PIAO, da verificare"),
        ("Ente", g.ente),
        ("Codice IPA", g.codice_ipa or "non indicato"),
        ("PIAO", g.triennio),
        ("Obblighi riportati", str(len(g.righe)) + (f" ({g.avviso})" if g.avviso else "")),
        ("Prodotta con", f"piao {__version__} il {today():%d/%m/%Y}"),
        ("Avvertenza", AVVERTENZA),
        *NOTE_PUNTEGGI,
        ("", ""),
        ("Colonna", "Contenuto"),
        *((c.intestazione, c.origine) for c in COLONNE),
    ]
    for i, (etichetta, valore) in enumerate(righe, start=1):
        _testo(ws, i, 1, etichetta, bold=True)
        _testo(ws, i, 2, valore)
        ws.row_dimensions[i].height = _altezza([(etichetta, 34), (valore, 90)])
    ws.cell(1, 1).font = Font(name="Arial", bold=True, size=12)
    _stampa(ws, ws.PAPERSIZE_A4, orizzontale=False)


def render_xlsx(g: Griglia) -> bytes:
    wb = Workbook()
    foglio = wb.active
    assert foglio is not None
    _griglia(foglio, g)
    _note(wb.create_sheet("Note"), g)
    return in_byte(wb, f"Griglia di rilevazione — {g.ente} — PIAO {g.triennio}")
