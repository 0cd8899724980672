"""`piao publish`: a self-contained static folder for «Amministrazione trasparente»: the
PIAO page, a placement guide, the PDF/A and DOCX, open data (CSV and JSON)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from piao import __version__
from piao.clock import today
from piao.fsutil import atomic_write_text
from piao.model import Piano
from piao.publish.opendata import metadati, piano_json, tabelle
from piao.render import RenderRefused, render_plan
from piao.render.document import AVVISO_BOZZA, Documento, Figura, Sezione
from piao.render.figures import to_svg
from piao.render.formatting import data, numero
from piao.render.view import build_view
from piao.resources import data_dir
from piao.templating import environment


@dataclass(frozen=True)
class FileScaricabile:
    href: str
    titolo: str
    formato: str
    dimensione: str
    descrizione: str = ""


@dataclass(frozen=True)
class Collocazione:
    sottosezione: str
    riferimento: str
    cosa: str
    href: str
    href_testo: str


@dataclass(frozen=True)
class SitoView:
    ente: str
    codice_ipa: str | None
    sede: str | None
    pec: str | None
    sito: str | None
    titolo: str
    descrizione: str
    triennio: str
    adozione: str
    aggiornamento: str
    aggiornamento_iso: str
    bozza: bool
    versione: str
    file: tuple[FileScaricabile, ...]
    sezioni: tuple[Sezione, ...]
    collocazioni: tuple[Collocazione, ...]

    @property
    def avviso_bozza(self) -> str:
        return AVVISO_BOZZA


def _dimensione(path: Path) -> str:
    size = path.stat().st_size
    if size < 1024 * 1024:
        return f"{numero(max(1, round(size / 1024)))} kB"
    return f"{numero(round(size / 1024 / 1024, 1))} MB"


def _collocazioni(piano: Piano, pagina: str) -> tuple[Collocazione, ...]:
    def voce(sottosezione: str, riferimento: str, cosa: str, ancora: str) -> Collocazione:
        href = f"{pagina}#{ancora}" if ancora else pagina
        return Collocazione(
            sottosezione,
            riferimento,
            cosa,
            href,
            href
            if pagina.startswith("http")
            else f"Pagina del PIAO{' › ' + ancora if ancora else ''}",
        )

    righe = [
        voce(
            "Disposizioni generali › Atti generali",
            "art. 12 c.1 d.lgs. 33/2013 (documenti di programmazione strategico-gestionale)",
            "La pagina del PIAO con il documento adottato e i dati aperti",
            "",
        ),
        voce(
            "Disposizioni generali › Piano triennale per la prevenzione della corruzione e della trasparenza",
            "art. 10 c.8 lett. a d.lgs. 33/2013",
            "La sottosezione 2.3 Rischi corruttivi e trasparenza",
            "sezione-2-3",
        ),
        voce(
            "Altri contenuti › Prevenzione della corruzione",
            "art. 1 c.14 l. 190/2012; delibera ANAC 1310/2016",
            "La sottosezione 2.3 Rischi corruttivi e trasparenza",
            "sezione-2-3",
        ),
        voce(
            "Personale › Dotazione organica",
            "art. 16 d.lgs. 33/2013",
            "La sottosezione 3.3 Piano triennale dei fabbisogni di personale",
            "sezione-3-3",
        ),
    ]
    if piano.performance is not None:
        righe.insert(
            2,
            voce(
                "Performance › Piano della Performance",
                "art. 10 c.8 lett. b d.lgs. 33/2013",
                "La sottosezione 2.2 Performance",
                "sezione-2-2",
            ),
        )
    righe.append(
        voce(
            "Altri contenuti › Accessibilità e Catalogo di dati, metadati e banche dati",
            "art. 7 d.lgs. 33/2013 (dati aperti)",
            "I dati aperti del PIAO (CSV e JSON)",
            "scarica",
        )
    )
    return tuple(righe)


def _svg(f: Figura) -> str:
    return to_svg(f.disegno)


def publish_plan(
    folder: str | Path, out: Path, *, bozza: bool = False, oggi: datetime.date | None = None
) -> list[Path]:
    """Write the site into `out`; refuses a plan with errors unless `bozza`."""
    oggi = oggi or today()
    rendered = render_plan(folder, out, formats=("pdf", "docx"), bozza=bozza, oggi=oggi)
    piano = rendered.result.piano
    if piano is None:  # pragma: no cover - render_plan refuses it first
        raise RenderRefused("piano non valido", rendered.result)
    doc: Documento = build_view(piano, bozza=bozza or not rendered.result.report.success, oggi=oggi)
    written = list(rendered.files)
    dati = out / "dati"
    tabs = tabelle(piano)
    for t in tabs:
        atomic_write_text(dati / t.file, t.csv())
        written.append(dati / t.file)
    a = piano.anagrafica
    pub = a.pubblicazione.amministrazione_trasparente if a.pubblicazione else None
    emesso = pub.data if pub else doc.data
    documenti = [(p.name, p.suffix[1:].upper()) for p in rendered.files]
    meta = metadati(piano, tabs, emesso=emesso, modificato=oggi, documenti=documenti)
    atomic_write_text(dati / "piao.json", piano_json(meta, piano, tabs))
    written.append(dati / "piao.json")
    file = [
        FileScaricabile(
            p.name,
            f"Documento del PIAO ({p.suffix[1:].upper()})",
            "PDF/A con i dati YAML allegati" if p.suffix == ".pdf" else "DOCX modificabile",
            _dimensione(p),
        )
        for p in rendered.files
    ]
    file += [
        FileScaricabile(
            f"dati/{t.file}", t.titolo, "CSV", _dimensione(dati / t.file), t.descrizione
        )
        for t in tabs
    ]
    file.append(
        FileScaricabile(
            "dati/piao.json",
            "Piano completo e metadati",
            "JSON (DCAT-AP_IT)",
            _dimensione(dati / "piao.json"),
            "Tutte le sezioni del piano e le tabelle, con i metadati del dataset.",
        )
    )
    pagina = pub.url if pub and pub.url else "index.html"
    view = SitoView(
        ente=a.ente.denominazione,
        codice_ipa=a.ente.codice_ipa,
        sede=a.ente.sede,
        pec=a.ente.pec,
        sito=a.ente.sito,
        titolo=f"Piano Integrato di Attività e Organizzazione {doc.triennio}",
        descrizione=f"PIAO {doc.triennio} di {a.ente.denominazione}: obiettivi, rischi corruttivi, trasparenza, organizzazione, personale e formazione.",
        triennio=doc.triennio,
        adozione=doc.adozione,
        aggiornamento=data(oggi),
        aggiornamento_iso=oggi.isoformat(),
        bozza=doc.bozza,
        versione=__version__,
        file=tuple(file),
        sezioni=tuple(s for s in doc.sezioni if s.ancora != "allegati"),
        collocazioni=_collocazioni(piano, pagina),
    )
    env = environment()
    for nome in ("index", "collocazione"):
        html = env.get_template(f"sito/{nome}.html.j2").render(s=view, svg=_svg)
        atomic_write_text(out / f"{nome}.html", html)
        written.append(out / f"{nome}.html")
    atomic_write_text(
        out / "stile.css",
        (data_dir("templates") / "sito" / "stile.css").read_text(encoding="utf-8"),
    )
    written.append(out / "stile.css")
    return written
