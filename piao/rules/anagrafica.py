"""Rules on the scheda anagrafica: required data, regime, triennio, adoption, publication."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from piao.findings import Severity
from piao.lingua import quanti
from piao.model.regime import SOGLIA_DIPENDENTI, sopra_soglia
from piao.rules.contesto import Contesto
from piao.rules.registry import REGISTRY, Rilievo, regola
from piao.rules.riferimenti import rotti
from piao.rules.util import data_it, manca, vuoto
from piao.scadenze import GRADO, Letture, Termine, termine_adozione

F = "anagrafica.yaml"

SANZIONI = (
    "rischio: divieto di erogare la retribuzione di risultato ai responsabili e divieto di "
    "assumere e di conferire incarichi (art. 10 c.5 D.Lgs. 150/2009, richiamato dall'art. 6 "
    "c.7 DL 80/2021) e sanzione ANAC da 1.000 a 10.000 euro per l'omessa adozione "
    "(art. 19 c.5 lett. b DL 90/2014)"
)


@regola(
    "AN001",
    "anagrafica.dati-essenziali",
    copre=("R01",),
    summary="La scheda anagrafica riporta i dati essenziali dell'ente e dei soggetti responsabili.",
    basis=("DM132-2",),
    confidenza="P",
    conforme='ente: {denominazione: Comune di Esempio, codice_fiscale: "80012340123", codice_ipa: c_z999, ...}',
    non_conforme="ente: {denominazione: Comune di Esempio}   # mancano codice fiscale, IPA, PEC...",
)
def dati_essenziali(ctx: Contesto) -> Iterator[Rilievo]:
    a = ctx.piano.anagrafica
    campi = {
        ("ente", "codice_fiscale"): a.ente.codice_fiscale,
        ("ente", "codice_ipa"): a.ente.codice_ipa,
        ("ente", "sede"): a.ente.sede,
        ("ente", "pec"): a.ente.pec,
        ("ente", "popolazione"): a.ente.popolazione,
        ("ente", "dipendenti"): a.ente.dipendenti,
        ("soggetti", "legale_rappresentante"): a.soggetti.legale_rappresentante,
        ("soggetti", "rpct"): a.soggetti.rpct,
    }
    for path, value in campi.items():
        if vuoto(value):
            yield Rilievo(F, path, f"Manca «{path[-1]}» nella scheda anagrafica.")


@regola(
    "AN002",
    "anagrafica.regime-coerente",
    copre=("R02",),
    summary="Con più di 50 dipendenti al 31/12 dell'anno precedente il regime è quello ordinario.",
    basis=("DL80-6-1", "DM132-6", "DPR81-1-4"),
    confidenza="V",
    conforme="dipendenti: {valore: 152, al: 2025-12-31}\nregime: ordinario",
    non_conforme="dipendenti: {valore: 152, al: 2025-12-31}\nregime: semplificato",
)
def regime_coerente(ctx: Contesto) -> Iterator[Rilievo]:
    if ctx.dipendenti is not None and sopra_soglia(ctx.dipendenti) and ctx.regime == "semplificato":
        yield Rilievo(
            F,
            ("regime",),
            f"L'ente ha {ctx.dipendenti} dipendenti, più di {SOGLIA_DIPENDENTI}: il regime semplificato non è "
            "ammesso, va adottato il PIAO ordinario.",
        )


@regola(
    "AN003",
    "anagrafica.cinquanta-dipendenti",
    copre=("R02",),
    summary="Con esattamente 50 dipendenti la scelta del regime va motivata: le norme usano soglie diverse.",
    basis=("DL80-6-1", "DM132-6", "DPR81-1-4"),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="Le norme sono in conflitto (più di 50, meno di 50, non più di 50): non c'è "
    "una scelta sbagliata, ma la scelta va motivata.",
    conforme="dipendenti: {valore: 50, ...}\nregime: semplificato\nmotivazione_regime: ...",
    non_conforme="dipendenti: {valore: 50, ...}\nregime: semplificato   # senza motivazione",
)
def cinquanta(ctx: Contesto) -> Iterator[Rilievo]:
    if ctx.dipendenti == SOGLIA_DIPENDENTI and vuoto(ctx.piano.anagrafica.motivazione_regime):
        yield Rilievo(
            F,
            ("regime",),
            f"Con esattamente {SOGLIA_DIPENDENTI} dipendenti il regime è incerto (art. 6 c.1 DL 80/2021: «più di "
            "cinquanta»; art. 6 DM 132/2022: «meno di 50»; DPR 81/2022: «non più di cinquanta»): "
            "motivare la scelta in «motivazione_regime».",
        )


@regola(
    "AN004",
    "anagrafica.dipendenti-al-31-dicembre",
    copre=("R03",),
    summary="Il personale che determina il regime è quello in servizio al 31/12 dell'anno precedente, "
    "indicato anche nel contesto interno della sottosezione 2.3.",
    basis=("PNA2022",),
    confidenza="P",
    richiede=("rischi_corruttivi",),
    conforme="dipendenti: {valore: 152, al: 2025-12-31}   # triennio 2026-2028",
    non_conforme="dipendenti: {valore: 152, al: 2026-01-31}",
)
def dipendenti_31_12(ctx: Contesto) -> Iterator[Rilievo]:
    dato = ctx.piano.anagrafica.ente.dipendenti
    if dato is None:
        return
    atteso = datetime.date(ctx.anni[0] - 1, 12, 31)
    if dato.al != atteso:
        yield Rilievo(
            F,
            ("ente", "dipendenti", "al"),
            f"Il numero di dipendenti va riferito al {data_it(atteso)} (31 dicembre dell'anno "
            f"precedente il triennio), non al {data_it(dato.al)}.",
        )
    interno = ctx.rc.contesto_interno
    dichiarati = interno.dipendenti_al_31_12 if interno else None
    if dichiarati is None:
        yield Rilievo(
            "rischi_corruttivi.yaml",
            ("contesto_interno", "dipendenti_al_31_12"),
            "Il contesto interno della sottosezione 2.3 deve indicare il personale in servizio al "
            "31 dicembre dell'anno precedente.",
        )
    elif dichiarati != dato.valore:
        yield Rilievo(
            "rischi_corruttivi.yaml",
            ("contesto_interno", "dipendenti_al_31_12"),
            f"Il contesto interno indica {dichiarati} dipendenti, la scheda anagrafica {dato.valore}.",
        )


@regola(
    "AN005",
    "anagrafica.triennio",
    copre=("R06",),
    summary="Il piano copre tre anni consecutivi.",
    basis=("DL80-6-2", "DM132-7"),
    confidenza="V",
    conforme="triennio: {da: 2026, a: 2028}",
    non_conforme="triennio: {da: 2026, a: 2027}",
)
def triennio(ctx: Contesto) -> Iterator[Rilievo]:
    t = ctx.piano.anagrafica.triennio
    if t.a != t.da + 2:
        yield Rilievo(
            F,
            ("triennio",),
            f"Il triennio {t.da}-{t.a} non è di tre anni: atteso {t.da}-{t.da + 2}.",
        )


def _letture(ctx: Contesto) -> Letture:
    return termine_adozione(ctx.piano.anagrafica, ctx.ref)


def _adottato(ctx: Contesto) -> tuple[datetime.date, Letture] | None:
    """The adoption date and the deadline's readings, for an adopted plan."""
    adozione = ctx.piano.anagrafica.adozione
    if adozione is None or adozione.delibera is None:
        return None
    return adozione.delibera.data, _letture(ctx)


