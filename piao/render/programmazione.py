"""The programme architecture as the document prints it: from the mandate lines to the DUP
(SeS, SeO), the links of each objective, PNRR measures, the «Mappa del Valore Pubblico»
(the DFP manual's name for the chain line → strategic → operational → public value →
performance) as a table; the figures are in mappa.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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
from piao.render.document import Blocco, Paragrafo
from piao.render.formatting import se
from piao.render.tabelle import Colonna, tabella


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
class RigaMappa:
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


def riga_mappa(
    arch: Architettura, o: ObiettivoVp, serventi: list[ObiettivoPerformance]
) -> RigaMappa:
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
    return RigaMappa(
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
    righe = [riga_mappa(arch, o, per_vp.get(o.codice, [])) for o in vps]
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
