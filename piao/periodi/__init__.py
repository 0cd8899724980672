"""The monitoring periods of a plan (issue 18): one YAML file per period in the plan's
`monitoraggio/` folder, with the values measured and the facts of the period by code."""

from piao.periodi.controllo import PERIODO_CHECKS, controlla_periodi
from piao.periodi.piano import CARTELLA, PeriodoError, file_periodi, file_periodo, leggi_piano

__all__ = [
    "CARTELLA",
    "PERIODO_CHECKS",
    "PeriodoError",
    "controlla_periodi",
    "file_periodi",
    "file_periodo",
    "leggi_piano",
]
