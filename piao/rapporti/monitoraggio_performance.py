"""Sections 1 and 2 of the monitoring report: performance and public value (per public
value objective → performance objectives → indicators, then per unit, then the rettifiche)
and the traffic-light value map. Every figure is `raggiungimento.calcola`'s (computed once,
as the period file is read: `PeriodoLetto.esito`), printed the Italian way by
piao.render.formatting."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from piao.model import Piano
from piao.model.performance import ObiettivoPerformance
from piao.periodi.controllo import PeriodoLetto
from piao.periodi.raggiungimento import EsitoAggregato, EsitoIndicatore, Raggiungimento
from piao.rapporti.semaforo import colora, in_parole, legenda
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Definizioni, Figura, Paragrafo, Sezione, Tabella
from piao.render.etichette import etichetta
from piao.render.formatting import con_segno, data, numero, percentuale
from piao.render.mappa import mappa_figure

_INTESTAZIONI = (
    "Indicatore",
    "Obiettivo",
    "Partenza",
    "Target {anno}",
    "Valore",
    "Raggiungimento",
    "Fascia",
    "Scostamento",
    "Fonte e data",
    "Cause e note",
)
_LARGHEZZE = (22, 8, 7, 7, 7, 9, 9, 9, 11, 22)


def pct(v: float | None) -> str:
    return "—" if v is None else percentuale(v, 1)


def _valore(v: float | str | None) -> str:
    return "—" if v is None else numero(round(v, 4) if isinstance(v, float) else v)


def rettifica_in_parole(e: EsitoIndicatore | EsitoAggregato) -> str:
    """«Rettifica: calcolato 62,0%, riconosciuto 80,0% (Raggiunto) — motivo; approvata da
    Nucleo di valutazione, verbale n. 3»."""
    r = e.rettifica
    if r is None:
        return ""
    atto = f", {r.atto.atto}" if r.atto else ""
    return (
        f"Rettifica: calcolato {pct(e.percentuale_calcolata)}, riconosciuto "
        f"{in_parole(e.esito, e.percentuale)} — {r.motivo}; approvata da {r.approvata_da}{atto}"
    )


def _fonte(letto: PeriodoLetto, codice: str) -> tuple[str, list[str]]:
    """Source and date of an indicator's value; its causes and notes."""
    dati = letto.dati
    v = dati.indicatori.get(codice) if dati is not None else None
    if v is None:
        return "—", []
    fonte = "; ".join(x for x in (v.fonte, data(v.data) if v.data else None) if x) or "—"
    note = ([f"Cause: {v.cause}"] if v.cause else []) + ([v.note] if v.note else [])
    return fonte, note


def riga_indicatore(e: EsitoIndicatore, letto: PeriodoLetto) -> tuple[str, ...]:
    fonte, note = _fonte(letto, e.codice)
    note += list(e.note)
    if e.rettifica is not None:
        note.append(rettifica_in_parole(e))
    scost = "—"
    if e.scostamento is not None:
        scost = con_segno(e.scostamento)
        if e.scostamento_relativo is not None:
            scost += f" ({con_segno(e.scostamento_relativo, 1)}%)"
    percento = pct(e.percentuale)
    if e.rettifica is not None:
        percento += " (rettificato)"
    unita = f" ({e.unita_misura})" if e.unita_misura else ""
    return (
        f"{e.codice} {e.descrizione}{unita}",
        e.obiettivo,
        _valore(e.baseline),
        _valore(e.target),
        _valore(e.valore),
        percento,
        etichetta(e.esito),
        scost,
        fonte,
        "; ".join(note) or "—",
    )


def tabella_indicatori(
    didascalia: str, esiti: Sequence[EsitoIndicatore], letto: PeriodoLetto, anno: int
) -> Tabella:
    return Tabella(
        didascalia,
        tuple(h.format(anno=anno) for h in _INTESTAZIONI),
        tuple(riga_indicatore(e, letto) for e in esiti),
        _LARGHEZZE,
    )


def _riga_aggregato(a: EsitoAggregato, unita: str = "") -> tuple[str, ...]:
    note = list(a.note)
    if a.rettifica is not None:
        note.append(rettifica_in_parole(a))
    return (
        f"{a.codice} {a.titolo}".strip(),
        unita or "—",
        f"da {', '.join(a.parti)} ({a.pesi})" if a.parti else "—",
        pct(a.percentuale) + (" (rettificato)" if a.rettifica is not None else ""),
        etichetta(a.esito),
        "; ".join(note) or "—",
    )


def _tabella_obiettivi(didascalia: str, righe: Iterable[tuple[str, ...]]) -> Tabella:
    return Tabella(
        didascalia,
        ("Obiettivo", "Unità responsabile", "Calcolato", "Raggiungimento", "Fascia", "Note"),
        tuple(righe),
        (30, 16, 18, 10, 10, 26),
    )


