"""Open data of the plan: one CSV per table (UTF-8, header row, formulas neutralised) and
one JSON with DCAT-AP_IT metadata and the whole plan."""

from __future__ import annotations

import datetime
import json
from typing import Any

from piao.model import Piano
from piao.publish.obiettivi import indicatori, tabelle_obiettivi
from piao.publish.tabella import TabellaAperta

LICENZA = "https://creativecommons.org/licenses/by/4.0/"
LICENZA_NOME = "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)"


def tabelle(piano: Piano) -> list[TabellaAperta]:
    out = [indicatori(piano), *tabelle_obiettivi(piano)]
    rc = piano.rischi_corruttivi
    if rc is not None:
        out.append(
            TabellaAperta(
                "processi-rischi.csv",
                "Processi mappati e rischi",
                "Mappatura dei processi con area di rischio, eventi rischiosi e giudizio sintetico sul livello di rischio.",
                (
                    "codice_processo",
                    "processo",
                    "area_rischio",
                    "unita_responsabile",
                    "codice_evento",
                    "evento_rischioso",
                    "giudizio",
                    "motivazione",
                ),
                tuple(
                    (
                        p.codice,
                        p.denominazione,
                        p.area_rischio,
                        p.unita_responsabile or "",
                        codice,
                        evento,
                        p.valutazione.giudizio if p.valutazione else "",
                        p.valutazione.motivazione if p.valutazione else "",
                    )
                    for p in rc.processi
                    for codice, evento in (
                        [(e.codice, e.descrizione) for e in p.eventi_rischiosi] or [("", "")]
                    )
                ),
            )
        )
        out.append(
            TabellaAperta(
                "misure.csv",
                "Misure di prevenzione della corruzione",
                "Misure generali e specifiche con processi trattati, fasi, scadenze, responsabili, indicatori e valori attesi.",
                (
                    "codice",
                    "misura",
                    "tipo",
                    "misura_generale",
                    "categoria",
                    "processi",
                    "fasi",
                    "prima_scadenza",
                    "ultima_scadenza",
                    "responsabile",
                    "indicatore",
                    "valore_atteso",
                ),
                tuple(
                    (
                        m.codice,
                        m.titolo,
                        m.tipo,
                        m.misura_generale or "",
                        m.categoria or "",
                        " ".join(m.processi),
                        "; ".join(f.descrizione for f in m.fasi),
                        min(f.scadenza for f in m.fasi).isoformat() if m.fasi else "",
                        max(f.scadenza for f in m.fasi).isoformat() if m.fasi else "",
                        m.responsabile or "",
                        m.indicatore or "",
                        m.valore_atteso or "",
                    )
                    for m in rc.misure
                ),
            )
        )
        if rc.trasparenza is not None:
            out.append(
                TabellaAperta(
                    "obblighi-trasparenza.csv",
                    "Obblighi di pubblicazione",
                    "Obblighi di pubblicazione in Amministrazione trasparente con responsabili e frequenza di aggiornamento.",
                    (
                        "codice",
                        "sottosezione_livello_1",
                        "sottosezione_livello_2",
                        "riferimento_normativo",
                        "contenuto",
                        "responsabile_dati",
                        "responsabile_pubblicazione",
                        "aggiornamento",
                        "termine_giorni",
                    ),
                    tuple(
                        (
                            o.codice,
                            o.sottosezione[0],
                            o.sottosezione[1] if len(o.sottosezione) > 1 else "",
                            o.riferimento_normativo or "",
                            o.contenuto or "",
                            o.responsabile_dati or "",
                            o.responsabile_pubblicazione or "",
                            o.aggiornamento or "",
                            o.termine_giorni if o.termine_giorni is not None else "",
                        )
                        for o in rc.trasparenza.obblighi
                    ),
                )
            )
    if piano.fabbisogni_personale is not None:
        out.append(
            TabellaAperta(
                "assunzioni.csv",
                "Assunzioni programmate",
                "Piano triennale delle assunzioni: anno, area, profilo, unità, posti, modalità e costo annuo.",
                (
                    "codice",
                    "anno",
                    "area",
                    "profilo",
                    "unita",
                    "numero",
                    "modalita",
                    "contratto",
                    "costo_annuo",
                ),
                tuple(
                    (
                        a.codice,
                        a.anno,
                        a.area,
                        a.profilo,
                        a.unita or "",
                        a.numero,
                        a.modalita,
                        a.contratto,
                        a.costo_annuo if a.costo_annuo is not None else "",
                    )
                    for a in piano.fabbisogni_personale.assunzioni
                ),
            )
        )
    if piano.formazione is not None:
        out.append(
            TabellaAperta(
                "corsi.csv",
                "Formazione del personale",
                "Iniziative di formazione programmate: tema, ore, destinatari, partecipanti, modalità.",
                (
                    "codice",
                    "titolo",
                    "tema",
                    "obbligatorio",
                    "ore",
                    "destinatari",
                    "partecipanti",
                    "modalita",
                    "syllabus",
                ),
                tuple(
                    (
                        c.codice,
                        c.titolo,
                        c.tema,
                        "sì" if c.obbligatorio else "no",
                        c.ore,
                        c.destinatari or "",
                        c.partecipanti if c.partecipanti is not None else "",
                        c.modalita or "",
                        "sì" if c.syllabus else "no",
                    )
                    for c in piano.formazione.corsi
                ),
            )
        )
    return out


