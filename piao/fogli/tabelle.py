"""The one mapping between a section model and the sheets of its workbook, read from the
models by introspection (nothing is typed per section).

A section becomes:
- «Dati generali»: one row per scalar value of the section, nested single objects
  flattened (`adozione.delibera.data`), with its Italian label, its key and its value;
- one sheet per list of sub-models (`processi`), one row per item, one column per scalar
  field; a list of sub-models inside an item (`processi` → `eventi_rischiosi`) is a sheet of
  its own whose first columns hold the codes of the items it belongs to (`@processi`);
- a list of scalars is one cell, its items joined by «; »; a map keyed by year
  (`target: {2026: 50}`) is one column per year of the triennio and of any year present
  (`target.2026`); any other map is one column per key present.

Row 1 holds the Italian labels, row 2 the keys (the import reads keys, never labels), data
from row 3.
"""

from __future__ import annotations

import datetime
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from piao.fogli.valori import vuoto
from piao.model.introspect import members, unwrap

FORMATO = "piao-fogli-1"
"""The version of the workbook layout, written in each workbook's «Versione» sheet."""

DATI_GENERALI = "Dati generali"
ISTRUZIONI = "Istruzioni"
ELENCHI = "Elenchi"
VERSIONE = "Versione"
COLONNA_ORIGINE = 4
"""The hidden column of «Versione» holding the data as exported (`piao.fogli.tre_vie`)."""
RISERVATI = (ISTRUZIONI, DATI_GENERALI, ELENCHI, VERSIONE)
"""Sheet names the mapping never gives to a table."""

PRIMA_RIGA_DATI = 3
PRIMA_RIGA_VARIABILI = 4
"""In «Versione», from this row: each sheet (column A) with the keys (column B, joined by
«; ») of its columns by year or by key that hold a value (`target.2027`): they depend on
the data, so the import can tell one deleted by the office only from this list."""
SEPARATORE = "; "
UNO_SOLO = ";"
"""Written after the only item of a list where the field also admits a single value
(`responsabile: [UO-A]` is «UO-A;», `responsabile: UO-A` is «UO-A»)."""
SI, NO = "sì", "no"

Forma = Literal["valore", "elenco", "yaml"]
"""How a column's value sits in its cell: one value, a list joined by «; », or (for the
rare shapes with no table form) the value written as inline YAML."""

_ACCENTI = {
    "unita": "unità",
    "qualita": "qualità",
    "attivita": "attività",
    "modalita": "modalità",
    "periodicita": "periodicità",
    "polarita": "polarità",
    "priorita": "priorità",
    "opacita": "opacità",
    "discrezionalita": "discrezionalità",
    "responsabilita": "responsabilità",
    "quantita": "quantità",
    "identita": "identità",
    "disabilita": "disabilità",
    "mobilita": "mobilità",
    "opportunita": "opportunità",
    "pubblicita": "pubblicità",
    "capacita": "capacità",
    "finalita": "finalità",
    "continuita": "continuità",
    "criticita": "criticità",
    "piu": "più",
    "perche": "perché",
}


def etichetta(chiave: str) -> str:
    """The Italian label of a key: «unita_responsabile» → «Unità responsabile»."""
    parole = [_ACCENTI.get(p, p) for p in chiave.split("_") if p]
    testo = re.sub(r"(\d+) (\d+)", r"\1/\2", " ".join(parole))  # «al 31/12»
    return testo[:1].upper() + testo[1:]


# --- Shapes of a declared type ------------------------------------------------------------

Tipo = Any


def _modello(tp: Tipo) -> type[BaseModel] | None:
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def letterale(tp: Tipo) -> bool:
    """A closed list (`Literal[...]`)."""
    origine: Any = typing.get_origin(tp)
    return origine is Literal


def scalare(tp: Tipo) -> bool:
    """A value of one cell: text, number, date, yes/no, a closed-list value."""
    return letterale(tp) or tp in (str, int, float, bool, datetime.date)


def scelte(tp: Tipo) -> tuple[str, ...]:
    """The values of the closed lists among the alternatives of `tp` (and of its items),
    in declared order; empty when the field also admits free text."""
    out: list[str] = []
    for m in members(tp):
        voce = typing.get_args(m)[0] if typing.get_origin(m) is list else m
        for a in members(voce):
            if letterale(a):
                out.extend(str(v) for v in typing.get_args(a) if str(v) not in out)
            elif a is str:
                return ()
    return tuple(out)


