"""Rules on the transparency part of sottosezione 2.3: the obligations of publication in
Amministrazione trasparente (D.Lgs. 33/2013, delibera ANAC 1310/2016), their owners and
frequencies, where the PIAO itself is linked from, and civic access."""

from __future__ import annotations

from collections.abc import Iterator

from piao.lingua import elenco
from piao.reference import Collocazione
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import manca, normalizza, vuoto

F = "rischi_corruttivi.yaml"
RC = ("rischi_corruttivi",)


@regola(
    "RC013",
    "trasparenza.albero",
    copre=("R20",),
    summary="Ogni obbligo di pubblicazione indica sotto-sezioni di primo e secondo livello dell'albero di "
    "Amministrazione trasparente.",
    basis=("ANAC-1310-2016", "DLGS33"),
    confidenza="V",
    richiede=RC,
    conforme="sottosezione: [Disposizioni generali, Atti generali]",
    non_conforme="sottosezione: [Disposizioni generali, Atti vari]",
)
def albero(ctx: Contesto) -> Iterator[Rilievo]:
    albero = {
        normalizza(l1): {normalizza(x) for x in l2}
        for l1, l2 in ctx.ref.sottosezioni(alias=True).items()
    }
    if ctx.rc.trasparenza is None:
        return
    for i, o in enumerate(ctx.rc.trasparenza.obblighi):
        l1 = normalizza(o.sottosezione[0])
        path = ("trasparenza", "obblighi", i, "sottosezione")
        if l1 not in albero:
            yield Rilievo(
                F,
                (*path, 0),
                f"{o.codice}: «{o.sottosezione[0]}» non è una sotto-sezione di primo livello.",
            )
        elif len(o.sottosezione) < 2:
            yield Rilievo(F, path, f"{o.codice}: manca la sotto-sezione di secondo livello.")
        elif normalizza(o.sottosezione[1]) not in albero[l1]:
            yield Rilievo(
                F,
                (*path, 1),
                f"{o.codice}: «{o.sottosezione[1]}» non è una sotto-sezione di «{o.sottosezione[0]}».",
            )


@regola(
    "RC014",
    "trasparenza.responsabili",
    copre=(
        "R20",
        "D06",
    ),
    summary="Ogni obbligo di pubblicazione indica chi elabora e trasmette i dati, chi li pubblica e con quale frequenza.",
    basis=("DLGS33-10",),
    confidenza="V",
    richiede=RC,
    conforme="responsabile_dati: UO-SEG\nresponsabile_pubblicazione: UO-SIS\naggiornamento: annuale",
    non_conforme="# obbligo senza responsabile_pubblicazione",
)
def responsabili(ctx: Contesto) -> Iterator[Rilievo]:
    if ctx.rc.trasparenza is None:
        return
    for i, o in enumerate(ctx.rc.trasparenza.obblighi):
        mancano = [
            n
            for n, v in (
                ("il responsabile dei dati", o.responsabile_dati),
                ("il responsabile della pubblicazione", o.responsabile_pubblicazione),
                ("la frequenza di aggiornamento", o.aggiornamento),
            )
            if vuoto(v)
        ]
        if mancano:
            yield Rilievo(F, ("trasparenza", "obblighi", i), f"{o.codice}: {manca(mancano)}.")


@regola(
    "RC015",
    "trasparenza.tempestivo",
    copre=("R20",),
    summary="Per gli obblighi ad aggiornamento «tempestivo» l'ente fissa il proprio termine in giorni.",
    basis=("DLGS33", "PNA2022"),
    confidenza="P",
    richiede=RC,
    conforme="aggiornamento: tempestivo\ntermine_giorni: 10",
    non_conforme="aggiornamento: tempestivo   # senza termine_giorni",
)
def tempestivo(ctx: Contesto) -> Iterator[Rilievo]:
    if ctx.rc.trasparenza is None:
        return
    for i, o in enumerate(ctx.rc.trasparenza.obblighi):
        if o.aggiornamento == "tempestivo" and o.termine_giorni is None:
            yield Rilievo(
                F,
                ("trasparenza", "obblighi", i, "aggiornamento"),
                f"{o.codice}: «tempestivo» senza il termine in giorni fissato dall'ente («termine_giorni»).",
            )


