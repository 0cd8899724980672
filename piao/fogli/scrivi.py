"""The imported data written into the plan file in place (like `piao rollover`): only the
values the office changed move; comments, key order, quotes and flow lists stay, so a
workbook imported without changes leaves the file byte for byte as it was and `piao diff`
shows exactly the office's change."""

from __future__ import annotations

from typing import Any

from piao.fogli.valori import codici, uguali, vuoto
from piao.loading.roundtrip import (
    CommentedMap,
    CommentedSeq,
    ScalarString,
    dump_text,
    house_style,
    load_text,
)
from piao.loading.veloce import dati_yaml


def _scalare(vecchio: Any, nuovo: Any) -> Any:
    """The new value, written as the old one was (quoted text stays quoted)."""
    if isinstance(vecchio, ScalarString) and isinstance(nuovo, str):
        return type(vecchio)(nuovo)
    return nuovo


def _aggiorna_mappa(nodo: CommentedMap, nuovo: dict[Any, Any], *, radice: bool = False) -> None:
    for chiave in [k for k in nodo if k not in nuovo]:
        if not vuoto(nodo[chiave]):
            del nodo[chiave]  # emptied in the workbook
    for i, (chiave, valore) in enumerate(nuovo.items()):
        if chiave in nodo:
            nodo[chiave] = _aggiorna(nodo[chiave], valore)
            continue
        prima = [k for k in list(nuovo)[:i] if k in nodo]
        posto = list(nodo).index(prima[-1]) + 1 if prima else 0
        nodo.insert(posto, chiave, _nuovo(valore, dentro=not radice))


def _aggiorna_lista(nodo: CommentedSeq, nuovo: list[Any]) -> None:
    vecchi, nuovi = codici(list(nodo)), codici(nuovo)
    if vecchi is not None and nuovi is not None and vecchi != nuovi:
        # rows added, removed or moved: each item found again by its code, comments and all
        per_codice = dict(zip(vecchi, nodo, strict=True))
        voci = [
            _aggiorna(per_codice[c], v) if c in per_codice else _nuovo(v, dentro=False)
            for c, v in zip(nuovi, nuovo, strict=True)
        ]
        del nodo[:]
        nodo.extend(voci)
        return
    for i, valore in enumerate(nuovo[: len(nodo)]):
        nodo[i] = _aggiorna(nodo[i], valore)
    del nodo[len(nuovo) :]
    nodo.extend(_nuovo(v, dentro=False) for v in nuovo[len(nodo) :])


def _nuovo(valore: Any, *, dentro: bool = True) -> Any:
    """A value the file did not have, in the house style: lists of values and small maps
    of values on one line (`house_style` breaks the long ones), list items in block."""
    if isinstance(valore, dict):
        mappa = CommentedMap((k, _nuovo(v)) for k, v in valore.items())
        if dentro and not any(isinstance(v, dict | list) for v in valore.values()):
            mappa.fa.set_flow_style()
        return mappa
    if isinstance(valore, list):
        elenco = CommentedSeq(_nuovo(v, dentro=False) for v in valore)
        if not any(isinstance(v, dict | list) for v in valore):
            elenco.fa.set_flow_style()
        return elenco
    return valore


def _solo_testo(vecchio: Any, nuovo: Any) -> bool:
    """`vecchio` is a map holding only the text `nuovo` (`{descrizione: Istruttoria}` and
    «Istruttoria»): the same row, which a workbook reads back as the text; the file keeps
    the form it was written in."""
    return (
        isinstance(vecchio, CommentedMap)
        and isinstance(nuovo, str)
        and len(vecchio) == 1
        and uguali(next(iter(vecchio.values())), nuovo)
    )


def _aggiorna(vecchio: Any, nuovo: Any) -> Any:
    """`vecchio` (a node of the file) changed in place into `nuovo`; the node to keep."""
    if isinstance(vecchio, CommentedMap) and isinstance(nuovo, dict):
        _aggiorna_mappa(vecchio, nuovo)
        return vecchio
    if isinstance(vecchio, CommentedSeq) and isinstance(nuovo, list):
        _aggiorna_lista(vecchio, nuovo)
        return vecchio
    if uguali(vecchio, nuovo) or _solo_testo(vecchio, nuovo):
        return vecchio
    return _nuovo(nuovo) if isinstance(nuovo, dict | list) else _scalare(vecchio, nuovo)


def unisci(testo: str | None, dati: dict[str, Any]) -> str:
    """The text of the plan file with the imported data: the old text changed only where
    the data differ (a new file in the house style when there is none)."""
    if testo is None or not isinstance(radice := load_text(testo), CommentedMap):
        return dump_text(house_style(load_text(dump_text(dati))))
    _aggiorna_mappa(radice, dati, radice=True)
    nuovo = dump_text(house_style(radice))
    return testo if nuovo != testo and dati_yaml(nuovo) == dati_yaml(testo) else nuovo
