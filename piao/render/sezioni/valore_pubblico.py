"""Sottosezione 2.1 Valore pubblico (`valore_pubblico.yaml`), with the performance tree
that links each public-value objective to its performance objectives and indicators."""

from __future__ import annotations

from piao.model.valore_pubblico import CollegamentoDup, ValorePubblico
from piao.reference import Riferimenti
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Figura, Paragrafo, testo
from piao.render.etichette import etichetta
from piao.render.figures import RAMO, albero_performance
from piao.render.formatting import data, numero, se
from piao.render.indicatori import tabella_indicatori
from piao.render.parte import Parte
from piao.render.tabelle import Colonna, tabella

ALBERO_MAX_RIGHE = 40
"""Indicator rows per tree figure: about one printed page."""
ALBERO_MAX_FIGURE = 30


def _dup(d: CollegamentoDup | None, ref: Riferimenti) -> str:
    if d is None:
        return ""
    parts = [x for x in (d.obiettivo_strategico, d.obiettivo_operativo) if x]
    if d.missione:
        nome = ref.missioni.get(d.missione)
        parts.append(f"Missione {d.missione}" + (f" {nome.denominazione}" if nome else ""))
    if d.programma:
        prog = ref.programmi.get(d.programma)
        parts.append(f"Programma {d.programma}" + (f" {prog.denominazione}" if prog else ""))
    return "; ".join(parts)


def _righe(figli: tuple[tuple[str, str, tuple[str, ...]], ...]) -> int:
    return sum(max(1, len(ind)) for _, _, ind in figli)


def _gruppi_albero(rami: list[RAMO]) -> list[tuple[list[RAMO], str]]:
    """Split the tree into figures of at most ALBERO_MAX_RIGHE rows: whole branches
    together while they fit, a large branch in parts."""
    gruppi: list[tuple[list[RAMO], str]] = []
    corrente: list[RAMO] = []
    for codice, titolo, figli in rami:
        if _righe(figli) > ALBERO_MAX_RIGHE:
            parti: list[list[tuple[str, str, tuple[str, ...]]]] = [[]]
            for figlio in figli:
                if parti[-1] and _righe((*parti[-1], figlio)) > ALBERO_MAX_RIGHE:
                    parti.append([])
                parti[-1].append(figlio)
            for i, parte in enumerate(parti, 1):
                gruppi.append(
                    ([(codice, titolo, tuple(parte))], f"{codice}, parte {i} di {len(parti)}")
                )
            continue
        if corrente and _righe(tuple(f for r in corrente for f in r[2]) + figli) > ALBERO_MAX_RIGHE:
            gruppi.append((corrente, ""))
            corrente = []
        corrente.append((codice, titolo, figli))
    if corrente:
        gruppi.append((corrente, ""))
    if len(gruppi) > 1:
        gruppi = [(g, p or f"{i} di {len(gruppi)}") for i, (g, p) in enumerate(gruppi, 1)]
    return gruppi


def albero(ctx: Contesto) -> list[Blocco]:
    """The performance tree as figures of about a page each (none without 2.2)."""
    pf = ctx.piano.performance
    if pf is None or not ctx.valore_pubblico_per_codice:
        return []
    rami: list[RAMO] = []
    for codice, obiettivo in ctx.valore_pubblico_per_codice.items():
        figli = tuple(
            (o.codice, o.titolo, tuple(f"{i.codice} {i.descrizione}" for i in o.indicatori))
            for o in pf.obiettivi
            if o.valore_pubblico == codice
        )
        rami.append((codice, obiettivo.titolo, figli))
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
                f"Schema ad albero: {len(gruppo)} obiettivi di valore pubblico collegati a {n_pf} obiettivi di "
                "performance e ai loro indicatori.",
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


def _tempi(attuali: int | None, obiettivo: int | None) -> str:
    return f"{numero(attuali)} → {numero(obiettivo)}" if attuali is not None else ""


