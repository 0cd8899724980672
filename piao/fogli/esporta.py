"""A section of the plan as an XLSX workbook for the office that keeps it (opens in Excel
and LibreOffice Calc): «Istruzioni», «Dati generali», one sheet per table (`tabelle.fogli`),
«Elenchi» (the closed lists behind the drop-downs) and a protected «Versione» sheet with
the layout version and the section. House style of `piao.audit.griglia_xlsx`."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from piao import __version__
from piao.clock import today
from piao.fogli.elenchi import (
    CodiciPiano,
    Elenchi,
    codice_numerico,
    codici_del_piano,
    convalida,
    lista_chiusa,
    riferimento_di,
    tabella_di_riferimento,
)
from piao.fogli.rilettura import perdita
from piao.fogli.tabelle import (
    COLONNA_ORIGINE,
    DATI_GENERALI,
    ELENCHI,
    FORMATO,
    ISTRUZIONI,
    NO,
    PRIMA_RIGA_DATI,
    PRIMA_RIGA_VARIABILI,
    SEPARATORE,
    SI,
    UNO_SOLO,
    VERSIONE,
    Colonna,
    Foglio,
    Livello,
    campo_testo,
    colonne,
    etichetta,
    fogli,
    letterale,
    righe,
    variabili,
)
from piao.fogli.tre_vie import come_nella_cartella, origine_in_celle
from piao.fsutil import atomic_write_bytes
from piao.loading import load_folder
from piao.loading.roundtrip import in_linea
from piao.model import SEZIONI, Sezione
from piao.model.introspect import members
from piao.validation import validate_file
from piao.xlsx import in_byte

_BORDO = Border(*(Side(style="thin", color="999999"),) * 4)
_TESTATA = PatternFill("solid", fgColor="D9E2F3")
_CHIAVI = PatternFill("solid", fgColor="EDEDED")
_A_CAPO = Alignment(wrap_text=True, vertical="top")
_FONT = Font(name="Arial", size=10)
_GRASSETTO = Font(name="Arial", size=10, bold=True)
_CHIAVE_FONT = Font(name="Arial", size=8, color="666666")
RIGHE_VUOTE = 200
"""Rows below the data that keep the drop-downs, for the rows an office adds."""


def anni_triennio(cartella: Path) -> tuple[int, ...]:
    """The years of the plan from its folder name (`2026-2028`), none otherwise."""
    trovato = re.fullmatch(r"(\d{4})-(\d{4})", cartella.name)
    if trovato is None:
        return ()
    inizio, fine = int(trovato.group(1)), int(trovato.group(2))
    return tuple(range(inizio, fine + 1)) if 0 <= fine - inizio <= 10 else ()


# --- Cells --------------------------------------------------------------------------------


def testo_cella(colonna: Colonna, valore: Any) -> Any:
    """What a cell holds for a value of the section: text, number, date or «sì»/«no»."""
    if valore is None:
        return None
    if colonna.forma == "yaml":
        return in_linea(valore)
    if colonna.forma == "elenco":
        if not isinstance(valore, list):
            return _voce(valore)
        if any(isinstance(v, str) and (UNO_SOLO in v or v.startswith("[")) for v in valore):
            return in_linea(valore)  # an item holding «;»: the list written as YAML
        testo = SEPARATORE.join(_voce(v) for v in valore)
        return testo + UNO_SOLO if colonna.anche_singolo and len(valore) == 1 else testo
    if isinstance(valore, bool):
        return SI if valore else NO
    return valore


def _voce(valore: Any) -> str:
    if isinstance(valore, bool):
        return SI if valore else NO
    if isinstance(valore, datetime.date):
        return f"{valore:%d/%m/%Y}"
    return str(valore)


STILE_CELLA = "piao"
"""The named style of the written cells (font, border, wrapping): one style given by name
is far cheaper than the three set on each of 250,000 cells."""


def _scrivi(ws: Worksheet, riga: int, colonna: int, valore: Any) -> None:
    cella = ws.cell(riga, colonna)
    if isinstance(valore, str):
        cella.value = ILLEGAL_CHARACTERS_RE.sub("", valore)
        cella.data_type = "s"  # a text starting with «=» never becomes a formula
    else:
        cella.value = valore
    cella.style = STILE_CELLA
    if isinstance(valore, datetime.date):
        cella.number_format = "DD/MM/YYYY"


def _aiuto(ws: Worksheet, riga: int, colonna: int, descrizione: str) -> None:
    """The field's Italian help (its description in the model) as the cell's comment."""
    if descrizione:
        nota = Comment(ILLEGAL_CHARACTERS_RE.sub("", descrizione), "piao")
        nota.width, nota.height = 300, 20 + 16 * (len(descrizione) // 45 + 1)
        ws.cell(riga, colonna).comment = nota


def _testate(ws: Worksheet, cols: list[tuple[str, str, float, str]]) -> None:
    for j, (titolo, chiave, larghezza, descrizione) in enumerate(cols, start=1):
        _scrivi(ws, 1, j, titolo)
        _aiuto(ws, 1, j, descrizione)
        ws.cell(1, j).font = _GRASSETTO
        ws.cell(1, j).fill = _TESTATA
        _scrivi(ws, 2, j, chiave)
        ws.cell(2, j).font = _CHIAVE_FONT
        ws.cell(2, j).fill = _CHIAVI
        ws.column_dimensions[get_column_letter(j)].width = larghezza
    ws.row_dimensions[1].height = 30


def _stampa(ws: Worksheet, *, tabella: bool) -> None:
    """Printed (and converted to PDF) as wide as one page, as long as it takes; a table on
    A3 landscape with its two heading rows on every page."""
    ws.page_setup.orientation = "landscape" if tabella else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3 if tabella else ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if tabella:
        ws.print_title_rows = "1:2"


def _larghezza(colonna: Colonna) -> float:
    if colonna.forma == "valore" and colonna.tipo in (int, float):
        return 12
    return min(max(len(colonna.etichetta) + 2, 14), 40)


# --- Sheets ---------------------------------------------------------------------------------


Codici = dict[tuple[Livello, ...], tuple[str, str]]
"""Where the codes of each table are: its sheet and the range of its «codice» column."""


@dataclass
class _Liste:
    """Everything a drop-down may list: the «Elenchi» sheet, the code columns of this
    workbook's tables and the codes of the rest of the plan."""

    elenchi: Elenchi
    codici: Codici
    piano: CodiciPiano

    def per_tipo(self) -> dict[str, tuple[str, str]]:
        """The code column of each kind that has a table of its own in this workbook."""
        tipi: dict[str, list[tuple[str, str]]] = {}
        for livelli, dove in self.codici.items():
            tipi.setdefault(livelli[-1].modello.__name__, []).append(dove)
        return {k: v[0] for k, v in tipi.items() if len(v) == 1}

    def controllo(self, colonna: Colonna, modello: type[BaseModel]) -> DataValidation | None:
        if valori := lista_chiusa(colonna):
            return self.elenchi.controllo(colonna.etichetta, valori)
        if (tabella := tabella_di_riferimento(colonna, modello)) is not None:
            titolo, voci, elenco = tabella
            return self.elenchi.controllo(titolo, voci, elenco=elenco)
        rif = riferimento_di(colonna)
        if rif is None or not rif.bersagli:
            return None
        elenco = colonna.forma == "elenco"
        qui = self.per_tipo()
        fogli_ = {qui[k] for k in rif.bersagli if k in qui}
        altrove = [k for k in rif.bersagli if k not in qui and self.piano.get(k)]
        if len(fogli_) == 1 and not altrove:  # the live column of a sheet of this workbook
            foglio, intervallo = fogli_.pop()
            aiuto = f"Il codice di una voce del foglio «{foglio}»."
            return convalida(intervallo, aiuto, colonna.etichetta, elenco=elenco, foglio=foglio)
        codici = {c: n for k in rif.bersagli for c, n in self.piano.get(k, {}).items()}
        if not codici:
            return None
        # the roles a field takes besides codes («tutti_i_dirigenti»), after the codes
        ruoli = [(str(v), "") for a in members(colonna.tipo) if letterale(a) for v in get_args(a)]
        titolo = re.sub(r"^(il |lo |la |l'|i |gli |le )", "", rif.etichetta)
        return self.elenchi.controllo(
            titolo[:1].upper() + titolo[1:], (*sorted(codici.items()), *ruoli), elenco=elenco
        )


