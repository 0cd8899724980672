"""Pydantic models of the PIAO, one module per section file (DM 132/2022 Piano tipo).

This package imports nothing else of piao.
"""

from piao.model.anagrafica import Anagrafica
from piao.model.fabbisogni_personale import FabbisogniPersonale
from piao.model.formazione import Formazione
from piao.model.lavoro_agile import LavoroAgile
from piao.model.monitoraggio import Monitoraggio
from piao.model.organizzazione import Organizzazione
from piao.model.pari_opportunita import PariOpportunita
from piao.model.performance import Performance
from piao.model.piano import SEZIONI, SEZIONI_PER_CHIAVE, SEZIONI_PER_FILE, Piano, Sezione
from piao.model.regime import ENTRAMBI, ORDINARIO, SEMPLIFICATO, SOGLIA_DIPENDENTI, Regime
from piao.model.rischi_corruttivi import RischiCorruttivi
from piao.model.valore_pubblico import ValorePubblico

__all__ = [
    "ENTRAMBI",
    "ORDINARIO",
    "SEMPLIFICATO",
    "SEZIONI",
    "SEZIONI_PER_CHIAVE",
    "SEZIONI_PER_FILE",
    "SOGLIA_DIPENDENTI",
    "Anagrafica",
    "FabbisogniPersonale",
    "Formazione",
    "LavoroAgile",
    "Monitoraggio",
    "Organizzazione",
    "PariOpportunita",
    "Performance",
    "Piano",
    "Regime",
    "RischiCorruttivi",
    "Sezione",
    "ValorePubblico",
]
