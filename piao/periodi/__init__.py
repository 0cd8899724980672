"""The monitoring periods of a plan (issue 18): one YAML file per period in the plan's
`monitoraggio/` folder, with the values measured and the facts of the period by code."""

from piao.periodi.controllo import PERIODO_CHECKS, PeriodoLetto, controlla_periodi, leggi_periodo
from piao.periodi.piano import (
    CARTELLA,
    PeriodoError,
    file_dei_periodi,
    file_periodi,
    file_periodo,
    leggi_piano,
)

__all__ = [
    "CARTELLA",
    "PERIODO_CHECKS",
    "PeriodoError",
    "PeriodoLetto",
    "controlla_periodi",
    "file_dei_periodi",
    "file_periodi",
    "file_periodo",
    "leggi_periodo",
    "leggi_piano",
]
