"""The normal form of a key or of a closed-list value as an Italian user may write it."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORI = re.compile(r"[\s\-'’]+")


def forma_normale(testo: str) -> str:
    """«Pari opportunità» → «pari_opportunita», «Modalità» → «modalita», «557 quater» →
    «557_quater»: no accents, lower case, spaces, hyphens and apostrophes as «_»."""
    scomposto = unicodedata.normalize("NFKD", testo.strip())
    senza_accenti = "".join(c for c in scomposto if not unicodedata.combining(c))
    return _SEPARATORI.sub("_", senza_accenti.lower())
