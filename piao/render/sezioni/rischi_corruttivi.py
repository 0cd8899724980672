"""Sottosezione 2.3 Rischi corruttivi e trasparenza (`rischi_corruttivi.yaml`): its
sub-parts 2.3.1-2.3.6 and annexes 1 (processes), 2 (measures) and 3 (transparency
obligations)."""

from __future__ import annotations

from collections import Counter

from piao.lingua import quanti
from piao.model.rischi_corruttivi import (
    ContestoInterno,
    FaseMisura,
    MonitoraggioMisure,
    Processo,
    Responsabili,
    RischiCorruttivi,
    Trasparenza,
    elenco_responsabili,
)
from piao.render.allegati import MISURE, OBBLIGHI, PROCESSI
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Definizioni, Elenco, Figura, Paragrafo, Tabella
from piao.render.etichette import etichetta
from piao.render.formatting import data, numero, se, sino
from piao.render.indicatori import tabella_indicatori
from piao.render.matrice import matrici_rischio
from piao.render.parte import Annesso, Capitolo, Parte
from piao.render.sezioni.rischi_valutazione import (
    eventi_per_fase,
    legenda_indicatori,
    motivazione,
    tabella_stime,
)
from piao.render.tabelle import Colonna, definizioni, tabella

NON_COMPILATA = "Analisi non compilata."

RUOLI = {
    "referente": "Referente del RPCT",
    "upd": "Ufficio procedimenti disciplinari (UPD)",
    "rasa": "Responsabile dell'Anagrafe per la stazione appaltante (RASA)",
    "cug": "Comitato unico di garanzia (CUG)",
    "oiv": "Organismo indipendente di valutazione (OIV)",
    "nucleo_di_valutazione": "Nucleo di valutazione",
    "societa_partecipata": "Società o ente partecipato",
    "gestore_antiriciclaggio": "Gestore delle segnalazioni antiriciclaggio",
    "altro": "Altro",
    # Owners by role of measures and obligations.
    "tutti_i_dirigenti": "tutti i dirigenti",
    "tutti_i_responsabili": "tutti i responsabili",
    "tutti_i_rup": "tutti i RUP",
    "rpct": "RPCT",
}
TABELLA_PROCESSI = "Processi mappati, eventi rischiosi e valutazione"
TEMPI = {"per_ogni_atto": "per ogni atto", "per_ogni_procedura": "per ogni procedura"}


def responsabili(ctx: Contesto, valore: Responsabili | None) -> str:
    """Units by name and roles by label: «Segreteria generale, tutti i responsabili»."""
    return ", ".join(RUOLI.get(r) or ctx.unita(r) for r in elenco_responsabili(valore))


def _tempo(fase: FaseMisura) -> str:
    return data(fase.data) if fase.data else TEMPI.get(str(fase.scadenza), str(fase.scadenza))


def _soggetti(ctx: Contesto, rc: RischiCorruttivi) -> Tabella:
    return tabella(
        "Soggetti della strategia di prevenzione",
        rc.soggetti,
        Colonna("Ruolo", 22, lambda s: s.descrizione_ruolo or RUOLI[s.ruolo]),
        Colonna("Soggetto", 20, lambda s: s.nome or ""),
        Colonna("Unità", 16, lambda s: ctx.unita(s.unita)),
        Colonna("Atto", 18, lambda s: s.atto or ""),
        Colonna("Compiti", 24, lambda s: s.compiti or ""),
    )


def _introduzione(ctx: Contesto, rc: RischiCorruttivi) -> list[Blocco]:
    blocchi: list[Blocco] = []
    if rc.conferma is not None:
        c = rc.conferma
        blocchi.append(
            Paragrafo(
                f"Per il {ctx.anni[0]} la sottosezione adottata nel {c.anno_ultima_adozione_completa} è confermata con deliberazione della {etichetta(c.organo)} n. {c.numero} del {data(c.data)}: {c.motivazione}",
                "evidenza",
            )
        )
    if rc.redazione is not None:
        r = rc.redazione
        testo = f"La sottosezione è predisposta dal RPCT, {r.rpct or 'indicato nella scheda anagrafica'}"
        if r.atto_obiettivi_strategici:
            testo += (
                f", sulla base degli obiettivi strategici fissati con {r.atto_obiettivi_strategici}"
            )
        blocchi.append(Paragrafo(testo + "."))
    if rc.soggetti:
        blocchi.append(_soggetti(ctx, rc))
    if rc.pna_riferimento:
        blocchi.append(Paragrafo("Riferimenti: " + "; ".join(rc.pna_riferimento) + "."))
    if rc.consultazione_pubblica is not None:
        cp = rc.consultazione_pubblica
        blocchi.append(
            Paragrafo(
                f"Consultazione pubblica dal {data(cp.dal)} al {data(cp.al)} ({cp.canale}): {cp.contributi_ricevuti} contributi ricevuti."
            )
        )
    if rc.obiettivi_strategici:
        blocchi.append(
            tabella_indicatori(
                "Obiettivi strategici di prevenzione della corruzione e trasparenza",
                ((f"{o.codice} {o.titolo}", o.indicatori) for o in rc.obiettivi_strategici),
                ctx.anni,
            )
        )
    return blocchi


