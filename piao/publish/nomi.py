"""Names and labels beside codes in the open data: every column that holds codes of the
plan's objects (units, objectives, processes, measures) gets a `_nome` column after it, every
column of closed-list values an `_etichetta` column with the Italian label the document
prints. The code columns stay as they are: they are the keys for reuse."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Literal

from piao.publish.tabella import TabellaAperta
from piao.reference import riferimenti
from piao.render.etichette import etichetta

Genere = Literal["nome", "etichetta", "area"]

COLONNE: dict[str, dict[str, Genere]] = {
    "obiettivi-indicatori.csv": {"livello": "etichetta", "unita_responsabile": "nome"},
    "obiettivi.csv": {
        "livello": "etichetta",
        "valore_pubblico": "nome",
        "linee_programmatiche": "nome",
        "obiettivi_strategici_dup": "nome",
        "obiettivi_operativi_dup": "nome",
        "unita_responsabile": "nome",
        "dimensione": "etichetta",
        "orizzonte": "etichetta",
    },
    "fasi-obiettivi.csv": {"codice_obiettivo": "nome"},
    "interventi-finanziati.csv": {
        "finanziamento": "etichetta",
        "unita_responsabile": "nome",
        "obiettivi_collegati": "nome",
    },
    "architettura-programmatica.csv": {"livello": "etichetta", "collegati": "nome"},
    "processi-rischi.csv": {"area_rischio": "etichetta", "unita_responsabile": "nome"},
    "valutazioni-rischio.csv": {"codice_processo": "nome", "codice_evento": "nome"},
    "misure.csv": {
        "tipo": "etichetta",
        "misura_generale": "etichetta",
        "categoria": "etichetta",
        "processi": "nome",
        "responsabile": "nome",
    },
    "obblighi-trasparenza.csv": {
        "responsabile_dati": "nome",
        "responsabile_pubblicazione": "nome",
        "aggiornamento": "etichetta",
    },
    "assunzioni.csv": {
        "area": "area",
        "unita": "nome",
        "modalita": "etichetta",
        "contratto": "etichetta",
        "fonte_finanziamento": "etichetta",
    },
    "cessazioni.csv": {"area": "area", "motivo": "etichetta"},
    "corsi.csv": {"tema": "etichetta", "modalita": "etichetta"},
    "organi-politici.csv": {"carica": "etichetta"},
    "unita-organizzative.csv": {
        "tipo": "etichetta",
        "dipende_da": "nome",
        "unita_coordinate": "nome",
        "incarico": "etichetta",
    },
    "lavoro-agile.csv": {"tipo": "etichetta"},
    "carte-servizi.csv": {"unita_responsabile": "nome", "periodicita": "etichetta"},
}
"""For each CSV, the columns that get a name or label column right after them."""

NOTA = (
    " Accanto a ogni colonna di codici, la colonna «_nome» ne riporta i nomi; accanto a ogni "
    "valore di un elenco chiuso, la colonna «_etichetta» ne riporta la dicitura italiana."
)


def _nome(nomi: dict[str, str], valore: object) -> str:
    """Names of the space-separated codes of a cell, «; » between them; a role or other
    closed-list value (lower case) by its label, an unknown code as it is."""
    parti = str(valore).split()
    return "; ".join(nomi.get(c) or (etichetta(c) if c.islower() else c) for c in parti if c)


_VOCE = re.compile(r"[a-z0-9_]+")


def _etichetta(valore: object) -> str:
    """The label of a closed-list value, or of each of the space-separated values of a cell;
    free text (a value the plan may write in its own words) as written."""
    parti = str(valore).split()
    if not all(_VOCE.fullmatch(v) for v in parti):
        return str(valore)
    return "; ".join(etichetta(v) for v in parti)


def _area(valore: object) -> str:
    """A CCNL staff area by its name (as the document prints it)."""
    voce = riferimenti().aree_ccnl.get(str(valore))
    return voce.denominazione if voce else _etichetta(valore)


def _cella(genere: Genere, nomi: dict[str, str], valore: object) -> str:
    if genere == "nome":
        return _nome(nomi, valore)
    return _area(valore) if genere == "area" else _etichetta(valore)


def con_nomi(tabella: TabellaAperta, nomi: dict[str, str]) -> TabellaAperta:
    """The table with a `_nome` or `_etichetta` column after each column of `COLONNE`."""
    colonne = COLONNE.get(tabella.file, {})
    if not colonne:
        return tabella
    intestazioni: list[str] = []
    for h in tabella.intestazioni:
        intestazioni.append(h)
        if h in colonne:
            intestazioni.append(f"{h}_{'nome' if colonne[h] == 'nome' else 'etichetta'}")

    def riga(r: tuple[object, ...]) -> tuple[object, ...]:
        out: list[object] = []
        for h, v in zip(tabella.intestazioni, r, strict=True):
            out.append(v)
            if h in colonne:
                out.append(_cella(colonne[h], nomi, v))
        return tuple(out)

    return replace(
        tabella,
        descrizione=tabella.descrizione + NOTA,
        intestazioni=tuple(intestazioni),
        righe=tuple(riga(r) for r in tabella.righe),
    )
