"""Open data of the plan: one CSV per table (UTF-8, header row, formulas neutralised) and
one JSON with DCAT-AP_IT metadata and the whole plan."""

from __future__ import annotations

import datetime
from typing import Any

from piao.lingua import dell_ente
from piao.model import Piano
from piao.model.rischi_corruttivi import (
    FaseProcesso,
    IndicatoriRischio,
    Responsabili,
    RischiCorruttivi,
    ValutazioneRischio,
    elenco_responsabili,
)
from piao.model.walk import nomi_per_codice
from piao.publish.fabbisogni import tabelle_fabbisogni
from piao.publish.nomi import con_nomi
from piao.publish.obiettivi import indicatori, tabelle_obiettivi
from piao.publish.opendata_struttura import tavole
from piao.publish.tabella import TabellaAperta
from piao.sicuro import json_stretto

LICENZA = "https://creativecommons.org/licenses/by/4.0/"
LICENZA_NOME = "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)"


def _codici(valore: Responsabili | None) -> str:
    """Unit codes and roles, space separated (as the processes of a measure)."""
    return " ".join(elenco_responsabili(valore))


def _processi(rc: RischiCorruttivi) -> TabellaAperta:
    righe: list[tuple[object, ...]] = []
    for p in rc.processi:
        giudizio, derivato = rc.giudizio(p)
        processo = (p.codice, p.denominazione, p.area_rischio, p.unita_responsabile or "")
        valutazione = (
            giudizio or "",
            p.valutazione.motivazione or "" if p.valutazione else "",
        )
        eventi: list[tuple[object, ...]] = [
            (
                e.codice,
                e.descrizione,
                "" if e.fase is None else e.fase,
                "no",
                e.valutazione.giudizio or "" if e.valutazione else "",
                e.valutazione.motivazione or "" if e.valutazione else "",
            )
            for e in p.eventi_rischiosi
        ]
        eventi += [
            ("", "", f.descrizione, "sì", "", f.motivazione or "")
            for f in p.fasi
            if isinstance(f, FaseProcesso) and f.nessun_rischio
        ]
        for codice, evento, fase, nessuno, g_evento, m_evento in eventi or [
            ("", "", "", "", "", "")
        ]:
            righe.append(
                (
                    *processo,
                    codice,
                    evento,
                    *valutazione,
                    fase,
                    nessuno,
                    "sì" if derivato else "no",
                    g_evento,
                    m_evento,
                )
            )
    return TabellaAperta(
        "processi-rischi.csv",
        "Processi mappati e rischi",
        "Mappatura dei processi con area di rischio, eventi rischiosi per fase e giudizio sintetico sul livello di rischio, del processo e di ciascun evento.",
        (
            "codice_processo",
            "processo",
            "area_rischio",
            "unita_responsabile",
            "codice_evento",
            "evento_rischioso",
            "giudizio",
            "motivazione",
            "fase",
            "fase_senza_rischi",
            "giudizio_derivato_dagli_eventi",
            "giudizio_evento",
            "motivazione_evento",
        ),
        tuple(righe),
    )


def _valutazioni(rc: RischiCorruttivi) -> TabellaAperta:
    voci: list[tuple[str, str, str, ValutazioneRischio]] = []
    for p in rc.processi:
        if p.valutazione is not None:
            voci.append(("processo", p.codice, "", p.valutazione))
        voci += [
            ("evento", p.codice, e.codice, e.valutazione)
            for e in p.eventi_rischiosi
            if e.valutazione
        ]
    indicatori = list(IndicatoriRischio.model_fields)

    def vuoto_se_none(x: object) -> object:
        return "" if x is None else x

    return TabellaAperta(
        "valutazioni-rischio.csv",
        "Stima del livello di rischio",
        "Una riga per ogni valutazione, del processo o dell'evento rischioso: giudizio sui sei indicatori del PNA 2019, stima numerica se il piano la usa, giudizio sintetico e motivazione.",
        (
            "oggetto",
            "codice_processo",
            "codice_evento",
            *indicatori,
            "probabilita",
            "impatto",
            "controlli",
            "punteggio",
            "giudizio",
            "motivazione",
            "motivazione_scostamento",
        ),
        tuple(
            (
                oggetto,
                processo,
                evento,
                *[vuoto_se_none(getattr(v.indicatori, k)) for k in indicatori],
                vuoto_se_none(v.probabilita),
                vuoto_se_none(v.impatto),
                vuoto_se_none(v.controlli),
                vuoto_se_none(v.punteggio),
                v.giudizio or "",
                v.motivazione or "",
                v.motivazione_scostamento or "",
            )
            for oggetto, processo, evento, v in voci
        ),
    )


def _rischi(rc: RischiCorruttivi) -> list[TabellaAperta]:
    out = [
        _processi(rc),
        _valutazioni(rc),
        TabellaAperta(
            "misure.csv",
            "Misure di prevenzione della corruzione",
            "Misure generali e specifiche con processi trattati, fasi, scadenze o tempistiche, responsabili, indicatori e valori attesi.",
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
                "tempistica",
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
                    min(date).isoformat() if (date := [f.data for f in m.fasi if f.data]) else "",
                    max(date).isoformat() if date else "",
                    _codici(m.responsabile),
                    m.indicatore or "",
                    "" if m.valore_atteso is None else m.valore_atteso,
                    "; ".join(dict.fromkeys(str(f.scadenza) for f in m.fasi if f.data is None)),
                )
                for m in rc.misure
            ),
        ),
    ]
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
                        _codici(o.responsabile_dati),
                        _codici(o.responsabile_pubblicazione),
                        o.aggiornamento or "",
                        o.termine_giorni if o.termine_giorni is not None else "",
                    )
                    for o in rc.trasparenza.obblighi
                ),
            )
        )
    return out


def tabelle(piano: Piano) -> list[TabellaAperta]:
    out = [indicatori(piano), *tabelle_obiettivi(piano)]
    if piano.rischi_corruttivi is not None:
        out += _rischi(piano.rischi_corruttivi)
    if piano.fabbisogni_personale is not None:
        out += tabelle_fabbisogni(piano.fabbisogni_personale, piano.anagrafica.triennio.anni)
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
    out += [TabellaAperta(*t) for t in tavole(piano)]
    nomi = nomi_per_codice(piano)
    return [con_nomi(t, nomi) for t in out]


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
        f"{dell_ente(ente.denominazione)} (art. 6 DL 80/2021, DM 132/2022): obiettivi, indicatori, rischi, misure, "
        "obblighi di trasparenza, assunzioni, cessazioni, spesa di personale e formazione.",
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
    return json_stretto(data)
