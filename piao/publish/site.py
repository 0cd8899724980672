"""`piao publish`: a self-contained static folder for «Amministrazione trasparente»: the
PIAO page, a placement guide, the PDF/A and DOCX, open data (CSV and JSON)."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

from piao import __version__
from piao.clock import today
from piao.engine import CheckResult
from piao.fsutil import atomic_write_text, insieme
from piao.lingua import dell_ente
from piao.model import SEZIONI_PER_CHIAVE, Piano
from piao.publish.opendata import metadati, piano_json, tabelle
from piao.reference import riferimenti
from piao.render import prepara, scrivi_documenti, vista
from piao.render.document import AVVISO_BOZZA, Documento, Figura, Sezione
from piao.render.figures import to_svg
from piao.render.formatting import data, numero
from piao.render.view import ancore
from piao.resources import data_dir
from piao.templating import environment

ANCORA_IN_BREVE = "in-breve"
"""Anchor of «Il PIAO in breve» (struttura.py), shown at the top of the page."""
ANCORA_DATI = "scarica"
"""Anchor of the downloads (documents and open data) on the PIAO page."""


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
    in_breve: Sezione | None = None
    """«Il PIAO in breve», at the top of the page."""
    stemma: str | None = None
    """The entity's stemma as a data URI, in the page header."""

    @property
    def avviso_bozza(self) -> str:
        return AVVISO_BOZZA


def _dimensione(path: Path) -> str:
    size = path.stat().st_size
    if size < 1024 * 1024:
        return f"{numero(max(1, round(size / 1024)))} kB"
    return f"{numero(round(size / 1024 / 1024, 1))} MB"


def _collocazioni(piano: Piano, pagina: str) -> tuple[Collocazione, ...]:
    """Where to link the PIAO from in Amministrazione trasparente (reference table
    `collocazioni_piao.csv`); a row about a section the plan lacks is left out."""
    righe = []
    for c in riferimenti().collocazioni_piao:
        sezione = SEZIONI_PER_CHIAVE.get(c.sezione)
        if sezione is not None and getattr(piano, sezione.key) is None:
            continue
        if sezione is not None:
            genere = "sottosezione" if sezione.sottosezione else "sezione"
            cosa = f"La {genere} {sezione.numero} {sezione.titolo}"
            ancora = ancore()[sezione.key]
        else:
            cosa = c.contenuto
            ancora = ANCORA_DATI if c.sezione == "dati_aperti" else ""
        href = f"{pagina}#{ancora}" if ancora else pagina
        testo = (
            href
            if pagina.startswith("http")
            else f"Pagina del PIAO{' › ' + ancora if ancora else ''}"
        )
        righe.append(
            Collocazione(f"{c.livello_1} › {c.livello_2}", c.riferimento, cosa, href, testo)
        )
    return tuple(righe)


def _svg(f: Figura) -> str:
    return to_svg(f.disegno)


def publish_plan(
    folder: str | Path, out: Path, *, bozza: bool = False, oggi: datetime.date | None = None
) -> list[Path]:
    """Write the site into `out`, as a whole (a failure leaves the previous site untouched);
    refuses a plan with errors unless `bozza`."""
    oggi = oggi or today()
    result = prepara(folder, bozza=bozza)
    with insieme(out, superati=superati(out)) as cantiere:
        scritti = _sito(result, cantiere, bozza=bozza, oggi=oggi)
    return [out / p.relative_to(cantiere) for p in scritti]


def superati(out: Path) -> list[str]:
    """The files the previous site listed in its dati/piao.json (its documents and open
    data): piao wrote them, so those the new site no longer has are removed with the swap.
    Only plain names in `out` or in `out/dati` count; nothing else is ever removed."""
    try:
        precedente = json.loads((out / "dati" / "piao.json").read_text(encoding="utf-8"))
        distribuzioni = precedente["metadati"]["dcat:distribution"]
        nomi = [d["dcat:downloadURL"] for d in distribuzioni]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [n for n in nomi if isinstance(n, str) and _FILE_DEL_SITO.fullmatch(n)]


_FILE_DEL_SITO = re.compile(r"(dati/)?[A-Za-z0-9][A-Za-z0-9._-]*\.(csv|json|pdf|docx)")


def _sito(result: CheckResult, out: Path, *, bozza: bool, oggi: datetime.date) -> list[Path]:
    """Write the site of a plan `prepara` accepted into `out`."""
    piano = result.piano
    assert piano is not None  # prepara refuses it
    documenti_scritti = scrivi_documenti(
        result, out, formats=("pdf", "docx"), bozza=bozza, oggi=oggi
    )
    doc: Documento = vista(result, bozza=bozza or not result.report.success, oggi=oggi)
    written = list(documenti_scritti)
    dati = out / "dati"
    tabs = tabelle(piano)
    for t in tabs:
        atomic_write_text(dati / t.file, t.csv())
        written.append(dati / t.file)
    a = piano.anagrafica
    pub = a.pubblicazione.amministrazione_trasparente if a.pubblicazione else None
    emesso = pub.data if pub else doc.data
    documenti = [(p.name, p.suffix[1:].upper()) for p in documenti_scritti]
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
        for p in documenti_scritti
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
        descrizione=f"PIAO {doc.triennio} {dell_ente(a.ente.denominazione)}: obiettivi, rischi corruttivi, trasparenza, organizzazione, personale e formazione.",
        triennio=doc.triennio,
        adozione=doc.adozione,
        aggiornamento=data(oggi),
        aggiornamento_iso=oggi.isoformat(),
        bozza=doc.bozza,
        versione=__version__,
        file=tuple(file),
        sezioni=tuple(s for s in doc.sezioni if s.ancora not in ("allegati", ANCORA_IN_BREVE)),
        collocazioni=_collocazioni(piano, pagina),
        in_breve=next((s for s in doc.sezioni if s.ancora == ANCORA_IN_BREVE), None),
        stemma=doc.stemma.data_uri if doc.stemma is not None else None,
    )
    env = environment()
    for nome in ("index", "collocazione"):
        html = env.get_template(f"sito/{nome}.html.j2").render(
            s=view, svg=_svg, ancora_dati=ANCORA_DATI
        )
        atomic_write_text(out / f"{nome}.html", html)
        written.append(out / f"{nome}.html")
    atomic_write_text(
        out / "stile.css",
        (data_dir("templates") / "sito" / "stile.css").read_text(encoding="utf-8"),
    )
    written.append(out / "stile.css")
    return written
