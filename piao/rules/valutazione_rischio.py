"""Rules on the risk assessment of sottosezione 2.3 (PNA 2019 Allegato 1): completeness of
the mapping, the declared scale, prudence, treatment, and the plausibility of numeric
scores and of the lowest level in the areas of art. 1 c.16 L. 190/2012.

A plan may rate each process, or each risk event of a process (many comuni do): then the
process judgement, when the plan does not write it, is the highest event judgement
(`RischiCorruttivi.giudizio`), and every rule reads that one."""

from __future__ import annotations

from collections.abc import Iterator

from piao.lingua import elenco
from piao.model.rischi_corruttivi import (
    AreaRischio,
    FaseProcesso,
    MetodoStima,
    Processo,
    RischiCorruttivi,
    ValutazioneRischio,
    chiave,
)
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import manca, vuoto

F = "rischi_corruttivi.yaml"
RC = ("rischi_corruttivi",)
YamlPath = tuple[str | int, ...]

AREE_C16_PRESIDIATE: dict[AreaRischio, str] = {
    "contratti_pubblici": "contratti pubblici (art. 1 c.16 lett. b L. 190/2012)",
    "concorsi_progressioni": "concorsi e progressioni (art. 1 c.16 lett. d L. 190/2012)",
}
"""The areas of art. 1 c.16 L. 190/2012 where a rating at the lowest level is checked for
plausibility (the issue names contratti pubblici and concorsi)."""


def _valutazioni(p: Processo, i: int) -> Iterator[tuple[YamlPath, str, ValutazioneRischio, bool]]:
    """(path, whose code, rating, whether it is the process's own) of the process rating
    and of each event rating."""
    if p.valutazione is not None:
        yield ("processi", i, "valutazione"), p.codice, p.valutazione, True
    for j, e in enumerate(p.eventi_rischiosi):
        if e.valutazione is not None:
            path: YamlPath = ("processi", i, "eventi_rischiosi", j, "valutazione")
            yield path, e.codice, e.valutazione, False


def _metodo(rc: RischiCorruttivi) -> MetodoStima:
    return rc.metodo_valutazione.tipo if rc.metodo_valutazione else "qualitativo"


def _senza_rischi(p: Processo) -> bool:
    """Every phase of the process is declared without risk events («rischi assenti»)."""
    return bool(p.fasi) and all(isinstance(f, FaseProcesso) and f.nessun_rischio for f in p.fasi)


def _incompleta(v: ValutazioneRischio, metodo: MetodoStima) -> list[str]:
    """What a rating lacks under the declared method."""
    mancano = []
    senza = [k for k, val in v.indicatori.model_dump().items() if vuoto(val)]
    stima = [
        n for n, x in (("la probabilità", v.probabilita), ("l'impatto", v.impatto)) if x is None
    ]
    if metodo == "qualitativo" and senza:
        mancano.append("il giudizio sugli indicatori " + elenco(senza))
    elif metodo == "numerico":
        mancano += stima
    elif metodo == "misto" and senza and stima:
        if len(senza) < 6:
            mancano.append("il giudizio sugli indicatori " + elenco(senza))
        elif len(stima) < 2:
            mancano += stima
        else:
            mancano.append("il giudizio sugli indicatori o la stima di probabilità e impatto")
    if vuoto(v.giudizio):
        mancano.append("il giudizio sintetico")
    if vuoto(v.motivazione):
        mancano.append("la motivazione")
    return mancano


