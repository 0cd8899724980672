"""Sections 3–5 and the annex of the monitoring report: the 2.3 measures by state, the
section-3 facts (hires, cessations, training, lavoro agile, positive actions), user
satisfaction (`soddisfazione.indici`) and the period's findings, located."""

from __future__ import annotations

from typing import TYPE_CHECKING

from piao.lingua import quanti
from piao.model.periodo import Attuazione, StatoAttuazione
from piao.periodi.regole import misura_dovuta
from piao.periodi.soddisfazione import indici
from piao.render.document import Blocco, Definizioni, Paragrafo, Sezione, Tabella
from piao.render.etichette import etichetta
from piao.render.formatting import data, numero, percentuale

if TYPE_CHECKING:
    from piao.rapporti.monitoraggio import Fonti

STATI: tuple[StatoAttuazione, ...] = ("attuata", "parzialmente_attuata", "in_corso", "non_attuata")

_GRAVITA = {"error": "Errore", "warning": "Avviso", "info": "Informazione"}


def _v(v: object) -> str:
    if v is None:
        return "—"
    if isinstance(v, float | int) and not isinstance(v, bool):
        return numero(v)
    return str(v)


def stati_misure(f: Fonti) -> dict[StatoAttuazione, int]:
    dati = f.letto.dati
    out = dict.fromkeys(STATI, 0)
    for a in dati.misure.values() if dati is not None else []:
        out[a.stato] += 1
    return out


def _riga_attuazione(codice: str, titolo: str, atteso: object, a: Attuazione) -> tuple[str, ...]:
    return (
        f"{codice} {titolo}".strip(),
        _v(atteso),
        _v(a.valore_rilevato),
        a.motivo or a.note or "—",
        data(a.data) if a.data else "—",
    )


def sezione_misure(f: Fonti, n: str) -> Sezione:
    dati = f.letto.dati
    rc = f.piano.rischi_corruttivi
    misure = {m.codice: m for m in rc.misure} if rc else {}
    scritte = dati.misure if dati is not None else {}
    blocchi: list[Blocco] = [
        Paragrafo(
            "Stato di attuazione delle misure di prevenzione della corruzione e della "
            "trasparenza alla fine del periodo, con il valore rilevato del loro indicatore e, "
            "per quelle non attuate del tutto, il motivo."
        )
    ]
    for stato in STATI:
        righe = tuple(
            _riga_attuazione(
                c,
                misure[c].titolo if c in misure else "",
                misure[c].valore_atteso if c in misure else None,
                a,
            )
            for c, a in scritte.items()
            if a.stato == stato
        )
        if righe:
            blocchi.append(
                Tabella(
                    f"Misure: {etichetta(stato).lower()} ({len(righe)})",
                    ("Misura", "Valore atteso", "Valore rilevato", "Motivo e note", "Data"),
                    righe,
                    (34, 14, 14, 28, 10),
                )
            )
    mancanti = [
        m
        for m in misure.values()
        if m.codice not in scritte and misura_dovuta(m, f.raggiungimento.periodo)
    ]
    if mancanti:
        blocchi.append(
            Paragrafo(
                f"Dovute nel periodo e senza stato di attuazione: "
                f"{quanti(len(mancanti), 'misura', 'misure')} — "
                + "; ".join(f"{m.codice} {m.titolo}" for m in mancanti)
                + ".",
                "evidenza",
            )
        )
    if not scritte and not mancanti:
        blocchi.append(Paragrafo("Il file del periodo non riporta misure.", "nota"))
    return Sezione(
        "monitoraggio-misure", n, "Misure di prevenzione (sottosezione 2.3)", 1, tuple(blocchi)
    )


