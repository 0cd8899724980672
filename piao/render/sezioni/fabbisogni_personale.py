"""Sottosezione 3.3.1 Fabbisogni di personale (`fabbisogni_personale.yaml`), with the
hiring plan in annex 4."""

from __future__ import annotations

from collections.abc import Iterable

from piao.calcoli import rapporto_capacita
from piao.lingua import quanti
from piao.model.fabbisogni_personale import (
    TRIENNIO,
    Assunzione,
    CapacitaAssunzionale,
    CapacitaDichiarata,
    Cessazione,
    FabbisogniPersonale,
    LimiteSpesaPersonale,
    MetodoReclutamento,
    Periodo,
    VoceConsistenza,
)
from piao.render.allegati import ASSUNZIONI
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Definizioni, Elenco, Paragrafo, Tabella
from piao.render.etichette import etichetta
from piao.render.formatting import data, euro, numero, percentuale, se
from piao.render.parte import Annesso, Parte
from piao.render.tabelle import Colonna, tabella, tabella_annuale

ND = "n.d."
"""A cost the plan does not state: never printed as zero."""


def costo(valore: float | None) -> str:
    """«38.500,00 €», or «n.d.» when the plan gives no cost."""
    return ND if valore is None else euro(valore)


def _minuscola(testo: str) -> str:
    """A label inside a sentence: «Concorso» → «concorso», «PNRR» and «RIPAM» unchanged."""
    return testo[0].lower() + testo[1:] if testo[1:2].islower() else testo


def _maiuscola(testo: str) -> str:
    return testo[0].upper() + testo[1:]


def periodo(anno: Periodo) -> str:
    return "Triennio" if anno == TRIENNIO else str(anno)


def _ordine(anno: Periodo) -> tuple[int, int]:
    """Years first, then the rows given for the whole triennio."""
    return (1, 0) if isinstance(anno, str) else (0, anno)


def _somma_costi(voci: Iterable[tuple[int, float | None]]) -> str:
    """The total cost of some rows (posts × cost per post): «n.d.» when no row states a
    cost, «(parziale)» when only some do."""
    righe = list(voci)
    if not righe:
        return ""
    noti = [n * c for n, c in righe if c is not None]
    if not noti:
        return ND
    testo = euro(sum(noti))
    return f"{testo} (parziale)" if len(noti) < len(righe) else testo


def _fuori_capacita(fp: FabbisogniPersonale) -> str:
    voci = []
    for a in fp.assunzioni:
        fin = a.finanziamento
        if fin is None or not fin.fuori_capacita:
            continue
        posti = quanti(a.numero, "posto", "posti")
        voci.append(f"{a.codice} ({posti}, {etichetta(fin.fonte)}{se('; ', fin.norma)})")
    return "; ".join(voci)


def _capacita(ctx: Contesto, fp: FabbisogniPersonale, ca: CapacitaAssunzionale) -> Definizioni:
    righe: list[tuple[str, str]] = []
    if ca.spesa_personale is not None:
        righe.append(
            (
                f"Spesa di personale (rendiconto {ca.spesa_personale.rendiconto})",
                euro(ca.spesa_personale.importo),
            )
        )
    for anno in sorted(ca.entrate_correnti):
        righe.append((f"Entrate correnti {anno}", euro(ca.entrate_correnti[anno])))
    if ca.fcde is not None:
        righe.append((f"Fondo crediti di dubbia esigibilità {ca.fcde.anno}", euro(ca.fcde.importo)))
    ente = ctx.piano.anagrafica.ente
    r = (
        rapporto_capacita(fp, ente.popolazione.valore if ente.popolazione else None, ctx.ref)
        if ente.tipologia == "comune"
        else None
    )
    if r is not None:
        righe += [
            ("Media delle entrate correnti al netto del FCDE", euro(r.denominatore)),
            ("Rapporto spesa di personale / entrate correnti", percentuale(r.percentuale)),
            (
                f"Valore soglia (fascia {r.fascia.fascia}, DM 17/3/2020 Tabella 1)",
                percentuale(r.fascia.tabella_1, 1),
            ),
            ("Spesa massima al valore soglia", euro(r.limite_tabella_1)),
        ]
        if r.sotto_soglia:
            righe.append(("Spesa aggiuntiva consentita al valore soglia", euro(r.spesa_aggiuntiva)))
    for anno in sorted(ca.spesa_personale_prevista):
        righe.append(
            (f"Spesa di personale prevista {anno}", euro(ca.spesa_personale_prevista[anno]))
        )
    fuori = _fuori_capacita(fp)
    if fuori:
        righe.append(("Assunzioni finanziate fuori dalla capacità assunzionale", fuori))
    if ca.asseverazione_revisori:
        righe.append(("Organo di revisione", ca.asseverazione_revisori))
    return Definizioni(tuple(righe), "Capacità assunzionale (art. 33 c.2 DL 34/2019, DM 17/3/2020)")


