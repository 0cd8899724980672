"""The last measured value of each indicator across a plan's period files (issue 18 item 6):
what `piao rollover` turns into the next plan's baselines.

The last year with a value wins; within a year the whole-year file is preferred over its
parts, then the part that ends last (2026-S2 over 2026-S1). A period file with errors, a
«non_rilevato» or a value the file does not hold (the plan could not be read) gives nothing:
only what `piao monitoraggio check` accepts becomes a baseline. An indicator measured by a
survey takes the survey's index, as everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from piao.findings import Severity
from piao.loading import PlanFolderError
from piao.model.base import ValoreIndicatore
from piao.model.periodo import DatiPeriodo, PeriodoMonitoraggio
from piao.periodi.controllo import leggi_periodo
from piao.periodi.piano import file_periodi, leggi_piano


@dataclass(frozen=True)
class UltimoValore:
    """An indicator's value in the period it was last measured."""

    anno: int
    periodo: str
    """The period's name, «2026-S1» or «2026»: where the value comes from."""
    valore: ValoreIndicatore
    annuale: bool
    """Measured in a whole-year file."""


def ultimi_valori(folder: Path) -> tuple[dict[str, UltimoValore], list[str]]:
    """By indicator code, its last measured value; and the period files left out, named
    with why (errors), for the caller to say so."""
    presenti = file_periodi(folder)
    if not presenti:
        return {}, []
    try:
        piano = leggi_piano(folder)
    except PlanFolderError as exc:
        return {}, [f"monitoraggio: {exc}"]
    esclusi: list[str] = []
    letti: list[tuple[PeriodoMonitoraggio, DatiPeriodo]] = []
    for path in presenti:
        letto = leggi_periodo(path, piano)
        if letto.periodo is None or letto.dati is None:
            esclusi.append(f"{letto.name}: il file ha errori")
        elif any(f.code == "MP001" and f.severity is Severity.ERROR for f in letto.findings):
            esclusi.append(f"{letto.name}: il periodo è fuori dal triennio del piano")
        else:
            letti.append((letto.periodo, letto.dati))
    # The order of preference, lowest first: year, whole year over a part, end of the part.
    letti.sort(key=lambda pd: (pd[0].anno, pd[0].frazione is None, pd[0].fine))
    out: dict[str, UltimoValore] = {}
    for periodo, dati in letti:
        for codice, v in dati.indicatori.items():
            if v.valore is not None:
                annuale = periodo.frazione is None
                out[codice] = UltimoValore(periodo.anno, periodo.nome, v.valore, annuale)
    return out, esclusi
