"""The RPCT's annual report (relazione annuale del RPCT, art. 1 c.14 L. 190/2012): from the
plan (anagrafica, 2.3), the period data of the year and the RPCT's facts file, a document
(PDF/A, DOCX, HTML, printed by piao.render), a workbook shaped like ANAC's *scheda* and open
data (CSV, JSON), written together in `out`."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from piao.clock import today
from piao.csvsafe import write_csv
from piao.fsutil import atomic_write_bytes, insieme, slugify
from piao.model import SEZIONI
from piao.rapporti import DocumentoRifiutato
from piao.rapporti.rpct_dati import DatiRpct, leggi_dati_rpct
from piao.rapporti.rpct_scheda import (
    CONSIDERAZIONI,
    FOGLI,
    LAYOUT,
    LAYOUT_DESCRIZIONE,
    NON_FORNITO,
    Riga,
    fonte_leggibile,
    righe,
)
from piao.rapporti.rpct_xlsx import note, render_xlsx
from piao.render import FORMATS, scrivi_formati
from piao.render.document import (
    Definizioni,
    Documento,
    Elenco,
    Genere,
    Paragrafo,
    Sezione,
    Tabella,
)
from piao.render.etichette import etichetta
from piao.stemma import leggi_stemma

RPCT = Genere(
    "Relazione annuale del Responsabile della prevenzione della corruzione e della trasparenza",
    "Relazione RPCT",
    "Art. 1 c.14 L. 6 novembre 2012 n. 190",
    "L. 190/2012",
)
DATI = ("xlsx", "csv", "json")
FORMATI = (*FORMATS, *DATI)
"""What `piao relazione-rpct --format` accepts: the document's formats, the workbook, the
open data."""


@dataclass(frozen=True)
class RelazioneScritta:
    dati: DatiRpct
    righe: list[Riga]
    files: list[Path]

    @property
    def mancanti(self) -> list[Riga]:
        return [r for r in self.righe if not r.fornito]


def stem(ente: str, anno: int) -> str:
    return f"Relazione-RPCT-{slugify(ente)}-{anno}"


def _problemi(d: DatiRpct) -> str | None:
    if d.piano.incompleti:
        return (
            f"le sezioni {', '.join(sorted(d.piano.incompleti))} del piano hanno errori "
            f"(piao check {d.piano.folder})"
        )
    if d.errori:
        return "i file di monitoraggio hanno errori"
    return None


def _blocchi(righe_: list[Riga]) -> list[Definizioni]:
    """The rows of a sheet, one table per group of numbers (M.1, M.2...)."""
    gruppi: dict[str, list[Riga]] = {}
    for r in righe_:
        gruppi.setdefault(r.voce.numero.rsplit(".", 1)[0], []).append(r)
    return [
        Definizioni(tuple((f"{r.voce.numero} {r.voce.voce}", r.valore) for r in g))
        for g in gruppi.values()
    ]


def _tabella_misure(d: DatiRpct) -> Tabella:
    stati = d.stati
    out = []
    for m in d.misure:
        a = stati.get(m.codice)
        nota = ""
        if a is not None:
            nota = a.motivo or (str(a.valore_rilevato) if a.valore_rilevato is not None else "")
        out.append(
            (
                m.codice,
                m.titolo,
                etichetta(m.misura_generale) if m.misura_generale else "specifica",
                etichetta(a.stato) if a is not None else NON_FORNITO,
                nota,
            )
        )
    return Tabella(
        f"Stato di ciascuna misura ({d.fonte_stati})",
        ("Codice", "Misura", "Misura generale", "Stato", "Motivo o valore rilevato"),
        tuple(out),
        (10, 34, 18, 14, 30),
    )


def documento(d: DatiRpct, righe_: list[Riga], *, bozza: bool, oggi: datetime.date) -> Documento:
    a = d.anagrafica
    triennio = f"{a.triennio.da}-{a.triennio.a}"
    mancanti = [r for r in righe_ if not r.fornito]
    sezioni = []
    for k, foglio in enumerate(FOGLI, start=1):
        del_foglio = [r for r in righe_ if r.voce.foglio == foglio]
        blocchi: list[Paragrafo | Definizioni | Tabella] = []
        if foglio == CONSIDERAZIONI:
            for r in del_foglio:
                blocchi += [Paragrafo(f"{r.voce.numero} {r.voce.voce}", "evidenza")]
                blocchi += [Paragrafo(r.valore, "normale" if r.fornito else "nota")]
        else:
            blocchi += _blocchi(del_foglio)
        figli: tuple[Sezione, ...] = ()
        if k == len(FOGLI):
            figli = (
                Sezione("rpct-misure", f"{k}.1", "Misure della 2.3", 2, (_tabella_misure(d),)),
            )
        sezioni.append(Sezione(f"rpct-{k}", str(k), foglio, 1, tuple(blocchi), figli))
    avvertenze: list[Paragrafo | Elenco | Definizioni] = []
    if mancanti:
        avvertenze.append(
            Paragrafo(
                f"Dati non forniti: {len(mancanti)} voci su {len(righe_)}, stampate come "
                f"«{NON_FORNITO}». Completare il piano o il file {d.fatti_path.name}.",
                "evidenza",
            )
        )
        avvertenze.append(Elenco(tuple(f"{r.voce.numero} {r.voce.voce}" for r in mancanti)))
    avvertenze.append(Definizioni(tuple(note(d, len(mancanti)))))
    sezioni.append(
        Sezione("rpct-note", str(len(FOGLI) + 1), "Note sulla compilazione", 1, tuple(avvertenze))
    )
    return Documento(
        titolo=f"Relazione annuale del RPCT {d.anno}",
        ente=a.ente.denominazione,
        triennio=triennio,
        adozione="",
        bozza=bozza,
        data=oggi,
        copertina=(
            ("Anno", str(d.anno)),
            ("Piano", f"PIAO {triennio}, sottosezione 2.3"),
            ("Stato delle misure", d.fonte_stati),
            ("Struttura", LAYOUT_DESCRIZIONE),
        ),
        sezioni=tuple(sezioni),
        stemma=leggi_stemma(d.piano.folder)[0],
        genere=RPCT,
        periodo=str(d.anno),
    )


def _allegati(d: DatiRpct) -> Callable[[], list[tuple[str, bytes]]]:
    """The facts file, the period file and the plan's anagrafica and 2.3."""

    def leggi() -> list[tuple[str, bytes]]:
        out = []
        if d.fatti is not None:
            out.append((d.fatti.name, d.fatti.path.read_bytes()))
        out.append((d.periodo.name, d.periodo.path.read_bytes()))
        for s in SEZIONI:
            path = d.piano.folder / s.file
            if s.key in ("anagrafica", "rischi_corruttivi") and path.exists():
                out.append((s.file, path.read_bytes()))
        return out

    return leggi


