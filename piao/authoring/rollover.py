"""`piao rollover`: the plan of the next triennio, from this one, keeping comments, key
order and formatting. Codes stay the same so objects can be followed year to year."""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from piao.authoring.verifica import Registro, date_vecchie, testo, un_anno_dopo
from piao.fsutil import atomic_write_text
from piao.loading import PlanFolderError, plain, readable_folder
from piao.loading.roundtrip import CommentedMap, CommentedSeq, dump_text, load_text
from piao.loading.yamlio import parse_yaml
from piao.model import SEZIONI
from piao.model.base import PLACEHOLDERS
from piao.periodi.piano import CARTELLA
from piao.periodi.ultimi import UltimoValore, ultimi_valori

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


def svuota(mappa: CommentedMap, key: str) -> None:
    """An empty list in place of `mappa[key]`, written `[]` on the key's line: the comments
    between the key and the items went with the items (kept, ruamel writes them before a
    `[]` at column 0, which does not parse and glues the next key)."""
    mappa[key] = CommentedSeq()
    mappa[key].fa.set_flow_style()
    mappa.ca.items.pop(key, None)


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
    _nello_storico(node, {a: v for a, v in consuntivo.items() if isinstance(a, int)})
    anno = max(a for a in consuntivo if isinstance(a, int))
    node["baseline"] = CommentedMap([("anno", anno), ("valore", consuntivo[anno])])
    node["baseline"].fa.set_flow_style()


def _nello_storico(node: CommentedMap, misurati: dict[int, Any]) -> None:
    """The old baseline and the `misurati` values join the indicator's history."""
    storico = node.get("storico")
    valori: dict[Any, Any] = dict(storico) if isinstance(storico, dict) else {}
    baseline = node.get("baseline")
    if isinstance(baseline, dict) and isinstance(baseline.get("anno"), int):
        valori.setdefault(baseline["anno"], baseline.get("valore"))
    valori.update(misurati)
    if not valori:
        return
    nuovo = CommentedMap(sorted(valori.items()))
    nuovo.fa.set_flow_style()
    if isinstance(storico, dict):
        node["storico"] = nuovo
    else:
        chiavi = list(node)
        posto = chiavi.index("baseline") + 1 if "baseline" in chiavi else len(chiavi)
        node.insert(posto, "storico", nuovo)


def _dal_monitoraggio(node: Any, misurati: dict[str, UltimoValore], file: str, r: Registro) -> None:
    """An indicator measured in a period file gets that value as its baseline, the source
    named in a comment, unless the plan holds a later year (a `consuntivo`), or a value of
    the same year and the period is only a part of it. The old baseline joins the history
    (a part of a year does not: it is not the year's value)."""
    if isinstance(node, CommentedSeq):
        for item in node:
            _dal_monitoraggio(item, misurati, file, r)
        return
    if not isinstance(node, CommentedMap):
        return
    codice = node.get("codice")
    u = misurati.get(codice) if isinstance(codice, str) and "target" in node else None
    if u is not None:
        vecchia = node.get("baseline")
        anno = vecchia.get("anno") if isinstance(vecchia, dict) else None
        if not isinstance(anno, int) or anno < u.anno or (anno == u.anno and u.annuale):
            if isinstance(anno, int) and anno < u.anno:
                _nello_storico(node, {})
            v = u.valore
            valore = int(v) if isinstance(v, float) and v.is_integer() else v  # 100, not 100.0
            node["baseline"] = CommentedMap([("anno", u.anno), ("valore", valore)])
            node["baseline"].fa.set_flow_style()
            node.yaml_add_eol_comment(f"dal monitoraggio {u.periodo}", "baseline")
            r.spostato(
                file,
                f"{codice}.baseline",
                f"{u.anno}: {valore}",
                f"valore misurato nel monitoraggio {u.periodo}",
            )
        return
    for value in node.values():
        _dal_monitoraggio(value, misurati, file, r)


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


ADOZIONE = {
    "adozione": "l'adozione è un atto del nuovo piano",
    "aggiornamenti": "gli aggiornamenti in corso d'anno riguardano il piano precedente",
    "pubblicazione": "la pubblicazione è quella del piano precedente",
}
"""Blocks of the scheda anagrafica that belong to the old plan, and why they leave."""
CAPACITA = (
    ("spesa_personale", "rendiconto"),
    ("fcde", "anno"),
    ("dichiarata", "anno"),
    ("dichiarata", "rendiconto"),
)
"""Years of the hiring capacity: the last three approved rendiconti move by one year only
once the new one is approved, which the rollover cannot know."""


