"""Rules on a monitoring period (issue 18 item 4): what a valid period file must say, given
its plan. They share the catalogue of `piao check` (codes, basis, confidence, binding
force, severity by the same table of `piao/rules/registry.py`) and are run by
`piao monitoraggio check` on every period file that passed the schema.

The law sets only a general duty here: the plan is monitored «con cadenza periodica»
(art. 6 c.3 DL 80/2021; art. 5 DM 132/2022) and the measures of 2.3 are monitored in their
implementation (DM 132/2022 art. 3 c.1 lett. c; PNA 2019 Allegato 1). No text says which
datum a period file holds, so every rule resting on it is a warning at most; a broken link
to an evidence file is an integrity error, whatever the law.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from piao.findings import Finding, Severity, YamlPath
from piao.model.base import PLACEHOLDERS, Indicatore, da_verificare
from piao.model.fabbisogni_personale import Assunzione
from piao.model.periodo import DatiPeriodo, PeriodoMonitoraggio, Rilevazione
from piao.model.regime import ENTRAMBI, ORDINARIO, Regime
from piao.model.rischi_corruttivi import Misura
from piao.rules.registry import Confidenza, forza_e_severita

if TYPE_CHECKING:
    from piao.periodi.controllo import PeriodoLetto
    from piao.periodi.piano import PianoLetto


@dataclass(frozen=True)
class Contesto:
    """What a period rule reads: the period, its valid data, the plan, the file's folder."""

    periodo: PeriodoMonitoraggio
    dati: DatiPeriodo
    piano: PianoLetto
    path: Path
    """The period file on disk."""
    letto: PeriodoLetto
    """The period file read (the achievements are computed from it)."""


Verifica = Callable[[Contesto], Iterator[tuple[YamlPath, str]]]


@dataclass(frozen=True)
class RegolaPeriodo:
    """A rule on a period file: the metadata of a plan rule (`piao.rules.registry.Regola`),
    a check yielding (path in the period file, Italian message)."""

    code: str
    name: str
    summary: str
    basis: tuple[str, ...]
    confidenza: Confidenza
    regimi: frozenset[Regime]
    esempio_conforme: str
    esempio_non_conforme: str
    check: Verifica
    severita: Severity
    motivo_severita: str | None = None
    integrita: bool = False
    copre: tuple[str, ...] = ()
    vincolante: bool = False
    eccezione: str | None = None

    @property
    def derogabile(self) -> bool:
        """A deroga lives in the plan, not in a period file: none waives a period rule."""
        return False


REGOLE_PERIODO: dict[str, RegolaPeriodo] = {}


def regola(
    code: str,
    name: str,
    *,
    summary: str,
    basis: tuple[str, ...],
    confidenza: Confidenza,
    conforme: str,
    non_conforme: str,
    regimi: frozenset[Regime] = ENTRAMBI,
    severita: Severity | None = None,
    motivo_severita: str | None = None,
    integrita: bool = False,
) -> Callable[[Verifica], Verifica]:
    """Register a period rule; severity as `piao.rules.registry.regola` derives it."""

    def register(check: Verifica) -> Verifica:
        if code in REGOLE_PERIODO:
            raise ValueError(f"rule code {code} registered twice")
        vincolante, eccezione, chosen = forza_e_severita(
            code,
            basis,
            confidenza,
            integrita=integrita,
            severita=severita,
            motivo_severita=motivo_severita,
        )
        REGOLE_PERIODO[code] = RegolaPeriodo(
            code,
            name,
            summary,
            basis,
            confidenza,
            regimi,
            conforme,
            non_conforme,
            check,
            chosen,
            motivo_severita,
            integrita,
            vincolante=vincolante,
            eccezione=eccezione,
        )
        return check

    return register


def controlla_regole(letto: PeriodoLetto, piano: PianoLetto) -> list[Finding]:
    """The findings of every period rule on a period file that passed the schema."""
    if letto.dati is None or letto.periodo is None:
        return []
    if any(f.code == "MP001" and f.severity is Severity.ERROR for f in letto.findings):
        return []  # a period outside the plan's triennio: its data are not this plan's
    a = piano.anagrafica
    ctx = Contesto(letto.periodo, letto.dati, piano, letto.path, letto)
    out: list[Finding] = []
    for code in sorted(REGOLE_PERIODO):
        regola = REGOLE_PERIODO[code]
        if a is not None and a.regime not in regola.regimi:
            continue
        for path, message in regola.check(ctx):
            out.append(
                Finding(
                    code=regola.code,
                    name=regola.name,
                    severity=regola.severita,
                    message=message,
                    location=letto.sources.locate(letto.name, path),
                    basis=regola.basis,
                    vincolante=regola.vincolante,
                )
            )
    return out


