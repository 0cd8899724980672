"""Sottosezione 3.1 Struttura organizzativa (`organizzazione.yaml`)."""

from __future__ import annotations

import typing

from piao.model.organizzazione import Organizzazione, TipoUnita, Unita, UnitaTrasversale
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Definizioni, Figura, Paragrafo, testo
from piao.render.etichette import etichetta
from piao.render.formatting import data, numero, se
from piao.render.parte import Parte
from piao.render.schema import Stile, Voce, schemi
from piao.render.tabelle import Colonna, tabella

TIPI = frozenset(typing.get_args(TipoUnita))


def tipo(u: Unita) -> str:
    """A suggested type by its label («Unità operativa»), any other label as the plan writes it."""
    return etichetta(u.tipo) if u.tipo in TIPI else u.tipo


def incarico(u: Unita) -> str:
    """«Dirigente ad interim»."""
    nome = etichetta(u.incarico) if u.incarico else ""
    if not u.ad_interim:
        return nome
    return f"{nome} ad interim" if nome else "Ad interim"


def periodo(u: Unita) -> str:
    """«dal 7 aprile 2025», «fino al 31 marzo 2028», «dal ... al ...»."""
    dal, al = u.operativa_dal, u.operativa_fino_al
    if dal and al:
        return f"dal {data(dal)} al {data(al)}"
    if dal:
        return f"dal {data(dal)}"
    return f"fino al {data(al)}" if al else ""


ORGANIGRAMMA_MAX_LIVELLI = 8
"""Indentation levels the organigram draws: deeper units are drawn at the last one."""
ORGANIGRAMMA_MAX_FIGURE = 12
"""Figures of the organigram: past them a note points to the table of the units."""

_STILI = (Stile("#dbe8f6", "#0b4f8c", "#0b2e52"), Stile("#eef2f6"), Stile("#ffffff", "#9aa8b6"))


def _voce_unita(u: Unita, livello: int) -> Voce:
    ruolo = incarico(u)
    chi = ": ".join(x for x in (ruolo, u.responsabile or "") if x)
    return Voce(
        min(livello, ORGANIGRAMMA_MAX_LIVELLI),
        ((u.denominazione, True), *(((chi, False),) if chi else ())),
        _STILI[min(livello, len(_STILI) - 1)],
    )


def _organigramma(org: Organizzazione) -> list[Blocco]:
    """The units as an indented tree from the «padre» links, in the plan's order: each
    unit under the one it depends on (a unit whose parent is missing, or that is caught
    in a loop of parents, starts a tree of its own)."""
    if len(org.unita) < 2:
        return []
    codici = {u.codice for u in org.unita}
    figli: dict[str, list[Unita]] = {}
    radici: list[Unita] = []
    for u in org.unita:
        if u.padre and u.padre in codici and u.padre != u.codice:
            figli.setdefault(u.padre, []).append(u)
        else:
            radici.append(u)
    voci: list[Voce] = []
    visti: set[str] = set()
    for radice in [*radici, *org.unita]:  # the units of a loop of parents come last
        pila = [(radice, 0)]
        while pila:
            u, livello = pila.pop()
            if u.codice in visti:
                continue
            visti.add(u.codice)
            voci.append(_voce_unita(u, livello))
            pila += [(f, livello + 1) for f in reversed(figli.get(u.codice, []))]
    titolo = "Organigramma: le unità organizzative e la loro dipendenza gerarchica"
    disegni = schemi(voci, titolo)
    blocchi: list[Blocco] = [
        Figura(
            d.titolo,
            d,
            f"Organigramma a elenco rientrato: {len(org.unita)} unità, ciascuna sotto quella da "
            "cui dipende, con il responsabile e il suo incarico.",
        )
        for d in disegni[:ORGANIGRAMMA_MAX_FIGURE]
    ]
    if len(disegni) > ORGANIGRAMMA_MAX_FIGURE:
        blocchi.append(
            Paragrafo(
                f"Le altre parti dell'organigramma ({len(disegni) - ORGANIGRAMMA_MAX_FIGURE}) sono "
                "omesse: tutte le unità sono nella tabella.",
                "nota",
            )
        )
    return blocchi