@dataclass(frozen=True)
class Forma_:
    """The shape of a field: what `classifica` found."""

    tipo: Literal["valore", "elenco", "modello", "righe", "mappa", "yaml"]
    modello: type[BaseModel] | None = None
    """For «modello» and «righe»: the model of the object or of the rows."""
    chiave: Tipo = None
    """For «mappa»: the type of the keys (int for years)."""
    valore: Tipo = None
    """For «mappa»: the declared type of the values."""
    anche_singolo: bool = False
    """For «elenco»: the field also admits one value without a list."""
    anche_testo: bool = False
    """For «righe»: the rows may also be plain texts (`fasi: [Istruttoria, ...]`)."""


def classifica(tp: Tipo) -> Forma_:
    alternative = members(tp)
    liste = [a for a in alternative if typing.get_origin(a) is list]
    altre = [a for a in alternative if typing.get_origin(a) is not list]
    if len(alternative) == 1 and typing.get_origin(alternative[0]) is dict:
        k, v = (unwrap(x) for x in typing.get_args(alternative[0]))
        return Forma_("mappa", chiave=k, valore=v)
    if len(alternative) == 1 and (m := _modello(alternative[0])) is not None:
        return Forma_("modello", modello=m)
    if all(scalare(a) for a in altre) and not liste:
        return Forma_("valore")
    if len(liste) == 1 and all(scalare(a) for a in altre):
        voci = members(typing.get_args(liste[0])[0])
        if all(scalare(a) for a in voci):
            return Forma_("elenco", anche_singolo=bool(altre))
        modelli = [m for a in voci if (m := _modello(a)) is not None]
        testi = [a for a in voci if a is str]
        if not altre and len(modelli) == 1 and len(modelli) + len(testi) == len(voci):
            return Forma_("righe", modello=modelli[0], anche_testo=bool(testi))
    return Forma_("yaml")


def campo_testo(modello: type[BaseModel]) -> str:
    """The field that holds a row written as plain text: the first required text."""
    for nome, info in modello.model_fields.items():
        if info.is_required() and str in members(info.annotation):
            return nome
    raise ValueError(f"{modello.__name__}: nessun campo di testo obbligatorio")


# --- Columns ------------------------------------------------------------------------------

Percorso = tuple[str | int, ...]


@dataclass(frozen=True)
class Colonna:
    """One column of a table (or one row of «Dati generali»)."""

    chiave: str
    """The key written in row 2: the path joined by dots (`valutazione.giudizio`, `target.2026`)."""
    percorso: Percorso
    etichetta: str
    tipo: Tipo
    """The declared type of the value (of each item, for a list)."""
    forma: Forma
    anche_singolo: bool = False
    scelte: tuple[str, ...] = ()
    """The closed list of the values, when the field admits no free text."""
    descrizione: str = ""


def _chiave(percorso: Percorso) -> str:
    return ".".join(str(p) for p in percorso)


def _valori(valori: list[Any], parte: str | int) -> list[Any]:
    return [v.get(parte) for v in valori if isinstance(v, dict)]


def colonne(
    modello: type[BaseModel], valori: list[Any], anni: tuple[int, ...] = ()
) -> list[Colonna]:
    """The columns of a row of `modello`: one per scalar value, nested objects flattened,
    one per key of a map (every year of `anni` for a map by year). `valori` are the rows
    written (dicts), for the keys of the maps. Lists of sub-models are left out: they are
    sheets of their own (`fogli`)."""
    out: list[Colonna] = []
    _campi(out, modello, (), "", valori=valori, anni=anni)
    return out


def _campi(
    out: list[Colonna],
    modello: type[BaseModel],
    prima: Percorso,
    titolo: str,
    *,
    valori: list[Any],
    anni: tuple[int, ...],
) -> None:
    for nome, info in modello.model_fields.items():
        _campo(
            out,
            (*prima, nome),
            f"{titolo}{etichetta(nome)}",
            info.annotation,
            descrizione=info.description or "",
            valori=_valori(valori, nome),
            anni=anni,
        )


