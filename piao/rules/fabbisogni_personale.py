"""Rules on sottosezione 3.3 Piano triennale dei fabbisogni di personale, including the
hiring capacity of comuni (art. 33 c.2 DL 34/2019, DM 17/3/2020)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from piao.calcoli import Rapporto, rapporto_capacita
from piao.findings import Severity
from piao.lingua import elenco
from piao.model.regime import ORDINARIO, SEMPLIFICATO
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import data_it, euro, manca, vuoto

F = "fabbisogni_personale.yaml"
NUOVA_CLASSIFICAZIONE = datetime.date(2023, 4, 1)
CA = "capacita_assunzionale"


@regola(
    "FP001",
    "fabbisogni.aree-ccnl",
    copre=("R22",),
    summary="Dal 01/04/2023 il personale si classifica nelle quattro aree del CCNL Funzioni Locali, non nelle "
    "vecchie categorie A, B, C, D.",
    basis=("CCNL-FL-2019-2021", "DM132-4-1c"),
    confidenza="V",
    richiede=("fabbisogni_personale",),
    conforme="- {area: istruttori, profilo: Istruttore amministrativo, numero: 38}",
    non_conforme="- {area: categoria_c, profilo: Istruttore amministrativo, numero: 38}",
)
def aree(ctx: Contesto) -> Iterator[Rilievo]:
    fp = ctx.fp
    righe: list[tuple[tuple[str | int, ...], str]] = []
    if fp.consistenza is not None and fp.consistenza.al >= NUOVA_CLASSIFICAZIONE:
        righe += [
            (("consistenza", "personale", i, "area"), v.area)
            for i, v in enumerate(fp.consistenza.personale)
        ]
    righe += [(("cessazioni", i, "area"), c.area) for i, c in enumerate(fp.cessazioni)]
    righe += [(("assunzioni", i, "area"), a.area) for i, a in enumerate(fp.assunzioni)]
    for path, area in righe:
        voce = ctx.ref.aree_ccnl.get(area)
        if voce is not None and voce.legacy:
            yield Rilievo(
                F,
                path,
                f"«{area}» è una categoria del sistema precedente al 01/04/2023: usare l'area corrispondente "
                "(operatori, operatori_esperti, istruttori, funzionari_eq).",
            )


@regola(
    "FP002",
    "fabbisogni.consistenza",
    copre=("R22",),
    summary="La sottosezione 3.3 riporta il personale in servizio al 31 dicembre dell'anno precedente, per area e profilo.",
    basis=("DM132-4-1c",),
    confidenza="V",
    regimi=ORDINARIO,
    richiede=("fabbisogni_personale",),
    conforme="consistenza: {al: 2025-12-31, personale: [...]}   # triennio 2026-2028",
    non_conforme="consistenza: {al: 2025-06-30, personale: [...]}",
)
def consistenza(ctx: Contesto) -> Iterator[Rilievo]:
    c = ctx.fp.consistenza
    if c is None or not c.personale:
        yield Rilievo(
            F,
            ("consistenza",),
            "Manca il personale in servizio al 31 dicembre dell'anno precedente, per area.",
        )
        return
    atteso = datetime.date(ctx.anni[0] - 1, 12, 31)
    if c.al != atteso:
        yield Rilievo(
            F,
            ("consistenza", "al"),
            f"La consistenza va riferita al {data_it(atteso)}, non al {data_it(c.al)}.",
        )


@regola(
    "FP003",
    "fabbisogni.contenuti",
    copre=("R23",),
    summary="La sottosezione 3.3 contiene capacità assunzionale, cessazioni, stima dell'evoluzione dei fabbisogni, "
    "strategie di copertura e di formazione, eccedenze.",
    basis=("DM132-4-1c", "DLGS165-6"),
    confidenza="V",
    regimi=ORDINARIO,
    richiede=("fabbisogni_personale",),
    conforme="capacita_assunzionale: {...}\ncessazioni: [...]\nstima_evoluzione_fabbisogni: ...\n"
    "strategia_copertura: ...\nstrategia_formazione: ...\neccedenze: {presenti: false}",
    non_conforme="# manca strategia_copertura",
)
def contenuti(ctx: Contesto) -> Iterator[Rilievo]:
    fp = ctx.fp
    dichiarati = fp.model_fields_set
    formazione = ctx.piano.formazione is not None and bool(ctx.fo.priorita)
    mancano = [
        (campo, testo)
        for campo, testo, assente in (
            (CA, "la capacità assunzionale", fp.capacita_assunzionale is None),
            (
                "cessazioni",
                "la programmazione delle cessazioni (anche un elenco vuoto)",
                "cessazioni" not in dichiarati,
            ),
            (
                "stima_evoluzione_fabbisogni",
                "la stima dell'evoluzione dei fabbisogni",
                vuoto(fp.stima_evoluzione_fabbisogni),
            ),
            (
                "strategia_copertura",
                "le strategie di copertura del fabbisogno",
                vuoto(fp.strategia_copertura),
            ),
            (
                "strategia_formazione",
                "le strategie di formazione",
                vuoto(fp.strategia_formazione) and not formazione,
            ),
            ("eccedenze", "la ricognizione delle eccedenze", fp.eccedenze is None),
        )
        if assente
    ]
    for campo, testo in mancano:
        yield Rilievo(
            F, (campo,), f"{manca([testo]).capitalize()}.".replace("Manca le ", "Mancano le ")
        )


@regola(
    "FP004",
    "fabbisogni.contenuti-semplificato",
    copre=("R05",),
    summary="Nel regime semplificato la sottosezione 3.3 programma almeno le cessazioni e stima l'evoluzione dei fabbisogni.",
    basis=("DM132-6", "DM132-4-1c"),
    confidenza="P",
    regimi=SEMPLIFICATO,
    richiede=("fabbisogni_personale",),
    conforme="cessazioni: [...]\nstima_evoluzione_fabbisogni: ...",
    non_conforme="# manca stima_evoluzione_fabbisogni",
)
def contenuti_semplificato(ctx: Contesto) -> Iterator[Rilievo]:
    if "cessazioni" not in ctx.fp.model_fields_set:
        yield Rilievo(
            F, ("cessazioni",), "Manca la programmazione delle cessazioni (anche un elenco vuoto)."
        )
    if vuoto(ctx.fp.stima_evoluzione_fabbisogni):
        yield Rilievo(
            F, ("stima_evoluzione_fabbisogni",), "Manca la stima dell'evoluzione dei fabbisogni."
        )


def rapporto(ctx: Contesto) -> Rapporto | None:
    """The DM 17/3/2020 ratio when the plan holds every input, else None."""
    return rapporto_capacita(ctx.fp, ctx.popolazione, ctx.ref)


def sotto_soglia(ctx: Contesto) -> Rapporto | None:
    """The ratio of a comune at or under the Tabella 1 threshold («comune virtuoso»)."""
    r = rapporto(ctx) if ctx.e_comune else None
    return r if r is not None and r.percentuale <= r.fascia.tabella_1 else None


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


@regola(
    "FP009",
    "fabbisogni.anni-nel-triennio",
    summary="Cessazioni e assunzioni programmate cadono negli anni del triennio.",
    basis=("DM132-4-1c",),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="- {codice: ASS-01, anno: 2026, ...}   # triennio 2026-2028",
    non_conforme="- {codice: ASS-01, anno: 2029, ...}",
)
def anni(ctx: Contesto) -> Iterator[Rilievo]:
    righe = [
        (("cessazioni", i, "anno"), c.anno, "cessazione") for i, c in enumerate(ctx.fp.cessazioni)
    ]
    righe += [
        (("assunzioni", i, "anno"), a.anno, f"assunzione {a.codice}")
        for i, a in enumerate(ctx.fp.assunzioni)
    ]
    for path, anno, cosa in righe:
        if anno not in ctx.anni:
            yield Rilievo(
                F,
                path,
                f"La {cosa} è programmata nel {anno}, fuori dal triennio {ctx.anni[0]}-{ctx.anni[-1]}.",
            )


@regola(
    "FP010",
    "fabbisogni.consistenza-totale",
    copre=("R22",),
    summary="Il personale per area somma al personale in servizio indicato nella scheda anagrafica.",
    basis=("DM132-4-1c",),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="# somma della consistenza = ente.dipendenti.valore",
    non_conforme="# la consistenza somma 150, la scheda anagrafica 152",
)
def totale(ctx: Contesto) -> Iterator[Rilievo]:
    c = ctx.fp.consistenza
    if c is None or not c.personale or ctx.dipendenti is None:
        return
    somma = sum(v.numero for v in c.personale)
    if somma != ctx.dipendenti:
        yield Rilievo(
            F,
            ("consistenza", "personale"),
            f"La consistenza somma {somma} dipendenti, la scheda anagrafica ne indica {ctx.dipendenti}.",
        )


def _spesa_ricalcolata(ctx: Contesto, r: Rapporto) -> dict[int, float] | None:
    """The year's personnel spending rebuilt from the last rendiconto, the planned hires and
    the planned terminations, when every one of them states its annual cost."""
    fp = ctx.fp
    voci = [(a.anno, a.numero, a.costo_annuo) for a in fp.assunzioni] + [
        (c.anno, -c.numero, c.costo_annuo) for c in fp.cessazioni
    ]
    if not fp.assunzioni or any(costo is None for _, _, costo in voci):
        return None
    return {
        anno: r.spesa + sum(n * (costo or 0) for a, n, costo in voci if a <= anno)
        for anno in ctx.anni
    }


@regola(
    "FP011",
    "fabbisogni.assunzioni-nella-capacita",
    summary="Nei comuni sotto il valore soglia della Tabella 1, la spesa ricalcolata dalle assunzioni e dalle "
    "cessazioni programmate (con i loro costi) non supera il valore soglia applicato alle entrate nette.",
    basis=("DL34-33-2", "DM-17-03-2020"),
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
    spese = _spesa_ricalcolata(ctx, r)
    if spese is None:
        return  # FP014 asks for the missing costs
    for anno, spesa in sorted(spese.items()):
        if spesa > r.limite_tabella_1 + 0.005:
            yield Rilievo(
                F,
                ("assunzioni",),
                f"Con le assunzioni e le cessazioni programmate la spesa di personale {anno} sarebbe "
                f"{euro(spesa)} (spesa del rendiconto {euro(r.spesa)}, più i costi delle assunzioni, meno "
                f"quelli delle cessazioni fino al {anno}): oltre il limite di {euro(r.limite_tabella_1)} "
                f"(valore soglia {r.fascia.tabella_1:.1f}%, DM 17/3/2020 Tabella 1).",
            )
            return


@regola(
    "FP014",
    "fabbisogni.costi-per-la-verifica",
    summary="Ogni assunzione e cessazione programmata indica il suo costo annuo, così che la capacità "
    "assunzionale si possa verificare e non solo dichiarare.",
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
    if not ctx.e_comune or not ctx.fp.assunzioni:
        return
    senza = [a.codice for a in ctx.fp.assunzioni if a.costo_annuo is None]
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


ESTERNE = ("concorso", "scorrimento_graduatoria", "collocamento_mirato")
"""Ways of hiring that are access from outside (art. 52 c.1-bis D.Lgs. 165/2001): the
reading applied; mobility between administrations is counted apart."""


@regola(
    "FP012",
    "fabbisogni.progressioni-accesso-esterno",
    summary="Le progressioni tra le aree lasciano all'accesso dall'esterno almeno la metà dei posti "
    "programmati nel triennio.",
    basis=("DLGS165-52-1bis",),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="# 2 posti per progressione verticale e 3 per concorso",
    non_conforme="# 3 posti per progressione verticale e 2 per concorso",
)
def progressioni(ctx: Contesto) -> Iterator[Rilievo]:
    fp = ctx.fp
    progressioni = sum(a.numero for a in fp.assunzioni if a.modalita == "progressione_verticale")
    if not progressioni:
        return
    esterni = sum(a.numero for a in fp.assunzioni if a.modalita in ESTERNE)
    mobilita = sum(a.numero for a in fp.assunzioni if a.modalita == "mobilita")
    if progressioni > esterni:
        nota = (
            f" Con le {mobilita} assunzioni per mobilità la quota si raggiungerebbe, ma la lettura applicata "
            "non conta la mobilità tra amministrazioni come accesso dall'esterno."
            if progressioni <= esterni + mobilita
            else ""
        )
        yield Rilievo(
            F,
            ("assunzioni",),
            f"Il piano programma {progressioni} posti per progressione tra le aree e {esterni} per accesso "
            "dall'esterno (concorso, graduatorie, collocamento mirato): almeno il 50% dei posti va "
            f"all'accesso dall'esterno (art. 52 c.1-bis D.Lgs. 165/2001).{nota}",
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


@regola(
    "FP016",
    "fabbisogni.informazione-sindacale",
    summary="Il percorso di adozione registra l'informazione alle organizzazioni sindacali sul piano dei "
    "fabbisogni e sull'organizzazione degli uffici.",
    basis=("DLGS165-6", "CCNL-FL-2019-2021"),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="adozione: {confronto_sindacale: {data: 2026-03-10, modalita: informazione}}",
    non_conforme="adozione: {organo: giunta, delibera: {...}}   # nessun confronto_sindacale",
)
def informazione_sindacale(ctx: Contesto) -> Iterator[Rilievo]:
    adozione = ctx.piano.anagrafica.adozione
    if adozione is None or adozione.delibera is None or adozione.confronto_sindacale is not None:
        return
    yield Rilievo(
        "anagrafica.yaml",
        ("adozione",),
        "Il percorso di adozione non registra l'informazione sindacale («confronto_sindacale»), prevista "
        "per gli atti di organizzazione degli uffici adottati in conformità al piano dei fabbisogni (art. 6 "
        "c.1 D.Lgs. 165/2001, «ove prevista nei contratti collettivi»; lettura applicata, confidenza parziale).",
    )
