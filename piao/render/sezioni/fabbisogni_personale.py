"""Sottosezione 3.3.1 Fabbisogni di personale (`fabbisogni_personale.yaml`), with the
hiring plan in annex 4."""

from __future__ import annotations

from piao.calcoli import rapporto_capacita
from piao.model.fabbisogni_personale import (
    CapacitaAssunzionale,
    FabbisogniPersonale,
    LimiteSpesaPersonale,
)
from piao.render.allegati import ASSUNZIONI
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Definizioni, Paragrafo, Tabella
from piao.render.etichette import etichetta
from piao.render.formatting import data, euro, numero, percentuale, se
from piao.render.parte import Annesso, Parte
from piao.render.tabelle import Colonna, tabella


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
    for anno in sorted(ca.spesa_personale_prevista):
        righe.append(
            (f"Spesa di personale prevista {anno}", euro(ca.spesa_personale_prevista[anno]))
        )
    if ca.asseverazione_revisori:
        righe.append(("Organo di revisione", ca.asseverazione_revisori))
    return Definizioni(tuple(righe), "Capacità assunzionale (art. 33 c.2 DL 34/2019, DM 17/3/2020)")


def _assunzioni_per_anno(fp: FabbisogniPersonale) -> Tabella:
    per_anno: dict[int, tuple[int, float]] = {}
    for a in fp.assunzioni:
        n, costo = per_anno.get(a.anno, (0, 0.0))
        per_anno[a.anno] = (n + a.numero, costo + a.numero * (a.costo_annuo or 0))
    return tabella(
        f"Assunzioni programmate per anno (dettaglio nell'{ASSUNZIONI.nome})",
        sorted(per_anno.items()),
        Colonna("Anno", 30, lambda r: str(r[0]), totale="Totale"),
        Colonna(
            "Posti",
            30,
            lambda r: numero(r[1][0]),
            totale=numero(sum(n for n, _ in per_anno.values())),
        ),
        Colonna(
            "Costo annuo a regime",
            40,
            lambda r: euro(r[1][1]),
            totale=euro(sum(c for _, c in per_anno.values())),
        ),
    )


def _piano_assunzioni(ctx: Contesto, fp: FabbisogniPersonale) -> Annesso:
    return Annesso(
        ASSUNZIONI,
        (
            tabella(
                "Assunzioni programmate",
                fp.assunzioni,
                Colonna("Codice", 8, lambda a: a.codice),
                Colonna("Anno", 6, lambda a: str(a.anno)),
                Colonna("Area", 16, lambda a: ctx.area(a.area)),
                Colonna("Profilo", 20, lambda a: a.profilo),
                Colonna("Unità di destinazione", 18, lambda a: ctx.unita(a.unita)),
                Colonna("Posti", 6, lambda a: numero(a.numero)),
                Colonna("Modalità", 12, lambda a: etichetta(a.modalita)),
                Colonna("Costo annuo per posto", 14, lambda a: euro(a.costo_annuo)),
            ),
        ),
    )


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


def costruisci(ctx: Contesto, fp: FabbisogniPersonale) -> Parte:
    blocchi: list[Blocco] = []
    allegati: list[Annesso] = []
    if fp.consistenza is not None:
        personale = fp.consistenza.personale
        blocchi.append(
            tabella(
                f"Personale in servizio al {data(fp.consistenza.al)} per area e profilo",
                personale,
                Colonna("Area", 30, lambda v: ctx.area(v.area), totale="Totale"),
                Colonna("Profilo", 40, lambda v: v.profilo or ""),
                Colonna("Contratto", 18, lambda v: etichetta(v.contratto)),
                Colonna(
                    "Numero",
                    12,
                    lambda v: numero(v.numero),
                    totale=numero(sum(v.numero for v in personale)),
                ),
            )
        )
    ca = fp.capacita_assunzionale
    if ca is not None:
        blocchi.append(_capacita(ctx, fp, ca))
        if ca.note:
            blocchi.append(Paragrafo(ca.note))
    if fp.limite_spesa is not None:
        blocchi += _limite_spesa(fp.limite_spesa)
    if fp.cessazioni:
        blocchi.append(
            tabella(
                "Cessazioni programmate",
                fp.cessazioni,
                Colonna("Anno", 10, lambda c: str(c.anno), totale="Totale"),
                Colonna("Area", 28, lambda c: ctx.area(c.area)),
                Colonna("Profilo", 32, lambda c: c.profilo or ""),
                Colonna("Motivo", 18, lambda c: etichetta(c.motivo) if c.motivo else ""),
                Colonna(
                    "Numero",
                    12,
                    lambda c: numero(c.numero),
                    totale=numero(sum(c.numero for c in fp.cessazioni)),
                ),
            )
        )
    if fp.stima_evoluzione_fabbisogni:
        blocchi += [
            Paragrafo("Stima dell'evoluzione dei fabbisogni.", "evidenza"),
            Paragrafo(fp.stima_evoluzione_fabbisogni),
        ]
    if fp.assunzioni:
        blocchi.append(_assunzioni_per_anno(fp))
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
