"""Rules on sottosezione 3.2 Organizzazione del lavoro agile."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from piao.findings import Severity
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import vuoto

F = "lavoro_agile.yaml"
CCNL_2022_2024 = datetime.date(2026, 2, 23)

PUNTI = {
    "invarianza_servizi": "il lavoro agile non pregiudica né riduce i servizi agli utenti",
    "rotazione_prevalenza_presenza": "rotazione del personale e prevalenza del lavoro in presenza",
    "piattaforme_riservatezza": "piattaforme e strumenti che garantiscono la riservatezza dei dati",
    "smaltimento_arretrato": "piano di smaltimento del lavoro arretrato",
    "dotazioni_informatiche": "dotazione informatica adeguata",
}


@regola(
    "LA001",
    "lavoro-agile.cinque-punti",
    copre=("R21",),
    summary="La sottosezione 3.2 garantisce i cinque contenuti dell'art. 4 c.1 lett. b DM 132/2022.",
    basis=("DM132-4-1b",),
    confidenza="V",
    richiede=("lavoro_agile",),
    conforme="requisiti: {invarianza_servizi: ..., rotazione_prevalenza_presenza: ..., piattaforme_riservatezza: ..., "
    "smaltimento_arretrato: ..., dotazioni_informatiche: ...}",
    non_conforme="requisiti: {invarianza_servizi: ...}   # mancano gli altri quattro punti",
)
def cinque_punti(ctx: Contesto) -> Iterator[Rilievo]:
    requisiti = ctx.la.requisiti
    for campo, testo in PUNTI.items():
        if vuoto(getattr(requisiti, campo)):
            yield Rilievo(F, ("requisiti", campo), f"Manca come il piano garantisce: {testo}.")


@regola(
    "LA002",
    "lavoro-agile.ccnl-vigente",
    copre=("D24",),
    summary="Per i piani adottati dopo il 23/02/2026 la sottosezione 3.2 richiama il CCNL Funzioni Locali 2022-2024.",
    basis=("CCNL-FL-2022-2024",),
    confidenza="V",
    severita=Severity.INFO,
    motivo_severita="Aggiornamento del riferimento contrattuale, non un contenuto obbligatorio nuovo.",
    richiede=("lavoro_agile",),
    conforme="contratto_collettivo: CCNL Funzioni Locali 2022-2024",
    non_conforme="contratto_collettivo: CCNL Funzioni Locali 2019-2021",
)
def ccnl(ctx: Contesto) -> Iterator[Rilievo]:
    adozione = ctx.piano.anagrafica.adozione
    if adozione is None or adozione.delibera is None or adozione.delibera.data <= CCNL_2022_2024:
        return
    if not ctx.e_ente_locale:
        return
    if "2022-2024" not in (ctx.la.contratto_collettivo or ""):
        yield Rilievo(
            F,
            ("contratto_collettivo",),
            "Dal 23/02/2026 è in vigore il CCNL Funzioni Locali 2022-2024, che interviene anche sul lavoro agile: "
            "richiamarlo.",
        )
