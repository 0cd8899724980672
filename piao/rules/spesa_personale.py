"""Rules on personnel spending in sottosezione 3.3: the hiring capacity of comuni (art. 33
c.2 DL 34/2019, DM 17/3/2020), its match with the DUP, the spending cap of L. 296/2006, and
the capacity figures a plan states compared with piao's recomputation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from piao.calcoli import Rapporto, rapporto_capacita
from piao.findings import Severity
from piao.lingua import elenco
from piao.model.fabbisogni_personale import TRIENNIO, Assunzione
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import euro, manca, vuoto

F = "fabbisogni_personale.yaml"
CA = "capacita_assunzionale"


def rapporto(ctx: Contesto) -> Rapporto | None:
    """The DM 17/3/2020 ratio when the plan holds every input, else None."""
    return rapporto_capacita(ctx.fp, ctx.popolazione, ctx.ref)


def sotto_soglia(ctx: Contesto) -> Rapporto | None:
    """The ratio of a comune at or under the Tabella 1 threshold («comune virtuoso»)."""
    r = rapporto(ctx) if ctx.e_comune else None
    return r if r is not None and r.sotto_soglia else None


@regola(
    "FP005",
    "fabbisogni.capacita-tabella-1",
    copre=("R24",),
    summary="Nei comuni sotto il valore soglia della Tabella 1 del DM 17/3/2020, la spesa di personale prevista "
    "non supera il valore soglia applicato alle entrate correnti nette.",
    basis=("DL34-33-2", "DM-17-03-2020"),
    confidenza="V",
    richiede=("fabbisogni_personale",),
    conforme="spesa_personale_prevista: {2026: 5300000.00}   # limite 5.329.800,00",
    non_conforme="spesa_personale_prevista: {2026: 5400000.00}",
)
def tabella_1(ctx: Contesto) -> Iterator[Rilievo]:
    r = sotto_soglia(ctx)
    if r is None:
        return
    ca = ctx.fp.capacita_assunzionale
    assert ca is not None
    for anno, spesa in sorted(ca.spesa_personale_prevista.items()):
        if spesa > r.limite_tabella_1 + 0.005:
            yield Rilievo(
                F,
                (CA, "spesa_personale_prevista", anno),
                f"Spesa di personale {anno} di {euro(spesa)}, oltre il limite di {euro(r.limite_tabella_1)} "
                f"(valore soglia {r.fascia.tabella_1:.1f}% della fascia {r.fascia.fascia}, DM 17/3/2020 Tabella 1; "
                f"rapporto attuale {r.percentuale:.2f}%).",
            )


@regola(
    "FP006",
    "fabbisogni.capacita-sopra-soglia",
    copre=("R24",),
    summary="Nei comuni sopra il valore soglia della Tabella 1 la spesa prevista non peggiora il rapporto; sopra "
    "la Tabella 3 serve un percorso di rientro.",
    basis=("DL34-33-2", "DM-17-03-2020"),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="# rapporto sotto il 27,0% (fascia f)",
    non_conforme="# rapporto al 28,5% e spesa prevista in aumento",
)
def sopra_soglia(ctx: Contesto) -> Iterator[Rilievo]:
    r = rapporto(ctx) if ctx.e_comune else None
    if r is None or r.percentuale <= r.fascia.tabella_1:
        return
    ca = ctx.fp.capacita_assunzionale
    assert ca is not None
    if r.percentuale > r.fascia.tabella_3:
        yield Rilievo(
            F,
            (CA,),
            f"Rapporto spesa/entrate del {r.percentuale:.2f}%, oltre la soglia di rientro del {r.fascia.tabella_3:.1f}% "
            f"(fascia {r.fascia.fascia}, Tabella 3, valore non verificato): serve un percorso di riduzione del "
            "rapporto; se non raggiunto, le assunzioni sono limitate al 30% delle cessazioni.",
        )
        return
    for anno, spesa in sorted(ca.spesa_personale_prevista.items()):
        if spesa > r.spesa + 0.005:
            yield Rilievo(
                F,
                (CA, "spesa_personale_prevista", anno),
                f"Rapporto del {r.percentuale:.2f}%, tra i valori soglia {r.fascia.tabella_1:.1f}% e "
                f"{r.fascia.tabella_3:.1f}% (fascia {r.fascia.fascia}): la spesa {anno} ({euro(spesa)}) non può "
                f"superare quella dell'ultimo rendiconto ({euro(r.spesa)}) senza peggiorare il rapporto.",
            )


@regola(
    "FP007",
    "fabbisogni.capacita-dati",
    copre=("R24",),
    summary="Il comune riporta i dati per calcolare la capacità assunzionale: spesa di personale dell'ultimo "
    "rendiconto, entrate correnti degli ultimi tre, FCDE, spesa prevista.",
    basis=("DL34-33-2", "DM-17-03-2020", "DM132-4-1c"),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="capacita_assunzionale: {spesa_personale: {...}, entrate_correnti: {2022: ..., 2023: ..., 2024: ...}, fcde: {...}}",
    non_conforme="capacita_assunzionale: {spesa_personale: {...}}",
)
def capacita_dati(ctx: Contesto) -> Iterator[Rilievo]:
    if not ctx.e_comune:
        return
    ca = ctx.fp.capacita_assunzionale
    if ca is None:
        yield Rilievo(F, (CA,), "Mancano i dati per la capacità assunzionale (DM 17/3/2020).")
        return
    mancano = []
    if ca.spesa_personale is None:
        mancano.append("la spesa di personale dell'ultimo rendiconto")
    else:
        ultimo = ca.spesa_personale.rendiconto
        assenti = [str(a) for a in (ultimo - 2, ultimo - 1, ultimo) if a not in ca.entrate_correnti]
        if assenti:
            mancano.append("le entrate correnti " + elenco(assenti))
    if ca.fcde is None:
        mancano.append("il fondo crediti di dubbia esigibilità")
    assenti_prev = [str(a) for a in ctx.anni if a not in ca.spesa_personale_prevista]
    if assenti_prev:
        mancano.append("la spesa prevista per " + elenco(assenti_prev))
    if ctx.popolazione is None:
        mancano.append("la popolazione (scheda anagrafica)")
    if mancano:
        yield Rilievo(F, (CA,), f"Per calcolare la capacità assunzionale {manca(mancano)}.")


@regola(
    "FP008",
    "fabbisogni.coerenza-dup",
    copre=("R25",),
    summary="La spesa di personale prevista nella sottosezione 3.3 coincide con quella del DUP e del bilancio.",
    basis=("DM132-8-1",),
    confidenza="V",
    richiede=("fabbisogni_personale",),
    conforme="spesa_personale_prevista: {2026: 5300000.00}\nspesa_personale_dup: {2026: 5300000.00}",
    non_conforme="spesa_personale_prevista: {2026: 5300000.00}\nspesa_personale_dup: {2026: 5250000.00}",
)
def coerenza_dup(ctx: Contesto) -> Iterator[Rilievo]:
    ca = ctx.fp.capacita_assunzionale
    if ca is None or not ca.spesa_personale_prevista:
        return
    for anno, spesa in sorted(ca.spesa_personale_prevista.items()):
        dup = ca.spesa_personale_dup.get(anno)
        if dup is None:
            yield Rilievo(
                F,
                (CA, "spesa_personale_dup"),
                f"Manca la spesa di personale {anno} prevista dal DUP.",
            )
        elif abs(dup - spesa) > 0.005:
            yield Rilievo(
                F,
                (CA, "spesa_personale_dup", anno),
                f"Spesa di personale {anno}: {euro(spesa)} nel PIAO, {euro(dup)} nel DUP; devono coincidere.",
            )


@dataclass(frozen=True)
class Ricalcolo:
    """The personnel spending of each year rebuilt from the last rendiconto, the planned hires
    and the planned terminations, and what the rebuild left out or had to assume."""

    spese: dict[int, float]
    escluse: tuple[Assunzione, ...]
    """Hires the plan funds outside the art. 33 capacity: not in the rebuild."""
    senza_anno: bool
    """Some rows are given for the whole triennio: counted in the way most favourable to the
    plan (hires from the last year, terminations from the first)."""


def _spesa_ricalcolata(ctx: Contesto, r: Rapporto) -> Ricalcolo | None:
    """The rebuild, when every hire inside the capacity and every termination states its
    annual cost; None otherwise (FP014 asks for the costs)."""
    fp = ctx.fp
    escluse = tuple(a for a in fp.assunzioni if a.fuori_capacita)
    dentro = [a for a in fp.assunzioni if not a.fuori_capacita]
    primo, ultimo = ctx.anni[0], ctx.anni[-1]
    voci = [(ultimo if a.anno == TRIENNIO else a.anno, a.numero, a.costo_annuo) for a in dentro]
    voci += [
        (primo if c.anno == TRIENNIO else c.anno, -c.numero, c.costo_annuo) for c in fp.cessazioni
    ]
    if not dentro or any(costo is None for _, _, costo in voci):
        return None
    spese = {
        anno: r.spesa
        + sum(n * (costo or 0) for a, n, costo in voci if isinstance(a, int) and a <= anno)
        for anno in ctx.anni
    }
    senza_anno = any(a.anno == TRIENNIO for a in dentro) or any(
        c.anno == TRIENNIO for c in fp.cessazioni
    )
    return Ricalcolo(spese, escluse, senza_anno)


@regola(
    "FP011",
    "fabbisogni.assunzioni-nella-capacita",
    summary="Nei comuni sotto il valore soglia della Tabella 1, la spesa ricalcolata dalle assunzioni e dalle "
    "cessazioni programmate (con i loro costi) non supera il valore soglia applicato alle entrate nette; "
    "le assunzioni che il piano finanzia fuori dalla capacità assunzionale non sono contate.",
    basis=("DL34-33-2", "DM-17-03-2020", "L178-1-797", "CDC-LOMB-65-2021"),
    confidenza="V",
    richiede=("fabbisogni_personale",),
    conforme="assunzioni: [{anno: 2026, numero: 2, costo_annuo: 33500}]\ncessazioni: [{anno: 2026, numero: 1, "
    "costo_annuo: 36000}]",
    non_conforme="# assunzioni che portano la spesa oltre il limite della Tabella 1",
)
def assunzioni_nella_capacita(ctx: Contesto) -> Iterator[Rilievo]:
    r = sotto_soglia(ctx)
    if r is None:
        return
    ricalcolo = _spesa_ricalcolata(ctx, r)
    if ricalcolo is None:
        return  # FP014 asks for the missing costs
    for anno, spesa in sorted(ricalcolo.spese.items()):
        if spesa > r.limite_tabella_1 + 0.005:
            note = ""
            if ricalcolo.escluse:
                note += (
                    f" Il ricalcolo esclude {elenco([a.codice for a in ricalcolo.escluse])}, che il piano "
                    "finanzia fuori dalla capacità assunzionale (per il contributo dell'art. 1 c.797 L. "
                    "178/2020 è la lettura della Corte dei conti Lombardia, del. 65/2021, riportata da fonti "
                    "secondarie: confidenza parziale)."
                )
            if ricalcolo.senza_anno:
                note += (
                    " Le righe riferite all'intero triennio contano nel modo più favorevole al piano "
                    "(assunzioni dall'ultimo anno, cessazioni dal primo)."
                )
            yield Rilievo(
                F,
                ("assunzioni",),
                f"Con le assunzioni e le cessazioni programmate la spesa di personale {anno} sarebbe "
                f"{euro(spesa)} (spesa del rendiconto {euro(r.spesa)}, più i costi delle assunzioni, meno "
                f"quelli delle cessazioni fino al {anno}): oltre il limite di {euro(r.limite_tabella_1)} "
                f"(valore soglia {r.fascia.tabella_1:.1f}%, DM 17/3/2020 Tabella 1).{note}",
            )
            return


@regola(
    "FP014",
    "fabbisogni.costi-per-la-verifica",
    summary="Ogni assunzione e cessazione programmata indica il suo costo annuo, così che la capacità "
    "assunzionale si possa verificare e non solo dichiarare (non serve per le assunzioni finanziate "
    "fuori dalla capacità assunzionale).",
    basis=("DL34-33-2", "DM-17-03-2020"),
    confidenza="P",
    severita=Severity.INFO,
    motivo_severita="La legge non chiede il costo di ogni posto nel piano: senza, la spesa prevista è solo "
    "dichiarata e il rilievo lo dice a chi verifica.",
    richiede=("fabbisogni_personale",),
    conforme="- {codice: ASS-01, ..., costo_annuo: 33500}",
    non_conforme="- {codice: ASS-01, ...}   # senza costo_annuo",
)
def costi_per_la_verifica(ctx: Contesto) -> Iterator[Rilievo]:
    dentro = [a for a in ctx.fp.assunzioni if not a.fuori_capacita]
    if not ctx.e_comune or not dentro:
        return
    senza = [a.codice for a in dentro if a.costo_annuo is None]
    cessazioni = [str(c.anno) for c in ctx.fp.cessazioni if c.costo_annuo is None]
    if senza or cessazioni:
        parti = []
        if senza:
            parti.append("delle assunzioni " + elenco(senza))
        if cessazioni:
            parti.append("delle cessazioni del " + elenco(sorted(set(cessazioni))))
        yield Rilievo(
            F,
            ("assunzioni",) if senza else ("cessazioni",),
            f"Manca il costo annuo {' e '.join(parti)}: senza, piao non può ricalcolare la spesa di "
            "personale e verificare che le assunzioni stiano nella capacità assunzionale (DM 17/3/2020); "
            "la spesa prevista resta solo dichiarata.",
        )


@regola(
    "FP013",
    "fabbisogni.asseverazione-revisori",
    summary="Se un comune sotto il valore soglia aumenta la spesa di personale, il piano indica "
    "l'asseverazione dell'equilibrio pluriennale di bilancio da parte dell'organo di revisione.",
    basis=("DL34-33-2", "DM-17-03-2020-5"),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="asseverazione_revisori: Parere dell'organo di revisione n. 12 del 10/03/2026",
    non_conforme="# spesa prevista superiore a quella del rendiconto e nessuna asseverazione",
)
def asseverazione(ctx: Contesto) -> Iterator[Rilievo]:
    r = sotto_soglia(ctx)
    if r is None:
        return
    ca = ctx.fp.capacita_assunzionale
    assert ca is not None
    aumenti = [
        a for a, spesa in sorted(ca.spesa_personale_prevista.items()) if spesa > r.spesa + 0.005
    ]
    if aumenti and vuoto(ca.asseverazione_revisori):
        yield Rilievo(
            F,
            (CA,),
            f"La spesa di personale prevista per il {aumenti[0]} supera quella del rendiconto "
            f"{ca.spesa_personale.rendiconto if ca.spesa_personale else ''}: l'aumento consentito dal DM "
            "17/3/2020 richiede l'equilibrio pluriennale di bilancio asseverato dall'organo di revisione "
            "(art. 5 DM 17/3/2020 fino al 2024; dal 2025 lettura dell'art. 33 c.2 DL 34/2019, confidenza "
            "parziale); indicarne gli estremi in «asseverazione_revisori».",
        )


COMUNI_FINO_A = 1000
"""Comuni up to this population were not subject to the stability pact: their limit is the
2008 spending of art. 1 c.562 L. 296/2006 (DOMAIN.md §12.3; S115, [P])."""


@regola(
    "FP015",
    "fabbisogni.limite-spesa-l296",
    summary="Il comune indica il limite alla spesa di personale dell'art. 1 c.557-quater (media 2011-2013) "
    "o c.562 (spesa 2008) L. 296/2006 e la spesa prevista non lo supera.",
    basis=("L296-1-557quater", "L296-1-562", "DM-17-03-2020-7", "DM132-4-1c"),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="limite_spesa: {comma: 557-quater, valore: 5480000.00, spesa_prevista: {2026: 5120000.00}}",
    non_conforme="limite_spesa: {comma: 557-quater, valore: 5480000.00, spesa_prevista: {2026: 5500000.00}}",
)
def limite_spesa(ctx: Contesto) -> Iterator[Rilievo]:
    if not ctx.e_comune:
        return
    limite = ctx.fp.limite_spesa
    if limite is None:
        yield Rilievo(
            F,
            (),
            "Manca il limite alla spesa di personale dell'art. 1 c.557-quater o c.562 L. 296/2006 "
            "(«limite_spesa»): i vincoli restano in vigore accanto alla capacità assunzionale del DM "
            "17/3/2020 (lettura applicata, confidenza parziale).",
        )
        return
    atteso = (
        "562" if ctx.popolazione is not None and ctx.popolazione <= COMUNI_FINO_A else "557-quater"
    )
    if ctx.popolazione is not None and limite.comma != atteso:
        yield Rilievo(
            F,
            ("limite_spesa", "comma"),
            f"Con {ctx.popolazione} abitanti il limite è quello del c.{atteso} (c.562 per i comuni fino a "
            f"{COMUNI_FINO_A} abitanti, non soggetti al patto di stabilità; altrimenti c.557-quater).",
        )
    for anno, spesa in sorted(limite.spesa_prevista.items()):
        if spesa > limite.valore + 0.005:
            yield Rilievo(
                F,
                ("limite_spesa", "spesa_prevista", anno),
                f"Spesa di personale {anno} di {euro(spesa)} ai fini del limite, oltre il valore di "
                f"riferimento di {euro(limite.valore)} (art. 1 c.{limite.comma} L. 296/2006; la maggior spesa "
                "per le assunzioni consentite dal DM 17/3/2020 non rileva e va esclusa, art. 7).",
            )


TOLLERANZA_PERCENTUALE = 0.005
"""A stated percentage matches when it is the recomputed one rounded to two decimals."""
TOLLERANZA_EURO = 1.0
"""A stated amount matches within one euro (rounding of the plan's own computation)."""


@regola(
    "FP017",
    "fabbisogni.capacita-dichiarata",
    summary="I valori della capacità assunzionale che il piano dichiara (rapporto, valore soglia, fascia, spesa "
    "aggiuntiva) coincidono con quelli che piao ricalcola dai dati del piano, entro l'arrotondamento a due "
    "decimali e 1 euro: verifica di plausibilità.",
    basis=("DL34-33-2", "DM-17-03-2020"),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="dichiarata: {rapporto: 26.39, valore_soglia: 27.0, fascia: f, spesa_aggiuntiva: 119800.00}",
    non_conforme="dichiarata: {rapporto: 21.98, valore_soglia: 27.20}   # ricalcolo 26,39% e 27,0%",
)
def capacita_dichiarata(ctx: Contesto) -> Iterator[Rilievo]:
    ca = ctx.fp.capacita_assunzionale
    d = ca.dichiarata if ca is not None else None
    r = rapporto(ctx) if ctx.e_comune else None
    if ca is None or d is None or r is None or ca.spesa_personale is None:
        return
    base = ca.spesa_personale.rendiconto
    if d.rendiconto is not None and d.rendiconto != base:
        return  # computed on another rendiconto: not comparable
    fonte = (
        f"ricalcolato da piao sul rendiconto {base} (spesa {euro(r.spesa)}, entrate correnti nette "
        f"{euro(r.denominatore)})"
    )
    path = (CA, "dichiarata")
    if d.rapporto is not None and abs(d.rapporto - r.percentuale) > TOLLERANZA_PERCENTUALE:
        yield Rilievo(
            F,
            (*path, "rapporto"),
            f"Il piano dichiara un rapporto spesa/entrate del {_pct(d.rapporto)}; il rapporto {fonte} è del "
            f"{_pct(r.percentuale)} (tolleranza: arrotondamento a due decimali): verificare i dati o il calcolo.",
        )
    if d.fascia is not None and d.fascia != r.fascia.fascia:
        yield Rilievo(
            F,
            (*path, "fascia"),
            f"Il piano dichiara la fascia demografica {d.fascia}; con {ctx.popolazione} abitanti la fascia "
            f"è la {r.fascia.fascia} (art. 3 DM 17/3/2020).",
        )
    if (
        d.valore_soglia is not None
        and abs(d.valore_soglia - r.fascia.tabella_1) > TOLLERANZA_PERCENTUALE
    ):
        yield Rilievo(
            F,
            (*path, "valore_soglia"),
            f"Il piano dichiara un valore soglia del {_pct(d.valore_soglia)}; per la fascia {r.fascia.fascia} "
            f"la Tabella 1 del DM 17/3/2020 indica il {_pct(r.fascia.tabella_1)}.",
        )
    if (
        d.spesa_aggiuntiva is not None
        and r.sotto_soglia
        and abs(d.spesa_aggiuntiva - r.spesa_aggiuntiva) > TOLLERANZA_EURO
    ):
        yield Rilievo(
            F,
            (*path, "spesa_aggiuntiva"),
            f"Il piano dichiara una spesa aggiuntiva consentita di {euro(d.spesa_aggiuntiva)}; il valore "
            f"{fonte} è {euro(r.spesa_aggiuntiva)} (limite al valore soglia {euro(r.limite_tabella_1)} meno "
            "la spesa del rendiconto; tolleranza 1 euro). Se il valore dichiarato tiene conto di assunzioni già "
            "fatte o di dati più recenti, spiegarlo nelle note.",
        )


def _pct(value: float) -> str:
    return f"{value:.2f}%".replace(".", ",")


FINANZIATE_DALL_ENTE = ("bilancio_ordinario", "variazione_bilancio")


@regola(
    "FP018",
    "fabbisogni.fuori-capacita-motivato",
    summary="Un'assunzione che il piano finanzia fuori dalla capacità assunzionale indica la norma che lo "
    "consente e una fonte diversa dal bilancio dell'ente: verifica di plausibilità.",
    basis=("DL34-33-2", "L178-1-797", "CDC-LOMB-65-2021"),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="finanziamento: {fonte: fondo_poverta, fuori_capacita: true, norma: art. 1 c.797 L. 178/2020}",
    non_conforme="finanziamento: {fonte: bilancio_ordinario, fuori_capacita: true}",
)
def fuori_capacita_motivato(ctx: Contesto) -> Iterator[Rilievo]:
    for i, a in enumerate(ctx.fp.assunzioni):
        fin = a.finanziamento
        if fin is None or not fin.fuori_capacita:
            continue
        path = ("assunzioni", i, "finanziamento")
        if fin.fonte in FINANZIATE_DALL_ENTE:
            yield Rilievo(
                F,
                (*path, "fonte"),
                f"{a.codice} è finanziata dal bilancio dell'ente ma esclusa dalla capacità assunzionale: "
                "la spesa di personale a carico del bilancio concorre alla capacità dell'art. 33 DL 34/2019; "
                "indicare la fonte esterna che la finanzia o togliere «fuori_capacita».",
            )
        elif vuoto(fin.norma):
            yield Rilievo(
                F,
                path,
                f"{a.codice} è esclusa dalla capacità assunzionale senza indicare la norma o la pronuncia che "
                "lo consente («norma»; per gli assistenti sociali finanziati dall'art. 1 c.797 L. 178/2020, "
                "Corte dei conti Lombardia, del. 65/2021, confidenza parziale): piao la esclude dal ricalcolo "
                "della spesa (FP011) sulla sola dichiarazione del piano.",
            )
