"""Indicators with history, baseline and targets, as printed in every section that has them."""

from __future__ import annotations

from collections.abc import Iterable

from piao.model.base import Indicatore
from piao.render.document import Tabella
from piao.render.formatting import numero
from piao.render.tabelle import Colonna, per_anno, tabella


def target(ind: Indicatore, anni: Iterable[int]) -> tuple[str, ...]:
    """The target of each year, «—» where none is set."""
    return tuple(numero(ind.target.get(a)) or "—" for a in anni)


def baseline(ind: Indicatore) -> str:
    if ind.baseline is None:
        return "—"
    return f"{numero(ind.baseline.valore)} ({ind.baseline.anno})"


def storico(ind: Indicatore) -> str:
    """«2022: 119; 2023: 210; 2024: 332», oldest first."""
    return "; ".join(f"{anno}: {numero(ind.storico[anno])}" for anno in sorted(ind.storico))


def descrizione(ind: Indicatore) -> str:
    """What the indicator measures, with the year a relative target refers to."""
    return ind.descrizione + (
        f" (target rispetto al {ind.anno_riferimento})" if ind.anno_riferimento else ""
    )


def scheda(ind: Indicatore) -> str:
    """What the indicator measures, then its unit, how it is computed and where the data
    come from: «Utenti soddisfatti. Unità: percentuale. Formula: soddisfatti / rispondenti.
    Fonte: questionario» (one cell, so that a portrait page keeps room for the targets)."""
    testo = descrizione(ind)
    voci = (("Unità", ind.unita_misura), ("Formula", ind.formula), ("Fonte", ind.fonte))
    for etichetta, valore in voci:
        if valore:
            testo = f"{testo.rstrip('.')}. {etichetta}: {valore}"
    return testo


def sintesi(ind: Indicatore, anni: Iterable[int]) -> str:
    """One indicator in a cell: «Descrizione: 10 / 20 / 30», with what else it states in
    brackets (starting value, targets of other years or of the whole triennio, history,
    weight)."""
    anni = tuple(anni)
    b = ind.baseline
    extra = [f"formula {ind.formula}"] if ind.formula else []
    extra += [f"fonte {ind.fonte}"] if ind.fonte else []
    extra += [f"partenza {numero(b.valore)} nel {b.anno}"] if b else []
    extra += [f"{a}: {numero(ind.target[a])}" for a in sorted(set(ind.target) - set(anni))]
    if ind.target_triennio is not None:
        extra.append(f"nel triennio {numero(ind.target_triennio)}")
    if ind.storico:
        extra.append(f"valori storici {storico(ind)}")
    if ind.peso is not None:
        extra.append(f"peso {numero(ind.peso)}")
    return f"{descrizione(ind)}: {' / '.join(target(ind, anni))}" + (
        f" ({'; '.join(extra)})" if extra else ""
    )


_Riga = tuple[str, Indicatore]


def _target_anno(riga: _Riga, anno: int) -> str:
    return target(riga[1], (anno,))[0]


def tabella_indicatori(
    didascalia: str, obiettivi: Iterable[tuple[str, Iterable[Indicatore]]], anni: Iterable[int]
) -> Tabella:
    """One row per indicator, labelled by its objective, with a target column per year of
    the triennio and, only where some indicator has them, columns for the history, targets
    of other years (e.g. the end of the mandate), the target of the whole triennio and the
    weight."""
    righe = [(obiettivo, ind) for obiettivo, inds in obiettivi for ind in inds]
    # «Code title» of an objective on its first indicator, the code alone on the others.
    primi = {id(r) for i, r in enumerate(righe) if i == 0 or righe[i - 1][0] != r[0]}
    anni = tuple(anni)
    oltre = sorted({a for _, ind in righe for a in ind.target} - set(anni))
    extra: list[Colonna[_Riga]] = [
        *per_anno(oltre, "Target", 8, _target_anno),
        *(
            [Colonna("Target nel triennio", 9, lambda r: numero(r[1].target_triennio) or "—")]
            if any(ind.target_triennio is not None for _, ind in righe)
            else []
        ),
        *(
            [Colonna("Peso", 7, lambda r: numero(r[1].peso))]
            if any(ind.peso is not None for _, ind in righe)
            else []
        ),
    ]
    storici: list[Colonna[_Riga]] = (
        [Colonna("Valori storici", 14, lambda r: storico(r[1]))]
        if any(ind.storico for _, ind in righe)
        else []
    )
    # Objectives named by code only get a narrow column; «code + title» labels a wide one.
    # The description gives up the room the optional columns take, so that a year still
    # fits its column on a portrait page.
    lunghe = any(len(obiettivo) > 12 for obiettivo, _ in righe)
    w = (16, 11, 43, 10) if lunghe else (11, 13, 39, 11)
    occupato = sum(c.larghezza for c in (*extra, *storici))
    colonne: list[Colonna[_Riga]] = [
        Colonna("Obiettivo", w[0], lambda r: r[0] if id(r) in primi else r[0].split(" ")[0]),
        Colonna("Codice", w[1], lambda r: r[1].codice),
        Colonna("Indicatore", max(20, w[2] - occupato), lambda r: scheda(r[1])),
        *storici,
        Colonna("Partenza", w[3], lambda r: baseline(r[1])),
        *per_anno(anni, "Target", 8, _target_anno),
        *extra,
    ]
    return tabella(didascalia, righe, *colonne)