def costruisci(ctx: Contesto, vp: ValorePubblico) -> Parte:
    blocchi: list[Blocco] = testo(vp.introduzione)
    blocchi.append(
        tabella(
            "Obiettivi di valore pubblico",
            vp.obiettivi,
            Colonna("Codice", 9, lambda o: o.codice),
            Colonna(
                "Obiettivo",
                38,
                lambda o: o.titolo + se(". ", o.descrizione),
            ),
            Colonna("Collegamento con il DUP e il bilancio", 33, lambda o: _dup(o.dup, ctx.ref)),
            Colonna("Dimensioni", 12, lambda o: ", ".join(etichetta(d) for d in o.dimensioni)),
            Colonna("SDG", 8, lambda o: ", ".join(map(str, o.sdg))),
        )
    )
    blocchi.append(
        tabella_indicatori(
            "Indicatori di impatto del valore pubblico",
            ((o.codice, o.indicatori) for o in vp.obiettivi),
            ctx.anni,
        )
    )
    blocchi += albero(ctx)
    blocchi.append(
        Paragrafo(
            "Azioni per la piena accessibilità fisica e digitale dei cittadini ultrasessantacinquenni e con disabilità (art. 3 c.1 lett. a n. 2 DM 132/2022).",
            "evidenza",
        )
    )
    blocchi.append(
        tabella(
            "Azioni per l'accessibilità",
            vp.accessibilita,
            Colonna("Codice", 8, lambda x: x.codice),
            Colonna("Azione", 30, lambda x: x.azione),
            Colonna("Tipo", 8, lambda x: x.tipo),
            Colonna("Destinatari", 12, lambda x: ", ".join(etichetta(d) for d in x.destinatari)),
            Colonna("Responsabile", 15, lambda x: ctx.unita(x.responsabile)),
            Colonna("Scadenza", 11, lambda x: data(x.scadenza)),
            Colonna("Risultato atteso", 16, lambda x: x.valore_atteso or x.indicatore or ""),
        )
    )
    if vp.obiettivi_accessibilita_agid is not None:
        agid = vp.obiettivi_accessibilita_agid
        blocchi.append(
            Paragrafo(
                f"Gli obiettivi di accessibilità {agid.anno} sono pubblicati tramite AgID"
                + (f" il {data(agid.data_pubblicazione)}" if agid.data_pubblicazione else "")
                + se(": ", agid.url)
                + "."
            )
        )
    blocchi.append(
        Paragrafo(
            "Procedure da semplificare e reingegnerizzare (art. 3 c.1 lett. a n. 3 DM 132/2022).",
            "evidenza",
        )
    )
    if vp.semplificazione:
        blocchi.append(
            tabella(
                "Procedure da semplificare",
                vp.semplificazione,
                Colonna("Codice", 8, lambda x: x.codice),
                Colonna(
                    "Procedura",
                    40,
                    lambda x: x.procedura + se(": ", x.descrizione),
                ),
                Colonna("Intervento", 14, lambda x: etichetta(x.intervento)),
                Colonna("Responsabile", 16, lambda x: ctx.unita(x.responsabile)),
                Colonna("Scadenza", 11, lambda x: data(x.scadenza)),
                Colonna(
                    "Tempi (giorni)",
                    11,
                    lambda x: _tempi(x.tempi_attuali_giorni, x.tempi_obiettivo_giorni),
                ),
            )
        )
    elif vp.motivazione_semplificazione:
        blocchi.append(Paragrafo(vp.motivazione_semplificazione))
    if vp.risparmio_energetico:
        blocchi.append(
            Paragrafo("Obiettivi di risparmio energetico (circolare DFP n. 2/2022).", "evidenza")
        )
        blocchi.append(
            tabella_indicatori(
                "Obiettivi di risparmio energetico",
                ((f"{o.codice} {o.titolo}", o.indicatori) for o in vp.risparmio_energetico),
                ctx.anni,
            )
        )
    return Parte(tuple(blocchi))
