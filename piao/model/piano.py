"""The whole plan: the section files, their models, and which regime requires them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from piao.model.anagrafica import Anagrafica
from piao.model.base import Modello
from piao.model.fabbisogni_personale import FabbisogniPersonale
from piao.model.formazione import Formazione
from piao.model.lavoro_agile import LavoroAgile
from piao.model.monitoraggio import Monitoraggio
from piao.model.organizzazione import Organizzazione
from piao.model.pari_opportunita import PariOpportunita
from piao.model.performance import Performance
from piao.model.rischi_corruttivi import RischiCorruttivi
from piao.model.valore_pubblico import ValorePubblico

Regime = Literal["ordinario", "semplificato"]
BOTH: frozenset[Regime] = frozenset({"ordinario", "semplificato"})
ORDINARY: frozenset[Regime] = frozenset({"ordinario"})


@dataclass(frozen=True)
class Sezione:
    """A section file of the plan and the PIAO (sub)section it holds."""

    key: str
    model: type[Modello]
    numero: str
    titolo: str
    richiesta: frozenset[Regime]
    """Regimes in which the file must exist. Under 50 employees 2.1, 2.2 and 4 are not
    required (art. 6 DM 132/2022; DOMAIN.md §1.5)."""

    @property
    def file(self) -> str:
        return f"{self.key}.yaml"


SEZIONI: tuple[Sezione, ...] = (
    Sezione("anagrafica", Anagrafica, "1", "Scheda anagrafica dell'amministrazione", BOTH),
    Sezione("valore_pubblico", ValorePubblico, "2.1", "Valore pubblico", ORDINARY),
    Sezione("performance", Performance, "2.2", "Performance", ORDINARY),
    Sezione("rischi_corruttivi", RischiCorruttivi, "2.3", "Rischi corruttivi e trasparenza", BOTH),
    Sezione("organizzazione", Organizzazione, "3.1", "Struttura organizzativa", BOTH),
    Sezione("lavoro_agile", LavoroAgile, "3.2", "Organizzazione del lavoro agile", BOTH),
    Sezione(
        "fabbisogni_personale",
        FabbisogniPersonale,
        "3.3",
        "Piano triennale dei fabbisogni di personale",
        BOTH,
    ),
    # Under 50 employees section 3.3 is limited to terminations and the estimated evolution
    # of needs (art. 4 c.1 lett. c n. 2, via art. 6 DM 132/2022): training is not required.
    Sezione("formazione", Formazione, "3.3", "Formazione del personale", ORDINARY),
    Sezione("pari_opportunita", PariOpportunita, "PAP", "Piano di azioni positive", BOTH),
    Sezione("monitoraggio", Monitoraggio, "4", "Monitoraggio", ORDINARY),
)
SEZIONI_PER_FILE = {s.file: s for s in SEZIONI}


class Piano(Modello):
    """A valid plan: every section that was present and valid.

    Sections not required by the regime may be absent (None).
    """

    anagrafica: Anagrafica
    valore_pubblico: ValorePubblico | None = None
    performance: Performance | None = None
    rischi_corruttivi: RischiCorruttivi | None = None
    organizzazione: Organizzazione | None = None
    lavoro_agile: LavoroAgile | None = None
    fabbisogni_personale: FabbisogniPersonale | None = None
    formazione: Formazione | None = None
    pari_opportunita: PariOpportunita | None = None
    monitoraggio: Monitoraggio | None = None
