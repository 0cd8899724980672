"""The processes of a PNA 2019 Allegato 1 style map: consecutive rows of the same process
(its cells often merged) are one process with its phases and risk events; the area, the unit,
the six indicators and the judgement are read through the mapping's translations."""

from __future__ import annotations

import typing
from typing import Any

from piao.fogli.legacy_comune import (
    Lettura,
    codice_valido,
    elenco_valori,
    scelta,
    valida,
    vuote,
)
from piao.fogli.legacy_tracciato import INDICATORI, OBBLIGATORI, PREFISSO
from piao.loading.tabelle import (
    DISCORDE,
    NON_VALIDO,
    VALORE_IGNOTO,
)
from piao.model.rischi_corruttivi import AreaRischio, FattoreAbilitante, Processo, chiave
from piao.reference.tables import riferimenti


def _area(lettura: Lettura, riga: int, testo: str) -> str | None:
    tradotto = lettura.traduci("area_rischio", testo)
    per_nome = {chiave(a.denominazione): k for k, a in riferimenti().aree_rischio.items()}
    area = scelta(AreaRischio, tradotto) or per_nome.get(chiave(tradotto))
    if area is None:
        lettura.segnala(
            VALORE_IGNOTO,
            riga,
            "area_rischio",
            f"«{testo}» non è un'area di rischio: aggiungere la traduzione in «valori: area_rischio:» "
            f"(codici: {', '.join(typing.get_args(AreaRischio))}); la riga non è importata.",
        )
    return area


def _livello(lettura: Lettura, riga: int, campo: str, testo: str) -> str | None:
    tradotto = lettura.traduci("livelli", testo)
    scala = {chiave(x): x for x in lettura.tracciato.scala}
    if chiave(tradotto) in scala:
        return scala[chiave(tradotto)]
    lettura.segnala(
        VALORE_IGNOTO,
        riga,
        campo,
        f"«{testo}» non è un livello della scala ({', '.join(lettura.tracciato.scala)}): aggiungere "
        "la traduzione in «valori: livelli:»; il valore non è importato.",
    )
    return None


def processi(lettura: Lettura, righe: list[tuple[int, dict[str, str]]]) -> list[dict[str, Any]]:
    """Consecutive rows with the same process (code, else name) make one process."""
    gruppi: list[list[tuple[int, dict[str, str]]]] = []
    chiave_di = "codice" if "codice" in lettura.colonne else "denominazione"
    for riga, valori in righe:
        if (
            gruppi
            and valori.get(chiave_di)
            and gruppi[-1][-1][1].get(chiave_di) == valori.get(chiave_di)
        ):
            gruppi[-1].append((riga, valori))
        else:
            gruppi.append([(riga, valori)])
    out = []
    for n, gruppo in enumerate(gruppi, 1):
        processo = _processo(lettura, n, gruppo)
        if processo is not None:
            out.append(processo)
    return out


def _primo(
    lettura: Lettura, gruppo: list[tuple[int, dict[str, str]]], campo: str
) -> tuple[int, str]:
    """The first filled value of a field among a process's rows (a different later one is reported)."""
    pieni = [(r, v[campo]) for r, v in gruppo if v.get(campo)]
    if not pieni:
        return gruppo[0][0], ""
    for r, v in pieni[1:]:
        if chiave(v) != chiave(pieni[0][1]):
            lettura.segnala(
                DISCORDE,
                r,
                campo,
                f"«{v}» diverso da «{pieni[0][1]}» della riga {pieni[0][0]} per lo stesso processo: "
                "importato il primo.",
            )
    return pieni[0]


def _processo(
    lettura: Lettura, n: int, gruppo: list[tuple[int, dict[str, str]]]
) -> dict[str, Any] | None:
    riga0, valori0 = gruppo[0]
    if vuote(lettura, riga0, valori0, OBBLIGATORI["rischi_corruttivi"]):
        return None
    dati: dict[str, Any] = {}
    campi: dict[str, str] = {}
    r, codice = _primo(lettura, gruppo, "codice")
    if codice:
        if codice_valido(codice.upper()) is None:
            lettura.segnala(
                NON_VALIDO,
                r,
                "codice",
                f"«{codice}» non è un codice (lettere maiuscole e cifre, es. PR-01); la riga non è importata.",
            )
            return None
        dati["codice"] = codice.upper()
    else:
        dati["codice"] = f"{PREFISSO['rischi_corruttivi']}-{n:03d}"
    for campo in ("denominazione", "descrizione", "area_rischio_descrizione"):
        r, testo = _primo(lettura, gruppo, campo)
        if testo:
            dati[campo] = testo
            campi[campo] = campo
    r, testo = _primo(lettura, gruppo, "area_rischio")
    area = _area(lettura, r, testo)
    if area is None:
        return None
    dati["area_rischio"] = area
    r, testo = _primo(lettura, gruppo, "unita_responsabile")
    if testo:
        unita = codice_valido(lettura.traduci("unita", testo))
        if unita is None:
            lettura.segnala(
                VALORE_IGNOTO,
                r,
                "unita_responsabile",
                f"«{testo}» non è il codice di un'unità organizzativa: aggiungere la traduzione in "
                "«valori: unita:» (es. «Ufficio tecnico»: UO-TEC); il valore non è importato.",
            )
        else:
            dati["unita_responsabile"] = unita
    _fasi_eventi(dati, gruppo)
    _analisi(lettura, gruppo, dati, campi)
    return dati if valida(lettura, riga0, Processo, dati, campi) else None


def _fasi_eventi(dati: dict[str, Any], gruppo: list[tuple[int, dict[str, str]]]) -> None:
    """The phases and risk events of a process's rows (each event coded after the process)."""
    fasi: list[str] = []
    eventi: list[dict[str, Any]] = []
    for _r, v in gruppo:
        if (fase := v.get("fase")) and fase not in fasi:
            fasi.append(fase)
        if v.get("evento_rischioso"):
            evento: dict[str, Any] = {
                "codice": f"{dati['codice']}-E{len(eventi) + 1}",
                "descrizione": v["evento_rischioso"],
            }
            if fase:
                evento["fase"] = fase
            eventi.append(evento)
    if fasi:
        dati["fasi"] = fasi
    if eventi:
        dati["eventi_rischiosi"] = eventi


def _analisi(
    lettura: Lettura,
    gruppo: list[tuple[int, dict[str, str]]],
    dati: dict[str, Any],
    campi: dict[str, str],
) -> None:
    """Enabling factors, the six indicators, the judgement and its motivation."""
    r, testo = _primo(lettura, gruppo, "fattori_abilitanti")
    if testo:
        fattori = elenco_valori(
            lettura,
            (r, "fattori_abilitanti", "fattori_abilitanti"),
            testo,
            lambda x: scelta(FattoreAbilitante, x),
        )
        if fattori:
            dati["fattori_abilitanti"] = fattori
    indicatori: dict[str, str] = {}
    valutazione: dict[str, Any] = {"indicatori": indicatori}
    for campo in (*INDICATORI, "giudizio"):
        r, testo = _primo(lettura, gruppo, campo)
        if testo and (livello := _livello(lettura, r, campo, testo)) is not None:
            (indicatori if campo != "giudizio" else valutazione)[campo] = livello
            campi[campo] = campo
    if not indicatori:
        del valutazione["indicatori"]
    r, testo = _primo(lettura, gruppo, "motivazione")
    if testo:
        valutazione["motivazione"] = testo
        campi["motivazione"] = "motivazione"
    if valutazione:
        dati["valutazione"] = valutazione
