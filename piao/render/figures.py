"""Pictures as geometry: the schemas of schema.py (the «Mappa del valore pubblico», the
organigram) and the risk matrix of matrice.py are laid out once as boxes, lines and texts,
then written as SVG (HTML and PDF, vector) or PNG (DOCX)."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

FONT_FAMILY = "DejaVu Sans"
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)


@dataclass(frozen=True)
class Rettangolo:
    x: float
    y: float
    w: float
    h: float
    riempimento: str
    bordo: str = "#5c6f82"
    raggio: float = 4


@dataclass(frozen=True)
class Linea:
    x1: float
    y1: float
    x2: float
    y2: float
    colore: str = "#5c6f82"
    spessore: float = 1


@dataclass(frozen=True)
class Testo:
    x: float
    y: float
    """Baseline."""
    testo: str
    dimensione: float = 10
    colore: str = "#1a1a1a"
    grassetto: bool = False
    centrato: bool = False


Elemento = Rettangolo | Linea | Testo


@dataclass(frozen=True)
class Disegno:
    larghezza: float
    altezza: float
    elementi: tuple[Elemento, ...]
    titolo: str
    """One unit is one point at the natural size, which the PDF and the page keep (shrunk
    only to fit a narrow screen): text sizes in units are printed sizes (schema.py)."""


@cache
def _font_path(bold: bool = False) -> str | None:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for candidate in _FONT_CANDIDATES:
        path = Path(candidate).with_name(name)
        if path.is_file():
            return str(path)
    if shutil.which("fc-match"):
        style = ":bold" if bold else ""
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", f"{FONT_FAMILY}{style}"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if found and Path(found).is_file():
            return found
    return None


@cache
def _font(size: float, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _font_path(bold)
    if path is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(path, round(size))


def larghezza_testo(testo: str, dimensione: float, grassetto: bool = False) -> float:
    return float(_font(dimensione * 4, grassetto).getlength(testo)) / 4


def _fmt(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def to_svg(d: Disegno) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_fmt(d.larghezza)} {_fmt(d.altezza)}" '
        f'width="{_fmt(d.larghezza)}pt" height="{_fmt(d.altezza)}pt" '
        f'class="in-punti" role="img" '
        f'font-family="{FONT_FAMILY}, sans-serif"><title>{escape(d.titolo)}</title>'
    ]
    for e in d.elementi:
        if isinstance(e, Rettangolo):
            parts.append(
                f'<rect x="{_fmt(e.x)}" y="{_fmt(e.y)}" width="{_fmt(e.w)}" height="{_fmt(e.h)}" '
                f'rx="{_fmt(e.raggio)}" fill="{e.riempimento}" stroke="{e.bordo}"/>'
            )
        elif isinstance(e, Linea):
            parts.append(
                f'<line x1="{_fmt(e.x1)}" y1="{_fmt(e.y1)}" x2="{_fmt(e.x2)}" y2="{_fmt(e.y2)}" '
                f'stroke="{e.colore}" stroke-width="{_fmt(e.spessore)}"/>'
            )
        else:
            attrs = f'x="{_fmt(e.x)}" y="{_fmt(e.y)}" font-size="{_fmt(e.dimensione)}" fill="{e.colore}"'
            if e.grassetto:
                attrs += ' font-weight="bold"'
            if e.centrato:
                attrs += ' text-anchor="middle"'
            parts.append(f"<text {attrs}>{escape(e.testo)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def to_png(d: Disegno, scala: float = 2.0) -> bytes:
    image = Image.new("RGB", (round(d.larghezza * scala), round(d.altezza * scala)), "white")
    draw = ImageDraw.Draw(image)
    for e in d.elementi:
        if isinstance(e, Rettangolo):
            box = (e.x * scala, e.y * scala, (e.x + e.w) * scala, (e.y + e.h) * scala)
            draw.rounded_rectangle(
                box,
                radius=e.raggio * scala,
                fill=e.riempimento,
                outline=e.bordo,
                width=max(1, round(scala)),
            )
        elif isinstance(e, Linea):
            draw.line(
                (e.x1 * scala, e.y1 * scala, e.x2 * scala, e.y2 * scala),
                fill=e.colore,
                width=max(1, round(e.spessore * scala)),
            )
        else:
            font = _font(e.dimensione * scala, e.grassetto)
            anchor = "ms" if e.centrato else "ls"
            draw.text((e.x * scala, e.y * scala), e.testo, fill=e.colore, font=font, anchor=anchor)
    buffer = io.BytesIO()
    # zlib's default level: level 9 (`optimize=True`) made the example's DOCX 3% smaller
    # and its 18 figures about four times slower to write.
    image.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()
