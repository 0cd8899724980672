"""The integrated monitoring report of a period (issue 18 item 5): from the plan and one
period file, a `Documento` for the Giunta, the Nucleo and the citizens — achievements per
public value objective, performance objective, indicator and unit, the traffic-light value
map, the 2.3 measures, the section-3 facts, user satisfaction and the period's findings —
printed by piao.render as PDF/A, DOCX and HTML, beside its open data (CSV and JSON).

Nothing is computed here that piao.periodi computes: achievements and findings come from
`leggi_periodo` (`PeriodoLetto.esito`, the period rules included), satisfaction indices from
`soddisfazione.indici`."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from piao.clock import today
from piao.engine import CheckResult, check_plan
from piao.findings import Finding, Severity
from piao.fsutil import insieme, slugify
from piao.lingua import quanti
from piao.model import SEZIONI, Piano
from piao.model.periodo import EsitoRaggiungimento
from piao.periodi.controllo import PeriodoLetto, leggi_periodo
from piao.periodi.piano import PeriodoError, file_periodo, piano_letto
from piao.periodi.raggiungimento import Raggiungimento
from piao.rapporti import DocumentoRifiutato
from piao.rapporti.monitoraggio_dati import scrivi_dati
from piao.rapporti.monitoraggio_fatti import (
    sezione_misure,
    sezione_personale,
    sezione_rilievi,
    sezione_soddisfazione,
    stati_misure,
)
from piao.rapporti.monitoraggio_performance import sezione_mappa, sezione_performance
from piao.render import FORMATS, scrivi_formati
from piao.render.document import Documento, Elenco, Genere, Paragrafo, Sezione
from piao.render.etichette import etichetta
from piao.render.formatting import data

PREFISSO = "Monitoraggio"
"""The file names: Monitoraggio-<ente>-<periodo>.pdf."""


def genere(triennio: str) -> Genere:
    """The kind of document: its cover title names the plan's triennio."""
    return Genere(
        f"Monitoraggio integrato del PIAO {triennio}",
        "Monitoraggio PIAO",
        "Art. 6 c.3 D.L. 9 giugno 2021 n. 80 — art. 5 D.M. 30 giugno 2022 n. 132",
        "DM 132/2022 art. 5",
    )


