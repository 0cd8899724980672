"""Rules on the scheda anagrafica: the officers and the financial regime of the entity.

Kept apart from `anagrafica.py`, which holds the data, regime, deadline and publication
rules of the same file.
"""

from __future__ import annotations

from collections.abc import Iterator

from piao.lingua import quanti
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import normalizza, vuoto

F = "anagrafica.yaml"


@regola(
    "AN022",
    "anagrafica.assunzioni-in-riequilibrio",
    summary="Controllo di plausibilità: un ente in riequilibrio finanziario pluriennale o in dissesto che "
    "programma assunzioni indica a quale controllo o autorizzazione sono soggette.",
    basis=("TUEL-243-BIS", "TUEL-243-1"),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="regime_finanziario: {stato: riequilibrio_pluriennale, atto: {...}, vincoli_assunzioni: "
    "Assunzioni soggette al controllo dell'art. 243 c.1 TUEL...}",
    non_conforme="regime_finanziario: {stato: riequilibrio_pluriennale, atto: {...}}   # e assunzioni programmate",
)
def assunzioni_in_riequilibrio(ctx: Contesto) -> Iterator[Rilievo]:
    rf = ctx.piano.anagrafica.regime_finanziario
    if rf is None or rf.stato == "ordinario" or not vuoto(rf.vincoli_assunzioni):
        return
    posti = sum(a.numero for a in ctx.fp.assunzioni)
    if not posti:
        return
    programmate = quanti(posti, "assunzione", "assunzioni")
    if rf.stato == "riequilibrio_pluriennale":
        situazione = (
            "in procedura di riequilibrio finanziario pluriennale (art. 243-bis TUEL), che la assoggetta "
            "al controllo sulle dotazioni organiche e sulle assunzioni di personale dell'art. 243 c.1 TUEL "
            "(come richiamato dagli atti di un comune in riequilibrio; testo di legge da verificare)"
        )
    else:
        situazione = (
            "in dissesto finanziario (i vincoli e le autorizzazioni a cui il dissesto sottopone le "
            "assunzioni sono da verificare sul TUEL)"
        )
    yield Rilievo(
        F,
        ("regime_finanziario", "vincoli_assunzioni"),
        f"L'ente è {situazione} e il piano programma {programmate} senza dire a quale controllo o "
        "autorizzazione sono soggette. Controllo di plausibilità: indicare in "
        "«regime_finanziario.vincoli_assunzioni» il vincolo o l'autorizzazione e come il piano lo rispetta.",
    )


@regola(
    "AN023",
    "anagrafica.responsabile-trasparenza-distinto",
    summary="Un responsabile per la trasparenza distinto dal responsabile della prevenzione della corruzione è "
    "una persona diversa, e la scelta è motivata: la legge prevede di norma un unico RPCT.",
    basis=("L190-1-7", "PNA2016-5-2"),
    confidenza="U",
    conforme="rpct: {nome: Dott. Luca Bianchi, ...}\nresponsabile_trasparenza: {nome: Ing. Paola Verdi, "
    "motivazione: ...}",
    non_conforme="responsabile_trasparenza: {nome: Ing. Paola Verdi}   # senza motivazione",
)
def responsabile_trasparenza(ctx: Contesto) -> Iterator[Rilievo]:
    s = ctx.piano.anagrafica.soggetti
    rt = s.responsabile_trasparenza
    if rt is None:
        return
    if s.rpct is not None and normalizza(rt.nome) == normalizza(s.rpct.nome):
        yield Rilievo(
            F,
            ("soggetti", "responsabile_trasparenza"),
            f"Il responsabile per la trasparenza ({rt.nome}) è lo stesso RPCT: il campo serve solo per un "
            "responsabile distinto; toglierlo e lasciare il RPCT in «soggetti.rpct».",
        )
    elif vuoto(rt.motivazione):
        yield Rilievo(
            F,
            ("soggetti", "responsabile_trasparenza", "motivazione"),
            "La trasparenza è affidata a un responsabile distinto dal responsabile della prevenzione della "
            "corruzione: l'art. 1 c.7 L. 190/2012 prevede di norma un unico responsabile (RPCT) e l'ANAC ammette "
            "figure distinte solo in circostanze particolari (lettura da fonte secondaria). Indicare la "
            "ragione in «responsabile_trasparenza.motivazione».",
        )