def _segnaposto(valore: Any) -> bool:
    return isinstance(valore, str) and (
        valore.strip().lower() in PLACEHOLDERS or da_verificare(valore)
    )


def _data(giorno: datetime.date) -> str:
    return giorno.strftime("%d/%m/%Y")


def _refuso(codice: str, scritti: list[str], noti: set[str]) -> bool:
    """A key of the file that names nothing of the plan looks like `codice`: MP002 already
    reports it with «Forse intendevi ...», the missing object is not reported twice."""
    ignoti = [k for k in scritti if k not in noti]
    return bool(difflib.get_close_matches(codice, ignoti, n=1, cutoff=0.6))


# --- MP010: indicators due --------------------------------------------------------------


def dovuto(ind: Indicatore, periodo: PeriodoMonitoraggio, anni: range | None) -> bool:
    """Whether the plan expects a value of `ind` in the period: a target for the period's
    year, or only a target of the triennio and the period is (part of) its last year."""
    target = ind.target.get(periodo.anno)
    if target is not None:
        return not _segnaposto(target)
    if ind.target or ind.target_triennio is None or _segnaposto(ind.target_triennio):
        return False
    return anni is not None and periodo.anno == anni.stop - 1


@regola(
    "MP010",
    "periodo.indicatori-dovuti",
    summary="Ogni indicatore del piano con un target nell'anno del periodo ha, nel file del "
    "periodo, il valore misurato o il motivo per cui non è stato rilevato.",
    basis=("DL80-6-3", "DM132-5"),
    confidenza="P",
    regimi=ORDINARIO,
    conforme="indicatori:\n  VP-01-I1: {valore: 80.4, data: 2026-06-30}\n"
    "  VP-07-I2: {non_rilevato: «indagine svolta in novembre»}",
    non_conforme="indicatori:\n  VP-01-I1: {valore: 80.4, data: 2026-06-30}\n"
    "  # VP-07-I2 (target 2026: 67) manca",
)
def indicatori_dovuti(ctx: Contesto) -> Iterator[tuple[YamlPath, str]]:
    tutti = ctx.piano.tutti("Indicatore")
    noti = {o.codice for o in tutti}
    visti: set[str] = set()
    for o in tutti:
        ind = o.model
        if not isinstance(ind, Indicatore) or ind.codice in visti:
            continue
        visti.add(ind.codice)
        if ind.codice in ctx.dati.indicatori or not dovuto(ind, ctx.periodo, ctx.piano.anni):
            continue
        if _refuso(ind.codice, list(ctx.dati.indicatori), noti):
            continue
        quando = (
            f"un target per il {ctx.periodo.anno}"
            if ctx.periodo.anno in ind.target
            else "il target del triennio, che si misura nel suo ultimo anno"
        )
        yield (
            ("indicatori",),
            f"Manca l'indicatore «{ind.codice}» ({o.file}): il piano gli assegna {quando}. "
            f"Scrivere sotto «indicatori» il valore misurato nel {ctx.periodo.descrizione} o, "
            "se non è stato possibile misurarlo, «non_rilevato:» con il motivo (il "
            "monitoraggio periodico del piano è un obbligo generale: art. 6 c.3 DL 80/2021, "
            "art. 5 DM 132/2022).",
        )


# --- MP011: dates -----------------------------------------------------------------------


def _rilevazioni(dati: DatiPeriodo) -> Iterator[tuple[YamlPath, Rilevazione]]:
    gruppi: list[tuple[str, dict[str, Any]]] = [
        ("indicatori", dict(dati.indicatori)),
        ("misure", dict(dati.misure)),
        ("assunzioni", dict(dati.assunzioni)),
        ("azioni_positive", dict(dati.azioni_positive)),
    ]
    for chiave, voci in gruppi:
        for codice, voce in voci.items():
            yield (chiave, codice), voce
    if dati.formazione is not None:
        for codice, corso in dati.formazione.corsi.items():
            yield ("formazione", "corsi", codice), corso
    if dati.lavoro_agile is not None:
        yield ("lavoro_agile",), dati.lavoro_agile