def _dati_aperti(d: DatiRpct, righe_: list[Riga]) -> tuple[bytes, bytes]:
    intestazione = ("foglio", "numero", "voce", "valore", "fornito", "fonte")
    tabella = [
        (
            r.voce.foglio,
            r.voce.numero,
            r.voce.voce,
            r.valore,
            "sì" if r.fornito else "no",
            fonte_leggibile(r.voce.fonte, d.anno),
        )
        for r in righe_
    ]
    csv = write_csv(intestazione, tabella).encode("utf-8")
    documento_json = {
        "ente": d.anagrafica.ente.denominazione,
        "codice_fiscale": d.anagrafica.ente.codice_fiscale,
        "anno": d.anno,
        "struttura": LAYOUT,
        "struttura_descrizione": LAYOUT_DESCRIZIONE,
        "stato_delle_misure": d.fonte_stati,
        "colonne": {
            "foglio": "foglio della scheda ANAC",
            "numero": f"numero della voce ({LAYOUT}, non ufficiale)",
            "voce": "voce della scheda",
            "valore": f"valore; «{NON_FORNITO}» se la fonte non lo contiene",
            "fornito": "sì se il valore viene dalla fonte",
            "fonte": "file e campo da cui viene il valore",
        },
        "voci": [dict(zip(intestazione, riga, strict=True)) for riga in tabella],
    }
    testo = json.dumps(documento_json, ensure_ascii=False, indent=2) + "\n"
    return csv, testo.encode("utf-8")


def relazione_rpct(
    folder: Path,
    anno: int,
    out: Path,
    *,
    formats: tuple[str, ...] = FORMATI,
    bozza: bool = False,
    oggi: datetime.date | None = None,
) -> RelazioneScritta:
    """Read the data, then write every requested format into `out` as a whole. Errors in the
    plan or in the files of the year refuse the report unless `bozza`."""
    d = leggi_dati_rpct(folder, anno)
    problema = _problemi(d)
    if problema is not None and not bozza:
        raise DocumentoRifiutato(
            f"{problema}: correggerli, oppure produrre una bozza con --bozza", d.errori
        )
    rr = righe(d)
    nome = stem(d.anagrafica.ente.denominazione, anno)
    doc = documento(d, rr, bozza=problema is not None, oggi=oggi or today())
    with insieme(out) as cantiere:
        scritti = scrivi_formati(
            doc, cantiere, nome, tuple(f for f in formats if f in FORMATS), _allegati(d)
        )
        altri: dict[str, Callable[[], bytes]] = {"xlsx": lambda: render_xlsx(d, rr)}
        if "csv" in formats or "json" in formats:
            csv, js = _dati_aperti(d, rr)
            altri |= {"csv": lambda: csv, "json": lambda: js}
        for formato, produci in altri.items():
            if formato in formats:
                atomic_write_bytes(cantiere / f"{nome}.{formato}", produci())
                scritti.append(cantiere / f"{nome}.{formato}")
    return RelazioneScritta(d, rr, [out / p.name for p in scritti])
