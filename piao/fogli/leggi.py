"""Reading a workbook written by `piao.fogli.esporta` (and filled by an office) back into
the data of its section: keys from row 2, values converted by the declared type of their
field, each problem a note located as `file.xlsx › Foglio!B12` in Italian."""

from __future__ import annotations

import datetime
import io
import re
import typing
import zipfile
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

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
    Percorso,
    colonne,
    fogli,
    identita,
    letterale,
    risolvi,
    solo_testo,
)
from piao.loading.roundtrip import da_linea
from piao.model import SEZIONI_PER_CHIAVE, Sezione
from piao.model.base import PLACEHOLDERS, da_verificare
from piao.model.introspect import members, metadati


@dataclass(frozen=True)
class Nota:
    """A problem found in a workbook, with the cell it is about."""

    luogo: str
    """`file.xlsx › Foglio!B12` (or `file.xlsx › Foglio` for a whole sheet)."""
    messaggio: str
    da_compilare: bool = False
    """A value still to write (SC007, SC010): reported, but the data can be written."""
    avviso: bool = False
    """A warning of the plan's rules (not an error): reported, but the data can be written."""


@dataclass
class Lettura:
    """What a workbook holds: its section, the data read and the notes."""

    sezione: Sezione
    dati: dict[str, Any] = field(default_factory=dict)
    note: list[Nota] = field(default_factory=list)
    celle: dict[Percorso, str] = field(default_factory=dict)
    """Where each value read was written (`file.xlsx › Foglio!B12`), by its path in the data."""
    origine: list[str] = field(default_factory=list)
    """The data as exported, packed (`piao.fogli.tre_vie`); empty in an older workbook."""

    def luogo(self, percorso: Percorso) -> str | None:
        """The cell of a value, or of the nearest value read inside it."""
        for n in range(len(percorso), -1, -1):
            if (luogo := self.celle.get(percorso[:n])) is not None:
                return luogo
        dentro = sorted(luogo for p, luogo in self.celle.items() if p[: len(percorso)] == percorso)
        return dentro[0] if dentro else None


class CartellaNonValida(Exception):
    """Not a workbook of a section (no «Versione» sheet, unknown section or format)."""


_MANCA = (
    "i suoi valori non possono essere letti, e il file del piano non viene aggiornato "
    "(ripristinarla dalla cartella di lavoro esportata, anche vuota)"
)
_MANCA_FOGLIO = f"manca il foglio: {_MANCA.replace('ripristinarla', 'ripristinarlo')}"
_EPOCA = datetime.date(1899, 12, 30)
_DATA_IT = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_DATA_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERO = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
_VIRGOLA = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+")
"""A number with the Italian decimal comma («6,5», «1.234,5»)."""
_VERO = {"sì", "si", "vero", "true", "x"}
_FALSO = {"no", "falso", "false"}


class _Errore(ValueError):
    pass


def _data(testo: str) -> datetime.date | None:
    try:
        if m := _DATA_IT.fullmatch(testo):
            return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _DATA_ISO.fullmatch(testo):
            return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise _Errore(f"«{testo}» non è una data valida") from None
    return None


def _numero(testo: str) -> int | float:
    """A number typed as text: «12», «6,5», «1.234,5»; «6.000» is ambiguous (six thousand
    or six) and never silently read."""
    compatto = testo.replace(" ", "").replace("\u00a0", "")
    if not _NUMERO.fullmatch(compatto):
        raise _Errore(f"«{testo}» non è un numero")
    if "," in compatto:
        intero, _, decimali = compatto.rpartition(",")
        if "," in intero or (
            intero.count(".") and not re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", intero)
        ):
            raise _Errore(f"«{testo}» non è un numero leggibile")
        return float(intero.replace(".", "") + "." + decimali)
    if "." in compatto:
        raise _Errore(
            f"«{testo}» è ambiguo (punto delle migliaia o separatore decimale?): scrivere il "
            "numero nella cella come numero, o con la virgola decimale (es. 6,5 o 6000)"
        )
    return int(compatto)


