"""User satisfaction in a period (issue 18 item 3): the satisfaction index of each survey,
service and channel, computed from the period file, and the one source of truth for an
indicator the plan measures with a survey.

Formulas (the guide, docs/guida/monitoraggio.md, states them for users):

- emoticon («Mettiamoci la faccia»): index = positivo / (positivo + sufficiente + negativo)
  × 100, the share of positive judgements; the sample is the number of judgements;
- questionnaire: each item's mean rescaled to 0–100, (media − scala_min) / (scala_max −
  scala_min) × 100; the result's index is the mean of its items weighted by the answers to
  each item (the respondents when an item does not say); the sample is the respondents (or,
  when not given, the most answers to one item);
- a whole survey: the mean of its results' indices weighted by their samples (for emoticons
  alone this is the pooled share of positive judgements); a plain mean, with a note, when a
  result has no sample size;
- response rate = sample / contatti × 100, when the contacts are given;
- a sample under `CAMPIONE_MINIMO` gets a note: a piao convention, not a legal threshold.

Pure: no rendering, no I/O. The findings (two sources for one value, a survey without
results in a yearly file) are computed here and reported by `piao monitoraggio check`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from piao.findings import Controllo, Finding, Location, Severity
from piao.loading.plan import SourceMap
from piao.model.base import PLACEHOLDERS
from piao.model.monitoraggio import Monitoraggio, RilevazioneSoddisfazione
from piao.model.periodo import DatiPeriodo, PeriodoMonitoraggio, ValoreRilevato
from piao.model.soddisfazione import RisultatiRilevazione, RisultatoServizio
from piao.periodi.piano import PianoLetto

CAMPIONE_MINIMO = 30
"""Below this many judgements or respondents an index is only indicative (a piao
convention, the usual rule of thumb for a mean; no law fixes it)."""

_ANNUALI = {None, "mensile", "trimestrale", "quadrimestrale", "semestrale", "annuale"}
"""Periodicities that make a survey due in every year (not biennale, triennale)."""

SODDISFAZIONE_CHECKS: dict[str, Controllo] = {
    "double_source": Controllo(
        "MS001",
        "periodo.soddisfazione-doppia-fonte",
        "Il valore di un indicatore misurato da una rilevazione della soddisfazione viene "
        "dalla rilevazione e non si scrive anche sotto «indicatori».",
    ),
    "missing": Controllo(
        "MS002",
        "periodo.soddisfazione-senza-risultati",
        "Il file annuale di monitoraggio ha i risultati di ogni rilevazione della "
        "soddisfazione che il piano dichiara (art. 6 c.3 DL 80/2021; art. 5 DM 132/2022).",
        Severity.WARNING,
    ),
}


@dataclass(frozen=True)
class IndiceSoddisfazione:
    """The satisfaction index of a survey, or of one of its services and channels."""

    rilevazione: str
    servizio: str | None
    """None for the whole survey."""
    canale: str | None
    indice: float | None
    """0–100; None when there is nothing to compute it from (no judgements)."""
    campione: int | None
    """Judgements or respondents; None when the file does not say."""
    tasso_risposta: float | None
    """Sample / contacts × 100, when the contacts are given."""
    note: tuple[str, ...] = ()


def _nota_campione(campione: int | None) -> list[str]:
    if campione is None:
        return ["numero di rispondenti non indicato: l'indice non si può pesare"]
    if campione < CAMPIONE_MINIMO:
        return [
            f"campione ridotto ({campione}, meno di {CAMPIONE_MINIMO}: soglia convenzionale "
            "di piao, non di legge): l'indice è solo indicativo"
        ]
    return []


def _tasso(campione: int | None, contatti: int | None) -> tuple[float | None, list[str]]:
    if campione is None or not contatti:
        return None, []
    tasso = campione / contatti * 100
    nota = ["più risposte che contatti: controllare il numero dei contatti"] if tasso > 100 else []
    return tasso, nota


def indice_risultato(codice: str, r: RisultatoServizio) -> IndiceSoddisfazione:
    """The index of one service and channel."""
    indice: float | None
    if r.emoticon:
        totale = (r.positivo or 0) + (r.sufficiente or 0) + (r.negativo or 0)
        campione: int | None = totale
        indice = (r.positivo or 0) / totale * 100 if totale else None
    else:
        pesi = [d.risposte if d.risposte is not None else r.rispondenti for d in r.domande]
        valori = [(d.media - d.scala_min) / (d.scala_max - d.scala_min) * 100 for d in r.domande]
        noti: list[int] = [p for p in pesi if p is not None]
        campione = r.rispondenti if r.rispondenti is not None else max(noti, default=None)
        if len(noti) == len(pesi) and sum(noti) > 0:
            indice = sum(v * (p or 0) for v, p in zip(valori, pesi, strict=True)) / sum(noti)
        else:
            indice = sum(valori) / len(valori)
    tasso, nota_tasso = _tasso(campione, r.contatti)
    note = ([] if indice is not None else ["nessun giudizio"]) + _nota_campione(campione)
    return IndiceSoddisfazione(
        codice, r.servizio, r.canale, indice, campione, tasso, tuple(note + nota_tasso)
    )


def indice_rilevazione(codice: str, ris: RisultatiRilevazione) -> IndiceSoddisfazione:
    """The index of a whole survey, from its results' indices weighted by their samples."""
    parti = [indice_risultato(codice, r) for r in ris.risultati]
    calcolati = [p for p in parti if p.indice is not None]
    note: list[str] = []
    indice: float | None = None
    campione: int | None = None
    if calcolati and all(p.campione is not None for p in parti):
        campione = sum(p.campione or 0 for p in parti)
        indice = sum((p.indice or 0) * (p.campione or 0) for p in calcolati) / sum(
            p.campione or 0 for p in calcolati
        )
        note += _nota_campione(campione)
    elif calcolati:
        indice = sum(p.indice or 0 for p in calcolati) / len(calcolati)
        note.append("media semplice dei risultati: non tutti indicano i rispondenti")
    else:
        note.append("nessun risultato")
    contatti = [r.contatti for r in ris.risultati]
    tasso: float | None = None
    if contatti and all(c is not None for c in contatti):
        tasso, nota_tasso = _tasso(campione, sum(c or 0 for c in contatti))
        note += nota_tasso
    return IndiceSoddisfazione(codice, None, None, indice, campione, tasso, tuple(note))