def metadati(
    piano: Piano,
    tabelle_: list[TabellaAperta],
    *,
    emesso: datetime.date,
    modificato: datetime.date,
    documenti: list[tuple[str, str]],
) -> dict[str, Any]:
    """DCAT-AP_IT dataset metadata (field names as in the profile)."""
    ente = piano.anagrafica.ente
    titolo = (
        f"PIAO {piano.anagrafica.triennio.da}-{piano.anagrafica.triennio.a} - {ente.denominazione}"
    )
    editore = {
        "@type": "foaf:Organization",
        "foaf:name": ente.denominazione,
        "dct:identifier": ente.codice_ipa or "",
    }
    distribuzioni = [
        {
            "@type": "dcat:Distribution",
            "dct:title": t.titolo,
            "dct:description": t.descrizione,
            "dct:format": "CSV",
            "dcat:mediaType": "text/csv",
            "dcat:accessURL": f"dati/{t.file}",
            "dcat:downloadURL": f"dati/{t.file}",
            "dct:license": LICENZA,
        }
        for t in tabelle_
    ]
    distribuzioni.append(
        {
            "@type": "dcat:Distribution",
            "dct:title": "Piano completo in JSON",
            "dct:format": "JSON",
            "dcat:mediaType": "application/json",
            "dcat:accessURL": "dati/piao.json",
            "dcat:downloadURL": "dati/piao.json",
            "dct:license": LICENZA,
        }
    )
    for nome, formato in documenti:
        distribuzioni.append(
            {
                "@type": "dcat:Distribution",
                "dct:title": f"Documento del PIAO ({formato})",
                "dct:format": formato,
                "dcat:accessURL": nome,
                "dcat:downloadURL": nome,
                "dct:license": LICENZA,
            }
        )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "dcatapit": "http://dati.gov.it/onto/dcatapit#",
        },
        "@type": ["dcat:Dataset", "dcatapit:Dataset"],
        "dct:identifier": f"{ente.codice_ipa or ente.denominazione}:piao:{piano.anagrafica.triennio.da}-{piano.anagrafica.triennio.a}",
        "dct:title": titolo,
        "dct:description": f"Piano Integrato di Attività e Organizzazione {piano.anagrafica.triennio.da}-{piano.anagrafica.triennio.a} "
        f"di {ente.denominazione} (art. 6 DL 80/2021, DM 132/2022): obiettivi, indicatori, rischi, misure, "
        "obblighi di trasparenza, assunzioni e formazione.",
        "dct:publisher": editore,
        "dct:rightsHolder": editore,
        "dct:license": {"@id": LICENZA, "dct:title": LICENZA_NOME},
        "dct:issued": emesso.isoformat(),
        "dct:modified": modificato.isoformat(),
        "dct:language": "ita",
        "dcat:theme": "GOVE",
        "dcat:keyword": ["PIAO", "performance", "anticorruzione", "trasparenza", "personale"],
        "dct:accrualPeriodicity": "ANNUAL",
        "dcat:landingPage": ente.sito or "",
        "dcat:distribution": distribuzioni,
    }


def piano_json(meta: dict[str, Any], piano: Piano, tabelle_: list[TabellaAperta]) -> str:
    data = {
        "metadati": meta,
        "tabelle": {
            t.file: [dict(zip(t.intestazioni, r, strict=True)) for r in t.righe] for t in tabelle_
        },
        "piano": piano.model_dump(mode="json", exclude_none=True),
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
