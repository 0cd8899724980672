"""`piao monitoraggio check`: read each period file through the plan files' loading path
(fast event reader, positions, Italian forms, Italian figures), validate it against
`DatiPeriodo` and check its codes against the plan; every problem a located finding."""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from piao.cifre import controlla_cifre, controlla_commenti, numero_italiano
from piao.engine import da_completare
from piao.findings import Controllo, Finding, Location, Report, Severity, YamlPath, limita
from piao.forme import normalizza
from piao.loading.plan import SourceMap, load_file, max_file_bytes
from piao.model.base import CODICE_PATTERN, PLACEHOLDERS, Indicatore, Riferimento, da_verificare
from piao.model.introspect import members, metadati
from piao.model.periodo import (
    DatiPeriodo,
    NomePeriodoNonValido,
    PeriodoMonitoraggio,
    periodo_da_nome,
)
from piao.periodi.fatti_rpct import anno_fatti, leggi_fatti_rpct
from piao.periodi.piano import (
    CARTELLA,
    PeriodoError,
    PianoLetto,
    file_dei_periodi,
    file_periodi,
    file_periodo,
    leggi_piano,
)
from piao.periodi.raggiungimento import Raggiungimento, calcola
from piao.periodi.regole import controlla_regole
from piao.periodi.soddisfazione import (
    SODDISFAZIONE_CHECKS,
    con_valori_da_rilevazioni,
    controlla_soddisfazione,
)
from piao.validation import FileDaValidare, validate_file

_CODICE = re.compile(CODICE_PATTERN)

PERIODO_CHECKS: dict[str, Controllo] = {
    "name": Controllo(
        "MP001",
        "periodo.nome-non-valido",
        "Il nome di ogni file di monitoraggio è un periodo del triennio del piano "
        "(es. 2026-S1.yaml, 2026.yaml); rpct-<anno>.yaml contiene i fatti della relazione "
        "annuale del RPCT.",
    ),
    "unknown_code": Controllo(
        "MP002",
        "periodo.codice-sconosciuto",
        "Ogni codice di un file di monitoraggio è, nel piano, un oggetto del tipo atteso "
        "(un indicatore sotto «indicatori», una misura sotto «misure»...).",
    ),
    "value_type": Controllo(
        "MP003",
        "periodo.tipo-valore",
        "Il valore misurato di un indicatore è un numero quando il piano ne esprime i "
        "target con numeri.",
    ),
    "unchecked": Controllo(
        "MP004",
        "periodo.codici-non-verificati",
        "I codici del file di monitoraggio si verificano su un piano le cui sezioni sono valide.",
        Severity.INFO,
    ),
    **SODDISFAZIONE_CHECKS,
}


def controlla_periodi(folder: Path, periodo: str | None = None) -> Report:
    """The report of the plan's period files (all, or the one of `periodo`)."""
    piano = leggi_piano(folder)
    periodi = dict(file_dei_periodi(folder))
    if periodo is None:
        paths = file_periodi(folder)
    else:
        canonico = periodo_da_nome(periodo).nome
        paths = [path for path, p in periodi.items() if p.nome == canonico]
    findings: list[Finding] = []
    visti: dict[str, Path] = {}
    for path in paths:
        anno = anno_fatti(path)
        if anno is not None:  # the RPCT's facts of a year, not a period
            findings += _anno_fatti(path, anno, piano)
            findings += leggi_fatti_rpct(path).findings
            continue
        # A file whose name is no period is read too: its name is its first finding.
        findings += leggi_periodo(path, piano).findings
        nome = periodi[path].nome if path in periodi else None
        if nome is not None and nome in visti:
            findings.append(
                PERIODO_CHECKS["name"].finding(
                    f"Il periodo {nome} ha due file: «{visti[nome].name}» e «{path.name}».",
                    Location(f"{CARTELLA}/{path.name}"),
                    hint="Tenere un solo file per periodo, unendo i dati nell'altro.",
                )
            )
        visti.setdefault(nome or "", path)
    findings = limita(findings)
    findings.sort(key=Finding.sort_key)
    a = piano.anagrafica
    return Report(
        plan=str(folder),
        findings=tuple(findings),
        regime=a.regime if a is not None else None,
        rules_run=True,
        da_completare=da_completare(findings),
        oggetto="Monitoraggio del piano",
        sul_piano=False,
    )


def _anno_fatti(path: Path, anno: int, piano: PianoLetto) -> list[Finding]:
    anni = piano.anni
    if anni is None or anno in anni:
        return []
    return [
        PERIODO_CHECKS["name"].finding(
            f"I fatti del RPCT per il {anno} sono fuori dal triennio del piano "
            f"({anni.start}-{anni.stop - 1}).",
            Location(f"{CARTELLA}/{path.name}"),
            hint="La relazione di un altro anno va nella cartella monitoraggio del piano di "
            "quel triennio.",
        )
    ]