def _analisi(testo: str | None) -> Paragrafo:
    return Paragrafo(testo or NON_COMPILATA, "normale" if testo else "nota")


def _contesto_esterno(rc: RischiCorruttivi) -> tuple[Blocco, ...]:
    ce = rc.contesto_esterno
    blocchi: list[Blocco] = [_analisi(ce.analisi if ce else None)]
    fonti = ce.fonti if ce else []
    if fonti:
        blocchi += [Paragrafo("Fonti:"), Elenco(tuple(fonti))]
    return tuple(blocchi)


def _contesto_interno(ci: ContestoInterno | None) -> tuple[Blocco, ...]:
    if ci is None:
        return (Paragrafo(NON_COMPILATA, "nota"),)
    righe = []
    if ci.dipendenti_al_31_12 is not None:
        righe.append(("Personale in servizio al 31 dicembre", numero(ci.dipendenti_al_31_12)))
    if ci.eventi_corruttivi:
        righe.append(("Eventi corruttivi", ci.eventi_corruttivi))
    if ci.disfunzioni_amministrative:
        righe.append(("Disfunzioni amministrative", ci.disfunzioni_amministrative))
    blocchi: list[Blocco] = [_analisi(ci.analisi)]
    if righe:
        blocchi.append(Definizioni(tuple(righe)))
    return tuple(blocchi)


def _matrice(ctx: Contesto, rc: RischiCorruttivi) -> list[Figura]:
    livelli = tuple(rc.scala_valutazione)
    norm = [x.lower() for x in livelli]
    per_area: dict[str, list[list[str]]] = {}
    for p in rc.processi:
        area = ctx.ref.aree_rischio.get(p.area_rischio)
        nome = (
            p.area_rischio_descrizione
            if p.area_rischio == "altra" and p.area_rischio_descrizione
            else (area.denominazione if area else p.area_rischio)
        )
        celle = per_area.setdefault(nome, [[] for _ in livelli])
        giudizio = (rc.giudizio(p)[0] or "").lower()
        if giudizio in norm:
            celle[norm.index(giudizio)].append(p.codice)
    titolo = "Matrice del rischio: processi per area e livello di rischio"
    alt = (
        f"Tabella a colori: {quanti(len(per_area), 'area di rischio', 'aree di rischio')} per "
        f"{len(livelli)} livelli; ogni cella riporta il numero e i codici dei processi."
    )
    disegni = matrici_rischio(
        livelli,
        tuple((area, tuple(tuple(c) for c in celle)) for area, celle in per_area.items()),
        titolo,
        f"tabella «{TABELLA_PROCESSI}» dell'{PROCESSI.nome}",
    )
    return [Figura(d.titolo, d, alt) for d in disegni]


def _giudizio(rc: RischiCorruttivi, p: Processo) -> str:
    giudizio, derivato = rc.giudizio(p)
    return (giudizio or "") + (" (il più alto degli eventi)" if derivato else "")


def _metodo(rc: RischiCorruttivi) -> str:
    """How the plan rates risk, in one sentence."""
    m = rc.metodo_valutazione
    scala = ", ".join(rc.scala_valutazione)
    qualitativo = (
        f"Il rischio è valutato con un giudizio qualitativo e motivato sulla scala {scala}, a partire dai "
        "sei indicatori del PNA 2019 (Allegato 1) e secondo il criterio di prudenza."
    )
    if m is None or (m.tipo == "qualitativo" and not m.descrizione):
        return qualitativo
    descrizione = se(" (", m.descrizione, ")")
    testo = {
        "qualitativo": qualitativo[:-1] + descrizione + ".",
        "numerico": f"Il rischio è stimato con un metodo numerico{descrizione}; il livello è espresso sulla scala {scala}.",
        "misto": qualitativo[:-1] + f", affiancato da una stima numerica{descrizione}.",
    }[m.tipo]
    if m.soglie:
        testo += " Soglie del punteggio: " + ", ".join(
            f"{livello} da {numero(minimo)}" for livello, minimo in m.soglie.items()
        )
        testo += "."
    return testo