def sezione_performance(
    r: Raggiungimento, piano: Piano, letto: PeriodoLetto, numero_sezione: str
) -> Sezione:
    ctx = Contesto.di(piano)
    anno = r.periodo.anno
    obiettivi = {a.codice: a for a in r.obiettivi}
    vp_esiti = {a.codice: a for a in r.valore_pubblico}
    per_obiettivo: dict[str, list[EsitoIndicatore]] = {}
    for e in r.indicatori:
        per_obiettivo.setdefault(e.obiettivo, []).append(e)
    performance: list[ObiettivoPerformance] = (
        list(piano.performance.obiettivi) if piano.performance else []
    )
    visti: set[str] = set()
    figli: list[Sezione] = []
    n = 0
    for codice, vp in ctx.valore_pubblico_per_codice.items():
        serventi = [p for p in performance if p.valore_pubblico == codice]
        esiti = per_obiettivo.get(codice, []) + [
            e for p in serventi for e in per_obiettivo.get(p.codice, [])
        ]
        if not esiti and codice not in vp_esiti:
            continue
        n += 1
        visti |= {codice, *(p.codice for p in serventi)}
        blocchi: list[Blocco] = []
        righe: list[tuple[str, str]] = []
        if codice in vp_esiti:
            a = vp_esiti[codice]
            righe.append(
                (
                    "Dagli obiettivi di performance",
                    f"{in_parole(a.esito, a.percentuale)} ({a.pesi})",
                )
            )
        if codice in obiettivi:
            a = obiettivi[codice]
            righe.append(("Dai propri indicatori di impatto", in_parole(a.esito, a.percentuale)))
        if righe:
            blocchi.append(Definizioni(tuple(righe)))
        if serventi:
            blocchi.append(
                _tabella_obiettivi(
                    f"Obiettivi di performance che concorrono a {codice}",
                    (
                        _riga_aggregato(obiettivi[p.codice], ctx.unita(p.unita_responsabile))
                        for p in serventi
                        if p.codice in obiettivi
                    ),
                )
            )
        if esiti:
            blocchi.append(tabella_indicatori(f"Indicatori di {codice}", esiti, letto, anno))
        figli.append(
            Sezione(
                f"monitoraggio-{codice.lower()}",
                f"{numero_sezione}.{n}",
                f"{codice} {vp.titolo}",
                2,
                tuple(blocchi),
            )
        )
    altri = [a for a in r.obiettivi if a.codice not in visti]
    if altri:
        n += 1
        esiti = [e for a in altri for e in per_obiettivo.get(a.codice, [])]
        figli.append(
            Sezione(
                "monitoraggio-altri-obiettivi",
                f"{numero_sezione}.{n}",
                "Altri obiettivi con indicatori",
                2,
                (
                    _tabella_obiettivi("Altri obiettivi", (_riga_aggregato(a) for a in altri)),
                    tabella_indicatori("Indicatori degli altri obiettivi", esiti, letto, anno),
                ),
            )
        )
    if r.unita:
        n += 1
        figli.append(
            Sezione(
                "monitoraggio-unita",
                f"{numero_sezione}.{n}",
                "Per unità organizzativa",
                2,
                (
                    Paragrafo(
                        "Il raggiungimento di ogni unità è la media, con i pesi del piano, degli "
                        "obiettivi di performance di cui è responsabile."
                    ),
                    Tabella(
                        "Raggiungimento per unità organizzativa",
                        ("Unità organizzativa", "Obiettivi", "Raggiungimento", "Fascia", "Note"),
                        tuple(
                            (
                                ctx.unita(a.codice),
                                ", ".join(a.parti),
                                pct(a.percentuale),
                                etichetta(a.esito),
                                "; ".join(a.note) or "—",
                            )
                            for a in r.unita
                        ),
                        (28, 24, 12, 14, 22),
                    ),
                ),
            )
        )
    return Sezione(
        "monitoraggio-performance",
        numero_sezione,
        "Performance e valore pubblico",
        1,
        _premessa(r),
        tuple(figli),
        orizzontale=True,
    )


def _premessa(r: Raggiungimento) -> tuple[Blocco, ...]:
    p = r.parametri
    origine = (
        "fissate nel piano" if p.dal_piano else "convenzione di piao: la legge non fissa soglie"
    )
    testo = (
        f"Il raggiungimento di ogni indicatore è calcolato da piao con i valori del periodo, la "
        f"partenza, il target dell'anno {r.periodo.anno} e il verso del piano, limitato tra 0 e "
        f"100%. Fasce ({origine}): raggiunto da {pct(p.soglia_raggiunto)}, parzialmente "
        f"raggiunto da {pct(p.soglia_parziale)}, sotto non raggiunto. Lo scostamento è valore "
        "meno target, con il segno. Le rettifiche approvate sostituiscono il valore calcolato e "
        "sono indicate come tali."
    )
    return (Paragrafo(testo),) + (
        (Paragrafo(r.regola_periodo, "nota"),) if r.regola_periodo else ()
    )


def soglie(r: Raggiungimento) -> tuple[str, str, str, str]:
    p = r.parametri
    return (
        f"da {pct(p.soglia_raggiunto)}",
        f"da {pct(p.soglia_parziale)} a meno di {pct(p.soglia_raggiunto)}",
        f"sotto {pct(p.soglia_parziale)}",
        "valore mancante o non calcolabile",
    )


def sezione_mappa(r: Raggiungimento, piano: Piano, numero_sezione: str) -> Sezione:
    figure = mappa_figure(Contesto.di(piano), colora(r), "Mappa del valore pubblico a semaforo")
    blocchi: list[Blocco] = [
        Paragrafo(
            "La mappa del valore pubblico del piano, con ogni obiettivo e indicatore colorato "
            "secondo il raggiungimento del periodo. Ogni riquadro scrive anche la fascia in "
            "parole e la percentuale: la mappa si legge anche in bianco e nero."
        ),
        Figura(
            "Legenda dei colori",
            legenda(soglie(r)),
            "Verde raggiunto, ambra parzialmente raggiunto, rosso non raggiunto, grigio non "
            "rilevato.",
        ),
    ]
    blocchi += figure or [Paragrafo("Il piano non ha obiettivi di valore pubblico.", "nota")]
    return Sezione(
        "monitoraggio-mappa",
        numero_sezione,
        "Mappa del valore pubblico a semaforo",
        1,
        tuple(blocchi),
    )