@dataclass
class PeriodoLetto:
    """One period file read and validated: what the later steps (achievements, rules on the
    period, reports) start from."""

    path: Path
    name: str
    """As findings name it: «monitoraggio/2026-S1.yaml»."""
    periodo: PeriodoMonitoraggio | None
    """None when the file name is not a period."""
    dati: DatiPeriodo | None
    """None while the file has syntax or schema errors. An indicator that a survey of the
    plan measures carries the survey's index as its value (piao.periodi.soddisfazione)."""
    findings: list[Finding]
    sources: SourceMap
    """Where each key and value was written, to locate later findings."""
    da_compilare: list[YamlPath] = field(default_factory=list)
    """The paths of the values still «da compilare»."""
    raggiungimento: Raggiungimento | None = None
    """The achievements, computed once as the file is read (rule MP016 reads them, as do
    `piao monitoraggio esito` and the reports); None when the file name is no period."""

    @property
    def esito(self) -> Raggiungimento:
        """The achievements of the period (not computed, naming the file's errors, when its
        data are not valid); `PeriodoError` when the file name is no period."""
        if self.raggiungimento is None:
            raise PeriodoError(f"«{self.path.name}» non è il nome di un periodo")
        return self.raggiungimento


def leggi_periodo(path: Path, piano: PianoLetto) -> PeriodoLetto:
    """Read, validate and check one period file against its plan."""
    name = f"{CARTELLA}/{path.name}"
    try:
        periodo: PeriodoMonitoraggio | None = periodo_da_nome(path.stem)
    except NomePeriodoNonValido:
        periodo = None
    findings = _nome_file(path, name, piano)
    source, letti = load_file(path, max_bytes=max_file_bytes(), name=name)
    sources = SourceMap({name: source})
    letto = PeriodoLetto(path, name, periodo, None, findings + letti, sources)
    if source.data is None:
        return _con_esito(letto, piano)
    source.data = normalizza(DatiPeriodo, source.data)
    model, trovati, letto.da_compilare = validate_file(
        FileDaValidare(name, DatiPeriodo), source.data, sources
    )
    letto.findings += trovati
    letto.findings += controlla_cifre(name, DatiPeriodo, source, sempre_errore=True)
    letto.findings += controlla_commenti(name, source.text)
    letto.findings += _codici(name, source.data, sources, piano)
    letto.findings += controlla_soddisfazione(name, source.data, sources, piano, periodo)
    if isinstance(model, DatiPeriodo):
        letto.dati = con_valori_da_rilevazioni(model, piano)
        letto.findings += _tipi_valore(name, source.data, sources, piano)
        _con_esito(letto, piano)  # before the rules: MP016 reads the achievements
        letto.findings += controlla_regole(letto, piano)
        return letto
    return _con_esito(letto, piano)  # not computed: names the errors found above


def _con_esito(letto: PeriodoLetto, piano: PianoLetto) -> PeriodoLetto:
    if letto.periodo is not None:
        letto.raggiungimento = calcola(piano, letto)
    return letto


def esito_periodo(folder: Path, nome: str) -> Raggiungimento:
    """Read the plan and the file of period `nome`: its achievements."""
    path = file_periodo(folder, nome)
    if not path.exists():
        raise PeriodoError(f"il piano non ha il file del periodo {nome} ({path})")
    return leggi_periodo(path, leggi_piano(folder)).esito


def _nome_file(path: Path, name: str, piano: PianoLetto) -> list[Finding]:
    check = PERIODO_CHECKS["name"]
    try:
        periodo = periodo_da_nome(path.stem)
    except NomePeriodoNonValido as exc:
        return [check.finding(f"Il nome del file non è valido: {exc}.", Location(name))]
    out = []
    if periodo.nome != path.stem:
        out.append(
            check.finding(
                f"Il file del periodo {periodo.nome} si chiama «{path.name}».",
                Location(name),
                severity=Severity.WARNING,
                hint=f"Rinominarlo «{periodo.nome}{path.suffix}»: un periodo, un solo nome.",
            )
        )
    anni = piano.anni
    if anni is not None and periodo.anno not in anni:
        out.append(
            check.finding(
                f"Il periodo {periodo.nome} è fuori dal triennio del piano "
                f"({anni.start}-{anni.stop - 1}).",
                Location(name),
                hint="Il monitoraggio di un altro anno va nella cartella monitoraggio del "
                "piano di quel triennio.",
            )
        )
    return out


