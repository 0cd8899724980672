"""Rules on sottosezione 3.3 Piano triennale dei fabbisogni di personale: areas, headcount,
contents, years and the share of external access. The rules on personnel spending (hiring
capacity, DUP, L. 296/2006 cap) are in `piao.rules.spesa_personale`."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from piao.forme import vecchia_categoria
from piao.lingua import elenco, quanti
from piao.model.fabbisogni_personale import FabbisogniPersonale
from piao.model.regime import ORDINARIO, SEMPLIFICATO
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import data_it, manca, vuoto

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
    righe: list[tuple[tuple[str | int, ...], str | None]] = []
    if fp.consistenza is not None and fp.consistenza.al >= NUOVA_CLASSIFICAZIONE:
        righe += [
            (("consistenza", "personale", i, "area"), v.area)
            for i, v in enumerate(fp.consistenza.personale)
        ]
    righe += [(("cessazioni", i, "area"), c.area) for i, c in enumerate(fp.cessazioni)]
    righe += [(("assunzioni", i, "area"), a.area) for i, a in enumerate(fp.assunzioni)]
    for path, area in righe:
        if area is None:
            continue  # a total the plan does not split by area
        voce = ctx.ref.aree_ccnl.get(area)
        if voce is not None and voce.legacy:
            trovata = vecchia_categoria(area)
            nuova = ctx.ref.aree_ccnl[trovata[1]] if trovata else None
            usare = (
                f"usare «{nuova.codice}» ({nuova.denominazione}, trasposizione automatica "
                "del CCNL), dopo aver verificato l'inquadramento"
                if nuova
                else "usare l'area corrispondente (operatori, operatori_esperti, istruttori, "
                "funzionari_eq)"
            )
            yield Rilievo(
                F,
                path,
                f"«{area}» è una categoria del sistema precedente al 01/04/2023: {usare}.",
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


def _cessazioni_programmate(fp: FabbisogniPersonale) -> bool:
    """The plan programs its terminations: a list (even empty) or yearly totals."""
    return "cessazioni" in fp.model_fields_set or any(
        t.cessazioni is not None for t in fp.totali_annui.values()
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
    formazione = ctx.piano.formazione is not None and bool(ctx.fo.priorita)
    mancano = [
        (campo, testo)
        for campo, testo, assente in (
            (CA, "la capacità assunzionale", fp.capacita_assunzionale is None),
            (
                "cessazioni",
                "la programmazione delle cessazioni (anche un elenco vuoto)",
                not _cessazioni_programmate(fp),
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
    if not _cessazioni_programmate(ctx.fp):
        yield Rilievo(
            F, ("cessazioni",), "Manca la programmazione delle cessazioni (anche un elenco vuoto)."
        )
    if vuoto(ctx.fp.stima_evoluzione_fabbisogni):
        yield Rilievo(
            F, ("stima_evoluzione_fabbisogni",), "Manca la stima dell'evoluzione dei fabbisogni."
        )


@regola(
    "FP009",
    "fabbisogni.anni-nel-triennio",
    summary="Cessazioni e assunzioni programmate cadono negli anni del triennio (o sono riferite "
    "all'intero triennio).",
    basis=("DM132-4-1c",),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="- {codice: ASS-01, anno: 2026, ...}   # triennio 2026-2028",
    non_conforme="- {codice: ASS-01, anno: 2029, ...}",
)
def anni(ctx: Contesto) -> Iterator[Rilievo]:
    righe: list[tuple[tuple[str | int, ...], int | str, str]] = [
        (("cessazioni", i, "anno"), c.anno, "La cessazione è programmata")
        for i, c in enumerate(ctx.fp.cessazioni)
    ]
    righe += [
        (("assunzioni", i, "anno"), a.anno, f"L'assunzione {a.codice} è programmata")
        for i, a in enumerate(ctx.fp.assunzioni)
    ]
    righe += [
        (("totali_annui", a), a, "I totali di assunzioni e cessazioni sono dichiarati")
        for a in ctx.fp.totali_annui
    ]
    for path, anno, cosa in righe:
        if isinstance(anno, int) and anno not in ctx.anni:
            yield Rilievo(
                F,
                path,
                f"{cosa} nel {anno}, fuori dal triennio {ctx.anni[0]}-{ctx.anni[-1]}.",
            )


@regola(
    "FP010",
    "fabbisogni.consistenza-totale",
    copre=("R22",),
    summary="Il personale per area somma al personale in servizio indicato nella scheda anagrafica "
    "(senza il personale in comando da altre amministrazioni).",
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
    # Staff seconded from other administrations work here but are not the ente's employees.
    ospiti = sum(v.numero for v in c.personale if v.comando == "in_entrata")
    somma = sum(v.numero for v in c.personale) - ospiti
    if somma != ctx.dipendenti:
        esclusi = (
            f" ({'esclusa' if ospiti == 1 else 'escluse'} {ospiti} unità in comando da altre "
            "amministrazioni)"
            if ospiti
            else ""
        )
        yield Rilievo(
            F,
            ("consistenza", "personale"),
            f"La consistenza somma {somma} dipendenti{esclusi}, la scheda anagrafica ne indica "
            f"{ctx.dipendenti}.",
        )


ESTERNE = frozenset(
    {
        "concorso",
        "scorrimento_graduatoria",
        "collocamento_mirato",
        "elenchi_idonei",
        "concorso_unico",
        "graduatorie_altri_enti",
    }
)
"""Ways of hiring that are access from outside (art. 52 c.1-bis D.Lgs. 165/2001), in the
reading applied: public competitions, their rankings (also another ente's), the lists of
suitable candidates of art. 3-bis DL 80/2021, the targeted placement of L. 68/1999.
Mobility between administrations is counted apart."""
MOBILITA = frozenset({"mobilita", "comando_in_mobilita"})


def _posti(n: int) -> str:
    return "nessun posto" if n == 0 else quanti(n, "posto", "posti")


@regola(
    "FP012",
    "fabbisogni.progressioni-accesso-esterno",
    summary="Le progressioni tra le aree lasciano all'accesso dall'esterno almeno la metà dei posti "
    "programmati nel triennio; con più modalità per un posto, conta come esterno solo il posto coperto "
    "in ogni caso dall'esterno.",
    basis=("DLGS165-52-1bis",),
    confidenza="P",
    richiede=("fabbisogni_personale",),
    conforme="# 2 posti per progressione verticale e 3 per concorso",
    non_conforme="# 3 posti per progressione verticale e 2 per concorso",
)
def progressioni(ctx: Contesto) -> Iterator[Rilievo]:
    assunzioni = ctx.fp.assunzioni
    per_progressione = [a for a in assunzioni if "progressione_verticale" in a.tipi_modalita]
    progressioni = sum(a.numero for a in per_progressione)
    if not progressioni:
        return
    altre = [a for a in assunzioni if "progressione_verticale" not in a.tipi_modalita]
    esterni = sum(a.numero for a in altre if a.tipi_modalita <= ESTERNE)
    incerte = [a for a in altre if a.tipi_modalita & ESTERNE and not a.tipi_modalita <= ESTERNE]
    mobilita = sum(a.numero for a in altre if a.tipi_modalita <= MOBILITA)
    if progressioni <= esterni:
        return
    note = []
    alternative = [a.codice for a in per_progressione if len(a.tipi_modalita) > 1]
    if alternative:
        verbo = "prevede" if len(alternative) == 1 else "prevedono"
        note.append(
            f"{elenco(alternative)} {verbo} anche altre modalità oltre alla progressione: la lettura "
            "applicata ne conta i posti come progressioni."
        )
    if incerte:
        n = sum(a.numero for a in incerte)
        uno = n == 1
        contati = ("; contandolo" if uno else "; contandoli") + ", la quota si raggiungerebbe"
        note.append(
            f"{'Il posto' if uno else f'I {n} posti'} di {elenco([a.codice for a in incerte])} "
            f"{'può essere coperto' if uno else 'possono essere coperti'} anche senza accesso "
            "dall'esterno (es. mobilità prima del concorso): la lettura applicata conta come esterni solo "
            "i posti coperti dall'esterno con ogni modalità prevista"
            + (contati if progressioni <= esterni + n else "")
            + "."
        )
    if mobilita and progressioni <= esterni + mobilita:
        note.append(
            f"Con le {mobilita} assunzioni per mobilità la quota si raggiungerebbe, ma la lettura "
            "applicata non conta la mobilità tra amministrazioni come accesso dall'esterno."
        )
    yield Rilievo(
        F,
        ("assunzioni",),
        f"Il piano programma {_posti(progressioni)} per progressione tra le aree e {_posti(esterni)} per "
        "accesso dall'esterno (concorso, graduatorie anche di altri enti, elenchi di idonei, concorso unico, "
        "collocamento mirato): almeno il 50% dei posti va all'accesso dall'esterno (art. 52 c.1-bis "
        "D.Lgs. 165/2001)." + "".join(" " + n for n in note),
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
