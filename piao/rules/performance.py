"""Rules on sottosezione 2.2 Performance."""

from __future__ import annotations

from collections.abc import Iterator

from piao.findings import Severity
from piao.lingua import elenco
from piao.model.regime import ORDINARIO
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import pesi_diversi_da_100, vuoto
from piao.rules.valore_pubblico import ha_missione, target_assente

F = "performance.yaml"
TIPI_OBBLIGATORI = ("semplificazione", "digitalizzazione", "accessibilita", "pari_opportunita")


@regola(
    "PF001",
    "performance.indicatori",
    copre=("R33",),
    summary="Ogni obiettivo di performance ha almeno un indicatore o, se si misura per stato di "
    "avanzamento, le sue fasi.",
    basis=("DLGS150-5", "DM132-3-1b"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme="indicatori: [{codice: OBP-02-I1, descrizione: ...}]\n"
    "fasi: [{titolo: Predisposizione avviso pubblico, peso: 70}, ...]   # obiettivo a fasi",
    non_conforme="indicatori: []   # e nessuna fase",
)
def indicatori(ctx: Contesto) -> Iterator[Rilievo]:
    for i, o in enumerate(ctx.pf.obiettivi):
        if not o.indicatori and not o.fasi:
            yield Rilievo(
                F, ("obiettivi", i), f"{o.codice}: l'obiettivo non ha indicatori né fasi."
            )


@regola(
    "PF002",
    "performance.target-triennio",
    copre=("R33",),
    summary="Ogni indicatore di performance ha un valore di partenza (o una serie storica, il cui ultimo "
    "valore è il punto di partenza) e un target per ciascun anno del triennio, o un target "
    "complessivo del triennio.",
    basis=("DLGS150-5", "DM132-3-1b"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme="baseline: {anno: 2025, valore: 0}\ntarget: {2026: 12, 2027: 20, 2028: 25}\n"
    "target_triennio: 4   # «4 immobili nel triennio», al posto dei target annuali",
    non_conforme="target: {2026: 12, 2027: 20, 2028: da definire}",
)
def target(ctx: Contesto) -> Iterator[Rilievo]:
    for i, o in enumerate(ctx.pf.obiettivi):
        for j, ind in enumerate(o.indicatori):
            path = ("obiettivi", i, "indicatori", j)
            senza = target_assente(F, path, ind, ctx.anni)
            if senza is not None:
                yield senza
            # A history stands for the baseline: its latest value is where the plan starts.
            if ind.baseline is None and not ind.storico:
                yield Rilievo(F, path, f"{ind.codice}: manca il valore di partenza (baseline).")


@regola(
    "PF003",
    "performance.tipi-obbligatori",
    summary="Tra gli obiettivi di performance ci sono obiettivi di semplificazione, digitalizzazione, piena "
    "accessibilità e pari opportunità.",
    basis=("DM132-3-1b",),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme="tipi: [semplificazione, accessibilita]   # e altri obiettivi coprono gli altri due tipi",
    non_conforme="# nessun obiettivo con tipo pari_opportunita",
)
def tipi(ctx: Contesto) -> Iterator[Rilievo]:
    presenti = {t for o in ctx.pf.obiettivi for t in o.tipi}
    mancano = [t for t in TIPI_OBBLIGATORI if t not in presenti]
    if mancano:
        yield Rilievo(F, ("obiettivi",), f"Mancano obiettivi di tipo {elenco(mancano)}.")


@regola(
    "PF004",
    "performance.unita-responsabile",
    copre=("R33",),
    summary="Ogni obiettivo di performance è assegnato a un'unità organizzativa responsabile.",
    basis=("DLGS150-5", "DM132-3-1b"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme="unita_responsabile: UO-URP",
    non_conforme="# obiettivo senza unita_responsabile",
)
def responsabile(ctx: Contesto) -> Iterator[Rilievo]:
    for i, o in enumerate(ctx.pf.obiettivi):
        if vuoto(o.unita_responsabile):
            yield Rilievo(F, ("obiettivi", i), f"{o.codice}: manca l'unità responsabile.")


@regola(
    "PF005",
    "performance.valore-pubblico",
    copre=("D13",),
    summary="Ogni obiettivo di performance indica l'obiettivo di valore pubblico a cui contribuisce.",
    basis=("DM132-3-1b", "DFP-LG-2025"),
    confidenza="P",
    severita=Severity.WARNING,
    motivo_severita="Il collegamento verticale è un criterio delle Linee guida DFP, che non sono prescrittive.",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme="valore_pubblico: VP-01",
    non_conforme="# obiettivo senza valore_pubblico",
)
def valore_pubblico(ctx: Contesto) -> Iterator[Rilievo]:
    for i, o in enumerate(ctx.pf.obiettivi):
        if vuoto(o.valore_pubblico):
            yield Rilievo(
                F,
                ("obiettivi", i),
                f"{o.codice}: non indica l'obiettivo di valore pubblico servito.",
            )


@regola(
    "PF006",
    "performance.collegamento-dup",
    copre=(
        "R32",
        "D14",
    ),
    summary="Ogni obiettivo di performance richiama l'obiettivo operativo del DUP (per esteso o per "
    "codice) e la missione di bilancio (sua o dell'obiettivo del DUP richiamato).",
    basis=("DM132-8-1",),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="La coerenza con il DUP è obbligatoria, ma la forma del richiamo non è fissata dalla norma.",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme='dup: {obiettivo_operativo: "SeO 1.1.1 ...", missione: "01", programma: "0111"}\n'
    "dup: {obiettivi_operativi: [SEO-1.1.1]}   # SEO-1.1.1 con missione in architettura_programmatica",
    non_conforme="# obiettivo senza chiave dup",
)
def dup(ctx: Contesto) -> Iterator[Rilievo]:
    for i, o in enumerate(ctx.pf.obiettivi):
        mancano = []
        if o.dup is None or (vuoto(o.dup.obiettivo_operativo) and not o.dup.obiettivi_operativi):
            mancano.append("l'obiettivo operativo del DUP")
        if not ha_missione(ctx, o.dup):
            mancano.append("la missione di bilancio")
        if mancano:
            yield Rilievo(F, ("obiettivi", i), f"{o.codice}: manca {elenco(mancano)}.")


PLAUSIBILITA = (
    "Nessuna norma fissa la somma dei pesi: è un controllo di plausibilità, perché il peso è la "
    "quota di 100 che il Sistema di misurazione e valutazione attribuisce"
)


@regola(
    "PF007",
    "performance.pesi-obiettivi-unita",
    summary="I pesi degli obiettivi di performance di ciascuna unità responsabile sommano a 100 "
    "(controllo di plausibilità: nessuna norma fissa la somma).",
    basis=("DFP-LG-2025",),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme="# UO-URP: OBP-01 peso 60, OBP-02 peso 40 (o nessun peso indicato)",
    non_conforme="# UO-URP: OBP-01 peso 60, OBP-02 peso 30",
)
def pesi_unita(ctx: Contesto) -> Iterator[Rilievo]:
    gruppi: dict[tuple[str, str, str], list[int]] = {}
    # A unit that does not exist is CO003's finding, not a group of weights.
    esiste = (lambda u: u in ctx.unita) if ctx.piano.organizzazione is not None else bool
    for i, o in enumerate(ctx.pf.obiettivi):
        if o.unita_responsabile is not None and esiste(o.unita_responsabile):
            chiave = (o.unita_responsabile, o.dimensione or "organizzativa", o.assegnatario or "")
            gruppi.setdefault(chiave, []).append(i)
    for (unita, dimensione, assegnatario), indici in gruppi.items():
        obiettivi = [ctx.pf.obiettivi[i] for i in indici]
        problema = pesi_diversi_da_100([(o.codice, o.peso) for o in obiettivi])
        if problema is None:
            continue
        primo = next(i for i in indici if ctx.pf.obiettivi[i].peso is not None)
        di = f"{unita}" + (f" ({assegnatario})" if assegnatario else "")
        tipo = "individuali" if dimensione == "individuale" else ""
        yield Rilievo(
            F,
            ("obiettivi", primo, "peso"),
            f"Unità {di}: i pesi degli obiettivi{' ' + tipo if tipo else ''} {problema}. "
            f"{PLAUSIBILITA} a ciascun obiettivo dell'unità.",
        )


@regola(
    "PF008",
    "performance.pesi-fasi",
    summary="Le fasi di un obiettivo misurato per stato di avanzamento hanno pesi che sommano a 100 "
    "(controllo di plausibilità: nessuna norma fissa la somma).",
    basis=("DFP-LG-2025",),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme="fasi: [{titolo: Avviso, peso: 70}, {titolo: Valutazione, peso: 20}, {titolo: Incarico, peso: 10}]",
    non_conforme="fasi: [{titolo: Migrazione contenuti, peso: 60}, {titolo: Pubblicazione sito, peso: 30}]",
)
def pesi_fasi(ctx: Contesto) -> Iterator[Rilievo]:
    for i, o in enumerate(ctx.pf.obiettivi):
        problema = pesi_diversi_da_100(
            [(f"fase {n} «{f.titolo}»", f.peso) for n, f in enumerate(o.fasi, 1)]
        )
        if problema is not None:
            yield Rilievo(
                F,
                ("obiettivi", i, "fasi"),
                f"{o.codice}: i pesi delle fasi {problema}. {PLAUSIBILITA} a ciascuna fase.",
            )
