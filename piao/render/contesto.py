"""What every section of the document needs besides its own file: the plan, the reference
data, the years of the triennio and the lookups that turn codes into names."""

from __future__ import annotations

from dataclasses import dataclass

from piao.model import Piano
from piao.model.organizzazione import Unita
from piao.model.valore_pubblico import ObiettivoSalute, ObiettivoValorePubblico
from piao.reference import Riferimenti, riferimenti
from piao.render.etichette import etichetta


@dataclass(frozen=True)
class Contesto:
    piano: Piano
    ref: Riferimenti
    anni: tuple[int, ...]
    unita_per_codice: dict[str, Unita]
    valore_pubblico_per_codice: dict[str, ObiettivoValorePubblico | ObiettivoSalute]
    """The public-value objectives, external and internal («salute»), by code."""

    @classmethod
    def di(cls, piano: Piano) -> Contesto:
        org, vp = piano.organizzazione, piano.valore_pubblico
        obiettivi: list[ObiettivoValorePubblico | ObiettivoSalute] = (
            [*vp.obiettivi, *vp.salute] if vp else []
        )
        return cls(
            piano,
            riferimenti(),
            tuple(piano.anagrafica.triennio.anni),
            {u.codice: u for u in (*org.unita, *org.unita_trasversali)} if org else {},
            {o.codice: o for o in obiettivi},
        )

    def unita(self, codice: str | None) -> str:
        """A unit code resolved to its name (the code itself when unknown)."""
        if not codice:
            return ""
        unita = self.unita_per_codice.get(codice)
        return unita.denominazione if unita else codice

    def valore_pubblico(self, codice: str | None) -> str:
        """«VP-01 Titolo» for a public-value objective of the plan, else the bare code."""
        obiettivo = self.valore_pubblico_per_codice.get(codice or "")
        return f"{codice} {obiettivo.titolo}" if obiettivo else (codice or "")

    def area(self, codice: str) -> str:
        """A CCNL staff area resolved to its name."""
        voce = self.ref.aree_ccnl.get(codice)
        return voce.denominazione if voce else etichetta(codice)
