"""Rules on sottosezione 3.1 Struttura organizzativa."""

from __future__ import annotations

from collections.abc import Iterator

from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.riferimenti import rotti
from piao.rules.util import vuoto

F = "organizzazione.yaml"


@regola(
    "OR001",
    "organizzazione.albero-unita",
    summary="Ogni unità organizzativa dipende da un'unità esistente e l'organigramma non ha cicli.",
    basis=("DM132-4-1a",),
    confidenza="V",
    integrita=True,
    richiede=("organizzazione",),
    conforme="- {codice: UO-URP, padre: UO-SEG, ...}",
    non_conforme="- {codice: UO-URP, padre: UO-INESISTENTE, ...}",
)
def albero(ctx: Contesto) -> Iterator[Rilievo]:
    for rotto in rotti(ctx, "OR001"):
        yield Rilievo(
            rotto.file,
            rotto.path,
            f"{rotto.fonte_codice}: l'unità padre «{rotto.codice}» non esiste.",
        )
    padre = {u.codice: u.padre for u in ctx.org.unita}
    for i, u in enumerate(ctx.org.unita):
        visti = {u.codice}
        corrente = u.padre
        while corrente is not None and corrente in padre:
            if corrente in visti:
                yield Rilievo(
                    F,
                    ("unita", i, "padre"),
                    f"{u.codice}: l'organigramma ha un ciclo (passa per {corrente}).",
                )
                break
            visti.add(corrente)
            corrente = padre[corrente]


@regola(
    "OR002",
    "organizzazione.dipendenti-per-unita",
    summary="Il personale assegnato alle unità somma al personale in servizio della scheda anagrafica.",
    basis=("DM132-4-1a",),
    confidenza="U",
    richiede=("organizzazione",),
    conforme="# somma di unita[*].dipendenti = ente.dipendenti.valore",
    non_conforme="# le unità sommano 140 dipendenti, la scheda anagrafica ne indica 152",
)
def dipendenti(ctx: Contesto) -> Iterator[Rilievo]:
    valori = [u.dipendenti for u in ctx.org.unita]
    if not valori or any(v is None for v in valori) or ctx.dipendenti is None:
        return
    totale = sum(v for v in valori if v is not None)
    if totale != ctx.dipendenti:
        yield Rilievo(
            F,
            ("unita",),
            f"Le unità organizzative sommano {totale} dipendenti, la scheda anagrafica ne indica {ctx.dipendenti}.",
        )


@regola(
    "OR003",
    "organizzazione.contenuti",
    copre=("R04",),
    summary="La sottosezione 3.1 descrive il modello organizzativo ed elenca le unità organizzative.",
    basis=("DM132-4-1a",),
    confidenza="V",
    richiede=("organizzazione",),
    conforme="modello_organizzativo: ...\nunita: [...]",
    non_conforme="unita: []",
)
def contenuti(ctx: Contesto) -> Iterator[Rilievo]:
    if vuoto(ctx.org.modello_organizzativo):
        yield Rilievo(
            F, ("modello_organizzativo",), "Manca la descrizione del modello organizzativo."
        )
    if not ctx.org.unita:
        yield Rilievo(F, ("unita",), "Mancano le unità organizzative.")
