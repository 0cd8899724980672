"""Typed loaders of the reference CSV tables (stdlib csv only; read once, cached)."""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

Confidenza = Literal["V", "P", "U"]
Forza = Literal["vincolante", "indirizzo", "giurisprudenza"]
"""Binding force of a legal source: statute, regulation, ministerial decree with regulatory
force or national collective contract (vincolante); directive, ANAC or DFP guidance,
circular (indirizzo, soft law); a court's reading (giurisprudenza). DOMAIN.md §13.1."""
DATA = Path(__file__).resolve().parent / "data"

FORZA_IT: dict[str, str] = {
    "vincolante": "norma vincolante",
    "indirizzo": "atto di indirizzo (non vincolante)",
    "giurisprudenza": "orientamento giurisprudenziale",
}

CONFIDENZA_IT: dict[str, str] = {
    "V": "verificata",
    "P": "parzialmente verificata",
    "U": "non verificata",
}


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of a table; lines starting with «#» before the header are its notes."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        lines = list(handle)
    start = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    return list(csv.DictReader(lines[start:]))


def _conf(value: str) -> Confidenza:
    if value not in ("V", "P", "U"):
        raise ValueError(f"confidence tag {value!r} is not V, P or U")
    return value  # type: ignore[return-value]


def _forza(value: str) -> Forza:
    if value not in ("vincolante", "indirizzo", "giurisprudenza"):
        raise ValueError(f"binding force {value!r} is not vincolante, indirizzo or giurisprudenza")
    return value  # type: ignore[return-value]


def _conf_or_none(value: str) -> Confidenza | None:
    return _conf(value) if value else None


