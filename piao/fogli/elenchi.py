"""The drop-downs of a workbook and the «Elenchi» sheet behind them.

A column gets a drop-down when its values come from a list: a closed list of the model
(`Literal`), «sì»/«no», a reference table (missioni and programmi of the budget, the
«Amministrazione trasparente» tree) or the codes of the plan a field refers to
(`riferimento(...)` in `piao.model.base`: the units of organizzazione.yaml, the processes
of the «Processi» sheet...). The lists are written on «Elenchi», each under its title,
with the names beside the codes, so that the office can read what a code means. The
drop-downs warn about a value not in the list but accept it (a plan may hold values the
tables do not know yet: the import and `piao check` judge them).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from piao.fogli.tabelle import ELENCHI, NO, SEPARATORE, SI, Colonna
from piao.loading import LoadedPlan
from piao.model import SEZIONI
from piao.model.base import Riferimento
from piao.model.introspect import metadati
from piao.model.rischi_corruttivi import ObbligoTrasparenza
from piao.model.valore_pubblico import Missione, Programma
from piao.model.walk import oggetti
from piao.reference import riferimenti
from piao.validation import validate_file

Voci = tuple[tuple[str, str], ...]
"""The values of a list, each with its name («01», «Servizi istituzionali...»), or with ""."""

CodiciPiano = dict[str, dict[str, str]]
"""The coded objects of the plan by model class name, then code: their name."""

_FONT = Font(name="Arial", size=10)
_GRASSETTO = Font(name="Arial", size=10, bold=True)
_A_CAPO = Alignment(wrap_text=True, vertical="top")


def codici_del_piano(piano: LoadedPlan) -> CodiciPiano:
    """Every coded object of the section files that validate, by kind, with its name."""
    out: CodiciPiano = {}
    for sezione in SEZIONI:
        sorgente = piano.sources.files.get(sezione.file)
        if sorgente is None or not isinstance(sorgente.data, dict):
            continue
        modello, _, _ = validate_file(sezione, sorgente.data, piano.sources)
        if modello is None:
            continue
        for o in oggetti(modello, sezione.file):
            nome = next(
                (
                    v
                    for c in ("denominazione", "titolo", "descrizione", "nome")
                    if isinstance(v := getattr(o.model, c, None), str) and v
                ),
                "",
            )
            for classe in type(o.model).__mro__:  # a subclass counts as its parent kind
                if isinstance(classe, type) and issubclass(classe, BaseModel):
                    out.setdefault(classe.__name__, {}).setdefault(o.codice, nome)
    return out


def _vincolo(tp: typing.Any) -> object:
    return typing.get_args(tp)[1]


_MISSIONE, _PROGRAMMA = _vincolo(Missione), _vincolo(Programma)


def codice_numerico(colonna: Colonna) -> bool:
    """A code made of digits («01», «0102»): its cells are text, or Calc reads «01» as 1."""
    return any(v is _MISSIONE or v is _PROGRAMMA for v in metadati(colonna.tipo))


def tabella_di_riferimento(
    colonna: Colonna, modello: type[BaseModel]
) -> tuple[str, Voci, bool] | None:
    """The reference table a column's values come from: its title, its values (with their
    names) and whether a cell may hold several of them."""
    vincoli = metadati(colonna.tipo)
    ref = riferimenti()
    elenco = colonna.forma == "elenco"
    if any(v is _MISSIONE for v in vincoli):
        return "Missione", tuple((c, v.denominazione) for c, v in ref.missioni.items()), elenco
    if any(v is _PROGRAMMA for v in vincoli):
        voci = tuple((c, v.denominazione) for c, v in ref.programmi.items())
        return "Programma", voci, elenco
    if issubclass(modello, ObbligoTrasparenza) and colonna.chiave == "sottosezione":
        # the cell holds the levels joined by «; »: the valid pairs are the list
        coppie = dict.fromkeys(
            f"{n.livello_1}{SEPARATORE}{n.livello_2}" for n in ref.albero_trasparenza
        )
        return "Sottosezione (1° e 2° livello)", tuple((c, "") for c in coppie), False
    return None


def riferimento_di(colonna: Colonna) -> Riferimento | None:
    """The reference a column's codes make (`CodiceUnita` → the units), if any."""
    return next((m for m in metadati(colonna.tipo) if isinstance(m, Riferimento)), None)


def lista_chiusa(colonna: Colonna) -> tuple[str, ...]:
    """The closed list of a column of one value (a `Literal`, or «sì»/«no»)."""
    if colonna.forma == "valore" and colonna.tipo is bool:
        return (SI, NO)
    return colonna.scelte if colonna.forma == "valore" else ()


@dataclass
class Elenchi:
    """The «Elenchi» sheet: one column per list (two with the names), shared by the
    drop-downs that use the same list."""

    ws: Worksheet
    intervalli: dict[Voci, tuple[str, str | None]] = field(default_factory=dict)
    """Each list written: the range of its values, the column of its names."""
    usate: int = 0

    def scrivi(self, titolo: str, voci: Voci) -> tuple[str, str | None]:
        if voci not in self.intervalli:
            nomi = any(n for _, n in voci)
            j = self.usate + 1
            self.usate += 2 if nomi else 1
            for k, testata in enumerate((titolo, "Denominazione") if nomi else (titolo,)):
                cella = self.ws.cell(1, j + k, testata)
                cella.font = _GRASSETTO
                cella.alignment = _A_CAPO
                larghezza = 60 if k else min(max(16, *(len(v) + 2 for v, _ in voci)), 60)
                self.ws.column_dimensions[get_column_letter(j + k)].width = larghezza
            for i, (valore, nome) in enumerate(voci, start=2):
                for k, testo in enumerate((valore, nome) if nomi else (valore,)):
                    cella = self.ws.cell(i, j + k, testo)
                    cella.data_type = "s"
                    cella.font = _FONT
            lettera = get_column_letter(j)
            self.intervalli[voci] = (
                f"{ELENCHI}!${lettera}$2:${lettera}${len(voci) + 1}",
                get_column_letter(j + 1) if nomi else None,
            )
        return self.intervalli[voci]

    def controllo(
        self, titolo: str, voci: Voci | tuple[str, ...], *, elenco: bool = False
    ) -> DataValidation:
        """The drop-down of a list; `elenco` for a cell that may hold several values."""
        coppie = tuple(v if isinstance(v, tuple) else (v, "") for v in voci)
        intervallo, nomi = self.scrivi(titolo, coppie)
        aiuto = f"Le denominazioni sono nel foglio «{ELENCHI}», colonna {nomi}." if nomi else ""
        return convalida(intervallo, aiuto, titolo, elenco=elenco)


def convalida(
    formula: str, aiuto: str, titolo: str, *, elenco: bool = False, foglio: str | None = None
) -> DataValidation:
    """A list drop-down that warns about a value not in the list and accepts it; a cell
    that may hold several values («A; B») is not warned about."""
    if elenco:
        aiuto = f"{aiuto} Più valori: separarli con «{SEPARATORE.strip()} ».".strip()
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=not elenco,
        errorStyle="warning",
        errorTitle="Codice non trovato" if foglio else "Valore non previsto",
        error=f"Il codice non è nel foglio «{foglio}»."
        if foglio
        else "Scegliere un valore dell'elenco.",
        showInputMessage=bool(aiuto),
        promptTitle=titolo[:32] if aiuto else None,
        prompt=aiuto[:255] or None,
    )
