"""The RPCT's facts file of a year (`monitoraggio/rpct-<anno>.yaml`, model
piao.model.rpct.FattiRpct): read through the same loading path as a period file (positions,
Italian forms, Italian figures), every problem a located finding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from piao.cifre import controlla_cifre, controlla_commenti
from piao.findings import Finding
from piao.forme import normalizza
from piao.loading.plan import YAML_SUFFIXES, SourceMap, load_file, max_file_bytes
from piao.model.rpct import NOME_FILE, FattiRpct
from piao.periodi.piano import CARTELLA
from piao.validation import FileDaValidare, validate_file

SCHEMA_RPCT = "rpct"
"""The key of the facts file's JSON Schema (schemas/rpct.schema.json)."""


def anno_fatti(path: Path) -> int | None:
    """The year of a facts file by its name («rpct-2026.yaml» → 2026), None for any other."""
    trovato = NOME_FILE.fullmatch(path.stem)
    return int(trovato.group(1)) if trovato else None


def file_fatti_rpct(folder: Path, anno: int) -> Path:
    """Where the facts file of `anno` is (or would be): `.yaml`, or an existing `.yml`."""
    for suffix in YAML_SUFFIXES:
        path = folder / CARTELLA / f"rpct-{anno}{suffix}"
        if path.exists():
            return path
    return folder / CARTELLA / f"rpct-{anno}.yaml"


@dataclass
class FattiLetti:
    """One facts file read and validated."""

    path: Path
    name: str
    """As findings name it: «monitoraggio/rpct-2026.yaml»."""
    fatti: FattiRpct | None
    """None while the file has syntax or schema errors."""
    findings: list[Finding]


def leggi_fatti_rpct(path: Path) -> FattiLetti:
    """Read and validate one facts file."""
    name = f"{CARTELLA}/{path.name}"
    source, findings = load_file(path, max_bytes=max_file_bytes(), name=name)
    letti = FattiLetti(path, name, None, findings)
    if source.data is None:
        return letti
    sources = SourceMap({name: source})
    source.data = normalizza(FattiRpct, source.data)
    model, trovati, _ = validate_file(FileDaValidare(name, FattiRpct), source.data, sources)
    letti.findings += trovati
    letti.findings += controlla_cifre(name, FattiRpct, source, sempre_errore=True)
    letti.findings += controlla_commenti(name, source.text)
    if isinstance(model, FattiRpct):
        letti.fatti = model
    return letti