def _canonici(ctx: Contesto) -> dict[tuple[str, str], tuple[str, str]]:
    """(first, second level) as written with an alias → the same with the official label."""
    return {
        (normalizza(n.livello_1), normalizza(alias)): (
            normalizza(n.livello_1),
            normalizza(n.livello_2),
        )
        for n in ctx.ref.albero_trasparenza
        for alias in n.alias
    }


@regola(
    "RC016",
    "trasparenza.collocazione-piao",
    copre=("R36",),
    summary="Gli obblighi programmati coprono le sotto-sezioni da cui il PIAO va raggiunto: Disposizioni "
    "generali, Performance, Personale - Dotazione organica, Altri contenuti - Prevenzione della corruzione.",
    basis=("ANAC-1310-2016", "DLGS33-10"),
    confidenza="P",
    richiede=RC,
    conforme="obblighi: [{sottosezione: [Performance, Piano della Performance], ...}, ...]",
    non_conforme="# nessun obbligo in Performance - Piano della Performance",
)
def collocazione(ctx: Contesto) -> Iterator[Rilievo]:
    if ctx.rc.trasparenza is None or not ctx.rc.trasparenza.obblighi:
        return  # no transparency section at all is RC022's
    canonico = _canonici(ctx)
    coperti = {
        canonico.get(
            (normalizza(o.sottosezione[0]), normalizza(o.sottosezione[1])),
            (normalizza(o.sottosezione[0]), normalizza(o.sottosezione[1])),
        )
        for o in ctx.rc.trasparenza.obblighi
        if len(o.sottosezione) >= 2
    }
    gruppi: dict[str, list[Collocazione]] = {}
    for c in ctx.ref.collocazioni_piao:
        if c.gruppo:
            gruppi.setdefault(c.gruppo, []).append(c)
    mancano = [
        f"{alternative[0].livello_1} - " + " o ".join(c.livello_2 for c in alternative)
        for alternative in gruppi.values()
        if not any(
            (normalizza(c.livello_1), normalizza(c.livello_2)) in coperti for c in alternative
        )
    ]
    if mancano:
        yield Rilievo(
            F,
            ("trasparenza",),
            "Il PIAO va pubblicato o collegato anche in: "
            + elenco(mancano)
            + "; mancano gli obblighi corrispondenti.",
        )


@regola(
    "RC017",
    "trasparenza.accesso-civico",
    copre=("R11",),
    summary="La sottosezione programma le misure per l'accesso civico semplice e generalizzato, con il registro degli accessi.",
    basis=("DLGS33-5", "DM132-3-1c"),
    confidenza="P",
    richiede=RC,
    conforme="accesso_civico: {registro_accessi: true, responsabile: UO-URP}",
    non_conforme="accesso_civico: {registro_accessi: false}",
)
def accesso_civico(ctx: Contesto) -> Iterator[Rilievo]:
    t = ctx.rc.trasparenza
    if t is None:
        return  # no transparency section at all is RC022's
    if t.accesso_civico is None:
        yield Rilievo(F, ("trasparenza",), "Mancano le misure per l'accesso civico.")
    elif not t.accesso_civico.registro_accessi:
        yield Rilievo(
            F,
            ("trasparenza", "accesso_civico", "registro_accessi"),
            "Il registro degli accessi non è previsto.",
        )


@regola(
    "RC022",
    "trasparenza.sezione",
    summary="Il piano ha una sezione dedicata alla trasparenza, con gli obblighi di pubblicazione e i "
    "responsabili della trasmissione e della pubblicazione dei dati.",
    basis=("DLGS33-10",),
    confidenza="V",
    richiede=RC,
    conforme="trasparenza: {obblighi: [{codice: TR-01, ...}]}",
    non_conforme="# nessuna chiave trasparenza, o obblighi: []",
)
def sezione(ctx: Contesto) -> Iterator[Rilievo]:
    t = ctx.rc.trasparenza
    if t is None or not t.obblighi:
        yield Rilievo(
            F,
            ("trasparenza",) if t is not None else (),
            "Manca la sezione sulla trasparenza con gli obblighi di pubblicazione e i responsabili della "
            "trasmissione e della pubblicazione dei dati (art. 10 c.1 D.Lgs. 33/2013).",
        )
