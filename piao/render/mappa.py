"""The «Mappa del valore pubblico» as figures (the DFP's best practice, e.g. the Comune di
Perugia): for each public-value objective, the chain from the mandate lines and the DUP
above it to the performance objectives that pursue it, their indicators with the target
of the first year (or their phases), and the processes at risk of section 2.3 linked to
them with their prevention measures. One figure (or a few, for a large objective) per
public-value objective, titles wrapped whole (issue 17)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from piao.lingua import quanti
from piao.model.base import Indicatore
from piao.model.performance import ObiettivoPerformance
from piao.model.rischi_corruttivi import Misura, Processo, RischiCorruttivi
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Figura, Paragrafo
from piao.render.formatting import numero, se
from piao.render.programmazione import Architettura, ObiettivoVp, riga_mappa
from piao.render.schema import Stile, Voce, schemi

ALBERO_MAX_MISURE = 20
"""Indicators (or phases) the map shows under one performance objective: the others are
one last box naming the table that lists them all, so that the figures stay a few pages
whatever the plan (issue 15: 3,000 indicators made one figure 66,000 points high)."""
MAPPA_MAX_PROCESSI = 10
"""Processes at risk the map shows under one objective; the others are counted."""
MAPPA_MAX_MISURE = 8
"""Prevention measures the map names for one process; the others are counted."""
ALBERO_MAX_FIGURE = 30
"""Figures of the map in all: past them a note points to the tables."""

_MANDATO = Stile("#f4f6f8", "#9aa8b6")
_VALORE = Stile("#dbe8f6", "#0b4f8c", "#0b2e52")
_PERFORMANCE = Stile("#eef2f6")
_MISURA = Stile("#ffffff", "#9aa8b6")
_RISCHIO = Stile("#fdf0e6", "#c77c3a")
_MANCA = Stile("#fbe3e6", "#9aa8b6")

Colora = Callable[[str], tuple[Stile, str] | None]
"""A code of an objective or an indicator → the style of its box and a line saying its state
in words (the monitoring report's traffic lights, piao.rapporti.semaforo); None leaves the
box as the plan's map draws it."""


def _colorata(voce: Voce, codice: str, colora: Colora | None) -> Voce:
    """The box of `codice` in the colour of its state, with the state in words as its last
    line (a colour never says anything alone)."""
    stato = colora(codice) if colora is not None else None
    if stato is None:
        return voce
    stile, parole = stato
    return replace(voce, paragrafi=(*voce.paragrafi, (parole, True)), stile=stile)


def _in_parole(codice: str, colora: Colora | None) -> str:
    """« — raggiunto, 92,0%»: the state of an indicator listed inside its objective's box."""
    stato = colora(codice) if colora is not None else None
    return "" if stato is None else f" — {stato[1]}"


def _target(ctx: Contesto, ind: Indicatore) -> str:
    """«Target 2026: 50 (percentuale)», the first year of the triennio, else the whole
    triennio's target, else the first target the plan sets."""
    anno = ctx.anni[0] if ctx.anni else None
    unita = se(" (", ind.unita_misura, ")")
    if anno is not None and anno in ind.target:
        return f"Target {anno}: {numero(ind.target[anno])}{unita}"
    if ind.target_triennio is not None:
        return f"Target nel triennio: {numero(ind.target_triennio)}{unita}"
    if ind.target:
        primo = min(ind.target)
        return f"Target {primo}: {numero(ind.target[primo])}{unita}"
    return "Target non indicato"


def _indicatori(
    ctx: Contesto, o: ObiettivoPerformance, livello: int, colora: Colora | None = None
) -> list[Voce]:
    """The indicators of a performance objective with their targets, else its phases."""
    if o.indicatori:
        voci = [
            _colorata(
                Voce(
                    livello,
                    ((f"{i.codice} {i.descrizione}", False), (_target(ctx, i), True)),
                    _MISURA,
                ),
                i.codice,
                colora,
            )
            for i in o.indicatori[:ALBERO_MAX_MISURE]
        ]
        altri, dove, nome = (
            len(o.indicatori) - len(voci),
            "vedi la tabella degli indicatori",
            ("altro indicatore", "altri indicatori"),
        )
    else:
        voci = [
            Voce(
                livello,
                ((f"Fase {n}: {f.titolo}" + se(" (peso ", numero(f.peso), ")"), False),),
                _MISURA,
            )
            for n, f in enumerate(o.fasi[:ALBERO_MAX_MISURE], 1)
        ]
        altri, dove, nome = (
            len(o.fasi) - len(voci),
            "vedi la tabella delle fasi",
            ("altra fase", "altre fasi"),
        )
    if altri > 0:
        voci[-1] = Voce(livello, ((f"… e {quanti(altri + 1, *nome)}: {dove}", False),), _MISURA)
    if not voci:
        voci.append(Voce(livello, (("nessun indicatore", False),), _MANCA))
    return voci


class _Rischi:
    """The processes at risk linked to each objective, either way (the objective lists the
    process, or the process lists the objective), and the measures of each process."""

    def __init__(self, rc: RischiCorruttivi | None) -> None:
        self.rc = rc
        self.processi: dict[str, Processo] = {p.codice: p for p in rc.processi} if rc else {}
        self.per_obiettivo: dict[str, list[str]] = {}
        for p in rc.processi if rc else []:
            for codice in p.obiettivi_collegati:
                self.per_obiettivo.setdefault(codice, []).append(p.codice)
        self.misure: dict[str, list[Misura]] = {}
        for m in rc.misure if rc else []:
            for codice in dict.fromkeys(m.processi):
                self.misure.setdefault(codice, []).append(m)

    def voci(self, codice: str, propri: Iterable[str], livello: int) -> list[Voce]:
        codici = [
            c
            for c in dict.fromkeys([*propri, *self.per_obiettivo.get(codice, [])])
            if c in self.processi
        ]
        voci = [self._voce(self.processi[c], livello) for c in codici[:MAPPA_MAX_PROCESSI]]
        if len(codici) > MAPPA_MAX_PROCESSI:
            altri = len(codici) - MAPPA_MAX_PROCESSI
            voci.append(
                Voce(
                    livello,
                    (
                        (
                            f"… e {quanti(altri, 'altro processo a rischio', 'altri processi a rischio')}"
                            ": vedi la sottosezione 2.3",
                            False,
                        ),
                    ),
                    _RISCHIO,
                )
            )
        return voci

    def _voce(self, p: Processo, livello: int) -> Voce:
        giudizio = self.rc.giudizio(p)[0] if self.rc else None
        paragrafi = [
            (f"Rischio 2.3: {p.codice} {p.denominazione}" + se(" (rischio ", giudizio, ")"), False)
        ]
        misure = self.misure.get(p.codice, [])
        if misure:
            nomi = [f"{m.codice} {m.titolo}" for m in misure[:MAPPA_MAX_MISURE]]
            if len(misure) > MAPPA_MAX_MISURE:
                nomi.append(f"e {quanti(len(misure) - MAPPA_MAX_MISURE, 'altra', 'altre')}")
            paragrafi.append(
                (("Misura: " if len(misure) == 1 else "Misure: ") + "; ".join(nomi), False)
            )
        return Voce(livello, tuple(paragrafi), _RISCHIO)


def _voci(
    ctx: Contesto,
    arch: Architettura,
    rischi: _Rischi,
    o: ObiettivoVp,
    serventi: list[ObiettivoPerformance] | None,
    *,
    colora: Colora | None = None,
) -> list[Voce]:
    """The boxes of one public-value objective; `serventi` None when the plan has no
    performance section."""
    riga = riga_mappa(arch, o, serventi or [])
    sopra = [
        (f"{etichetta}: {voce}", False)
        for etichetta, voci in (
            ("Linea di mandato", riga.linee),
            ("Obiettivo strategico DUP", riga.strategici),
            ("Obiettivo operativo DUP", riga.operativi),
        )
        for voce in voci
    ]
    voci: list[Voce] = [Voce(0, tuple(sopra), _MANDATO, ripetuta=False)] if sopra else []
    base = 1 if sopra else 0
    paragrafi = [(f"{o.codice} {o.titolo}", True)]
    paragrafi += [
        (
            f"Indicatore {i.codice} {i.descrizione} — {_target(ctx, i)}"
            + _in_parole(i.codice, colora),
            False,
        )
        for i in o.indicatori[:ALBERO_MAX_MISURE]
    ]
    if len(o.indicatori) > ALBERO_MAX_MISURE:
        altri = len(o.indicatori) - ALBERO_MAX_MISURE
        paragrafi.append(
            (f"… e {quanti(altri, 'altro indicatore', 'altri indicatori')}: vedi la tabella", False)
        )
    voci.append(_colorata(Voce(base, tuple(paragrafi), _VALORE), o.codice, colora))
    # The traffic-light map speaks of achievements only: the 2.3 risk boxes (pink by risk
    # level) would read as lights, so they stay in the plan's own map.
    con_rischi = colora is None
    if con_rischi:
        voci += rischi.voci(o.codice, getattr(o, "processi", []), base + 1)
    for p in serventi or []:
        voci.append(
            _colorata(
                Voce(
                    base + 1,
                    ((f"{p.codice} {p.titolo}", True),)
                    + ((f"Responsabile: {ctx.unita(p.unita_responsabile)}", False),)
                    * bool(p.unita_responsabile),
                    _PERFORMANCE,
                ),
                p.codice,
                colora,
            )
        )
        voci += _indicatori(ctx, p, base + 2, colora)
        if con_rischi:
            voci += rischi.voci(p.codice, p.processi, base + 2)
    if serventi == []:
        voci.append(Voce(base + 1, (("nessun obiettivo di performance collegato", False),), _MANCA))
    return voci


def mappa_figure(
    ctx: Contesto, colora: Colora | None = None, nome: str = "Mappa del valore pubblico"
) -> list[Blocco]:
    """The map as figures, one or a few per public-value objective; without section 2.2,
    the chain above each objective and its risks. With `colora`, each objective and
    indicator box in the colour of its state and with the state in words (the monitoring
    report's traffic-light map); `nome` heads each figure."""
    pf = ctx.piano.performance
    if not ctx.valore_pubblico_per_codice:
        return []
    arch = Architettura.di(ctx.piano.valore_pubblico)
    rischi = _Rischi(ctx.piano.rischi_corruttivi)
    per_vp: dict[str, list[ObiettivoPerformance]] = {}
    for p in pf.obiettivi if pf else []:
        per_vp.setdefault(p.valore_pubblico or "", []).append(p)
    out: list[Blocco] = []
    omesse = 0
    for codice, o in ctx.valore_pubblico_per_codice.items():
        serventi = per_vp.get(codice, []) if pf else None
        titolo = f"{nome}: {codice}"
        collegati = (
            ", con indicatori e target, ciascuno con il suo raggiungimento."
            if colora is not None
            else ", con indicatori e target, processi a rischio e misure collegati."
        )
        alt = f"Schema dell'obiettivo di valore pubblico {codice} {o.titolo}: " + (
            f"{quanti(len(serventi), 'obiettivo di performance', 'obiettivi di performance')}"
            + collegati
            if serventi is not None
            else "linee di mandato, DUP, indicatori"
            + (
                " e il loro raggiungimento."
                if colora is not None
                else ", processi a rischio e misure collegati."
            )
        )
        for disegno in schemi(_voci(ctx, arch, rischi, o, serventi, colora=colora), titolo):
            if len(out) < ALBERO_MAX_FIGURE:
                out.append(Figura(disegno.titolo, disegno, alt))
            else:
                omesse += 1
    if omesse:
        out.append(
            Paragrafo(
                f"Altri {quanti(omesse, 'schema', 'schemi')} della mappa sono omessi: i "
                "collegamenti completi sono nelle tabelle degli obiettivi.",
                "nota",
            )
        )
    return out
