"""Sottosezione 2.1 Valore pubblico (`valore_pubblico.yaml`): the programme architecture,
the objectives (external and internal «salute») with their indicators, and the map of
public value (a table, then one figure per objective down to indicators, risks and
measures)."""

from __future__ import annotations

from piao.model.valore_pubblico import AnalisiSwot, ObiettivoValorePubblico, ValorePubblico
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Paragrafo, Tabella, testo
from piao.render.etichette import etichetta
from piao.render.formatting import data, euro, numero, se
from piao.render.indicatori import tabella_indicatori
from piao.render.mappa import mappa_figure
from piao.render.parte import Parte
from piao.render.programmazione import (
    Architettura,
    architettura,
    collegamento,
    mappa,
    misura_pnrr,
)
from piao.render.tabelle import Colonna, tabella


def _frasi(*parti: str | None) -> str:
    """Sentences of a cell, one full stop between them: «Titolo. Descrizione. Portatori…»."""
    return ". ".join(p.rstrip(". ") for p in parti if p)


def _collegamenti(ctx: Contesto, arch: Architettura, o: ObiettivoValorePubblico) -> str:
    """Mandate lines, DUP and budget, and the risk processes of 2.3 an objective is tied to."""
    linee = [arch.nome(c) for c in o.linee_programmatiche]
    etichetta_linee = "Linea di mandato " if len(linee) == 1 else "Linee di mandato: "
    parts = [etichetta_linee + ", ".join(linee)] if linee else []
    parts += filter(None, [collegamento(ctx, arch, o.dup)])
    if o.processi:
        parts.append("Processi 2.3: " + ", ".join(o.processi))
    return "; ".join(parts)


def _responsabili(ctx: Contesto, o: ObiettivoValorePubblico) -> str:
    parts = [
        se("Politico: ", o.responsabile_politico),
        se("Amministrativo: ", ctx.unita(o.unita_responsabile)),
    ]
    return "; ".join(p for p in parts if p)


def _dimensioni(o: ObiettivoValorePubblico) -> str:
    parts = [
        ", ".join(etichetta(d) for d in o.dimensioni),
        se("SDG ", ", ".join(map(str, o.sdg))),
        se("BES: ", ", ".join(o.bes)),
    ]
    return "; ".join(p for p in parts if p)


def _swot(s: AnalisiSwot) -> Tabella:
    return tabella(
        "Analisi SWOT",
        [
            ("Interni", s.punti_di_forza, s.punti_di_debolezza),
            ("Esterni", s.opportunita, s.minacce),
        ],
        Colonna("Fattori", 14, lambda r: r[0]),
        Colonna("Punti di forza e opportunità", 43, lambda r: "; ".join(r[1])),
        Colonna("Punti di debolezza e minacce", 43, lambda r: "; ".join(r[2])),
    )


def _tempi(attuali: int | None, obiettivo: int | None) -> str:
    return f"{numero(attuali)} → {numero(obiettivo)}" if attuali is not None else ""


def costruisci(ctx: Contesto, vp: ValorePubblico) -> Parte:
    arch = Architettura.di(vp)
    blocchi: list[Blocco] = testo(vp.introduzione)
    if vp.architettura_programmatica is not None:
        blocchi += architettura(ctx, vp.architettura_programmatica)
    if vp.swot is not None:
        blocchi.append(_swot(vp.swot))
    blocchi.append(
        tabella(
            "Obiettivi di valore pubblico",
            vp.obiettivi,
            Colonna("Codice", 8, lambda o: o.codice),
            Colonna(
                "Obiettivo",
                32,
                lambda o: _frasi(
                    o.titolo,
                    o.descrizione,
                    se("Portatori di interesse: ", ", ".join(o.portatori_di_interesse)),
                ),
            ),
            Colonna(
                "Collegamento con il mandato, il DUP e il bilancio",
                28,
                lambda o: _collegamenti(ctx, arch, o),
            ),
            Colonna("Responsabili", 16, lambda o: _responsabili(ctx, o)),
            Colonna("Dimensioni, SDG e BES", 16, _dimensioni),
        )
    )
    blocchi.append(
        tabella_indicatori(
            "Indicatori di impatto del valore pubblico",
            ((ctx.con_nome(o.codice), o.indicatori) for o in vp.obiettivi),
            ctx.anni,
        )
    )
    if vp.salute:
        blocchi.append(
            Paragrafo(
                "Salute dell'amministrazione (valore pubblico interno): le condizioni organizzative, "
                "professionali, digitali ed economico-finanziarie che rendono possibile il valore pubblico.",
                "evidenza",
            )
        )
        blocchi.append(
            tabella(
                "Obiettivi di salute dell'amministrazione",
                vp.salute,
                Colonna("Codice", 9, lambda o: o.codice),
                Colonna("Obiettivo", 51, lambda o: o.titolo + se(". ", o.descrizione)),
                Colonna("Dimensione", 18, lambda o: etichetta(o.dimensione)),
                Colonna("Unità responsabile", 22, lambda o: ctx.unita(o.unita_responsabile)),
            )
        )
        blocchi.append(
            tabella_indicatori(
                "Indicatori di salute dell'amministrazione",
                ((ctx.con_nome(o.codice), o.indicatori) for o in vp.salute),
                ctx.anni,
            )
        )
    blocchi += mappa(ctx, vp)
    blocchi += mappa_figure(ctx)
    if vp.interventi_finanziati:
        blocchi.append(
            Paragrafo(
                "Interventi finanziati dal PNRR e da altri fondi europei o nazionali.", "evidenza"
            )
        )
        blocchi.append(
            tabella(
                "Interventi finanziati",
                vp.interventi_finanziati,
                Colonna("Codice", 8, lambda x: x.codice),
                # The CUP goes with the title: 15 characters need a wide column.
                Colonna("Intervento", 24, lambda x: x.titolo + se(" (CUP ", x.cup, ")")),
                Colonna(
                    "Finanziamento",
                    20,
                    lambda x: (
                        (x.finanziamento or ("PNRR" if x.misura_pnrr else ""))
                        + misura_pnrr(x.misura_pnrr, " ")
                    ),
                ),
                Colonna("Importo", 10, lambda x: euro(x.importo)),
                Colonna("Responsabile", 12, lambda x: ctx.unita(x.unita_responsabile)),
                Colonna("Scadenza", 9, lambda x: data(x.scadenza)),
                Colonna("Obiettivi", 16, lambda x: ctx.con_nomi(x.obiettivi_collegati)),
            )
        )
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
            Colonna("Tipo", 8, lambda x: etichetta(x.tipo)),
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