def _numero_in_codice(valore: Any, tp: Any) -> str | None:
    """The Italian note for a number in a cell whose field takes a code, None when the
    number is fine there.

    A spreadsheet turns «01» typed in a cell into the number 1, and the leading zero is
    gone: it cannot be told from what was meant, so it is never padded silently. The field
    decides, by its declared type `tp`: when it takes a number (int, float) or a free text
    (a text without a pattern, e.g. a denominazione «2026»), the number is fine (None);
    when its only texts are constrained by a pattern (`Codice`, the two digits of a
    missione, `Literal` values aside) and the number written as text does not match it,
    the note asks to write the code as text, naming the padded code that would match
    («01» for 1 under `^[0-9]{2}$`) when there is one."""
    if isinstance(valore, bool) or not isinstance(valore, int | float):
        return None
    alternative = members(tp)
    if int in alternative or float in alternative or str not in alternative:
        return None
    schemi = [p for m in metadati(tp) if isinstance(p := getattr(m, "pattern", None), str)]
    if not schemi:
        return None  # a free text: «2026» is a fine denominazione
    numero = str(int(valore)) if float(valore).is_integer() else str(valore)
    if all(re.search(s, numero) for s in schemi):
        return None
    cifre = [numero.zfill(n) for n in range(len(numero) + 1, 11)]
    codice = next((c for c in cifre if all(re.search(s, c) for s in schemi)), None)
    if codice is not None:
        return (
            f'la cella contiene il numero {numero}: se il codice è "{codice}", scriverlo '
            f"come testo (con l'apostrofo: '{codice})"
        )
    return (
        f"la cella contiene il numero {numero}, ma qui va un codice scritto come testo: "
        "scrivere il codice completo (se è fatto di sole cifre, con l'apostrofo davanti, "
        "es. '01)"
    )


def segnaposto(testo: str) -> bool:
    """A value still «da compilare» or «da verificare» (as `piao check` tells them)."""
    return testo.lower() in PLACEHOLDERS or da_verificare(testo)


def converti(valore: Any, tp: Any) -> Any:
    """A cell's value as the field declared with `tp` wants it; `_Errore` when it cannot."""
    alternative = members(tp)
    letterali = [str(v) for a in alternative if letterale(a) for v in typing.get_args(a)]
    testo, intero, decimale = str in alternative, int in alternative, float in alternative
    data, si_no = datetime.date in alternative, bool in alternative
    if isinstance(valore, bool):
        if si_no:
            return valore
        valore = SI if valore else NO
    if isinstance(valore, datetime.datetime):
        valore = valore.date()
    if isinstance(valore, datetime.date):
        if data:
            return valore
        if testo:
            return f"{valore:%d/%m/%Y}"
        raise _Errore(f"una data ({valore:%d/%m/%Y}) dove è atteso un altro valore")
    if isinstance(valore, int | float):
        if intero and (isinstance(valore, int) or valore.is_integer()):
            return int(valore)
        if decimale:  # a whole number stays whole: 20, not 20.0, in the plan file
            return int(valore) if float(valore).is_integer() else float(valore)
        if data and isinstance(valore, int | float):
            return _EPOCA + datetime.timedelta(days=int(valore))
        if testo:
            if (messaggio := _numero_in_codice(valore, tp)) is not None:
                raise _Errore(messaggio)
            return str(int(valore)) if float(valore).is_integer() else str(valore)
        raise _Errore(f"{valore} non è un valore ammesso")
    testo_cella = str(valore).strip()
    if testo_cella in letterali or segnaposto(testo_cella):
        return testo_cella  # a value still to write stays as written, for `piao check`
    if si_no:
        if testo_cella.lower() in _VERO:
            return True
        if testo_cella.lower() in _FALSO:
            return False
    if data and (d := _data(testo_cella)) is not None:
        return d
    if testo and decimale and _VIRGOLA.fullmatch(testo_cella.replace(" ", "")):
        return _numero(testo_cella)  # «77,5» typed as text: the number, never a text
    if testo:
        return testo_cella
    if intero or decimale:
        n = _numero(testo_cella)
        return float(n) if decimale and not intero else n
    return testo_cella  # a value not in the list: the model names the allowed ones