def _giorni(n: int) -> str:
    return quanti(n, "giorno", "giorni")


def _regione_mancante(ctx: Contesto, letture: Letture, adottato: datetime.date | None) -> str:
    """What to say when the region is missing and a regional row would change the outcome
    (or, for a plan not yet adopted, the deadline): the reading applied, the other date,
    and the field to fill. Empty when the region would change nothing."""
    applicato = letture.applicato
    frasi = []
    differito = ctx.piano.anagrafica.programmazione_finanziaria.termine_bilancio_differito
    for t in letture.altre_regioni:
        if adottato is None:
            if t.data == applicato.data:
                continue
            esito = ""
        else:
            nei_termini = adottato <= t.data
            if nei_termini == (adottato <= applicato.data):
                continue
            esito = (
                " e il piano sarebbe nei termini"
                if nei_termini
                else f" e il piano sarebbe in ritardo di {_giorni((adottato - t.data).days)}"
            )
        indicato = (
            f"; il piano indica proprio questo termine del bilancio ({data_it(t.bilancio)})"
            if differito is not None and t.bilancio is not None and differito.data == t.bilancio
            else ""
        )
        frasi.append(
            f"{t.ambito} il termine è il {data_it(t.data)} — {t.base(data_it, ambito=False)}, "
            f"termine {GRADO[t.confidenza]} —{esito}{indicato}"
        )
    if not frasi:
        return ""
    return (
        "La regione dell'ente non è indicata: è applicato il termine valido nel resto del Paese, "
        "che riguarda la maggior parte degli enti; "
        + "; ".join(frasi)
        + ". Indicare la regione in «ente.regione»."
    )


