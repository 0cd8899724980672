"""Rules on sottosezione 2.3 Rischi corruttivi e trasparenza (ANAC method)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from pydantic import BaseModel

from piao.findings import Severity
from piao.lingua import elenco
from piao.model.regime import ORDINARIO, SEMPLIFICATO, SOGLIA_DIPENDENTI, SOTTO_SOGLIA
from piao.model.rischi_corruttivi import AreaRischio, Processo
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import data_it, manca, vuoto

F = "rischi_corruttivi.yaml"
RC = ("rischi_corruttivi",)
PNA_2025_DAL = datetime.date(2026, 1, 28)


@regola(
    "RC001",
    "rischi.rpct",
    copre=("R10",),
    summary="Il piano indica il Responsabile della prevenzione della corruzione e della trasparenza (RPCT), "
    "nominato dall'organo di indirizzo, che predispone la sottosezione 2.3.",
    basis=("L190-1-7", "DM132-3-1c"),
    confidenza="V",
    richiede=RC,
    conforme="redazione: {rpct: Dott. Luca Bianchi}   # o soggetti.rpct nella scheda anagrafica",
    non_conforme="# nessun RPCT nella sottosezione 2.3 né nella scheda anagrafica",
)
def rpct(ctx: Contesto) -> Iterator[Rilievo]:
    r = ctx.rc.redazione
    if (r is None or vuoto(r.rpct)) and ctx.piano.anagrafica.soggetti.rpct is None:
        yield Rilievo(
            F,
            ("redazione",),
            "Non è indicato il RPCT che predispone la sottosezione (art. 1 c.7 L. 190/2012): indicarlo in "
            "«redazione.rpct» o in «soggetti.rpct» della scheda anagrafica.",
        )


@regola(
    "RC020",
    "rischi.obiettivi-strategici-necessari",
    summary="La sottosezione contiene gli obiettivi strategici di prevenzione della corruzione e di "
    "trasparenza, «contenuto necessario» del piano.",
    basis=("L190-1-8",),
    confidenza="V",
    richiede=RC,
    conforme="obiettivi_strategici: [{codice: AC-01, titolo: ...}]",
    non_conforme="obiettivi_strategici: []",
)
def obiettivi_necessari(ctx: Contesto) -> Iterator[Rilievo]:
    if not ctx.rc.obiettivi_strategici:
        yield Rilievo(
            F,
            ("obiettivi_strategici",),
            "Mancano gli obiettivi strategici di prevenzione della corruzione e di trasparenza, che l'art. 1 "
            "c.8 L. 190/2012 chiama «contenuto necessario» del piano.",
        )


@regola(
    "RC021",
    "rischi.atto-obiettivi-strategici",
    summary="La sottosezione richiama l'atto con cui l'organo di indirizzo ha definito gli obiettivi strategici.",
    basis=("L190-1-8", "DM132-3-1c"),
    confidenza="P",
    richiede=RC,
    conforme="redazione: {atto_obiettivi_strategici: Deliberazione G.C. n. 9 del 22/01/2026}",
    non_conforme="redazione: {rpct: Dott. Luca Bianchi}",
)
def atto_obiettivi(ctx: Contesto) -> Iterator[Rilievo]:
    r = ctx.rc.redazione
    if r is None or vuoto(r.atto_obiettivi_strategici):
        yield Rilievo(
            F,
            ("redazione",),
            "Manca l'atto dell'organo di indirizzo che definisce gli obiettivi strategici anticorruzione "
            "(art. 1 c.8 L. 190/2012; lettura: il piano ne riporta gli estremi).",
        )


@regola(
    "RC002",
    "rischi.sette-elementi",
    copre=("R11",),
    summary="La sottosezione 2.3 contiene contesto esterno e interno, mappatura, valutazione, misure, "
    "monitoraggio e programmazione della trasparenza.",
    basis=("DM132-3-1c", "PNA2019-A1"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=RC,
    conforme="contesto_esterno: {...}\ncontesto_interno: {...}\nprocessi: [...]\nmisure: [...]\nmonitoraggio: {...}\ntrasparenza: {...}",
    non_conforme="# manca contesto_esterno",
)
def sette_elementi(ctx: Contesto) -> Iterator[Rilievo]:
    rc = ctx.rc
    elementi = {
        "contesto_esterno": "l'analisi del contesto esterno"
        if rc.contesto_esterno is None or vuoto(rc.contesto_esterno.analisi)
        else None,
        "contesto_interno": "l'analisi del contesto interno"
        if rc.contesto_interno is None or vuoto(rc.contesto_interno.analisi)
        else None,
        "processi": "la mappatura dei processi" if not rc.processi else None,
        "valutazione": "la valutazione del rischio dei processi"
        if rc.processi
        and all(
            p.valutazione is None and all(e.valutazione is None for e in p.eventi_rischiosi)
            for p in rc.processi
        )
        else None,
        "misure": "le misure di trattamento" if not rc.misure else None,
        "monitoraggio": "il monitoraggio delle misure" if rc.monitoraggio is None else None,
        # The transparency section is RC022's, in both regimes (art. 10 c.1 D.Lgs. 33/2013).
    }
    for key, assente in elementi.items():
        if assente:
            path = ("processi",) if key == "valutazione" else (key,)
            yield Rilievo(F, path, f"Manca {assente}.")


@regola(
    "RC003",
    "rischi.obiettivi-strategici",
    copre=(
        "R12",
        "D03",
    ),
    summary="Ogni obiettivo strategico di prevenzione e trasparenza ha un indicatore con target.",
    basis=("ANAC-2025-07-23", "PNA2025"),
    confidenza="V",
    richiede=RC,
    conforme="obiettivi_strategici: [{codice: AC-01, titolo: ..., indicatori: [{..., target: {2026: 10}}]}]",
    non_conforme="obiettivi_strategici: []",
)
def obiettivi_strategici(ctx: Contesto) -> Iterator[Rilievo]:
    # An empty list is RC020's (binding law); this rule asks for indicators and targets.
    for i, o in enumerate(ctx.rc.obiettivi_strategici):
        if not any(ind.target for ind in o.indicatori):
            yield Rilievo(
                F,
                ("obiettivi_strategici", i),
                f"{o.codice}: serve almeno un indicatore con target.",
            )


@regola(
    "RC004",
    "rischi.mappatura-semplificata",
    copre=("R13",),
    summary="Nel regime semplificato la mappatura copre le quattro aree dell'art. 1 c.16 L. 190/2012 e almeno "
    "un processo rilevante per il valore pubblico.",
    basis=("DM132-6", "L190-1-16"),
    confidenza="P",
    regimi=SEMPLIFICATO,
    richiede=RC,
    conforme="processi: [{area_rischio: autorizzazioni_concessioni}, {area_rischio: contratti_pubblici}, ...]",
    non_conforme="# nessun processo nell'area acquisizione_gestione_personale",
)
def mappatura_semplificata(ctx: Contesto) -> Iterator[Rilievo]:
    if not ctx.rc.processi:
        return  # an empty mapping is reported by CO010
    coperte: set[str] = {p.area_rischio for p in ctx.rc.processi}
    if _concorsi_da_confermare(ctx.rc.processi):
        coperte.add(AREA_CONCORSI)  # RC023 asks to confirm the reading
    mancano = [a for a in ctx.ref.aree_rischio.values() if a.l190_c16 and a.codice not in coperte]
    if mancano:
        yield Rilievo(
            F,
            ("processi",),
            "La mappatura non copre le aree dell'art. 1 c.16 L. 190/2012: "
            + elenco(f"{a.denominazione} («{a.codice}»)" for a in mancano)
            + ".",
        )
    if not any(p.rilevante_valore_pubblico or p.obiettivi_collegati for p in ctx.rc.processi):
        yield Rilievo(
            F,
            ("processi",),
            "Manca almeno un processo scelto dal RPCT e dai responsabili come rilevante per gli obiettivi di "
            "performance a protezione del valore pubblico («rilevante_valore_pubblico: true»).",
        )


AREA_CONCORSI: AreaRischio = "concorsi_progressioni"
"""Art. 1 c.16 lett. d L. 190/2012: narrower than the PNA area «acquisizione e gestione del
personale», which also holds e.g. leave and extra-institutional posts (DOMAIN.md §13.1)."""
_PAROLE_CONCORSI = re.compile(r"concors|selezion|progression|reclutament|assunzion", re.IGNORECASE)


def _concorsi_da_confermare(processi: list[Processo]) -> list[tuple[int, Processo]]:
    """Processes of the broad personnel area whose name speaks of competitions or
    progressions, when no process is in the statutory area itself."""
    if any(p.area_rischio == AREA_CONCORSI for p in processi):
        return []
    return [
        (i, p)
        for i, p in enumerate(processi)
        if p.area_rischio == "acquisizione_gestione_personale"
        and _PAROLE_CONCORSI.search(f"{p.denominazione} {p.descrizione or ''}")
    ]


@regola(
    "RC023",
    "rischi.area-concorsi",
    summary="I processi su concorsi e progressioni sono classificati nell'area dell'art. 1 c.16 lett. d "
    "L. 190/2012, non nella più ampia area del personale.",
    basis=("L190-1-16", "DM132-6"),
    confidenza="P",
    regimi=SEMPLIFICATO,
    richiede=RC,
    conforme="- {codice: PR-04, denominazione: Concorsi e selezioni, area_rischio: concorsi_progressioni}",
    non_conforme="- {codice: PR-04, denominazione: Concorsi e selezioni, area_rischio: "
    "acquisizione_gestione_personale}",
)
def area_concorsi(ctx: Contesto) -> Iterator[Rilievo]:
    for i, p in _concorsi_da_confermare(ctx.rc.processi):
        yield Rilievo(
            F,
            ("processi", i, "area_rischio"),
            f"{p.codice} («{p.denominazione}») è nell'area «acquisizione e gestione del personale», più "
            "ampia di quella dell'art. 1 c.16 lett. d L. 190/2012 («concorsi e prove selettive per "
            "l'assunzione del personale e progressioni di carriera»). piao lo conta per quell'area "
            "leggendone il nome (confidenza parziale): se riguarda concorsi o progressioni indicare "
            "«area_rischio: concorsi_progressioni».",
        )


@regola(
    "RC009",
    "rischi.misure-programmate",
    copre=("R17",),
    summary="Ogni misura indica fasi con tempi (una data, o una tempistica come «continuativa» o «per ogni "
    "procedura»), responsabile (unità, più unità o un ruolo come «tutti i responsabili»), indicatore di "
    "monitoraggio e valore atteso.",
    basis=("PNA2019-A1",),
    confidenza="P",
    richiede=RC,
    conforme="fasi: [{descrizione: ..., scadenza: 2026-06-30}]\nresponsabile: UO-SEG\nindicatore: ...\nvalore_atteso: ...",
    non_conforme="# misura senza indicatore e valore_atteso",
)
def misure_programmate(ctx: Contesto) -> Iterator[Rilievo]:
    for i, m in enumerate(ctx.rc.misure):
        mancano = [
            nome
            for nome, valore in (
                ("le fasi di attuazione", m.fasi),
                ("il responsabile", m.responsabile),
                ("l'indicatore di monitoraggio", m.indicatore),
                ("il valore atteso", m.valore_atteso),
            )
            if vuoto(valore)
        ]
        if mancano:
            yield Rilievo(F, ("misure", i), f"{m.codice}: {manca(mancano)}.")


@regola(
    "RC010",
    "rischi.misure-nel-triennio",
    copre=("R17",),
    summary="Le scadenze datate delle fasi delle misure cadono nel triennio del piano (le fasi continuative "
    "o periodiche non hanno una data da verificare).",
    basis=("PNA2019-A1", "DL80-6-2"),
    confidenza="P",
    richiede=RC,
    conforme="fasi: [{descrizione: ..., scadenza: 2026-06-30}]   # triennio 2026-2028",
    non_conforme="fasi: [{descrizione: ..., scadenza: 2029-06-30}]",
)
def misure_triennio(ctx: Contesto) -> Iterator[Rilievo]:
    inizio = datetime.date(ctx.anni[0], 1, 1)
    fine = datetime.date(ctx.anni[-1], 12, 31)
    for i, m in enumerate(ctx.rc.misure):
        for j, fase in enumerate(m.fasi):
            if isinstance(fase.scadenza, datetime.date) and not inizio <= fase.scadenza <= fine:
                yield Rilievo(
                    F,
                    ("misure", i, "fasi", j, "scadenza"),
                    f"{m.codice}: la scadenza {data_it(fase.scadenza)} è fuori dal triennio {ctx.anni[0]}-{ctx.anni[-1]}.",
                )


@regola(
    "RC011",
    "rischi.misure-generali",
    copre=(
        "R18",
        "D19",
    ),
    summary="Sono programmate le misure generali (codice di comportamento, conflitto di interessi, incarichi, "
    "inconferibilità, pantouflage, rotazione, whistleblowing, formazione, trasparenza, patti di integrità); "
    "per i comuni sotto i 5.000 abitanti e 50 dipendenti almeno quelle indicate da ANAC.",
    basis=("L190", "PNA2022", "ANAC-31-2025"),
    confidenza="P",
    richiede=RC,
    conforme="misure: [{tipo: generale, misura_generale: codice_comportamento}, ...]",
    non_conforme="# nessuna misura con misura_generale: whistleblowing",
)
def misure_generali(ctx: Contesto) -> Iterator[Rilievo]:
    if not ctx.rc.misure:
        return  # no measures at all is reported by RC002 / CO009 / CO010
    presenti = {m.misura_generale for m in ctx.rc.misure if m.misura_generale}
    # The reduced ANAC list is a concession to small comuni: it applies only when the plan
    # shows it is one (population stated and under 5,000; staff under 50, or, when the staff
    # is not stated, the simplified regime declared). Missing data is not read as «small».
    piccolo = (
        ctx.e_comune
        and ctx.popolazione is not None
        and ctx.popolazione < 5000
        and (
            ctx.dipendenti < SOGLIA_DIPENDENTI
            if ctx.dipendenti is not None
            else ctx.regime == "semplificato"
        )
    )
    richieste = [
        g
        for g in ctx.ref.misure_generali.values()
        if (g.piccoli_comuni if piccolo else g.richiesta) and g.codice not in presenti
    ]
    if richieste:
        chi = (
            f" per i comuni sotto i 5.000 abitanti e i {SOGLIA_DIPENDENTI} dipendenti (ANAC, delibera 31/2025)"
            if piccolo
            else ""
        )
        yield Rilievo(
            F,
            ("misure",),
            f"Mancano misure generali{chi}: "
            + elenco(f"{g.denominazione} ({g.base_normativa})" for g in richieste)
            + ".",
        )


@regola(
    "RC012",
    "rischi.conferma",
    copre=("R19",),
    summary="La conferma della sottosezione 2.3 è ammessa solo sotto i 50 dipendenti, nei due anni successivi a "
    "un'adozione completa, con le quattro condizioni e un atto motivato e pubblicato.",
    basis=("PNA2022", "ANAC-31-2025", "DM132-6"),
    confidenza="P",
    richiede=RC,
    conforme="conferma: {anno_ultima_adozione_completa: 2025, condizioni: {tutte: true}, url_pubblicazione: ...}",
    non_conforme="conferma: {anno_ultima_adozione_completa: 2022, ...}",
)
def conferma(ctx: Contesto) -> Iterator[Rilievo]:
    c = ctx.rc.conferma
    if c is None:
        return
    path = ("conferma",)
    if ctx.dipendenti is not None and ctx.dipendenti >= SOGLIA_DIPENDENTI:
        yield Rilievo(
            F,
            path,
            f"La conferma è riservata alle {SOTTO_SOGLIA} (l'ente ne ha {ctx.dipendenti}).",
        )
    distanza = ctx.anni[0] - c.anno_ultima_adozione_completa
    if distanza not in (1, 2):
        yield Rilievo(
            F,
            (*path, "anno_ultima_adozione_completa"),
            f"L'ultima adozione completa è del {c.anno_ultima_adozione_completa}: la conferma vale solo nei due "
            "anni successivi; va adottata una nuova sottosezione.",
        )
    negate = [k.replace("_", " ") for k, v in c.condizioni.model_dump().items() if not v]
    if negate:
        yield Rilievo(
            F,
            (*path, "condizioni"),
            "Conferma non ammessa: non ricorrono le condizioni " + elenco(negate) + ".",
        )
    if c.url_pubblicazione is None:
        yield Rilievo(F, path, "Manca l'indirizzo di pubblicazione dell'atto motivato di conferma.")


@regola(
    "RC018",
    "rischi.pna-vigente",
    copre=(
        "R40",
        "D02",
    ),
    summary="La sottosezione richiama il PNA vigente: dal ciclo 2026-2028 il PNA 2025 (delibera ANAC 19/2026).",
    basis=("PNA2025", "PNA2022"),
    confidenza="V",
    severita=Severity.INFO,
    motivo_severita="Il passaggio al PNA 2025 per i piani adottati a ridosso del 28/01/2026 non è del tutto chiaro.",
    richiede=RC,
    conforme="pna_riferimento: [PNA 2025 - delibera ANAC n. 19 del 28/01/2026]",
    non_conforme="pna_riferimento: [PNA 2022]",
)
def pna(ctx: Contesto) -> Iterator[Rilievo]:
    adozione = ctx.piano.anagrafica.adozione
    data = adozione.delibera.data if adozione and adozione.delibera else None
    citati = " ".join(ctx.rc.pna_riferimento).lower()
    if not ctx.rc.pna_riferimento:
        yield Rilievo(
            F, ("pna_riferimento",), "Non è indicato il Piano nazionale anticorruzione seguito."
        )
    elif (
        (data is None or data >= PNA_2025_DAL)
        and ctx.anni[0] >= 2026
        and not _PNA_2025.search(citati)
    ):
        yield Rilievo(
            F,
            ("pna_riferimento",),
            "Dal 28/01/2026 è in vigore il PNA 2025 (delibera ANAC n. 19/2026): il piano non lo richiama.",
        )


_PNA_2025 = re.compile(
    r"pna\s*2025|pna\s*2026\s*-\s*2028|19\s*(/|del)\s*(28/01/)?2026|n\.?\s*19\b.*2026"
)
"""How plans name the PNA 2025: «PNA 2025», «PNA 2026-2028», «delibera ANAC n. 19 del 28/01/2026»
(a bare «2025» is not enough: the Aggiornamento 2024 is delibera n. 31 of 2025)."""

_CODICE_ABROGATO = re.compile(
    r"(d\.?\s*lgs\.?|decreto\s+legislativo)\s*(n\.?|n°)?\s*50\s*/\s*2016"
    r"|18\s+aprile\s+2016,?\s*(n\.?|n°)\s*50\b",
    re.IGNORECASE,
)
"""The repealed procurement code: «D.Lgs. 50/2016», «decreto legislativo n. 50/2016»,
«codice dei contratti (D.Lgs. 50/2016)» — not a local act numbered 50/2016."""


_REGIME_TRANSITORIO = re.compile(
    r"art\.?\s*226|anterior[ei]\s+al\s+1[°º]?\s*luglio\s+2023|procediment\w*\s+in\s+corso",
    re.IGNORECASE,
)
"""Art. 226 c.2 D.Lgs. 36/2023 keeps D.Lgs. 50/2016 for procedures started before 1 July
2023: a text that says so cites the old code correctly."""


def _cita_il_codice_abrogato(testo: str) -> bool:
    return bool(_CODICE_ABROGATO.search(testo)) and not _REGIME_TRANSITORIO.search(testo)


def _testi(model: BaseModel) -> Iterator[str]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                yield item
            elif isinstance(item, BaseModel):
                yield from _testi(item)


@regola(
    "RC019",
    "rischi.codice-contratti-vigente",
    copre=("D21",),
    summary="La mappatura dei contratti pubblici richiama il D.Lgs. 36/2023 (come modificato dal D.Lgs. "
    "209/2024), non il codice abrogato D.Lgs. 50/2016.",
    basis=("DLGS36-2023", "PNA2025"),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="Un richiamo superato è un indizio di mappatura non aggiornata, non una violazione in sé.",
    richiede=RC,
    conforme="descrizione: ... ai sensi del D.Lgs. 36/2023",
    non_conforme="descrizione: ... ai sensi del D.Lgs. 50/2016",
)
def codice_contratti(ctx: Contesto) -> Iterator[Rilievo]:
    for i, p in enumerate(ctx.rc.processi):
        if any(_cita_il_codice_abrogato(t) for t in _testi(p)):
            yield Rilievo(
                F,
                ("processi", i),
                f"{p.codice}: richiama il D.Lgs. 50/2016, abrogato dal D.Lgs. 36/2023.",
            )
    for i, m in enumerate(ctx.rc.misure):
        if any(_cita_il_codice_abrogato(t) for t in _testi(m)):
            yield Rilievo(
                F,
                ("misure", i),
                f"{m.codice}: richiama il D.Lgs. 50/2016, abrogato dal D.Lgs. 36/2023.",
            )
