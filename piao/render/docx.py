"""DOCX from the same document model as the PDF, with the named styles of
templates/reference.docx (headings, captions, table text), header rows that repeat on
every page, rows that do not split, a table of contents that Word refreshes on opening,
page numbers, landscape pages for the annexes. Deterministic bytes."""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from piao.render import docx_celle, docx_indice
from piao.render.document import (
    Blocco,
    Definizioni,
    Documento,
    Elenco,
    Figura,
    Paragrafo,
    Sezione,
    Tabella,
)
from piao.render.figures import to_png
from piao.resources import data_dir
from piao.sicuro import xml_legale

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_STILI_PARAGRAFO = {"normale": "Normal", "nota": "Nota", "evidenza": "Evidenza"}


def _campo(paragraph: Any, istruzione: str, testo: str = "") -> None:
    """Insert a Word field (PAGE, NUMPAGES, TOC...) into a paragraph."""
    run = paragraph.add_run()
    inizio = OxmlElement("w:fldChar")
    inizio.set(qn("w:fldCharType"), "begin")
    codice = OxmlElement("w:instrText")
    codice.set(qn("xml:space"), "preserve")
    codice.text = f" {istruzione} "
    separa = OxmlElement("w:fldChar")
    separa.set(qn("w:fldCharType"), "separate")
    run._r.append(inizio)
    run._r.append(codice)
    run._r.append(separa)
    paragraph.add_run(testo)
    fine_run = paragraph.add_run()
    fine = OxmlElement("w:fldChar")
    fine.set(qn("w:fldCharType"), "end")
    fine_run._r.append(fine)