def _date_or_none(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _int_or_none(value: str) -> int | None:
    return int(value) if value else None


def _yes(value: str) -> bool:
    return value.strip().lower() in ("sì", "si", "yes", "true")


@dataclass(frozen=True)
class Norma:
    """A legal act (or a part of it) that rules cite as their basis."""

    id: str
    atto: str
    articolo: str
    comma: str
    titolo: str
    url: str
    confidenza: Confidenza
    forza: Forza
    eccezione: str
    """The exception the text itself admits («salva motivata impossibilità»); empty: none."""
    fonte: str

    @property
    def vincolante(self) -> bool:
        return self.forza == "vincolante"

    @property
    def citazione(self) -> str:
        """Italian citation: «art. 6 c.1 D.L. ...»."""
        parts = []
        if self.articolo:
            parts.append(f"art. {self.articolo}")
        if self.comma:
            parts.append(f"c. {self.comma}")
        parts.append(self.atto)
        return " ".join(parts)


@dataclass(frozen=True)
class Voce:
    """A coded entry of a closed list (missione, risk indicator...)."""

    codice: str
    denominazione: str
    confidenza: Confidenza


@dataclass(frozen=True)
class Programma(Voce):
    solo_regioni: bool

    @property
    def missione(self) -> str:
        return self.codice[:2]


@dataclass(frozen=True)
class AreaRischio(Voce):
    tipo: str
    l190_c16: bool


@dataclass(frozen=True)
class MisuraGenerale(Voce):
    base_normativa: str
    richiesta: bool
    piccoli_comuni: bool


@dataclass(frozen=True)
class AreaCcnl(Voce):
    ex_categoria: str
    comparto: bool

    @property
    def legacy(self) -> bool:
        return self.codice.startswith("categoria_")


@dataclass(frozen=True)
class NodoTrasparenza:
    livello_1: str
    livello_2: str
    """The wording of delibera ANAC 1310/2016 as published in the AgID vocabulary (S85)."""
    ambito: str
    confidenza: Confidenza
    alias: tuple[str, ...] = ()
    """Other wordings in use for the same sub-section (older lists, plugins, typos of sources)."""


@dataclass(frozen=True)
class FasciaDemografica:
    fascia: str
    popolazione_min: int
    popolazione_max: int | None
    tabella_1: float
    tabella_3: float
    confidenza_tabella_1: Confidenza
    confidenza_tabella_3: Confidenza

    def contiene(self, popolazione: int) -> bool:
        return popolazione >= self.popolazione_min and (
            self.popolazione_max is None or popolazione <= self.popolazione_max
        )


@dataclass(frozen=True)
class OreFormazione:
    dal_anno: int
    al_anno: int | None
    ore: float
    atto: str
    confidenza: Confidenza


EntiScadenza = Literal["tutti", "enti_locali", "comuni"]


@dataclass(frozen=True)
class Scadenza:
    """The adoption deadline of one cycle for one area (type of ente, and regions or the
    whole country), with the act behind it and, when it differs, the date applied."""

    triennio_da: int
    enti: EntiScadenza
    regioni: frozenset[str]
    """Codes of `regioni.csv`; empty for the whole country."""
    atto: str
    confidenza_atto: Confidenza
    termine_bilancio: datetime.date | None
    """The deferred legal term of the budget, when the deadline counts from it."""
    giorni: int | None
    """Days after the budget term (art. 8 c.2 DM 132/2022: 30)."""
    termine: datetime.date
    """The arithmetic date (or the date the act fixes)."""
    confidenza: Confidenza
    fonte: str
    termine_applicato: datetime.date | None
    """The date applied when it differs from `termine`: the next working day, or the date
    practice reports; None to compute the roll-over from the holiday table."""
    confidenza_applicato: Confidenza | None
    fonte_applicato: str
    nota: str

    @property
    def regionale(self) -> bool:
        return bool(self.regioni)


@dataclass(frozen=True)
class Festivita:
    """A national public holiday: a fixed day (MM-GG) or Easter Monday."""

    giorno: str
    denominazione: str
    dal_anno: int | None
    al_anno: int | None
    confidenza: Confidenza
    fonte: str

    def in_vigore(self, anno: int) -> bool:
        return (self.dal_anno is None or self.dal_anno <= anno) and (
            self.al_anno is None or anno <= self.al_anno
        )


@dataclass(frozen=True)
class Collocazione:
    """A sub-section of Amministrazione trasparente from which the PIAO, or one of its
    parts, is published or linked (DOMAIN.md §4.2: practice, no single official place)."""

    livello_1: str
    livello_2: str
    gruppo: str
    """Rows of one group are alternatives: a plan's obligations must cover one of them;
    empty for a link that is advised but not checked."""
    sezione: str
    """What the link points at: a section key of the plan, «dati_aperti», or empty for the
    whole PIAO page."""
    riferimento: str
    contenuto: str
    """What to link, for a row that is not about one section (a section row names its section)."""
    confidenza: Confidenza
    fonte: str


@dataclass(frozen=True)
class Riferimenti:
    """All reference tables, loaded once."""

    norme: dict[str, Norma]
    missioni: dict[str, Voce]
    missioni_tecniche: frozenset[str]
    programmi: dict[str, Programma]
    aree_rischio: dict[str, AreaRischio]
    indicatori_rischio: dict[str, Voce]
    misure_generali: dict[str, MisuraGenerale]
    albero_trasparenza: tuple[NodoTrasparenza, ...]
    fasce: tuple[FasciaDemografica, ...]
    aree_ccnl: dict[str, AreaCcnl]
    ore_formazione: tuple[OreFormazione, ...]
    scadenze: tuple[Scadenza, ...]
    festivita: tuple[Festivita, ...]
    regioni: dict[str, Voce]
    collocazioni_piao: tuple[Collocazione, ...]

    def fascia(self, popolazione: int) -> FasciaDemografica:
        return next(f for f in self.fasce if f.contiene(popolazione))

    def ore_minime(self, anno: int) -> OreFormazione | None:
        for voce in self.ore_formazione:
            if voce.dal_anno <= anno and (voce.al_anno is None or anno <= voce.al_anno):
                return voce
        return None

    def scadenze_del_ciclo(self, triennio_da: int) -> list[Scadenza]:
        return [v for v in self.scadenze if v.triennio_da == triennio_da]

    def sottosezioni(self, alias: bool = False) -> dict[str, set[str]]:
        """First level → second-level labels (with their aliases when asked)."""
        out: dict[str, set[str]] = {}
        for nodo in self.albero_trasparenza:
            out.setdefault(nodo.livello_1, set()).update(
                (nodo.livello_2, *nodo.alias) if alias else (nodo.livello_2,)
            )
        return out


def _enti(value: str) -> EntiScadenza:
    if value not in ("tutti", "enti_locali", "comuni"):
        raise ValueError(f"scadenze.csv: enti {value!r} is not tutti, enti_locali or comuni")
    return value  # type: ignore[return-value]


def _scadenza(r: dict[str, str]) -> Scadenza:
    return Scadenza(
        triennio_da=int(r["triennio_da"]),
        enti=_enti(r["enti"]),
        regioni=frozenset(r["regioni"].split()),
        atto=r["atto"],
        confidenza_atto=_conf(r["confidenza_atto"]),
        termine_bilancio=_date_or_none(r["termine_bilancio"]),
        giorni=_int_or_none(r["giorni"]),
        termine=datetime.date.fromisoformat(r["termine"]),
        confidenza=_conf(r["confidenza"]),
        fonte=r["fonte"],
        termine_applicato=_date_or_none(r["termine_applicato"]),
        confidenza_applicato=_conf_or_none(r["confidenza_applicato"]),
        fonte_applicato=r["fonte_applicato"],
        nota=r["nota"],
    )


@cache
def riferimenti() -> Riferimenti:
    norme = {
        r["id"]: Norma(
            r["id"],
            r["atto"],
            r["articolo"],
            r["comma"],
            r["titolo"],
            r["url"],
            _conf(r["confidenza"]),
            _forza(r["forza"]),
            r["eccezione"],
            r["fonte"],
        )
        for r in _rows("norme.csv")
    }
    missioni_rows = _rows("missioni.csv")
    return Riferimenti(
        norme=norme,
        missioni={
            r["codice"]: Voce(r["codice"], r["denominazione"], _conf(r["confidenza"]))
            for r in missioni_rows
        },
        missioni_tecniche=frozenset(r["codice"] for r in missioni_rows if _yes(r["tecnica"])),
        programmi={
            r["codice"]: Programma(
                r["codice"], r["denominazione"], _conf(r["confidenza"]), _yes(r["solo_regioni"])
            )
            for r in _rows("programmi.csv")
        },
        aree_rischio={
            r["codice"]: AreaRischio(
                r["codice"],
                r["denominazione"],
                _conf(r["confidenza"]),
                r["tipo"],
                _yes(r["l190_c16"]),
            )
            for r in _rows("aree_rischio.csv")
        },
        indicatori_rischio={
            r["codice"]: Voce(r["codice"], r["denominazione"], _conf(r["confidenza"]))
            for r in _rows("indicatori_rischio.csv")
        },
        misure_generali={
            r["codice"]: MisuraGenerale(
                r["codice"],
                r["denominazione"],
                _conf(r["confidenza"]),
                r["base_normativa"],
                _yes(r["richiesta"]),
                _yes(r["piccoli_comuni"]),
            )
            for r in _rows("misure_generali.csv")
        },
        albero_trasparenza=tuple(
            NodoTrasparenza(
                r["livello_1"],
                r["livello_2"],
                r["ambito"],
                _conf(r["confidenza"]),
                tuple(a for a in r["alias"].split("|") if a),
            )
            for r in _rows("albero_trasparenza.csv")
        ),
        fasce=tuple(
            FasciaDemografica(
                r["fascia"],
                int(r["popolazione_min"]),
                int(r["popolazione_max"]) if r["popolazione_max"] else None,
                float(r["tabella_1"]),
                float(r["tabella_3"]),
                _conf(r["confidenza_tabella_1"]),
                _conf(r["confidenza_tabella_3"]),
            )
            for r in _rows("soglie_dm_17_03_2020.csv")
        ),
        aree_ccnl={
            r["codice"]: AreaCcnl(
                r["codice"],
                r["denominazione"],
                _conf(r["confidenza"]),
                r["ex_categoria"],
                _yes(r["comparto"]),
            )
            for r in _rows("aree_ccnl.csv")
        },
        ore_formazione=tuple(
            OreFormazione(
                int(r["dal_anno"]),
                int(r["al_anno"]) if r["al_anno"] else None,
                float(r["ore_annue_per_dipendente"]),
                r["atto"],
                _conf(r["confidenza"]),
            )
            for r in _rows("ore_formazione.csv")
        ),
        scadenze=tuple(_scadenza(r) for r in _rows("scadenze.csv")),
        festivita=tuple(
            Festivita(
                r["giorno"],
                r["denominazione"],
                _int_or_none(r["dal_anno"]),
                _int_or_none(r["al_anno"]),
                _conf(r["confidenza"]),
                r["fonte"],
            )
            for r in _rows("festivita.csv")
        ),
        regioni={
            r["codice"]: Voce(r["codice"], r["denominazione"], _conf(r["confidenza"]))
            for r in _rows("regioni.csv")
        },
        collocazioni_piao=tuple(
            Collocazione(
                r["livello_1"],
                r["livello_2"],
                r["gruppo"],
                r["sezione"],
                r["riferimento"],
                r["contenuto"],
                _conf(r["confidenza"]),
                r["fonte"],
            )
            for r in _rows("collocazioni_piao.csv")
        ),
    )