def _per_evento(rc: RischiCorruttivi) -> str:
    valutati = [p for p in rc.processi if any(e.valutazione for e in p.eventi_rischiosi)]
    if not valutati:
        return ""
    quanti = "un processo" if len(valutati) == 1 else f"{len(valutati)} processi"
    return (
        f" Per {quanti} il rischio è valutato per ciascun evento rischioso: dove il piano non indica il "
        "giudizio del processo, è il più alto tra quelli dei suoi eventi (criterio di prudenza, PNA 2019 "
        "Allegato 1)."
    )


def _mappatura(ctx: Contesto, rc: RischiCorruttivi) -> tuple[tuple[Blocco, ...], Annesso]:
    conteggio = Counter(rc.giudizio(p)[0] or "non valutato" for p in rc.processi)
    # «Allegato 1» of the PNA 2019 (its risk indicators) is not this document's annex.
    blocchi: list[Blocco] = [
        Paragrafo(
            f"{'È mappato' if len(rc.processi) == 1 else 'Sono mappati'} "
            f"{quanti(len(rc.processi), 'processo', 'processi')}. {_metodo(rc)}{_per_evento(rc)} "
            "Distribuzione: " + ", ".join(f"{n} {k}" for k, n in sorted(conteggio.items())) + ". "
            f"La mappatura completa è nell'{PROCESSI.nome}."
        )
        if rc.processi
        else Paragrafo("Il piano non contiene la mappatura dei processi.", "nota")
    ]
    if rc.processi:
        blocchi.extend(_matrice(ctx, rc))
    allegato = tabella(
        TABELLA_PROCESSI,
        rc.processi,
        Colonna("Codice", 6, lambda p: p.codice),
        Colonna("Processo", 15, lambda p: p.denominazione),
        Colonna(
            "Area di rischio", 12, lambda p: p.area_rischio_descrizione or etichetta(p.area_rischio)
        ),
        Colonna("Unità responsabile", 11, lambda p: ctx.unita(p.unita_responsabile)),
        Colonna(
            "Eventi rischiosi",
            20,
            lambda p: "; ".join(f"{e.codice} {e.descrizione}" for e in p.eventi_rischiosi),
        ),
        Colonna(
            "Fattori abilitanti",
            12,
            lambda p: ", ".join(etichetta(f) for f in p.fattori_abilitanti),
        ),
        Colonna("Giudizio", 7, lambda p: _giudizio(rc, p)),
        Colonna(
            "Motivazione",
            17,
            lambda p: (
                motivazione(p.valutazione)
                or (
                    "Valutazione per evento rischioso (tabella seguente)."
                    if rc.giudizio(p)[1]
                    else ""
                )
            ),
        ),
    )
    eventi, stime = eventi_per_fase(ctx, rc), tabella_stime(ctx, rc)
    dettagli: tuple[Blocco, ...] = (
        *((eventi,) if eventi.righe else ()),
        *((legenda_indicatori(), stime) if stime.righe else ()),
    )
    return tuple(blocchi), Annesso(PROCESSI, (allegato, *dettagli))


def _misure(ctx: Contesto, rc: RischiCorruttivi) -> tuple[tuple[Blocco, ...], Annesso]:
    generali = [m for m in rc.misure if m.tipo == "generale"]
    specifiche = [m for m in rc.misure if m.tipo == "specifica"]
    # «Each with phases, timing, owner...» only when each has them (real plans often do not).
    complete = all(
        m.fasi and m.responsabile and m.indicatore and m.valore_atteso for m in rc.misure
    )
    blocchi: list[Blocco] = [
        Paragrafo(
            f"Misure programmate: {quanti(len(generali), 'misura generale', 'misure generali')} e "
            f"{quanti(len(specifiche), 'misura specifica', 'misure specifiche')}"
            + (
                ", ciascuna con fasi, tempi, responsabile, indicatore e valore atteso"
                if complete
                else ""
            )
            + f" ({MISURE.nome})."
        ),
    ]
    if generali:
        blocchi.append(
            Elenco(
                tuple(
                    f"{m.codice} {m.titolo} — {responsabili(ctx, m.responsabile)}" for m in generali
                )
            )
        )
    allegato = tabella(
        "Misure generali e specifiche",
        rc.misure,
        Colonna("Codice", 6, lambda m: m.codice),
        Colonna("Misura", 20, lambda m: m.titolo + se(": ", m.descrizione)),
        Colonna(
            "Tipo",
            9,
            lambda m: etichetta(m.tipo) + (f" ({etichetta(m.categoria)})" if m.categoria else ""),
        ),
        Colonna("Processi", 14, lambda m: ctx.con_nomi(m.processi)),
        Colonna(
            "Fasi e scadenze",
            20,
            lambda m: "; ".join(f"{f.descrizione} ({_tempo(f)})" for f in m.fasi),
        ),
        Colonna("Responsabile", 11, lambda m: responsabili(ctx, m.responsabile)),
        Colonna("Indicatore", 13, lambda m: m.indicatore or ""),
        Colonna("Valore atteso", 9, lambda m: numero(m.valore_atteso)),
    )
    return tuple(blocchi), Annesso(MISURE, (allegato,))