@regola(
    "RC005",
    "rischi.processi-completi",
    copre=("R14",),
    summary="Ogni processo mappato ha unità responsabile, eventi rischiosi, fattori abilitanti e una "
    "valutazione completa secondo il metodo dichiarato (giudizio sui sei indicatori, o probabilità e "
    "impatto, giudizio sintetico e motivazione), del processo o di ciascun evento.",
    basis=("PNA2019-A1",),
    confidenza="P",
    richiede=RC,
    conforme="unita_responsabile: UO-GARE\neventi_rischiosi: [...]\nfattori_abilitanti: [...]\nvalutazione: {indicatori: {...}, giudizio: alto, motivazione: ...}",
    non_conforme="# processo senza eventi_rischiosi",
)
def processi_completi(ctx: Contesto) -> Iterator[Rilievo]:
    metodo = _metodo(ctx.rc)
    for i, p in enumerate(ctx.rc.processi):
        mancano = []
        if vuoto(p.unita_responsabile):
            mancano.append("l'unità responsabile")
        senza_rischi = not p.eventi_rischiosi and _senza_rischi(p)
        if not p.eventi_rischiosi and not senza_rischi:
            mancano.append("gli eventi rischiosi")
        if not p.fattori_abilitanti and not senza_rischi:
            mancano.append("i fattori abilitanti")
        per_evento = any(e.valutazione is not None for e in p.eventi_rischiosi)
        if per_evento:
            non_valutati = [e.codice for e in p.eventi_rischiosi if e.valutazione is None]
            if non_valutati:
                mancano.append(
                    (
                        "la valutazione degli eventi "
                        if len(non_valutati) > 1
                        else "la valutazione dell'evento "
                    )
                    + elenco(non_valutati)
                )
            for e in p.eventi_rischiosi:
                if e.valutazione is not None:
                    mancano += [
                        f"{x} dell'evento {e.codice}" for x in _incompleta(e.valutazione, metodo)
                    ]
        elif p.valutazione is None:
            if not senza_rischi:
                mancano.append("la valutazione")
        else:
            mancano += _incompleta(p.valutazione, metodo)
        if p.area_rischio == "altra" and vuoto(p.area_rischio_descrizione):
            mancano.append("la descrizione dell'area di rischio «altra»")
        if mancano:
            yield Rilievo(F, ("processi", i), f"{p.codice}: {manca(mancano)}.")


def _livelli(v: ValutazioneRischio) -> list[tuple[tuple[str, ...], str]]:
    """(path inside the rating, level) for every level a rating writes."""
    out: list[tuple[tuple[str, ...], str]] = [
        (("indicatori", k), val) for k, val in v.indicatori.model_dump().items() if val
    ]
    if v.giudizio:
        out.append((("giudizio",), v.giudizio))
    return out


@regola(
    "RC006",
    "rischi.scala-valutazione",
    copre=("R15",),
    summary="Ogni giudizio (dei processi, degli eventi e delle soglie del punteggio) usa un livello della "
    "scala ordinale dichiarata in «scala_valutazione».",
    basis=("PNA2019-A1",),
    confidenza="P",
    integrita=True,
    richiede=RC,
    conforme="scala_valutazione: [basso, medio, alto]\n... giudizio: medio",
    non_conforme="scala_valutazione: [basso, medio, alto]\n... giudizio: molto alto",
)
def scala(ctx: Contesto) -> Iterator[Rilievo]:
    rc = ctx.rc
    dichiarata = elenco(rc.scala_valutazione)
    for i, p in enumerate(rc.processi):
        for path, chi, v, _ in _valutazioni(p, i):
            for dove, value in _livelli(v):
                if rc.rango(value) is None:
                    yield Rilievo(
                        F,
                        (*path, *dove),
                        f"{chi}: il livello «{value}» non è nella scala dichiarata ({dichiarata}).",
                    )
    if rc.metodo_valutazione is not None:
        for livello in rc.metodo_valutazione.soglie:
            if rc.rango(livello) is None:
                yield Rilievo(
                    F,
                    ("metodo_valutazione", "soglie", livello),
                    f"La soglia del livello «{livello}» non corrisponde a un livello della scala "
                    f"dichiarata ({dichiarata}).",
                )


def _sopra(rc: RischiCorruttivi, v: ValutazioneRischio) -> tuple[int, str] | None:
    """The highest indicator of a rating: (rank, what to call it)."""
    ranghi = [r for x in v.indicatori.model_dump().values() if (r := rc.rango(x)) is not None]
    if not ranghi:
        return None
    return max(ranghi), f"all'indicatore più alto («{rc.scala_valutazione[max(ranghi)]}»)"


