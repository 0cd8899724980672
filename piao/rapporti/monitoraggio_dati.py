"""The open data of the monitoring report: CSV (UTF-8, comma, numbers with the decimal
point, like `piao publish`) and one JSON with the same rows, plus a LEGGIMI file naming
every column. Aggregates only: no named person (the compiler's name stays in the document)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from piao.csvsafe import write_csv
from piao.fsutil import atomic_write_bytes
from piao.periodi.soddisfazione import indici

if TYPE_CHECKING:
    from piao.rapporti.monitoraggio import Fonti

Colonne = tuple[tuple[str, str], ...]

TABELLE: dict[str, tuple[str, Colonne]] = {
    "indicatori": (
        "Raggiungimento di ogni indicatore dovuto nel periodo",
        (
            ("codice", "codice dell'indicatore nel piano"),
            ("descrizione", "descrizione dell'indicatore"),
            ("obiettivo", "codice dell'obiettivo che l'indicatore misura"),
            ("unita_misura", "unità di misura"),
            ("verso", "crescente, decrescente o mantenimento"),
            ("partenza", "valore di partenza (baseline) del piano"),
            ("target", "target dell'anno del periodo"),
            ("valore", "valore misurato nel periodo"),
            ("percentuale_calcolata", "raggiungimento calcolato, 0-100"),
            ("percentuale", "raggiungimento che vale (quello rettificato, se c'è), 0-100"),
            ("esito", "raggiunto, parzialmente_raggiunto, non_raggiunto, non_rilevato"),
            ("scostamento", "valore meno target, con il segno"),
            ("fonte", "fonte del valore"),
            ("data", "data della misurazione (AAAA-MM-GG)"),
            ("rettifica_motivo", "motivo della rettifica, se il raggiungimento è rettificato"),
            ("rettifica_approvata_da", "organo che ha approvato la rettifica"),
            ("note", "note del calcolo e motivo del non rilevato"),
        ),
    ),
    "aggregati": (
        "Raggiungimento per obiettivo, unità organizzativa e obiettivo di valore pubblico",
        (
            ("livello", "obiettivo, unita o valore_pubblico"),
            ("codice", "codice nel piano"),
            ("titolo", "titolo o denominazione"),
            ("percentuale_calcolata", "media pesata delle parti misurate, 0-100"),
            ("percentuale", "raggiungimento che vale (quello rettificato, se c'è), 0-100"),
            ("esito", "raggiunto, parzialmente_raggiunto, non_raggiunto, non_rilevato"),
            ("parti", "codici da cui è calcolato, separati da spazio"),
            ("pesi", "pesi del piano o pesi uguali"),
            ("non_rilevate", "parti escluse dalla media perché non misurate"),
        ),
    ),
    "misure": (
        "Stato di attuazione delle misure di prevenzione (2.3)",
        (
            ("codice", "codice della misura"),
            ("stato", "attuata, parzialmente_attuata, in_corso, non_attuata"),
            ("valore_rilevato", "valore rilevato dell'indicatore di monitoraggio"),
            ("motivo", "perché non è attuata del tutto"),
            ("data", "data della verifica (AAAA-MM-GG)"),
        ),
    ),
    "sezione3": (
        "Fatti della sezione 3 nel periodo",
        (
            ("voce", "assunzioni, cessazioni, formazione, lavoro_agile, azioni_positive"),
            ("codice", "codice nel piano (assunzione, corso, azione), se c'è"),
            ("misura", "che cosa si conta"),
            ("previsto", "quanto prevede il piano per l'anno, se lo dice"),
            ("realizzato", "quanto è stato fatto nel periodo"),
        ),
    ),
    "soddisfazione": (
        "Indici di soddisfazione degli utenti",
        (
            ("rilevazione", "codice della rilevazione nel piano"),
            ("servizio", "servizio (vuoto: tutta la rilevazione)"),
            ("canale", "canale (sportello, telefono, web...)"),
            ("indice", "indice di soddisfazione, 0-100"),
            ("campione", "giudizi o rispondenti"),
            ("tasso_risposta", "rispondenti su contatti, in percentuale"),
            ("note", "note (campione ridotto...)"),
        ),
    ),
}


def _n(v: float | None) -> float | None:
    return None if v is None else round(v, 4)


def righe(f: Fonti) -> dict[str, list[list[object]]]:
    """The rows of every table, in the order of TABELLE's columns."""
    r = f.raggiungimento
    dati = f.letto.dati
    assert dati is not None
    out: dict[str, list[list[object]]] = {k: [] for k in TABELLE}
    for e in r.indicatori:
        v = dati.indicatori.get(e.codice)
        out["indicatori"].append(
            [
                e.codice,
                e.descrizione,
                e.obiettivo,
                e.unita_misura,
                e.verso,
                e.baseline,
                e.target,
                e.valore,
                _n(e.percentuale_calcolata),
                _n(e.percentuale),
                e.esito,
                _n(e.scostamento),
                v.fonte if v else None,
                v.data.isoformat() if v and v.data else None,
                e.rettifica.motivo if e.rettifica else None,
                e.rettifica.approvata_da if e.rettifica else None,
                "; ".join(e.note) or None,
            ]
        )
    for a in [*r.obiettivi, *r.unita, *r.valore_pubblico]:
        out["aggregati"].append(
            [
                a.livello,
                a.codice,
                a.titolo,
                _n(a.percentuale_calcolata),
                _n(a.percentuale),
                a.esito,
                " ".join(a.parti),
                a.pesi,
                " ".join(a.non_rilevate) or None,
            ]
        )
    for c, m in dati.misure.items():
        out["misure"].append(
            [c, m.stato, m.valore_rilevato, m.motivo, m.data.isoformat() if m.data else None]
        )
    out["sezione3"] += _sezione3(f)
    for i in indici(dati):
        out["soddisfazione"].append(
            [
                i.rilevazione,
                i.servizio,
                i.canale,
                _n(i.indice),
                i.campione,
                _n(i.tasso_risposta),
                "; ".join(i.note) or None,
            ]
        )
    return out


