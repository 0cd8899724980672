"""The RPCT's annual report as a workbook shaped like ANAC's *scheda*: the sheets
«Anagrafica», «Considerazioni generali», «Misure anticorruzione» with one row per entry of
`VOCI` (number, label, value, source), then piao's «Misure della 2.3» (the measures one by
one) and «Note» with the layout version and how the workbook was filled. The house style of the
OIV's grid (piao.audit.griglia_xlsx): Arial 10, header fill, frozen header, fit to width."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from piao import __version__
from piao.audit.griglia_xlsx import _altezza, _stampa, _testo
from piao.clock import today
from piao.rapporti.rpct_dati import DatiRpct
from piao.rapporti.rpct_scheda import (
    FOGLI,
    LAYOUT_DESCRIZIONE,
    NON_FORNITO,
    Riga,
    fonte_leggibile,
)
from piao.render.etichette import etichetta
from piao.xlsx import in_byte

_TESTATA = PatternFill("solid", fgColor="D9E2F3")
_MANCANTE = PatternFill("solid", fgColor="FFF2CC")
COLONNE = (("N.", 8), ("Voce", 48), ("Valore", 60), ("Fonte", 44))
PRIMA_RIGA = 3
"""Row 1: the sheet's title and layout version; row 2: the headings; data from row 3."""


def _intestazioni(ws: Worksheet, titolo: str, colonne: tuple[tuple[str, int], ...]) -> None:
    _testo(ws, 1, 1, titolo, bold=True)
    ws.cell(1, 1).font = Font(name="Arial", bold=True, size=12)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(colonne))
    ws.row_dimensions[1].height = _altezza([(titolo, sum(w for _, w in colonne) // 2)])
    for j, (nome, larghezza) in enumerate(colonne, start=1):
        _testo(ws, 2, j, nome, bold=True)
        ws.cell(2, j).fill = _TESTATA
        ws.column_dimensions[get_column_letter(j)].width = larghezza
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"


def _foglio(ws: Worksheet, nome: str, righe: list[Riga], d: DatiRpct) -> None:
    ws.title = nome
    _intestazioni(
        ws, f"{nome} — {d.anagrafica.ente.denominazione} — {d.anno} ({LAYOUT_DESCRIZIONE})", COLONNE
    )
    i = PRIMA_RIGA
    for r in righe:
        valori = (r.voce.numero, r.voce.voce, r.valore, fonte_leggibile(r.voce.fonte, d.anno))
        for j, v in enumerate(valori, start=1):
            _testo(ws, i, j, v)
        if not r.fornito:
            ws.cell(i, 3).fill = _MANCANTE
        ws.row_dimensions[i].height = _altezza(
            [(v, w) for v, (_, w) in zip(valori, COLONNE, strict=True)]
        )
        i += 1
    _stampa(ws, ws.PAPERSIZE_A4, orizzontale=True)


FOGLIO_MISURE = "Misure della 2.3"
"""piao's own sheet after the scheda's: the measures of sottosezione 2.3 one by one."""
COLONNE_MISURE = (("Codice", 12), ("Misura", 60), ("Stato", 24), ("Motivo o valore rilevato", 54))


def _misure(ws: Worksheet, d: DatiRpct) -> None:
    """The 2.3 measures one by one, on their own sheet: printed, every page repeats their
    own headings (on «Misure anticorruzione» a continuation page repeated «Fonte» above
    the reasons)."""
    ws.title = FOGLIO_MISURE
    _intestazioni(
        ws,
        f"Misure della 2.3 una per una — {d.anagrafica.ente.denominazione} — {d.anno} "
        f"(stato: {d.fonte_stati})",
        COLONNE_MISURE,
    )
    stati = d.stati
    for riga, m in enumerate(d.misure, start=PRIMA_RIGA):
        a = stati.get(m.codice)
        tipo = f" (generale: {etichetta(m.misura_generale).lower()})" if m.misura_generale else ""
        stato = etichetta(a.stato) if a is not None else NON_FORNITO
        nota = ""
        if a is not None:
            nota = a.motivo or (str(a.valore_rilevato) if a.valore_rilevato is not None else "")
        valori = (m.codice, m.titolo + tipo, stato, nota)
        for j, v in enumerate(valori, start=1):
            _testo(ws, riga, j, v)
        if a is None:
            ws.cell(riga, 3).fill = _MANCANTE
        ws.row_dimensions[riga].height = _altezza(
            [(v, w) for v, (_, w) in zip(valori, COLONNE_MISURE, strict=True)]
        )
    _stampa(ws, ws.PAPERSIZE_A4, orizzontale=True)


def note(d: DatiRpct, mancanti: int) -> list[tuple[str, str]]:
    """The sheet «Note», also the document's last section."""
    fatti = (
        d.fatti.name
        if d.fatti is not None
        else f"{d.fatti_path.name} assente: i fatti sono «{NON_FORNITO}»"
    )
    return [
        ("Struttura", LAYOUT_DESCRIZIONE),
        (
            "Avvertenza",
            "ANAC pubblica ogni anno la scheda per la relazione del RPCT (art. 1 c.14 L. "
            "190/2012). La disposizione delle celle della scheda ufficiale non è riprodotta: "
            "i fogli ne seguono i titoli, le voci hanno una numerazione di piao. Riportare i "
            "valori nella scheda dell'anno o nella piattaforma ANAC.",
        ),
        ("Ente", d.anagrafica.ente.denominazione),
        ("Anno", str(d.anno)),
        ("Stato delle misure", d.fonte_stati),
        ("Fatti dell'anno", fatti),
        ("Dati non forniti", f"{mancanti} (celle in giallo)"),
        (
            "Riservatezza",
            "Solo numeri aggregati: nessun nome di chi ha segnalato, di persone coinvolte o di "
            "dipendenti sottoposti a procedimento (tutela della riservatezza del segnalante, "
            "D.Lgs. 24/2023; scelta di piao).",
        ),
        ("Prodotta con", f"piao {__version__} il {today():%d/%m/%Y}"),
    ]


def render_xlsx(d: DatiRpct, righe: list[Riga]) -> bytes:
    wb = Workbook()
    primo = wb.active
    assert primo is not None
    for k, nome in enumerate(FOGLI):
        ws = primo if k == 0 else wb.create_sheet(nome)
        _foglio(ws, nome, [r for r in righe if r.voce.foglio == nome], d)
    _misure(wb.create_sheet(FOGLIO_MISURE), d)
    ws = wb.create_sheet("Note")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100
    mancanti = sum(not r.fornito for r in righe)
    for i, (etichetta_, valore) in enumerate(note(d, mancanti), start=1):
        _testo(ws, i, 1, etichetta_, bold=True)
        _testo(ws, i, 2, valore)
        ws.row_dimensions[i].height = _altezza([(etichetta_, 24), (valore, 100)])
    _stampa(ws, ws.PAPERSIZE_A4, orizzontale=False)
    return in_byte(
        wb,
        f"Relazione annuale del RPCT — {d.anagrafica.ente.denominazione} — {d.anno}",
        parole_chiave=LAYOUT_DESCRIZIONE,
    )
