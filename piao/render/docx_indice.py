"""The table of contents of the DOCX, filled at generation (issue 17): a TOC field that Word
still refreshes (F9, or on opening through `w:updateFields`), whose cached result already
lists every heading — numbered as in the document, indented by level (styles «toc 1-3» of
reference.docx), each a hyperlink to a bookmark on its heading — so that LibreOffice and Word
show a filled index without refreshing anything.

Page numbers are left out of the cached entries: Word's pagination cannot be known here, and
LibreOffice (7.4, tried) prints a nested PAGEREF field of the cached index from its cached
result, not from its own layout, so an empty one only left dot leaders pointing at nothing.
Word adds the numbers when it refreshes the field (on opening through `w:updateFields`, or
F9); in LibreOffice, Strumenti › Aggiorna › Aggiorna tutto."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ISTRUZIONE = 'TOC \\o "1-3" \\h \\z \\u'
"""Headings 1-3 from the outline (\\o, \\u), as hyperlinks (\\h), page numbers hidden on the
web layout (\\z)."""
LIVELLI = 3


def segnalibro(n: int) -> str:
    """The bookmark of the n-th heading (Word's hidden «_Toc» bookmarks, at most 40 chars)."""
    return f"_Toc{n:08d}"


def segna(paragrafo: Any, n: int) -> None:
    """Wrap the runs of a heading in the bookmark `segnalibro(n)` the index links to."""
    p = paragrafo._p
    inizio = OxmlElement("w:bookmarkStart")
    inizio.set(qn("w:id"), str(n))
    inizio.set(qn("w:name"), segnalibro(n))
    fine = OxmlElement("w:bookmarkEnd")
    fine.set(qn("w:id"), str(n))
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p.insert(0, inizio)
    else:
        p_pr.addnext(inizio)
    p.append(fine)


def _run(*figli: Any, testo: str | None = None) -> Any:
    r = OxmlElement("w:r")
    for f in figli:
        r.append(f)
    if testo is not None:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = testo
        r.append(t)
    return r


def _car(tipo: str) -> Any:
    c = OxmlElement("w:fldChar")
    c.set(qn("w:fldCharType"), tipo)
    return c


def _istruzione(testo: str) -> Any:
    i = OxmlElement("w:instrText")
    i.set(qn("xml:space"), "preserve")
    i.text = f" {testo} "
    return i


def scrivi(documento: Any, voci: Sequence[tuple[int, str]]) -> None:
    """Append the index to `documento`: one paragraph per (level, heading text), the n-th
    linked to `segnalibro(n)`."""
    corpo = documento.element.body
    paragrafi: list[Any] = []
    for n, (livello, testo) in enumerate(voci):
        p = OxmlElement("w:p")
        p_pr = OxmlElement("w:pPr")
        stile = OxmlElement("w:pStyle")
        stile.set(qn("w:val"), f"TOC{min(max(livello, 1), LIVELLI)}")
        p_pr.append(stile)
        p.append(p_pr)
        if n == 0:
            p.append(_run(_car("begin")))
            p.append(_run(_istruzione(ISTRUZIONE)))
            p.append(_run(_car("separate")))
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), segnalibro(n))
        link.set(qn("w:history"), "1")
        link.append(_run(testo=" ".join(testo.split())))  # one line, as add_heading shows it
        p.append(link)
        paragrafi.append(p)
    fine = OxmlElement("w:p")
    if not paragrafi:  # no heading: an empty field, still there for Word to refresh
        for r in (_car("begin"), _istruzione(ISTRUZIONE), _car("separate")):
            fine.append(_run(r))
    fine.append(_run(_car("end")))
    paragrafi.append(fine)
    sect_pr = corpo.find(qn("w:sectPr"))
    for p in paragrafi:
        if sect_pr is not None:
            sect_pr.addprevious(p)
        else:
            corpo.append(p)