@regola(
    "MP011",
    "periodo.date",
    summary="Le date delle misurazioni, delle verifiche e delle cessazioni cadono nel periodo; "
    "la compilazione e gli atti che approvano le rettifiche non precedono il suo inizio.",
    basis=("DL80-6-3", "DM132-5"),
    confidenza="P",
    conforme="# 2026-S1.yaml (dal 01/01/2026 al 30/06/2026)\n"
    "indicatori: {VP-01-I1: {valore: 80.4, data: 2026-06-30}}",
    non_conforme="# 2026-S1.yaml (dal 01/01/2026 al 30/06/2026)\n"
    "indicatori: {VP-01-I1: {valore: 80.4, data: 2026-07-01}}",
)
def date_nel_periodo(ctx: Contesto) -> Iterator[tuple[YamlPath, str]]:
    p = ctx.periodo
    intervallo = f"il {p.descrizione} va dal {_data(p.inizio)} al {_data(p.fine)}"
    lettura = (
        "(lettura applicata: la data è quella a cui il dato si riferisce, dentro il periodo; "
        "un dato misurato dopo la fine va nel file del periodo successivo)"
    )
    for path, voce in _rilevazioni(ctx.dati):
        if voce.data is not None and not p.contiene(voce.data):
            yield (
                (*path, "data"),
                f"La data {_data(voce.data)} è fuori dal periodo: {intervallo} {lettura}.",
            )
    for i, c in enumerate(ctx.dati.cessazioni):
        if not p.contiene(c.data):
            yield (
                ("cessazioni", i, "data"),
                f"La cessazione del {_data(c.data)} non è avvenuta nel periodo: {intervallo}; "
                "va nel file del periodo in cui è avvenuta.",
            )
    dopo = "è anteriore all'inizio del periodo: compilazione e approvazioni seguono i fatti"
    comp = ctx.dati.compilazione
    if comp is not None and comp.data is not None and comp.data < p.inizio:
        yield (
            ("compilazione", "data"),
            f"La data di compilazione {_data(comp.data)} {dopo} ({intervallo}).",
        )
    for codice, r in ctx.dati.rettifiche.items():
        if r.atto is not None and r.atto.data is not None and r.atto.data < p.inizio:
            yield (
                ("rettifiche", codice, "atto", "data"),
                f"L'atto che approva la rettifica di «{codice}» ({_data(r.atto.data)}) {dopo} "
                f"({intervallo}).",
            )


# --- MP012, MP013: measures of 2.3 ------------------------------------------------------


def misura_dovuta(m: Misura, periodo: PeriodoMonitoraggio) -> bool:
    """A phase with a deadline inside the period, or a phase without a date (continuous,
    per act, periodic): its implementation is verified in every period."""
    return any(f.data is None or periodo.contiene(f.data) for f in m.fasi)


@regola(
    "MP012",
    "periodo.misure-dovute",
    summary="Ogni misura di prevenzione (2.3) con una fase che scade nel periodo, o con una "
    "fase continuativa o periodica, ha nel file del periodo il suo stato di attuazione.",
    basis=("DM132-3-1c", "PNA2019-A1"),
    confidenza="P",
    conforme="misure:\n  MIS-08: {stato: attuata, data: 2026-06-30}  # fase con scadenza "
    "2026-06-30",
    non_conforme="misure: {}  # MIS-08 ha una fase con scadenza 2026-06-30",
)
def misure_dovute(ctx: Contesto) -> Iterator[tuple[YamlPath, str]]:
    tutte = ctx.piano.tutti("Misura")
    noti = {o.codice for o in tutte}
    for o in tutte:
        m = o.model
        if not isinstance(m, Misura) or m.codice in ctx.dati.misure:
            continue
        if not misura_dovuta(m, ctx.periodo) or _refuso(m.codice, list(ctx.dati.misure), noti):
            continue
        scadenze = sorted(
            f.data for f in m.fasi if f.data is not None and ctx.periodo.contiene(f.data)
        )
        perche = (
            f"una fase scade il {_data(scadenze[0])}"
            if scadenze
            else "ha una fase senza data (continuativa o periodica)"
        )
        yield (
            ("misure",),
            f"Manca lo stato di attuazione della misura «{m.codice}» ({m.titolo}): {perche}. "
            "Scrivere sotto «misure» lo stato (attuata, parzialmente_attuata, in_corso, "
            "non_attuata): il monitoraggio dell'attuazione delle misure è contenuto della "
            "sottosezione 2.3 (art. 3 c.1 lett. c DM 132/2022; PNA 2019, Allegato 1).",
        )


@regola(
    "MP013",
    "periodo.misure-motivo",
    summary="Una misura di prevenzione non attuata o attuata in parte ha il motivo, e che "
    "cosa si fa per recuperare.",
    basis=("PNA2019-A1", "DM132-3-1c"),
    confidenza="P",
    conforme="misure:\n  MIS-07: {stato: non_attuata, motivo: «regolamento rinviato al "
    "secondo semestre»}",
    non_conforme="misure:\n  MIS-07: {stato: non_attuata}",
)
def misure_motivo(ctx: Contesto) -> Iterator[tuple[YamlPath, str]]:
    for codice, a in ctx.dati.misure.items():
        if a.stato in ("non_attuata", "parzialmente_attuata") and a.motivo is None:
            stato = "non è attuata" if a.stato == "non_attuata" else "è attuata solo in parte"
            yield (
                ("misure", codice, "stato"),
                f"La misura «{codice}» {stato} e manca «motivo»: scrivere perché e che cosa si "
                "fa per recuperare. Il monitoraggio verifica l'attuazione e l'idoneità delle "
                "misure (PNA 2019, Allegato 1, indicazione ANAC; lettura applicata: senza la "
                "causa non si valuta se la misura va cambiata).",
            )