def chiavi_codice(
    model: type[BaseModel], data: Any, path: YamlPath = ()
) -> Iterator[tuple[YamlPath, Any, Riferimento]]:
    """Every key of `data` that the model declares as a code of the plan, with the kind of
    object it must name (the `Riferimento` on the key type of a `dict` field)."""
    if not isinstance(data, dict):
        return
    for nome, campo in model.model_fields.items():
        valore = data.get(nome)
        for tp in members(campo.annotation):
            if typing.get_origin(tp) is dict and isinstance(valore, dict):
                marca = next(
                    (m for m in metadati(typing.get_args(tp)[0]) if isinstance(m, Riferimento)),
                    None,
                )
                if marca is not None:
                    for chiave in valore:
                        yield (*path, nome, chiave), chiave, marca
            elif isinstance(tp, type) and issubclass(tp, BaseModel):
                yield from chiavi_codice(tp, valore, (*path, nome))


def _codici(name: str, data: Any, sources: SourceMap, piano: PianoLetto) -> list[Finding]:
    out: list[Finding] = []
    for path, codice, marca in chiavi_codice(DatiPeriodo, data):
        if not isinstance(codice, str) or not _CODICE.match(codice):
            continue  # the schema reports a key that is not a code
        trovati = piano.per_codice.get(codice, [])
        if any(type(o.model).__name__ in marca.bersagli for o in trovati):
            continue
        where = sources.locate(name, path, key=True)
        if trovati:
            o = trovati[0]
            cosa = _etichette().get(type(o.model).__name__, "un altro oggetto")
            message = f"«{codice}» nel piano è {cosa} di {o.file}, non {marca.etichetta}."
        elif piano.incompleti:
            out.append(
                PERIODO_CHECKS["unchecked"].finding(
                    f"«{codice}» non è tra i codici delle sezioni valide del piano; le sezioni "
                    f"{', '.join(sorted(piano.incompleti))} hanno errori e non sono lette.",
                    where,
                    hint=f"Correggere il piano (piao check {piano.folder}), poi ricontrollare.",
                )
            )
            continue
        else:
            message = f"Il codice «{codice}» non è {marca.etichetta} di nessuna sezione del piano."
        simili = sorted(
            {o.codice for o in piano.tutti(*marca.bersagli)},
        )
        guess = difflib.get_close_matches(codice, simili, n=1, cutoff=0.6)
        hint = (
            f"Forse intendevi «{guess[0]}»?"
            if guess
            else "Usare il codice come è scritto nel piano; «piao monitoraggio init» li "
            "elenca tutti."
        )
        out.append(PERIODO_CHECKS["unknown_code"].finding(message, where, hint=hint))
    return out


@cache
def _etichette() -> dict[str, str]:
    """How messages name a plan object by its model class («l'indicatore»): from the marks
    on the keys of the period file."""
    out: dict[str, str] = {}

    def visita(model: type[BaseModel]) -> None:
        for campo in model.model_fields.values():
            for tp in members(campo.annotation):
                if typing.get_origin(tp) is dict:
                    for m in metadati(typing.get_args(tp)[0]):
                        if isinstance(m, Riferimento) and len(m.bersagli) == 1:
                            out[m.bersagli[0]] = m.etichetta
                elif isinstance(tp, type) and issubclass(tp, BaseModel):
                    visita(tp)

    visita(DatiPeriodo)
    return out


def _tipi_valore(name: str, data: Any, sources: SourceMap, piano: PianoLetto) -> list[Finding]:
    """A text where the plan measures an indicator with numbers."""
    out: list[Finding] = []
    for codice, voce in (data.get("indicatori") or {}).items():
        valore = voce.get("valore") if isinstance(voce, dict) else None
        if not isinstance(valore, str) or _segnaposto(valore):
            continue
        indicatore = next(
            (o.model for o in piano.per_codice.get(codice, []) if isinstance(o.model, Indicatore)),
            None,
        )
        if indicatore is None or not numerico(indicatore):
            continue
        numero = numero_italiano(valore)
        hint = (
            f"Scrivere {numero}: in YAML i decimali vanno dopo il punto e le migliaia non si "
            "separano."
            if numero
            else "Scrivere il numero misurato (es. 12.5), senza unità di misura; se non è "
            "stato possibile misurarlo, scrivere «non_rilevato:» con il motivo al posto di "
            "«valore»."
        )
        out.append(
            PERIODO_CHECKS["value_type"].finding(
                f"Qui va un numero: i target dell'indicatore «{codice}» sono numeri; trovato "
                f"il testo «{valore[:60]}».",
                sources.locate(name, ("indicatori", codice, "valore")),
                hint=hint,
            )
        )
    return out


def numerico(indicatore: Indicatore) -> bool:
    """The plan states the indicator's values with numbers only (at least one)."""
    valori: list[Any] = [*indicatore.target.values(), *indicatore.storico.values()]
    valori += [indicatore.target_triennio] if indicatore.target_triennio is not None else []
    valori += [indicatore.baseline.valore] if indicatore.baseline is not None else []
    valori = [v for v in valori if not (isinstance(v, str) and _segnaposto(v))]
    return bool(valori) and all(isinstance(v, int | float) for v in valori)


def _segnaposto(testo: str) -> bool:
    return testo.strip().lower() in PLACEHOLDERS or da_verificare(testo)
