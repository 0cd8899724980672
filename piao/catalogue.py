"""Every finding code piao can emit, with its description: the YAML and schema layer
codes (YM, SC) and the compliance rules (for `piao rules`, SARIF and the docs)."""

from __future__ import annotations

from dataclasses import dataclass

from piao.findings import Severity
from piao.loading import YAML_FINDINGS
from piao.reference import riferimenti
from piao.rules import REGISTRY
from piao.validation import SCHEMA_FINDINGS

_LAYER_SUMMARY = {
    "YM001": "Il file è YAML valido.",
    "YM002": "Nessuna chiave è ripetuta nella stessa mappa.",
    "YM003": "Il file non usa tag YAML diversi da quelli di base (nessun oggetto eseguibile).",
    "YM004": "Il file è testo in codifica UTF-8.",
    "YM005": "Il file contiene una mappa di chiavi.",
    "YM006": "Il file non usa ancore e alias YAML.",
    "YM007": "La struttura non supera i 64 livelli di annidamento.",
    "YM008": "Il file non supera la dimensione massima per sezione.",
    "YM009": "Il file è leggibile.",
    "SC001": "Ogni chiave è prevista dallo schema della sezione.",
    "SC002": "I campi obbligatori sono presenti.",
    "SC003": "Ogni valore è del tipo atteso (testo, numero, data, elenco, mappa).",
    "SC004": "Ogni valore è tra quelli ammessi (elenchi chiusi, formati, intervalli).",
    "SC005": "Ci sono tutti i file di sezione richiesti dal regime.",
    "SC006": "Nella cartella del piano ci sono solo file di sezione.",
    "SC007": "Nessun valore è ancora «da compilare» o «da definire».",
}


@dataclass(frozen=True)
class Voce:
    code: str
    name: str
    summary: str
    severity: Severity
    basis: tuple[str, ...] = ()
    confidenza: str | None = None


def catalogue() -> list[Voce]:
    """All codes, layer codes first, then rules by code."""
    out = [
        Voce(
            code,
            name,
            _LAYER_SUMMARY[code],
            Severity.WARNING if code == "SC006" else Severity.ERROR,
        )
        for code, name in sorted([*YAML_FINDINGS.values(), *SCHEMA_FINDINGS.values()])
    ]
    out += [
        Voce(r.code, r.name, r.summary, r.severita, r.basis, r.confidenza)
        for r in sorted(REGISTRY.values(), key=lambda r: r.code)
    ]
    return out


def citazione(basis_id: str) -> str:
    norma = riferimenti().norme.get(basis_id)
    return norma.citazione if norma else basis_id
