"""Rules on sottosezione 2.1 Valore pubblico and on the budget links (DUP, missioni, programmi)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from piao.findings import Severity, YamlPath
from piao.lingua import elenco
from piao.model.base import Indicatore
from piao.model.regime import ORDINARIO
from piao.model.valore_pubblico import (
    CollegamentoDup,
    ObiettivoOperativoDup,
    ObiettivoStrategicoDup,
)
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import segnaposto, vuoto

F = "valore_pubblico.yaml"
P = "performance.yaml"


@regola(
    "VP001",
    "valore-pubblico.accessibilita",
    copre=("R30",),
    summary="La sottosezione 2.1 indica le azioni per la piena accessibilità, fisica e digitale, dei "
    "cittadini ultrasessantacinquenni e dei cittadini con disabilità: per entrambi i gruppi.",
    basis=("DM132-3-1a", "DL80-6-2"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("valore_pubblico",),
    conforme="accessibilita: [{codice: ACC-01, tipo: digitale, destinatari: [over65], azione: ...}]",
    non_conforme="accessibilita: []",
)
def accessibilita(ctx: Contesto) -> Iterator[Rilievo]:
    if not ctx.vp.accessibilita:
        yield Rilievo(
            F, ("accessibilita",), "Mancano le azioni per la piena accessibilità fisica e digitale."
        )
    for i, azione in enumerate(ctx.vp.accessibilita):
        if not azione.destinatari:
            yield Rilievo(
                F,
                ("accessibilita", i, "destinatari"),
                f"L'azione {azione.codice} non indica i destinatari (over65, persone_con_disabilita).",
            )
    coperti = {d for azione in ctx.vp.accessibilita for d in azione.destinatari}
    if ctx.vp.accessibilita and all(a.destinatari for a in ctx.vp.accessibilita):
        for gruppo, nome in _DESTINATARI.items():
            if gruppo not in coperti:
                yield Rilievo(
                    F,
                    ("accessibilita",),
                    f"Nessuna azione per la piena accessibilità è rivolta ai {nome}: la legge le chiede per "
                    "i cittadini ultrasessantacinquenni e per i cittadini con disabilità (art. 3 c.1 lett. a "
                    "n. 2 DM 132/2022).",
                )


_DESTINATARI = {
    "over65": "cittadini ultrasessantacinquenni (over65)",
    "persone_con_disabilita": "cittadini con disabilità (persone_con_disabilita)",
}


@regola(
    "VP002",
    "valore-pubblico.obiettivi-accessibilita-agid",
    copre=("R30",),
    summary="Il piano richiama gli obiettivi di accessibilità dell'anno, pubblicati tramite AgID entro il 31 marzo.",
    basis=("DL179-9-7",),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="Gli obiettivi AgID sono un adempimento distinto dal PIAO: qui si verifica il collegamento.",
    regimi=ORDINARIO,
    richiede=("valore_pubblico",),
    conforme="obiettivi_accessibilita_agid: {anno: 2026, data_pubblicazione: 2026-03-20, url: ...}",
    non_conforme="obiettivi_accessibilita_agid: {anno: 2025, ...}",
)
def agid(ctx: Contesto) -> Iterator[Rilievo]:
    anno = ctx.anni[0]
    agid = ctx.vp.obiettivi_accessibilita_agid
    if agid is None:
        yield Rilievo(
            F,
            ("obiettivi_accessibilita_agid",),
            f"Manca il collegamento agli obiettivi di accessibilità {anno} pubblicati tramite AgID.",
        )
        return
    if agid.anno != anno:
        yield Rilievo(
            F,
            ("obiettivi_accessibilita_agid", "anno"),
            f"Gli obiettivi di accessibilità citati sono del {agid.anno}: serve quelli del {anno}.",
        )
    termine = datetime.date(agid.anno, 3, 31)
    if agid.data_pubblicazione is not None and agid.data_pubblicazione > termine:
        yield Rilievo(
            F,
            ("obiettivi_accessibilita_agid", "data_pubblicazione"),
            f"Obiettivi di accessibilità pubblicati dopo il 31 marzo {agid.anno}.",
        )


@regola(
    "VP003",
    "valore-pubblico.semplificazione",
    copre=("R31",),
    summary="La sottosezione 2.1 elenca le procedure da semplificare e reingegnerizzare nell'anno.",
    basis=("DM132-3-1a",),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("valore_pubblico",),
    conforme="semplificazione: [{codice: SEM-01, procedura: ..., intervento: digitalizzazione}]",
    non_conforme="semplificazione: []   # anche con una motivazione_semplificazione",
)
def semplificazione(ctx: Contesto) -> Iterator[Rilievo]:
    if not ctx.vp.semplificazione:
        motivata = not vuoto(ctx.vp.motivazione_semplificazione)
        yield Rilievo(
            F,
            ("semplificazione",),
            "Manca l'elenco delle procedure da semplificare e reingegnerizzare (art. 3 c.1 lett. a n. 3 "
            "DM 132/2022)"
            + (
                ": la norma chiede l'elenco e non prevede eccezioni, la motivazione scritta non lo sostituisce."
                if motivata
                else "."
            ),
        )


Bilancio = tuple[str, YamlPath, str, str | None, str | None]
"""(file, path of the object holding missione/programma, codice, missione, programma)."""


def _collegamenti(ctx: Contesto) -> Iterator[Bilancio]:
    """Every missione/programma the plan writes: in the DUP links of the objectives of 2.1
    and 2.2 and in the strategic and operational objectives of the programme architecture."""
    if ctx.piano.valore_pubblico is not None:
        for i, o in enumerate(ctx.vp.obiettivi):
            if o.dup is not None:
                yield F, ("obiettivi", i, "dup"), o.codice, o.dup.missione, o.dup.programma
        arch = ctx.vp.architettura_programmatica
        if arch is not None:
            base = ("architettura_programmatica",)
            for i, s in enumerate(arch.obiettivi_strategici):
                yield F, (*base, "obiettivi_strategici", i), s.codice, s.missione, None
            for i, op in enumerate(arch.obiettivi_operativi):
                yield F, (*base, "obiettivi_operativi", i), op.codice, op.missione, op.programma
    if ctx.piano.performance is not None:
        for i, p in enumerate(ctx.pf.obiettivi):
            if p.dup is not None:
                yield P, ("obiettivi", i, "dup"), p.codice, p.dup.missione, p.dup.programma


def strategici(ctx: Contesto, dup: CollegamentoDup) -> list[ObiettivoStrategicoDup]:
    """The DUP strategic objectives a link names by code, directly or through its
    operational objectives (only those that exist: CO007 reports the others)."""
    codici = [*dup.obiettivi_strategici]
    for op in operativi(ctx, dup):
        codici += op.obiettivi_strategici
    tutti = ctx.per_tipo.get("ObiettivoStrategicoDup", {})
    trovati = (tutti[c].model for c in dict.fromkeys(codici) if c in tutti)
    return [o for o in trovati if isinstance(o, ObiettivoStrategicoDup)]


def operativi(ctx: Contesto, dup: CollegamentoDup) -> list[ObiettivoOperativoDup]:
    """The DUP operational objectives a link names by code (those that exist)."""
    tutti = ctx.per_tipo.get("ObiettivoOperativoDup", {})
    trovati = (tutti[c].model for c in dup.obiettivi_operativi if c in tutti)
    return [o for o in trovati if isinstance(o, ObiettivoOperativoDup)]


def ha_missione(ctx: Contesto, dup: CollegamentoDup | None) -> bool:
    """A budget missione, written on the link or on a DUP objective it names by code."""
    if dup is None:
        return False
    if dup.missione is not None:
        return True
    return any(o.missione for o in operativi(ctx, dup)) or any(
        o.missione for o in strategici(ctx, dup)
    )


@regola(
    "VP004",
    "dup.missione-valida",
    copre=("R32",),
    summary="La missione di bilancio indicata esiste nel D.Lgs. 118/2011.",
    basis=("DLGS118-A14", "DM132-8-1"),
    confidenza="V",
    conforme='dup: {missione: "12", programma: "1203"}',
    non_conforme='dup: {missione: "21"}',
)
def missione(ctx: Contesto) -> Iterator[Rilievo]:
    for file, path, codice, missione_, _ in _collegamenti(ctx):
        if missione_ is not None and missione_ not in ctx.ref.missioni:
            yield Rilievo(
                file, (*path, "missione"), f"{codice}: la missione «{missione_}» non esiste."
            )


@regola(
    "VP005",
    "dup.programma-valido",
    copre=("R32",),
    summary="Il programma di bilancio esiste, appartiene alla missione indicata e non è riservato alle regioni.",
    basis=("DLGS118-A14", "DM132-8-1"),
    confidenza="P",
    conforme='dup: {missione: "12", programma: "1203"}',
    non_conforme='dup: {missione: "12", programma: "0111"}',
)
def programma(ctx: Contesto) -> Iterator[Rilievo]:
    for file, path, codice, missione_, programma_ in _collegamenti(ctx):
        if programma_ is None:
            continue
        voce = ctx.ref.programmi.get(programma_)
        where = (*path, "programma")
        if voce is None:
            yield Rilievo(file, where, f"{codice}: il programma «{programma_}» non esiste.")
        elif voce.solo_regioni and ctx.e_ente_locale:
            yield Rilievo(
                file,
                where,
                f"{codice}: il programma {voce.codice} «{voce.denominazione}» è riservato alle regioni.",
            )
        elif missione_ is not None and voce.missione != missione_:
            yield Rilievo(
                file,
                where,
                f"{codice}: il programma {voce.codice} appartiene alla missione {voce.missione}, non alla {missione_}.",
            )


@regola(
    "VP006",
    "dup.collegamento",
    copre=("R32",),
    summary="Ogni obiettivo di valore pubblico richiama un obiettivo strategico del DUP (per esteso o "
    "per codice) e una missione di bilancio (sua o dell'obiettivo del DUP richiamato).",
    basis=("DM132-8-1", "DM132-3-1a"),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="La coerenza con il DUP è obbligatoria, ma la forma del richiamo non è fissata dalla norma.",
    regimi=ORDINARIO,
    richiede=("valore_pubblico",),
    conforme='dup: {obiettivo_strategico: "SeS 1.1 ...", missione: "01", programma: "0111"}\n'
    "dup: {obiettivi_strategici: [SES-1.1]}   # SES-1.1 con missione in architettura_programmatica",
    non_conforme="# obiettivo senza chiave dup",
)
def collegamento_dup(ctx: Contesto) -> Iterator[Rilievo]:
    for i, o in enumerate(ctx.vp.obiettivi):
        mancano = []
        d = o.dup
        if d is None or (
            vuoto(d.obiettivo_strategico)
            and not d.obiettivi_strategici
            and not any(op.obiettivi_strategici for op in operativi(ctx, d))
        ):
            mancano.append("l'obiettivo strategico del DUP")
        if not ha_missione(ctx, d):
            mancano.append("la missione di bilancio")
        if mancano:
            yield Rilievo(F, ("obiettivi", i), f"{o.codice}: manca {elenco(mancano)}.")


@regola(
    "VP007",
    "dup.missione-tecnica",
    copre=("R32",),
    summary="Gli obiettivi non si collegano alle missioni tecniche (20, 50, 60, 99).",
    basis=("DLGS118-A14",),
    confidenza="P",
    severita=Severity.INFO,
    motivo_severita="Sconsigliato, non vietato.",
    conforme='dup: {missione: "09"}',
    non_conforme='dup: {missione: "99"}',
)
def missione_tecnica(ctx: Contesto) -> Iterator[Rilievo]:
    for file, path, codice, missione_, _ in _collegamenti(ctx):
        if missione_ in ctx.ref.missioni_tecniche:
            nome = ctx.ref.missioni[missione_].denominazione
            yield Rilievo(
                file,
                (*path, "missione"),
                f"{codice}: la missione {missione_} «{nome}» è tecnica e non descrive valore pubblico.",
            )


@regola(
    "VP008",
    "valore-pubblico.risparmio-energetico",
    copre=("R39",),
    summary="La sezione 2 contiene obiettivi di risparmio energetico.",
    basis=("CIRC-DFP-2-2022",),
    confidenza="V",
    severita=Severity.INFO,
    motivo_severita="Lo chiede una circolare del Dipartimento della Funzione Pubblica, non una norma.",
    regimi=ORDINARIO,
    richiede=("valore_pubblico", "performance"),
    conforme="risparmio_energetico: [{codice: EN-01, titolo: ...}]",
    non_conforme="risparmio_energetico: []   # e nessun obiettivo di performance di tipo risparmio_energetico",
)
def energia(ctx: Contesto) -> Iterator[Rilievo]:
    if ctx.vp.risparmio_energetico:
        return
    if any("risparmio_energetico" in o.tipi for o in ctx.pf.obiettivi):
        return
    yield Rilievo(
        F, ("risparmio_energetico",), "Mancano obiettivi di risparmio energetico nella sezione 2."
    )


def target_mancanti(indicatore: Indicatore, anni: list[int]) -> list[str]:
    """Years of the triennio without a real target (missing or a placeholder); none when
    the indicator has a target for the whole triennio («4 immobili nel triennio»)."""
    triennio = indicatore.target_triennio
    if triennio is not None and not segnaposto(triennio):
        return []
    return [str(a) for a in anni if a not in indicatore.target or segnaposto(indicatore.target[a])]


def target_assente(file: str, path: YamlPath, ind: Indicatore, anni: list[int]) -> Rilievo | None:
    """The finding for an indicator at `path` without a target for each year of the
    triennio: at its yearly targets, or at the indicator when it has none at all (nor a
    target of the whole triennio, which may be still «da definire»)."""
    mancano = target_mancanti(ind, anni)
    if not mancano:
        return None
    if ind.target:
        return Rilievo(
            file, (*path, "target"), f"{ind.codice}: manca il target per {elenco(mancano)}."
        )
    return Rilievo(
        file,
        path,
        f"{ind.codice}: manca il target per {elenco(mancano)} (o un target complessivo del triennio).",
    )


@regola(
    "VP009",
    "valore-pubblico.indicatori",
    copre=("D12",),
    summary="Ogni obiettivo di valore pubblico, anche di salute dell'ente, ha almeno un indicatore con "
    "valore di partenza (o una serie storica, il cui ultimo valore è il punto di partenza) e target per "
    "ciascun anno (o un target complessivo del triennio).",
    basis=("DM132-3-1a", "DFP-LG-2025"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("valore_pubblico",),
    conforme="indicatori: [{codice: VP-01-I1, baseline: {anno: 2025, valore: 78}, target: {2026: 82, 2027: 85, 2028: 88}}]",
    non_conforme="indicatori: []",
)
def indicatori_vp(ctx: Contesto) -> Iterator[Rilievo]:
    famiglie: tuple[tuple[str, list[tuple[str, list[Indicatore]]]], ...] = (
        ("obiettivi", [(o.codice, o.indicatori) for o in ctx.vp.obiettivi]),
        ("salute", [(o.codice, o.indicatori) for o in ctx.vp.salute]),
    )
    for chiave, obiettivi in famiglie:
        for i, (codice, indicatori) in enumerate(obiettivi):
            if not indicatori:
                yield Rilievo(F, (chiave, i), f"{codice}: nessun indicatore.")
            for j, ind in enumerate(indicatori):
                senza = target_assente(F, (chiave, i, "indicatori", j), ind, ctx.anni)
                if senza is not None:
                    yield senza
                # A history stands for the baseline: its latest value is where the plan starts.
                if ind.baseline is None and not ind.storico:
                    yield Rilievo(
                        F,
                        (chiave, i, "indicatori", j),
                        f"{ind.codice}: manca il valore di partenza (baseline).",
                    )