@regola(
    "RC007",
    "rischi.prudenza",
    copre=("R15",),
    summary="Il giudizio sintetico non è inferiore all'indicatore più alto né, per il processo, all'evento "
    "rischioso valutato più alto, salvo motivazione specifica (criterio di prudenza).",
    basis=("PNA2019-A1",),
    confidenza="P",
    richiede=RC,
    conforme="indicatori: {interesse_esterno: alto, ...}\ngiudizio: alto",
    non_conforme="indicatori: {interesse_esterno: alto, ...}\ngiudizio: medio   # senza motivazione_scostamento",
)
def prudenza(ctx: Contesto) -> Iterator[Rilievo]:
    rc = ctx.rc
    for i, p in enumerate(rc.processi):
        for path, chi, v, del_processo in _valutazioni(p, i):
            giudizio = rc.rango(v.giudizio)
            if giudizio is None or not vuoto(v.motivazione_scostamento):
                continue
            soglie = [s for s in (_sopra(rc, v),) if s is not None]
            evento = rc.giudizio_eventi(p) if del_processo else None
            if evento is not None:
                livello, e = evento
                soglie.append(
                    (
                        rc.rango(livello) or 0,
                        f"all'evento valutato più alto ({e.codice}, «{livello}»)",
                    )
                )
            if not soglie:
                continue
            rango, cosa = max(soglie, key=lambda t: t[0])
            if giudizio < rango:
                yield Rilievo(
                    F,
                    (*path, "giudizio"),
                    f"{chi}: giudizio «{v.giudizio}» inferiore {cosa}: motivare in «motivazione_scostamento».",
                )


def soglia_medio(rc: RischiCorruttivi) -> int:
    """The rank from which a risk is «medio o superiore»: the level called «medio» (or
    «media») on the declared scale, else the second level (a three-level scale)."""
    livelli = [chiave(x) for x in rc.scala_valutazione]
    for nome in ("medio", "media"):
        if nome in livelli:
            return livelli.index(nome)
    return 1


@regola(
    "RC008",
    "rischi.misure-specifiche",
    copre=("R16",),
    summary="Ogni processo con rischio medio o superiore ha almeno una misura specifica, o un'accettazione motivata del rischio.",
    basis=("PNA2019-A1",),
    confidenza="P",
    richiede=RC,
    conforme="misure: [{codice: MIS-15, tipo: specifica, processi: [PR-03]}]",
    non_conforme="# processo con giudizio alto e nessuna misura specifica",
)
def misure_specifiche(ctx: Contesto) -> Iterator[Rilievo]:
    rc = ctx.rc
    if not rc.misure:
        return  # no measures at all is reported by RC002 / CO009 / CO010
    trattati = {c for m in rc.misure if m.tipo == "specifica" for c in m.processi}
    medio = soglia_medio(rc)
    for i, p in enumerate(rc.processi):
        giudizio, derivato = rc.giudizio(p)
        rango = rc.rango(giudizio)
        if (
            rango is None
            or rango < medio
            or p.codice in trattati
            or not vuoto(p.accettazione_rischio)
        ):
            continue
        dagli_eventi = " (il più alto degli eventi)" if derivato else ""
        yield Rilievo(
            F,
            ("processi", i),
            f"{p.codice}: rischio «{giudizio}»{dagli_eventi} senza misure specifiche né accettazione "
            "motivata del rischio.",
        )


def _numero(x: float) -> str:
    return f"{x:g}".replace(".", ",")


@regola(
    "RC024",
    "rischi.punteggio-livello",
    summary="Controllo di plausibilità: dove il piano scrive un punteggio e un livello, il livello è "
    "quello che le soglie del suo metodo numerico assegnano a quel punteggio.",
    basis=("PNA2019-A1",),
    confidenza="P",
    richiede=RC,
    conforme="metodo_valutazione: {tipo: numerico, soglie: {basso: 0, medio: 5, alto: 10}}\n... punteggio: 8, giudizio: medio",
    non_conforme="metodo_valutazione: {tipo: numerico, soglie: {basso: 0, medio: 5, alto: 10}}\n... punteggio: 8, giudizio: basso",
)
def punteggio_livello(ctx: Contesto) -> Iterator[Rilievo]:
    rc = ctx.rc
    if rc.metodo_valutazione is None or not rc.metodo_valutazione.soglie:
        return
    soglie = sorted(rc.metodo_valutazione.soglie.items(), key=lambda t: t[1])
    for i, p in enumerate(rc.processi):
        for path, chi, v, _ in _valutazioni(p, i):
            if v.punteggio is None or vuoto(v.giudizio) or v.giudizio is None:
                continue
            atteso = [livello for livello, minimo in soglie if minimo <= v.punteggio]
            if not atteso:
                yield Rilievo(
                    F,
                    (*path, "punteggio"),
                    f"{chi}: il punteggio {_numero(v.punteggio)} è sotto la soglia più bassa dichiarata "
                    f"in «metodo_valutazione.soglie» ({_numero(soglie[0][1])}): verificarlo "
                    "(controllo di plausibilità).",
                )
            elif chiave(atteso[-1]) != chiave(v.giudizio):
                yield Rilievo(
                    F,
                    (*path, "giudizio"),
                    f"{chi}: il punteggio {_numero(v.punteggio)} corrisponde al livello «{atteso[-1]}» "
                    f"secondo le soglie dichiarate, ma il giudizio è «{v.giudizio}». piao non ricalcola "
                    "il livello: verificare il punteggio o il giudizio (controllo di plausibilità).",
                )