def _dati_generali(
    ws: Worksheet, modello: type[BaseModel], dati: Any, anni: tuple[int, ...], liste: _Liste
) -> list[str]:
    """Write the scalar values; the keys of the rows by year or by key holding a value."""
    cols = colonne(modello, [dati], anni)
    _testate(
        ws,
        [
            ("Voce", "etichetta", 40, ""),
            ("Chiave", "chiave", 30, "La chiave del piano: non modificarla."),
            ("Valore", "valore", 70, ""),
        ],
    )
    for i, c in enumerate(cols, start=PRIMA_RIGA_DATI):
        _scrivi(ws, i, 1, c.etichetta)
        _aiuto(ws, i, 1, c.descrizione)
        _scrivi(ws, i, 2, c.chiave)
        ws.cell(i, 2).font = _CHIAVE_FONT
        _scrivi(ws, i, 3, testo_cella(c, _prendi(dati, c)))
        if codice_numerico(c):
            ws.cell(i, 3).number_format = "@"
        if (controllo := liste.controllo(c, modello)) is not None:
            controllo.add(f"C{i}")
            ws.add_data_validation(controllo)
    ws.freeze_panes = f"C{PRIMA_RIGA_DATI}"
    _stampa(ws, tabella=True)
    return variabili(modello, cols, [dati])


