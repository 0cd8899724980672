"""`piao rollover`: the plan of the next triennio, from this one, keeping comments, key
order and formatting. Codes stay the same so objects can be followed year to year."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from piao.fsutil import atomic_write_text
from piao.loading.roundtrip import CommentedMap, CommentedSeq, dump_text, load_text
from piao.model import SEZIONI
from piao.model.base import PLACEHOLDERS

DA_DEFINIRE = PLACEHOLDERS[1]
# Yearly maps {anno: valore} outside indicators that move with the triennio.
MAPPE_ANNUALI = {
    "target",
    "ore_pro_capite",
    "budget",
    "lavoratori_agili",
    "lavoratori_agili_potenziali",
    "copertura_personale",
    "spesa_personale_prevista",
    "spesa_personale_dup",
    "spesa_prevista",
    "spesa_nuove_assunzioni",
    "totali_annui",
}


class RolloverError(Exception):
    """The plan cannot be rolled over (destination exists, no readable triennio)."""


def _shift(mappa: CommentedMap, vecchio: int, nuovo: int) -> None:
    """Drop the year that ends, add the new last year as «da definire»."""
    if vecchio in mappa:
        del mappa[vecchio]
    if mappa and nuovo not in mappa:
        mappa[nuovo] = DA_DEFINIRE


def _storico(node: CommentedMap, consuntivo: dict[Any, Any]) -> None:
    """Measured values join the indicator's history (the old baseline with them), oldest
    first; the latest becomes the baseline."""
    storico = node.get("storico")
    valori: dict[Any, Any] = dict(storico) if isinstance(storico, dict) else {}
    baseline = node.get("baseline")
    if isinstance(baseline, dict) and isinstance(baseline.get("anno"), int):
        valori.setdefault(baseline["anno"], baseline.get("valore"))
    valori.update((a, v) for a, v in consuntivo.items() if isinstance(a, int))
    nuovo = CommentedMap(sorted(valori.items()))
    nuovo.fa.set_flow_style()
    if isinstance(storico, dict):
        node["storico"] = nuovo
    else:
        chiavi = list(node)
        posto = chiavi.index("baseline") + 1 if "baseline" in chiavi else len(chiavi)
        node.insert(posto, "storico", nuovo)
    anno = max(a for a in consuntivo if isinstance(a, int))
    node["baseline"] = CommentedMap([("anno", anno), ("valore", consuntivo[anno])])
    node["baseline"].fa.set_flow_style()


def _walk(node: Any, vecchio: int, nuovo: int) -> None:
    """Shift every yearly map, move measured values into the history and the baseline and
    ask for a new target of the whole triennio, anywhere in a file."""
    if isinstance(node, CommentedMap):
        consuntivo = node.get("consuntivo")
        if isinstance(consuntivo, dict) and any(isinstance(a, int) for a in consuntivo):
            _storico(node, consuntivo)
            del node["consuntivo"]
        if "target_triennio" in node:
            node["target_triennio"] = DA_DEFINIRE
        for key, value in list(node.items()):
            if (
                key in MAPPE_ANNUALI
                and isinstance(value, CommentedMap)
                and all(isinstance(k, int) for k in value)
            ):
                _shift(value, vecchio, nuovo)
            else:
                _walk(value, vecchio, nuovo)
    elif isinstance(node, CommentedSeq):
        for item in node:
            _walk(item, vecchio, nuovo)


def _anagrafica(data: CommentedMap, da: int) -> None:
    data["triennio"]["da"] = da
    data["triennio"]["a"] = da + 2
    ente = data.get("ente", {})
    if isinstance(ente.get("dipendenti"), dict):
        ente["dipendenti"]["al"] = datetime.date(da - 1, 12, 31)
    # The updates of the year belong to the old cycle, like its adoption, the consultations
    # that preceded it and the version of its record on the Portale PIAO. The financial
    # regime (a rebalancing plan lasts years) and the political organs stay.
    for key in ("adozione", "aggiornamenti", "pubblicazione", "consultazioni", "versione"):
        if key in data:
            del data[key]
    finanza = data.get("programmazione_finanziaria")
    if isinstance(finanza, dict) and "termine_bilancio_differito" in finanza:
        del finanza["termine_bilancio_differito"]
    if isinstance(data.get("deroghe"), list):
        data["deroghe"] = CommentedSeq()
        data["deroghe"].fa.set_flow_style()


def _promemoria(item: CommentedMap, chiave: str, testo: str) -> None:
    """An end-of-line comment after `chiave` (a flow mapping is written as a block first)."""
    if item.fa.flow_style():
        item.fa.set_block_style()
    item.yaml_add_eol_comment(testo, chiave)


def _fabbisogni(data: CommentedMap, vecchio: int, da: int) -> None:
    for key in ("cessazioni", "assunzioni"):
        items = data.get(key)
        if isinstance(items, list):
            for i in reversed(range(len(items))):
                if not isinstance(items[i], dict):
                    continue
                if items[i].get("anno") == vecchio:
                    del items[i]
                elif items[i].get("anno") == "triennio" and isinstance(items[i], CommentedMap):
                    # A total over the old triennio: kept, with a reminder to restate it.
                    if isinstance(items, CommentedSeq) and items.fa.flow_style():
                        items.fa.set_block_style()
                    _promemoria(
                        items[i],
                        "anno",
                        f"totale del triennio {vecchio}-{vecchio + 2}: da rivedere",
                    )
    consistenza = data.get("consistenza")
    if isinstance(consistenza, dict) and "al" in consistenza:
        consistenza["al"] = datetime.date(da - 1, 12, 31)


def _misure(data: CommentedMap, da: int) -> None:
    inizio = datetime.date(da, 1, 1)
    for misura in data.get("misure") or []:
        fasi = misura.get("fasi") if isinstance(misura, dict) else None
        if not isinstance(fasi, list):
            continue
        for i in reversed(range(len(fasi))):
            scadenza = fasi[i].get("scadenza") if isinstance(fasi[i], dict) else None
            if isinstance(scadenza, datetime.date) and scadenza < inizio:
                del fasi[i]
        if not fasi:
            fase = CommentedMap(
                [("descrizione", DA_DEFINIRE), ("scadenza", datetime.date(da, 12, 31))]
            )
            fase.fa.set_flow_style()
            fasi.append(fase)


def _fasi(data: CommentedMap, da: int) -> None:
    """Phases of performance objectives that ended before the new triennio are done: they
    leave the plan, and an objective left without phases gets one to define. A deadline
    that passed before the new triennio leaves too: the next plan sets its own (none is
    invented)."""
    inizio = datetime.date(da, 1, 1)
    for obiettivo in data.get("obiettivi") or []:
        if not isinstance(obiettivo, dict):
            continue
        scadenza = obiettivo.get("scadenza")
        if isinstance(scadenza, datetime.date) and scadenza < inizio:
            del obiettivo["scadenza"]
        fasi = obiettivo.get("fasi")
        if not isinstance(fasi, list) or not fasi:
            continue
        for i in reversed(range(len(fasi))):
            fine = fasi[i].get("fine") if isinstance(fasi[i], dict) else None
            if isinstance(fine, datetime.date) and fine < inizio:
                del fasi[i]
        if not fasi:
            fase = CommentedMap([("titolo", DA_DEFINIRE)])
            fase.fa.set_flow_style()
            fasi.append(fase)


def _valore_pubblico(data: CommentedMap, da: int) -> None:
    agid = data.get("obiettivi_accessibilita_agid")
    if isinstance(agid, dict):
        agid["anno"] = da
        for key in ("data_pubblicazione", "url"):
            if key in agid:
                del agid[key]


def rollover(src: Path, dst: Path) -> list[Path]:
    """Write the plan for the next triennio into `dst`, which must not exist."""
    if dst.exists():
        raise RolloverError(
            f"la cartella «{dst}» esiste già: piao rollover non scrive in una cartella esistente"
        )
    testi = {
        s.file: (src / s.file).read_text(encoding="utf-8")
        for s in SEZIONI
        if (src / s.file).is_file()
    }
    if "anagrafica.yaml" not in testi:
        raise RolloverError(f"in «{src}» manca anagrafica.yaml: non si conosce il triennio")
    dati = {nome: load_text(testo) for nome, testo in testi.items()}
    anagrafica = dati["anagrafica.yaml"]
    triennio = anagrafica.get("triennio") if isinstance(anagrafica, dict) else None
    if not isinstance(triennio, dict) or not isinstance(triennio.get("da"), int):
        raise RolloverError("anagrafica.yaml non indica il triennio (triennio: {da: ..., a: ...})")
    vecchio = triennio["da"]
    da = vecchio + 1
    for nome, data in dati.items():
        if not isinstance(data, CommentedMap):
            continue
        _walk(data, vecchio, da + 2)
        if nome == "anagrafica.yaml":
            _anagrafica(data, da)
        elif nome == "fabbisogni_personale.yaml":
            _fabbisogni(data, vecchio, da)
        elif nome == "rischi_corruttivi.yaml":
            _misure(data, da)
        elif nome == "valore_pubblico.yaml":
            _valore_pubblico(data, da)
        elif nome == "performance.yaml":
            _fasi(data, da)
    written = []
    for nome, data in dati.items():
        testo = dump_text(data)
        vecchio_triennio, nuovo_triennio = f"{vecchio}-{vecchio + 2}", f"{da}-{da + 2}"
        # Header comments name the triennio: keep them current.
        righe = testo.split("\n")
        for i, riga in enumerate(righe):
            if not riga.startswith("#"):
                break
            righe[i] = riga.replace(vecchio_triennio, nuovo_triennio)
        atomic_write_text(dst / nome, "\n".join(righe))
        written.append(dst / nome)
    return written