# --- MP014: evidence --------------------------------------------------------------------


def _evidenza(testo: str, cartella: Path) -> str | None:
    """Why an evidence is not a working web address or an existing file of the plan."""
    t = testo.strip()
    if "://" in t or t.lower().startswith(("www.", "http:", "https:")):
        parti = urlsplit(t)
        if parti.scheme not in ("http", "https"):
            return f"«{t[:80]}» non è un indirizzo web valido: deve iniziare con https://"
        if "." not in parti.netloc or any(c.isspace() for c in t):
            return f"«{t[:80]}» non è un indirizzo web valido (dominio mancante o spazi)"
        return None
    percorso = PurePosixPath(t.replace("\\", "/"))
    if percorso.is_absolute() or ".." in percorso.parts or ":" in t:
        return (
            f"il file «{t[:80]}» è indicato fuori dalla cartella del piano: scrivere il percorso "
            "dalla cartella del piano (es. monitoraggio/allegati/verbale.pdf)"
        )
    if not (cartella / percorso).is_file():
        return (
            f"il file «{t[:80]}» non esiste nella cartella del piano (il percorso si legge "
            "dalla cartella del piano, es. monitoraggio/allegati/verbale.pdf)"
        )
    return None


@regola(
    "MP014",
    "periodo.evidenze",
    summary="Ogni evidenza citata esiste: un indirizzo web ben formato (https://...) o un file "
    "presente nella cartella del piano.",
    basis=(),
    confidenza="V",
    integrita=True,
    conforme="evidenze: [monitoraggio/allegati/eliminacode-2026-S1.csv, "
    "https://www.comune.esempio.it/servizi-online]",
    non_conforme="evidenze: [allegati/manca.csv, www.comune.esempio.it]",
)
def evidenze(ctx: Contesto) -> Iterator[tuple[YamlPath, str]]:
    cartella = ctx.piano.folder
    for path, voce in _rilevazioni(ctx.dati):
        for i, testo in enumerate(voce.evidenze):
            difetto = _evidenza(testo, cartella)
            if difetto is not None:
                yield (*path, "evidenze", i), f"Evidenza non valida: {difetto}."


# --- MP015: hires against the plan ------------------------------------------------------


@regola(
    "MP015",
    "periodo.assunzioni-programmate",
    summary="Le assunzioni effettuate corrispondono alla programmazione del piano: non più "
    "posti di quelli programmati, nell'anno previsto.",
    basis=("DM132-4-1c",),
    confidenza="P",
    severita=Severity.INFO,
    motivo_severita="Il piano programma le assunzioni, ma nessuna norma vieta di coprire in "
    "un periodo più posti di quelli di una riga o di anticipare un'assunzione (i posti "
    "possono venire da un aggiornamento del piano o da un'altra riga): è un'informazione "
    "per chi verifica la coerenza con la programmazione.",
    conforme="assunzioni: {ASS-01: {effettuate: 1}}  # previste nel 2026: 1",
    non_conforme="assunzioni: {ASS-01: {effettuate: 2}}  # previste nel 2026: 1",
)
def assunzioni(ctx: Contesto) -> Iterator[tuple[YamlPath, str]]:
    programmate = {
        o.codice: o.model for o in ctx.piano.tutti("Assunzione") if isinstance(o.model, Assunzione)
    }
    for codice, fatta in ctx.dati.assunzioni.items():
        a = programmate.get(codice)
        if a is None:
            continue  # MP002 reports a code the plan does not have
        if a.anno not in (ctx.periodo.anno, "triennio"):
            if fatta.effettuate:
                yield (
                    ("assunzioni", codice, "effettuate"),
                    f"L'assunzione «{codice}» è programmata per il {a.anno}, non per il "
                    f"{ctx.periodo.anno}: se è stata anticipata, il piano va aggiornato o la "
                    "nota lo spiega.",
                )
        elif fatta.effettuate > a.numero:
            quando = "nel triennio" if a.anno == "triennio" else f"nel {a.anno}"
            yield (
                ("assunzioni", codice, "effettuate"),
                f"Per «{codice}» risultano {fatta.effettuate} posti coperti, più di quelli "
                f"programmati {quando} ({a.numero}): indicare nelle note da dove vengono i posti "
                "in più (aggiornamento del piano, altra riga della programmazione).",
            )


# The rules on the results of the year (MP016-MP018) are in regole_anno.py; importing it
# here registers them wherever the catalogue of period rules is read.
from piao.periodi import regole_anno as _regole_anno  # noqa: E402, F401
