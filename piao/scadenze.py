"""The adoption deadline of a PIAO cycle, shared by the rules and the document.

Three questions decide it, each answered from reference data that carries its confidence:

- which row of `scadenze.csv` applies: the cycle, the type of ente and, for a deferral
  that concerns only some regions, the ente's region (`ente.regione`: asked, never
  guessed; without it the national row applies and the finding says so);
- whether the date falls on a Sunday or a national holiday (`festivita.csv`) and so moves
  to the next working day (art. 2963 c.3 c.c., art. 155 c.4 c.p.c.; their application to
  the PIAO is only partially verified). Saturday does not move it: art. 155 c.5 c.p.c.
  treats it as a holiday only for procedural acts done outside a hearing, and the
  adoption of the plan is an administrative act;
- how art. 8 c.2 DM 132/2022 is read: 30 days after the deferred *legal* term of the
  budget (ANCI and most practice: the reading applied) or after the ente's *actual*
  approval of the budget (a minority reading, reported when it changes the outcome).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from piao.lingua import elenco, quanti
from piao.model.anagrafica import Anagrafica
from piao.reference import Riferimenti, Scadenza
from piao.reference.tables import Confidenza

ENTI_LOCALI = ("comune", "unione_di_comuni", "comunita_montana", "provincia", "citta_metropolitana")

GIORNO = datetime.timedelta(days=1)
GIORNI_ART_8_C2 = 30
SLITTAMENTO = "art. 2963 c.3 c.c.; art. 155 c.4 c.p.c."
"""The rules that move a term falling on a holiday (DOMAIN.md §13.2)."""
CONFIDENZA_SLITTAMENTO: Confidenza = "P"
"""Their application to the PIAO deadline is not confirmed by DFP or ANAC."""

Formato = Callable[[datetime.date], str]
"""How a text prints a date: «30/03/2026» in findings, «30 marzo 2026» in the document."""

GRADO = {"V": "verificato", "P": "parzialmente verificato", "U": "non verificato"}
"""How verified a fact is, in words («termine verificato»)."""
GRADO_F = {k: v[:-1] + "a" for k, v in GRADO.items()}
"""The same for a feminine noun («data applicata parzialmente verificata»)."""


def pasqua(anno: int) -> datetime.date:
    """Easter Sunday of the Gregorian calendar (anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = anno % 19, anno // 100, anno % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    mese, giorno = divmod(h + ll - 7 * m + 114, 31)
    return datetime.date(anno, mese, giorno + 1)


@dataclass(frozen=True)
class Festivo:
    """A day on which a term cannot expire: a Sunday or a national public holiday."""

    giorno: datetime.date
    nome: str
    confidenza: Confidenza


def festivo(giorno: datetime.date, ref: Riferimenti) -> Festivo | None:
    """The holiday `giorno` is, if any (Saturday is not one)."""
    if giorno.weekday() == 6:
        return Festivo(giorno, "domenica", "V")
    for f in ref.festivita:
        if not f.in_vigore(giorno.year):
            continue
        if f.giorno == "lunedi_di_pasqua":
            if giorno == pasqua(giorno.year) + GIORNO:
                return Festivo(giorno, f.denominazione, f.confidenza)
        elif f.giorno == giorno.strftime("%m-%d"):
            return Festivo(giorno, f.denominazione, f.confidenza)
    return None


def primo_giorno_utile(
    giorno: datetime.date, ref: Riferimenti
) -> tuple[datetime.date, tuple[Festivo, ...]]:
    """The first day from `giorno` that is not a holiday, and the holidays skipped."""
    saltati: list[Festivo] = []
    while (f := festivo(giorno, ref)) is not None:
        saltati.append(f)
        giorno += GIORNO
    return giorno, tuple(saltati)


Origine = Literal["tabella", "piano", "ordinario", "minoritaria"]


@dataclass(frozen=True)
class Termine:
    """A deadline and how it comes about, in parts that a finding or the document prints."""

    data: datetime.date
    """The date applied: a plan adopted on it or before is on time."""
    aritmetico: datetime.date
    """The date of the act or of the count, before any roll-over."""
    origine: Origine
    atto: str
    confidenza: Confidenza
    """Of the arithmetic date."""
    fonte: str
    confidenza_atto: Confidenza | None = None
    bilancio: datetime.date | None = None
    """The budget date the days count from (the deferred legal term; for the minority
    reading the actual approval)."""
    giorni: int | None = None
    ambito: str = ""
    """Whom a regional row concerns: «per i comuni di Calabria, Sicilia e Sardegna»."""
    saltati: tuple[Festivo, ...] = ()
    """The holidays the date rolled over."""
    nota: str = ""
    """Why the applied date differs from the arithmetic one, when it is not a roll-over."""
    confidenza_applicato: Confidenza | None = None
    fonte_applicato: str = ""

    @property
    def art_8_c2(self) -> bool:
        """Counted from a deferred budget term under art. 8 c.2 DM 132/2022."""
        return self.bilancio is not None and self.giorni == GIORNI_ART_8_C2

    @property
    def slittato(self) -> bool:
        return self.data != self.aritmetico

    @property
    def di_sabato(self) -> bool:
        return self.aritmetico.weekday() == 5

    def base(self, fmt: Formato, *, ambito: bool = True, gradi: bool = True) -> str:
        """How the arithmetic date comes about, with its act and article (and, unless
        `ambito` is False, whom a regional row concerns; unless `gradi` is False, how
        verified the act is when it is less so than the date)."""
        atto = self.atto
        if gradi and self.confidenza_atto is not None and self.confidenza_atto != self.confidenza:
            atto += f", atto {GRADO[self.confidenza_atto]}"
        if self.origine == "ordinario":
            return "31 gennaio, art. 7 c.1 DM 132/2022 e art. 6 c.1 DL 80/2021"
        if self.origine == "minoritaria":
            assert self.bilancio is not None
            return (
                f"{quanti(self.giorni or 0, 'giorno', 'giorni')} dall'approvazione effettiva del bilancio di previsione, "
                f"il {fmt(self.bilancio)}, e non prima del 31 gennaio"
            )
        chi = f" {self.ambito}" if self.ambito and ambito else ""
        if self.bilancio is None:
            return f"{atto}{chi}"
        dichiarato = " indicato nel piano" if self.origine == "piano" else ""
        return (
            f"{quanti(self.giorni or 0, 'giorno', 'giorni')} dal termine di legge del bilancio di previsione differito al "
            f"{fmt(self.bilancio)}{chi} ({atto}){dichiarato}, art. 8 c.2 DM 132/2022"
        )

    def slittamento(self, fmt: Formato) -> str:
        """Why the applied date is not the arithmetic one; empty when they agree."""
        if not self.slittato:
            return ""
        if not self.saltati:
            return f"è applicata la data del {fmt(self.data)}: {self.nota}"
        giorni = elenco([f"il {fmt(f.giorno)} è {_festivo(f)}" for f in self.saltati])
        return (
            f"{giorni}: il termine slitta al primo giorno non festivo, il {fmt(self.data)} "
            f"({SLITTAMENTO})"
        )

    def spiegazione(self, fmt: Formato, *, gradi: bool = True) -> str:
        """The whole explanation: how the date comes about, its confidence (in findings;
        `gradi=False` for the document) and the roll-over."""
        parti = [self.base(fmt, gradi=gradi)]
        if gradi and self.origine == "tabella":
            parti[0] += f"; termine {GRADO[self.confidenza]}"
        elif gradi and self.origine == "piano":
            parti[0] += "; il ciclo non è nella tabella dei termini di riferimento"
        if self.slittato:
            testo = self.slittamento(fmt)
            if gradi:
                conf = self.confidenza_applicato or CONFIDENZA_SLITTAMENTO
                testo += f"; data applicata {GRADO_F[conf]}"
            parti.append(testo)
        return "; ".join(parti)


def _festivo(f: Festivo) -> str:
    if f.nome == "domenica":
        return "domenica"
    dubbio = ", festività non verificata" if f.confidenza == "U" else ""
    return f"festivo ({f.nome}{dubbio})"


@dataclass(frozen=True)
class Letture:
    """The adoption deadline of a plan under each reading that may change the outcome."""

    applicato: Termine
    """The majority reading, with the area the plan declares: the one errors rest on."""
    altre_regioni: tuple[Termine, ...] = ()
    """When `ente.regione` is missing: the deadlines of the regional rows that might
    apply instead (each names its regions in `ambito`)."""
    minoritaria: Termine | None = None
    """Art. 8 c.2 counted from the ente's actual approval of the budget."""


def _gruppi(tipologia: str) -> dict[str, int]:
    """The `enti` values of scadenze.csv that cover this type of ente, by specificity."""
    gruppi = {"tutti": 0}
    if tipologia in ENTI_LOCALI:
        gruppi["enti_locali"] = 1
    if tipologia == "comune":
        gruppi["comuni"] = 2
    return gruppi


def _ambito(voce: Scadenza, ref: Riferimenti) -> str:
    """«per i comuni di Calabria, Sicilia e Sardegna», in the order of regioni.csv."""
    if not voce.regioni:
        return ""
    nomi = elenco([ref.regioni[r].denominazione for r in ref.regioni if r in voce.regioni])
    chi = {"comuni": "i comuni", "enti_locali": "gli enti locali", "tutti": "gli enti"}[voce.enti]
    return f"per {chi} di {nomi}"


def _da_voce(voce: Scadenza, ref: Riferimenti) -> Termine:
    """The deadline of a table row: its applied date, else its date rolled over."""
    rolled, saltati = primo_giorno_utile(voce.termine, ref)
    data = voce.termine_applicato or rolled
    return Termine(
        data=data,
        aritmetico=voce.termine,
        origine="tabella",
        atto=voce.atto,
        confidenza=voce.confidenza,
        fonte=voce.fonte,
        confidenza_atto=voce.confidenza_atto,
        bilancio=voce.termine_bilancio,
        giorni=voce.giorni,
        ambito=_ambito(voce, ref),
        saltati=saltati if data == rolled else (),
        nota=voce.nota if data != rolled else "",
        confidenza_applicato=voce.confidenza_applicato,
        fonte_applicato=voce.fonte_applicato,
    )


def _calcolato(
    aritmetico: datetime.date,
    origine: Origine,
    atto: str,
    ref: Riferimenti,
    bilancio: datetime.date | None = None,
) -> Termine:
    """A deadline the table does not hold, rolled over to the next working day."""
    data, saltati = primo_giorno_utile(aritmetico, ref)
    return Termine(
        data=data,
        aritmetico=aritmetico,
        origine=origine,
        atto=atto,
        confidenza="V",
        fonte="",
        bilancio=bilancio,
        giorni=GIORNI_ART_8_C2 if bilancio is not None else None,
        saltati=saltati,
    )


def termine_adozione(anagrafica: Anagrafica, ref: Riferimenti) -> Letture:
    """The adoption deadline of the plan's cycle under each reading that matters."""
    da = anagrafica.triennio.da
    ente = anagrafica.ente
    gruppi = _gruppi(ente.tipologia)
    voci = [v for v in ref.scadenze_del_ciclo(da) if v.enti in gruppi]

    def piu_specifica(candidate: list[Scadenza]) -> Scadenza | None:
        return max(candidate, key=lambda v: (v.regionale, gruppi[v.enti]), default=None)

    nazionale = piu_specifica([v for v in voci if not v.regionale])
    if ente.regione is not None:
        voce = piu_specifica([v for v in voci if ente.regione in v.regioni]) or nazionale
        altre: list[Scadenza] = []
    else:
        voce = nazionale
        altre = [v for v in voci if v.regionale]
    applicato = _da_voce(voce, ref) if voce is not None else _senza_tabella(anagrafica, ref)
    return Letture(
        applicato=applicato,
        altre_regioni=tuple(_da_voce(v, ref) for v in altre),
        minoritaria=_minoritaria(anagrafica, applicato, ref),
    )


def _senza_tabella(anagrafica: Anagrafica, ref: Riferimenti) -> Termine:
    """A cycle the table does not hold: the deferral the plan declares, or 31 January."""
    differito = anagrafica.programmazione_finanziaria.termine_bilancio_differito
    if differito is not None:
        return _calcolato(
            differito.data + GIORNI_ART_8_C2 * GIORNO,
            "piano",
            differito.atto,
            ref,
            bilancio=differito.data,
        )
    return _calcolato(
        datetime.date(anagrafica.triennio.da, 1, 31), "ordinario", "art. 7 c.1 DM 132/2022", ref
    )


def _minoritaria(anagrafica: Anagrafica, applicato: Termine, ref: Riferimenti) -> Termine | None:
    """Art. 8 c.2 read as «30 days after the ente's actual approval of the budget».

    A deferral cannot bring the ordinary term forward, so this reading never gives a date
    before 31 January: an ente that approved its budget by December keeps 31 January (the
    other minority reading, DOMAIN.md §1.6 (b)), which this one therefore includes.
    """
    bilancio = anagrafica.programmazione_finanziaria.bilancio
    if not applicato.art_8_c2 or bilancio is None:
        return None
    ordinario = datetime.date(anagrafica.triennio.da, 1, 31)
    return _calcolato(
        max(ordinario, bilancio.data + GIORNI_ART_8_C2 * GIORNO),
        "minoritaria",
        bilancio.atto,
        ref,
        bilancio=bilancio.data,
    )
