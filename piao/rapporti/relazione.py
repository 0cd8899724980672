"""The Relazione sulla performance of a year (issue 18 item 5): from the plan, the year's
period file `monitoraggio/<anno>.yaml` and its `relazione:` facts, a `Documento` printed by
piao.render as PDF/A, DOCX and HTML, plus open data (CSV and JSON) beside it.

Achievements are never recomputed here: `leggi_periodo` computes them once as it reads the
year's file (`PeriodoLetto.esito`); satisfaction indices are
`piao.periodi.soddisfazione.indici`'. This module reads, refuses and assembles; the sections
are in relazione_sezioni.py, the deadline in relazione_scadenza.py, the open data in
relazione_dati.py.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from piao.findings import Finding, Location, Severity
from piao.fsutil import insieme, slugify
from piao.model.anagrafica import Anagrafica
from piao.periodi.controllo import PeriodoLetto, leggi_periodo
from piao.periodi.piano import CARTELLA, PeriodoError, PianoLetto, file_periodo, leggi_piano
from piao.periodi.raggiungimento import Raggiungimento
from piao.rapporti import DocumentoRifiutato
from piao.rapporti.relazione_dati import scrivi_dati
from piao.rapporti.relazione_scadenza import Scadenza, verifica
from piao.rapporti.relazione_sezioni import sezioni
from piao.render import FORMATS, scrivi_formati
from piao.render.document import Documento, Genere
from piao.stemma import leggi_stemma

RELAZIONE = Genere(
    "Relazione sulla performance",
    "Relazione sulla performance",
    "Art. 10 c.1 lett. b D.Lgs. 27 ottobre 2009 n. 150 — art. 6 D.L. 9 giugno 2021 n. 80",
    "D.Lgs. 150/2009",
)
PREFISSO = "Relazione-performance"


@dataclass(frozen=True)
class DatiDellaRelazione:
    """Everything the document and the open data are built from."""

    anno: int
    piano: PianoLetto
    anagrafica: Anagrafica
    letto: PeriodoLetto
    esito: Raggiungimento
    scadenza: Scadenza
    bozza: bool
    errori: tuple[Finding, ...]
    """Errors of the year's file (only in a draft)."""


def raccogli(folder: Path, anno: int, *, bozza: bool, oggi: datetime.date) -> DatiDellaRelazione:
    """Read the plan and the year's file; refuse when they cannot become a Relazione."""
    path = file_periodo(folder, str(anno))
    if not path.exists():
        raise DocumentoRifiutato(
            f"il piano non ha il file dell'anno {anno} ({path}): crearlo con "
            f"piao monitoraggio init {folder} --periodo {anno}, compilarlo con i valori "
            "dell'intero anno, poi riprovare"
        )
    piano = leggi_piano(folder)
    try:
        a = piano.anagrafica_per(anno)
    except PeriodoError as exc:
        raise DocumentoRifiutato(str(exc)) from None
    letto = leggi_periodo(path, piano)
    errori = tuple(f for f in letto.findings if f.severity is Severity.ERROR)
    if letto.dati is None:
        raise DocumentoRifiutato(
            f"il file {letto.name} ha errori di sintassi o di struttura: la Relazione non si "
            f"produce nemmeno in bozza (piao monitoraggio check {folder} --periodo {anno})",
            errori,
        )
    if errori and not bozza:
        raise DocumentoRifiutato(
            f"il file {letto.name} ha errori: correggerli (piao monitoraggio check {folder} "
            f"--periodo {anno}), oppure produrre una bozza con --bozza",
            errori,
        )
    esito = letto.esito
    dati = letto.dati.relazione
    dove = (
        letto.sources.locate(letto.name, ("relazione",))
        if dati is not None
        else Location(f"{CARTELLA}/{path.name}")
    )
    scadenza = verifica(anno, dati, oggi, dove)
    return DatiDellaRelazione(anno, piano, a, letto, esito, scadenza, bozza, errori)


def documento(d: DatiDellaRelazione) -> Documento:
    """The Relazione as a document every renderer prints."""
    a = d.anagrafica
    triennio = f"{a.triennio.da}-{a.triennio.a}"
    rel = d.letto.dati.relazione if d.letto.dati else None
    approvazione = (
        f"{rel.approvazione.atto} del {rel.approvazione.data.strftime('%d/%m/%Y')}"
        if rel is not None and rel.approvazione is not None
        else "non ancora approvata dalla Giunta"
    )
    copertina = (
        ("Anno", str(d.anno)),
        ("Piano", f"PIAO {triennio}"),
        ("Approvazione", approvazione),
    )
    data_doc = (
        rel.approvazione.data
        if rel is not None and rel.approvazione is not None
        else d.scadenza.oggi
    )
    return Documento(
        titolo=f"Relazione sulla performance {d.anno}",
        ente=a.ente.denominazione,
        triennio=triennio,
        adozione=approvazione,
        bozza=d.bozza,
        data=data_doc,
        copertina=copertina,
        sezioni=sezioni(d),
        stemma=leggi_stemma(d.piano.folder)[0],
        genere=RELAZIONE,
        periodo=str(d.anno),
    )


def nome_file(d: DatiDellaRelazione) -> str:
    return f"{PREFISSO}-{slugify(d.anagrafica.ente.denominazione)}-{d.anno}"


def scrivi_relazione(
    folder: Path,
    anno: int,
    out: Path,
    *,
    formats: tuple[str, ...] = FORMATS,
    bozza: bool = False,
    oggi: datetime.date,
) -> tuple[DatiDellaRelazione, list[Path]]:
    """Write the Relazione in `formats` and its open data into `out`, as a whole."""
    d = raccogli(folder, anno, bozza=bozza, oggi=oggi)
    doc = documento(d)
    stem = nome_file(d)

    def allegati() -> list[tuple[str, bytes]]:
        files = d.piano.folder
        out_files = [(d.letto.path.name, d.letto.path.read_bytes())]
        for nome in ("performance.yaml", "valore_pubblico.yaml", "monitoraggio.yaml"):
            if (files / nome).is_file():
                out_files.append((nome, (files / nome).read_bytes()))
        return out_files

    with insieme(out) as cantiere:
        scritti = scrivi_formati(doc, cantiere, stem, formats, allegati)
        scritti += scrivi_dati(d, cantiere, stem)
    return d, [out / p.name for p in scritti]
