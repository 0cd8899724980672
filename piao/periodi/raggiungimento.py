"""Achievement computed, not typed (issue 18 item 2): from the plan's baselines, targets,
polarities and weights and the values of one period file, the achievement of every
indicator, its band and its scostamento, rolled up indicator → objective → unit → public
value objective. Pure computation: the plan and the period come in read, a typed result goes
out; formats are the CLI's.

Formulas (stated with a worked example in docs/guida/monitoraggio.md): (a − b) / (t − b) ×
100 with a baseline; all-or-nothing when t = b; a / t or t / a without a baseline;
mantenimento 100 within a tolerance, else 100 − |a − t| / |t| × 100; qualitative values by
the plan's declared mapping only. Capped to 0–100 (the uncapped value kept); banded by the
plan's thresholds or piao's conventions (the law sets none); scostamento a − t; roll-up by
weighted mean of the measured parts (equal weights when a weight is missing); rettifiche
replace the computed value and are shown as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from piao.findings import Controllo, Finding, Location, Severity
from piao.model import SEZIONI
from piao.model.base import Indicatore
from piao.model.monitoraggio import Monitoraggio, ParametriRaggiungimento
from piao.model.performance import ObiettivoPerformance
from piao.model.periodo import EsitoRaggiungimento, PeriodoMonitoraggio, Rettifica
from piao.periodi.piano import PeriodoError, PianoLetto
from piao.periodi.soddisfazione import IndiceSoddisfazione, indici
from piao.periodi.soglie import Soglia, soglia

if TYPE_CHECKING:
    # controllo computes the achievements once, as it reads a period file (PeriodoLetto.esito)
    from piao.periodi.controllo import PeriodoLetto

Livello = Literal["indicatore", "obiettivo", "unita", "valore_pubblico"]

RAGGIUNGIMENTO_CHECKS: dict[str, Controllo] = {
    "unmapped": Controllo(
        "MR001",
        "raggiungimento.testo-senza-corrispondenza",
        "Il valore testuale di un indicatore qualitativo ha nel piano il suo grado di "
        "raggiungimento (monitoraggio.yaml, «raggiungimento»): piao non lo indovina.",
    ),
    "not_computable": Controllo(
        "MR002",
        "raggiungimento.non-calcolabile",
        "Il raggiungimento di un indicatore si calcola quando valore e target sono "
        "confrontabili (due numeri, o un testo con la sua corrispondenza).",
        Severity.WARNING,
    ),
    "plan_incomplete": Controllo(
        "MR003",
        "raggiungimento.piano-con-errori",
        "Il raggiungimento si calcola su un piano le cui sezioni sono valide: gli indicatori "
        "di una sezione con errori non sono letti.",
    ),
}

REGOLA_PERIODO_PARZIALE = (
    "Periodo parziale ({periodo}): il piano non ha target intermedi, quindi i valori si "
    "confrontano con il target dell'anno {anno}; il raggiungimento di un periodo parziale "
    "misura l'avanzamento verso il target annuale, non un esito finale."
)


@dataclass(frozen=True)
class Parametri:
    """Thresholds, tolerance and qualitative mappings in force, and where they come from."""

    soglia_raggiunto: float
    soglia_parziale: float
    tolleranza_mantenimento: float
    valori_qualitativi: dict[str, float]
    qualitativi: dict[str, dict[str, float]]
    dal_piano: bool
    """True when monitoraggio.yaml sets them; False: piao's conventions."""

    def fascia(self, percentuale: float | None) -> EsitoRaggiungimento:
        if percentuale is None:
            return "non_rilevato"
        # Binary fractions: (79.1 − 71) / (80 − 71) is 89.99999999999999, not the 90 a hand
        # computation gives; a band is decided on the value rounded far below what is shown.
        percentuale = round(percentuale, 6)
        if percentuale >= self.soglia_raggiunto:
            return "raggiunto"
        if percentuale >= self.soglia_parziale:
            return "parzialmente_raggiunto"
        return "non_raggiunto"

    def corrispondenza(self, codice: str, testo: str) -> float | None:
        chiave = _chiave(testo)
        for tabella in (self.qualitativi.get(codice, {}), self.valori_qualitativi):
            for scritto, percentuale in tabella.items():
                if _chiave(scritto) == chiave:
                    return percentuale
        return None