def _minoritaria(m: Termine, esito: str) -> str:
    """The minority reading of art. 8 c.2 and what it would say of the plan."""
    return (
        f"Secondo una lettura minoritaria dell'art. 8 c.2 DM 132/2022 (parzialmente verificata), "
        f"il termine sarebbe il {data_it(m.data)} ({m.base(data_it)}) e il piano {esito}; è "
        "applicata la lettura prevalente (ANCI e prassi, parzialmente verificata): 30 giorni dal "
        "termine di legge del bilancio differito."
    )


@regola(
    "AN006",
    "anagrafica.termine-adozione",
    copre=(
        "R07",
        "D01",
    ),
    summary="Il piano è adottato entro il termine del ciclo per il tipo di ente e la sua regione: "
    "31 gennaio o, se il bilancio è differito, 30 giorni dopo il termine di legge del bilancio "
    "(lettura prevalente dell'art. 8 c.2 DM 132/2022); un termine che cade di domenica o di festivo "
    "slitta al primo giorno non festivo, e il rilievo scatta solo dopo quel giorno.",
    basis=("DM132-7", "DM132-8-2", "DL80-6-7", "DLGS150-10-5", "DL90-19-5b"),
    confidenza="V",
    conforme="adozione: {organo: giunta, delibera: {numero: 41, data: 2026-03-24}}   # comune, termine 30/03/2026",
    non_conforme="ente: {tipologia: comune, regione: lombardia, ...}\n"
    "adozione: {organo: giunta, delibera: {numero: 41, data: 2026-04-20}}",
)
def termine(ctx: Contesto) -> Iterator[Rilievo]:
    adozione = _adottato(ctx)
    if adozione is None:
        return
    adottato, letture = adozione
    t = letture.applicato
    if adottato <= t.data:
        return
    frasi = [
        f"Piano adottato il {data_it(adottato)}, {_giorni((adottato - t.data).days)} dopo il termine "
        f"del {data_it(t.data)}: {t.spiegazione(data_it)}."
    ]
    if t.di_sabato:
        frasi.append(
            "Il termine cade di sabato, che non è festivo, e non slitta: l'art. 155 c.5 c.p.c. "
            "equipara il sabato al festivo solo per gli atti processuali."
        )
    # Without `ente.regione` the national term applies and a late plan is still an error:
    # the great majority of comuni lie outside the regions of a regional deferral (2026:
    # Calabria, Sicilia, Sardegna), so a warning would let most late plans read as
    # «conforme», the worst mistake; the few on time elsewhere get a message that names
    # their date and the one field that settles it. A finding that rests on a disputed
    # reading or on a missing datum states both outcomes and threatens no sanction.
    regione = _regione_mancante(ctx, letture, adottato)
    if regione:
        frasi.append(regione)
    m = letture.minoritaria
    minoritaria = m is not None and adottato <= m.data
    if m is not None and minoritaria:
        frasi.append(_minoritaria(m, "sarebbe nei termini"))
    if not regione and not minoritaria:
        frasi.append(f"{SANZIONI[0].upper()}{SANZIONI[1:]}.")
    yield Rilievo(F, ("adozione", "delibera", "data"), " ".join(frasi))


