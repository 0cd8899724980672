"""The whole plan: the section files, their models, and which regime requires them.

`SEZIONI` is the one table of the PIAO's sections (DM 132/2022, Piano tipo): file, model,
number, title, the regimes that require it, and what a document says where it is absent.
Every other part of piao (loading, rules, document, audit, init, rollover) reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from piao.model.anagrafica import Anagrafica
from piao.model.base import Modello
from piao.model.fabbisogni_personale import FabbisogniPersonale
from piao.model.formazione import Formazione
from piao.model.lavoro_agile import LavoroAgile
from piao.model.monitoraggio import Monitoraggio
from piao.model.organizzazione import Organizzazione
from piao.model.pari_opportunita import PariOpportunita
from piao.model.performance import Performance
from piao.model.regime import ENTRAMBI, ORDINARIO, SOTTO_SOGLIA, Regime
from piao.model.rischi_corruttivi import RischiCorruttivi
from piao.model.valore_pubblico import ValorePubblico


@dataclass(frozen=True)
class Sezione:
    """A section file of the plan and the PIAO (sub)section it holds."""

    key: str
    model: type[Modello]
    numero: str
    """Number in the Piano tipo of DM 132/2022 («2.1», «3.3»); «PAP» for the equal-opportunity plan."""
    titolo: str
    richiesta: frozenset[Regime]
    """Regimes in which the file must exist. Under 50 employees 2.1, 2.2 and 4 are not
    required (art. 6 DM 132/2022; DOMAIN.md §1.5)."""
    non_richiesta: str | None = None
    """Why the section does not apply where it is not required, when the general reason
    (art. 6 DM 132/2022) is not the whole story."""
    prefisso: str = ""
    """The two letters of the codes of the rules about this section (AN, VP ... MO)."""

    @property
    def file(self) -> str:
        return f"{self.key}.yaml"

    @property
    def sottosezione(self) -> bool:
        """2.1, 3.3 ... are «sottosezioni»; 1, 4 and the PAP are «sezioni»."""
        return "." in self.numero

    def assente(self, regime: Regime) -> str:
        """The sentence a document prints where this section's file is absent."""
        genere = "Sottosezione" if self.sottosezione else "Sezione"
        if regime in self.richiesta:
            return f"{genere} mancante."
        motivo = self.non_richiesta or (
            f"{genere} non richiesta alle {SOTTO_SOGLIA} (art. 6 DM 132/2022)"
        )
        return f"{motivo}: non applicabile."


SEZIONI: tuple[Sezione, ...] = (
    Sezione(
        "anagrafica",
        Anagrafica,
        "1",
        "Scheda anagrafica dell'amministrazione",
        ENTRAMBI,
        prefisso="AN",
    ),
    Sezione("valore_pubblico", ValorePubblico, "2.1", "Valore pubblico", ORDINARIO, prefisso="VP"),
    Sezione("performance", Performance, "2.2", "Performance", ORDINARIO, prefisso="PF"),
    Sezione(
        "rischi_corruttivi",
        RischiCorruttivi,
        "2.3",
        "Rischi corruttivi e trasparenza",
        ENTRAMBI,
        prefisso="RC",
    ),
    Sezione(
        "organizzazione", Organizzazione, "3.1", "Struttura organizzativa", ENTRAMBI, prefisso="OR"
    ),
    Sezione(
        "lavoro_agile",
        LavoroAgile,
        "3.2",
        "Organizzazione del lavoro agile",
        ENTRAMBI,
        prefisso="LA",
    ),
    Sezione(
        "fabbisogni_personale",
        FabbisogniPersonale,
        "3.3",
        "Piano triennale dei fabbisogni di personale",
        ENTRAMBI,
        prefisso="FP",
    ),
    # Under 50 employees section 3.3 is limited to terminations and the estimated evolution
    # of needs (art. 4 c.1 lett. c n. 2, via art. 6 DM 132/2022): training is not required.
    Sezione(
        "formazione",
        Formazione,
        "3.3",
        "Formazione del personale",
        ORDINARIO,
        non_richiesta="Nel regime semplificato la sottosezione 3.3 è limitata alla programmazione "
        "delle cessazioni e alla stima dell'evoluzione dei fabbisogni (art. 6 DM 132/2022)",
        prefisso="FO",
    ),
    # DPR 81/2022 absorbs the equal-opportunity plan into the PIAO only above 50 employees
    # (art. 1 c.1 and c.4); below, the plan must still exist (art. 48 D.Lgs. 198/2006), by a
    # separate act or as a voluntary part of the PIAO (DOMAIN.md §13.1, [P]).
    Sezione(
        "pari_opportunita",
        PariOpportunita,
        "PAP",
        "Piano di azioni positive",
        ORDINARIO,
        non_richiesta="Nel regime semplificato il Piano di azioni positive non è una sezione del "
        "PIAO (DPR 81/2022 lo assorbe solo oltre i 50 dipendenti): resta obbligatorio con atto "
        "separato (art. 48 D.Lgs. 198/2006)",
        prefisso="PO",
    ),
    Sezione("monitoraggio", Monitoraggio, "4", "Monitoraggio", ORDINARIO, prefisso="MO"),
)
SEZIONI_PER_CHIAVE = {s.key: s for s in SEZIONI}
SEZIONI_PER_FILE = {s.file: s for s in SEZIONI}
SEZIONI_PER_PREFISSO = {s.prefisso: s for s in SEZIONI}


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
