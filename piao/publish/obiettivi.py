"""Open data of sections 2.1 and 2.2: indicators (with history, targets of every year, the
target of the triennio, weights), objectives with their links, phases of the objectives
measured by progress, funded interventions and the programme architecture."""

from __future__ import annotations

from piao.model import Piano
from piao.model.base import Indicatore
from piao.model.valore_pubblico import CollegamentoDup, MisuraPnrr
from piao.publish.tabella import TabellaAperta


def _data(valore: object) -> str:
    iso = getattr(valore, "isoformat", None)
    return iso() if iso is not None else ""


def _vuoto(valore: object) -> object:
    return "" if valore is None else valore


def indicatori(piano: Piano) -> TabellaAperta:
    """One row per indicator of 2.1 (external and internal value, energy saving), 2.2 and the
    strategic objectives of 2.3; one target column per year that any indicator targets (the
    triennio first, then the others, e.g. the end of the mandate), one history column per year
    measured in the past."""
    righe: list[tuple[str, str, str, str | None, Indicatore]] = []
    vp, pf, rc = piano.valore_pubblico, piano.performance, piano.rischi_corruttivi
    if vp is not None:
        righe += [
            ("valore_pubblico", o.codice, o.titolo, o.unita_responsabile, i)
            for o in vp.obiettivi
            for i in o.indicatori
        ]
        righe += [
            ("salute", o.codice, o.titolo, o.unita_responsabile, i)
            for o in vp.salute
            for i in o.indicatori
        ]
        righe += [
            ("risparmio_energetico", o.codice, o.titolo, o.responsabile, i)
            for o in vp.risparmio_energetico
            for i in o.indicatori
        ]
    if pf is not None:
        righe += [
            ("performance", o.codice, o.titolo, o.unita_responsabile, i)
            for o in pf.obiettivi
            for i in o.indicatori
        ]
    if rc is not None:
        righe += [
            ("anticorruzione", o.codice, o.titolo, o.responsabile, i)
            for o in rc.obiettivi_strategici
            for i in o.indicatori
        ]
    triennio = piano.anagrafica.triennio.anni
    oltre = sorted({a for *_, i in righe for a in i.target} - set(triennio))
    anni = [*triennio, *oltre]
    storici = sorted({a for *_, i in righe for a in i.storico})
    return TabellaAperta(
        "obiettivi-indicatori.csv",
        "Obiettivi e indicatori",
        "Obiettivi di valore pubblico, di salute dell'ente, di performance e di prevenzione della "
        "corruzione, con indicatori (formula di calcolo e fonte dei dati), valori storici e di partenza, target annuali o del triennio e pesi.",
        (
            "livello",
            "codice_obiettivo",
            "obiettivo",
            "codice_indicatore",
            "indicatore",
            "unita_misura",
            "formula",
            "fonte",
            "polarita",
            "baseline_anno",
            "baseline_valore",
            *[f"target_{a}" for a in anni],
            "unita_responsabile",
            "target_triennio",
            "anno_riferimento",
            "peso",
            *[f"storico_{a}" for a in storici],
        ),
        tuple(
            (
                livello,
                codice,
                titolo,
                i.codice,
                i.descrizione,
                i.unita_misura or "",
                i.formula or "",
                i.fonte or "",
                i.polarita or "",
                i.baseline.anno if i.baseline else "",
                i.baseline.valore if i.baseline else "",
                *[i.target.get(a, "") for a in anni],
                responsabile or "",
                _vuoto(i.target_triennio),
                _vuoto(i.anno_riferimento),
                _vuoto(i.peso),
                *[i.storico.get(a, "") for a in storici],
            )
            for livello, codice, titolo, responsabile, i in righe
        ),
    )


def _pnrr(m: MisuraPnrr | None) -> str:
    """«M1C1 1.4.1»: the code of a PNRR measure."""
    if m is None:
        return ""
    return m.missione + (m.componente or "") + (f" {m.misura}" if m.misura else "")


def _dup(d: CollegamentoDup | None) -> tuple[str, str, str, str, str, str]:
    if d is None:
        return ("", "", "", "", "", "")
    return (
        " ".join(d.obiettivi_strategici),
        " ".join(d.obiettivi_operativi),
        d.obiettivo_strategico or "",
        d.obiettivo_operativo or "",
        d.missione or "",
        d.programma or "",
    )


