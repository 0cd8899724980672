"""Rules on sottosezione 2.2 Performance."""

from __future__ import annotations

from collections.abc import Iterator

from piao.findings import Severity
from piao.lingua import elenco
from piao.model.regime import ORDINARIO
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import vuoto
from piao.rules.valore_pubblico import target_mancanti

F = "performance.yaml"
TIPI_OBBLIGATORI = ("semplificazione", "digitalizzazione", "accessibilita", "pari_opportunita")


@regola(
    "PF001",
    "performance.indicatori",
    copre=("R33",),
    summary="Ogni obiettivo di performance ha almeno un indicatore.",
    basis=("DLGS150-5", "DM132-3-1b"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme="indicatori: [{codice: OBP-02-I1, descrizione: ...}]",
    non_conforme="indicatori: []",
)
def indicatori(ctx: Contesto) -> Iterator[Rilievo]:
    for i, o in enumerate(ctx.pf.obiettivi):
        if not o.indicatori:
            yield Rilievo(F, ("obiettivi", i), f"{o.codice}: l'obiettivo non ha indicatori.")


@regola(
    "PF002",
    "performance.target-triennio",
    copre=("R33",),
    summary="Ogni indicatore di performance ha un valore di partenza e un target per ciascun anno del triennio.",
    basis=("DLGS150-5", "DM132-3-1b"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme="baseline: {anno: 2025, valore: 0}\ntarget: {2026: 12, 2027: 20, 2028: 25}",
    non_conforme="target: {2026: 12, 2027: 20, 2028: da definire}",
)
def target(ctx: Contesto) -> Iterator[Rilievo]:
    for i, o in enumerate(ctx.pf.obiettivi):
        for j, ind in enumerate(o.indicatori):
            path = ("obiettivi", i, "indicatori", j)
            mancano = target_mancanti(ind, ctx.anni)
            if mancano:
                yield Rilievo(
                    F, (*path, "target"), f"{ind.codice}: manca il target per {elenco(mancano)}."
                )
            if ind.baseline is None:
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
    summary="Ogni obiettivo di performance richiama l'obiettivo operativo del DUP e la missione di bilancio.",
    basis=("DM132-8-1",),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="La coerenza con il DUP è obbligatoria, ma la forma del richiamo non è fissata dalla norma.",
    regimi=ORDINARIO,
    richiede=("performance",),
    conforme='dup: {obiettivo_operativo: "SeO 1.1.1 ...", missione: "01", programma: "0111"}',
    non_conforme="# obiettivo senza chiave dup",
)
def dup(ctx: Contesto) -> Iterator[Rilievo]:
    for i, o in enumerate(ctx.pf.obiettivi):
        mancano = []
        if o.dup is None or vuoto(o.dup.obiettivo_operativo):
            mancano.append("l'obiettivo operativo del DUP")
        if o.dup is None or o.dup.missione is None:
            mancano.append("la missione di bilancio")
        if mancano:
            yield Rilievo(F, ("obiettivi", i), f"{o.codice}: manca {elenco(mancano)}.")
