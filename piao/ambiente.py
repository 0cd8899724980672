"""The environment variables piao reads, validated in one place: a value that cannot be
meant (milliseconds for seconds, zero or a negative size, a word) is refused with an Italian
message naming the variable, never silently replaced by a default."""

from __future__ import annotations

import math
import os

MAX_EPOCH = 253402300799
"""31/12/9999 23:59:59 UTC in seconds: a larger SOURCE_DATE_EPOCH is in milliseconds or garbage."""


class AmbienteNonValido(ValueError):
    """An environment variable has a value piao cannot use (the CLI exits with code 2)."""


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH (seconds since 1/1/1970 UTC, reproducible builds), None if unset."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):
        raise AmbienteNonValido(
            f"SOURCE_DATE_EPOCH «{value[:40]}» non valido: scrivere i secondi trascorsi dal "
            "1/1/1970 (UTC), un numero intero, es. 1767225600"
        )
    if int(value) > MAX_EPOCH:
        raise AmbienteNonValido(
            f"SOURCE_DATE_EPOCH «{value[:40]}» è troppo grande: va espresso in secondi, non in "
            "millisecondi (es. 1767225600)"
        )
    return int(value)


def max_file_mb() -> float | None:
    """PIAO_MAX_FILE_MB (size limit of one section file, in MB), None if unset."""
    value = os.environ.get("PIAO_MAX_FILE_MB", "").strip()
    if not value:
        return None
    try:
        mb = float(value)
    except ValueError:
        mb = math.nan
    if not math.isfinite(mb) or mb <= 0:
        raise AmbienteNonValido(
            f"PIAO_MAX_FILE_MB «{value[:40]}» non valido: scrivere un numero di megabyte "
            "maggiore di zero, es. 5 o 0.5"
        )
    return mb


def verifica_ambiente() -> None:
    """Raise AmbienteNonValido for the first environment variable piao cannot use."""
    source_date_epoch()
    max_file_mb()
