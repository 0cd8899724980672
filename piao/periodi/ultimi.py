"""The last measured value of each indicator across a plan's period files (issue 18 item 6):
what `piao rollover` turns into the next plan's baselines.

A baseline is a value of a whole year: the year's file (2026.yaml), or the last part of the
year (2026-S2, 2026-Q3, 2026-T4), whose value is the one at the year's end. An earlier part
(2026-S1) is left out and named: a half-year's training hours or a value on 30 June would
read as the year's. The last year with a value wins; within a year the whole-year file is
preferred over its last part. A period file with errors, a «non_rilevato» or a value the file
does not hold (the plan could not be read) gives nothing: only what `piao monitoraggio check`
accepts becomes a baseline. An indicator measured by a survey takes the survey's index, as
everywhere else. The RPCT's facts file (rpct-<anno>.yaml) holds no indicator values.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from piao.findings import Severity
from piao.loading import PlanFolderError
from piao.model.base import ValoreIndicatore
from piao.model.periodo import DatiPeriodo, PeriodoMonitoraggio
from piao.periodi.controllo import leggi_periodo
from piao.periodi.fatti_rpct import anno_fatti
from piao.periodi.piano import CARTELLA, file_dei_periodi, file_periodi, leggi_piano


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
    periodi = dict(file_dei_periodi(folder))
    # A file whose name is neither a period nor the RPCT's facts is named, not read.
    esclusi = [
        f"{CARTELLA}/{path.name}: il file ha errori"
        for path in file_periodi(folder)
        if path not in periodi and anno_fatti(path) is None
    ]
    if not periodi and not esclusi:
        return {}, []
    try:
        piano = leggi_piano(folder)
    except PlanFolderError as exc:
        return {}, [f"monitoraggio: {exc}"]
    letti: list[tuple[PeriodoMonitoraggio, DatiPeriodo]] = []
    for path, periodo in periodi.items():
        letto = leggi_periodo(path, piano)
        if letto.dati is None:
            esclusi.append(f"{letto.name}: il file ha errori")
        elif any(f.code == "MP001" and f.severity is Severity.ERROR for f in letto.findings):
            esclusi.append(f"{letto.name}: il periodo è fuori dal triennio del piano")
        elif periodo.fine != datetime.date(periodo.anno, 12, 31):
            esclusi.append(
                f"{letto.name}: il {periodo.descrizione} non arriva alla fine dell'anno "
                "(valgono il file dell'anno o l'ultima parte dell'anno)"
            )
        else:
            letti.append((periodo, letto.dati))
    esclusi.sort()  # by file name, as the files are read
    # The order of preference, lowest first: year, whole year over its last part.
    letti.sort(key=lambda pd: (pd[0].anno, pd[0].frazione is None))
    out: dict[str, UltimoValore] = {}
    for periodo, dati in letti:
        for codice, v in dati.indicatori.items():
            if v.valore is not None:
                annuale = periodo.frazione is None
                out[codice] = UltimoValore(periodo.anno, periodo.nome, v.valore, annuale)
    return out, esclusi
