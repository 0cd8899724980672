"""The open data of the Relazione sulla performance: CSV (UTF-8, comma, like `piao publish`
open data) and one JSON with the same facts, written beside the documents. Aggregate only:
no person is named (the model of `relazione:` cannot hold a name)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piao.csvsafe import write_csv
from piao.fsutil import atomic_write_bytes
from piao.periodi.soddisfazione import indici

if TYPE_CHECKING:
    from piao.rapporti.relazione import DatiDellaRelazione

COLONNE_OBIETTIVI = (
    "livello",
    "codice",
    "titolo",
    "raggiungimento_percentuale_0_100",
    "raggiungimento_calcolato_percentuale_0_100",
    "esito",
    "rettificato",
    "parti",
)
COLONNE_INDICATORI = (
    "codice",
    "obiettivo",
    "descrizione",
    "unita_misura",
    "partenza",
    "target_anno",
    "valore_anno",
    "raggiungimento_percentuale_0_100",
    "scostamento_valore_meno_target",
    "esito",
    "cause",
)
COLONNE_VALUTAZIONI = ("ruolo", "fascia", "numero_persone")
LEGGIMI = (
    "Dati aperti della Relazione sulla performance {anno} ({ente}).\n"
    "-obiettivi.csv: una riga per obiettivo, unità organizzativa e obiettivo di valore "
    "pubblico (livello: obiettivo, unita, valore_pubblico); raggiungimento in percentuale "
    "0-100 (con punto decimale); esito: raggiunto, parzialmente_raggiunto, non_raggiunto, "
    "non_rilevato; rettificato: sì se una rettifica approvata sostituisce il calcolo; parti: "
    "i codici da cui è calcolato.\n"
    "-indicatori.csv: una riga per indicatore misurato; scostamento = valore − target.\n"
    "-valutazioni.csv: distribuzione delle valutazioni finali per ruolo e fascia, in forma "
    "aggregata (numero di persone): nessun dato personale.\n"
    ".json: gli stessi dati, con approvazione, validazione, risorse, bilancio di genere e "
    "indici di soddisfazione.\n"
)


def _n(v: float | None) -> object:
    return "" if v is None else round(v, 2)


def cause(d: DatiDellaRelazione, codice: str) -> str | None:
    """The causes written for an indicator's value (`cause`, the field rule MP016 asks for)."""
    dati = d.letto.dati
    rilevato = dati.indicatori.get(codice) if dati is not None else None
    return None if rilevato is None else rilevato.cause


def dati_json(d: DatiDellaRelazione) -> dict[str, Any]:
    dati = d.letto.dati
    rel = dati.relazione if dati is not None else None
    return {
        "ente": d.anagrafica.ente.denominazione,
        "anno": d.anno,
        "bozza": d.bozza,
        "termine": d.scadenza.termine.isoformat(),
        "avvisi": list(d.scadenza.avvisi),
        "relazione": None
        if rel is None
        else rel.model_dump(mode="json")
        | {"valutazioni": [v.model_dump(mode="json") for v in rel.valutazioni_pubblicabili()]},
        "obiettivi": [
            {
                "livello": e.livello,
                "codice": e.codice,
                "titolo": e.titolo,
                "percentuale": e.percentuale,
                "percentuale_calcolata": e.percentuale_calcolata,
                "esito": e.esito,
                "rettificato": e.rettifica is not None,
                "parti": list(e.parti),
            }
            for e in (*d.esito.obiettivi, *d.esito.unita, *d.esito.valore_pubblico)
        ],
        "indicatori": [
            {
                "codice": e.codice,
                "obiettivo": e.obiettivo,
                "descrizione": e.descrizione,
                "unita_misura": e.unita_misura,
                "partenza": e.baseline,
                "target": e.target,
                "valore": e.valore,
                "percentuale": e.percentuale,
                "scostamento": e.scostamento,
                "esito": e.esito,
            }
            for e in d.esito.indicatori
        ],
        "soddisfazione": [
            {
                "rilevazione": i.rilevazione,
                "servizio": i.servizio,
                "canale": i.canale,
                "indice": i.indice,
                "campione": i.campione,
            }
            for i in (indici(dati) if dati is not None else [])
        ],
    }


def scrivi_dati(d: DatiDellaRelazione, cartella: Path, stem: str) -> list[Path]:
    """Write the CSV files, the JSON and a LEGGIMI describing their columns."""
    dati = d.letto.dati
    rel = dati.relazione if dati is not None else None
    aggregati = [*d.esito.obiettivi, *d.esito.unita, *d.esito.valore_pubblico]
    files = {
        f"{stem}-obiettivi.csv": write_csv(
            COLONNE_OBIETTIVI,
            (
                (
                    e.livello,
                    e.codice,
                    e.titolo,
                    _n(e.percentuale),
                    _n(e.percentuale_calcolata),
                    e.esito,
                    "sì" if e.rettifica else "no",
                    " ".join(e.parti),
                )
                for e in aggregati
            ),
        ),
        f"{stem}-indicatori.csv": write_csv(
            COLONNE_INDICATORI,
            (
                (
                    e.codice,
                    e.obiettivo,
                    e.descrizione,
                    e.unita_misura or "",
                    "" if e.baseline is None else e.baseline,
                    "" if e.target is None else e.target,
                    "" if e.valore is None else e.valore,
                    _n(e.percentuale),
                    _n(e.scostamento),
                    e.esito,
                    cause(d, e.codice) or "",
                )
                for e in d.esito.indicatori
            ),
        ),
        f"{stem}-valutazioni.csv": write_csv(
            COLONNE_VALUTAZIONI,
            (
                (v.ruolo, v.fascia, v.numero)
                for v in (rel.valutazioni_pubblicabili() if rel else [])
            ),
        ),
        f"{stem}.json": json.dumps(dati_json(d), ensure_ascii=False, indent=2) + "\n",
        f"{stem}-LEGGIMI.txt": LEGGIMI.format(anno=d.anno, ente=d.anagrafica.ente.denominazione),
    }
    scritti = []
    for nome, testo in files.items():
        atomic_write_bytes(cartella / nome, testo.encode("utf-8"))
        scritti.append(cartella / nome)
    return scritti