def _proprieta_riga(row: Any, *, intestazione: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    non_dividere = OxmlElement("w:cantSplit")
    tr_pr.append(non_dividere)
    if intestazione:
        ripeti = OxmlElement("w:tblHeader")
        tr_pr.append(ripeti)


def _ombra(cell: Any, colore: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colore)
    tc_pr.append(shd)


class _Scrittore:
    def __init__(self, doc: Documento) -> None:
        self.d = doc
        self.w = Document(str(data_dir("templates") / "reference.docx"))
        self.orizzontale = False
        self.titoli = 0
        """Headings written so far: the next one's bookmark is docx_indice.segnalibro(titoli)."""

    @property
    def larghezza_utile(self) -> int:
        s = self.w.sections[-1]
        return int(s.page_width or 0) - int(s.left_margin or 0) - int(s.right_margin or 0)

    def scrivi(self) -> bytes:
        prima = self.w.sections[0]
        prima.page_width, prima.page_height = Mm(210), Mm(297)
        prima.left_margin = prima.right_margin = Mm(18)
        prima.top_margin, prima.bottom_margin = Mm(22), Mm(20)
        self._proprieta()
        self._intestazioni(self.w.sections[0], prima=True)
        self._copertina()
        self._indice()
        for sezione in self.d.sezioni:
            self._sezione(sezione)
        # Word refreshes the fields on opening (page numbers of the index); schema order
        # puts w:updateFields right before w:compat.
        aggiorna = OxmlElement("w:updateFields")
        aggiorna.set(qn("w:val"), "true")
        compat = self.w.settings.element.find(qn("w:compat"))
        if compat is None:
            self.w.settings.element.append(aggiorna)
        else:
            compat.addprevious(aggiorna)
        buffer = io.BytesIO()
        self.w.save(buffer)
        return _zip_deterministico(buffer.getvalue())

    def _proprieta(self) -> None:
        # Core properties are XML of at most 255 characters: never an illegal character.
        cp = self.w.core_properties
        quando = datetime.datetime.combine(self.d.data, datetime.time())
        cp.title = proprieta(xml_legale(f"{self.d.titolo} — {self.d.ente}"))
        cp.author = proprieta(xml_legale(self.d.ente))
        cp.subject = proprieta(xml_legale(f"{self.d.genere.intitolazione} ({self.d.genere.norma})"))
        cp.keywords = proprieta(xml_legale(self.d.parole_chiave))
        cp.language = "it-IT"
        cp.created = quando
        cp.modified = quando
        cp.last_modified_by = "piao"
        cp.revision = 1
        cp.comments = proprieta(xml_legale(self.d.adozione))

    def _intestazioni(self, section: Any, *, prima: bool = False) -> None:
        section.different_first_page_header_footer = prima
        header = section.header
        header.is_linked_to_previous = False
        p = header.paragraphs[0]
        p.text = ""
        p.style = self.w.styles["Intestazione pagina"]
        if self.d.stemma is not None:
            p.add_run().add_picture(io.BytesIO(self.d.stemma.contenuto), height=Mm(7))
            p.add_run("  ")
        p.add_run(self.d.intestazione)
        if self.d.bozza:
            run = p.add_run(f"    {self.d.marchio_bozza}")
            run.bold = True
            run.font.size = Pt(14)
            run.font.color.rgb = RGBColor(0xA3, 0x00, 0x1D)
        footer = section.footer
        footer.is_linked_to_previous = False
        f = footer.paragraphs[0]
        f.text = ""
        f.style = self.w.styles["Intestazione pagina"]
        f.add_run("Pagina ")
        _campo(f, "PAGE", "1")
        f.add_run(" di ")
        _campo(f, "NUMPAGES", "1")

    def _copertina(self) -> None:
        w = self.w
        if self.d.stemma is not None:
            w.add_paragraph().add_run().add_picture(
                io.BytesIO(self.d.stemma.contenuto), height=Mm(30)
            )
        w.add_paragraph(self.d.ente, style="Copertina ente")
        w.add_paragraph(self.d.genere.intitolazione, style="Copertina titolo")
        w.add_paragraph(self.d.sottotitolo, style="Copertina triennio")
        for k, v in self.d.copertina:
            p = w.add_paragraph()
            p.add_run(f"{k}: ").bold = True
            p.add_run(v)
        w.add_paragraph(self.d.genere.norma, style="Nota")
        if self.d.bozza:
            p = w.add_paragraph()
            run = p.add_run(self.d.avviso_bozza)
            run.bold = True
            run.font.color.rgb = RGBColor(0xA3, 0x00, 0x1D)
        w.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _indice(self) -> None:
        # «TOC Heading» has outline level 9: the index does not list itself when Word
        # refreshes it.
        self.w.add_paragraph("Indice", style="TOC Heading")
        voci = [(min(s.livello, 3), s.intestazione) for s in self.d.tutte()]
        docx_indice.scrivi(self.w, voci)
        self.w.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def _orientamento(self, orizzontale: bool) -> None:
        if orizzontale == self.orizzontale:
            return
        section = self.w.add_section(WD_SECTION.NEW_PAGE)
        larghezza, altezza = section.page_width, section.page_height
        if orizzontale != (larghezza > altezza):
            section.page_width, section.page_height = altezza, larghezza
        section.orientation = WD_ORIENT.LANDSCAPE if orizzontale else WD_ORIENT.PORTRAIT
        self._intestazioni(section)
        self.orizzontale = orizzontale

    def _sezione(self, s: Sezione) -> None:
        if s.orizzontale:
            self._orientamento(True)
        elif s.livello == 1:
            self._orientamento(False)
            if self.w.paragraphs and self.w.paragraphs[-1].text:
                self.w.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        titolo = self.w.add_heading(s.intestazione, level=min(s.livello, 3))
        docx_indice.segna(titolo, self.titoli)
        self.titoli += 1
        for b in s.blocchi:
            self._blocco(b)
        for figlio in s.figli:
            self._sezione(figlio)

    def _blocco(self, b: Blocco) -> None:
        if isinstance(b, Paragrafo):
            self.w.add_paragraph(b.testo, style=_STILI_PARAGRAFO.get(b.stile, "Normal"))
        elif isinstance(b, Elenco):
            for voce in b.voci:
                self.w.add_paragraph(voce, style="List Bullet")
        elif isinstance(b, Definizioni):
            self._tabella(b.didascalia, None, list(b.righe), (34, 66), None, prima_colonna=True)
        elif isinstance(b, Tabella):
            self._tabella(b.didascalia, b.intestazioni, list(b.righe), b.larghezze, b.totale)
        else:
            self._figura(b)

    def _tabella(
        self,
        didascalia: str | None,
        intestazioni: tuple[str, ...] | None,
        righe: list[tuple[str, ...]],
        larghezze: tuple[int, ...],
        totale: tuple[str, ...] | None,
        *,
        prima_colonna: bool = False,
    ) -> None:
        if didascalia:
            self.w.add_paragraph(didascalia, style="Caption")
        n = len(larghezze)
        tabella = self.w.add_table(rows=0, cols=n)
        tabella.style = self.w.styles["Table Grid"]
        tabella.autofit = False
        tbl_pr = tabella._tbl.tblPr
        larghezza = OxmlElement("w:tblW")
        larghezza.set(qn("w:w"), str(self.larghezza_utile // 635))  # EMU to twentieths of a point
        larghezza.set(qn("w:type"), "dxa")
        tbl_pr.append(larghezza)
        disposizione = OxmlElement("w:tblLayout")
        disposizione.set(qn("w:type"), "fixed")
        tbl_pr.append(disposizione)
        misure = [
            Emu(m)
            for m in docx_celle.misure(
                larghezze, docx_celle.minimi(intestazioni, righe, n), self.larghezza_utile
            )
        ]
        for i, colonna in enumerate(tabella.columns):
            colonna.width = misure[i]
        tutte = ([(intestazioni, "testa")] if intestazioni else []) + [(r, "corpo") for r in righe]
        if totale:
            tutte.append((totale, "totale"))
        # The style ids, looked up once: python-docx's `paragraph.style = ...` scans every
        # style of the document for the default one at each assignment, and the cells of
        # a plan are thousands (most of the time of a DOCX went there).
        testo = self._stile_paragrafo("Testo tabella")
        grassetto = self._stile_paragrafo("Intestazione tabella")
        for valori, tipo in tutte:
            riga = tabella.add_row()
            _proprieta_riga(riga, intestazione=tipo == "testa")
            for i, cella in enumerate(riga.cells):
                cella.width = misure[i]
                p = cella.paragraphs[0]
                p._p.style = (
                    grassetto
                    if tipo in ("testa", "totale") or (prima_colonna and i == 0)
                    else testo
                )
                docx_celle.scrivi(p.add_run(), valori[i] if i < len(valori) else "")
                if tipo == "testa":
                    _ombra(cella, "E8EEF5")
        self.w.add_paragraph()

    def _stile_paragrafo(self, nome: str) -> str:
        """The id a paragraph of piao's own style `nome` carries (what python-docx's
        `paragraph.style` setter writes for a style that is not the default one)."""
        stile = self.w.styles[nome]
        assert stile.type == WD_STYLE_TYPE.PARAGRAPH, nome
        assert not stile.element.default, nome
        return str(stile.style_id)

    def _figura(self, f: Figura) -> None:
        png = to_png(f.disegno)
        larghezza = min(self.larghezza_utile, int(Emu(int(f.disegno.larghezza * 12700))))
        self.w.add_picture(io.BytesIO(png), width=Emu(larghezza))
        self.w.add_paragraph(f"{f.didascalia}. {f.alt}", style="Caption")


PROPRIETA_MASSIMA = 255
"""The longest text a DOCX core property may hold (python-docx refuses more)."""


def proprieta(testo: str) -> str:
    """A core property of at most 255 characters: a longer text (an Unione di comuni that
    lists its members) is cut at the last space before the limit, with «…»; linear time."""
    if len(testo) <= PROPRIETA_MASSIMA:
        return testo
    taglio = testo[: PROPRIETA_MASSIMA - 1]
    spazio = taglio.rfind(" ")
    if spazio > PROPRIETA_MASSIMA // 2:
        taglio = taglio[:spazio]
    return taglio.rstrip(" ,;:—-") + "…"


def _zip_deterministico(data: bytes) -> bytes:
    """Rewrite the DOCX zip with fixed timestamps so the same plan gives the same bytes."""
    sorgente = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as destinazione:
        for info in sorgente.infolist():
            nuovo = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            nuovo.compress_type = zipfile.ZIP_DEFLATED
            nuovo.external_attr = 0o644 << 16
            destinazione.writestr(nuovo, sorgente.read(info.filename))
    return out.getvalue()


def render_docx(doc: Documento) -> bytes:
    return _Scrittore(doc).scrivi()
