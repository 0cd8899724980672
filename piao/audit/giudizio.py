"""The one verdict phrase of an audit, derived from its counts. It never says «conforme»:
conformity is the Nucleo's judgement, and an automatic check beside a missing binding
element must not suggest it. The table below is printed in the report as it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from piao.lingua import elenco, quanti
from piao.reference import riferimenti

if TYPE_CHECKING:
    from piao.audit.assess import Audit
    from piao.audit.elements import Elemento


@dataclass(frozen=True)
class Giudizio:
    classe: str
    """The CSS class of the verdict box: ko, riserva, ok."""
    frase: str
    quando: str
    """When the phrase applies, as the report's method section states it."""


NON_ESEGUITA = Giudizio(
    "ko",
    "Verifica automatica non conclusa",
    "il piano contiene errori di sintassi o di struttura: le regole di conformità non sono "
    "state applicate",
)
CARENZE = Giudizio(
    "ko",
    "Elementi obbligatori mancanti o con errori",
    "almeno un elemento con base giuridica vincolante è mancante, oppure il controllo ha "
    "rilevato errori",
)
RILIEVI = Giudizio(
    "riserva",
    "Elementi obbligatori presenti, con rilievi da valutare",
    "nessun elemento vincolante manca e non ci sono errori, ma vi sono elementi incompleti o "
    "da verificare, elementi di indirizzo mancanti, oppure avvisi",
)
NESSUN_RILIEVO = Giudizio(
    "ok",
    "Elementi richiesti presenti, senza rilievi del controllo automatico",
    "tutti gli elementi applicabili sono presenti e il controllo non ha rilevato errori né avvisi",
)
GIUDIZI = (NON_ESEGUITA, CARENZE, RILIEVI, NESSUN_RILIEVO)
"""In order: the first that applies is the audit's."""


def vincolante(elemento: Elemento) -> bool:
    """An element some binding act requires (not only guidance)."""
    norme = riferimenti().norme
    return any(norme[b].vincolante for b in elemento.basis)


def giudizio(audit: Audit) -> Giudizio:
    if not audit.report.rules_run:
        return NON_ESEGUITA
    mancanti = [e for e in audit.con_stato("mancante") if vincolante(e.elemento)]
    if mancanti or not audit.report.success:
        return CARENZE
    counts = {s.value: n for s, n in audit.report.counts().items()}
    if any(e.stato not in ("presente", "non_applicabile") for e in audit.esiti) or counts.get(
        "warning"
    ):
        return RILIEVI
    return NESSUN_RILIEVO


def motivazione(audit: Audit) -> str:
    """The counts behind the phrase: «2 elementi obbligatori mancanti e 3 errori»."""
    counts = {s.value: n for s, n in audit.report.counts().items()}
    mancanti = audit.con_stato("mancante")
    obbligatori = sum(1 for e in mancanti if vincolante(e.elemento))
    conteggi = (
        (obbligatori, "elemento obbligatorio mancante", "elementi obbligatori mancanti"),
        (
            len(mancanti) - obbligatori,
            "elemento di indirizzo mancante",
            "elementi di indirizzo mancanti",
        ),
        (len(audit.con_stato("incompleto")), "elemento incompleto", "elementi incompleti"),
        (len(audit.con_stato("da_verificare")), "elemento da verificare", "elementi da verificare"),
        (counts.get("error", 0), "errore", "errori"),
        (counts.get("warning", 0), "avviso", "avvisi"),
    )
    testo = elenco(quanti(n, uno, molti) for n, uno, molti in conteggi if n)
    return testo or "nessun elemento mancante o incompleto, nessun errore né avviso"
