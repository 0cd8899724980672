"""«Il PIAO in breve»: the plan for citizens and stakeholders, before its sections.

Everything here is counted or quoted from the plan itself (the objectives of public value
with one target each, the plan in figures); the plan may add a short presentation and a
few key commitments in `anagrafica.yaml` (`in_breve`). A figure the plan does not give is
left out, never printed as zero.
"""

from __future__ import annotations

from piao.lingua import dell_ente, quanti
from piao.model import Piano
from piao.model.anagrafica import Anagrafica
from piao.model.base import Indicatore
from piao.model.valore_pubblico import ObiettivoValorePubblico
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Definizioni, Elenco, Paragrafo
from piao.render.formatting import data, numero
from piao.render.parte import Parte

OBIETTIVI_MAX = 8
"""Objectives of public value listed one by one; the others are counted."""


def _presentazione(piano: Piano) -> str:
    a = piano.anagrafica
    return (
        f"Il Piano Integrato di Attività e Organizzazione {a.triennio} {dell_ente(a.ente.denominazione)} "
        "riunisce in un solo documento che cosa l'amministrazione vuole ottenere per la comunità nei "
        "prossimi tre anni e come si organizza per farlo: gli obiettivi, le persone, la formazione, la "
        "prevenzione della corruzione e la trasparenza. Questa sintesi ne riporta i punti principali; i "
        "dettagli sono nelle sezioni che seguono."
    )


# Units a citizen reads after the figure («78%», «35 giorni»); «numero» needs no word; any
# other unit stays in brackets after the description.
_DOPO_LA_CIFRA = {
    "percentuale": "%",
    "%": "%",
    "giorni": " giorni",
    "ore": " ore",
    "minuti": " minuti",
    "euro": " euro",
    "numero": "",
}


def _suffisso(i: Indicatore) -> str | None:
    return _DOPO_LA_CIFRA.get((i.unita_misura or "numero").strip().casefold())


def _cifra(i: Indicatore, valore: float | int | str) -> str:
    suffisso = _suffisso(i)
    testo = numero(valore)
    return testo + suffisso if suffisso and not isinstance(valore, str) else testo


def traguardo(i: Indicatore, ultimo: int) -> str | None:
    """«Utenti soddisfatti: da 78% nel 2025 a 88% nel 2028»: the last target of the
    triennio (or the triennio's), from the baseline when there is one; None without a
    target."""
    if ultimo in i.target:
        arrivo = f"{_cifra(i, i.target[ultimo])} nel {ultimo}"
    elif i.target_triennio is not None:
        arrivo = f"{_cifra(i, i.target_triennio)} nel triennio"
    elif i.target:
        anno = max(i.target)
        arrivo = f"{_cifra(i, i.target[anno])} nel {anno}"
    else:
        return None
    partenza = (
        f"da {_cifra(i, i.baseline.valore)} nel {i.baseline.anno} a "
        if i.baseline is not None
        else ""
    )
    misura = i.descrizione if _suffisso(i) is not None else f"{i.descrizione} ({i.unita_misura})"
    return f"{misura}: {partenza}{arrivo}"


def _obiettivo(o: ObiettivoValorePubblico, ultimo: int) -> str:
    traguardi = (t for i in o.indicatori if (t := traguardo(i, ultimo)) is not None)
    primo = next(traguardi, None)
    return o.titolo + (f". Traguardo: {primo}" if primo else "")


def cifre(piano: Piano) -> list[tuple[str, str]]:
    """The plan in figures: only what the plan gives."""
    a: Anagrafica = piano.anagrafica
    righe: list[tuple[str, str]] = []
    e = a.ente
    if e.popolazione is not None:
        righe.append(
            (
                "Popolazione residente",
                f"{numero(e.popolazione.valore)} al {data(e.popolazione.al)}",
            )
        )
    if e.dipendenti is not None:
        righe.append(
            ("Personale in servizio", f"{numero(e.dipendenti.valore)} al {data(e.dipendenti.al)}")
        )
    if piano.organizzazione is not None and piano.organizzazione.unita:
        righe.append(("Unità organizzative", numero(len(piano.organizzazione.unita))))
    vp = piano.valore_pubblico
    if vp is not None and vp.obiettivi:
        righe.append(("Obiettivi di valore pubblico", numero(len(vp.obiettivi))))
    pf = piano.performance
    if pf is not None and pf.obiettivi:
        righe.append(("Obiettivi di performance", numero(len(pf.obiettivi))))
    rc = piano.rischi_corruttivi
    if rc is not None:
        if rc.processi:
            righe.append(("Processi mappati per il rischio corruttivo", numero(len(rc.processi))))
        if rc.misure:
            generali = sum(1 for m in rc.misure if m.tipo == "generale")
            righe.append(
                (
                    "Misure di prevenzione della corruzione",
                    f"{numero(len(rc.misure))} ({quanti(generali, 'generale', 'generali')}, "
                    f"{quanti(len(rc.misure) - generali, 'specifica', 'specifiche')})",
                )
            )
    fp = piano.fabbisogni_personale
    if fp is not None:
        if fp.assunzioni:
            assunzioni: int | None = sum(x.numero for x in fp.assunzioni)
        else:
            annui = [t.assunzioni for t in fp.totali_annui.values() if t.assunzioni is not None]
            assunzioni = sum(annui) if annui else None
        if assunzioni is not None:
            righe.append(("Assunzioni programmate nel triennio", numero(assunzioni)))
        if fp.cessazioni:
            righe.append(
                ("Cessazioni previste nel triennio", numero(sum(c.numero for c in fp.cessazioni)))
            )
    fo = piano.formazione
    if fo is not None and fo.corsi:
        righe.append(("Corsi di formazione programmati", numero(len(fo.corsi))))
        righe.append(("Ore di formazione programmate", numero(sum(c.ore for c in fo.corsi))))
    la = piano.lavoro_agile
    if la is not None and la.lavoratori_agili:
        anno = min(la.lavoratori_agili)
        righe.append((f"Lavoratori in lavoro agile ({anno})", numero(la.lavoratori_agili[anno])))
    po = piano.pari_opportunita
    if po is not None and po.azioni:
        righe.append(("Azioni positive per le pari opportunità", numero(len(po.azioni))))
    return righe


def costruisci(ctx: Contesto, a: Anagrafica) -> Parte:
    piano = ctx.piano
    testi = a.in_breve
    blocchi: list[Blocco] = [
        Paragrafo(testi.presentazione if testi and testi.presentazione else _presentazione(piano))
    ]
    if testi is not None and testi.punti_chiave:
        blocchi += [Paragrafo("Gli impegni principali:"), Elenco(tuple(testi.punti_chiave))]
    vp = piano.valore_pubblico
    if vp is not None and vp.obiettivi:
        voci = [_obiettivo(o, a.triennio.a) for o in vp.obiettivi[:OBIETTIVI_MAX]]
        altri = len(vp.obiettivi) - OBIETTIVI_MAX
        if altri > 0:
            voci.append(
                f"e {quanti(altri, 'altro obiettivo', 'altri obiettivi')}, nella sottosezione 2.1"
            )
        blocchi += [
            Paragrafo("Il valore pubblico che l'amministrazione si impegna a creare:"),
            Elenco(tuple(voci)),
        ]
    righe = cifre(piano)
    if righe:
        blocchi.append(Definizioni(tuple(righe), "Il piano in cifre"))
    return Parte(tuple(blocchi))
