"""The imported section checked with the rest of the plan: the rules of `piao check`
run on the plan with the workbook's data in place of the section file (in memory), and
what the import adds (a code of a unit that organizzazione.yaml does not have, a measure
pointing at a process no longer in the «Processi» sheet) becomes a note at its cell, with
the message of `piao check`. What the plan already had is not the office's doing and is
left out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from piao.engine import run_rules, select_rules
from piao.findings import Finding, Severity
from piao.fogli.leggi import Lettura, Nota
from piao.fogli.tre_vie import percorso_nella_cartella
from piao.loading import LoadedPlan, SourceFile, SourceMap, load_folder
from piao.validation import validate_plan


def _rilievi(piano: LoadedPlan) -> list[Finding]:
    """The findings of the rules on a plan (the validation findings are the import's own)."""
    convalidato = validate_plan(piano)
    if convalidato.parziale is None:
        return []
    trovati = run_rules(
        convalidato.parziale,
        piano.sources,
        select_rules(),
        convalidato.placeholders,
        convalidato.incompleti,
    )
    return [f for f in trovati if f.suppressed is None]


def _chiave(f: Finding) -> tuple[str, str, str]:
    return f.code, f.location.file, f.message


def note_nel_piano(
    lettura: Lettura, cartella: Path, nome_file: str, dati: dict[str, Any] | None = None
) -> list[Nota]:
    """The findings the imported data (`dati`: what the import would write, by default the
    workbook's) add to the plan in `cartella`, each at its cell (a finding in another file
    of the plan names that file); errors stop `--scrivi`, the others are warnings."""
    piano = load_folder(cartella)
    file = lettura.sezione.file
    uniti = lettura.dati if dati is None else dati
    file_importati = dict(piano.sources.files)
    file_importati[file] = SourceFile(file, cartella / file, uniti)
    importato = LoadedPlan(
        piano.folder,
        SourceMap(file_importati),
        [f for f in piano.findings if f.location.file != file],
    )
    gia = Counter(_chiave(f) for f in _rilievi(piano))
    note: list[Nota] = []
    for f in _rilievi(importato):
        if gia[_chiave(f)] > 0:
            gia[_chiave(f)] -= 1
            continue
        testo = f.message + (f" {f.hint}" if f.hint else "")
        if f.location.file == file:
            percorso = percorso_nella_cartella(uniti, lettura.dati, f.location.path)
            luogo = (lettura.luogo(percorso) if percorso is not None else None) or nome_file
        else:
            luogo, testo = nome_file, f"{f.location.file}: {testo}"
        note.append(Nota(luogo, testo, avviso=f.severity is not Severity.ERROR))
    return note