def valore_colonna(valore: Any, colonna: Colonna) -> Any:
    """A cell's value for its column: one value, a list split at «;», or inline YAML."""
    if colonna.forma == "yaml":
        try:
            return da_linea(str(valore))
        except Exception:
            raise _Errore("il valore non è leggibile (YAML in linea)") from None
    if colonna.forma == "valore":
        return converti(valore, colonna.tipo)
    if not isinstance(valore, str):
        voce = converti(valore, colonna.tipo)
        return voce if colonna.anche_singolo else [voce]
    if valore.strip().startswith("[") and valore.strip().endswith("]"):
        try:
            voci = da_linea(valore)
        except Exception:
            raise _Errore("l'elenco tra parentesi quadre non è leggibile (YAML in linea)") from None
        return [converti(v, colonna.tipo) for v in voci]
    if colonna.anche_singolo and UNO_SOLO not in valore:
        return converti(valore, colonna.tipo)
    return [converti(v, colonna.tipo) for v in valore.split(UNO_SOLO) if v.strip()]


def _metti(dati: dict[Any, Any], percorso: tuple[str | int, ...], valore: Any) -> None:
    for parte in percorso[:-1]:
        dati = dati.setdefault(parte, {})
    dati[percorso[-1]] = valore


def _vuoto(valore: Any) -> bool:
    return valore is None or (isinstance(valore, str) and not valore.strip())


@dataclass
class _Lettore:
    nome_file: str
    valori: Any
    formule: Any
    """The workbook read with its formulas, None when it has none (`_ha_formule`)."""
    lettura: Lettura
    variabili: dict[str, list[str]] = field(default_factory=dict)
    """The columns by year or by key holding a value at export, by sheet (`Versione`)."""

    def nota(self, ws: Worksheet | str, cella: str | None, messaggio: str) -> None:
        titolo = ws if isinstance(ws, str) else ws.title
        luogo = f"{self.nome_file} › {titolo}" + (f"!{cella}" if cella else "")
        self.lettura.note.append(Nota(luogo, messaggio))

    def cella(self, ws: Worksheet, riga: int, colonna: int) -> Any:
        cella = ws.cell(riga, colonna)
        valore = cella.value
        if valore is None and self.formule is not None:
            formula = self.formule[ws.title].cell(riga, colonna)
            if isinstance(formula, Cell) and formula.data_type == "f":
                self.nota(
                    ws,
                    cella.coordinate,
                    "formula senza valore calcolato: aprire e "
                    "salvare il file con il foglio di calcolo, o scrivere il valore",
                )
        return valore

    def leggi(
        self,
        ws: Worksheet,
        colonna: Colonna,
        cella: tuple[int, int],
        dati: dict[Any, Any],
        prima: Percorso = (),
    ) -> None:
        riga, j = cella
        coordinata = ws.cell(riga, j).coordinate
        # empty cells too: a missing value is reported where it should be written
        self.lettura.celle[(*prima, *colonna.percorso)] = (
            f"{self.nome_file} › {ws.title}!{coordinata}"
        )
        valore = self.cella(ws, riga, j)
        if _vuoto(valore):
            return
        try:
            _metti(dati, colonna.percorso, valore_colonna(valore, colonna))
        except _Errore as exc:
            self.nota(ws, coordinata, f"{colonna.etichetta}: {exc}")


