"""The sections of the Relazione sulla performance: presentation, results per public value
objective with each indicator's trend, per performance objective, per unit, resources,
individual performance (aggregate only), bilancio di genere, user satisfaction, approval
and validation with the deadline."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from piao.model.base import Indicatore
from piao.model.performance import ObiettivoPerformance
from piao.model.relazione import MINIMO_VALUTATI, DatiRelazione
from piao.periodi.raggiungimento import EsitoAggregato, EsitoIndicatore
from piao.periodi.soddisfazione import indici
from piao.rapporti.relazione_dati import cause
from piao.rapporti.relazione_scadenza import CONSEGUENZE, TERMINE
from piao.rapporti.relazione_trend import figura_andamento, serie
from piao.render.document import Blocco, Definizioni, Elenco, Paragrafo, Sezione, Tabella
from piao.render.etichette import etichetta
from piao.render.formatting import data, euro, numero

if TYPE_CHECKING:
    from piao.rapporti.relazione import DatiDellaRelazione


def pct(v: float | None) -> str:
    return "—" if v is None else f"{numero(round(v, 1))} %"


def segno(v: float | None) -> str:
    """The scostamento with its sign: «+2,4», «−3», «0»."""
    if v is None:
        return "—"
    testo = numero(round(abs(v), 2))
    return f"+{testo}" if v > 0 else f"−{testo}" if v < 0 else "0"


def valore(v: float | str | None) -> str:
    return "—" if v is None else numero(v)


def _relazione(d: DatiDellaRelazione) -> DatiRelazione:
    dati = d.letto.dati
    return dati.relazione if dati is not None and dati.relazione is not None else DatiRelazione()


def sezioni(d: DatiDellaRelazione) -> tuple[Sezione, ...]:
    parti = [
        ("presentazione", "Presentazione", _presentazione(d)),
        ("valore-pubblico", "Risultati per obiettivo di valore pubblico", _valore_pubblico(d)),
        ("performance", "Obiettivi di performance", _performance(d)),
        ("unita", "Risultati per unità organizzativa", _unita(d)),
        ("risorse", "Risorse", _risorse(d)),
        ("individuale", "Performance individuale", _individuale(d)),
        ("genere", "Bilancio di genere", _genere(d)),
        ("soddisfazione", "Soddisfazione degli utenti", _soddisfazione(d)),
        ("validazione", "Approvazione e validazione", _validazione(d)),
    ]
    return tuple(
        Sezione(ancora, str(n), titolo, 1, tuple(blocchi))
        for n, (ancora, titolo, blocchi) in enumerate(parti, start=1)
    )


def _conta(esiti: list[EsitoAggregato]) -> str:
    c: Counter[str] = Counter(e.esito for e in esiti)
    ordine = ("raggiunto", "parzialmente_raggiunto", "non_raggiunto", "non_rilevato")
    return ", ".join(f"{c[k]} {etichetta(k).lower()}" for k in ordine if c[k])


def _obiettivi_performance(d: DatiDellaRelazione) -> dict[str, ObiettivoPerformance]:
    out: dict[str, ObiettivoPerformance] = {}
    for o in d.piano.tutti("ObiettivoPerformance"):
        assert isinstance(o.model, ObiettivoPerformance)
        out[o.codice] = o.model
    return out


def _presentazione(d: DatiDellaRelazione) -> list[Blocco]:
    r = d.esito
    rel = _relazione(d)
    perf = _obiettivi_performance(d)
    obiettivi = [e for e in r.obiettivi if e.codice in perf]
    p = r.parametri
    origine = (
        "fissate nel piano" if p.dal_piano else "convenzione di piao: la legge non fissa soglie"
    )
    blocchi: list[Blocco] = []
    if d.bozza and d.errori:
        blocchi.append(
            Paragrafo(
                f"Bozza: il file {d.letto.name} ha {len(d.errori)} errori; i risultati "
                "possono cambiare quando saranno corretti.",
                "evidenza",
            )
        )
    blocchi += [Paragrafo(a, "evidenza") for a in d.scadenza.avvisi]
    if rel.presentazione:
        blocchi.append(Paragrafo(rel.presentazione))
    blocchi += [
        Paragrafo(
            f"La Relazione rendiconta i risultati dell'anno {d.anno} rispetto agli obiettivi "
            f"del PIAO {d.anagrafica.triennio.da}-{d.anagrafica.triennio.a}: valori misurati "
            f"nel file {d.letto.name}, target, partenze e pesi del piano. Obiettivi di "
            f"performance: {len(obiettivi)} ({_conta(obiettivi)}). Obiettivi di valore "
            f"pubblico: {len(r.valore_pubblico)} ({_conta(r.valore_pubblico)})."
        ),
        Paragrafo(
            "Il raggiungimento è calcolato, non dichiarato: per ogni indicatore dal valore "
            "misurato, dalla partenza, dal target e dal verso del piano, limitato a 0–100 %; "
            "poi media pesata per obiettivo, unità e obiettivo di valore pubblico. Fasce "
            f"({origine}): raggiunto da {pct(p.soglia_raggiunto)}, parzialmente raggiunto da "
            f"{pct(p.soglia_parziale)}. Le rettifiche approvate sostituiscono il calcolo e "
            "sono indicate.",
            "nota",
        ),
    ]
    return blocchi


def _indicatori_vp(d: DatiDellaRelazione, codice: str) -> list[Indicatore]:
    for o in d.piano.per_codice.get(codice, []):
        indicatori = getattr(o.model, "indicatori", None)
        if isinstance(indicatori, list):
            return [i for i in indicatori if isinstance(i, Indicatore)]
    return []


def _valore_pubblico(d: DatiDellaRelazione) -> list[Blocco]:
    misurati = {e.codice: e for e in d.esito.indicatori}
    blocchi: list[Blocco] = []
    for vp in d.esito.valore_pubblico:
        propri = (
            f"; indicatori di impatto {pct(vp.percentuale_indicatori)}"
            if (vp.percentuale_indicatori is not None)
            else ""
        )
        blocchi.append(
            Paragrafo(
                f"{vp.codice} {vp.titolo}: {pct(vp.percentuale)}, {etichetta(vp.esito).lower()} "
                f"(dagli obiettivi di performance {', '.join(vp.parti)}, {vp.pesi}{propri}).",
                "evidenza",
            )
        )
        indicatori = _indicatori_vp(d, vp.codice)
        if not indicatori:
            continue
        serie_vp = [(i, serie(i, d.anno, misurati.get(i.codice))) for i in indicatori]
        anni = sorted({p.anno for _, s in serie_vp for p in s})
        righe = tuple(
            (
                f"{i.codice} {i.descrizione}" + (f" ({i.unita_misura})" if i.unita_misura else ""),
                *(next((p.testo for p in s if p.anno == a), "") for a in anni),
            )
            for i, s in serie_vp
        )
        blocchi.append(
            Tabella(
                f"Andamento degli indicatori di {vp.codice} (partenza, anni precedenti, "
                f"{d.anno} misurato con il target tra parentesi, target degli anni seguenti "
                "con «→»)",
                ("Indicatore", *(str(a) for a in anni)),
                righe,
                (4, *(1 for _ in anni)),
            )
        )
        figura = figura_andamento(vp.codice, serie_vp, d.anno)
        if figura is not None:
            blocchi.append(figura)
    return blocchi or [Paragrafo("Nessun obiettivo di valore pubblico misurato.", "nota")]


def _performance(d: DatiDellaRelazione) -> list[Blocco]:
    perf = _obiettivi_performance(d)
    obiettivi = [e for e in d.esito.obiettivi if e.codice in perf]
    indicatori = [e for e in d.esito.indicatori if e.obiettivo in perf]
    blocchi: list[Blocco] = [
        Tabella(
            f"Obiettivi di performance {d.anno}: raggiungimento",
            ("Codice", "Obiettivo", "Unità", "Raggiungimento", "Esito"),
            tuple(
                (
                    e.codice,
                    e.titolo,
                    perf[e.codice].unita_responsabile or "—",
                    pct(e.percentuale) + (" (rettificato)" if e.rettifica else ""),
                    etichetta(e.esito),
                )
                for e in obiettivi
            ),
            (1, 5, 1, 1, 2),
        ),
        Tabella(
            f"Indicatori degli obiettivi di performance {d.anno}: target, valore, "
            "raggiungimento e scostamento (valore − target)",
            ("Indicatore", "Target", "Valore", "Raggiungimento", "Scostamento", "Esito"),
            tuple(_riga_indicatore(e) for e in indicatori),
            (4, 1, 1, 1, 1, 2),
        ),
    ]
    spiegati = []
    for e in indicatori:
        if e.esito in ("raggiunto",):
            continue
        testo = cause(d, e.codice)
        spiegati.append(
            f"{e.codice} ({etichetta(e.esito).lower()}, {pct(e.percentuale)}): "
            + (testo or "cause non indicate nel file dell'anno.")
        )
    if spiegati:
        blocchi += [Paragrafo("Cause degli scostamenti:"), Elenco(tuple(spiegati))]
    tutti: list[EsitoAggregato | EsitoIndicatore] = [*obiettivi, *indicatori]
    rettifiche = [e for e in tutti if e.rettifica is not None]
    if rettifiche:
        blocchi += [
            Paragrafo("Rettifiche del raggiungimento calcolato:"),
            Elenco(
                tuple(
                    f"{e.codice}: calcolato {pct(e.percentuale_calcolata)}, riconosciuto "
                    f"{pct(e.percentuale)} da {e.rettifica.approvata_da}"
                    + (f" ({e.rettifica.atto.atto})" if e.rettifica.atto else "")
                    + f". {e.rettifica.motivo}"
                    for e in rettifiche
                    if e.rettifica is not None
                )
            ),
        ]
    return blocchi


def _riga_indicatore(e: EsitoIndicatore) -> tuple[str, ...]:
    return (
        f"{e.codice} {e.descrizione}",
        valore(e.target),
        valore(e.valore),
        pct(e.percentuale),
        segno(e.scostamento),
        etichetta(e.esito),
    )


def _unita(d: DatiDellaRelazione) -> list[Blocco]:
    return [
        Tabella(
            "Raggiungimento per unità organizzativa (dagli obiettivi di cui è responsabile)",
            ("Codice", "Unità", "Raggiungimento", "Esito", "Obiettivi"),
            tuple(
                (u.codice, u.titolo, pct(u.percentuale), etichetta(u.esito), ", ".join(u.parti))
                for u in d.esito.unita
            ),
            (1, 4, 1, 2, 3),
        )
    ]


def _risorse(d: DatiDellaRelazione) -> list[Blocco]:
    risorse = _relazione(d).risorse
    if not risorse:
        return [Paragrafo("Il file dell'anno non indica risorse per obiettivo o unità.", "nota")]
    righe = []
    for codice, r in risorse.items():
        quota = (
            pct(r.impegnate / r.stanziate * 100) if r.impegnate is not None and r.stanziate else "—"
        )
        righe.append(
            (codice, euro(r.stanziate) or "—", euro(r.impegnate) or "—", quota, r.note or "")
        )
    return [
        Tabella(
            "Risorse finanziarie per obiettivo o unità (impegnate / stanziate)",
            ("Codice", "Stanziate", "Impegnate", "Impegno", "Note"),
            tuple(righe),
            (1, 2, 2, 1, 3),
        )
    ]


def _individuale(d: DatiDellaRelazione) -> list[Blocco]:
    rel = _relazione(d)
    blocchi: list[Blocco] = [
        Paragrafo(
            "Dati in forma aggregata: numero di persone per ruolo e fascia di valutazione. La "
            "Relazione non riporta la valutazione di nessuna persona nominata.",
            "nota",
        )
    ]
    if rel.obiettivi_individuali:
        blocchi.append(
            Tabella(
                "Obiettivi individuali assegnati",
                ("Ruolo", "Persone", "Obiettivi", "Obiettivi di performance collegati"),
                tuple(
                    (
                        etichetta(o.ruolo),
                        numero(o.persone),
                        valore(o.obiettivi),
                        ", ".join(o.obiettivi_performance) or "—",
                    )
                    for o in rel.obiettivi_individuali
                ),
                (3, 1, 1, 4),
            )
        )
    pubblicabili = rel.valutazioni_pubblicabili()
    if pubblicabili:
        ruoli = list(dict.fromkeys(v.ruolo for v in pubblicabili))
        fasce = list(dict.fromkeys(v.fascia for v in pubblicabili))
        conta: Counter[tuple[str, str]] = Counter()
        for v in pubblicabili:
            conta[(v.ruolo, v.fascia)] += v.numero
        blocchi.append(
            Tabella(
                "Distribuzione delle valutazioni finali per fascia (numero di persone)",
                ("Fascia", *(etichetta(r) for r in ruoli)),
                tuple((f, *(numero(conta[(r, f)]) for r in ruoli)) for f in fasce),
                (2, *(2 for _ in ruoli)),
                totale=(
                    "Totale",
                    *(numero(sum(conta[(r, f)] for f in fasce)) for r in ruoli),
                ),
            )
        )
    piccoli = [r for r, n in rel.valutati().items() if n < MINIMO_VALUTATI]
    if piccoli:
        blocchi.append(
            Paragrafo(
                f"La distribuzione delle valutazioni non è riportata per: "
                f"{', '.join(etichetta(r) for r in piccoli)}: con meno di {MINIMO_VALUTATI} "
                "persone valutate nel ruolo, la distribuzione renderebbe riconoscibile la "
                "valutazione di ciascuna (convenzione di piao a tutela della riservatezza).",
                "nota",
            )
        )
    if len(blocchi) == 1:
        blocchi.append(
            Paragrafo("Il file dell'anno non indica obiettivi individuali né valutazioni.", "nota")
        )
    return blocchi


def _genere(d: DatiDellaRelazione) -> list[Blocco]:
    dati = _relazione(d).bilancio_genere
    if not dati:
        return [Paragrafo("Il file dell'anno non indica dati del bilancio di genere.", "nota")]
    return [
        Tabella(
            "Bilancio di genere",
            ("Voce", "Donne", "Uomini", "Quota donne"),
            tuple(
                (
                    g.voce + (f" ({g.unita_misura})" if g.unita_misura else ""),
                    numero(g.donne),
                    numero(g.uomini),
                    pct(g.donne / (g.donne + g.uomini) * 100) if g.donne + g.uomini else "—",
                )
                for g in dati
            ),
            (4, 1, 1, 1),
        )
    ]


def _soddisfazione(d: DatiDellaRelazione) -> list[Blocco]:
    dati = d.letto.dati
    trovati = indici(dati) if dati is not None else []
    if not trovati:
        return [Paragrafo("Nessuna rilevazione della soddisfazione nel file dell'anno.", "nota")]
    return [
        Tabella(
            "Indici di soddisfazione degli utenti (0–100)",
            ("Rilevazione", "Servizio", "Canale", "Indice", "Campione", "Note"),
            tuple(
                (
                    i.rilevazione,
                    i.servizio or "tutta la rilevazione",
                    etichetta(i.canale) if i.canale else "—",
                    pct(i.indice),
                    valore(i.campione),
                    "; ".join(i.note),
                )
                for i in trovati
            ),
            (1, 3, 1, 1, 1, 4),
        )
    ]


def _validazione(d: DatiDellaRelazione) -> list[Blocco]:
    rel = _relazione(d)
    s = d.scadenza
    righe = [("Termine", data(s.termine))]
    righe.append(
        (
            "Approvazione della Giunta",
            f"{rel.approvazione.atto} del {data(rel.approvazione.data)}"
            if rel.approvazione
            else "non indicata",
        )
    )
    if rel.rendiconto:
        righe.append(
            (
                "Unificata al rendiconto (art. 10 c.1-bis)",
                f"{rel.rendiconto.atto} del {data(rel.rendiconto.data)}",
            )
        )
    v = rel.validazione
    if v is None:
        righe.append(("Validazione", "non ancora registrata"))
    else:
        righe += [
            ("Validazione", f"{v.organismo}, {data(v.data)}" + (f", {v.atto}" if v.atto else "")),
            ("Esito", etichetta(v.esito)),
        ]
        if v.osservazioni:
            righe.append(("Osservazioni", v.osservazioni))
    blocchi: list[Blocco] = [
        Definizioni(tuple(righe)),
        Paragrafo(TERMINE.format(anno=d.anno, termine=data(s.termine))),
        Paragrafo(CONSEGUENZE, "nota"),
    ]
    blocchi += [Paragrafo(a, "evidenza") for a in s.avvisi]
    return blocchi