def _dichiarata(d: CapacitaDichiarata) -> Definizioni:
    riferimento = ", ".join(p for p in (se("anno ", d.anno), se("rendiconto ", d.rendiconto)) if p)
    righe = [
        ("Rapporto spesa di personale / entrate correnti", percentuale(d.rapporto)),
        ("Valore soglia", percentuale(d.valore_soglia)),
        ("Fascia demografica", d.fascia or ""),
        ("Spesa aggiuntiva consentita", euro(d.spesa_aggiuntiva)),
    ]
    return Definizioni(
        tuple((k, v) for k, v in righe if v),
        f"Capacità assunzionale dichiarata dal piano{se(' (', riferimento, ')')}",
    )


def _assunzioni_per_anno(fp: FabbisogniPersonale) -> list[Blocco]:
    budget = fp.spesa_nuove_assunzioni
    if not fp.assunzioni:
        return [tabella_annuale("Spesa per nuove assunzioni (euro annui)", budget, euro)]
    periodi = sorted({a.anno for a in fp.assunzioni} | set(budget), key=_ordine)

    def voci(p: Periodo | None) -> list[tuple[int, float | None]]:
        return [(a.numero, a.costo_annuo) for a in fp.assunzioni if p is None or a.anno == p]

    colonne = [
        Colonna[Periodo]("Anno", 30, periodo, totale="Totale"),
        Colonna[Periodo](
            "Posti",
            30,
            lambda p: numero(sum(n for n, _ in voci(p))),
            totale=numero(sum(a.numero for a in fp.assunzioni)),
        ),
        Colonna[Periodo](
            "Costo annuo a regime",
            40,
            lambda p: _somma_costi(voci(p)),
            totale=_somma_costi(voci(None)),
        ),
    ]
    if budget:
        colonne.append(
            Colonna[Periodo](
                "Spesa per nuove assunzioni",
                30,
                lambda p: euro(budget[p]) if isinstance(p, int) and p in budget else "",
                totale=euro(sum(budget.values())),
            )
        )
    out: list[Blocco] = [
        tabella(
            f"Assunzioni programmate per anno (dettaglio nell'{ASSUNZIONI.nome})", periodi, *colonne
        )
    ]
    senza = [a.codice for a in fp.assunzioni if a.costo_annuo is None]
    if senza:
        out.append(
            Paragrafo(
                f"Costo annuo non indicato (n.d.) per {', '.join(senza)}: i costi segnati «parziale» "
                "non li comprendono."
            )
        )
    return out


def _metodo(m: MetodoReclutamento) -> str:
    dettagli = [
        m.norma or "",
        se("accordo: ", m.accordo),
        se("utilizzabile fino al ", data(m.valida_fino_al)),
        m.note or "",
    ]
    testo = ", ".join(d for d in dettagli if d)
    return _minuscola(etichetta(m.tipo)) + se(" (", testo, ")")


def _modalita(a: Assunzione) -> str:
    etichette = [etichetta(m.tipo) for m in a.metodi]
    if len(etichette) <= 1:
        return "".join(etichette)
    etichette = [etichette[0], *map(_minuscola, etichette[1:])]
    if a.ordine_modalita == "in_alternativa":
        return " o ".join(etichette)
    return ", poi ".join(etichette)