@dataclass(frozen=True)
class EsitoIndicatore:
    codice: str
    descrizione: str
    obiettivo: str
    """The code of the objective the indicator measures."""
    unita_misura: str | None
    verso: str | None
    baseline: float | str | None
    target: float | str | None
    valore: float | str | None
    peso: float | None
    metodo: str
    """The formula applied, in Italian."""
    percentuale_grezza: float | None
    """Before the cap: above 100 is over-achievement."""
    percentuale_calcolata: float | None
    """Capped to 0–100."""
    percentuale: float | None
    """The one that counts: the rettifica's when there is one."""
    esito: EsitoRaggiungimento
    scostamento: float | None
    scostamento_relativo: float | None
    rettifica: Rettifica | None = None
    note: tuple[str, ...] = ()


@dataclass(frozen=True)
class EsitoAggregato:
    """An objective, a unit or a public value objective: the weighted mean of its parts."""

    livello: Livello
    codice: str
    titolo: str
    percentuale_calcolata: float | None
    percentuale: float | None
    esito: EsitoRaggiungimento
    parti: tuple[str, ...]
    """The codes it is computed from."""
    pesi: str
    """«pesi del piano» or «pesi uguali»."""
    non_rilevate: tuple[str, ...] = ()
    """Parts left out of the mean because not measured."""
    rettifica: Rettifica | None = None
    percentuale_indicatori: float | None = None
    """For a public value objective: the mean of its own (impact) indicators."""
    note: tuple[str, ...] = ()


@dataclass
class Raggiungimento:
    """The achievements of one period."""

    periodo: PeriodoMonitoraggio
    file: str
    parametri: Parametri
    regola_periodo: str | None
    """Set for a partial period: the rule applied to compare it with annual targets."""
    indicatori: list[EsitoIndicatore] = field(default_factory=list)
    obiettivi: list[EsitoAggregato] = field(default_factory=list)
    unita: list[EsitoAggregato] = field(default_factory=list)
    valore_pubblico: list[EsitoAggregato] = field(default_factory=list)
    soddisfazione: list[IndiceSoddisfazione] = field(default_factory=list)
    """The satisfaction indices of the period's surveys (whole survey, then per service)."""
    findings: list[Finding] = field(default_factory=list)
    calcolato: bool = True
    """False when the period file has errors: `findings` says which."""


def parametri(piano: PianoLetto) -> Parametri:
    m = piano.sections.get("monitoraggio")
    p = m.raggiungimento if isinstance(m, Monitoraggio) else None
    base = p or ParametriRaggiungimento()
    return Parametri(
        base.soglia_raggiunto,
        base.soglia_parziale,
        base.tolleranza_mantenimento,
        dict(base.valori_qualitativi),
        {k: dict(v) for k, v in base.qualitativi.items()},
        p is not None,
    )