def _unita(ctx: Contesto, org: Organizzazione) -> Blocco:
    # A total only when every unit states its staff: a partial breakdown summed, or a
    # «Totale 0» where no unit states it, would misreport the staff of the entity.
    completo = bool(org.unita) and all(u.dipendenti is not None for u in org.unita)
    totale = numero(sum(u.dipendenti or 0 for u in org.unita)) if completo else None
    colonne = [
        Colonna[Unita]("Codice", 9, lambda u: u.codice),
        Colonna[Unita](
            "Unità", 27, lambda u: u.denominazione, totale="Totale" if completo else None
        ),
        Colonna[Unita]("Tipo", 9, tipo),
        Colonna[Unita]("Dipende da", 20, lambda u: ctx.unita(u.padre)),
        Colonna[Unita]("Responsabile", 17, lambda u: u.responsabile or ""),
        Colonna[Unita]("Incarico", 9, incarico),
    ]
    if any(u.operativa_dal or u.operativa_fino_al for u in org.unita):
        colonne.append(Colonna[Unita]("Periodo", 12, periodo))
    if any(u.dipendenti is not None for u in org.unita):
        colonne.append(
            Colonna[Unita]("Personale", 9, lambda u: numero(u.dipendenti), totale=totale)
        )
    return tabella("Unità organizzative", org.unita, *colonne)


def _trasversali(ctx: Contesto, org: Organizzazione) -> list[Blocco]:
    if not org.unita_trasversali:
        return []
    colonne = [
        Colonna[UnitaTrasversale]("Codice", 9, lambda u: u.codice),
        Colonna[UnitaTrasversale]("Unità", 24, lambda u: u.denominazione),
        Colonna[UnitaTrasversale]("Tipo", 12, tipo),
        Colonna[UnitaTrasversale](
            "Responsabile",
            17,
            lambda u: (u.responsabile or "") + se(" (", incarico(u).lower(), ")"),
        ),
        Colonna[UnitaTrasversale](
            "Unità coordinate", 26, lambda u: ", ".join(ctx.unita(c) for c in u.unita_coordinate)
        ),
        Colonna[UnitaTrasversale]("Periodo", 12, periodo),
    ]
    return [
        Paragrafo(
            "Fuori dall'articolazione gerarchica operano unità di coordinamento trasversale, che "
            "coordinano progetti comuni a più unità; il loro personale resta nelle unità di appartenenza."
        ),
        tabella("Unità di coordinamento trasversale", org.unita_trasversali, *colonne),
    ]


def _funzioni(org: Organizzazione) -> list[Blocco]:
    righe = tuple(
        (f"{u.codice} {u.denominazione}", ", ".join(u.funzioni))
        for u in (*org.unita, *org.unita_trasversali)
        if u.funzioni
    )
    return [Definizioni(righe, "Funzioni delle unità organizzative")] if righe else []


def costruisci(ctx: Contesto, org: Organizzazione) -> Parte:
    blocchi: list[Blocco] = testo(org.modello_organizzativo)
    if org.atto_organizzazione:
        blocchi.append(Paragrafo(f"Riferimento: {org.atto_organizzazione}."))
    blocchi += _organigramma(org)
    blocchi.append(_unita(ctx, org))
    blocchi += _trasversali(ctx, org)
    blocchi += _funzioni(org)
    if org.livelli_responsabilita:
        blocchi.append(
            tabella(
                "Livelli di responsabilità",
                org.livelli_responsabilita,
                Colonna("Livello", 30, lambda x: x.livello),
                Colonna("Descrizione", 55, lambda x: x.descrizione or ""),
                Colonna("Numero", 15, lambda x: numero(x.numero)),
            )
        )
    if org.interventi:
        blocchi.append(
            tabella(
                "Interventi organizzativi programmati",
                org.interventi,
                Colonna("Codice", 9, lambda i: i.codice),
                Colonna(
                    "Intervento",
                    52,
                    lambda i: i.titolo + se(": ", i.descrizione),
                ),
                Colonna("Valore pubblico", 27, lambda i: ctx.valore_pubblico(i.valore_pubblico)),
                Colonna("Scadenza", 12, lambda i: data(i.scadenza)),
            )
        )
    return Parte(tuple(blocchi))
