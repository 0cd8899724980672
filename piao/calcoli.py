"""Computations the law defines, shared by the rules and the document: the DM 17/3/2020
hiring-capacity ratio of comuni. The adoption deadline of a cycle is in `piao.scadenze`."""

from __future__ import annotations

from dataclasses import dataclass

from piao.model.fabbisogni_personale import FabbisogniPersonale
from piao.reference import FasciaDemografica, Riferimenti


@dataclass(frozen=True)
class Rapporto:
    """Personnel spending / (mean current revenue of three rendiconti - FCDE), DM 17/3/2020."""

    spesa: float
    media_entrate: float
    fcde: float
    fascia: FasciaDemografica

    @property
    def denominatore(self) -> float:
        return self.media_entrate - self.fcde

    @property
    def percentuale(self) -> float:
        return self.spesa / self.denominatore * 100

    @property
    def limite_tabella_1(self) -> float:
        return self.fascia.tabella_1 / 100 * self.denominatore

    @property
    def sotto_soglia(self) -> bool:
        """At or under the Tabella 1 threshold («comune virtuoso»)."""
        return self.percentuale <= self.fascia.tabella_1

    @property
    def spesa_aggiuntiva(self) -> float:
        """The spending a comune under the threshold may add, up to the Tabella 1 value
        (art. 4 DM 17/3/2020); none above it."""
        return max(0.0, self.limite_tabella_1 - self.spesa) if self.sotto_soglia else 0.0


def rapporto_capacita(
    fp: FabbisogniPersonale, popolazione: int | None, ref: Riferimenti
) -> Rapporto | None:
    """The ratio when the plan holds every input, else None."""
    ca = fp.capacita_assunzionale
    if ca is None or ca.spesa_personale is None or ca.fcde is None or popolazione is None:
        return None
    ultimo = ca.spesa_personale.rendiconto
    anni = [ultimo - 2, ultimo - 1, ultimo]
    if any(a not in ca.entrate_correnti for a in anni):
        return None
    media = sum(ca.entrate_correnti[a] for a in anni) / 3
    if media - ca.fcde.importo <= 0:
        return None
    return Rapporto(ca.spesa_personale.importo, media, ca.fcde.importo, ref.fascia(popolazione))