def calcola(piano: PianoLetto, letto: PeriodoLetto) -> Raggiungimento:
    """The achievements of a period file read against its plan. `leggi_periodo` calls it,
    once per file: the others read `PeriodoLetto.esito`."""
    if letto.periodo is None:
        raise PeriodoError(f"«{letto.path.name}» non è il nome di un periodo")
    periodo = letto.periodo
    par = parametri(piano)
    regola = (
        REGOLA_PERIODO_PARZIALE.format(periodo=periodo.descrizione, anno=periodo.anno)
        if periodo.frazione is not None
        else None
    )
    out = Raggiungimento(periodo, letto.name, par, regola)
    dati = letto.dati
    if dati is None:
        out.calcolato = False
        out.findings = [f for f in letto.findings if f.severity is Severity.ERROR]
        return out
    out.soddisfazione = indici(dati)
    for sezione in SEZIONI:
        if sezione.key in piano.incompleti:
            out.findings.append(
                RAGGIUNGIMENTO_CHECKS["plan_incomplete"].finding(
                    f"La sezione {sezione.file} del piano ha errori: i suoi indicatori e "
                    "obiettivi non entrano nel calcolo.",
                    Location(sezione.file),
                    hint=f"Correggerla (piao check {piano.folder}), poi ricalcolare.",
                )
            )
    rettifiche = dati.rettifiche
    per_obiettivo: dict[str, list[EsitoIndicatore]] = {}
    oggetti: list[tuple[str, BaseModel]] = []
    for codice, trovati in piano.per_codice.items():
        for o in trovati:
            indicatori = getattr(o.model, "indicatori", None)
            if not isinstance(indicatori, list) or not indicatori:
                continue
            if not all(isinstance(i, Indicatore) for i in indicatori):
                continue
            oggetti.append((codice, o.model))
            for ind in indicatori:
                e = _indicatore(
                    ind,
                    obiettivo=codice,
                    periodo=periodo,
                    letto=letto,
                    par=par,
                    rettifica=rettifiche.get(ind.codice),
                    out=out,
                )
                if e is not None:
                    out.indicatori.append(e)
                    per_obiettivo.setdefault(codice, []).append(e)
    for codice, model in oggetti:
        parti = per_obiettivo.get(codice, [])
        if not parti and codice not in rettifiche:
            continue
        pct, pesi, mancanti = _media([(e.codice, e.percentuale, e.peso) for e in parti])
        titolo = str(getattr(model, "titolo", "") or getattr(model, "denominazione", ""))
        out.obiettivi.append(
            _aggregato(
                "obiettivo",
                codice,
                titolo,
                pct=pct,
                pesi=pesi,
                parti=parti,
                mancanti=mancanti,
                par=par,
                rettifiche=rettifiche,
            )
        )
    _unita_e_valore_pubblico(piano, out, par)
    return out


def _chiave(testo: str) -> str:
    return " ".join(testo.casefold().split())


def _numero(v: object) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _indicatore(
    ind: Indicatore,
    *,
    obiettivo: str,
    periodo: PeriodoMonitoraggio,
    letto: PeriodoLetto,
    par: Parametri,
    rettifica: Rettifica | None,
    out: Raggiungimento,
) -> EsitoIndicatore | None:
    assert letto.dati is not None
    rilevato = letto.dati.indicatori.get(ind.codice)
    target = ind.target.get(periodo.anno)
    note: list[str] = []
    if target is None and rilevato is not None and ind.target_triennio is not None:
        target = ind.target_triennio
        note.append("confrontato con il target del triennio (il piano non ha il target dell'anno)")
    if target is None and rilevato is None:
        return None  # not due in this period
    baseline = ind.baseline.valore if ind.baseline is not None else None
    valore = rilevato.valore if rilevato is not None else None
    grezza: float | None = None
    metodo = "non calcolato"
    dove = letto.sources.locate(letto.name, ("indicatori", ind.codice, "valore"))
    if rilevato is None:
        note.append("nessun valore nel file del periodo")
    elif rilevato.non_rilevato is not None:
        note.append(f"non rilevato: {rilevato.non_rilevato}")
    elif target is None:
        note.append(f"il piano non ha un target per il {periodo.anno}")
    elif isinstance(valore, str):
        grezza = par.corrispondenza(ind.codice, valore)
        if grezza is None:
            out.findings.append(
                RAGGIUNGIMENTO_CHECKS["unmapped"].finding(
                    f"Il valore «{valore[:60]}» dell'indicatore «{ind.codice}» non ha un grado "
                    "di raggiungimento dichiarato nel piano: l'indicatore è «non rilevato».",
                    dove,
                    hint="Dichiararlo in monitoraggio.yaml, sotto raggiungimento → qualitativi → "
                    f"{ind.codice} (es. «{valore[:30]}: 100»), o scrivere un valore previsto.",
                )
            )
            note.append("valore testuale senza corrispondenza nel piano")
        else:
            metodo = "corrispondenza del valore qualitativo dichiarata nel piano"
    else:
        grezza, metodo = _formula(
            ind, float(valore) if valore is not None else 0.0, target, baseline, par
        )
        if grezza is None:
            out.findings.append(
                RAGGIUNGIMENTO_CHECKS["not_computable"].finding(
                    f"Il raggiungimento dell'indicatore «{ind.codice}» non si calcola: {metodo}.",
                    dove,
                    hint="Esprimere il target dell'anno con un numero nel piano, o riconoscere "
                    "il raggiungimento con una rettifica motivata.",
                )
            )
            note.append(metodo)
            metodo = "non calcolato"
    calcolata = None if grezza is None else min(100.0, max(0.0, grezza))
    if grezza is not None and grezza > 100:
        note.append(f"oltre il target: {grezza:.1f} % prima del limite di 100".replace(".", ","))
    limite = soglia(target)
    if limite is not None and grezza is not None:
        note.append(limite.lettura)
    a, t = _numero(valore), _numero(target) if limite is None else limite.valore
    scostamento = a - t if a is not None and t is not None else None
    relativo = scostamento / abs(t) * 100 if scostamento is not None and t else None
    percentuale, esito = _rettifica(calcolata, par, rettifica)
    return EsitoIndicatore(
        ind.codice,
        ind.descrizione,
        obiettivo,
        ind.unita_misura,
        ind.polarita,
        baseline,
        target,
        valore,
        ind.peso,
        metodo,
        grezza,
        calcolata,
        percentuale,
        esito,
        scostamento,
        relativo,
        rettifica,
        tuple(note),
    )


