"""The audit as a DOCX the Nucleo completes: the same content as the PDF report, and a
judgement block whose cells are content controls (Word) that LibreOffice shows as plain
fillable cells."""

from __future__ import annotations

import datetime
import io
from typing import Any

from babel.dates import format_date
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from piao.audit.assess import STATI_IT, Audit, EsitoElemento
from piao.audit.giudizio import GIUDIZI, giudizio, motivazione
from piao.catalogue import citazione
from piao.clock import today
from piao.render.docx import _ombra, _proprieta_riga, _zip_deterministico, proprieta
from piao.resources import data_dir
from piao.sicuro import xml_legale

CAMPI_NUCLEO = (
    ("giudizio", "Giudizio", "Indicare il giudizio del Nucleo sul piano."),
    ("osservazioni", "Osservazioni e note", "Osservazioni, rilievi e raccomandazioni."),
    ("luogo_data", "Luogo e data", "Luogo e data."),
    ("firme", "Firme", "Il Presidente e i componenti del Nucleo."),
)
"""(tag, label, placeholder) of each cell the Nucleo fills in."""


def _testo(s: str) -> str:
    return xml_legale(s)


def _controllo(cella: Any, tag: str, alias: str, suggerimento: str) -> None:
    """Replace the cell's paragraph with a plain-text content control showing a hint."""
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    for nome, valore in (("w:alias", alias), ("w:tag", tag)):
        el = OxmlElement(nome)
        el.set(qn("w:val"), valore)
        pr.append(el)
    pr.append(OxmlElement("w:showingPlcHdr"))
    testo = OxmlElement("w:text")
    testo.set(qn("w:multiLine"), "1")
    pr.append(testo)
    sdt.append(pr)
    paragrafo = cella.paragraphs[0]
    paragrafo.add_run(suggerimento).font.color.rgb = RGBColor(0x76, 0x76, 0x76)
    contenuto = OxmlElement("w:sdtContent")
    cella._tc.remove(paragrafo._p)
    contenuto.append(paragrafo._p)
    sdt.append(contenuto)
    cella._tc.append(sdt)


