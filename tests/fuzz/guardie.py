"""The harness of the command fuzzer: guards (time, memory), snapshots (sources untouched,
nothing written outside the output folder) and strict validators of every output format.

The guards catch hangs and blow-ups, they do not measure speed: a command that takes more
than four minutes (publishing the large example takes half a minute on a loaded machine) or
lifts the process past 2.5 GB fails."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import resource
import signal
import traceback
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree import ElementTree

from typer.testing import CliRunner, Result

from piao.cli.app import app

SECONDI = int(os.environ.get("FUZZ_TIMEOUT", "240"))
MEMORIA_MB = int(os.environ.get("FUZZ_MEMORY_MB", "2500"))
COUNTER = Path(os.environ["FUZZ_COUNTER"]) if os.environ.get("FUZZ_COUNTER") else None
ESEMPI = int(os.environ.get("FUZZ_EXAMPLES", "500"))

# Characters that must never reach a terminal or a CI log raw: C0 (but tab and line feed),
# DEL, C1, and the bidi controls.
PERICOLOSI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


class Scaduto(Exception):
    """The per-example time guard fired."""


@contextmanager
def guardia(comando: str) -> Iterator[None]:
    """Fail an example that hangs (SIGALRM after SECONDI) or whose process peak memory
    exceeds MEMORIA_MB (ru_maxrss: a high-water mark, so it catches any blow-up)."""

    def scade(_sig: int, _frame: object) -> None:
        raise Scaduto(f"{comando}: oltre {SECONDI} s")

    precedente = signal.signal(signal.SIGALRM, scade)
    signal.alarm(SECONDI)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, precedente)
    picco_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    assert picco_mb < MEMORIA_MB, f"{comando}: memoria di picco {picco_mb} MB"


def conta() -> None:
    if COUNTER is not None:
        with COUNTER.open("a", encoding="utf-8") as handle:
            handle.write("1\n")


def impronta(root: Path) -> dict[str, str]:
    """Every file and folder under root with a hash of its content (links not followed)."""
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def cambiati_fuori(prima: dict[str, str], dopo: dict[str, str], uscite: list[str]) -> list[str]:
    """Paths created, changed or removed outside the output folders."""
    diversi = {k for k in prima.keys() | dopo.keys() if prima.get(k) != dopo.get(k)}
    return sorted(k for k in diversi if not any(k == u or k.startswith(u + "/") for u in uscite))


def piao(*args: str, comando: str = "") -> Result:
    """Run piao in-process and fail on any traceback or «errore interno»."""
    with guardia(comando or " ".join(args[:1])):
        result = CliRunner().invoke(app, list(args))
    descr = f"piao {' '.join(a[:80] for a in args)}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        tb = "".join(traceback.format_exception(result.exception))
        raise AssertionError(f"{descr}: eccezione\n{tb}")
    assert result.exit_code in {0, 1, 2}, f"{descr}: codice {result.exit_code}"
    testo = result.stdout + result.stderr
    assert "Traceback" not in testo, f"{descr}: traceback\n{testo[-3000:]}"
    assert "errore interno" not in testo, f"{descr}: errore interno\n{testo[-3000:]}"
    return result


def _senza_nan(costante: str) -> object:
    raise AssertionError(f"JSON non stretto: {costante}")


def json_stretto(testo: str | bytes) -> object:
    return json.loads(testo, parse_constant=_senza_nan)


def xml(dati: str | bytes) -> ElementTree.Element:
    return ElementTree.fromstring(dati)


def terminale_pulito(testo: str, descr: str) -> None:
    trovato = PERICOLOSI.search(testo)
    assert trovato is None, f"{descr}: carattere di controllo {trovato.group()!r} in uscita"


def docx(path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                xml(z.read(name))


def _flussi(dati: bytes) -> Iterator[bytes]:
    """The PDF itself and every stream of it that inflates (a compressed XMP)."""
    yield dati
    for trovato in re.finditer(rb"stream\r?\n(.*?)endstream", dati, re.DOTALL):
        try:
            yield zlib.decompress(trovato.group(1))
        except zlib.error:
            continue


def pdf(path: Path, *, pdfa: bool) -> None:
    """A PDF whose XMP metadata is well-formed XML (a PDF/A must have it)."""
    dati = path.read_bytes()
    assert dati.startswith(b"%PDF-"), path
    for flusso in _flussi(dati):
        inizio = flusso.find(b"<x:xmpmeta")
        if inizio >= 0:
            fine = flusso.index(b"</x:xmpmeta>", inizio) + len(b"</x:xmpmeta>")
            xml(flusso[inizio:fine])
            return
    assert not pdfa, f"{path}: nessun metadato XMP"


def csv_valido(path: Path) -> None:
    righe = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert righe, path


def file_uscita(out: Path, *, pdfa: bool = True) -> None:
    """Every file written under out is valid for its format."""
    for path in sorted(out.rglob("*")):
        if path.is_dir():
            continue
        suffix = path.suffix.lower()
        if suffix == ".json":
            json_stretto(path.read_bytes())
        elif suffix in {".xml", ".rdf"}:
            xml(path.read_bytes())
        elif suffix == ".docx":
            docx(path)
        elif suffix == ".pdf":
            pdf(path, pdfa=pdfa)
        elif suffix == ".csv":
            csv_valido(path)
        elif suffix in {".html", ".md", ".txt"}:
            testo = path.read_text(encoding="utf-8")
            assert "<script>alert" not in testo, f"{path}: markup del piano non neutralizzato"
