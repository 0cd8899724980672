"""Importing a section's workbook: read it (`piao.fogli.leggi`), validate the data with the
section's model (the same messages as `piao check`, each moved to the cell it comes from)
and write it beside the plan file as `<sezione>.importato.yaml`, never over it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from piao.fogli.leggi import Lettura, Nota, leggi
from piao.fsutil import atomic_write_bytes
from piao.loading import SourceFile, SourceMap
from piao.loading.roundtrip import dump_text, house_style, load_text
from piao.validation import validate_file


@dataclass(frozen=True)
class Importazione:
    """A workbook read and validated: the section's model (None when invalid) and every
    note, reading and validation, located at its cell."""

    lettura: Lettura
    modello: BaseModel | None
    note: list[Nota]


def valida(lettura: Lettura, nome_file: str) -> Importazione:
    """Validate the data read with the section's model; each finding at its cell."""
    sezione = lettura.sezione
    sorgenti = SourceMap({sezione.file: SourceFile(sezione.file, Path(nome_file), lettura.dati)})
    modello, trovati, _ = validate_file(sezione, lettura.dati, sorgenti)
    note = list(lettura.note)
    for f in trovati:
        luogo = lettura.luogo(f.location.path) or nome_file
        testo = f.message + (f" {f.hint}" if f.hint else "")
        note.append(Nota(luogo, testo))
    return Importazione(lettura, modello, note)


def importa_file(percorso: Path) -> Importazione:
    """Read and validate one workbook."""
    return valida(leggi(percorso.read_bytes(), percorso.name), percorso.name)


def testo_yaml(dati: Any) -> str:
    """The data of a section as a YAML file in the house style."""
    return dump_text(house_style(load_text(dump_text(dati))))


def scrivi_accanto(importazione: Importazione, cartella: Path) -> Path:
    """Write the data beside the plan file as `<sezione>.importato.yaml` (never over the
    plan file itself)."""
    destinazione = cartella / f"{importazione.lettura.sezione.key}.importato.yaml"
    atomic_write_bytes(destinazione, testo_yaml(importazione.lettura.dati).encode("utf-8"))
    return destinazione
