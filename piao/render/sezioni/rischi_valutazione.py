"""Annex 1 beside the process table: the phases of each process with their risk events and
per-event ratings, and the rating of each process or event on the six indicators of PNA 2019
(Allegato 1), with a legend of what each indicator rates."""

from __future__ import annotations

from collections.abc import Callable

from piao.model.rischi_corruttivi import (
    EventoRischioso,
    FaseProcesso,
    IndicatoriRischio,
    Processo,
    RischiCorruttivi,
    ValutazioneRischio,
)
from piao.render.contesto import Contesto
from piao.render.document import Paragrafo, Tabella
from piao.render.formatting import numero, se
from piao.render.tabelle import Colonna, tabella

INDICATORI = (
    ("interesse_esterno", "Interesse esterno"),
    ("discrezionalita", "Discrezionalità"),
    ("eventi_passati", "Eventi passati"),
    ("opacita", "Opacità"),
    ("collaborazione", "Collaborazione"),
    ("attuazione_misure", "Attuazione misure"),
)
"""The six indicators of PNA 2019 Allegato 1, as table headers."""


def motivazione(v: ValutazioneRischio | None) -> str:
    if v is None:
        return ""
    return (v.motivazione or "") + se(" Scostamento motivato: ", v.motivazione_scostamento)


def _fasi_eventi(p: Processo) -> list[tuple[str, str, EventoRischioso | FaseProcesso | None]]:
    """(phase, process code, event or risk-free phase) rows of a process, phase by phase."""
    nomi_fasi = {n for f in p.fasi for n in (f.nomi() if isinstance(f, FaseProcesso) else (f,))}
    # Events attributed to no declared phase concern the whole process: they come first.
    righe: list[tuple[str, str, EventoRischioso | FaseProcesso | None]] = [
        (str(e.fase or ""), p.codice, e) for e in p.eventi_rischiosi if str(e.fase) not in nomi_fasi
    ]
    restanti = [e for e in p.eventi_rischiosi if str(e.fase) in nomi_fasi]
    for f in p.fasi:
        nomi = f.nomi() if isinstance(f, FaseProcesso) else (f,)
        nome = (
            f"{f.numero}. {f.descrizione}"
            if isinstance(f, FaseProcesso) and f.numero is not None
            else nomi[0]
        )
        eventi = [e for e in restanti if str(e.fase) in nomi]
        restanti = [e for e in restanti if e not in eventi]
        if eventi:
            righe += [(nome, p.codice, e) for e in eventi]
        else:
            righe.append(
                (nome, p.codice, f if isinstance(f, FaseProcesso) and f.nessun_rischio else None)
            )
    return righe


def _evento(voce: EventoRischioso | FaseProcesso | None) -> str:
    if isinstance(voce, EventoRischioso):
        return f"{voce.codice} {voce.descrizione}"
    if isinstance(voce, FaseProcesso):
        return "Nessun evento rischioso" + se(": ", voce.motivazione)
    return ""


def eventi_per_fase(ctx: Contesto, rc: RischiCorruttivi) -> Tabella:
    righe = [r for p in rc.processi for r in _fasi_eventi(p)]
    # The process is named on its first row, by code alone on the rows of its other phases.
    primi = {r[1]: i for i, r in reversed(list(enumerate(righe)))}
    numerate = [(i, *r) for i, r in enumerate(righe)]

    def valutazione(voce: EventoRischioso | FaseProcesso | None) -> ValutazioneRischio | None:
        return voce.valutazione if isinstance(voce, EventoRischioso) else None

    return tabella(
        "Fasi dei processi, eventi rischiosi e valutazione per evento",
        numerate,
        Colonna("Processo", 14, lambda r: ctx.con_nome(r[2]) if primi[r[2]] == r[0] else r[2]),
        Colonna("Fase", 18, lambda r: r[1]),
        Colonna("Evento rischioso", 27, lambda r: _evento(r[3])),
        Colonna("Giudizio", 8, lambda r: (v.giudizio or "") if (v := valutazione(r[3])) else ""),
        Colonna("Motivazione", 33, lambda r: motivazione(valutazione(r[3]))),
    )


def _minuscola(testo: str) -> str:
    """«Grado di discrezionalità del decisore interno alla PA» → «grado di ... alla PA»."""
    return testo[:1].lower() + testo[1:]


def legenda_indicatori() -> Paragrafo:
    """What each of the six PNA 2019 indicators rates (the model's own descriptions)."""
    campi = IndicatoriRischio.model_fields
    return Paragrafo(
        "Indicatori di stima del livello di rischio (PNA 2019, Allegato 1): "
        + "; ".join(
            f"{titolo} ({_minuscola((campi[k].description or '').rstrip('.'))})"
            for k, titolo in INDICATORI
        )
        + ".",
        "nota",
    )


def tabella_stime(ctx: Contesto, rc: RischiCorruttivi) -> Tabella:
    """One row per rating (process or event): the six indicators, the numeric estimate
    when the plan uses one, and the judgement."""
    righe: list[tuple[str, ValutazioneRischio]] = []
    for p in rc.processi:
        if p.valutazione is not None:
            righe.append((p.codice, p.valutazione))
        righe += [(e.codice, e.valutazione) for e in p.eventi_rischiosi if e.valutazione]
    numerico = any(
        v.probabilita is not None
        or v.impatto is not None
        or v.controlli is not None
        or v.punteggio is not None
        for _, v in righe
    )
    colonne: list[Colonna[tuple[str, ValutazioneRischio]]] = [
        Colonna("Processo o evento", 20, lambda r: ctx.con_nome(r[0]))
    ]
    colonne += [Colonna(titolo, 9, _indicatore(k)) for k, titolo in INDICATORI]
    if numerico:
        colonne += [
            Colonna("Probabilità", 7, lambda r: numero(r[1].probabilita)),
            Colonna("Impatto", 7, lambda r: numero(r[1].impatto)),
            Colonna("Controlli", 7, lambda r: numero(r[1].controlli)),
            Colonna("Punteggio", 7, lambda r: numero(r[1].punteggio)),
        ]
    colonne.append(Colonna("Giudizio", 8, lambda r: r[1].giudizio or ""))
    return tabella("Stima del livello di rischio: indicatori e giudizio", righe, *colonne)


def _indicatore(chiave: str) -> Callable[[tuple[str, ValutazioneRischio]], str]:
    return lambda r: str(getattr(r[1].indicatori, chiave) or "")