@dataclass(frozen=True)
class Fonti:
    """What the report is built from, read and checked once."""

    result: CheckResult
    piano: Piano
    letto: PeriodoLetto
    raggiungimento: Raggiungimento
    findings: tuple[Finding, ...]
    """The period's findings: its file, its rules and the computation."""

    @property
    def errori(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def prepara(folder: Path, nome: str, *, bozza: bool) -> Fonti:
    """The plan and the period read, checked and computed; `PeriodoError` when the period
    has no file, `DocumentoRifiutato` when the data cannot (or, without --bozza, may not)
    become a report."""
    path = file_periodo(folder, nome)
    if not path.exists():
        raise PeriodoError(
            f"il piano non ha il file del periodo {nome} ({path}): crearlo con "
            f"piao monitoraggio init {folder} --periodo {nome}"
        )
    result = check_plan(folder)
    piano = result.piano
    errori_piano = [f for f in result.report.findings if f.severity is Severity.ERROR]
    if piano is None:
        raise DocumentoRifiutato(
            "il piano contiene errori di sintassi o di struttura: il report non si può produrre",
            errori_piano,
        )
    if errori_piano and not bozza:
        raise DocumentoRifiutato(
            "il piano contiene errori: correggerli (piao check), oppure produrre una bozza "
            "con --bozza",
            errori_piano,
        )
    # the plan `piao check` just validated (valid, so no section is incomplete)
    sezioni = {s.key: m for s in SEZIONI if (m := getattr(piano, s.key)) is not None}
    letto_piano = piano_letto(folder, sezioni)
    letto = leggi_periodo(path, letto_piano)
    r = letto.esito
    visti = {(f.code, str(f.location), f.message) for f in letto.findings}
    findings = [*letto.findings]
    findings += [f for f in r.findings if (f.code, str(f.location), f.message) not in visti]
    findings.sort(key=Finding.sort_key)
    fonti = Fonti(result, piano, letto, r, tuple(findings))
    if not r.calcolato:
        raise DocumentoRifiutato(
            f"il file {letto.name} ha errori: il raggiungimento non si calcola e il report non "
            "si può produrre",
            fonti.errori,
        )
    if fonti.errori and not bozza:
        raise DocumentoRifiutato(
            f"il file {letto.name} ha rilievi di gravità «errore»: correggerli (piao monitoraggio "
            "check), oppure produrre una bozza con --bozza",
            fonti.errori,
        )
    return fonti


def _conteggi(r: Raggiungimento) -> dict[EsitoRaggiungimento, int]:
    out: dict[EsitoRaggiungimento, int] = {
        "raggiunto": 0,
        "parzialmente_raggiunto": 0,
        "non_raggiunto": 0,
        "non_rilevato": 0,
    }
    for e in r.indicatori:
        out[e.esito] += 1
    return out


def _sintesi(f: Fonti) -> Sezione:
    r = f.raggiungimento
    conteggi = _conteggi(r)
    voci = [
        f"Indicatori: {len(r.indicatori)} dovuti nel periodo — "
        + "; ".join(f"{etichetta(k).lower()} {n}" for k, n in conteggi.items())
        + "."
    ]
    stati = stati_misure(f)
    if stati:
        voci.append(
            "Misure di prevenzione (2.3): "
            + "; ".join(f"{etichetta(k).lower()} {n}" for k, n in stati.items() if n)
            + "."
        )
    mancati = sorted(
        (e for e in r.indicatori if e.esito == "non_raggiunto"),
        key=lambda e: e.percentuale if e.percentuale is not None else 0,
    )
    if mancati:
        voci.append(
            "Scostamenti da notare (non raggiunti): "
            + "; ".join(f"{e.codice} {e.descrizione}" for e in mancati[:5])
            + ("…" if len(mancati) > 5 else "")
            + "."
        )
    rettificati = [e.codice for e in r.indicatori if e.rettifica is not None]
    rettificati += [a.codice for a in r.obiettivi if a.rettifica is not None]
    if rettificati:
        voci.append(f"Raggiungimenti rettificati: {', '.join(rettificati)}.")
    blocchi: list[Paragrafo | Elenco] = [Elenco(tuple(voci))]
    if r.regola_periodo:
        blocchi.append(Paragrafo(r.regola_periodo, "nota"))
    errori = len(f.errori)
    if f.findings:
        blocchi.append(
            Paragrafo(
                f"Il controllo dei dati del periodo ha {quanti(len(f.findings), 'rilievo', 'rilievi')}"
                + (f", di cui {errori} di gravità «errore»" if errori else "")
                + ": sono elencati nell'allegato, perché chi legge sappia che cosa è incompleto.",
                "evidenza" if errori else "normale",
            )
        )
    return Sezione("in-sintesi", "", "In sintesi", 1, tuple(blocchi))


def documento(f: Fonti, *, bozza: bool, oggi: datetime.date | None = None) -> Documento:
    """The report as a document the renderers print."""
    piano = f.piano
    a = piano.anagrafica
    triennio = f"{a.triennio.da}-{a.triennio.a}"
    per = f.raggiungimento.periodo
    dati = f.letto.dati
    comp = dati.compilazione if dati is not None else None
    copertina: list[tuple[str, str]] = [
        ("Periodo", f"{per.descrizione}, dal {data(per.inizio)} al {data(per.fine)}"),
        ("Piano", f"PIAO {triennio}"),
    ]
    if comp is not None and (comp.ufficio or comp.referente):
        copertina.append(
            ("Dati raccolti da", " — ".join(x for x in (comp.ufficio, comp.referente) if x))
        )
    if comp is not None and comp.data is not None:
        copertina.append(("Data di compilazione", data(comp.data)))
    copertina.append(("File dei dati", f.letto.name))
    sezioni = [
        _sintesi(f),
        sezione_performance(f.raggiungimento, piano, f.letto, "1"),
        sezione_mappa(f.raggiungimento, piano, "2"),
        sezione_misure(f, "3"),
        sezione_personale(f, "4"),
        sezione_soddisfazione(f, "5"),
        sezione_rilievi(f),
    ]
    return Documento(
        titolo=f"Monitoraggio integrato del PIAO {triennio} — {per.descrizione}",
        ente=a.ente.denominazione,
        triennio=triennio,
        adozione=f"Monitoraggio del {per.descrizione}",
        bozza=bozza,
        data=(comp.data if comp is not None and comp.data else None) or oggi or today(),
        copertina=tuple(copertina),
        sezioni=tuple(sezioni),
        stemma=f.result.stemma,
        genere=genere(triennio),
        periodo=per.descrizione,
    )


def file_stem(ente: str, periodo: str) -> str:
    return f"{PREFISSO}-{slugify(ente)}-{periodo}"


def _allegati(f: Fonti) -> Callable[[], list[tuple[str, bytes]]]:
    """What the PDF/A attaches: the period file, then the plan's files."""

    def leggi() -> list[tuple[str, bytes]]:
        files = f.result.loaded.sources.files
        piano = [(n, s.path.read_bytes()) for n, s in files.items()]
        return [(f.letto.path.name, f.letto.path.read_bytes()), *piano]

    return leggi


def scrivi_report(
    folder: Path,
    nome: str,
    out: Path,
    *,
    formats: tuple[str, ...] = FORMATS,
    bozza: bool = False,
    oggi: datetime.date | None = None,
) -> tuple[Fonti, list[Path]]:
    """Check and compute, then write the documents and the open data into `out` as a
    whole: a failure leaves the previous files untouched. A draft (--bozza) is marked
    BOZZA."""
    f = prepara(folder, nome, bozza=bozza)
    doc = documento(f, bozza=bozza, oggi=oggi)
    stem = file_stem(doc.ente, f.raggiungimento.periodo.nome)
    with insieme(out) as cantiere:
        scritti = scrivi_formati(doc, cantiere, stem, formats, _allegati(f))
        scritti += scrivi_dati(f, cantiere, stem)
    return f, [out / p.name for p in scritti]