def _campo(
    out: list[Colonna],
    percorso: Percorso,
    titolo: str,
    tp: Tipo,
    *,
    descrizione: str,
    valori: list[Any],
    anni: tuple[int, ...],
) -> None:
    forma = classifica(tp)
    if forma.tipo == "righe":
        return
    if forma.tipo == "modello":
        assert forma.modello is not None
        _campi(out, forma.modello, percorso, f"{titolo} › ", valori=valori, anni=anni)
        return
    if forma.tipo == "mappa":
        scritte = {k for v in valori if isinstance(v, dict) for k in v}
        if forma.chiave is int:
            scritte |= set(anni)
        for k in sorted(scritte, key=lambda x: (str(type(x)), x)):
            _campo(
                out,
                (*percorso, k),
                f"{titolo} {k}",
                forma.valore,
                descrizione=descrizione,
                valori=_valori(valori, k),
                anni=anni,
            )
        return
    if forma.tipo == "elenco":
        alternative = members(tp)
        voce = next(typing.get_args(a)[0] for a in alternative if typing.get_origin(a) is list)
        out.append(
            Colonna(
                _chiave(percorso),
                percorso,
                titolo,
                voce,
                "elenco",
                anche_singolo=forma.anche_singolo,
                scelte=scelte(tp),
                descrizione=descrizione,
            )
        )
        return
    out.append(
        Colonna(
            _chiave(percorso),
            percorso,
            titolo,
            tp,
            "yaml" if forma.tipo == "yaml" else "valore",
            scelte=scelte(tp) if forma.tipo == "valore" else (),
            descrizione=descrizione,
        )
    )


def variabili(modello: type[BaseModel], cols: list[Colonna], valori: list[Any]) -> list[str]:
    """The keys of the columns by year or by key (`target.2027`, not in every workbook of
    the model) that hold a value in one of the rows `valori`."""
    fisse = {c.chiave for c in colonne(modello, [], ())}
    return [
        c.chiave
        for c in cols
        if c.chiave not in fisse and any(_vale(v, c.percorso) for v in valori)
    ]


def _vale(dati: Any, percorso: Percorso) -> bool:
    for parte in percorso:
        if not isinstance(dati, dict):
            return False
        dati = dati.get(parte)
    return not vuoto(dati)


# --- Sheets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Livello:
    """One list crossed on the way from the section to a sheet's rows."""

    percorso: tuple[str, ...]
    """Fields from the item above (or the section) to the list: (`trasparenza`, `obblighi`)."""
    modello: type[BaseModel]
    anche_testo: bool = False

    @property
    def chiave(self) -> str:
        """The key of the column that holds an item's code in the sheets below it."""
        return "@" + ".".join(self.percorso)

    @property
    def identita(self) -> str | None:
        """The field that identifies an item (its code), None when the model has none
        (the item is then named by its position, 1 for the first)."""
        return "codice" if "codice" in self.modello.model_fields else None


@dataclass(frozen=True)
class Foglio:
    """A table: the rows of one list of sub-models."""

    nome: str
    livelli: tuple[Livello, ...]
    descrizione: str

    @property
    def livello(self) -> Livello:
        return self.livelli[-1]

    @property
    def genitori(self) -> tuple[Livello, ...]:
        return self.livelli[:-1]


def fogli(modello: type[BaseModel]) -> list[Foglio]:
    """The tables of a section, in field order, each right before the tables below it."""
    trovati: list[tuple[str, tuple[Livello, ...], str]] = []
    _liste(trovati, modello, (), ())
    nomi: list[str] = []
    out: list[Foglio] = []
    etichette = [t[0] for t in trovati]
    for titolo, livelli, descrizione in trovati:
        nome = titolo
        if etichette.count(titolo) > 1 and len(livelli) > 1:
            nome = f"{etichetta(livelli[-2].percorso[-1])} - {titolo}"
        nome = _nome_foglio(nome, nomi)
        nomi.append(nome)
        out.append(Foglio(nome, livelli, descrizione))
    return out


def _nome_foglio(nome: str, presi: list[str]) -> str:
    for c in "[]:*?/\\":
        nome = nome.replace(c, " ")
    base = nome[:31].rstrip()
    candidato, n = base, 2
    while candidato.lower() in {p.lower() for p in [*presi, *RISERVATI]}:
        candidato = f"{base[: 31 - len(str(n)) - 1].rstrip()} {n}"
        n += 1
    return candidato