def _dettagli(a: Assunzione) -> list[str]:
    """What the annex table does not show of a hire, in words."""
    parti: list[str] = []
    if a.contratto == "tempo_determinato":
        parti.append("a tempo determinato")
    if a.percentuale_part_time is not None:
        parti.append(f"a tempo parziale ({numero(a.percentuale_part_time)}%)")
    metodi = a.metodi
    if isinstance(a.modalita, list) and any(
        m.norma or m.accordo or m.valida_fino_al or m.note for m in metodi
    ):
        if len(metodi) == 1:
            parti.append("modalità: " + _metodo(metodi[0]))
        elif a.ordine_modalita == "in_alternativa":
            parti.append("modalità in alternativa: " + " o ".join(_metodo(m) for m in metodi))
        else:
            parti.append(
                "modalità in subordine: "
                + " ".join(f"{i}) {_metodo(m)}" for i, m in enumerate(metodi, 1))
            )
    fin = a.finanziamento
    if fin is not None and (fin.descrizione or fin.fuori_capacita):
        testo = f"finanziamento: {etichetta(fin.fonte)}{se(' (', fin.descrizione, ')')}"
        if fin.fuori_capacita:
            testo += ", fuori dalla capacità assunzionale" + se(" (", fin.norma, ")")
        parti.append(testo)
    if a.note:
        parti.append(a.note)
    return parti


def _piano_assunzioni(ctx: Contesto, fp: FabbisogniPersonale) -> Annesso:
    blocchi: list[Blocco] = [
        tabella(
            "Assunzioni programmate",
            fp.assunzioni,
            Colonna("Codice", 7, lambda a: a.codice),
            Colonna("Anno", 6, lambda a: periodo(a.anno)),
            Colonna("Area", 14, lambda a: ctx.area(a.area) if a.area else ""),
            Colonna("Profilo", 15, lambda a: a.profilo or ""),
            Colonna(
                "Unità di destinazione",
                15,
                lambda a: "; ".join(ctx.unita(u) for u in a.unita_destinazione),
            ),
            Colonna("Posti", 5, lambda a: numero(a.numero)),
            Colonna("Modalità", 15, _modalita),
            Colonna(
                "Finanziamento",
                11,
                lambda a: (
                    etichetta(a.finanziamento.fonte)
                    + (" (fuori capacità)" if a.finanziamento.fuori_capacita else "")
                    if a.finanziamento
                    else ""
                ),
            ),
            Colonna("Costo annuo per posto", 12, lambda a: costo(a.costo_annuo)),
        )
    ]
    note = [f"{a.codice}: {_maiuscola('; '.join(d))}" for a in fp.assunzioni if (d := _dettagli(a))]
    if note:
        blocchi += [Paragrafo("Note alle assunzioni.", "evidenza"), Elenco(tuple(note))]
    return Annesso(ASSUNZIONI, tuple(blocchi))


def _limite_spesa(limite: LimiteSpesaPersonale) -> list[Blocco]:
    riferimento = (
        "valore medio della spesa 2011-2013" if limite.comma == "557-quater" else "spesa del 2008"
    )
    righe = [(f"Limite ({riferimento})", euro(limite.valore))] + [
        (f"Spesa prevista {anno} ai fini del limite", euro(v))
        for anno, v in sorted(limite.spesa_prevista.items())
    ]
    out: list[Blocco] = [
        Definizioni(
            tuple(righe),
            f"Limite alla spesa di personale (art. 1 c.{limite.comma} L. 296/2006)",
        )
    ]
    if limite.note:
        out.append(Paragrafo(limite.note))
    return out


def _consistenza(ctx: Contesto, fp: FabbisogniPersonale) -> list[Blocco]:
    assert fp.consistenza is not None
    personale = fp.consistenza.personale
    colonne: list[Colonna[VoceConsistenza]] = [
        Colonna("Area", 30, lambda v: ctx.area(v.area), totale="Totale"),
        Colonna("Profilo", 40, lambda v: v.profilo or ""),
        Colonna("Contratto", 18, lambda v: etichetta(v.contratto)),
    ]
    if any(v.comando for v in personale):
        colonne.append(Colonna("Comando", 18, lambda v: etichetta(v.comando) if v.comando else ""))
    colonne.append(
        Colonna(
            "Numero",
            12,
            lambda v: numero(v.numero),
            totale=numero(sum(v.numero for v in personale)),
        )
    )
    out: list[Blocco] = [
        tabella(
            f"Personale in servizio al {data(fp.consistenza.al)} per area e profilo",
            personale,
            *colonne,
        )
    ]
    ospiti = sum(v.numero for v in personale if v.comando == "in_entrata")
    if ospiti:
        chi = "che non è dipendente" if ospiti == 1 else "che non sono dipendenti"
        out.append(
            Paragrafo(
                f"Il totale comprende {numero(ospiti)} unità in comando da altre amministrazioni, "
                f"{chi} dell'ente."
            )
        )
    return out


