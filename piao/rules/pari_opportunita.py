"""Rules on the Piano di azioni positive and the gender rule for exam commissions."""

from __future__ import annotations

from collections.abc import Iterator

from piao.findings import Severity
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import manca, vuoto

F = "pari_opportunita.yaml"


@regola(
    "PO001",
    "pari-opportunita.commissioni",
    copre=("R28",),
    summary="Se il piano programma concorsi, si impegna a riservare alle donne almeno un terzo dei posti "
    "nelle commissioni, salvo motivata impossibilità.",
    basis=("DLGS165-57-1a", "DL80-6-2"),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="L'obbligo vale per ogni commissione; nel piano si verifica l'impegno programmato.",
    richiede=("pari_opportunita", "fabbisogni_personale"),
    conforme="commissioni_concorso: {quota_minima_donne: 1/3, impegno: ...}",
    non_conforme="# assunzioni per concorso e nessuna chiave commissioni_concorso",
)
def commissioni(ctx: Contesto) -> Iterator[Rilievo]:
    if not any(a.modalita == "concorso" for a in ctx.fp.assunzioni):
        return
    c = ctx.po.commissioni_concorso
    if c is None or (c.quota_minima_donne is None and vuoto(c.motivazione_impossibilita)):
        yield Rilievo(
            F,
            ("commissioni_concorso",),
            "Il piano programma concorsi ma non indica l'impegno a riservare alle donne almeno un terzo dei "
            "posti nelle commissioni (art. 57 c.1 lett. a D.Lgs. 165/2001).",
        )


@regola(
    "PO002",
    "pari-opportunita.azioni",
    copre=("R29",),
    summary="Il piano contiene azioni positive per la parità di genere, o richiama il piano adottato con atto separato.",
    basis=("DLGS198-48", "DL80-6-2"),
    confidenza="P",
    richiede=("pari_opportunita",),
    conforme="azioni: [{codice: PO-01, titolo: ..., ambito: conciliazione}]",
    non_conforme="azioni: []",
)
def azioni(ctx: Contesto) -> Iterator[Rilievo]:
    if not ctx.po.azioni and vuoto(ctx.po.atto_separato):
        yield Rilievo(
            F,
            ("azioni",),
            "Mancano le azioni positive (o gli estremi del piano adottato con atto separato).",
        )


@regola(
    "PO003",
    "pari-opportunita.azioni-complete",
    copre=("R29",),
    summary="Ogni azione positiva ha un responsabile, una scadenza e un indicatore.",
    basis=("DLGS198-48",),
    confidenza="P",
    richiede=("pari_opportunita",),
    conforme="- {codice: PO-01, responsabile: UO-PERS, scadenza: 2026-06-30, indicatori: [...]}",
    non_conforme="- {codice: PO-01, titolo: ...}",
)
def azioni_complete(ctx: Contesto) -> Iterator[Rilievo]:
    for i, a in enumerate(ctx.po.azioni):
        mancano = [
            n
            for n, v in (
                ("il responsabile", a.responsabile),
                ("la scadenza", a.scadenza),
                ("gli indicatori", a.indicatori),
            )
            if vuoto(v)
        ]
        if mancano:
            yield Rilievo(F, ("azioni", i), f"{a.codice}: {manca(mancano)}.")


@regola(
    "PO004",
    "pari-opportunita.personale-per-genere",
    summary="Il personale per genere somma al personale in servizio della scheda anagrafica.",
    basis=("DLGS198-48",),
    confidenza="U",
    richiede=("pari_opportunita",),
    conforme="personale_per_genere: {donne: 88, uomini: 64}   # 152 dipendenti",
    non_conforme="personale_per_genere: {donne: 80, uomini: 64}",
)
def per_genere(ctx: Contesto) -> Iterator[Rilievo]:
    g = ctx.po.personale_per_genere
    if g is None:
        yield Rilievo(F, (), "Manca la composizione del personale per genere.")
    elif ctx.dipendenti is not None and g.donne + g.uomini != ctx.dipendenti:
        yield Rilievo(
            F,
            ("personale_per_genere",),
            f"Donne e uomini sommano {g.donne + g.uomini}, la scheda anagrafica indica {ctx.dipendenti} dipendenti.",
        )