def _monitoraggio_misure(m: MonitoraggioMisure | None) -> tuple[Blocco, ...]:
    if m is None:
        return (Paragrafo("Monitoraggio non descritto.", "nota"),)
    return (
        definizioni(
            None,
            ("Soggetto", m.soggetto),
            ("Periodicità", m.periodicita),
            ("Modalità", m.modalita),
            ("Riesame", m.riesame),
        ),
    )


def aggiornamento_obbligo(aggiornamento: str | None, termine_giorni: int | None) -> str:
    return (etichetta(aggiornamento) if aggiornamento else "") + (
        f" (entro {termine_giorni} giorni)" if termine_giorni else ""
    )


def _trasparenza(
    ctx: Contesto, t: Trasparenza | None
) -> tuple[tuple[Blocco, ...], tuple[Annesso, ...]]:
    if t is None:
        return (Paragrafo("Programmazione della trasparenza non compilata.", "nota"),), ()
    blocchi: list[Blocco] = []
    if t.obiettivi:
        blocchi += [Paragrafo("Obiettivi di trasparenza:"), Elenco(tuple(t.obiettivi))]
    frequenze = Counter(o.aggiornamento or "non indicata" for o in t.obblighi)
    blocchi.append(
        Paragrafo(
            f"Sono programmati {len(t.obblighi)} obblighi di pubblicazione in Amministrazione trasparente, con i responsabili della trasmissione e della pubblicazione dei dati ({OBBLIGHI.nome}). Frequenze: "
            + ", ".join(f"{n} {etichetta(k).lower()}" for k, n in sorted(frequenze.items()))
            + "."
        )
    )
    if t.monitoraggio:
        blocchi.append(Paragrafo(t.monitoraggio))
    if t.accesso_civico is not None:
        ac = t.accesso_civico
        blocchi.append(
            definizioni(
                "Accesso civico semplice e generalizzato",
                ("Registro degli accessi", sino(ac.registro_accessi)),
                ("Ufficio competente", ctx.unita(ac.responsabile)),
                ("Titolare del potere sostitutivo", ac.titolare_potere_sostitutivo),
                ("Modalità", ac.modalita),
            )
        )
    allegato = tabella(
        "Obblighi, responsabili e frequenze di aggiornamento",
        t.obblighi,
        Colonna("Codice", 6, lambda o: o.codice),
        Colonna("Sotto-sezione", 20, lambda o: " › ".join(o.sottosezione)),
        Colonna("Riferimento", 13, lambda o: o.riferimento_normativo or ""),
        Colonna("Contenuto", 25, lambda o: o.contenuto or ""),
        Colonna("Trasmissione", 12, lambda o: responsabili(ctx, o.responsabile_dati)),
        Colonna("Pubblicazione", 12, lambda o: responsabili(ctx, o.responsabile_pubblicazione)),
        Colonna(
            "Aggiornamento", 12, lambda o: aggiornamento_obbligo(o.aggiornamento, o.termine_giorni)
        ),
    )
    return tuple(blocchi), (Annesso(OBBLIGHI, (allegato,)),)


CAPITOLI = (
    "Contesto esterno",
    "Contesto interno",
    "Mappatura dei processi e valutazione del rischio",
    "Misure di prevenzione",
    "Monitoraggio delle misure",
    "Trasparenza e accesso civico",
)
"""The titled sub-parts of 2.3, in order: the document numbers them 2.3.1 ... 2.3.6, and the
audit points its elements at them by title."""


def costruisci(ctx: Contesto, rc: RischiCorruttivi) -> Parte:
    mappatura, processi = _mappatura(ctx, rc)
    misure, programmate = _misure(ctx, rc)
    trasparenza, obblighi = _trasparenza(ctx, rc.trasparenza)
    return Parte(
        tuple(_introduzione(ctx, rc)),
        tuple(
            Capitolo(titolo, blocchi)
            for titolo, blocchi in zip(
                CAPITOLI,
                (
                    _contesto_esterno(rc),
                    _contesto_interno(rc.contesto_interno),
                    mappatura,
                    misure,
                    _monitoraggio_misure(rc.monitoraggio),
                    trasparenza,
                ),
                strict=True,
            )
        ),
        (processi, programmate, *obblighi),
    )
