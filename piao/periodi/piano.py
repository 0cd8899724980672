"""What a period file needs of its plan: the plan read and validated once, its coded
objects by code, and where the period files live."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from piao.loading import load_folder
from piao.loading.plan import YAML_SUFFIXES
from piao.model import SEZIONI
from piao.model.anagrafica import Anagrafica
from piao.model.periodo import NomePeriodoNonValido, PeriodoMonitoraggio, periodo_da_nome
from piao.model.walk import Oggetto, oggetti
from piao.validation import validate_plan

CARTELLA = "monitoraggio"
"""The folder of the period files, inside the plan folder."""

SCHEMA = "periodo"
"""The key of the period file's JSON Schema (schemas/periodo.schema.json)."""


class PeriodoError(Exception):
    """A period command cannot run (no plan, no period file, a file it must not overwrite)."""


@dataclass
class PianoLetto:
    """The plan a period file refers to: its valid sections and their coded objects."""

    folder: Path
    sections: dict[str, BaseModel]
    incompleti: frozenset[str]
    """Sections present but not valid: their codes are unknown."""
    per_codice: dict[str, list[Oggetto]] = field(default_factory=dict)

    @property
    def anagrafica(self) -> Anagrafica | None:
        a = self.sections.get("anagrafica")
        return a if isinstance(a, Anagrafica) else None

    @property
    def anni(self) -> range | None:
        """The years of the triennio, when the scheda anagrafica is valid."""
        a = self.anagrafica
        return None if a is None else range(a.triennio.da, a.triennio.a + 1)

    def anagrafica_per(self, anno: int) -> Anagrafica:
        """The scheda anagrafica of a plan a document of `anno` can come from: valid, with
        `anno` in its triennio; `PeriodoError` saying which is not so."""
        a = self.anagrafica
        if a is None:
            raise PeriodoError(
                "la scheda anagrafica del piano ha errori o manca: correggerla "
                f"(piao check {self.folder})"
            )
        if anno not in range(a.triennio.da, a.triennio.a + 1):
            raise PeriodoError(
                f"il {anno} è fuori dal triennio del piano ({a.triennio.da}-{a.triennio.a})"
            )
        return a

    def tutti(self, *classi: str) -> list[Oggetto]:
        """Every object of these model classes, in the order of the plan's files."""
        return [
            o
            for sezione in SEZIONI
            if sezione.key in self.sections
            for o in oggetti(self.sections[sezione.key], sezione.file)
            if type(o.model).__name__ in classi
        ]


def leggi_piano(folder: Path) -> PianoLetto:
    """Load and validate the plan (no compliance rules: `piao check` runs those)."""
    validated = validate_plan(load_folder(folder))
    return piano_letto(folder, validated.sections, validated.incompleti)


def piano_letto(
    folder: Path, sections: dict[str, BaseModel], incompleti: frozenset[str] = frozenset()
) -> PianoLetto:
    """The plan's valid sections with their coded objects indexed by code (for a plan
    already validated, e.g. by `piao check`: it is not read again)."""
    piano = PianoLetto(folder, sections, incompleti)
    for sezione in SEZIONI:
        model = sections.get(sezione.key)
        if model is not None:
            for o in oggetti(model, sezione.file):
                piano.per_codice.setdefault(o.codice, []).append(o)
    return piano


def file_periodo(folder: Path, nome: str) -> Path:
    """Where the file of period `nome` is (or will be): `.yaml`, or an existing `.yml`."""
    cartella = folder / CARTELLA
    for suffix in YAML_SUFFIXES:
        path = cartella / f"{nome}{suffix}"
        if path.exists():
            return path
    return cartella / f"{nome}.yaml"


def file_periodi(folder: Path) -> list[Path]:
    """The YAML files of the plan's monitoraggio folder, sorted."""
    cartella = folder / CARTELLA
    if not cartella.is_dir():
        return []
    return sorted(
        p for p in cartella.iterdir() if p.suffix.lower() in YAML_SUFFIXES and p.is_file()
    )


def file_dei_periodi(folder: Path) -> list[tuple[Path, PeriodoMonitoraggio]]:
    """The period files of the plan, each with the period its name stands for, sorted by
    file name. A file whose name is no period is not among them: the RPCT's facts of a year
    (rpct-<anno>.yaml), or a misnamed file (which `piao monitoraggio check` reports)."""
    out = []
    for path in file_periodi(folder):
        try:
            out.append((path, periodo_da_nome(path.stem)))
        except NomePeriodoNonValido:
            continue
    return out