class _Verbale:
    def __init__(self, audit: Audit, oggi: datetime.date) -> None:
        self.a = audit
        self.oggi = oggi
        self.w = Document(str(data_dir("templates") / "reference.docx"))

    def scrivi(self) -> bytes:
        s = self.w.sections[0]
        s.page_width, s.page_height = Mm(210), Mm(297)
        s.left_margin = s.right_margin = Mm(18)
        s.top_margin, s.bottom_margin = Mm(20), Mm(20)
        cp = self.w.core_properties
        cp.title = proprieta(_testo(f"Verifica del PIAO {self.a.triennio} — {self.a.ente}"))
        cp.language = "it-IT"
        quando = datetime.datetime.combine(self.oggi, datetime.time())
        cp.created = cp.modified = quando
        cp.last_modified_by = cp.author = "piao"
        cp.revision = 1
        self._testata()
        self._sintesi()
        for _, titolo, punti, esiti in self.a.per_sezione():
            self._sezione(titolo, punti, esiti)
        self._rilievi()
        self._impronte()
        self._giudizio()
        buffer = io.BytesIO()
        self.w.save(buffer)
        return _zip_deterministico(buffer.getvalue())

    def _tabella(self, intestazioni: tuple[str, ...], larghezze: tuple[int, ...]) -> Any:
        t = self.w.add_table(rows=1, cols=len(intestazioni))
        t.style = "Table Grid"
        t.autofit = False
        for colonna, mm in zip(t.columns, larghezze, strict=True):
            colonna.width = Mm(mm)
        for cella, testo, mm in zip(t.rows[0].cells, intestazioni, larghezze, strict=True):
            cella.text = testo
            cella.width = Mm(mm)
            cella.paragraphs[0].runs[0].bold = True
            _ombra(cella, "E8EEF5")
        _proprieta_riga(t.rows[0], intestazione=True)
        return t

    def _riga(self, t: Any, valori: tuple[str, ...], larghezze: tuple[int, ...]) -> None:
        riga = t.add_row()
        _proprieta_riga(riga, intestazione=False)
        for cella, testo, mm in zip(riga.cells, valori, larghezze, strict=True):
            cella.width = Mm(mm)
            run = cella.paragraphs[0].add_run(_testo(testo))
            run.font.size = Pt(8.5)

    def _testata(self) -> None:
        a = self.a
        self.w.add_paragraph("Rapporto di verifica per OIV / Nucleo di valutazione e revisori")
        self.w.add_heading(_testo(f"PIAO {a.triennio} — {a.ente}"), level=0)
        voci = [
            ("Codice IPA", a.codice_ipa or "non indicato"),
            ("Regime", a.regime),
            ("Adozione", a.adozione or "non ancora adottato"),
            ("Cartella del piano", a.plan),
            ("Data del controllo", format_date(self.oggi, "d MMMM y", locale="it")),
        ]
        if a.documento is not None:
            bozza = " (bozza)" if a.documento.bozza else ""
            voci.insert(4, ("Documento verificato", a.documento.nome + bozza))
        for etichetta, valore in voci:
            p = self.w.add_paragraph()
            p.add_run(f"{etichetta}: ").bold = True
            p.add_run(_testo(valore))

    def _sintesi(self) -> None:
        a = self.a
        self.w.add_heading("Sintesi", level=1)
        g = giudizio(a)
        p = self.w.add_paragraph("Esito: ")
        p.add_run(g.frase).bold = True
        p.add_run(f" ({motivazione(a)}).")
        punti = a.punteggio()
        self.w.add_paragraph(
            f"{'—' if punti is None else f'{punti:.0f}%'} degli elementi richiesti presenti e "
            "completi. L'esito riassume il controllo automatico; il giudizio è del Nucleo "
            "(ultima sezione)."
        )
        for x in GIUDIZI:
            q = self.w.add_paragraph(style="List Bullet")
            q.add_run(x.frase).bold = True
            q.add_run(f": {x.quando}.")

    def _sezione(self, titolo: str, punti: float | None, esiti: list[EsitoElemento]) -> None:
        self.w.add_heading(_testo(titolo + ("" if punti is None else f" — {punti:.0f}%")), level=1)
        larghezze = (38, 23, 36, 49, 28)
        t = self._tabella(
            ("Elemento", "Esito", "Evidenza nel documento", "Rilievi", "Base giuridica"),
            larghezze,
        )
        for e in esiti:
            self._riga(
                t,
                (
                    f"{e.elemento.id} {e.elemento.titolo}",
                    STATI_IT[e.stato],
                    self._evidenza(e),
                    "\n".join(f"{f.code} {f.message} ({f.location})" for f in e.rilievi)
                    or "nessuno",
                    "; ".join(citazione(b) for b in e.elemento.basis)
                    + "\nRegole: "
                    + ", ".join(e.elemento.regole),
                ),
                larghezze,
            )

    def _evidenza(self, e: EsitoElemento) -> str:
        if e.stato == "non_applicabile" and e.evidenza is None:
            return "—"
        i = e.elemento.intestazione
        dove = f"§ {i.numero}" if i.numero else i.titolo
        pagina = self.a.pagina(e)
        testo = dove + (f", pag. {pagina}" if pagina else "")
        if e.evidenza is None:
            return f"nessuna; attesa in {testo}"
        return f"{testo}\npiano: {e.evidenza}"

    def _rilievi(self) -> None:
        self.w.add_heading("Tutti i rilievi del controllo", level=1)
        if not self.a.report.findings:
            self.w.add_paragraph("Nessun rilievo.")
            return
        larghezze = (46, 18, 19, 91)
        t = self._tabella(("Posizione nel piano", "Livello", "Codice", "Messaggio"), larghezze)
        for f in self.a.report.findings:
            livello = "derogato" if f.suppressed else f.severity.label
            self._riga(t, (str(f.location), livello, f.code, f.message), larghezze)

    def _impronte(self) -> None:
        self.w.add_heading("Impronte dei file verificati", level=1)
        self.w.add_paragraph(
            "L'impronta SHA-256 identifica il contenuto esatto di ciascun file: un file con la "
            "stessa impronta è lo stesso file che il Nucleo ha esaminato."
        )
        larghezze = (58, 116)
        t = self._tabella(("File", "SHA-256"), larghezze)
        impronte = list(self.a.fonti)
        if self.a.documento is not None:
            impronte.insert(0, self.a.documento.impronta)
        for i in impronte:
            self._riga(t, (i.nome, i.sha256), larghezze)
            t.rows[-1].cells[1].paragraphs[0].runs[0].font.name = "DejaVu Sans Mono"
            t.rows[-1].cells[1].paragraphs[0].runs[0].font.size = Pt(7)

    def _giudizio(self) -> None:
        self.w.add_heading("Giudizio del Nucleo di valutazione", level=1)
        self.w.add_paragraph(
            "Il Nucleo, esaminati il documento e i file sopra indicati e il presente rapporto, "
            "esprime il seguente giudizio."
        )
        t = self.w.add_table(rows=0, cols=2)
        t.style = "Table Grid"
        t.autofit = False
        t.columns[0].width, t.columns[1].width = Mm(40), Mm(134)
        for tag, etichetta, suggerimento in CAMPI_NUCLEO:
            riga = t.add_row()
            riga.cells[0].width, riga.cells[1].width = Mm(40), Mm(134)
            riga.cells[0].text = etichetta
            riga.cells[0].paragraphs[0].runs[0].bold = True
            _ombra(riga.cells[0], "E8EEF5")
            _controllo(riga.cells[1], tag, etichetta, suggerimento)
            altezza = OxmlElement("w:trHeight")
            altezza.set(qn("w:val"), str(1800 if tag in ("osservazioni", "firme") else 600))
            altezza.set(qn("w:hRule"), "atLeast")
            riga._tr.get_or_add_trPr().append(altezza)


def render_docx(audit: Audit, *, oggi: datetime.date | None = None) -> bytes:
    return _Verbale(audit, oggi or today()).scrivi()
