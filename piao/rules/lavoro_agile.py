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


SETTIMANE_PER_MESE = 52 / 12
"""Average weeks in a month: a monthly limit is compared with the average month."""


@regola(
    "LA003",
    "lavoro-agile.prevalenza-presenza",
    summary="Il numero massimo di giornate di lavoro agile lascia a ogni lavoratore la prevalenza del "
    "lavoro in presenza: meno della metà delle giornate lavorative.",
    basis=("DM132-4-1b",),
    confidenza="V",
    richiede=("lavoro_agile",),
    conforme="giornate_agili_max_settimana: 2   # su 5 giornate lavorative",
    non_conforme="giornate_agili_max_settimana: 3   # su 5: la presenza non prevale",
)
def prevalenza(ctx: Contesto) -> Iterator[Rilievo]:
    la = ctx.la
    settimana = la.giornate_lavorative_settimana or 5
    lettura = (
        ""
        if la.giornate_lavorative_settimana
        else " (settimana di 5 giornate lavorative, non indicata)"
    )
    mese = settimana * SETTIMANE_PER_MESE
    mensile = la.giornate_agili_max_mese
    if mensile is not None and 2 * mensile >= mese:
        yield Rilievo(
            F,
            ("giornate_agili_max_mese",),
            f"Con {mensile} giornate di lavoro agile al mese su circa {mese:.1f} lavorative in media"
            f"{lettura} la presenza non prevale (art. 4 c.1 lett. b DM 132/2022: prevalenza, per "
            "ciascun lavoratore, del lavoro in presenza).",
        )
        return
    settimanale = la.giornate_agili_max_settimana
    # The DFP reads the prevalence over the average of a multi-month schedule: a weekly cap
    # above half is acceptable when a monthly cap keeps the average below half.
    if settimanale is not None and 2 * settimanale >= settimana and mensile is None:
        yield Rilievo(
            F,
            ("giornate_agili_max_settimana",),
            f"Con fino a {settimanale} giornate di lavoro agile su {settimana} lavorative a settimana"
            f"{lettura} il piano non assicura la prevalenza del lavoro in presenza per ciascun "
            "lavoratore (art. 4 c.1 lett. b DM 132/2022). Se la prevalenza è garantita nella media di più "
            "mesi, indicare il limite in «giornate_agili_max_mese».",
        )


@regola(
    "LA004",
    "lavoro-agile.lavoratori-entro-potenziali",
    summary="Controllo di coerenza: in ogni anno i lavoratori in lavoro agile non superano il personale che "
    "svolge attività compatibili con il lavoro agile.",
    basis=("DM132-4-1b",),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="Controllo di coerenza dei numeri dichiarati, non un contenuto prescritto dalla norma.",
    richiede=("lavoro_agile",),
    conforme="lavoratori_agili_potenziali: {2026: 60}\nlavoratori_agili: {2026: 42}",
    non_conforme="lavoratori_agili_potenziali: {2026: 40}\nlavoratori_agili: {2026: 42}",
)
def entro_potenziali(ctx: Contesto) -> Iterator[Rilievo]:
    la = ctx.la
    for anno, lavoratori in la.lavoratori_agili.items():
        potenziali = la.lavoratori_agili_potenziali.get(anno)
        if potenziali is not None and lavoratori > potenziali:
            yield Rilievo(
                F,
                ("lavoratori_agili", anno),
                f"Nel {anno} sono previsti {lavoratori} lavoratori in lavoro agile, più del personale con "
                f"attività compatibili ({potenziali}): correggere uno dei due numeri.",
            )
    for i, a in enumerate(la.stato_attuazione):
        if (
            a.lavoratori_agili is not None
            and a.lavoratori_agili_potenziali is not None
            and a.lavoratori_agili > a.lavoratori_agili_potenziali
        ):
            yield Rilievo(
                F,
                ("stato_attuazione", i, "lavoratori_agili"),
                f"Nel {a.anno} risultano {a.lavoratori_agili} lavoratori in lavoro agile, più del personale "
                f"con attività compatibili ({a.lavoratori_agili_potenziali}): correggere uno dei due numeri.",
            )