@regola(
    "AN020",
    "anagrafica.termine-altre-letture",
    copre=("D01",),
    summary="Un piano adottato nei termini secondo la lettura applicata, ma in ritardo secondo "
    "un'altra (senza lo slittamento per festivi, con la lettura minoritaria dell'art. 8 c.2 DM "
    "132/2022 o con il termine di un'altra regione), riceve una nota che spiega le due letture.",
    basis=("DM132-7", "DM132-8-2"),
    confidenza="P",
    severita=Severity.INFO,
    motivo_severita="Secondo la lettura applicata il piano è nei termini: la nota dà conto di una "
    "lettura diversa, non accerta un ritardo.",
    conforme="adozione: {delibera: {data: 2026-03-24}}   # bilancio approvato il 26/02/2026",
    non_conforme="triennio: {da: 2025, a: 2027}\n"
    "adozione: {delibera: {data: 2025-03-31}}   # il 30/03/2025 è domenica",
)
def altre_letture(ctx: Contesto) -> Iterator[Rilievo]:
    adozione = _adottato(ctx)
    if adozione is None:
        return
    adottato, letture = adozione
    t = letture.applicato
    if adottato > t.data:
        return
    frasi = []
    if t.slittato and adottato > t.aritmetico:
        frasi.append(
            f"Senza lo slittamento al primo giorno non festivo, la cui applicazione al PIAO non è "
            f"confermata da DFP o ANAC, il termine sarebbe il {data_it(t.aritmetico)} e il piano "
            f"risulterebbe in ritardo di {_giorni((adottato - t.aritmetico).days)}."
            if t.saltati
            else f"La data aritmetica del termine è il {data_it(t.aritmetico)}: il piano è "
            f"successivo a quella data."
        )
    m = letture.minoritaria
    if m is not None and adottato > m.data:
        frasi.append(
            _minoritaria(m, f"risulterebbe in ritardo di {_giorni((adottato - m.data).days)}")
        )
    regione = _regione_mancante(ctx, letture, adottato)
    if regione:
        frasi.append(regione)
    if frasi:
        yield Rilievo(
            F,
            ("adozione", "delibera", "data"),
            f"Piano adottato il {data_it(adottato)}, nei termini secondo la lettura applicata: "
            f"termine del {data_it(t.data)}, {t.spiegazione(data_it)}. " + " ".join(frasi),
        )


