"""A legacy sheet read as a grid of texts: an XLSX sheet (merged cells filled from their
top-left cell, formulas by their computed value) or a CSV file (UTF-8 or Windows-1252,
separated by «;», «,» or tabs), each cell addressable as `file.xlsx › Foglio!C7`."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException


class FoglioError(Exception):
    """A source that cannot be read as a sheet (Italian message)."""


@dataclass(frozen=True)
class Griglia:
    """The texts of a sheet by (row, column), both 1-based; empty cells are absent."""

    file: str
    foglio: str | None
    celle: dict[tuple[int, int], str]
    righe: int
    colonne: int
    formule: frozenset[tuple[int, int]] = frozenset()
    """Cells holding a formula the file carries no computed value for (a sheet written by a
    program that does not compute: it must be opened and saved in Excel or Calc)."""

    def dove(self, riga: int, colonna: int | None = None) -> str:
        """`file.xlsx › Foglio!C7` (a whole row: `Foglio!7:7`)."""
        cella = f"{riga}:{riga}" if colonna is None else f"{get_column_letter(colonna)}{riga}"
        foglio = f"{self.foglio}!" if self.foglio else ""
        return f"{self.file} › {foglio}{cella}"

    def valore(self, riga: int, colonna: int) -> str:
        return self.celle.get((riga, colonna), "")


def testo_cella(valore: Any) -> str:
    """A cell as text: trimmed; whole numbers without «.0»; dates as AAAA-MM-GG."""
    if valore is None:
        return ""
    if isinstance(valore, bool):
        return "sì" if valore else "no"
    if isinstance(valore, float) and valore.is_integer():
        return str(int(valore))
    if isinstance(valore, datetime.datetime):
        return valore.date().isoformat() if valore.time() == datetime.time() else str(valore)
    if isinstance(valore, datetime.date):
        return valore.isoformat()
    return " ".join(str(valore).split())


def leggi_foglio(path: Path, foglio: str | None) -> Griglia:
    """The grid of `path` (XLSX by its sheet name or its first sheet; CSV as it is)."""
    if path.suffix.lower() == ".csv":
        if foglio is not None:
            raise FoglioError(f"«{path.name}» è un CSV: non ha fogli, togliere «foglio:».")
        return _csv(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise FoglioError(
            f"«{path.name}»: sono ammessi file .xlsx o .csv (con .xls: salvarlo come .xlsx)."
        )
    try:
        wb = load_workbook(path, data_only=True)
    except (OSError, InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise FoglioError(f"impossibile leggere «{path.name}» come cartella XLSX: {exc}") from None
    nome = _nome_foglio(wb.sheetnames, foglio, path)
    ws = wb[nome]
    celle: dict[tuple[int, int], str] = {}
    for row in ws.iter_rows():
        for cell in row:
            testo = testo_cella(cell.value)
            if testo and cell.row is not None and cell.column is not None:
                celle[(cell.row, cell.column)] = testo
    for intervallo in ws.merged_cells.ranges:
        alto = celle.get((intervallo.min_row, intervallo.min_col))
        if alto is None:
            continue
        for r in range(intervallo.min_row, intervallo.max_row + 1):
            for c in range(intervallo.min_col, intervallo.max_col + 1):
                celle[(r, c)] = alto
    formule = frozenset(
        (cell.row, cell.column)
        for row in load_workbook(path, data_only=False)[nome].iter_rows()
        for cell in row
        if cell.data_type == "f"
        and cell.row is not None
        and cell.column is not None
        and (cell.row, cell.column) not in celle
    )
    return Griglia(path.name, ws.title, celle, ws.max_row, ws.max_column, formule)


def _nome_foglio(nomi: list[str], foglio: str | None, path: Path) -> str:
    """The sheet asked for (capitals and spaces aside), or the first."""
    if foglio is None:
        return nomi[0]
    trovati = [n for n in nomi if " ".join(n.lower().split()) == " ".join(foglio.lower().split())]
    if not trovati:
        elenco = ", ".join(f"«{n}»" for n in nomi)
        raise FoglioError(f"«{path.name}» non ha il foglio «{foglio}» (fogli: {elenco}).")
    return trovati[0]


def _csv(path: Path) -> Griglia:
    try:
        dati = path.read_bytes()
    except OSError as exc:
        raise FoglioError(f"impossibile leggere «{path.name}»: {exc.strerror or exc}") from None
    try:
        testo = dati.decode("utf-8-sig")
    except UnicodeDecodeError:
        testo = dati.decode("cp1252", errors="replace")
    try:
        dialetto: Any = csv.Sniffer().sniff(testo[:4096], delimiters=";,\t")
    except csv.Error:
        dialetto = csv.excel
    celle: dict[tuple[int, int], str] = {}
    righe = colonne = 0
    for r, riga in enumerate(csv.reader(io.StringIO(testo), dialetto), start=1):
        righe = r
        colonne = max(colonne, len(riga))
        for c, valore in enumerate(riga, start=1):
            if t := testo_cella(valore):
                celle[(r, c)] = t
    return Griglia(path.name, None, celle, righe, colonne)
