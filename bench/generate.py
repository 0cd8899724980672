"""Deterministic generator of valid synthetic PIAO plans, from a small comune to a
Roma-scale plan, for benchmarks and for looking at how large documents render.

    python bench/generate.py --size roma --out /tmp/roma/2026-2028
    python bench/generate.py --size piccolo --count 1000 --out /tmp/piccoli

The same size and seed always give the same files. Every generated plan passes
`piao check` without errors.
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

TRIENNIO = (2026, 2027, 2028)


@dataclass(frozen=True)
class Dimensione:
    aree: int
    servizi_per_area: int
    vp: int
    pf: int
    indicatori_pf: int
    processi: int
    eventi_per_processo: int
    misure_specifiche: int
    obblighi: int
    assunzioni: int
    corsi: int
    popolazione: int


DIMENSIONI = {
    "piccolo": Dimensione(3, 1, 0, 0, 0, 6, 1, 6, 12, 2, 4, 2500),
    "medio": Dimensione(8, 2, 6, 24, 2, 30, 2, 30, 45, 12, 15, 25000),
    "grande": Dimensione(15, 6, 12, 300, 2, 200, 2, 400, 120, 100, 80, 300000),
    "roma": Dimensione(30, 10, 25, 1500, 2, 820, 3, 3000, 260, 520, 420, 2750000),
}

SETTORI = [
    "Servizi demografici",
    "Mobilità",
    "Lavori pubblici",
    "Urbanistica",
    "Ambiente",
    "Politiche sociali",
    "Scuola",
    "Cultura",
    "Sport",
    "Tributi",
    "Bilancio",
    "Personale",
    "Sistemi informativi",
    "Polizia locale",
    "Commercio",
    "Turismo",
    "Patrimonio",
    "Verde pubblico",
    "Casa",
    "Giovani",
    "Protezione civile",
    "Contratti",
    "Avvocatura",
    "Partecipate",
    "Comunicazione",
    "Statistica",
    "Anziani",
    "Disabilità",
    "Infanzia",
    "Lavoro",
]
AZIONI = [
    "Digitalizzare",
    "Semplificare",
    "Ridurre i tempi di",
    "Ampliare",
    "Rendere accessibile",
    "Monitorare",
    "Riorganizzare",
    "Rafforzare i controlli su",
    "Migliorare la qualità di",
    "Rendicontare",
]
OGGETTI = [
    "le istanze online",
    "lo sportello",
    "i pagamenti",
    "le autorizzazioni",
    "i contributi",
    "gli appalti",
    "le manutenzioni",
    "i servizi a domicilio",
    "le iscrizioni",
    "le segnalazioni",
    "gli accertamenti",
    "il trasporto",
    "le concessioni",
    "i controlli",
    "la comunicazione",
]
AREE_RISCHIO = [
    "autorizzazioni_concessioni",
    "sovvenzioni_contributi",
    "contratti_pubblici",
    "acquisizione_gestione_personale",
    "entrate_spese_patrimonio",
    "controlli_verifiche_sanzioni",
    "incarichi_nomine",
    "affari_legali_contenzioso",
    "governo_territorio",
    "gestione_rifiuti",
]
MISURE_GENERALI = [
    "codice_comportamento",
    "conflitto_interessi",
    "incarichi_extraistituzionali",
    "inconferibilita_incompatibilita",
    "pantouflage",
    "commissioni_art35bis",
    "rotazione_ordinaria",
    "rotazione_straordinaria",
    "whistleblowing",
    "formazione",
    "trasparenza",
    "patti_integrita",
    "monitoraggio_tempi",
    "sensibilizzazione",
]
OBBLIGHI_BASE = [
    [
        "Disposizioni generali",
        "Piano triennale per la prevenzione della corruzione e della trasparenza",
    ],
    ["Disposizioni generali", "Atti generali"],
    ["Performance", "Piano della Performance"],
    ["Personale", "Dotazione organica"],
    ["Altri contenuti", "Prevenzione della corruzione"],
    ["Altri contenuti", "Accesso civico"],
    ["Bandi di gara e contratti", "Informazioni sulle singole procedure in formato tabellare"],
    ["Organizzazione", "Articolazione degli uffici"],
    ["Bilanci", "Bilancio preventivo e consuntivo"],
    ["Sovvenzioni, contributi, sussidi, vantaggi economici", "Atti di concessione"],
]
PROGRAMMI: dict[str, list[str]] = {
    "01": ["0101", "0102", "0108", "0111"],
    "03": ["0301"],
    "04": ["0406"],
    "05": ["0502"],
    "09": ["0902", "0903"],
    "10": ["1002", "1005"],
    "12": ["1201", "1202", "1203"],
    "14": ["1402"],
}
TIPI = [
    "semplificazione",
    "digitalizzazione",
    "accessibilita",
    "pari_opportunita",
    "efficienza",
    "efficacia",
    "qualita",
    "trasparenza",
    "anticorruzione",
]
D = datetime.date


def _indicatore(rnd: random.Random, codice: str, descrizione: str) -> dict[str, Any]:
    base = rnd.randint(10, 80)
    return {
        "codice": codice,
        "descrizione": descrizione,
        "unita_misura": "percentuale",
        "fonte": "Sistema informativo dell'ente",
        "polarita": "crescente",
        "baseline": {"anno": 2025, "valore": base},
        "target": {a: base + 5 * (i + 1) for i, a in enumerate(TRIENNIO)},
    }


def genera(dim: Dimensione, seed: int, nome: str) -> dict[str, dict[str, Any]]:
    rnd = random.Random(seed)
    unita: list[dict[str, Any]] = [
        {
            "codice": "UO-SEG",
            "denominazione": "Segreteria generale",
            "tipo": "direzione",
            "responsabile": "Segretario generale",
            "incarico": "segretario",
            "dipendenti": 5,
        }
    ]
    for a in range(dim.aree):
        settore = SETTORI[a % len(SETTORI)] + (
            f" {a // len(SETTORI) + 1}" if a >= len(SETTORI) else ""
        )
        codice = f"UO-A{a + 1:02d}"
        unita.append(
            {
                "codice": codice,
                "denominazione": f"Area {settore}",
                "tipo": "area",
                "padre": "UO-SEG",
                "responsabile": f"Responsabile area {a + 1}",
                "incarico": "dirigente" if dim.aree > 10 else "eq",
                "dipendenti": rnd.randint(3, 8),
            }
        )
        for s in range(dim.servizi_per_area):
            unita.append(
                {
                    "codice": f"{codice}-S{s + 1:02d}",
                    "denominazione": f"Servizio {settore} {s + 1}",
                    "tipo": "servizio",
                    "padre": codice,
                    "responsabile": f"Responsabile servizio {a + 1}.{s + 1}",
                    "incarico": "eq",
                    "dipendenti": rnd.randint(2, 5)
                    if dim.popolazione < 5000
                    else rnd.randint(4, 40),
                }
            )
    dipendenti = sum(u["dipendenti"] for u in unita)
    codici_unita: list[str] = [str(u["codice"]) for u in unita]
    regime = "ordinario" if dipendenti > 50 and dim.pf else "semplificato"

    def uo() -> str:
        return rnd.choice(codici_unita)

    anagrafica = {
        "ente": {
            "denominazione": nome,
            "tipologia": "comune",
            "codice_ipa": f"c_s{seed % 1000:03d}",
            "codice_fiscale": f"{80000000000 + seed:011d}",
            "sede": "Piazza del Municipio 1",
            "pec": f"protocollo.{seed}@pec.comune.example.it",
            "sito": f"https://www.comune{seed}.example.it",
            "popolazione": {"valore": dim.popolazione, "al": D(2024, 12, 31)},
            "dipendenti": {"valore": dipendenti, "al": D(2025, 12, 31)},
        },
        "soggetti": {
            "legale_rappresentante": {"nome": "Sindaco di prova"},
            "segretario": {"nome": "Segretario di prova"},
            "rpct": {"nome": "Segretario di prova"},
            "rtd": {"nome": "RTD di prova"},
            "organismo_valutazione": {"tipo": "oiv", "componenti": ["Componente unico"]},
        },
        "triennio": {"da": 2026, "a": 2028},
        "regime": regime,
        "programmazione_finanziaria": {
            "dup": {"atto": "Deliberazione C.C. n. 10", "data": D(2025, 7, 30)},
            "bilancio": {"atto": "Deliberazione C.C. n. 20", "data": D(2025, 12, 20)},
        },
        "adozione": {"organo": "giunta", "delibera": {"numero": 30, "data": D(2026, 3, 20)}},
        "pubblicazione": {
            "amministrazione_trasparente": {
                "data": D(2026, 3, 23),
                "url": f"https://www.comune{seed}.example.it/at/piao",
            },
            "portale_piao": {"data": D(2026, 3, 24)},
            "formati": ["pdf_a", "docx", "csv", "json"],
            "piani_precedenti_url": f"https://www.comune{seed}.example.it/at/piao-precedenti",
        },
    }
    files: dict[str, dict[str, Any]] = {"anagrafica": anagrafica}

    pf_formazione = None
    if regime == "ordinario":
        vp_obiettivi: list[dict[str, Any]] = []
        for v in range(dim.vp):
            missione = rnd.choice(sorted(PROGRAMMI))
            vp_obiettivi.append(
                {
                    "codice": f"VP-{v + 1:02d}",
                    "titolo": f"{rnd.choice(AZIONI)} {rnd.choice(OGGETTI)} per la comunità ({v + 1})",
                    "dup": {
                        "obiettivo_strategico": f"SeS {v + 1}",
                        "missione": missione,
                        "programma": rnd.choice(PROGRAMMI[missione]),
                    },
                    "dimensioni": ["sociale"],
                    "indicatori": [_indicatore(rnd, f"VP-{v + 1:02d}-I1", "Cittadini soddisfatti")],
                }
            )
        files["valore_pubblico"] = {
            "obiettivi": vp_obiettivi,
            "accessibilita": [
                {
                    "codice": "ACC-01",
                    "azione": "Sito accessibile",
                    "destinatari": ["over65", "persone_con_disabilita"],
                    "tipo": "digitale",
                    "responsabile": "UO-SEG",
                    "scadenza": D(2026, 12, 31),
                }
            ],
            "obiettivi_accessibilita_agid": {"anno": 2026, "data_pubblicazione": D(2026, 3, 20)},
            "semplificazione": [
                {
                    "codice": "SEM-01",
                    "procedura": "Istanze online",
                    "intervento": "digitalizzazione",
                    "responsabile": "UO-SEG",
                    "scadenza": D(2026, 12, 31),
                }
            ],
            "risparmio_energetico": [
                {"codice": "EN-01", "titolo": "Illuminazione a LED", "responsabile": "UO-SEG"}
            ],
        }
        pf_obiettivi = []
        for p in range(dim.pf):
            vp = vp_obiettivi[p % dim.vp]
            codice = f"OBP-{p + 1:04d}"
            pf_obiettivi.append(
                {
                    "codice": codice,
                    "titolo": f"{rnd.choice(AZIONI)} {rnd.choice(OGGETTI)}",
                    "tipi": [TIPI[p % len(TIPI)]],
                    "valore_pubblico": vp["codice"],
                    "unita_responsabile": uo(),
                    "peso": 50,
                    "dup": {
                        "obiettivo_operativo": f"SeO {p + 1}",
                        "missione": vp["dup"]["missione"],
                        "programma": vp["dup"]["programma"],
                    },
                    "indicatori": [
                        _indicatore(rnd, f"{codice}-I{i + 1}", f"Avanzamento {i + 1}")
                        for i in range(dim.indicatori_pf)
                    ],
                }
            )
        pf_obiettivi[0]["tipi"] = ["formazione"]
        pf_formazione = pf_obiettivi[0]["codice"]
        files["performance"] = {"obiettivi": pf_obiettivi}

    processi: list[dict[str, Any]] = []
    for i in range(dim.processi):
        area = AREE_RISCHIO[i % len(AREE_RISCHIO)]
        livello = ["basso", "medio", "alto"][i % 3]
        codice = f"PR-{i + 1:04d}"
        processi.append(
            {
                "codice": codice,
                "denominazione": f"{rnd.choice(AZIONI)} {rnd.choice(OGGETTI)} ({i + 1})",
                "area_rischio": area,
                "unita_responsabile": uo(),
                "fasi": ["Avvio", "Istruttoria", "Decisione"],
                "eventi_rischiosi": [
                    {
                        "codice": f"EV-{i + 1:04d}-{e + 1}",
                        "descrizione": f"Evento rischioso {e + 1}",
                    }
                    for e in range(dim.eventi_per_processo)
                ],
                "fattori_abilitanti": ["mancanza_controlli"],
                "valutazione": {
                    "indicatori": dict.fromkeys(
                        (
                            "interesse_esterno",
                            "discrezionalita",
                            "eventi_passati",
                            "opacita",
                            "collaborazione",
                            "attuazione_misure",
                        ),
                        livello,
                    ),
                    "giudizio": livello,
                    "motivazione": "Valutazione sintetica motivata.",
                },
                "rilevante_valore_pubblico": i == 0,
            }
        )
    misure: list[dict[str, Any]] = []
    for g, generale in enumerate(MISURE_GENERALI):
        misure.append(
            {
                "codice": f"MIS-G{g + 1:02d}",
                "titolo": generale.replace("_", " ").capitalize(),
                "tipo": "generale",
                "misura_generale": generale,
                "fasi": [{"descrizione": "Attuazione", "scadenza": D(2026, 12, 31)}],
                "responsabile": "UO-SEG",
                "indicatore": "Attuazione",
                "valore_atteso": "100%",
            }
        )
    a_rischio = [p for p in processi if p["valutazione"]["giudizio"] != "basso"]
    for s in range(dim.misure_specifiche):
        target = a_rischio[s % len(a_rischio)]
        misure.append(
            {
                "codice": f"MIS-{s + 1:04d}",
                "titolo": f"Controllo specifico {s + 1}",
                "tipo": "specifica",
                "categoria": "controllo",
                "processi": [target["codice"]],
                "eventi": [target["eventi_rischiosi"][0]["codice"]],
                "fasi": [
                    {"descrizione": "Definizione", "scadenza": D(2026, 6, 30)},
                    {"descrizione": "Verifica", "scadenza": D(2027, 6, 30)},
                ],
                "responsabile": target["unita_responsabile"],
                "indicatore": "Controlli effettuati",
                "valore_atteso": ">= 10%",
            }
        )
    obblighi = []
    for o in range(dim.obblighi):
        sotto = OBBLIGHI_BASE[o % len(OBBLIGHI_BASE)]
        obblighi.append(
            {
                "codice": f"TR-{o + 1:04d}",
                "sottosezione": sotto,
                "riferimento_normativo": "d.lgs. 33/2013",
                "contenuto": f"Dati e documenti {o + 1}",
                "responsabile_dati": uo(),
                "responsabile_pubblicazione": "UO-SEG",
                "aggiornamento": "annuale",
            }
        )
    files["rischi_corruttivi"] = {
        "redazione": {
            "rpct": "Segretario di prova",
            "atto_obiettivi_strategici": "Deliberazione G.C. n. 5",
        },
        "pna_riferimento": ["PNA 2025 - delibera ANAC n. 19/2026"],
        "obiettivi_strategici": [
            {
                "codice": "AC-01",
                "titolo": "Integrità",
                "indicatori": [_indicatore(rnd, "AC-01-I1", "Controlli")],
            }
        ],
        "contesto_esterno": {"analisi": "Analisi del contesto esterno."},
        "contesto_interno": {
            "analisi": "Analisi del contesto interno.",
            "dipendenti_al_31_12": dipendenti,
        },
        "processi": processi,
        "misure": misure,
        "monitoraggio": {"soggetto": "RPCT", "periodicita": "semestrale"},
        "trasparenza": {
            "obblighi": obblighi,
            "accesso_civico": {"registro_accessi": True, "responsabile": "UO-SEG"},
        },
    }
    files["organizzazione"] = {
        "modello_organizzativo": "Modello per aree e servizi.",
        "unita": unita,
    }
    files["lavoro_agile"] = {
        "contratto_collettivo": "CCNL Funzioni Locali 2022-2024",
        "requisiti": dict.fromkeys(
            (
                "invarianza_servizi",
                "rotazione_prevalenza_presenza",
                "piattaforme_riservatezza",
                "smaltimento_arretrato",
                "dotazioni_informatiche",
            ),
            "Garantito dal regolamento dell'ente.",
        ),
    }
    spesa = dipendenti * 34000.0
    entrate = spesa / 0.22
    files["fabbisogni_personale"] = {
        "consistenza": {
            "al": D(2025, 12, 31),
            "personale": [
                {
                    "area": "istruttori",
                    "profilo": "Istruttore amministrativo",
                    "numero": dipendenti - 1,
                },
                {"area": "segretario", "profilo": "Segretario", "numero": 1},
            ],
        },
        "capacita_assunzionale": {
            "spesa_personale": {"rendiconto": 2024, "importo": spesa},
            "entrate_correnti": {2022: entrate, 2023: entrate, 2024: entrate},
            "fcde": {"anno": 2024, "importo": round(entrate * 0.02, 2)},
            "spesa_personale_prevista": dict.fromkeys(TRIENNIO, spesa),
            "spesa_personale_dup": dict.fromkeys(TRIENNIO, spesa),
        },
        "cessazioni": [{"anno": 2026, "area": "istruttori", "numero": 1}],
        "stima_evoluzione_fabbisogni": "Fabbisogno stabile.",
        "assunzioni": [
            {
                "codice": f"ASS-{h + 1:04d}",
                "anno": TRIENNIO[h % 3],
                "area": "istruttori",
                "profilo": "Istruttore",
                "unita": uo(),
                "numero": 1,
                "modalita": "concorso",
                "costo_annuo": 33000.0,
            }
            for h in range(dim.assunzioni)
        ],
        "strategia_copertura": "Concorsi e mobilità.",
        "strategia_formazione": "Vedi formazione.",
        "eccedenze": {"presenti": False},
    }
    files["formazione"] = {
        "priorita": [{"codice": "PF-01", "titolo": "Competenze digitali"}],
        "ore_pro_capite": dict.fromkeys(TRIENNIO, 40),
        "obiettivi_performance": [pf_formazione] if pf_formazione else [],
        "syllabus": {"adesione": True, "copertura_personale": {2026: 80}},
        "corsi": [
            {
                "codice": f"FOR-{c + 1:04d}",
                "titolo": f"Corso {c + 1}",
                "tema": "anticorruzione" if c == 0 else "digitale",
                "ore": 8,
                "partecipanti": 20,
                "priorita": ["PF-01"],
            }
            for c in range(dim.corsi)
        ],
    }
    donne = dipendenti // 2
    files["pari_opportunita"] = {
        "personale_per_genere": {
            "al": D(2025, 12, 31),
            "donne": donne,
            "uomini": dipendenti - donne,
        },
        "azioni": [
            {
                "codice": "PO-01",
                "titolo": "Conciliazione",
                "ambito": "conciliazione",
                "responsabile": "UO-SEG",
                "scadenza": D(2026, 12, 31),
                "indicatori": [_indicatore(rnd, "PO-01-I1", "Adesioni")],
            }
        ],
        "commissioni_concorso": {"quota_minima_donne": "1/3"},
    }
    if regime == "ordinario":
        files["monitoraggio"] = {
            "sezioni": [{"sezione": s, "soggetti": ["OIV"]} for s in ("2.1", "2.2", "2.3", "3.1")],
            "soddisfazione_utenti": [
                {"codice": "CS-01", "strumento": "Questionario", "responsabile": "UO-SEG"}
            ],
            "report_integrato": {"soggetto": "Segretario generale"},
        }
    return files


def scrivi(files: dict[str, dict[str, Any]], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 120
    yaml.representer.ignore_aliases = lambda *_: True  # shared lists are written in full
    for key, data in files.items():
        with (folder / f"{key}.yaml").open("w", encoding="utf-8") as handle:
            handle.write(f"# yaml-language-server: $schema=../../schemas/{key}.schema.json\n")
            yaml.dump(data, handle)


_RIFERIMENTO = re.compile(
    r"^(\s*(?:- )?(?:unita|padre|unita_responsabile|responsabile|responsabile_dati|"
    r"responsabile_pubblicazione|valore_pubblico): )([A-Z]+-[0-9A-Z-]+)$"
)
_TESTO = re.compile(r"^(\s*(?:- )?(?:titolo|descrizione|denominazione|nome): [A-Za-z][^#:'\"]*)$")


def bozza(folder: Path, per_file: int | None) -> int:
    """Turn a generated plan into a draft, as offices check them: in every file, `per_file`
    references to codes that do not exist (located errors) and one text cut by « #»
    (SC009); every reference when `per_file` is None. Returns how many were changed."""
    cambiati = 0
    for path in sorted(folder.glob("*.yaml")):
        righe = path.read_text(encoding="utf-8").split("\n")
        rotti = 0
        tagliato = False
        for i, riga in enumerate(righe):
            if (m := _RIFERIMENTO.match(riga)) and (per_file is None or rotti < per_file):
                righe[i] = f"{m.group(1)}{m.group(2)}-BOZZA"
                rotti += 1
            elif not tagliato and _TESTO.match(riga):
                righe[i] = f"{riga} #bozza da rivedere"
                tagliato = True
            else:
                continue
            cambiati += 1
        path.write_text("\n".join(righe), encoding="utf-8")
    return cambiati


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", choices=sorted(DIMENSIONI), default="medio")
    parser.add_argument(
        "--count", type=int, default=1, help="number of plans (each in its own folder)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    dim = DIMENSIONI[args.size]
    if args.count == 1:
        scrivi(genera(dim, args.seed, f"Comune sintetico {args.size}"), args.out)
    else:
        for i in range(args.count):
            seed = args.seed + i
            scrivi(
                genera(dim, seed, f"Comune sintetico {seed}"),
                args.out / f"comune-{seed:05d}" / "2026-2028",
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