def _formula(
    ind: Indicatore,
    a: float,
    target: float | str,
    baseline: float | str | None,
    par: Parametri,
) -> tuple[float | None, str]:
    """The uncapped percentage and the formula applied; (None, why) when not computable."""
    limite = soglia(target)
    if limite is not None:
        return _soglia(ind, a, limite, _numero(baseline))
    t = _numero(target)
    if t is None:
        return None, f"il target «{target}» non è un numero"
    b = _numero(baseline)
    verso = ind.polarita
    if verso == "mantenimento":
        tol = par.tolleranza_mantenimento / 100 * abs(t)
        if abs(a - t) <= tol:
            return (
                100.0,
                f"mantenimento: entro la tolleranza del {_pct(par.tolleranza_mantenimento)} del target",
            )
        if t == 0:
            return 0.0, "mantenimento di un target zero: fuori tolleranza"
        return 100 - abs(a - t) / abs(
            t
        ) * 100, "mantenimento: 100 − |valore − target| / |target| × 100"
    if b is not None and t != b:
        if verso is None:
            verso_nota = " (verso non indicato: quello da partenza a target)"
        elif (verso == "crescente") != (t > b):
            return (
                None,
                f"il target {t:g} va nel verso opposto a «{verso}» rispetto alla partenza {b:g}",
            )
        else:
            verso_nota = ""
        return (a - b) / (
            t - b
        ) * 100, f"(valore − partenza) / (target − partenza) × 100{verso_nota}"
    if b is not None:  # target equal to the baseline: nothing to divide by
        giusto = a >= t if verso == "crescente" else a <= t if verso == "decrescente" else a == t
        return (
            100.0 if giusto else 0.0
        ), "target uguale alla partenza: 100 se il target è rispettato, altrimenti 0"
    if verso == "decrescente" and t >= 0:
        if a <= t:
            return 100.0, "senza partenza, decrescente: valore non oltre il target"
        return t / a * 100, "senza partenza, decrescente: target / valore × 100"  # a > t ≥ 0
    if verso == "crescente" and t > 0:
        return a / t * 100, "senza partenza: valore / target × 100"
    return None, "senza valore di partenza né verso utilizzabile"


def _soglia(ind: Indicatore, a: float, limite: Soglia, b: float | None) -> tuple[float | None, str]:
    """A threshold target: 100 when the value respects it; otherwise the way made from the
    baseline towards the threshold, as for a target of that number in the threshold's
    direction."""
    if ind.polarita not in (None, limite.verso):
        return None, f"il target «{limite.scritta}» va nel verso opposto a «{ind.polarita}»"
    formula = (
        "soglia: 100 se rispettata, altrimenti (valore − partenza) / (soglia − partenza) × 100"
    )
    if limite.rispettata(a):
        return 100.0, formula
    if b is None or limite.rispettata(b):
        return 0.0, formula  # no way made towards it can be measured
    return (a - b) / (limite.valore - b) * 100, formula


def _pct(x: float) -> str:
    return (f"{x:g}" + " %").replace(".", ",")


