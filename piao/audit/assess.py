"""Assess a plan element by element, from the raw files (so that even a plan with schema
errors gets a report) and from the findings of the rule catalogue."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from piao.audit.documento import DocumentoVerificato, Impronta, documento, impronte_sorgenti
from piao.audit.elements import ELEMENTI, SEZIONI_AUDIT, Elemento
from piao.engine import check_plan
from piao.findings import Finding, Location, Report, Severity, StatoRegola
from piao.fsutil import slugify
from piao.loading import SourceMap

Stato = Literal["presente", "incompleto", "mancante", "non_applicabile", "da_verificare"]
PESI: dict[str, float] = {"presente": 1.0, "incompleto": 0.5, "mancante": 0.0, "da_verificare": 0.5}
STATI_IT: dict[str, str] = {
    "presente": "presente",
    "incompleto": "incompleto",
    "mancante": "mancante",
    "non_applicabile": "non applicabile",
    "da_verificare": "da verificare",
}


@dataclass(frozen=True)
class EsitoElemento:
    elemento: Elemento
    stato: Stato
    evidenza: Location | None
    rilievi: tuple[Finding, ...]


@dataclass(frozen=True)
class Audit:
    plan: str
    ente: str
    codice_ipa: str | None
    triennio: str
    regime: str
    adozione: str | None
    report: Report
    esiti: tuple[EsitoElemento, ...]
    fonti: tuple[Impronta, ...] = ()
    """The SHA-256 of each file of the plan read."""
    documento: DocumentoVerificato | None = None
    """The document rendered from the plan, when asked and possible."""

    def pagina(self, esito: EsitoElemento) -> int | None:
        """The page of the document where the element's heading lands."""
        if self.documento is None:
            return None
        return self.documento.pagine.get(esito.elemento.intestazione.ancora)

    def punteggio(self, sezione: str | None = None) -> float | None:
        """Share of applicable elements in place (incomplete counts half), 0-100."""
        pesi = [
            PESI[e.stato]
            for e in self.esiti
            if e.stato != "non_applicabile" and (sezione is None or e.elemento.sezione == sezione)
        ]
        return round(100 * sum(pesi) / len(pesi), 1) if pesi else None

    def per_sezione(self) -> list[tuple[str, str, float | None, list[EsitoElemento]]]:
        return [
            (
                numero,
                titolo,
                self.punteggio(numero),
                [e for e in self.esiti if e.elemento.sezione == numero],
            )
            for numero, titolo in SEZIONI_AUDIT
        ]

    def con_stato(self, stato: Stato) -> list[EsitoElemento]:
        return [e for e in self.esiti if e.stato == stato]

    @property
    def slug(self) -> str:
        return slugify(f"{self.ente}-{self.triennio}")


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip()) and value.strip().lower() not in ("da compilare", "da definire")
    if isinstance(value, list | dict):
        return len(value) > 0
    return True


def _concorsi(sources: SourceMap) -> bool:
    assunzioni = _get(sources.data("fabbisogni_personale.yaml"), ("assunzioni",))

    def concorso(modalita: Any) -> bool:
        # One method, or a list of methods in order or as alternatives.
        if isinstance(modalita, list):
            return any(isinstance(m, dict) and m.get("tipo") == "concorso" for m in modalita)
        return bool(modalita == "concorso")

    return isinstance(assunzioni, list) and any(
        isinstance(a, dict) and concorso(a.get("modalita")) for a in assunzioni
    )


def _comune(sources: SourceMap) -> bool:
    return bool(_get(sources.data("anagrafica.yaml"), ("ente", "tipologia")) == "comune")


def _assess(e: Elemento, regime: str, sources: SourceMap, report: Report) -> EsitoElemento:
    data = sources.data(e.file)
    applicabile = (
        regime in e.regimi
        and (not e.se_concorsi or _concorsi(sources))
        and (not e.solo_comuni or _comune(sources))
    )
    found = next((p for p in e.paths if _present(_get(data, p))), None)
    if not applicabile and found is None:
        return EsitoElemento(e, "non_applicabile", None, ())
    evidenza = sources.locate(e.file, found) if found is not None else None

    def pertinente(f: Finding) -> bool:
        if f.code not in e.regole or f.severity is Severity.INFO:
            return False
        if f.code in e.nel_file:
            return f.location.file == e.file
        if not e.solo_prefissi:
            return True
        return f.location.file == e.file and any(f.location.path[: len(p)] == p for p in e.paths)

    rilievi = tuple(f for f in report.active if pertinente(f))
    if found is None:
        return EsitoElemento(e, "mancante", None, rilievi)
    in_attesa = set(report.rules_with(StatoRegola.IN_ATTESA))
    if not report.rules_run or in_attesa & set(e.regole):
        return EsitoElemento(e, "da_verificare", evidenza, rilievi)
    return EsitoElemento(e, "incompleto" if rilievi else "presente", evidenza, rilievi)


def audit_plan(folder: str | Path, *, con_documento: bool = False) -> Audit:
    """The audit of one plan; with `con_documento`, the plan's PDF rendered too, so that
    the evidence points to its pages."""
    result = check_plan(folder)
    sources = result.loaded.sources
    report = result.report
    anagrafica = sources.data("anagrafica.yaml") or {}
    regime = (
        report.regime
        or (anagrafica.get("regime") if isinstance(anagrafica, dict) else None)
        or "ordinario"
    )
    ente = _get(anagrafica, ("ente", "denominazione"))
    da, a = _get(anagrafica, ("triennio", "da")), _get(anagrafica, ("triennio", "a"))
    delibera = _get(anagrafica, ("adozione", "delibera"))
    organo = _get(anagrafica, ("adozione", "organo"))
    adozione = None
    if isinstance(delibera, dict) and isinstance(delibera.get("data"), datetime.date):
        chi = f" della {str(organo).capitalize()}" if organo else ""
        adozione = f"Deliberazione{chi} n. {delibera.get('numero')} del {delibera['data']:%d/%m/%Y}"
    return Audit(
        plan=str(folder),
        ente=str(ente) if ente else Path(folder).parent.name,
        codice_ipa=str(_get(anagrafica, ("ente", "codice_ipa")) or "") or None,
        triennio=f"{da}-{a}" if da and a else Path(folder).name,
        regime=str(regime),
        adozione=adozione,
        report=report,
        esiti=tuple(_assess(e, str(regime), sources, report) for e in ELEMENTI),
        fonti=impronte_sorgenti(result),
        documento=documento(result) if con_documento else None,
    )
