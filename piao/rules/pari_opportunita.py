"""Rules on the Piano di azioni positive and the gender rule for exam commissions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from piao.findings import Severity
from piao.lingua import elenco
from piao.model.regime import ORDINARIO, SEMPLIFICATO
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
    basis=("DLGS165-57-1a",),
    confidenza="V",
    richiede=("pari_opportunita", "fabbisogni_personale"),
    conforme="commissioni_concorso: {quota_minima_donne: 1/3, impegno: ...}\n"
    "# oppure: commissioni_concorso: {motivazione_impossibilita: ...}",
    non_conforme="# assunzioni per concorso e nessuna chiave commissioni_concorso",
)
def commissioni(ctx: Contesto) -> Iterator[Rilievo]:
    if not any("concorso" in a.tipi_modalita for a in ctx.fp.assunzioni):
        return
    c = ctx.po.commissioni_concorso
    if c is not None and (
        c.quota_minima_donne is not None or not vuoto(c.motivazione_impossibilita)
    ):
        return
    if c is not None and _impegno_nel_testo(c.impegno):
        return  # PO006 asks for the structured field and says which reading it applied
    yield Rilievo(
        F,
        ("commissioni_concorso",),
        "Il piano programma concorsi ma non indica l'impegno a riservare alle donne almeno un terzo dei "
        "posti nelle commissioni, né la motivata impossibilità (art. 57 c.1 lett. a D.Lgs. 165/2001).",
    )


_UN_TERZO = re.compile(r"\b(un|1)\s*(terzo|/\s*3)\b|1/3", re.IGNORECASE)


def _impegno_nel_testo(impegno: str | None) -> bool:
    """Whether the free-text commitment speaks of one third of the seats."""
    return impegno is not None and _UN_TERZO.search(impegno) is not None


@regola(
    "PO006",
    "pari-opportunita.quota-nel-testo",
    summary="Quando l'impegno sulle commissioni è scritto solo nel testo, il piano indica anche la quota "
    "in «quota_minima_donne».",
    basis=("DLGS165-57-1a",),
    confidenza="P",
    severita=Severity.WARNING,
    motivo_severita="Il piano contiene l'impegno, ma solo in parole: piao lo legge come «un terzo» e "
    "chiede il dato strutturato invece di reinterpretare il testo in silenzio.",
    richiede=("pari_opportunita", "fabbisogni_personale"),
    conforme="commissioni_concorso: {quota_minima_donne: 1/3, impegno: ...}",
    non_conforme="commissioni_concorso: {impegno: Almeno un terzo dei posti è riservato alle donne.}",
)
def quota_nel_testo(ctx: Contesto) -> Iterator[Rilievo]:
    c = ctx.po.commissioni_concorso
    if not any("concorso" in a.tipi_modalita for a in ctx.fp.assunzioni) or c is None:
        return
    strutturato = c.quota_minima_donne is not None or not vuoto(c.motivazione_impossibilita)
    if not strutturato and _impegno_nel_testo(c.impegno):
        yield Rilievo(
            F,
            ("commissioni_concorso", "impegno"),
            "L'impegno sulle commissioni è scritto solo nel testo: piao lo legge come la riserva di "
            "un terzo dei posti alle donne (lettura del testo, confidenza parziale). Indicare "
            "«quota_minima_donne: 1/3» (art. 57 c.1 lett. a D.Lgs. 165/2001).",
        )


@regola(
    "PO002",
    "pari-opportunita.azioni",
    copre=("R29",),
    summary="Nel regime ordinario il Piano di azioni positive è una sezione del PIAO: contiene azioni "
    "positive per la parità di genere, o richiama il piano adottato con atto separato.",
    basis=("DLGS198-48", "DPR81-1-1"),
    confidenza="V",
    regimi=ORDINARIO,
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


@regola(
    "PO005",
    "pari-opportunita.piano-separato",
    summary="Sotto i 50 dipendenti il Piano di azioni positive non è una sezione del PIAO ma resta "
    "obbligatorio: il rilievo lo ricorda quando il piano non lo contiene.",
    basis=("DLGS198-48", "DPR81-1-4"),
    confidenza="P",
    severita=Severity.INFO,
    motivo_severita="Promemoria: il PIAO semplificato è conforme senza il piano, che va adottato con "
    "atto separato.",
    regimi=SEMPLIFICATO,
    conforme="# pari_opportunita.yaml con azioni, o con atto_separato",
    non_conforme="# nessun file pari_opportunita.yaml",
)
def piano_separato(ctx: Contesto) -> Iterator[Rilievo]:
    po = ctx.piano.pari_opportunita
    if po is None or (not po.azioni and vuoto(po.atto_separato)):
        yield Rilievo(
            "anagrafica.yaml" if po is None else F,
            () if po is None else ("atto_separato",),
            "Il Piano di azioni positive (art. 48 D.Lgs. 198/2006) resta obbligatorio anche sotto i 50 "
            "dipendenti: adottarlo con atto separato e indicarne gli estremi in pari_opportunita.yaml "
            "(«atto_separato»), oppure includerlo nel PIAO.",
        )


@regola(
    "PO007",
    "pari-opportunita.soggetti-sentiti",
    summary="Il Piano di azioni positive indica di aver sentito le rappresentanze sindacali (o le "
    "organizzazioni sindacali) e la consigliera di parità.",
    basis=("DLGS198-48",),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="La consultazione è un passaggio della procedura: il rilievo verifica che il piano "
    "ne conservi l'evidenza, non che sia mancata.",
    regimi=ORDINARIO,
    richiede=("pari_opportunita",),
    conforme="consultazioni: [{soggetto: rsu, data: 2026-02-20}, {soggetto: consigliera_parita, ...}]",
    non_conforme="# nessuna chiave consultazioni",
)
def soggetti_sentiti(ctx: Contesto) -> Iterator[Rilievo]:
    po = ctx.po
    if not po.azioni:
        return  # no plan in the PIAO (PO002 or an act adopted separately)
    sentiti = {c.soggetto for c in po.consultazioni}
    mancano = []
    if not sentiti & {"rsu", "organizzazioni_sindacali"}:
        mancano.append("le rappresentanze sindacali (RSU) o le organizzazioni sindacali")
    if "consigliera_parita" not in sentiti:
        mancano.append("la consigliera o il consigliere di parità")
    if mancano:
        yield Rilievo(
            F,
            ("consultazioni",),
            f"Il piano non indica di aver sentito {elenco(mancano)} (art. 48 c.1 D.Lgs. 198/2006): "
            "registrarlo in «consultazioni».",
        )


@regola(
    "PO008",
    "pari-opportunita.piano-nel-piao",
    summary="Sopra i 50 dipendenti il Piano di azioni positive è assorbito nel PIAO: le azioni sono nel "
    "piano, non solo richiamate da un atto separato.",
    basis=("DPR81-1-1", "DLGS198-48"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("pari_opportunita",),
    conforme="azioni: [{codice: PO-01, ...}]",
    non_conforme="azioni: []\natto_separato: Deliberazione della Giunta n. 5 del 22/01/2026",
)
def piano_nel_piao(ctx: Contesto) -> Iterator[Rilievo]:
    if not ctx.po.azioni and not vuoto(ctx.po.atto_separato):
        yield Rilievo(
            F,
            ("atto_separato",),
            "Il piano richiama un Piano di azioni positive adottato con atto separato: sopra i 50 "
            "dipendenti il DPR 81/2022 (art. 1 c.1) lo assorbe nel PIAO, che ne riporta le azioni "
            "(lettura applicata, confidenza parziale).",
        )
