"""Importing a section's workbook: read it (`piao.fogli.leggi`), validate the data with the
section's model (the same messages as `piao check`, each moved to the cell it comes from)
and write it beside the plan file as `<sezione>.importato.yaml`, or, when asked, into the
plan file itself (`piao.fogli.scrivi`: only the changed values move)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from piao.findings import Severity
from piao.fogli.leggi import Lettura, Nota, leggi
from piao.fogli.nel_piano import note_nel_piano
from piao.fogli.scrivi import unisci
from piao.fogli.tabelle import VERSIONE
from piao.fogli.tre_vie import Conflitto, OrigineIllegibile, origine_da_celle, unisci_tre
from piao.fsutil import atomic_write_bytes
from piao.loading import SourceFile, SourceMap
from piao.loading.plan import load_file
from piao.loading.roundtrip import in_linea
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
    nome_file: str = ""
    """The workbook's file name, as notes name it."""
    dati: dict[str, Any] | None = None
    """The data to write into the plan file: the workbook's, or, once `sul_piano` has
    merged it, the plan's current data with the office's changes."""

    @property
    def bloccanti(self) -> list[Nota]:
        """The notes that stop `--scrivi`: all but the values still to write."""
        return [n for n in self.note if not n.da_compilare and not n.avviso]


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
    return Importazione(lettura, modello, note, nome_file)


class FileDelPianoIllegibile(Exception):
    """The plan file the workbook would go into cannot be read (its located Italian finding)."""


def importa_file(percorso: Path, cartella: Path | None = None) -> Importazione:
    """Read and validate one workbook; with the plan's folder, merge it into the plan file
    as it is now (`sul_piano`) and check the result with the rest of the plan (the codes it
    refers to), each new finding at its cell."""
    importazione = valida(leggi(percorso.read_bytes(), percorso.name), percorso.name)
    if cartella is None:
        return importazione
    file = cartella / importazione.lettura.sezione.file
    if file.is_file():
        sorgente, trovati = load_file(file)
        if errori := [f for f in trovati if f.severity is Severity.ERROR]:
            raise FileDelPianoIllegibile(
                f"{errori[0].location}: {errori[0].message} Il file del piano va corretto "
                "prima di importarvi la cartella di lavoro."
            )
        if isinstance(sorgente.data, dict):
            importazione = sul_piano(importazione, sorgente.data)
    if importazione.modello is not None:
        importazione.note.extend(
            note_nel_piano(importazione.lettura, cartella, percorso.name, importazione.dati)
        )
    return importazione


def _breve(valore: Any) -> str:
    if valore is None:
        return "nessun valore"
    testo = in_linea(valore) if isinstance(valore, dict | list) else str(valore)
    return f"«{testo if len(testo) <= 80 else testo[:79] + '…'}»"


def _conflitto(lettura: Lettura, nome_file: str, c: Conflitto) -> Nota:
    luogo = lettura.luogo(c.percorso) or nome_file
    if c.in_cartella is None and isinstance(c.nel_piano, dict):
        testo = (
            f"la voce {_breve(c.nel_piano.get('codice'))} è stata tolta nella cartella di lavoro, "
            "ma nel piano è cambiata dopo l'esportazione: resta nel piano; se va tolta, "
            "toglierla nel file del piano"
        )
    elif c.nel_piano is None and isinstance(c.in_cartella, dict):
        testo = (
            f"la voce {_breve(c.in_cartella.get('codice'))} è stata tolta dal piano dopo "
            "l'esportazione, ma nella cartella di lavoro è cambiata: non viene reinserita; se "
            "va tenuta, aggiungerla nel file del piano"
        )
    else:
        testo = (
            "valore cambiato sia nella cartella di lavoro sia nel piano, dopo l'esportazione "
            f"(per esempio importando un'altra copia della cartella): nel piano "
            f"{_breve(c.nel_piano)}, qui {_breve(c.in_cartella)}. Il piano tiene il suo valore; "
            "per far valere questo, scriverlo nel file del piano (o scrivere qui quello del "
            "piano) e importare di nuovo"
        )
    return Nota(luogo, testo)


def sul_piano(importazione: Importazione, piano: dict[str, Any]) -> Importazione:
    """The office's changes (the workbook against the data it was exported with) applied
    to `piano`, the plan file's data as it is now (another copy of the workbook may have
    changed it since); a value changed in both, differently, is a located note. A workbook
    without that data (written by an older piao) replaces the file's values, as before."""
    lettura, nome_file = importazione.lettura, importazione.nome_file
    if not lettura.origine:
        return importazione
    try:
        origine = origine_da_celle(lettura.origine)
    except OrigineIllegibile:
        nota = Nota(
            f"{nome_file} › {VERSIONE}",
            "la colonna nascosta con i dati esportati è illeggibile (modificata?): non si può "
            "distinguere che cosa ha cambiato l'ufficio da che cosa è cambiato nel piano dopo "
            "l'esportazione; esportare di nuovo la cartella di lavoro e riportarvi i valori",
        )
        return replace(importazione, note=[*importazione.note, nota])
    dati, conflitti = unisci_tre(lettura.sezione.model, origine, lettura.dati, piano)
    note = [_conflitto(lettura, nome_file, c) for c in conflitti]
    return replace(importazione, note=[*importazione.note, *note], dati=dati)


def yaml_importato(importazione: Importazione, cartella: Path) -> tuple[Path, str, str | None]:
    """The plan file of the section, its text with the imported data (only the values that
    differ changed) and its current text (None when the plan has no such file)."""
    piano = cartella / importazione.lettura.sezione.file
    attuale = piano.read_text(encoding="utf-8") if piano.is_file() else None
    dati = importazione.dati if importazione.dati is not None else importazione.lettura.dati
    return piano, unisci(attuale, dati), attuale


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