def _obiettivi(piano: Piano) -> TabellaAperta:
    vp, pf = piano.valore_pubblico, piano.performance
    righe: list[tuple[object, ...]] = []
    for o in vp.obiettivi if vp else []:
        righe.append(
            (
                "valore_pubblico",
                o.codice,
                o.titolo,
                "",
                " ".join(o.linee_programmatiche),
                *_dup(o.dup),
                o.responsabile_politico or "",
                o.unita_responsabile or "",
                " ".join(o.dimensioni),
                "",
                "",
                "",
                "",
                "",
            )
        )
    for s in vp.salute if vp else []:
        righe.append(
            (
                "salute",
                s.codice,
                s.titolo,
                "",
                "",
                *_dup(None),
                "",
                s.unita_responsabile or "",
                s.dimensione,
                "",
                "",
                "",
                "",
                "",
            )
        )
    for p in pf.obiettivi if pf else []:
        righe.append(
            (
                "performance",
                p.codice,
                p.titolo,
                p.valore_pubblico or "",
                "",
                *_dup(p.dup),
                "",
                p.unita_responsabile or "",
                p.dimensione or "",
                p.orizzonte or "",
                _vuoto(p.peso),
                _data(p.scadenza),
                p.assegnatario or "",
                _pnrr(p.pnrr),
            )
        )
    return TabellaAperta(
        "obiettivi.csv",
        "Obiettivi di valore pubblico e di performance",
        "Un obiettivo per riga, con i collegamenti alle linee di mandato, al DUP (obiettivi "
        "strategici e operativi, missione e programma), al valore pubblico e al PNRR, i "
        "responsabili, il peso e la scadenza.",
        (
            "livello",
            "codice",
            "obiettivo",
            "valore_pubblico",
            "linee_programmatiche",
            "obiettivi_strategici_dup",
            "obiettivi_operativi_dup",
            "obiettivo_strategico_dup_testo",
            "obiettivo_operativo_dup_testo",
            "missione",
            "programma",
            "responsabile_politico",
            "unita_responsabile",
            "dimensione",
            "orizzonte",
            "peso",
            "scadenza",
            "assegnatario",
            "misura_pnrr",
        ),
        tuple(righe),
    )


def tabelle_obiettivi(piano: Piano) -> list[TabellaAperta]:
    """The tables of 2.1 and 2.2 besides the indicators: objectives (when either file is
    there), phases, funded interventions and programme architecture (when the plan has any)."""
    vp, pf = piano.valore_pubblico, piano.performance
    out: list[TabellaAperta] = []
    if vp is None and pf is None:
        return out
    out.append(_obiettivi(piano))
    fasi = [(o.codice, n, f) for o in (pf.obiettivi if pf else []) for n, f in enumerate(o.fasi, 1)]
    if fasi:
        out.append(
            TabellaAperta(
                "fasi-obiettivi.csv",
                "Fasi degli obiettivi di performance",
                "Fasi degli obiettivi misurati per stato di avanzamento, con peso, inizio, fine e "
                "risultato atteso.",
                (
                    "codice_obiettivo",
                    "numero_fase",
                    "fase",
                    "peso",
                    "inizio",
                    "fine",
                    "risultato_atteso",
                    "consuntivo",
                ),
                tuple(
                    (
                        codice,
                        n,
                        f.titolo,
                        _vuoto(f.peso),
                        _data(f.inizio),
                        _data(f.fine),
                        f.risultato_atteso or "",
                        _vuoto(f.consuntivo),
                    )
                    for codice, n, f in fasi
                ),
            )
        )
    if vp is not None and vp.interventi_finanziati:
        out.append(
            TabellaAperta(
                "interventi-finanziati.csv",
                "Interventi finanziati dal PNRR e da altri fondi",
                "Interventi finanziati con fonte, misura del PNRR, importo, CUP, unità responsabile, "
                "scadenza e obiettivi collegati.",
                (
                    "codice",
                    "intervento",
                    "finanziamento",
                    "misura_pnrr",
                    "misura_pnrr_denominazione",
                    "importo",
                    "cup",
                    "unita_responsabile",
                    "scadenza",
                    "obiettivi_collegati",
                ),
                tuple(
                    (
                        x.codice,
                        x.titolo,
                        x.finanziamento or "",
                        _pnrr(x.misura_pnrr),
                        (x.misura_pnrr.denominazione or "") if x.misura_pnrr else "",
                        _vuoto(x.importo),
                        x.cup or "",
                        x.unita_responsabile or "",
                        _data(x.scadenza),
                        " ".join(x.obiettivi_collegati),
                    )
                    for x in vp.interventi_finanziati
                ),
            )
        )
    arch = vp.architettura_programmatica if vp is not None else None
    if arch is not None:
        righe: list[tuple[object, ...]] = [
            ("linea_programmatica", x.codice, x.titolo, "", "", "", "")
            for x in arch.linee_programmatiche
        ]
        righe += [
            (
                "obiettivo_strategico",
                x.codice,
                x.titolo,
                " ".join(x.linee_programmatiche),
                x.missione or "",
                "",
                "",
            )
            for x in arch.obiettivi_strategici
        ]
        righe += [
            (
                "obiettivo_operativo",
                x.codice,
                x.titolo,
                " ".join(x.obiettivi_strategici),
                x.missione or "",
                x.programma or "",
                x.responsabile_politico or "",
            )
            for x in arch.obiettivi_operativi
        ]
        out.append(
            TabellaAperta(
                "architettura-programmatica.csv",
                "Linee di mandato e obiettivi del DUP",
                "Linee programmatiche di mandato, obiettivi strategici e operativi del DUP, ciascuno "
                "con i codici del livello superiore che attua.",
                (
                    "livello",
                    "codice",
                    "titolo",
                    "collegati",
                    "missione",
                    "programma",
                    "responsabile_politico",
                ),
                tuple(righe),
            )
        )
    return out
