"""Computations the law defines, shared by the rules and the document: the DM 17/3/2020
hiring-capacity ratio of comuni and the adoption deadline of a cycle."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from piao.model.anagrafica import Anagrafica
from piao.model.fabbisogni_personale import FabbisogniPersonale
from piao.reference import FasciaDemografica, Riferimenti

ENTI_LOCALI = ("comune", "unione_di_comuni", "comunita_montana", "provincia", "citta_metropolitana")


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


def termine_adozione(anagrafica: Anagrafica, ref: Riferimenti) -> tuple[datetime.date, str]:
    """The adoption deadline of the cycle and the reading used to get it."""
    da = anagrafica.triennio.da
    if anagrafica.ente.tipologia in ENTI_LOCALI:
        voce = ref.scadenza(da, "enti_locali")
        if voce is not None:
            return voce.scadenza, f"{voce.motivo}, termine unico per gli enti locali"
    voce = ref.scadenza(da, "tutti")
    if voce is not None:
        return voce.scadenza, voce.motivo
    differito = anagrafica.programmazione_finanziaria.termine_bilancio_differito
    if differito is not None:
        return (
            differito.data + datetime.timedelta(days=30),
            f"termine del bilancio differito al {differito.data:%d/%m/%Y} ({differito.atto}) + 30 giorni "
            "(art. 8 c.2 DM 132/2022)",
        )
    return datetime.date(da, 1, 31), "31 gennaio (art. 6 c.1 DL 80/2021; art. 7 DM 132/2022)"
