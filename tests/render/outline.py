"""The document view model as plain text: headings, paragraphs, lists, definitions, table
rows with their column widths, and the texts of each figure. The golden files under
tests/render/golden/ are this text for each example plan; any change to what the
document says shows up as a readable diff."""

from __future__ import annotations

from piao.render.document import (
    Blocco,
    Definizioni,
    Documento,
    Elenco,
    Paragrafo,
    Sezione,
    Tabella,
)
from piao.render.figures import Linea, Rettangolo, Testo


def _row(cells: tuple[str, ...]) -> str:
    return " | ".join(c.replace("\n", " ⏎ ") for c in cells)


def _block(b: Blocco) -> list[str]:
    if isinstance(b, Paragrafo):
        return [f"[{b.stile}] {b.testo}"]
    if isinstance(b, Elenco):
        return [f"  - {v}" for v in b.voci]
    if isinstance(b, Definizioni):
        out = [f"<definizioni: {b.didascalia or ''}>"]
        out += [f"  {k}: {v}" for k, v in b.righe]
        return out
    if isinstance(b, Tabella):
        out = [f"<tabella: {b.didascalia}> larghezze {list(b.larghezze)}"]
        out.append("  # " + _row(b.intestazioni))
        out += ["  " + _row(r) for r in b.righe]
        if b.totale is not None:
            out.append("  = " + _row(b.totale))
        return out
    d = b.disegno
    rects = sum(isinstance(e, Rettangolo) for e in d.elementi)
    lines = sum(isinstance(e, Linea) for e in d.elementi)
    out = [
        f"<figura: {b.didascalia}> {d.larghezza:g}x{d.altezza:g}, {rects} riquadri, {lines} linee",
        f"  alt: {b.alt}",
    ]
    out += [f"  « {e.testo}" for e in d.elementi if isinstance(e, Testo)]
    return out


def _section(s: Sezione) -> list[str]:
    marks = " [orizzontale]" if s.orizzontale else ""
    out = ["", f"{'#' * s.livello} {s.intestazione} {{#{s.ancora}}}{marks}"]
    for b in s.blocchi:
        out += _block(b)
    for child in s.figli:
        out += _section(child)
    return out


def outline(doc: Documento) -> str:
    lines = [
        f"titolo: {doc.titolo}",
        f"ente: {doc.ente}",
        f"triennio: {doc.triennio}",
        f"adozione: {doc.adozione}",
        f"bozza: {doc.bozza}",
        f"data: {doc.data.isoformat()}",
    ]
    lines += [f"copertina: {k}: {v}" for k, v in doc.copertina]
    for s in doc.sezioni:
        lines += _section(s)
    return "\n".join(lines) + "\n"