def _totali(fp: FabbisogniPersonale) -> Tabella:
    totali = fp.totali_annui

    def somma(valori: list[int | None]) -> str:
        noti = [v for v in valori if v is not None]
        return numero(sum(noti)) if noti else ""

    return tabella(
        "Cessazioni e assunzioni per anno (totali dichiarati dal piano)",
        sorted(totali),
        Colonna[int]("Anno", 30, str, totale="Totale"),
        Colonna[int](
            "Cessazioni",
            35,
            lambda a: numero(totali[a].cessazioni),
            totale=somma([t.cessazioni for t in totali.values()]),
        ),
        Colonna[int](
            "Assunzioni",
            35,
            lambda a: numero(totali[a].assunzioni),
            totale=somma([t.assunzioni for t in totali.values()]),
        ),
    )


def _cessazioni(ctx: Contesto, fp: FabbisogniPersonale) -> Tabella:
    colonne: list[Colonna[Cessazione]] = [
        Colonna("Anno", 10, lambda c: periodo(c.anno), totale="Totale"),
        Colonna("Area", 28, lambda c: ctx.area(c.area) if c.area else ""),
        Colonna("Profilo", 32, lambda c: c.profilo or ""),
        Colonna("Motivo", 18, lambda c: etichetta(c.motivo) if c.motivo else ""),
        Colonna(
            "Numero",
            12,
            lambda c: numero(c.numero),
            totale=numero(sum(c.numero for c in fp.cessazioni)),
        ),
    ]
    if any(c.costo_annuo is not None for c in fp.cessazioni):
        colonne.append(Colonna("Costo annuo per posto", 18, lambda c: costo(c.costo_annuo)))
    return tabella("Cessazioni programmate", fp.cessazioni, *colonne)


def costruisci(ctx: Contesto, fp: FabbisogniPersonale) -> Parte:
    blocchi: list[Blocco] = []
    allegati: list[Annesso] = []
    if fp.consistenza is not None:
        blocchi += _consistenza(ctx, fp)
    ca = fp.capacita_assunzionale
    if ca is not None:
        blocchi.append(_capacita(ctx, fp, ca))
        if ca.dichiarata is not None:
            blocchi.append(_dichiarata(ca.dichiarata))
        if ca.note:
            blocchi.append(Paragrafo(ca.note))
    if fp.limite_spesa is not None:
        blocchi += _limite_spesa(fp.limite_spesa)
    if fp.totali_annui:
        blocchi.append(_totali(fp))
    if fp.cessazioni:
        blocchi.append(_cessazioni(ctx, fp))
    if fp.stima_evoluzione_fabbisogni:
        blocchi += [
            Paragrafo("Stima dell'evoluzione dei fabbisogni.", "evidenza"),
            Paragrafo(fp.stima_evoluzione_fabbisogni),
        ]
    if fp.assunzioni or fp.spesa_nuove_assunzioni:
        blocchi += _assunzioni_per_anno(fp)
    if fp.assunzioni:
        allegati.append(_piano_assunzioni(ctx, fp))
    if fp.strategia_copertura:
        blocchi += [
            Paragrafo("Strategie di copertura del fabbisogno.", "evidenza"),
            Paragrafo(fp.strategia_copertura),
        ]
    if fp.strategia_formazione:
        blocchi += [
            Paragrafo("Strategie di formazione.", "evidenza"),
            Paragrafo(fp.strategia_formazione),
        ]
    if fp.eccedenze is not None:
        blocchi.append(
            Paragrafo(
                "Eccedenze di personale: "
                + ("presenti" if fp.eccedenze.presenti else "nessuna")
                + se(". ", fp.eccedenze.descrizione)
            )
        )
    return Parte(tuple(blocchi), allegati=tuple(allegati))
