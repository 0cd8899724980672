"""Reference data: legal acts, budget missions and programmes, ANAC risk areas and
indicators, general measures, the Amministrazione trasparente tree, DM 17/3/2020
thresholds, CCNL areas, training-hours targets, PIAO deadlines by year and area, national
public holidays, the regions, and where the PIAO is linked from Amministrazione trasparente.

Each table is a CSV file in `data/` with a confidence tag (V verified, P partially
verified, U unverified) and the source codes of the project's domain notes, so a user
can see which checks rest on verified law and which on practice.
"""

from piao.reference.tables import (
    AreaCcnl,
    AreaRischio,
    Collocazione,
    FasciaDemografica,
    Festivita,
    MisuraGenerale,
    NodoTrasparenza,
    Norma,
    OreFormazione,
    Programma,
    Riferimenti,
    Scadenza,
    Voce,
    riferimenti,
)

__all__ = [
    "AreaCcnl",
    "AreaRischio",
    "Collocazione",
    "FasciaDemografica",
    "Festivita",
    "MisuraGenerale",
    "NodoTrasparenza",
    "Norma",
    "OreFormazione",
    "Programma",
    "Riferimenti",
    "Scadenza",
    "Voce",
    "riferimenti",
]