def _rettifica(
    calcolata: float | None, par: Parametri, rettifica: Rettifica | None
) -> tuple[float | None, EsitoRaggiungimento]:
    """The percentage and band that count: a rettifica's percentage replaces the computed
    one; a rettifica giving only the band replaces the band (the percentage stays the computed
    one, and «non_rilevato» leaves it out of the roll-up)."""
    if rettifica is None:
        return calcolata, par.fascia(calcolata)
    if rettifica.percentuale is not None:
        pct = float(rettifica.percentuale)
        return pct, rettifica.esito or par.fascia(pct)
    assert rettifica.esito is not None
    return (None if rettifica.esito == "non_rilevato" else calcolata), rettifica.esito


def _media(
    parti: Sequence[tuple[str, float | None, float | None]],
) -> tuple[float | None, str, tuple[str, ...]]:
    """Weighted mean of the measured parts; the weights of the plan when every part has one."""
    misurate = [(c, p, w) for c, p, w in parti if p is not None]
    mancanti = tuple(c for c, p, _ in parti if p is None)
    pesati = all(w is not None for _, _, w in parti) and sum(w or 0 for *_, w in misurate) > 0
    pesi = "pesi del piano" if pesati else "pesi uguali"
    if not misurate:
        return None, pesi, mancanti
    if pesati:
        totale = sum(w or 0 for *_, w in misurate)
        return sum(p * (w or 0) for _, p, w in misurate) / totale, pesi, mancanti
    return sum(p for _, p, _ in misurate) / len(misurate), pesi, mancanti


def _aggregato(
    livello: Livello,
    codice: str,
    titolo: str,
    *,
    pct: float | None,
    pesi: str,
    parti: Sequence[EsitoIndicatore | EsitoAggregato],
    mancanti: tuple[str, ...],
    par: Parametri,
    rettifiche: dict[str, Rettifica],
) -> EsitoAggregato:
    rettifica = rettifiche.get(codice) if livello == "obiettivo" else None
    percentuale, esito = _rettifica(pct, par, rettifica)
    note = (
        (f"non rilevati e non conteggiati: {', '.join(mancanti)}",)
        if mancanti and pct is not None
        else ()
    )
    return EsitoAggregato(
        livello,
        codice,
        titolo,
        pct,
        percentuale,
        esito,
        tuple(p.codice for p in parti),
        pesi,
        mancanti,
        rettifica,
        note=note,
    )


def _unita_e_valore_pubblico(piano: PianoLetto, out: Raggiungimento, par: Parametri) -> None:
    """Performance objectives → their unit and their public value objective (weights: the
    objectives' `peso`)."""
    esiti = {e.codice: e for e in out.obiettivi}
    per_unita: dict[str, list[tuple[EsitoAggregato, float | None]]] = {}
    per_vp: dict[str, list[tuple[EsitoAggregato, float | None]]] = {}
    for o in piano.tutti("ObiettivoPerformance"):
        model = o.model
        assert isinstance(model, ObiettivoPerformance)
        e = esiti.get(model.codice)
        if e is None:
            continue
        if model.unita_responsabile:
            per_unita.setdefault(model.unita_responsabile, []).append((e, model.peso))
        if model.valore_pubblico:
            per_vp.setdefault(model.valore_pubblico, []).append((e, model.peso))
    for o in piano.tutti("ObiettivoValorePubblico"):
        if o.codice in esiti:
            per_vp.setdefault(o.codice, [])
    for livello, gruppi, dest in (
        ("unita", per_unita, out.unita),
        ("valore_pubblico", per_vp, out.valore_pubblico),
    ):
        for codice, parti in gruppi.items():
            pct, pesi, mancanti = _media([(e.codice, e.percentuale, w) for e, w in parti])
            trovati = piano.per_codice.get(codice, [])
            nominato = trovati[0].model if trovati else None
            titolo = str(
                getattr(nominato, "denominazione", None) or getattr(nominato, "titolo", "") or ""
            )
            a = _aggregato(
                "unita" if livello == "unita" else "valore_pubblico",
                codice,
                titolo,
                pct=pct,
                pesi=pesi,
                parti=[e for e, _ in parti],
                mancanti=mancanti,
                par=par,
                rettifiche={},
            )
            if livello == "valore_pubblico":
                proprio = esiti.get(codice)
                a = replace(a, percentuale_indicatori=proprio.percentuale if proprio else None)
            dest.append(a)