def _anagrafica(data: CommentedMap, da: int, r: Registro) -> None:
    f = "anagrafica.yaml"
    data["triennio"]["da"] = da
    data["triennio"]["a"] = da + 2
    r.spostato(f, "triennio", f"{da}-{da + 2}", "il triennio successivo")
    # The updates of the year belong to the old cycle, like its adoption and publication.
    # The consultations stay, their dates to re-verify (the next plan often repeats them);
    # the financial regime (a rebalancing plan lasts years) and the political organs stay.
    for key, motivo in ADOZIONE.items():
        if key in data:
            del data[key]
            r.rimosso(f, key, "", motivo)
    if "versione" in data:
        # Each plan starts again from version 1 on the Portale PIAO.
        data["versione"] = 1
        r.spostato(f, "versione", "1", "ogni nuovo piano è la versione 1 sul Portale PIAO")
    if isinstance(data.get("motivazione_regime"), str):
        r.marca(
            data,
            "motivazione_regime",
            f,
            "motivazione_regime",
            "si basa sui dipendenti dell'anno precedente",
        )
    finanza = data.get("programmazione_finanziaria")
    if isinstance(finanza, dict):
        if "termine_bilancio_differito" in finanza:
            del finanza["termine_bilancio_differito"]
            r.rimosso(
                f,
                "programmazione_finanziaria.termine_bilancio_differito",
                "",
                "il differimento del termine del bilancio vale per un solo esercizio",
            )
        # DUP, its update, bilancio, PEG: the acts of the new cycle are new acts.
        for nome, atto in finanza.items():
            if isinstance(atto, dict):
                for key in list(atto):
                    r.marca(
                        atto,
                        key,
                        f,
                        f"programmazione_finanziaria.{nome}.{key}",
                        "atto di programmazione del ciclo precedente",
                    )
    if isinstance(data.get("deroghe"), list) and data["deroghe"]:
        for deroga in data["deroghe"]:
            regola = deroga.get("regola", "") if isinstance(deroga, dict) else ""
            r.rimosso(
                f, "deroghe", str(regola), "una deroga motivata vale per il piano che la dichiara"
            )
        svuota(data, "deroghe")


def _fabbisogni(data: CommentedMap, vecchio: int, r: Registro) -> None:
    f = "fabbisogni_personale.yaml"
    for key in ("cessazioni", "assunzioni"):
        items = data.get(key)
        tolti = len(r.rimossi)
        if isinstance(items, list):
            for i in reversed(range(len(items))):
                if not isinstance(items[i], dict):
                    continue
                if items[i].get("anno") == vecchio:
                    voce = items[i]
                    descrizione = " ".join(
                        testo(voce[k]) + ("," if k == "codice" else "")
                        for k in ("codice", "numero", "profilo")
                        if voce.get(k) is not None
                    )
                    del items[i]
                    r.rimosso(
                        f,
                        f"{key}[{i}]",
                        descrizione,
                        f"prevista per il {vecchio}, anno che esce dal triennio: se non è "
                        "avvenuta, riportarla in un anno del nuovo triennio",
                    )
                elif items[i].get("anno") == "triennio" and "numero" in items[i]:
                    # A total over the old triennio: kept, to be restated.
                    r.marca(
                        items[i],
                        "numero",
                        f,
                        f"{key}[{i}].numero",
                        f"totale del triennio {vecchio}-{vecchio + 2}",
                    )
        r.rimossi[tolti:] = reversed(r.rimossi[tolti:])
        if isinstance(items, list) and not items:
            svuota(data, key)
    capacita = data.get("capacita_assunzionale")
    if isinstance(capacita, dict):
        for blocco, key in CAPACITA:
            nodo = capacita.get(blocco)
            if isinstance(nodo, dict) and key in nodo:
                r.marca(
                    nodo,
                    key,
                    f,
                    f"capacita_assunzionale.{blocco}.{key}",
                    "anno di rendiconto: si sposta solo quando il nuovo rendiconto è approvato",
                )
        entrate = capacita.get("entrate_correnti")
        if isinstance(entrate, dict):
            for anno in list(entrate):
                r.marca(
                    entrate,
                    anno,
                    f,
                    f"capacita_assunzionale.entrate_correnti.{anno}",
                    "entrate degli ultimi tre rendiconti approvati: anni e importi da aggiornare",
                )
        for key in ("asseverazione_revisori", "note"):
            if key in capacita:
                r.marca(
                    capacita,
                    key,
                    f,
                    f"capacita_assunzionale.{key}",
                    "parere o calcolo del ciclo precedente",
                )


def _fasi_spostate(
    fasi: list[Any], chiave: str, f: str, path: str, r: Registro, *, inizio: str | None = None
) -> None:
    """Phases due before the new triennio are kept (recurring work is the rule) with their
    dates one year later; the moved deadline is «da verificare» (a phase that will not
    recur is deleted by the office)."""
    for i, fase in enumerate(fasi):
        fine = fase.get(chiave) if isinstance(fase, dict) else None
        if isinstance(fine, datetime.date) and fine < r.inizio:
            if inizio and isinstance(fase.get(inizio), datetime.date):
                fase[inizio] = un_anno_dopo(fase[inizio])
            r.marca(
                fase,
                chiave,
                f,
                f"{path}.fasi[{i}].{chiave}",
                "fase del ciclo precedente, riproposta un anno dopo: confermare se si ripete",
                proposta=un_anno_dopo(fine),
            )


def _misure(data: CommentedMap, r: Registro) -> None:
    for misura in data.get("misure") or []:
        fasi = misura.get("fasi") if isinstance(misura, dict) else None
        if isinstance(fasi, list):
            path = f"misure[{misura.get('codice', '')}]"
            _fasi_spostate(fasi, "scadenza", "rischi_corruttivi.yaml", path, r)


