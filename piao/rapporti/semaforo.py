"""The traffic lights of the achievement bands (one home for their colours): green raggiunto,
amber parzialmente, red non raggiunto, grey non rilevato. A colour never speaks alone: every
coloured box also says its band in words and its percentage, and the legend names each
colour, so the map reads in black and white and for colour-blind readers."""

from __future__ import annotations

from dataclasses import dataclass

from piao.model.periodo import EsitoRaggiungimento
from piao.periodi.raggiungimento import EsitoAggregato, EsitoIndicatore, Raggiungimento
from piao.render.etichette import etichetta
from piao.render.figures import Disegno, Elemento, Rettangolo, Testo
from piao.render.formatting import percentuale
from piao.render.mappa import Colora
from piao.render.schema import CORPO, LARGHEZZA, Stile, a_capo_intero


@dataclass(frozen=True)
class Luce:
    """One band's light: the colour's name (for the legend), the box style."""

    colore: str
    stile: Stile


LUCI: dict[EsitoRaggiungimento, Luce] = {
    "raggiunto": Luce("verde", Stile("#d7efd8", "#2e7d32", "#0f3d12")),
    "parzialmente_raggiunto": Luce("ambra", Stile("#fff0c2", "#b7791f", "#4a3000")),
    "non_raggiunto": Luce("rosso", Stile("#f9d3d2", "#c62828", "#5a0e0e")),
    "non_rilevato": Luce("grigio", Stile("#e8e8e8", "#6b6b6b", "#1a1a1a")),
}
"""Fill, border and text of each band: text on fill above 7:1 contrast."""


def in_parole(esito: EsitoRaggiungimento, pct: float | None) -> str:
    """«Raggiunto, 92,0%»; «Non rilevato» without a percentage."""
    parole = etichetta(esito)
    return parole if pct is None or esito == "non_rilevato" else f"{parole}, {percentuale(pct, 1)}"


def colora(r: Raggiungimento) -> Colora:
    """The map's colouring for the achievements of a period: an indicator by its own
    achievement, a public value objective by its performance objectives when they are
    measured (else by its own indicators), any other objective by its indicators."""
    esiti: dict[str, EsitoIndicatore | EsitoAggregato] = {}
    for e in r.indicatori:
        esiti.setdefault(e.codice, e)
    for a in [*r.obiettivi, *r.unita]:
        esiti.setdefault(a.codice, a)
    for a in r.valore_pubblico:
        if a.percentuale is not None or a.codice not in esiti:
            esiti[a.codice] = a

    def stato(codice: str) -> tuple[Stile, str] | None:
        e = esiti.get(codice)
        if e is None:
            return None
        return LUCI[e.esito].stile, in_parole(e.esito, e.percentuale)

    return stato


def legenda(soglie: tuple[str, str, str, str]) -> Disegno:
    """The four lights with their colour, band and threshold in words."""
    elementi: list[Elemento] = []
    y = 4.0
    for (esito, luce), soglia in zip(LUCI.items(), soglie, strict=True):
        elementi.append(Rettangolo(4, y, 26, 16, luce.stile.riempimento, luce.stile.bordo))
        testo = f"{luce.colore}: {etichetta(esito).lower()} ({soglia})"
        righe = a_capo_intero(testo, CORPO, LARGHEZZA - 42, grassetto=False)
        for i, riga in enumerate(righe):
            elementi.append(Testo(38, y + 12 + i * 13, riga, CORPO))
        y += max(22, 13 * len(righe) + 9)
    return Disegno(LARGHEZZA, y + 2, tuple(elementi), "Legenda dei colori")
