"""Read an office's own sheet through its mapping into the YAML fragment of sottosezione
2.3: the processes (PNA 2019 Allegato 1 style map) or the transparency obligations (delibera
ANAC 1310/2016 table). Every cell that cannot be mapped is a finding located at the cell
(`file.xlsx › Foglio!C7`); no row is left out without one."""

from __future__ import annotations

from pathlib import Path

from openpyxl.utils import column_index_from_string

from piao.fogli.legacy_comune import (
    Esito,
    Lettura,
)
from piao.fogli.legacy_foglio import leggi_foglio
from piao.fogli.legacy_processi import processi as leggi_processi
from piao.fogli.legacy_tracciato import LETTERE, OBBLIGATORI, Colonna, Sezione, Tracciato
from piao.fogli.legacy_trasparenza import obbligo
from piao.loading.tabelle import (
    COLONNA_ASSENTE,
    COLONNA_IGNOTA,
    FORMULA,
    RIGA_ORFANA,
)
from piao.model.rischi_corruttivi import chiave


def importa_legacy(sorgente: Path, tracciato: Tracciato, sezione: Sezione) -> Esito:
    """Read `sorgente` through `tracciato` (FoglioError when it is not a readable sheet)."""
    lettura = Lettura(leggi_foglio(sorgente, tracciato.foglio), tracciato)
    _colonne(lettura, OBBLIGATORI[sezione])
    esito = Esito(sezione, {})
    mancanti = [c for c in OBBLIGATORI[sezione] if c not in lettura.colonne]
    righe = _righe(lettura) if not mancanti else []
    esito.righe = len(righe)
    if sezione == "rischi_corruttivi":
        processi = leggi_processi(lettura, righe)
        esito.voci = len(processi)
        if [chiave(x) for x in tracciato.scala] != ["basso", "medio", "alto"]:
            esito.frammento["scala_valutazione"] = list(tracciato.scala)
        esito.frammento["processi"] = processi
    else:
        obblighi = [o for i, r in enumerate(righe, 1) if (o := obbligo(lettura, i, r)) is not None]
        esito.voci = len(obblighi)
        esito.frammento["trasparenza"] = {"obblighi": obblighi}
    esito.findings = [f for _r, _c, f in sorted(lettura.rilievi, key=lambda x: x[:2])]
    return esito


def _colonne(lettura: Lettura, obbligatori: tuple[str, ...]) -> None:
    """Field → column number; a column not found, or a header left unmapped, is a finding."""
    griglia, tracciato = lettura.griglia, lettura.tracciato
    riga = tracciato.riga_intestazione
    intestazioni = {
        chiave(griglia.valore(riga, c)): c
        for c in range(griglia.colonne, 0, -1)
        if griglia.valore(riga, c)
    }
    for campo, rif in tracciato.colonne.items():
        if isinstance(rif, Colonna):
            lettura.colonne[campo] = column_index_from_string(rif.colonna)
        elif chiave(rif) in intestazioni:
            lettura.colonne[campo] = intestazioni[chiave(rif)]
        else:
            effetto = (
                "il campo è obbligatorio: nessuna riga importata"
                if campo in obbligatori
                else "il campo non è importato"
            )
            lettura.in_cella(
                COLONNA_ASSENTE,
                riga,
                None,
                f"la colonna «{rif}» del tracciato (campo «{campo}») non è nella riga di "
                f"intestazione {riga}: {effetto}."
                + (
                    f" Per la colonna di lettera {rif} scrivere {{colonna: {rif}}}."
                    if LETTERE.match(rif)
                    else ""
                ),
            )
    usate = set(lettura.colonne.values()) | {
        intestazioni[chiave(x)] for x in tracciato.ignora if chiave(x) in intestazioni
    }
    for c in sorted(set(intestazioni.values()) - usate):
        lettura.in_cella(
            COLONNA_IGNOTA,
            riga,
            c,
            f"la colonna «{griglia.valore(riga, c)}» non è nel tracciato: i suoi valori non "
            "sono importati (aggiungerla a «colonne» o a «ignora»).",
        )


def _righe(lettura: Lettura) -> list[tuple[int, dict[str, str]]]:
    """(row number, field → text) of each data row; empty rows skipped, a row with data
    only outside the mapping reported."""
    g, t = lettura.griglia, lettura.tracciato
    out: list[tuple[int, dict[str, str]]] = []
    precedente: dict[str, str] = {}
    for r in range(t.dati_da, g.righe + 1):
        valori = {campo: g.valore(r, c) for campo, c in lettura.colonne.items()}
        for c in sorted({c for c in lettura.colonne.values() if (r, c) in g.formule}):
            lettura.in_cella(
                FORMULA,
                r,
                c,
                "la formula non ha un valore calcolato nel file: aprirlo e salvarlo in Excel o "
                "Calc, poi ripetere; la cella è letta come vuota.",
            )
        if not any(valori.values()):
            if any(g.valore(r, c) for c in range(1, g.colonne + 1)):
                lettura.segnala(
                    RIGA_ORFANA,
                    r,
                    None,
                    "riga non importata: nessuna colonna del tracciato è compilata.",
                )
            continue
        for campo in t.riempi_in_basso:
            if not valori.get(campo) and precedente.get(campo):
                valori[campo] = precedente[campo]
        precedente = valori
        out.append((r, valori))
    return out