def indici(dati: DatiPeriodo) -> list[IndiceSoddisfazione]:
    """Every index of the period: for each survey, the whole survey first, then each of its
    services and channels in the file's order."""
    out: list[IndiceSoddisfazione] = []
    for codice, ris in dati.soddisfazione.items():
        out.append(indice_rilevazione(codice, ris))
        out += [indice_risultato(codice, r) for r in ris.risultati]
    return out


def rilevazioni(piano: PianoLetto) -> list[RilevazioneSoddisfazione]:
    """The surveys the plan declares (monitoraggio.yaml › soddisfazione_utenti)."""
    m = piano.sections.get("monitoraggio")
    return list(m.soddisfazione_utenti) if isinstance(m, Monitoraggio) else []


def indicatori_collegati(piano: PianoLetto) -> dict[str, str]:
    """Indicator code → the code of the survey that measures it (the first that names it)."""
    out: dict[str, str] = {}
    for r in rilevazioni(piano):
        for codice in r.indicatori:
            out.setdefault(codice, r.codice)
    return out


def con_valori_da_rilevazioni(dati: DatiPeriodo, piano: PianoLetto) -> DatiPeriodo:
    """The period's data with each survey-measured indicator valued by its survey's index
    (rounded to one decimal): the value every later step reads."""
    valori = dict(dati.indicatori)
    for indicatore, codice in indicatori_collegati(piano).items():
        ris = dati.soddisfazione.get(codice)
        if ris is None or not ris.risultati:
            continue
        calcolo = indice_rilevazione(codice, ris)
        if calcolo.indice is None:
            continue
        valori[indicatore] = ValoreRilevato(
            valore=round(calcolo.indice, 1),
            data=ris.data,
            fonte=f"Rilevazione della soddisfazione {codice} (indice calcolato da piao)",
            note="; ".join(calcolo.note) or None,
        )
    return dati.model_copy(update={"indicatori": valori})


def controlla_soddisfazione(
    name: str,
    data: Any,
    sources: SourceMap,
    piano: PianoLetto,
    periodo: PeriodoMonitoraggio | None,
) -> list[Finding]:
    """Two sources for a survey-measured indicator; a due survey without results in a
    yearly file."""
    if not isinstance(data, dict):
        return []
    out: list[Finding] = []
    risultati = _mappa(data.get("soddisfazione"))
    scritti = _mappa(data.get("indicatori"))
    for indicatore, codice in indicatori_collegati(piano).items():
        voce = scritti.get(indicatore)
        if not isinstance(voce, dict):
            continue
        sue = risultati.get(codice)
        ha_risultati = isinstance(sue, dict) and bool(sue.get("risultati"))
        valore = voce.get("valore")
        scritto = valore is not None and not (
            isinstance(valore, str) and valore.strip().lower() in PLACEHOLDERS
        )
        if scritto or ("non_rilevato" in voce and ha_risultati):
            out.append(
                SODDISFAZIONE_CHECKS["double_source"].finding(
                    f"Il valore dell'indicatore «{indicatore}» viene dalla rilevazione "
                    f"«{codice}» (monitoraggio.yaml): qui è scritto una seconda volta.",
                    sources.locate(name, ("indicatori", indicatore), key=True),
                    hint=f"Togliere «{indicatore}» da «indicatori» e scrivere i risultati "
                    f"sotto «soddisfazione: {codice}:»; piao ne calcola l'indice.",
                )
            )
    anni = piano.anni
    if periodo is not None and periodo.frazione is None and (anni is None or periodo.anno in anni):
        for r in rilevazioni(piano):
            voce = risultati.get(r.codice)
            voce = voce if isinstance(voce, dict) else {}
            if r.periodicita not in _ANNUALI or voce.get("risultati") or voce.get("note"):
                continue
            path = ("soddisfazione", r.codice) if r.codice in risultati else ("soddisfazione",)
            out.append(
                SODDISFAZIONE_CHECKS["missing"].finding(
                    f"La rilevazione della soddisfazione «{r.codice}» ({r.strumento}) è "
                    f"dichiarata nel piano ma il file dell'anno {periodo.anno} non ne ha i "
                    "risultati: il monitoraggio si svolge anche con rilevazioni della "
                    "soddisfazione degli utenti (art. 6 c.3 DL 80/2021; art. 5 DM 132/2022).",
                    sources.locate(name, path, key=True)
                    if "soddisfazione" in data
                    else Location(name),
                    hint=f"Scrivere sotto «soddisfazione: {r.codice}:» i risultati per "
                    "servizio e canale, o nelle sue «note» perché la rilevazione non si è "
                    "svolta.",
                )
            )
    return out


def _mappa(valore: Any) -> dict[Any, Any]:
    return valore if isinstance(valore, dict) else {}
