"""Importing a section's workbook: read it (`piao.fogli.leggi`), validate the data with the
section's model (the same messages as `piao check`, each moved to the cell it comes from)
and write it beside the plan file as `<sezione>.importato.yaml`, or, when asked, into the
plan file itself (`piao.fogli.scrivi`: only the changed values move)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from piao.fogli.leggi import Lettura, Nota, leggi
from piao.fogli.scrivi import unisci
from piao.fsutil import atomic_write_bytes
from piao.loading import SourceFile, SourceMap
from piao.validation import validate_file

DA_COMPILARE = frozenset({"SC007", "SC010"})
"""Findings about values still to write: they do not stop `--scrivi`."""


@dataclass(frozen=True)
class Importazione:
    """A workbook read and validated: the section's model (None when invalid) and every
    note, reading and validation, located at its cell."""

    lettura: Lettura
    modello: BaseModel | None
    note: list[Nota]

    @property
    def bloccanti(self) -> list[Nota]:
        """The notes that stop `--scrivi`: all but the values still to write."""
        return [n for n in self.note if not n.da_compilare]


def valida(lettura: Lettura, nome_file: str) -> Importazione:
    """Validate the data read with the section's model; each finding at its cell."""
    sezione = lettura.sezione
    sorgenti = SourceMap({sezione.file: SourceFile(sezione.file, Path(nome_file), lettura.dati)})
    modello, trovati, _ = validate_file(sezione, lettura.dati, sorgenti)
    note = list(lettura.note)
    lette = {n.luogo for n in lettura.note}
    for f in trovati:
        luogo = lettura.luogo(f.location.path) or nome_file
        if luogo in lette:
            continue  # a cell that could not be read: its note says why, once
        testo = f.message + (f" {f.hint}" if f.hint else "")
        note.append(Nota(luogo, testo, da_compilare=f.code in DA_COMPILARE))
    return Importazione(lettura, modello, note)


def importa_file(percorso: Path) -> Importazione:
    """Read and validate one workbook."""
    return valida(leggi(percorso.read_bytes(), percorso.name), percorso.name)


def yaml_importato(importazione: Importazione, cartella: Path) -> tuple[Path, str, str | None]:
    """The plan file of the section, its text with the imported data (only the values that
    differ changed) and its current text (None when the plan has no such file)."""
    piano = cartella / importazione.lettura.sezione.file
    attuale = piano.read_text(encoding="utf-8") if piano.is_file() else None
    return piano, unisci(attuale, importazione.lettura.dati), attuale


def scrivi_accanto(importazione: Importazione, cartella: Path, accanto: Path) -> Path:
    """Write the plan file as it would become, as `<sezione>.importato.yaml` in `accanto`
    (the workbook's folder: outside the plan, which would read it as an unknown file; the
    plan file itself is never touched)."""
    _, testo, _ = yaml_importato(importazione, cartella)
    destinazione = accanto / f"{importazione.lettura.sezione.key}.importato.yaml"
    atomic_write_bytes(destinazione, testo.encode("utf-8"))
    return destinazione


def scrivi_nel_piano(importazione: Importazione, cartella: Path) -> Path | None:
    """Update the plan file in place (atomically); None when nothing changes."""
    piano, testo, attuale = yaml_importato(importazione, cartella)
    if testo == attuale:
        return None
    atomic_write_bytes(piano, testo.encode("utf-8"))
    return piano