@regola(
    "RC025",
    "rischi.livello-minimo-aree-sensibili",
    summary="Controllo di plausibilità, non obbligo di legge: un processo di contratti pubblici o di "
    "concorsi e progressioni (aree dell'art. 1 c.16 L. 190/2012) valutato al livello più basso della "
    "scala dichiarata ne spiega il motivo.",
    basis=("PNA2019-A1",),
    confidenza="P",
    richiede=RC,
    conforme="area_rischio: contratti_pubblici\nvalutazione: {giudizio: basso, motivazione_scostamento: ...}",
    non_conforme="area_rischio: contratti_pubblici\nvalutazione: {giudizio: basso}",
)
def livello_minimo(ctx: Contesto) -> Iterator[Rilievo]:
    rc = ctx.rc
    for i, p in enumerate(rc.processi):
        area = AREE_C16_PRESIDIATE.get(p.area_rischio)
        giudizio, derivato = rc.giudizio(p)
        if area is None or rc.rango(giudizio) != 0:
            continue
        if p.valutazione is not None and not vuoto(p.valutazione.motivazione_scostamento):
            continue
        path: YamlPath = ("processi", i) if derivato else ("processi", i, "valutazione", "giudizio")
        dagli_eventi = " (il più alto degli eventi)" if derivato else ""
        yield Rilievo(
            F,
            path,
            f"{p.codice}: rischio «{giudizio}»{dagli_eventi}, il livello più basso della scala, in un "
            f"processo dell'area {area}, che la legge indica tra quelle da presidiare. È un controllo di "
            "plausibilità, non un obbligo di legge: spiegare perché il rischio è minimo in "
            "«valutazione.motivazione_scostamento» del processo.",
        )


@regola(
    "RC026",
    "rischi.fasi-eventi",
    summary="Gli eventi rischiosi sono attribuiti a fasi dichiarate del processo, e nessun evento è "
    "attribuito a una fase indicata senza rischi.",
    basis=("PNA2019-A1",),
    confidenza="P",
    richiede=RC,
    conforme="fasi: [{numero: 2, descrizione: Pubblicazione del bando, nessun_rischio: true}, Nomina della commissione]\neventi_rischiosi: [{codice: EV-10-3, fase: Nomina della commissione}]",
    non_conforme="fasi: [{numero: 2, descrizione: Pubblicazione del bando, nessun_rischio: true}]\neventi_rischiosi: [{codice: EV-10-3, fase: Pubblicazione del bando}]",
)
def fasi_eventi(ctx: Contesto) -> Iterator[Rilievo]:
    for i, p in enumerate(ctx.rc.processi):
        if not p.fasi:
            continue
        fasi: dict[str, tuple[int, str | FaseProcesso]] = {}
        for k, f in enumerate(p.fasi):
            for nome in f.nomi() if isinstance(f, FaseProcesso) else (f,):
                fasi.setdefault(chiave(nome), (k, f))
        for j, e in enumerate(p.eventi_rischiosi):
            if e.fase is None or vuoto(e.fase):
                continue
            trovata = fasi.get(chiave(str(e.fase)))
            if trovata is None:
                yield Rilievo(
                    F,
                    ("processi", i, "eventi_rischiosi", j, "fase"),
                    f"{e.codice}: la fase «{e.fase}» non è tra le fasi del processo {p.codice} "
                    f"({elenco(f'«{_nome(f)}»' for f in p.fasi)}).",
                )
            elif isinstance(trovata[1], FaseProcesso) and trovata[1].nessun_rischio:
                yield Rilievo(
                    F,
                    ("processi", i, "fasi", trovata[0]),
                    f"{p.codice}: la fase «{trovata[1].descrizione}» è indicata senza rischi "
                    f"(«nessun_rischio: true»), ma le è attribuito l'evento {e.codice}.",
                )


def _nome(fase: str | FaseProcesso) -> str:
    return fase.descrizione if isinstance(fase, FaseProcesso) else fase