def leggi(contenuto: bytes, nome_file: str) -> Lettura:
    """The section data a workbook holds, with a note for each problem found."""
    try:
        valori = load_workbook(io.BytesIO(contenuto), data_only=True)
        formule = load_workbook(io.BytesIO(contenuto)) if _ha_formule(contenuto) else None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise CartellaNonValida(
            f"{nome_file}: non è una cartella di lavoro XLSX leggibile ({type(exc).__name__}): "
            "se è un file .xls o .ods, aprirlo con Excel o LibreOffice e salvarlo come "
            "«Cartella di lavoro di Excel (.xlsx)»"
        ) from None
    if VERSIONE not in valori.sheetnames:
        raise CartellaNonValida(
            f"{nome_file}: manca il foglio «{VERSIONE}»: non è una cartella di lavoro "
            "esportata da piao (una tabella dell'ente con colonne proprie si legge con "
            "«piao fogli tabella» e un tracciato)"
        )
    versione = valori[VERSIONE]
    formato, chiave = versione["B1"].value, versione["B2"].value
    if formato != FORMATO:
        raise CartellaNonValida(
            f"{nome_file}: formato «{formato}» non riconosciuto (atteso {FORMATO})"
        )
    sezione = SEZIONI_PER_CHIAVE.get(str(chiave))
    if sezione is None:
        raise CartellaNonValida(f"{nome_file}: sezione «{chiave}» sconosciuta")
    for ws in valori.worksheets:
        _separa_unite(ws)
    origine = [
        str(riga[0].value)
        for riga in versione.iter_rows(min_col=COLONNA_ORIGINE, max_col=COLONNA_ORIGINE)
        if riga[0].value
    ]
    lettore = _Lettore(
        nome_file, valori, formule, Lettura(sezione, origine=origine), _variabili(versione)
    )
    dati = lettore.lettura.dati
    tabelle = fogli(sezione.model)
    for nome in [DATI_GENERALI, *(t.nome for t in tabelle)]:
        if nome not in valori.sheetnames:
            lettore.nota(nome, None, _MANCA_FOGLIO)
    if DATI_GENERALI in valori.sheetnames:
        _generali(lettore, valori[DATI_GENERALI], sezione, dati)
    indici: dict[tuple[Livello, ...], dict[tuple[str, ...], tuple[Any, Percorso]]] = {}
    for foglio in tabelle:
        if foglio.nome in valori.sheetnames:
            _tabella(lettore, valori[foglio.nome], foglio, dati, indici)
    noti = {DATI_GENERALI, ISTRUZIONI, ELENCHI, VERSIONE, *(t.nome for t in tabelle)}
    for ws in valori.worksheets:
        if ws.title not in noti:
            lettore.nota(ws, None, "foglio non previsto per questa sezione: non importato")
    return lettore.lettura


def _variabili(versione: Worksheet) -> dict[str, list[str]]:
    """The columns by year or by key that held a value when the workbook was exported, by
    sheet, as «Versione» lists them (none in a workbook written before the list)."""
    out: dict[str, list[str]] = {}
    for riga in range(PRIMA_RIGA_VARIABILI, versione.max_row + 1):
        nome, chiavi = versione.cell(riga, 1).value, versione.cell(riga, 2).value
        if not _vuoto(nome) and not _vuoto(chiavi):
            out[str(nome)] = [c.strip() for c in str(chiavi).split(SEPARATORE.strip()) if c.strip()]
    return out


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _ha_formule(contenuto: bytes) -> bool:
    """Whether any sheet of the workbook holds a formula (a `<f>` element): only then is it
    read a second time, with its formulas, to report those without a computed value."""
    try:
        with zipfile.ZipFile(io.BytesIO(contenuto)) as pacchetto:
            return any(
                _FORMULA.search(pacchetto.read(nome))
                for nome in pacchetto.namelist()
                if nome.startswith("xl/worksheets/") and nome.endswith(".xml")
            )
    except (zipfile.BadZipFile, KeyError, OSError):
        return True  # let openpyxl read it and say what is wrong


def _separa_unite(ws: Worksheet) -> None:
    """Merged cells (an office's way of writing one value for several rows): every cell of
    the range takes the value written in its first cell."""
    for intervallo in list(ws.merged_cells.ranges):
        valore = ws.cell(intervallo.min_row, intervallo.min_col).value
        ws.unmerge_cells(str(intervallo))
        for riga in range(intervallo.min_row, intervallo.max_row + 1):
            for colonna in range(intervallo.min_col, intervallo.max_col + 1):
                ws.cell(riga, colonna).value = valore