def sezione_personale(f: Fonti, n: str) -> Sezione:
    dati = f.letto.dati
    assert dati is not None
    piano = f.piano
    anno = f.raggiungimento.periodo.anno
    figli: list[Sezione] = []

    def figlio(ancora: str, titolo: str, blocchi: list[Blocco]) -> None:
        figli.append(Sezione(ancora, f"{n}.{len(figli) + 1}", titolo, 2, tuple(blocchi)))

    fp = piano.fabbisogni_personale
    programmate = {a.codice: a for a in fp.assunzioni} if fp else {}
    righe = []
    for c, a in programmate.items():
        if a.anno != anno and c not in dati.assunzioni:
            continue
        fatta = dati.assunzioni.get(c)
        righe.append(
            (
                f"{c} {a.profilo or etichetta(a.area or '') or ''}".strip(),
                numero(a.numero),
                numero(fatta.effettuate) if fatta else "0",
                etichetta(fatta.modalita) if fatta and fatta.modalita else "—",
                (fatta.motivo if fatta else None) or "—",
            )
        )
    blocchi: list[Blocco] = []
    if righe:
        blocchi.append(
            Tabella(
                f"Assunzioni programmate per il {anno} ed effettuate nel periodo",
                ("Assunzione", "Programmate", "Effettuate", "Modalità", "Motivo"),
                tuple(righe),
                (32, 12, 12, 18, 26),
                totale=(
                    "Totale",
                    numero(sum(a.numero for c, a in programmate.items() if a.anno == anno)),
                    numero(sum(x.effettuate for x in dati.assunzioni.values())),
                    "",
                    "",
                ),
            )
        )
    else:
        blocchi.append(
            Paragrafo("Nessuna assunzione programmata per l'anno né effettuata.", "nota")
        )
    figlio("monitoraggio-assunzioni", "Assunzioni", blocchi)
    ces = dati.cessazioni
    figlio(
        "monitoraggio-cessazioni",
        "Cessazioni",
        [
            Tabella(
                f"Cessazioni nel periodo: {numero(sum(c.numero for c in ces))}",
                ("Data", "Area", "Profilo", "Numero", "Motivo"),
                tuple(
                    (
                        data(c.data),
                        etichetta(c.area) if c.area else "—",
                        c.profilo or "—",
                        numero(c.numero),
                        etichetta(c.motivo) if c.motivo else "—",
                    )
                    for c in ces
                ),
                (16, 20, 30, 10, 24),
            )
            if ces
            else Paragrafo("Nessuna cessazione nel periodo.", "nota")
        ],
    )
    fo, fd = piano.formazione, dati.formazione
    corsi = {c.codice: c for c in fo.corsi} if fo else {}
    blocchi = []
    if fd is not None and fd.corsi:
        blocchi.append(
            Tabella(
                "Corsi erogati nel periodo",
                ("Corso", "Ore previste", "Ore erogate", "Partecipanti", "Ore complessive"),
                tuple(
                    (
                        f"{c} {corsi[c].titolo if c in corsi else ''}".strip(),
                        numero(corsi[c].ore) if c in corsi else "—",
                        numero(e.ore),
                        numero(e.partecipanti),
                        numero(e.ore_complessive) if e.ore_complessive is not None else "—",
                    )
                    for c, e in fd.corsi.items()
                ),
                (38, 14, 14, 14, 20),
            )
        )
    previste = fo.ore_pro_capite.get(anno) if fo else None
    if (fd is not None and fd.ore_pro_capite is not None) or previste is not None:
        blocchi.append(
            Definizioni(
                (
                    (f"Ore pro capite previste per il {anno}", _v(previste)),
                    (
                        "Ore pro capite fruite alla fine del periodo",
                        _v(fd.ore_pro_capite if fd else None),
                    ),
                )
            )
        )
    figlio(
        "monitoraggio-formazione",
        "Formazione",
        blocchi or [Paragrafo("Il file del periodo non riporta la formazione.", "nota")],
    )
    la = dati.lavoro_agile
    pla = piano.lavoro_agile
    figlio(
        "monitoraggio-lavoro-agile",
        "Lavoro agile",
        [
            Definizioni(
                (
                    ("Accordi individuali in vigore", numero(la.accordi)),
                    ("Giornate di lavoro agile nel periodo", numero(la.giornate)),
                    (
                        f"Lavoratori agili previsti per il {anno}",
                        _v(pla.lavoratori_agili.get(anno) if pla else None),
                    ),
                    ("Lavoratori con attività compatibili", _v(la.lavoratori_potenziali)),
                )
            )
            if la is not None
            else Paragrafo("Il file del periodo non riporta il lavoro agile.", "nota")
        ],
    )
    po = piano.pari_opportunita
    azioni = {a.codice: a for a in po.azioni} if po else {}
    figlio(
        "monitoraggio-azioni-positive",
        "Azioni positive",
        [
            Tabella(
                "Stato delle azioni positive",
                ("Azione", "Stato", "Valore rilevato", "Motivo e note", "Data"),
                tuple(
                    (
                        f"{c} {azioni[c].titolo if c in azioni else ''}".strip(),
                        etichetta(a.stato),
                        _v(a.valore_rilevato),
                        a.motivo or a.note or "—",
                        data(a.data) if a.data else "—",
                    )
                    for c, a in dati.azioni_positive.items()
                ),
                (34, 14, 12, 30, 10),
            )
            if dati.azioni_positive
            else Paragrafo("Il file del periodo non riporta azioni positive.", "nota")
        ],
    )
    return Sezione(
        "monitoraggio-personale",
        n,
        "Organizzazione e capitale umano (sezione 3)",
        1,
        (),
        tuple(figli),
    )


