"""Build templates/reference.docx: the Word styles of the PIAO document.

Run `make reference-docx` after changing a style. Offices may also restyle the generated
DOCX directly: headings, captions and table text use named styles, tables the
"Table Grid" style (with cell padding).

Also set here, once for every generated document: the language (it-IT, so that Word and
LibreOffice hyphenate and spell-check in Italian), automatic hyphenation in settings.xml
(words in capitals — codes such as UO-SEG — are never hyphenated; figures have no
hyphenation patterns; table cells also write the hyphens of codes as non-breaking hyphens),
headings, captions, table headers and the index never hyphenated, and the index styles
«toc 1-3» indented by level.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

BLU = RGBColor(0x0B, 0x4F, 0x8C)
GRIGIO = RGBColor(0x40, 0x40, 0x40)
FONT = "Arial"
LINGUA = "it-IT"
MARGINE_CELLA_VERTICALE = 45
"""Top and bottom padding of table cells, in twips (0.8 mm); left and right keep Word's
108 (1.9 mm), which docx_celle.MARGINI_CELLA counts on."""
NON_SILLABATI = (
    "Title",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Caption",
    "Intestazione tabella",
    "Copertina ente",
    "Copertina titolo",
    "Copertina triennio",
    "toc 1",
    "toc 2",
    "toc 3",
)

DOPO_SILLABAZIONE = tuple(
    f"w:{tag}"
    for tag in [
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)
"""What follows w:suppressAutoHyphens in a w:pPr (schema order, ECMA-376 CT_PPrBase)."""


def _figlio(parent: Any, tag: str) -> Any:
    """The child `tag` of `parent`, created (appended) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def _lingua(doc: Any) -> None:
    """it-IT as the language of the document defaults and of the theme fonts."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    r_pr = _figlio(_figlio(defaults, "w:rPrDefault"), "w:rPr")
    _figlio(r_pr, "w:lang").set(qn("w:val"), LINGUA)
    settings = doc.settings.element
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), LINGUA)


def _sillabazione(doc: Any) -> None:
    """Automatic hyphenation, never in words in capitals (schema order: after
    w:defaultTabStop)."""
    posto = doc.settings.element.find(qn("w:defaultTabStop"))
    for tag in ("w:doNotHyphenateCaps", "w:autoHyphenation"):
        elemento = OxmlElement(tag)
        elemento.set(qn("w:val"), "true")
        posto.addnext(elemento)


def _margini_celle(doc: Any) -> None:
    tbl_pr = doc.styles["Table Grid"].element.find(qn("w:tblPr"))
    margini = tbl_pr.find(qn("w:tblCellMar"))
    for lato in ("top", "bottom"):
        margini.find(qn(f"w:{lato}")).set(qn("w:w"), str(MARGINE_CELLA_VERTICALE))


def _indice(doc: Any) -> None:
    """The styles of the index entries, as Word names them («toc 1», id TOC1)."""
    for livello in (1, 2, 3):
        style = doc.styles.add_style(f"toc {livello}", WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), f"TOC{livello}")
        del style.element.attrib[qn("w:customStyle")]  # a built-in style of Word
        style.priority = 39
        style.base_style = doc.styles["Normal"]
        style.next_paragraph_style = doc.styles["Normal"]
        formato = style.paragraph_format
        formato.left_indent = Mm(6 * (livello - 1))
        formato.space_before = Pt(6 if livello == 1 else 0)
        formato.space_after = Pt(2)
        style.font.bold = livello == 1


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
    _indice(doc)
    for name in NON_SILLABATI:
        p_pr = styles[name].element.get_or_add_pPr()
        p_pr.insert_element_before(OxmlElement("w:suppressAutoHyphens"), *DOPO_SILLABAZIONE)
    _lingua(doc)
    _sillabazione(doc)
    _margini_celle(doc)
    doc.core_properties.title = "Modello del PIAO"
    doc.core_properties.author = "piao"
    doc.core_properties.language = "it-IT"
    doc.save(str(target))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("templates/reference.docx"))