def _fasi(data: CommentedMap, r: Registro) -> None:
    for obiettivo in data.get("obiettivi") or []:
        fasi = obiettivo.get("fasi") if isinstance(obiettivo, dict) else None
        if isinstance(fasi, list):
            path = f"obiettivi[{obiettivo.get('codice', '')}]"
            _fasi_spostate(fasi, "fine", "performance.yaml", path, r, inizio="inizio")


def _valore_pubblico(data: CommentedMap, da: int, r: Registro) -> None:
    agid = data.get("obiettivi_accessibilita_agid")
    if isinstance(agid, dict):
        agid["anno"] = da
        r.spostato(
            "valore_pubblico.yaml",
            "obiettivi_accessibilita_agid.anno",
            str(da),
            "obiettivi dell'anno nuovo",
        )
        for key in ("data_pubblicazione", "url"):
            if key in agid:
                del agid[key]
                r.rimosso(
                    "valore_pubblico.yaml",
                    f"obiettivi_accessibilita_agid.{key}",
                    "",
                    "gli obiettivi di accessibilità si pubblicano ogni anno",
                )


def _senza_commenti(node: Any) -> None:
    """Drop every comment of a tree, in place (flow and block styles stay)."""
    if isinstance(node, CommentedMap | CommentedSeq):
        node.ca.comment = None
        node.ca.items.clear()
        node.ca.end = None
        for child in node.values() if isinstance(node, CommentedMap) else node:
            _senza_commenti(child)


def _testo_sicuro(nome: str, data: CommentedMap, r: Registro) -> str:
    """The file as written, proven to read back as the same data with piao's own loader.

    ruamel may place a comment where it breaks the file (a key glued to a text); then the
    file is written without its comments, and the summary says so: a plan that does not
    parse, or that lost a key, is never written.
    """
    atteso = plain(data)
    testo = dump_text(data)
    letto = parse_yaml(testo)
    if not letto.problems and plain(letto.data) == atteso:
        return testo
    _senza_commenti(data)
    r.rimosso(
        nome,
        "commenti",
        "",
        "non riscrivibili senza alterare il file: copiarli a mano dal piano precedente",
    )
    return dump_text(data)


@dataclass
class Esito:
    """The files written and what the rollover moved, marked and dropped."""

    scritti: list[Path]
    registro: Registro


def rollover(src: Path, dst: Path) -> Esito:
    """Write the plan for the next triennio into `dst`, which must not exist."""
    if dst.exists():
        raise RolloverError(
            f"la cartella «{dst}» esiste già: piao rollover non scrive in una cartella esistente"
        )
    try:
        letto = readable_folder(src)
    except PlanFolderError as exc:
        raise RolloverError(str(exc)) from None
    # The texts the safe loader accepted (no aliases, no tags, within the size limit).
    testi = {
        s.file: testo
        for s in SEZIONI
        if (sorgente := letto.sources.files.get(s.file)) is not None
        and (testo := sorgente.text) is not None
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
    registro = Registro(vecchio)
    misurati, esclusi = ultimi_valori(src)
    for motivo in esclusi:
        registro.rimosso(
            CARTELLA, "", "", f"{motivo}: i suoi valori non diventano valori di partenza"
        )
    for nome, data in dati.items():
        if not isinstance(data, CommentedMap):
            continue
        _walk(data, vecchio, da + 2)
        _dal_monitoraggio(data, misurati, nome, registro)
        if nome == "anagrafica.yaml":
            _anagrafica(data, da, registro)
        elif nome == "fabbisogni_personale.yaml":
            _fabbisogni(data, vecchio, registro)
        elif nome == "rischi_corruttivi.yaml":
            _misure(data, registro)
        elif nome == "valore_pubblico.yaml":
            _valore_pubblico(data, da, registro)
        elif nome == "performance.yaml":
            _fasi(data, registro)
        date_vecchie(data, registro, nome)
    # The new plan is written whole into a hidden folder beside `dst`, then renamed: an
    # interruption or a failure leaves no half plan.
    dst.parent.mkdir(parents=True, exist_ok=True)
    cantiere = Path(tempfile.mkdtemp(prefix=f".{dst.name}.in-corso-", dir=dst.parent))
    try:
        for nome, data in dati.items():
            testo = _testo_sicuro(nome, data, registro)
            vecchio_triennio, nuovo_triennio = f"{vecchio}-{vecchio + 2}", f"{da}-{da + 2}"
            # Header comments name the triennio: keep them current.
            righe = testo.split("\n")
            for i, riga in enumerate(righe):
                if not riga.startswith("#"):
                    break
                righe[i] = riga.replace(vecchio_triennio, nuovo_triennio)
            atomic_write_text(cantiere / nome, "\n".join(righe))
        os.chmod(cantiere, 0o755)  # mkdtemp makes it private; a plan folder is not
        os.rename(cantiere, dst)
    except BaseException:
        shutil.rmtree(cantiere, ignore_errors=True)
        raise
    return Esito([dst / nome for nome in dati], registro)
