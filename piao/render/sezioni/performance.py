"""Sottosezione 2.2 Performance (`performance.yaml`)."""

from __future__ import annotations

from piao.model.performance import FaseObiettivo, ObiettivoPerformance, Performance
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Paragrafo, testo
from piao.render.etichette import etichetta
from piao.render.formatting import data, numero, se
from piao.render.indicatori import tabella_indicatori
from piao.render.parte import Parte
from piao.render.programmazione import Architettura, collegamento, misura_pnrr
from piao.render.tabelle import Colonna, tabella


def _tipo(o: ObiettivoPerformance) -> str:
    parts = [", ".join(etichetta(t) for t in o.tipi)]
    if o.dimensione or o.orizzonte:
        parts.append(
            " ".join(
                filter(None, ("performance " + o.dimensione if o.dimensione else "", o.orizzonte))
            )
        )
    return "; ".join(p for p in parts if p)


def _responsabili(ctx: Contesto, o: ObiettivoPerformance) -> str:
    parts = [
        ctx.unita(o.unita_responsabile),
        se("assegnato a ", o.assegnatario),
        se("con ", ", ".join(ctx.unita(u) for u in o.unita_coinvolte)),
    ]
    return "; ".join(p for p in parts if p)


_Fase = tuple[str, int, FaseObiettivo]


def costruisci(ctx: Contesto, pf: Performance) -> Parte:
    arch = Architettura.di(ctx.piano.valore_pubblico)
    blocchi: list[Blocco] = testo(pf.introduzione)
    if pf.sistema_misurazione is not None:
        blocchi.append(
            Paragrafo(
                f"Sistema di misurazione e valutazione della performance: {pf.sistema_misurazione.atto} del {data(pf.sistema_misurazione.data)}."
            )
        )
    colonne: list[Colonna[ObiettivoPerformance]] = [
        Colonna("Codice", 8, lambda o: o.codice),
        Colonna("Obiettivo", 28, lambda o: o.titolo + se(". ", o.descrizione)),
        Colonna("Tipo", 14, _tipo),
        Colonna("Valore pubblico", 17, lambda o: ctx.valore_pubblico(o.valore_pubblico)),
        Colonna("Responsabili", 18, lambda o: _responsabili(ctx, o)),
    ]
    if any(o.scadenza for o in pf.obiettivi):
        colonne.append(Colonna("Scadenza", 9, lambda o: data(o.scadenza)))
    colonne.append(Colonna("Peso", 6, lambda o: numero(o.peso)))
    blocchi.append(tabella("Obiettivi di performance", pf.obiettivi, *colonne))
    if any(o.dup or o.pnrr or o.processi for o in pf.obiettivi):
        blocchi.append(
            tabella(
                "Collegamenti degli obiettivi di performance con il DUP, il PNRR e i processi a rischio",
                pf.obiettivi,
                Colonna("Codice", 10, lambda o: o.codice),
                Colonna("DUP e bilancio", 40, lambda o: collegamento(ctx, arch, o.dup)),
                Colonna("PNRR", 22, lambda o: misura_pnrr(o.pnrr)),
                Colonna("Processi 2.3", 28, lambda o: ctx.con_nomi(o.processi)),
            )
        )
    blocchi.append(
        tabella_indicatori(
            "Indicatori e target degli obiettivi di performance",
            ((ctx.con_nome(o.codice), o.indicatori) for o in pf.obiettivi if o.indicatori),
            ctx.anni,
        )
    )
    fasi: list[_Fase] = [(o.codice, n, f) for o in pf.obiettivi for n, f in enumerate(o.fasi, 1)]
    if fasi:
        colonne_fasi: list[Colonna[_Fase]] = [
            Colonna("Obiettivo", 18, lambda r: ctx.con_nome(r[0])),
            Colonna("Fase", 22, lambda r: f"{r[1]}. {r[2].titolo}"),
            Colonna("Peso", 7, lambda r: numero(r[2].peso)),
            Colonna("Inizio", 12, lambda r: data(r[2].inizio)),
            Colonna("Fine", 12, lambda r: data(r[2].fine)),
            Colonna("Risultato atteso", 27, lambda r: r[2].risultato_atteso or ""),
        ]
        if any(f.consuntivo is not None for _, _, f in fasi):
            colonne_fasi.append(
                Colonna("Realizzazione", 10, lambda r: se("", numero(r[2].consuntivo), "%"))
            )
        blocchi.append(
            tabella("Fasi degli obiettivi misurati per stato di avanzamento", fasi, *colonne_fasi)
        )
    if pf.obiettivi_individuali is not None:
        ind = pf.obiettivi_individuali
        blocchi.append(
            Paragrafo(
                "Obiettivi individuali dei dirigenti e dei responsabili: "
                + ind.rinvio.rstrip(".")
                + se(" (", ind.url, ")")
                + "."
            )
        )
    return Parte(tuple(blocchi))