@regola(
    "AN007",
    "anagrafica.piano-non-adottato",
    copre=(
        "R07",
        "R38",
    ),
    summary="Un piano senza delibera di adozione è una bozza: il rilievo ricorda il termine e le sanzioni.",
    basis=("DM132-7", "DM132-8-2", "DL80-6-7", "DL90-19-5b", "CASS-AGGIORNAMENTO"),
    confidenza="V",
    severita=Severity.INFO,
    motivo_severita="Un piano in bozza non è un'irregolarità: il rilievo è un promemoria.",
    conforme="adozione: {organo: giunta, delibera: {numero: 41, data: 2026-03-24}}",
    non_conforme="# nessuna chiave «adozione»",
)
def non_adottato(ctx: Contesto) -> Iterator[Rilievo]:
    adozione = ctx.piano.anagrafica.adozione
    if adozione is not None and adozione.delibera is not None:
        return
    letture = _letture(ctx)
    t = letture.applicato
    regione = _regione_mancante(ctx, letture, None)
    yield Rilievo(
        F,
        ("adozione",) if adozione is not None else (),
        f"Piano non ancora adottato. Termine: {data_it(t.data)}, {t.spiegazione(data_it)}. "
        + (f"{regione} " if regione else "")
        + f"In caso di mancata adozione, {SANZIONI}. La Cassazione distingue il mancato "
        "aggiornamento annuale dalla mancata adozione, ma ANAC può trattare come non adottato un "
        "piano privo dei contenuti essenziali.",
    )


@regola(
    "AN021",
    "anagrafica.aggiornamenti",
    summary="Ogni aggiornamento in corso d'anno è deliberato dopo l'adozione del piano ed entro la "
    "fine del triennio; non è soggetto al termine di adozione.",
    basis=("DM132-7",),
    confidenza="V",
    conforme="aggiornamenti: [{organo: giunta, delibera: {numero: 95, data: 2026-07-16}, "
    'sezioni: ["3.3"]}]   # adozione il 24/03/2026',
    non_conforme="aggiornamenti: [{organo: giunta, delibera: {numero: 12, data: 2026-02-10}, "
    'sezioni: ["2.3"]}]   # adozione il 24/03/2026',
)
def aggiornamenti(ctx: Contesto) -> Iterator[Rilievo]:
    a = ctx.piano.anagrafica
    adozione = a.adozione.delibera if a.adozione is not None else None
    fine = datetime.date(a.triennio.a, 12, 31)
    for i, agg in enumerate(a.aggiornamenti):
        quando = agg.delibera.data
        path = ("aggiornamenti", i, "delibera", "data")
        if adozione is None:
            yield Rilievo(
                F,
                path,
                f"Aggiornamento del {data_it(quando)} di un piano che non risulta adottato: un "
                "aggiornamento modifica il piano adottato; indicare la delibera in «adozione».",
            )
        elif quando < adozione.data:
            yield Rilievo(
                F,
                path,
                f"L'aggiornamento del {data_it(quando)} precede l'adozione del piano "
                f"({data_it(adozione.data)}): un aggiornamento modifica il piano già adottato. Se "
                "questa delibera adotta il piano, riportarla in «adozione»; se aggiorna il piano "
                "del triennio precedente, riportarla in quel piano.",
            )
        elif quando > fine:
            yield Rilievo(
                F,
                path,
                f"L'aggiornamento del {data_it(quando)} è successivo alla fine del triennio "
                f"{a.triennio} ({data_it(fine)}): riportarlo nel piano del triennio che aggiorna.",
            )


@regola(
    "AN008",
    "anagrafica.organo-adozione",
    copre=("R08",),
    summary="Nei comuni il PIAO è adottato dalla Giunta (o da chi ne esercita i poteri, come il "
    "commissario di un comune sciolto).",
    basis=("TUEL-48",),
    confidenza="P",
    conforme="adozione: {organo: giunta, ...}",
    non_conforme="adozione: {organo: consiglio, ...}",
)
def organo(ctx: Contesto) -> Iterator[Rilievo]:
    adozione = ctx.piano.anagrafica.adozione
    # A commissario of a dissolved comune holds the Giunta's powers (artt. 141 and 143 TUEL).
    if ctx.e_comune and adozione is not None and adozione.organo not in ("giunta", "commissario"):
        yield Rilievo(
            F,
            ("adozione", "organo"),
            f"Nei comuni il PIAO è adottato con deliberazione della Giunta, non dall'organo «{adozione.organo}».",
        )


