"""What every section of the document needs besides its own file: the plan, the reference
data, the years of the triennio and the lookups that turn codes into names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from piao.model import Piano
from piao.model.organizzazione import Unita
from piao.model.valore_pubblico import ObiettivoSalute, ObiettivoValorePubblico
from piao.model.walk import nomi_per_codice
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
    nomi: dict[str, str]
    """Every coded object of the plan (objective, process, measure...) by code: its name."""

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
            nomi_per_codice(piano),
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

    def con_nome(self, codice: str) -> str:
        """«PR-01 Programmazione degli acquisti»: a code of the plan with its name beside it
        (the bare code when the plan has no object of that code)."""
        nome = self.nomi.get(codice)
        return f"{codice} {nome}" if nome else codice

    def con_nomi(self, codici: Iterable[str]) -> str:
        """Several codes with their names, «; » between them."""
        return "; ".join(self.con_nome(c) for c in codici)

    def area(self, codice: str) -> str:
        """A CCNL staff area resolved to its name."""
        voce = self.ref.aree_ccnl.get(codice)
        return voce.denominazione if voce else etichetta(codice)