def _prendi(dati: Any, colonna: Colonna) -> Any:
    for parte in colonna.percorso:
        if not isinstance(dati, dict):
            return None
        dati = dati.get(parte)
    return dati


def _intervallo_codici(
    titolo: str, foglio: Foglio, dati: Any, anni: tuple[int, ...]
) -> tuple[str, str] | None:
    """The sheet and the range of the «codice» column of a table (with its empty rows)."""
    livello = foglio.livello
    if livello.identita is None:
        return None
    trovate = list(righe(dati, foglio))
    cols = colonne(livello.modello, [v for _, v in trovate], anni)
    j = len(foglio.genitori) + 1 + [c.chiave for c in cols].index(livello.identita)
    lettera = get_column_letter(j)
    ultima = PRIMA_RIGA_DATI + len(trovate) + RIGHE_VUOTE
    intervallo = f"${lettera}${PRIMA_RIGA_DATI}:${lettera}${ultima}"
    return titolo, f"'{titolo.replace(chr(39), chr(39) * 2)}'!{intervallo}"


def _tabella(
    ws: Worksheet, foglio: Foglio, dati: Any, anni: tuple[int, ...], *, liste: _Liste
) -> list[str]:
    """Write a table; the keys of its columns by year or by key holding a value."""
    trovate = list(righe(dati, foglio))
    livello = foglio.livello
    cols = colonne(livello.modello, [v for _, v in trovate], anni)
    codici = liste.codici
    sopra = [codici.get(foglio.livelli[: i + 1]) for i in range(len(foglio.genitori))]
    testate = [
        (
            f"Codice in «{s[0]}»" if s else etichetta(g.percorso[-1]),
            g.chiave,
            16.0,
            "La voce a cui la riga appartiene: il suo codice"
            + (f" nel foglio «{s[0]}»." if s else " o il numero della sua riga (1 la prima)."),
        )
        for g, s in zip(foglio.genitori, sopra, strict=True)
    ] + [(c.etichetta, c.chiave, _larghezza(c), c.descrizione) for c in cols]
    _testate(ws, testate)
    primo = len(foglio.genitori)
    for i, (padri, voce) in enumerate(trovate, start=PRIMA_RIGA_DATI):
        for j, codice in enumerate(padri, start=1):
            _scrivi(ws, i, j, codice)
        # a row written as plain text fills the model's first text field
        riga = {campo_testo(livello.modello): voce} if isinstance(voce, str) else voce
        for j, c in enumerate(cols, start=primo + 1):
            _scrivi(ws, i, j, testo_cella(c, _prendi(riga, c)))
    ultima = PRIMA_RIGA_DATI + len(trovate) + RIGHE_VUOTE
    controlli = [
        (j, controllo)
        for j, c in enumerate(cols, start=primo + 1)
        if (controllo := liste.controllo(c, livello.modello)) is not None
    ] + [
        (j, convalida(s[1], "", "", foglio=s[0]))
        for j, s in enumerate(sopra, start=1)
        if s is not None
    ]
    for j, controllo in controlli:
        lettera = get_column_letter(j)
        controllo.add(f"{lettera}{PRIMA_RIGA_DATI}:{lettera}{ultima}")
        ws.add_data_validation(controllo)
    for j, c in enumerate(cols, start=primo + 1):
        if codice_numerico(c):  # «01» stays «01» when typed in Calc or Excel
            for i in range(PRIMA_RIGA_DATI, ultima + 1):
                ws.cell(i, j).number_format = "@"
    ws.freeze_panes = f"{get_column_letter(primo + 2)}{PRIMA_RIGA_DATI}"
    fine = PRIMA_RIGA_DATI + len(trovate) - 1 if trovate else 2
    ws.auto_filter.ref = f"A2:{get_column_letter(max(len(testate), 1))}{fine}"
    _stampa(ws, tabella=True)
    return variabili(livello.modello, cols, [v for _, v in trovate])


