"""Writing files safely: a temporary file in the same folder, then an atomic rename, so an
interrupted run leaves either the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
import unicodedata
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