def _liste(
    trovati: list[tuple[str, tuple[Livello, ...], str]],
    modello: type[BaseModel],
    prima: tuple[str, ...],
    sopra: tuple[Livello, ...],
) -> None:
    for nome, info in modello.model_fields.items():
        forma = classifica(info.annotation)
        percorso = (*prima, nome)
        if forma.tipo == "modello":
            assert forma.modello is not None
            _liste(trovati, forma.modello, percorso, sopra)
        elif forma.tipo == "righe":
            assert forma.modello is not None
            livelli = (*sopra, Livello(percorso, forma.modello, forma.anche_testo))
            trovati.append((etichetta(nome), livelli, info.description or ""))
            _liste(trovati, forma.modello, (), livelli)


def righe(dati: Any, foglio: Foglio) -> Iterator[tuple[tuple[str, ...], Any]]:
    """The rows of a sheet in the section's data, each with the codes of the items it
    belongs to (outermost first)."""
    yield from _righe(dati, foglio.livelli, ())


def _elenco(dati: Any, livello: Livello) -> list[Any] | None:
    """The list of a level's items inside `dati`, None when there is none."""
    elenco: Any = dati
    for parte in livello.percorso:
        elenco = elenco.get(parte) if isinstance(elenco, dict) else None
    return elenco if isinstance(elenco, list) else None


def _righe(
    dati: Any, livelli: tuple[Livello, ...], sopra: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], Any]]:
    livello, *resto = livelli
    if (elenco := _elenco(dati, livello)) is None:
        return
    for posizione, voce in enumerate(elenco, start=1):
        if not resto:
            yield sopra, voce
            continue
        yield from _righe(voce, tuple(resto), (*sopra, identita(livello, voce, posizione)))


def identita(livello: Livello, voce: Any, posizione: int) -> str:
    """How the rows below name an item: its code, or its position."""
    campo = livello.identita
    if campo is not None and isinstance(voce, dict) and voce.get(campo) is not None:
        return str(voce[campo])
    return str(posizione)


def risolvi(modello: type[BaseModel], chiave: str) -> Colonna | None:
    """The column a key of row 2 names in a row of `modello` (`valutazione.giudizio`,
    `target.2029`), None when the model has no such value (or it is a table of its own)."""
    parti = chiave.strip().split(".")
    percorso: list[str | int] = []
    titolo = ""
    attuale: type[BaseModel] | None = modello
    i = 0
    while i < len(parti):
        if attuale is None or (info := attuale.model_fields.get(parti[i])) is None:
            return None
        percorso.append(parti[i])
        titolo += etichetta(parti[i])
        tp, i = info.annotation, i + 1
        forma = classifica(tp)
        while forma.tipo == "mappa":
            if i >= len(parti):
                return None
            k: str | int = parti[i]
            if forma.chiave is int:
                if not parti[i].isdigit():
                    return None
                k = int(parti[i])
            percorso.append(k)
            titolo += f" {k}"
            tp, i = forma.valore, i + 1
            forma = classifica(tp)
        if forma.tipo == "modello":
            attuale, titolo = forma.modello, titolo + " › "
            continue
        if i != len(parti) or forma.tipo == "righe":
            return None
        trovate: list[Colonna] = []
        _campo(
            trovate,
            tuple(percorso),
            titolo,
            tp,
            descrizione=info.description or "",
            valori=[],
            anni=(),
        )
        return trovate[0] if trovate else None
    return None


def solo_testo(livello: Livello, voce: Any) -> Any:
    """A row of a list that also admits plain texts, holding only its text field, is that
    text (`{descrizione: Istruttoria}` is «Istruttoria», the same phase): a workbook row
    cannot tell the two forms apart, so both read back as the text."""
    if livello.anche_testo and isinstance(voce, dict):
        testo = campo_testo(livello.modello)
        if set(voce) == {testo}:
            return voce[testo]
    return voce


def compatta(modello: type[BaseModel], dati: Any) -> None:
    """`dati` (plain values, changed in place) as its workbook reads it back: every row that
    is only its text written as the text (`solo_testo`)."""
    for foglio in fogli(modello):
        if foglio.livello.anche_testo:
            _compatta(dati, foglio.livelli)


def _compatta(dati: Any, livelli: tuple[Livello, ...]) -> None:
    livello, *resto = livelli
    if (elenco := _elenco(dati, livello)) is None:
        return
    for i, voce in enumerate(elenco):
        if resto:
            _compatta(voce, tuple(resto))
        else:
            elenco[i] = solo_testo(livello, voce)