def _istruzioni(ws: Worksheet, sezione: Sezione, tabelle: list[Foglio]) -> None:
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 100
    righe_: list[tuple[str, str]] = [
        (
            f"PIAO — {sezione.numero} {sezione.titolo}",
            f"Cartella di lavoro del file {sezione.file}",
        ),
        (
            "Come si compila",
            "Ogni foglio è una tabella: la riga 1 riporta il nome della colonna, "
            "la riga 2 la chiave usata dal piano (non modificarla: l'importazione legge le chiavi, "
            "non i nomi); i dati partono dalla riga 3. Una riga per voce; le righe vuote sono ignorate.",
        ),
        (
            "Dati generali",
            "I valori singoli della sezione (testi, date, atti): una riga per voce, "
            "il valore nella colonna «Valore».",
        ),
        (
            "Elenchi",
            f"Più valori nella stessa cella si separano con «{SEPARATORE.strip()} » "
            f"(punto e virgola e spazio); un elenco di un solo valore, dove la colonna ammette "
            f"anche un valore singolo, termina con «{UNO_SOLO}». Se un valore contiene "
            "un punto e virgola, la cella riporta l'elenco tra parentesi quadre, con i valori "
            "separati da virgole (es. [PNA 2025; delibera 19, PNA 2022]).",
        ),
        (
            "Codici",
            "Nei fogli che dipendono da un altro (es. gli eventi rischiosi di un processo) "
            "le prime colonne riportano il codice della voce a cui la riga appartiene. "
            "I codici di altre voci del piano (unità organizzative, obiettivi, processi, "
            "missioni e programmi di bilancio) si scelgono dal menu a tendina; che cosa "
            f"significa ciascuno è scritto nel foglio «{ELENCHI}».",
        ),
        (
            "Valori per anno",
            "Le colonne «target 2026», «consuntivo 2027»... riportano il valore "
            "dell'anno; per aggiungere un anno aggiungere una colonna con la chiave corrispondente "
            "(es. target.2029).",
        ),
        (
            "Date e numeri",
            "Date nel formato GG/MM/AAAA; numeri con la virgola decimale; "
            "«sì» o «no» dove richiesto. Le celle con un menu a tendina accettano i valori dell'elenco.",
        ),
        (
            "Più uffici",
            "Se più uffici compilano copie di questo file, ciascuno cambi solo le proprie "
            "righe: all'importazione ogni copia porta nel piano solo i valori cambiati in essa; "
            "un valore cambiato in modo diverso in due copie viene segnalato, non scelto.",
        ),
        (
            "Versione",
            f"Formato {FORMATO}, prodotto con piao {__version__} il {today():%d/%m/%Y}: "
            "non modificare il foglio «Versione» (contiene anche, in una colonna nascosta, i "
            "dati del piano al momento dell'esportazione).",
        ),
        ("", ""),
        ("Foglio", "Contenuto"),
        (DATI_GENERALI, "Valori singoli della sezione."),
        *((t.nome, t.descrizione) for t in tabelle),
        (ELENCHI, "I valori dei menu a tendina, con le denominazioni: non viene importato."),
    ]
    for i, (a, b) in enumerate(righe_, start=1):
        _scrivi(ws, i, 1, a)
        ws.cell(i, 1).font = _GRASSETTO
        _scrivi(ws, i, 2, b)
        ws.row_dimensions[i].height = 13.0 * max(1, len(b) // 95 + 1) + 3
    ws.cell(1, 1).font = Font(name="Arial", bold=True, size=12)
    _stampa(ws, tabella=False)


def _versione(ws: Worksheet, sezione: Sezione, per_foglio: dict[str, list[str]], dati: Any) -> None:
    """Format and section; the columns by year or by key that hold values, per sheet (a
    deleted one is noticed at import); in the hidden column D the data as exported
    (`piao.fogli.tre_vie`: the office's changes are what differs from it)."""
    for i, (a, b) in enumerate((("Formato", FORMATO), ("Sezione", sezione.key)), start=1):
        _scrivi(ws, i, 1, a)
        _scrivi(ws, i, 2, b)
    _scrivi(ws, PRIMA_RIGA_VARIABILI - 1, 1, "Foglio")
    _scrivi(ws, PRIMA_RIGA_VARIABILI - 1, 2, "Colonne per anno o per chiave con valori")
    scritte = [(nome, chiavi) for nome, chiavi in per_foglio.items() if chiavi]
    for i, (nome, chiavi) in enumerate(scritte, start=PRIMA_RIGA_VARIABILI):
        _scrivi(ws, i, 1, nome)
        _scrivi(ws, i, 2, SEPARATORE.join(chiavi))
    for i, pezzo in enumerate(origine_in_celle(come_nella_cartella(sezione.model, dati)), 1):
        ws.cell(i, COLONNA_ORIGINE, pezzo)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions[get_column_letter(COLONNA_ORIGINE)].hidden = True
    ws.protection.sheet = True


def cartella_di_lavoro(
    sezione: Sezione,
    dati: Any,
    anni: tuple[int, ...] = (),
    codici_piano: CodiciPiano | None = None,
) -> bytes:
    """The workbook of one section, from its data as written (a dict of plain values);
    `codici_piano` are the codes of the plan its references may name (the drop-downs)."""
    wb = Workbook()
    wb.add_named_style(NamedStyle(STILE_CELLA, font=_FONT, border=_BORDO, alignment=_A_CAPO))
    istruzioni = wb.active
    assert istruzioni is not None
    istruzioni.title = ISTRUZIONI
    tabelle = fogli(sezione.model)
    generali = wb.create_sheet(DATI_GENERALI)
    fogli_tabelle = [wb.create_sheet(t.nome) for t in tabelle]
    elenchi = Elenchi(wb.create_sheet(ELENCHI))
    codici: Codici = {
        t.livelli: dove
        for ws, t in zip(fogli_tabelle, tabelle, strict=True)
        if (dove := _intervallo_codici(ws.title, t, dati, anni)) is not None
    }
    liste = _Liste(elenchi, codici, codici_piano or {})
    per_foglio = {DATI_GENERALI: _dati_generali(generali, sezione.model, dati, anni, liste)}
    for ws, t in zip(fogli_tabelle, tabelle, strict=True):
        per_foglio[t.nome] = _tabella(ws, t, dati, anni, liste=liste)
    elenchi.ws.freeze_panes = "A2"
    elenchi.ws.print_title_rows = "1:1"  # a lookup sheet: printed at its size, not fitted
    _versione(wb.create_sheet(VERSIONE), sezione, per_foglio, dati)
    _istruzioni(istruzioni, sezione, tabelle)
    return in_byte(wb, f"PIAO — {sezione.numero} {sezione.titolo}")


@dataclass(frozen=True)
class Esportazione:
    """The workbooks written and, in Italian, the section files that could not be."""

    scritti: list[Path]
    rifiutati: list[str]


def esporta(cartella: Path, out: Path) -> Esportazione:
    """One workbook per section file of the plan in `cartella`, written into `out`; values
    still «da compilare» travel as written. A file the workbook cannot hold without losing
    something (not a mapping, values of the wrong shape) is named, not exported."""
    piano = load_folder(cartella)
    anni = anni_triennio(cartella)
    codici_piano = codici_del_piano(piano)
    scritti: list[Path] = []
    rifiutati: list[str] = []
    for sezione in SEZIONI:
        sorgente = piano.sources.files.get(sezione.file)
        if sorgente is None:
            continue
        contenuto: bytes | None = None
        persa: str | None = "il file non è una mappa di chiavi"
        if isinstance(sorgente.data, dict):
            modello, _, _ = validate_file(sezione, sorgente.data, piano.sources)
            contenuto = cartella_di_lavoro(sezione, sorgente.data, anni, codici_piano)
            if (persa := perdita(sezione, sorgente.data, contenuto, modello)) is not None:
                contenuto = None
        if contenuto is None:
            rifiutati.append(
                f"{sezione.file} ha valori che la cartella di lavoro non può riportare "
                f"senza perderli ({persa}): correggerli («piao check») prima di esportarlo"
            )
            continue
        destinazione = out / f"{sezione.key}.xlsx"
        atomic_write_bytes(destinazione, contenuto)
        scritti.append(destinazione)
    return Esportazione(scritti, rifiutati)
