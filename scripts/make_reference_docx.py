"""Build templates/reference.docx: the Word styles of the PIAO document.

Run `make reference-docx` after changing a style. Offices may also restyle the generated
DOCX directly: headings, captions and table text use named styles, tables the
"Table Grid" style.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

BLU = RGBColor(0x0B, 0x4F, 0x8C)
GRIGIO = RGBColor(0x40, 0x40, 0x40)
FONT = "Arial"


def main(target: Path) -> None:
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(5)
    titoli: tuple[tuple[str, float], ...] = (
        ("Title", 26),
        ("Heading 1", 16),
        ("Heading 2", 13),
        ("Heading 3", 11),
    )
    for name, size in titoli:
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = BLU
    styles["Caption"].font.name = FONT
    styles["Caption"].font.size = Pt(9)
    styles["Caption"].font.bold = True
    styles["Caption"].font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
    extra: tuple[tuple[str, float, bool, bool, RGBColor | None], ...] = (
        ("Testo tabella", 8.5, False, False, None),
        ("Intestazione tabella", 8.5, True, False, None),
        ("Nota", 10, False, True, GRIGIO),
        ("Evidenza", 10, True, False, None),
        ("Copertina ente", 20, True, False, BLU),
        ("Copertina titolo", 24, True, False, None),
        ("Copertina triennio", 30, True, False, BLU),
        ("Intestazione pagina", 8, False, False, GRIGIO),
    )
    for name, size, bold, italic, color in extra:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        if color is not None:
            style.font.color.rgb = color
        if name in ("Testo tabella", "Intestazione tabella"):
            style.paragraph_format.space_after = Pt(0)
    doc.core_properties.title = "Modello del PIAO"
    doc.core_properties.author = "piao"
    doc.core_properties.language = "it-IT"
    doc.save(str(target))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("templates/reference.docx"))