def sezione_soddisfazione(f: Fonti, n: str) -> Sezione:
    dati = f.letto.dati
    assert dati is not None
    righe = tuple(
        (
            i.rilevazione,
            i.servizio or "Tutta la rilevazione",
            i.canale or "—",
            "—" if i.indice is None else percentuale(i.indice, 1),
            "—" if i.campione is None else numero(i.campione),
            "—" if i.tasso_risposta is None else percentuale(i.tasso_risposta, 1),
            "; ".join(i.note) or "—",
        )
        for i in indici(dati)
    )
    blocchi: list[Blocco] = [
        Paragrafo(
            "Indice di soddisfazione per rilevazione, servizio e canale (da 0 a 100): per le "
            "emoticon la quota di giudizi positivi, per i questionari la media delle risposte "
            "riportata a 0–100. Sotto i 30 rispondenti l'indice è solo indicativo (soglia "
            "convenzionale di piao, non di legge)."
        )
    ]
    blocchi.append(
        Tabella(
            "Soddisfazione degli utenti",
            (
                "Rilevazione",
                "Servizio",
                "Canale",
                "Indice",
                "Risposte",
                "Tasso di risposta",
                "Note",
            ),
            righe,
            (10, 20, 10, 9, 9, 10, 32),
        )
        if righe
        else Paragrafo("Il file del periodo non riporta rilevazioni della soddisfazione.", "nota")
    )
    return Sezione("monitoraggio-soddisfazione", n, "Soddisfazione degli utenti", 1, tuple(blocchi))


def sezione_rilievi(f: Fonti) -> Sezione:
    blocchi: list[Blocco] = [
        Paragrafo(
            "I rilievi del controllo dei dati del periodo (piao monitoraggio check): dicono che "
            "cosa è incompleto o da verificare, e dove."
        )
    ]
    blocchi.append(
        Tabella(
            "Rilievi del periodo",
            ("Gravità", "Codice", "Dove", "Rilievo"),
            tuple(
                (
                    _GRAVITA.get(x.severity.value, x.severity.value),
                    x.code,
                    str(x.location),
                    x.message,
                )
                for x in f.findings
            ),
            (10, 8, 22, 60),
        )
        if f.findings
        else Paragrafo("Nessun rilievo: i dati del periodo sono completi.", "nota")
    )
    return Sezione(
        "monitoraggio-rilievi",
        "Allegato",
        "Rilievi del periodo",
        1,
        tuple(blocchi),
        orizzontale=True,
    )
