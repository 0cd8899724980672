"""Period rules on the results of the year (issue 18): a target missed beyond the band has
its causes (MP016), the Relazione's facts are written in the year's file (MP017), and a
distribution of final evaluations never tells one person's evaluation (MP018). Registered in
the one catalogue of period rules of regole.py, which imports this module.
"""

from __future__ import annotations

from collections.abc import Iterator

from piao.findings import Controllo, Severity, YamlPath
from piao.model.relazione import MINIMO_VALUTATI
from piao.periodi.regole import Contesto, regola
from piao.periodi.soddisfazione import indicatori_collegati

# --- MP016: causes of a target missed beyond the band ----------------------------------


@regola(
    "MP016",
    "periodo.cause-scostamento",
    summary="Un indicatore il cui raggiungimento calcolato è sotto la fascia «parzialmente "
    "raggiunto» (non raggiunto) ha le cause dello scostamento, o una rettifica motivata "
    "(sua o del suo obiettivo).",
    basis=("DLGS150-6-10", "DFP-LG-3-2018"),
    confidenza="P",
    conforme="indicatori:\n  OBP-03-I1: {valore: 2, cause: «gara per la piattaforma deserta, "
    "ripetuta in aprile»}  # target 8, partenza 0: 25 %",
    non_conforme="indicatori:\n  OBP-03-I1: {valore: 2}  # target 8, partenza 0: 25 %",
)
def cause_scostamento(ctx: Contesto) -> Iterator[tuple[YamlPath, str]]:
    r = ctx.letto.esito  # computed once, as the file was read
    da_rilevazioni = indicatori_collegati(ctx.piano)  # no «cause» can be written for these
    soglia = f"{r.parametri.soglia_parziale:g}".replace(".", ",")
    avanzamento = (
        f" (nel {ctx.periodo.descrizione} si misura l'avanzamento verso il target dell'anno)"
        if r.regola_periodo
        else ""
    )
    for e in r.indicatori:
        rilevato = ctx.dati.indicatori.get(e.codice)
        if e.esito != "non_raggiunto" or e.percentuale is None:
            continue
        if e.rettifica is not None or e.obiettivo in ctx.dati.rettifiche:
            continue  # the rettifica's reason explains the indicator or its objective
        if rilevato is None or rilevato.cause is not None or e.codice in da_rilevazioni:
            continue
        pct = f"{e.percentuale:.1f}".replace(".", ",")
        yield (
            ("indicatori", e.codice, "valore"),
            f"L'indicatore «{e.codice}» raggiunge il {pct} % del target{avanzamento}, sotto "
            f"la soglia del {soglia} % della fascia «parzialmente raggiunto»: scrivere "
            "«cause:» con le cause dello scostamento e che cosa si fa per recuperare, o una "
            "rettifica motivata dell'indicatore o del suo obiettivo. La Relazione sulla "
            "performance riporta i risultati «con rilevazione degli eventuali scostamenti» "
            "(art. 10 c.1 lett. b D.Lgs. 150/2009); "
            "chiederne le cause è una lettura applicata, che segue la prassi delle Linee "
            "guida DFP n. 3/2018.",
        )


# --- MP017: the Relazione's facts belong to the year --------------------------------------


@regola(
    "MP017",
    "periodo.relazione-solo-annuale",
    summary="I fatti della Relazione sulla performance («relazione») si scrivono nel file "
    "dell'anno (es. 2026.yaml), non in quello di una parte dell'anno.",
    basis=("DLGS150-10-1b",),
    confidenza="P",
    conforme="# monitoraggio/2026.yaml\nrelazione:\n  approvazione: {atto: ..., data: ...}",
    non_conforme="# monitoraggio/2026-S1.yaml\nrelazione:\n  approvazione: {atto: ..., data: ...}",
)
def relazione_annuale(ctx: Contesto) -> Iterator[tuple[YamlPath, str]]:
    if ctx.dati.relazione is not None and ctx.periodo.frazione is not None:
        yield (
            ("relazione",),
            f"«relazione» è nel file di un {ctx.periodo.descrizione}: la Relazione sulla "
            "performance rendiconta l'anno (art. 10 c.1 lett. b D.Lgs. 150/2009) e piao la "
            f"legge solo dal file dell'anno ({ctx.periodo.anno}.yaml). Spostarla lì.",
        )


# --- MP018: a distribution of evaluations must not tell a person's evaluation -------------


@regola(
    "MP018",
    "periodo.valutazioni-gruppo-piccolo",
    summary=f"La distribuzione delle valutazioni finali di un ruolo con meno di {MINIMO_VALUTATI} "
    "persone valutate renderebbe riconoscibile la valutazione di ciascuna: la Relazione e i "
    "dati aperti non la riportano.",
    basis=("ANAC-1310-2016",),
    confidenza="P",
    severita=Severity.WARNING,
    motivo_severita=f"la soglia di {MINIMO_VALUTATI} persone è una convenzione di piao a tutela "
    "della riservatezza; la norma chiede i dati sui premi «in forma aggregata»",
    conforme="# monitoraggio/2026.yaml\nrelazione:\n  valutazioni:\n"
    "    - {ruolo: posizioni_eq, fascia: 95-100, numero: 4}\n"
    "    - {ruolo: posizioni_eq, fascia: 85-94, numero: 5}",
    non_conforme="# monitoraggio/2026.yaml\nrelazione:\n  valutazioni:\n"
    "    - {ruolo: segretario, fascia: 95-100, numero: 1}",
)
def valutazioni_gruppo_piccolo(ctx: Contesto) -> Iterator[tuple[YamlPath, str]]:
    rel = ctx.dati.relazione
    if rel is None:
        return
    primo: dict[str, int] = {}
    for i, v in enumerate(rel.valutazioni):
        primo.setdefault(v.ruolo, i)
    for ruolo, n in rel.valutati().items():
        if n < MINIMO_VALUTATI:
            yield (
                ("relazione", "valutazioni", primo[ruolo]),
                f"Le valutazioni del ruolo «{ruolo}» riguardano {n} "
                f"{'persona' if n == 1 else 'persone'}: una distribuzione per fascia su meno "
                f"di {MINIMO_VALUTATI} persone renderebbe riconoscibile la valutazione di "
                "ciascuna, e la Relazione non la riporta. Unire il ruolo a un altro nel "
                "Sistema di misurazione, o togliere le righe.",
            )


# --- RL001, RL002: the deadline of the Relazione (checked by `piao relazione`) -----------

RELAZIONE_CHECKS: dict[str, Controllo] = {
    "approvazione": Controllo(
        "RL001",
        "relazione.approvazione-oltre-il-termine",
        "La Relazione sulla performance è approvata dalla Giunta entro il 30 giugno "
        "dell'anno successivo (art. 10 c.1 lett. b D.Lgs. 150/2009).",
        Severity.WARNING,
    ),
    "validazione": Controllo(
        "RL002",
        "relazione.validazione-oltre-il-termine",
        "La Relazione sulla performance è validata dall'OIV o dal Nucleo di valutazione "
        "(art. 14 c.4 lett. c D.Lgs. 150/2009) entro lo stesso termine.",
        Severity.WARNING,
    ),
}
"""The findings `piao relazione` gives on the 30 June deadline
(piao/rapporti/relazione_scadenza.py); here, below the catalogue, so `piao rules RL001`
explains them."""
