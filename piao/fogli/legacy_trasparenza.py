"""The obligations of a delibera ANAC 1310/2016 style table: L1 and L2 checked against the
tree of Amministrazione trasparente (an alias read as its official label), the frequency and
the owners read through the mapping's translations."""

from __future__ import annotations

import re
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
from piao.fogli.legacy_tracciato import OBBLIGATORI, PREFISSO
from piao.loading.tabelle import (
    FUORI_ALBERO,
    NON_VALIDO,
    VALORE_IGNOTO,
)
from piao.model.rischi_corruttivi import (
    Aggiornamento,
    ObbligoTrasparenza,
    RuoloResponsabile,
    chiave,
)
from piao.reference.tables import riferimenti


def _sottosezione(lettura: Lettura, riga: int, l1: str, l2: str) -> list[str]:
    """[L1, L2] in the wording of the AT tree (an alias read as its official label); a level
    not in the tree is kept as written and reported."""
    l1, l2 = lettura.traduci("sottosezione", l1), lettura.traduci("sottosezione", l2)
    nodi = riferimenti().albero_trasparenza
    primi = {chiave(n.livello_1): n.livello_1 for n in nodi}
    if chiave(l1) not in primi:
        lettura.segnala(
            FUORI_ALBERO,
            riga,
            "livello_1",
            f"«{l1}» non è una sotto-sezione di primo livello di Amministrazione trasparente: "
            "correggerla o tradurla in «valori: sottosezione:»; importata come scritta.",
        )
        return [l1, l2]
    secondi = {
        chiave(nome): n.livello_2
        for n in nodi
        if chiave(n.livello_1) == chiave(l1)
        for nome in (n.livello_2, *n.alias)
    }
    if chiave(l2) not in secondi:
        lettura.segnala(
            FUORI_ALBERO,
            riga,
            "livello_2",
            f"«{l2}» non è una sotto-sezione di «{primi[chiave(l1)]}»: correggerla o tradurla in "
            "«valori: sottosezione:»; importata come scritta.",
        )
        return [primi[chiave(l1)], l2]
    return [primi[chiave(l1)], secondi[chiave(l2)]]


def _aggiornamento(testo: str) -> str | None:
    """The frequency as the closed list writes it, also when followed by its basis
    («Tempestivo (ex art. 8, d.lgs. n. 33/2013)», as in the 1310/2016 table)."""
    codici = typing.get_args(Aggiornamento)
    esatto = scelta(Aggiornamento, testo)
    if esatto:
        return esatto
    forma = chiave(testo)
    return next((c for c in codici if re.match(rf"{c.replace('_', ' ')}\b", forma)), None)


def _responsabile(testo: str) -> str | None:
    return scelta(RuoloResponsabile, testo) or codice_valido(testo)


def obbligo(lettura: Lettura, n: int, voce: tuple[int, dict[str, str]]) -> dict[str, Any] | None:
    riga, v = voce
    if vuote(lettura, riga, v, OBBLIGATORI["trasparenza"]):
        return None
    codice = v.get("codice", "").upper() or f"{PREFISSO['trasparenza']}-{n:03d}"
    dati: dict[str, Any] = {
        "codice": codice,
        "sottosezione": _sottosezione(lettura, riga, v["livello_1"], v["livello_2"]),
    }
    campi = {
        "codice": "codice",
        "sottosezione": "livello_1",
        "riferimento_normativo": "riferimento_normativo",
        "url": "url",
    }
    if v.get("riferimento_normativo"):
        dati["riferimento_normativo"] = v["riferimento_normativo"]
    # The name of the single obligation is the third level of the sub-section, as the
    # model and the OIV's grid read it (1310/2016: L1 › L2 › obbligo).
    if nome := v.get("denominazione", ""):
        dati["sottosezione"] = [*dati["sottosezione"][:2], nome]
    if contenuto := v.get("contenuto", ""):
        dati["contenuto"] = contenuto
        campi["contenuto"] = "contenuto"
    if testo := v.get("aggiornamento"):
        valore = _aggiornamento(lettura.traduci("aggiornamento", testo))
        if valore is None:
            lettura.segnala(
                VALORE_IGNOTO,
                riga,
                "aggiornamento",
                f"«{testo}» non è una frequenza ammessa ({', '.join(typing.get_args(Aggiornamento))}): "
                "aggiungere la traduzione in «valori: aggiornamento:»; il valore non è importato.",
            )
        else:
            dati["aggiornamento"] = valore
    if testo := v.get("termine_giorni"):
        if testo.isdigit():
            dati["termine_giorni"] = int(testo)
        else:
            lettura.segnala(
                NON_VALIDO,
                riga,
                "termine_giorni",
                f"«{testo}» non è un numero di giorni; il valore non è importato.",
            )
    letti: dict[int, list[str] | None] = {}  # one column for both owners: read (and reported) once
    for campo in ("responsabile_dati", "responsabile_pubblicazione"):
        if testo := v.get(campo):
            colonna = lettura.colonne[campo]
            if colonna not in letti:
                letti[colonna] = elenco_valori(
                    lettura, (riga, campo, "unita"), testo, _responsabile
                )
            elenco = letti[colonna]
            if elenco:
                dati[campo] = elenco[0] if len(elenco) == 1 else list(elenco)  # no YAML alias
                campi[campo] = campo
    if v.get("url"):
        dati["url"] = v["url"]
    return dati if valida(lettura, riga, ObbligoTrasparenza, dati, campi) else None
