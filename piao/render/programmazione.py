"""The programme architecture as the document prints it: from the mandate lines to the DUP
(SeS, SeO), the links of each objective, PNRR measures, the «Mappa del Valore Pubblico»
(the DFP manual's name for the chain line → strategic → operational → public value →
performance) and the performance tree."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from piao.lingua import quanti
from piao.model.performance import ObiettivoPerformance
from piao.model.valore_pubblico import (
    ArchitetturaProgrammatica,
    CollegamentoDup,
    LineaProgrammatica,
    MisuraPnrr,
    ObiettivoOperativoDup,
    ObiettivoSalute,
    ObiettivoStrategicoDup,
    ObiettivoValorePubblico,
    ValorePubblico,
)
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Figura, Paragrafo
from piao.render.figures import RAMO, albero_performance
from piao.render.formatting import numero, se
from piao.render.tabelle import Colonna, tabella

ALBERO_MAX_RIGHE = 40
"""Indicator rows per tree figure: about one printed page."""
ALBERO_MAX_FIGURE = 30


def misura_pnrr(m: MisuraPnrr | None, prefisso: str = "PNRR ") -> str:
    """«PNRR M1C1 1.4.1 Esperienza del cittadino nei servizi pubblici»."""
    if m is None:
        return ""
    codice = m.missione + (m.componente or "") + se(" ", m.misura)
    return prefisso + codice + se(" ", m.denominazione)


@dataclass(frozen=True)
class Architettura:
    """The mandate lines and DUP objectives of a plan by code, to print a code with its title
    and to follow the chain upwards."""

    linee: dict[str, LineaProgrammatica]
    strategici: dict[str, ObiettivoStrategicoDup]
    operativi: dict[str, ObiettivoOperativoDup]

    @classmethod
    def di(cls, vp: ValorePubblico | None) -> Architettura:
        a = vp.architettura_programmatica if vp else None
        if a is None:
            return cls({}, {}, {})
        return cls(
            {x.codice: x for x in a.linee_programmatiche},
            {x.codice: x for x in a.obiettivi_strategici},
            {x.codice: x for x in a.obiettivi_operativi},
        )

    def nome(self, codice: str) -> str:
        """«SES-1.2 Comune digitale» (the code alone when the plan does not define it)."""
        voce = self.linee.get(codice) or self.strategici.get(codice) or self.operativi.get(codice)
        return f"{codice} {voce.titolo}" if voce else codice

    def strategici_di(self, operativi: Iterable[str]) -> list[str]:
        return [
            s
            for o in operativi
            if o in self.operativi
            for s in self.operativi[o].obiettivi_strategici
        ]

    def linee_di(self, strategici: Iterable[str]) -> list[str]:
        return [
            linea
            for s in strategici
            if s in self.strategici
            for linea in self.strategici[s].linee_programmatiche
        ]


def collegamento(ctx: Contesto, arch: Architettura, d: CollegamentoDup | None) -> str:
    """The DUP link of an objective: strategic and operational objectives (written out or
    by code, with their titles), missione and programma with their names."""
    if d is None:
        return ""
    parts = [x for x in (d.obiettivo_strategico, d.obiettivo_operativo) if x]
    parts += [arch.nome(c) for c in (*d.obiettivi_strategici, *d.obiettivi_operativi)]
    if d.missione:
        nome = ctx.ref.missioni.get(d.missione)
        parts.append(f"Missione {d.missione}" + (f" {nome.denominazione}" if nome else ""))
    if d.programma:
        prog = ctx.ref.programmi.get(d.programma)
        parts.append(f"Programma {d.programma}" + (f" {prog.denominazione}" if prog else ""))
    return "; ".join(parts)


def _missione(ctx: Contesto, codice: str | None) -> str:
    voce = ctx.ref.missioni.get(codice or "")
    return f"{codice} {voce.denominazione}" if voce else (codice or "")


def architettura(ctx: Contesto, a: ArchitetturaProgrammatica) -> list[Blocco]:
    """The mandate lines and the DUP strategic and operational objectives, as tables."""
    blocchi: list[Blocco] = [
        Paragrafo(
            "Architettura programmatica: dalle linee programmatiche di mandato"
            + se(" ", a.mandato)
            + " agli obiettivi strategici e operativi del Documento unico di programmazione.",
            "evidenza",
        )
    ]
    if a.linee_programmatiche:
        blocchi.append(
            tabella(
                "Linee programmatiche di mandato" + se(" ", a.mandato),
                a.linee_programmatiche,
                Colonna("Codice", 10, lambda x: x.codice),
                Colonna("Linea programmatica", 90, lambda x: x.titolo + se(". ", x.descrizione)),
            )
        )
    if a.obiettivi_strategici:
        blocchi.append(
            tabella(
                "Obiettivi strategici del DUP (Sezione strategica)",
                a.obiettivi_strategici,
                Colonna("Codice", 10, lambda x: x.codice),
                Colonna("Obiettivo strategico", 32, lambda x: x.titolo),
                Colonna("Linee di mandato", 30, lambda x: ctx.con_nomi(x.linee_programmatiche)),
                Colonna("Missione", 28, lambda x: _missione(ctx, x.missione)),
            )
        )
    if a.obiettivi_operativi:
        blocchi.append(
            tabella(
                "Obiettivi operativi del DUP (Sezione operativa)",
                a.obiettivi_operativi,
                Colonna("Codice", 11, lambda x: x.codice),
                Colonna("Obiettivo operativo", 25, lambda x: x.titolo),
                Colonna("Obiettivi strategici", 22, lambda x: ctx.con_nomi(x.obiettivi_strategici)),
                Colonna(
                    "Missione e programma",
                    26,
                    lambda x: "; ".join(
                        filter(
                            None,
                            (
                                _missione(ctx, x.missione),
                                x.programma
                                and f"{x.programma} {_programma(ctx, x.programma)}".strip(),
                            ),
                        )
                    ),
                ),
                Colonna("Responsabile politico", 20, lambda x: x.responsabile_politico or ""),
            )
        )
    return blocchi


def _programma(ctx: Contesto, codice: str) -> str:
    voce = ctx.ref.programmi.get(codice)
    return voce.denominazione if voce else ""


ObiettivoVp = ObiettivoValorePubblico | ObiettivoSalute


@dataclass(frozen=True)
class _RigaMappa:
    linee: tuple[str, ...]
    strategici: tuple[str, ...]
    operativi: tuple[str, ...]
    obiettivo: str
    performance: tuple[str, ...]


def _unici(valori: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in valori if v))


def _piano(testo: str) -> str:
    return " ".join(testo.casefold().split())


def _scritti_e_codici(
    scritti: list[str],
    codici: list[str],
    definiti: Mapping[str, ObiettivoStrategicoDup | ObiettivoOperativoDup],
    arch: Architettura,
) -> tuple[str, ...]:
    """DUP objectives written out and named by code, once each: a written-out one is left
    out when it names the title of one given by code («SeS 1.1 Un Comune vicino e
    semplice» beside SES-1.1)."""
    titoli = [_piano(definiti[c].titolo) for c in codici if c in definiti]
    propri = [t for t in scritti if not any(x in _piano(t) for x in titoli)]
    return _unici([*propri, *(arch.nome(c) for c in codici)])


def _riga_mappa(
    arch: Architettura, o: ObiettivoVp, serventi: list[ObiettivoPerformance]
) -> _RigaMappa:
    """The chain above and below one public-value objective: its own links, and those of
    the performance objectives that serve it, followed up through the DUP objectives."""
    links = [p.dup for p in serventi if p.dup is not None]
    proprio = o.dup if isinstance(o, ObiettivoValorePubblico) else None
    if proprio is not None:
        links.insert(0, proprio)
    operativi = [c for d in links for c in d.obiettivi_operativi]
    strategici = [c for d in links for c in d.obiettivi_strategici] + arch.strategici_di(operativi)
    linee = [*(o.linee_programmatiche if isinstance(o, ObiettivoValorePubblico) else [])]
    linee += arch.linee_di(strategici)
    return _RigaMappa(
        _unici(arch.nome(c) for c in linee),
        _scritti_e_codici(
            [d.obiettivo_strategico or "" for d in links], strategici, arch.strategici, arch
        ),
        _scritti_e_codici(
            [d.obiettivo_operativo or "" for d in links], operativi, arch.operativi, arch
        ),
        f"{o.codice} {o.titolo}",
        tuple(f"{p.codice} {p.titolo}" for p in serventi),
    )


def mappa(ctx: Contesto, vp: ValorePubblico) -> list[Blocco]:
    """«Mappa del valore pubblico»: one row per public-value objective (external and
    internal), from the mandate lines to the performance objectives that pursue it. None
    when no objective is linked to the mandate or the DUP."""
    arch = Architettura.di(vp)
    pf = ctx.piano.performance
    per_vp: dict[str, list[ObiettivoPerformance]] = {}
    for p in pf.obiettivi if pf else []:
        per_vp.setdefault(p.valore_pubblico or "", []).append(p)
    vps: list[ObiettivoVp] = [*vp.obiettivi, *vp.salute]
    righe = [_riga_mappa(arch, o, per_vp.get(o.codice, [])) for o in vps]
    if not any(r.linee or r.strategici or r.operativi for r in righe):
        return []
    return [
        Paragrafo(
            "Mappa del valore pubblico: per ciascun obiettivo, le linee di mandato, gli obiettivi "
            "strategici e operativi del DUP e gli obiettivi di performance che lo perseguono.",
            "evidenza",
        ),
        tabella(
            "Mappa del valore pubblico",
            righe,
            Colonna("Linee di mandato", 18, lambda r: "; ".join(r.linee)),
            Colonna("Obiettivi strategici (SeS)", 18, lambda r: "; ".join(r.strategici)),
            Colonna("Obiettivi operativi (SeO)", 18, lambda r: "; ".join(r.operativi)),
            Colonna("Obiettivo di valore pubblico", 20, lambda r: r.obiettivo),
            Colonna("Obiettivi di performance", 26, lambda r: "; ".join(r.performance)),
        ),
    ]


ALBERO_MAX_MISURE = 20
"""Indicators (or phases) the tree shows under one performance objective: the others are
one last box naming the table that lists them all, so that a figure stays about a page
whatever the plan (issue 15: 3,000 indicators made one figure 66,000 points high)."""


def _misure(o: ObiettivoPerformance) -> tuple[str, ...]:
    """What the tree shows under a performance objective: its indicators, else its phases."""
    if o.indicatori:
        voci = [f"{i.codice} {i.descrizione}" for i in o.indicatori[:ALBERO_MAX_MISURE]]
        altri = len(o.indicatori) - len(voci)
        dove = "vedi la tabella degli indicatori"
        nome = ("altro indicatore", "altri indicatori")
    else:
        voci = [
            f"Fase {n}: {f.titolo}" + se(" (peso ", numero(f.peso), ")")
            for n, f in enumerate(o.fasi[:ALBERO_MAX_MISURE], 1)
        ]
        altri = len(o.fasi) - len(voci)
        dove = "vedi la tabella delle fasi"
        nome = ("altra fase", "altre fasi")
    if altri > 0:
        voci[-1] = f"… e {quanti(altri + 1, *nome)}: {dove}"
    return tuple(voci)


def _righe(figli: tuple[tuple[str, str, tuple[str, ...]], ...]) -> int:
    return sum(max(1, len(ind)) for _, _, ind in figli)


def _gruppi_albero(rami: list[RAMO]) -> list[tuple[list[RAMO], str]]:
    """Split the tree into figures of at most ALBERO_MAX_RIGHE rows: whole branches
    together while they fit, a large branch in parts."""
    gruppi: list[tuple[list[RAMO], str]] = []
    corrente: list[RAMO] = []
    righe_correnti = 0  # rows of `corrente`, kept as a running sum (linear, issue 15)
    for codice, titolo, figli in rami:
        righe = _righe(figli)
        if righe > ALBERO_MAX_RIGHE:
            parti: list[list[tuple[str, str, tuple[str, ...]]]] = [[]]
            righe_parte = 0
            for figlio in figli:
                n = _righe((figlio,))
                if parti[-1] and righe_parte + n > ALBERO_MAX_RIGHE:
                    parti.append([])
                    righe_parte = 0
                parti[-1].append(figlio)
                righe_parte += n
            for i, parte in enumerate(parti, 1):
                gruppi.append(
                    ([(codice, titolo, tuple(parte))], f"{codice}, parte {i} di {len(parti)}")
                )
            continue
        if corrente and righe_correnti + righe > ALBERO_MAX_RIGHE:
            gruppi.append((corrente, ""))
            corrente = []
            righe_correnti = 0
        corrente.append((codice, titolo, figli))
        righe_correnti += righe
    if corrente:
        gruppi.append((corrente, ""))
    if len(gruppi) > 1:
        gruppi = [(g, p or f"{i} di {len(gruppi)}") for i, (g, p) in enumerate(gruppi, 1)]
    return gruppi


def albero(ctx: Contesto) -> list[Blocco]:
    """The performance tree as figures of about a page each (none without 2.2): every
    public-value objective, external and internal, with the performance objectives that
    serve it and their indicators (or phases, for objectives measured by progress)."""
    pf = ctx.piano.performance
    if pf is None or not ctx.valore_pubblico_per_codice:
        return []
    per_vp: dict[str, list[ObiettivoPerformance]] = {}
    for o in pf.obiettivi:
        per_vp.setdefault(o.valore_pubblico or "", []).append(o)
    rami: list[RAMO] = [
        (
            codice,
            obiettivo.titolo,
            tuple((o.codice, o.titolo, _misure(o)) for o in per_vp.get(codice, [])),
        )
        for codice, obiettivo in ctx.valore_pubblico_per_codice.items()
    ]
    gruppi = _gruppi_albero(rami)
    out: list[Blocco] = []
    for gruppo, parte in gruppi[:ALBERO_MAX_FIGURE]:
        titolo = (
            "Albero della performance"
            + se(" (", parte, ")")
            + ": valore pubblico, obiettivi e indicatori"
        )
        n_pf = sum(len(f) for _, _, f in gruppo)
        out.append(
            Figura(
                titolo,
                albero_performance(tuple(gruppo), titolo),
                f"Schema ad albero: "
                f"{quanti(len(gruppo), 'obiettivo di valore pubblico', 'obiettivi di valore pubblico')}"
                f" {'collegato' if len(gruppo) == 1 else 'collegati'} a "
                f"{quanti(n_pf, 'obiettivo di performance', 'obiettivi di performance')}"
                " e ai loro indicatori o fasi.",
            )
        )
    if len(gruppi) > ALBERO_MAX_FIGURE:
        out.append(
            Paragrafo(
                f"Gli altri {len(gruppi) - ALBERO_MAX_FIGURE} schemi sono omessi: i collegamenti completi sono "
                "nelle tabelle degli obiettivi.",
                "nota",
            )
        )
    return out