def _sezione3(f: Fonti) -> list[list[object]]:
    dati = f.letto.dati
    assert dati is not None
    anno = f.raggiungimento.periodo.anno
    piano = f.piano
    out: list[list[object]] = []
    fp = piano.fabbisogni_personale
    for a in fp.assunzioni if fp else []:
        fatta = dati.assunzioni.get(a.codice)
        if a.anno == anno or fatta is not None:
            out.append(
                ["assunzioni", a.codice, "posti", a.numero, fatta.effettuate if fatta else 0]
            )
    if dati.cessazioni:
        out.append(["cessazioni", None, "cessazioni", None, sum(c.numero for c in dati.cessazioni)])
    fo, fd = piano.formazione, dati.formazione
    corsi = {c.codice: c for c in fo.corsi} if fo else {}
    for c, e in (fd.corsi if fd else {}).items():
        out.append(
            ["formazione", c, "ore per partecipante", corsi[c].ore if c in corsi else None, e.ore]
        )
        out.append(["formazione", c, "partecipanti", None, e.partecipanti])
    previste = fo.ore_pro_capite.get(anno) if fo else None
    if fd is not None and fd.ore_pro_capite is not None:
        out.append(["formazione", None, "ore pro capite", previste, fd.ore_pro_capite])
    la = dati.lavoro_agile
    if la is not None:
        pla = piano.lavoro_agile
        out.append(
            [
                "lavoro_agile",
                None,
                "accordi",
                pla.lavoratori_agili.get(anno) if pla else None,
                la.accordi,
            ]
        )
        out.append(["lavoro_agile", None, "giornate", None, la.giornate])
    for c, ap in dati.azioni_positive.items():
        out.append(["azioni_positive", c, "stato", None, ap.stato])
    return out


def _leggimi(stem: str, periodo: str) -> str:
    parti = [
        f"Dati aperti del monitoraggio integrato del PIAO, periodo {periodo}.",
        "File CSV: UTF-8, separatore virgola, numeri con il punto decimale; lo stesso "
        f"contenuto è nel file {stem}.json. Colonne:",
    ]
    for nome, (titolo, colonne) in TABELLE.items():
        parti.append(f"\n{stem}-{nome}.csv — {titolo}")
        parti += [f"  {c}: {d}" for c, d in colonne]
    return "\n".join(parti) + "\n"


def scrivi_dati(f: Fonti, cartella: Path, stem: str) -> list[Path]:
    """Write the CSV files, the JSON and the LEGGIMI into `cartella`."""
    tutte = righe(f)
    scritti: list[Path] = []
    for nome, (_, colonne) in TABELLE.items():
        path = cartella / f"{stem}-{nome}.csv"
        intestazione: Sequence[str] = [c for c, _ in colonne]
        atomic_write_bytes(path, write_csv(intestazione, tutte[nome]).encode("utf-8"))
        scritti.append(path)
    per = f.raggiungimento.periodo
    documento = {
        "periodo": per.nome,
        "inizio": per.inizio.isoformat(),
        "fine": per.fine.isoformat(),
        "ente": f.piano.anagrafica.ente.denominazione,
        "file": f.letto.name,
        **{
            nome: [dict(zip([c for c, _ in colonne], riga, strict=True)) for riga in tutte[nome]]
            for nome, (_, colonne) in TABELLE.items()
        },
        "colonne": {nome: dict(colonne) for nome, (_, colonne) in TABELLE.items()},
    }
    path = cartella / f"{stem}.json"
    testo = json.dumps(documento, ensure_ascii=False, indent=2, default=str) + "\n"
    atomic_write_bytes(path, testo.encode("utf-8"))
    leggimi = cartella / f"{stem}-LEGGIMI.txt"
    atomic_write_bytes(leggimi, _leggimi(stem, per.nome).encode("utf-8"))
    return [*scritti, path, leggimi]