def _generali(lettore: _Lettore, ws: Worksheet, sezione: Sezione, dati: dict[str, Any]) -> None:
    lette: set[str] = set()
    for riga in range(PRIMA_RIGA_DATI, ws.max_row + 1):
        chiave, valore = ws.cell(riga, 2).value, ws.cell(riga, 3).value
        if _vuoto(chiave):
            if not _vuoto(valore):
                lettore.nota(ws, f"B{riga}", "valore senza chiave: non importato")
            continue
        colonna = risolvi(sezione.model, str(chiave))
        if colonna is None:
            lettore.nota(ws, f"B{riga}", f"chiave «{chiave}» sconosciuta: riga non importata")
            continue
        lettore.leggi(ws, colonna, (riga, 3), dati)
        lette.add(colonna.chiave)
    attese = [c.chiave for c in colonne(sezione.model, [], ())]
    for chiave in [*attese, *lettore.variabili.get(ws.title, [])]:
        if chiave not in lette:
            lettore.nota(ws, None, f"manca la riga «{chiave}»: {_MANCA}")


def _tabella(
    lettore: _Lettore,
    ws: Worksheet,
    foglio: Foglio,
    dati: dict[str, Any],
    indici: dict[tuple[Livello, ...], dict[tuple[str, ...], tuple[Any, Percorso]]],
) -> None:
    livello = foglio.livello
    genitori: list[int] = []
    campi: list[tuple[int, Colonna]] = []
    chiavi_genitori = [g.chiave for g in foglio.genitori]
    for j in range(1, ws.max_column + 1):
        chiave = ws.cell(2, j).value
        if _vuoto(chiave):
            continue
        chiave = str(chiave).strip()
        if chiave in chiavi_genitori:
            genitori.append(j)
        elif (colonna := risolvi(livello.modello, chiave)) is not None:
            campi.append((j, colonna))
        else:
            lettore.nota(
                ws, ws.cell(2, j).coordinate, f"colonna «{chiave}» sconosciuta: non importata"
            )
    presenti = {c.chiave for _, c in campi}
    attese = [c.chiave for c in colonne(livello.modello, [], ())]
    for chiave in [*attese, *lettore.variabili.get(ws.title, [])]:
        if chiave not in presenti:
            lettore.nota(ws, None, f"manca la colonna «{chiave}»: {_MANCA}")
    if len(genitori) != len(chiavi_genitori):
        lettore.nota(
            ws,
            None,
            "mancano le colonne dei codici a cui le righe appartengono: foglio non importato",
        )
        return
    indice = indici.setdefault(foglio.livelli, {})
    for riga in range(PRIMA_RIGA_DATI, ws.max_row + 1):
        sopra = tuple(str(v).strip() for j in genitori if not _vuoto(v := ws.cell(riga, j).value))
        if all(_vuoto(ws.cell(riga, j).value) for j, _ in campi):
            if sopra:
                lettore.nota(ws, f"A{riga}", "riga senza valori: non importata")
            continue
        if len(sopra) != len(genitori):
            lettore.nota(ws, f"A{riga}", "manca il codice della voce a cui la riga appartiene")
            continue
        contenitore: Any = dati
        percorso: Percorso = ()
        if genitori:
            trovato = indici.get(foglio.genitori, {}).get(sopra)
            if trovato is None or not isinstance(trovato[0], dict):
                lettore.nota(
                    ws, f"A{riga}", f"codice «{' › '.join(sopra)}» non trovato nel foglio superiore"
                )
                continue
            contenitore, percorso = trovato
        for parte in livello.percorso[:-1]:
            contenitore = contenitore.setdefault(parte, {})
        elenco = contenitore.setdefault(livello.percorso[-1], [])
        percorso = (*percorso, *livello.percorso, len(elenco))
        voce: dict[Any, Any] = {}
        for j, colonna in campi:
            lettore.leggi(ws, colonna, (riga, j), voce, percorso)
        lettore.lettura.celle[percorso] = f"{lettore.nome_file} › {ws.title}!A{riga}"
        elenco.append(solo_testo(livello, voce))
        indice[(*sopra, identita(livello, elenco[-1], len(elenco)))] = (elenco[-1], percorso)
