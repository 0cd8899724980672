"""An indicator's trend over the years, for the Relazione: the baseline year, the plan's
history (`storico`, `consuntivo`), the value measured in the year and the targets of the
following years of the triennio; as table cells and as a small chart drawn with
piao.render.figures (vector in HTML/PDF, PNG in DOCX)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from piao.model.base import Indicatore
from piao.periodi.raggiungimento import EsitoIndicatore
from piao.render.document import Figura
from piao.render.figures import Disegno, Elemento, Linea, Rettangolo, Testo
from piao.render.formatting import numero

Tipo = Literal["partenza", "storico", "consuntivo", "rilevato", "target"]


@dataclass(frozen=True)
class Punto:
    anno: int
    valore: float | str | None
    tipo: Tipo
    target: float | str | None = None
    """For the year of the Relazione: its target, shown beside the value."""

    @property
    def misurato(self) -> bool:
        return self.tipo != "target"

    @property
    def testo(self) -> str:
        v = "—" if self.valore is None else numero(self.valore)
        if self.tipo == "target":
            return f"→ {v}"
        if self.tipo == "rilevato" and self.target is not None:
            return f"{v} ({numero(self.target)})"
        return v


def serie(ind: Indicatore, anno: int, esito: EsitoIndicatore | None) -> list[Punto]:
    """One point per year: the year's measure wins over history, history over baseline."""
    punti: dict[int, Punto] = {}
    if ind.baseline is not None:
        punti[ind.baseline.anno] = Punto(ind.baseline.anno, ind.baseline.valore, "partenza")
    for a, v in ind.storico.items():
        punti[a] = Punto(a, v, "storico")
    for a, v in ind.consuntivo.items():
        if a < anno:
            punti[a] = Punto(a, v, "consuntivo")
    punti[anno] = Punto(anno, esito.valore if esito else None, "rilevato", ind.target.get(anno))
    for a, v in ind.target.items():
        if a > anno:
            punti[a] = Punto(a, v, "target")
    return [punti[a] for a in sorted(punti)]


LARGHEZZA = 460.0
_RIGA = 58.0
_ETICHETTA = 150.0
_MISURATO = "#0b4f8a"
_TARGET = "#9aa7b4"


def figura_andamento(
    codice: str, serie_vp: list[tuple[Indicatore, list[Punto]]], anno: int
) -> Figura | None:
    """Small multiples, one row per numeric indicator: measured values joined by a dark
    line, targets by a light one; None when no indicator has two numeric points."""
    righe = [(i, [p for p in s if isinstance(p.valore, int | float)]) for i, s in serie_vp]
    righe = [(i, s) for i, s in righe if len(s) >= 2]
    if not righe:
        return None
    anni = sorted({p.anno for _, s in righe for p in s})
    x0, x1 = _ETICHETTA + 10, LARGHEZZA - 20
    passo = (x1 - x0) / max(1, len(anni) - 1)
    xs = {a: x0 + i * passo for i, a in enumerate(anni)}
    el: list[Elemento] = []
    y = 8.0
    for ind, s in righe:
        valori = [float(p.valore) for p in s if isinstance(p.valore, int | float)]
        lo, hi = min(valori), max(valori)
        alto, basso = y + 14, y + _RIGA - 16

        def yv(
            v: float, lo: float = lo, hi: float = hi, alto: float = alto, basso: float = basso
        ) -> float:
            return (alto + basso) / 2 if hi == lo else basso - (v - lo) / (hi - lo) * (basso - alto)

        el.append(Testo(0, y + _RIGA / 2, ind.codice, 8, grassetto=True))
        el.append(Testo(0, y + _RIGA / 2 + 11, (ind.unita_misura or "")[:28], 7, "#5c6f82"))
        el.append(Linea(x0 - 5, basso + 4, x1 + 5, basso + 4, "#d0d7de", 0.5))
        precedente: Punto | None = None
        for p in s:
            assert isinstance(p.valore, int | float)
            colore = _MISURATO if p.misurato else _TARGET
            px, py = xs[p.anno], yv(float(p.valore))
            if precedente is not None:
                assert isinstance(precedente.valore, int | float)
                el.append(
                    Linea(
                        xs[precedente.anno],
                        yv(float(precedente.valore)),
                        px,
                        py,
                        colore if p.misurato else _TARGET,
                        1.5 if p.misurato else 1,
                    )
                )
            el.append(Rettangolo(px - 2.5, py - 2.5, 5, 5, colore, colore, 1))
            el.append(Testo(px, py - 5, numero(p.valore), 7, colore, centrato=True))
            precedente = p
        y += _RIGA
    for a, x in xs.items():
        el.append(Testo(x, y + 4, str(a), 7.5, "#1a1a1a", grassetto=a == anno, centrato=True))
    el.append(Rettangolo(x0, y + 12, 8, 3, _MISURATO, _MISURATO, 0))
    el.append(Testo(x0 + 12, y + 16, "misurato", 7))
    el.append(Rettangolo(x0 + 70, y + 12, 8, 3, _TARGET, _TARGET, 0))
    el.append(Testo(x0 + 82, y + 16, "target", 7))
    titolo = f"Andamento degli indicatori di {codice}"
    descrizione = "; ".join(
        f"{i.codice}: "
        + ", ".join(
            f"{p.anno} {numero(p.valore)}" + (" (target)" if not p.misurato else "") for p in s
        )
        for i, s in righe
    )
    return Figura(
        titolo,
        Disegno(LARGHEZZA, y + 22, tuple(el), titolo),
        f"{descrizione}.",
    )
