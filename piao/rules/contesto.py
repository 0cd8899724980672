"""What every rule receives: the valid plan, its regime and triennio, reference data, and
indexes of every coded object built once (rules never search lists repeatedly)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from piao.model import SEZIONI, Piano, Regime
from piao.model.fabbisogni_personale import FabbisogniPersonale
from piao.model.formazione import Formazione
from piao.model.lavoro_agile import LavoroAgile
from piao.model.monitoraggio import Monitoraggio
from piao.model.organizzazione import Organizzazione, Unita
from piao.model.pari_opportunita import PariOpportunita
from piao.model.performance import ObiettivoPerformance, Performance
from piao.model.rischi_corruttivi import EventoRischioso, Misura, Processo, RischiCorruttivi
from piao.model.valore_pubblico import ObiettivoValorePubblico, ValorePubblico
from piao.model.walk import (
    Citazione,
    NomeScritto,
    Oggetto,
    citazioni,
    nomi_di_persona,
    oggetti,
)
from piao.reference import Riferimenti, riferimenti


@dataclass(frozen=True)
class Contesto:
    piano: Piano

    @property
    def regime(self) -> Regime:
        return self.piano.anagrafica.regime

    @property
    def anni(self) -> list[int]:
        return self.piano.anagrafica.triennio.anni

    @cached_property
    def ref(self) -> Riferimenti:
        return riferimenti()

    # Sections, typed; rules declare in `richiede` the ones they need, so these are
    # only read when present.
    @property
    def vp(self) -> ValorePubblico:
        assert self.piano.valore_pubblico is not None
        return self.piano.valore_pubblico

    @property
    def pf(self) -> Performance:
        assert self.piano.performance is not None
        return self.piano.performance

    @property
    def rc(self) -> RischiCorruttivi:
        assert self.piano.rischi_corruttivi is not None
        return self.piano.rischi_corruttivi

    @property
    def org(self) -> Organizzazione:
        assert self.piano.organizzazione is not None
        return self.piano.organizzazione

    @property
    def la(self) -> LavoroAgile:
        assert self.piano.lavoro_agile is not None
        return self.piano.lavoro_agile

    @property
    def fp(self) -> FabbisogniPersonale:
        assert self.piano.fabbisogni_personale is not None
        return self.piano.fabbisogni_personale

    @property
    def fo(self) -> Formazione:
        assert self.piano.formazione is not None
        return self.piano.formazione

    @property
    def po(self) -> PariOpportunita:
        assert self.piano.pari_opportunita is not None
        return self.piano.pari_opportunita

    @property
    def mo(self) -> Monitoraggio:
        assert self.piano.monitoraggio is not None
        return self.piano.monitoraggio

    def _sezioni(self) -> Iterator[tuple[str, BaseModel]]:
        for sezione in SEZIONI:
            model = getattr(self.piano, sezione.key)
            if model is not None:
                yield sezione.file, model

    @cached_property
    def oggetti(self) -> list[Oggetto]:
        """Every coded object of the plan."""
        return [o for file, model in self._sezioni() for o in oggetti(model, file)]

    @cached_property
    def nomi_di_persona(self) -> list[NomeScritto]:
        """Every field that names a person (officers, unit heads, political organs)."""
        return [n for file, model in self._sezioni() for n in nomi_di_persona(model, file)]

    @cached_property
    def citazioni(self) -> list[Citazione]:
        """Every reference between objects of the plan (declared on the model fields)."""
        return [c for file, model in self._sezioni() for c in citazioni(model, file)]

    @cached_property
    def per_tipo(self) -> dict[str, dict[str, Oggetto]]:
        """Coded objects by model class name, then code (the targets of references)."""
        index: dict[str, dict[str, Oggetto]] = {}
        for oggetto in self.oggetti:
            # A subclass (a model extended by a test or a plug-in) counts as its parent kind.
            for kind in type(oggetto.model).__mro__:
                if issubclass(kind, BaseModel) and kind.__module__.startswith("piao.model"):
                    index.setdefault(kind.__name__, {}).setdefault(oggetto.codice, oggetto)
        return index

    @cached_property
    def citazioni_rotte(self) -> list[Citazione]:
        """The references that name no existing object of their kinds."""
        return [c for c in self.citazioni if not self.risolve(c)]

    def risolve(self, citazione: Citazione) -> bool:
        """Whether a reference names an existing object of one of its target kinds."""
        bersagli = citazione.riferimento.bersagli
        if not bersagli:
            return citazione.codice in self.codici
        return any(citazione.codice in self.per_tipo.get(kind, {}) for kind in bersagli)

    @cached_property
    def codici(self) -> dict[str, list[Oggetto]]:
        index: dict[str, list[Oggetto]] = {}
        for oggetto in self.oggetti:
            index.setdefault(oggetto.codice, []).append(oggetto)
        return index

    def _of_type(self, kind: type[BaseModel]) -> dict[str, Any]:
        return {o.codice: o.model for o in self.oggetti if isinstance(o.model, kind)}

    @cached_property
    def unita(self) -> dict[str, Unita]:
        return self._of_type(Unita)

    @cached_property
    def obiettivi_vp(self) -> dict[str, ObiettivoValorePubblico]:
        return self._of_type(ObiettivoValorePubblico)

    @cached_property
    def obiettivi_pf(self) -> dict[str, ObiettivoPerformance]:
        return self._of_type(ObiettivoPerformance)

    @cached_property
    def processi(self) -> dict[str, Processo]:
        return self._of_type(Processo)

    @cached_property
    def eventi(self) -> dict[str, EventoRischioso]:
        return self._of_type(EventoRischioso)

    @cached_property
    def misure(self) -> dict[str, Misura]:
        return self._of_type(Misura)

    @cached_property
    def dipendenti(self) -> int | None:
        dato = self.piano.anagrafica.ente.dipendenti
        return dato.valore if dato else None

    @cached_property
    def popolazione(self) -> int | None:
        dato = self.piano.anagrafica.ente.popolazione
        return dato.valore if dato else None

    @property
    def e_comune(self) -> bool:
        return self.piano.anagrafica.ente.tipologia == "comune"

    @property
    def e_ente_locale(self) -> bool:
        return self.piano.anagrafica.ente.tipologia in (
            "comune",
            "unione_di_comuni",
            "comunita_montana",
            "provincia",
            "citta_metropolitana",
        )