@regola(
    "AN009",
    "anagrafica.pubblicazione",
    copre=("R09",),
    summary="Il piano adottato è pubblicato in Amministrazione trasparente e caricato sul Portale PIAO "
    "(l'invio via PEC non vale).",
    basis=("DL80-6-4", "CIRC-DFP-2-2022"),
    confidenza="P",
    conforme="pubblicazione: {amministrazione_trasparente: {data: ..., url: ...}, portale_piao: {data: ...}}",
    non_conforme="pubblicazione: {amministrazione_trasparente: {data: ..., url: ...}}   # manca il Portale PIAO",
)
def pubblicazione(ctx: Contesto) -> Iterator[Rilievo]:
    a = ctx.piano.anagrafica
    if a.adozione is None or a.adozione.delibera is None:
        return
    pub = a.pubblicazione
    at = pub.amministrazione_trasparente if pub else None
    portale = pub.portale_piao if pub else None
    if at is None or at.url is None:
        yield Rilievo(
            F,
            ("pubblicazione", "amministrazione_trasparente"),
            "Manca la pubblicazione (data e indirizzo) in Amministrazione trasparente.",
        )
    if portale is None:
        yield Rilievo(
            F, ("pubblicazione", "portale_piao"), "Manca la data di caricamento sul Portale PIAO."
        )
    adottato = a.adozione.delibera.data
    for nome, dato in (("amministrazione_trasparente", at), ("portale_piao", portale)):
        if dato is not None and dato.data < adottato:
            yield Rilievo(
                F,
                ("pubblicazione", nome, "data"),
                f"Data di pubblicazione ({data_it(dato.data)}) precedente all'adozione ({data_it(adottato)}).",
            )


@regola(
    "AN010",
    "anagrafica.formati-aperti",
    copre=("R35",),
    summary="Il piano è pubblicato in PDF (meglio PDF/A) e le sue tabelle in un formato aperto (CSV, JSON, ODS).",
    basis=("DLGS33-7",),
    confidenza="P",
    conforme="formati: [pdf_a, docx, csv, json]",
    non_conforme="formati: [pdf]",
)
def formati(ctx: Contesto) -> Iterator[Rilievo]:
    pub = ctx.piano.anagrafica.pubblicazione
    if pub is None:
        return
    scelti = set(pub.formati)
    mancano = []
    if not scelti & {"pdf_a", "pdf"}:
        mancano.append("il documento in PDF/A")
    if not scelti & {"csv", "json", "ods"}:
        mancano.append("le tabelle in formato aperto (CSV, JSON o ODS)")
    if mancano:
        yield Rilievo(
            F,
            ("pubblicazione", "formati"),
            f"Tra i formati pubblicati {manca(mancano)}.",
        )


@regola(
    "AN011",
    "anagrafica.piani-precedenti",
    copre=("R37",),
    summary="I PIAO degli anni precedenti restano pubblicati per cinque anni.",
    basis=("DLGS33-8-3",),
    confidenza="V",
    severita=Severity.INFO,
    motivo_severita="Promemoria su un obbligo che riguarda il sito, non il contenuto del piano.",
    conforme="piani_precedenti_url: https://.../piao",
    non_conforme="# nessun indirizzo dei piani precedenti",
)
def piani_precedenti(ctx: Contesto) -> Iterator[Rilievo]:
    pub = ctx.piano.anagrafica.pubblicazione
    if pub is not None and pub.piani_precedenti_url is None:
        yield Rilievo(
            F,
            ("pubblicazione",),
            "Indicare in «piani_precedenti_url» dove restano consultabili i piani degli ultimi cinque anni.",
        )


