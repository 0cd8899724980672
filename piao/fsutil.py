"""Writing files safely: a temporary file in the same folder, then an atomic rename, so an
interrupted run leaves either the old file or the new one, never half of one; and a set of
files (a document in every format, a site) written as a whole (`insieme`)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def slugify(text: str, limit: int = 80) -> str:
    """A safe file-name stem: lowercase ASCII letters, digits and dashes, never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = "".join(c if c.isalnum() else "-" for c in ascii_text.lower())
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:limit].strip("-") or "piano"


def inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or lies within it (after resolving links)."""
    resolved, base = path.resolve(), folder.resolve()
    return resolved == base or resolved.is_relative_to(base)


@contextmanager
def insieme(out: Path, *, superati: Iterable[str] = ()) -> Iterator[Path]:
    """Write a set of files as a whole: the caller writes into the staging folder it is given
    (hidden, inside `out`, so on the same file system); when the block ends normally every
    file moves into place in one quick pass, otherwise nothing in `out` changes.

    An interruption or a failure while the set is written leaves the previous complete set
    untouched (never a new HTML beside an old PDF); only the files of the set are replaced,
    and the other files in `out` are never touched, except the paths in `superati`
    (relative to `out`): files of a previous set that the new one no longer has, removed
    with the swap."""
    creata = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    _sgombra(out)
    radice = Path(tempfile.mkdtemp(prefix=PREFISSO_CANTIERE, dir=out))
    (radice / "pid").write_text(str(os.getpid()), encoding="ascii")
    nuovo, vecchio = radice / "nuovo", radice / "vecchio"
    nuovo.mkdir()
    try:
        yield nuovo
        _sostituisci(nuovo, vecchio, out, [out / p for p in superati])
    except BaseException:
        if creata:
            shutil.rmtree(radice, ignore_errors=True)
            with contextlib.suppress(OSError):
                out.rmdir()
        raise
    finally:
        shutil.rmtree(radice, ignore_errors=True)


PREFISSO_CANTIERE = ".piao-in-corso-"
"""The hidden staging folder of a set being written (`insieme`)."""


def _vivo(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _sgombra(out: Path) -> None:
    """Remove the staging folders a killed run left in `out` before its swap began (their
    process is gone, nothing of `out` was moved aside): only unfinished new files are lost,
    the previous set is whole. A folder whose swap had begun (`vecchio`) is left for a
    person to look at, never guessed."""
    for cantiere in out.glob(f"{PREFISSO_CANTIERE}*"):
        try:
            pid = int((cantiere / "pid").read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # not ours to judge (written by an older piao, or not a piao folder)
        if not _vivo(pid) and not (cantiere / "vecchio").exists():
            shutil.rmtree(cantiere, ignore_errors=True)


def _sostituisci(nuovo: Path, vecchio: Path, out: Path, superati: list[Path]) -> None:
    """Move every file of `nuovo` to the same place in `out`; each replaced file is kept in
    `vecchio` first (a hard link, or a copy), so a failure halfway puts everything back."""
    file = sorted(p.relative_to(nuovo) for p in nuovo.rglob("*") if not p.is_dir())
    spostati: list[tuple[Path, Path | None]] = []
    try:
        for rel in file:
            dest = out / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            copia = _da_parte(dest, vecchio / rel)
            spostati.append((dest, copia))
            os.replace(nuovo / rel, dest)
        nuovi = {out / rel for rel in file}
        for dest in superati:
            if dest not in nuovi and dest.is_file() and not dest.is_symlink():
                spostati.append(
                    (dest, _da_parte(dest, vecchio / "superati" / dest.relative_to(out)))
                )
                dest.unlink()
    except BaseException:
        for dest, copia in reversed(spostati):
            with contextlib.suppress(OSError):
                if copia is None:
                    dest.unlink(missing_ok=True)
                else:
                    os.replace(copia, dest)
        raise


def _da_parte(dest: Path, copia: Path) -> Path | None:
    """Keep the current `dest` at `copia` (None when there is no file to keep)."""
    if not dest.is_file() or dest.is_symlink():
        return None
    copia.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(dest, copia)
    except OSError:
        shutil.copy2(dest, copia)
    return copia
