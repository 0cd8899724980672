"""The compliance catalogue: one module per section plus coerenza for cross-section links.

Importing this package registers every rule in `REGISTRY`.
"""

from piao.rules import (  # noqa: F401  (imported for registration)
    anagrafica,
    coerenza,
    fabbisogni_personale,
    formazione,
    lavoro_agile,
    monitoraggio,
    organizzazione,
    pari_opportunita,
    performance,
    rischi_corruttivi,
    soggetti,
    spesa_personale,
    trasparenza,
    valore_pubblico,
    valutazione_rischio,
)
from piao.rules.contesto import Contesto
from piao.rules.registry import REGISTRY, Regola, Rilievo

__all__ = ["REGISTRY", "Contesto", "Regola", "Rilievo"]