@regola(
    "AN012",
    "anagrafica.deroghe-valide",
    summary="Ogni deroga indica una regola esistente e, se c'è, un codice presente nel piano.",
    basis=(),
    confidenza="V",
    integrita=True,
    conforme="deroghe: [{regola: FO001, motivazione: ...}]",
    non_conforme="deroghe: [{regola: ZZ999, motivazione: ...}]",
)
def deroghe(ctx: Contesto) -> Iterator[Rilievo]:
    for i, deroga in enumerate(ctx.piano.anagrafica.deroghe):
        if deroga.regola not in REGISTRY:
            yield Rilievo(
                F,
                ("deroghe", i, "regola"),
                f"La deroga cita la regola «{deroga.regola}», che non esiste.",
            )
    for rotto in rotti(ctx, "AN012"):
        yield Rilievo(
            rotto.file,
            rotto.path,
            f"La deroga cita il codice «{rotto.codice}», che non c'è nel piano.",
        )


@regola(
    "AN013",
    "anagrafica.deroga-non-ammessa",
    summary="Una deroga può riguardare solo una regola fondata su atti di indirizzo o su una norma che "
    "ammette essa stessa un'eccezione: la legge vincolante non si deroga.",
    basis=(),
    confidenza="V",
    integrita=True,
    conforme="deroghe: [{regola: FO001, motivazione: ...}]   # direttiva sulla formazione",
    non_conforme="deroghe: [{regola: AN006, motivazione: ...}]   # termine di adozione",
)
def deroga_non_ammessa(ctx: Contesto) -> Iterator[Rilievo]:
    for i, deroga in enumerate(ctx.piano.anagrafica.deroghe):
        regola = REGISTRY.get(deroga.regola)
        if regola is None or regola.derogabile:
            continue
        if regola.integrita:
            motivo = (
                "è un controllo di integrità dei collegamenti: un codice che non esiste si "
                "corregge, non si deroga"
            )
        else:
            norme = ctx.ref.norme
            vincolanti = "; ".join(
                norme[b].citazione for b in regola.basis if b in norme and norme[b].vincolante
            )
            motivo = f"applica una norma vincolante ({vincolanti}) che non ammette eccezioni"
        yield Rilievo(
            F,
            ("deroghe", i, "regola"),
            f"La regola «{regola.code}» {motivo}: la deroga non ha effetto e i rilievi della "
            "regola restano.",
        )


@regola(
    "AN014",
    "anagrafica.pubblicazione-nei-termini",
    copre=("R09",),
    summary="Il piano adottato nei termini è pubblicato sul sito e caricato sul Portale PIAO entro lo stesso "
    "termine.",
    basis=("DL80-6-4", "DM132-8-2"),
    confidenza="P",
    conforme="adozione: {delibera: {data: 2026-03-24}}\npubblicazione: {amministrazione_trasparente: "
    "{data: 2026-03-26}, portale_piao: {data: 2026-03-27}}   # termine 30/03/2026",
    non_conforme="pubblicazione: {portale_piao: {data: 2026-04-10}}   # termine 30/03/2026",
)
def pubblicazione_nei_termini(ctx: Contesto) -> Iterator[Rilievo]:
    a = ctx.piano.anagrafica
    adozione = _adottato(ctx)
    if adozione is None or a.pubblicazione is None:
        return
    adottato, letture = adozione
    termine = letture.applicato
    if adottato > termine.data:
        return  # a late adoption is AN006's; publication follows it
    for nome, dato in (
        ("amministrazione_trasparente", a.pubblicazione.amministrazione_trasparente),
        ("portale_piao", a.pubblicazione.portale_piao),
    ):
        if dato is not None and dato.data > termine.data:
            dove = "sul sito" if nome == "amministrazione_trasparente" else "sul Portale PIAO"
            yield Rilievo(
                F,
                ("pubblicazione", nome, "data"),
                f"Piano pubblicato {dove} il {data_it(dato.data)}, dopo il termine del "
                f"{data_it(termine.data)}: l'art. 6 c.4 DL 80/2021 chiede la pubblicazione entro lo stesso "
                "termine dell'adozione (lettura applicata: il differimento dell'art. 8 c.2 DM 132/2022 vale "
                "anche per la pubblicazione; confidenza parziale).",
            )
