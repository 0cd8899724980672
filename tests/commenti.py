"""A test helper: the same YAML with a comment line in every block list — after the key
that opens the list and before each of its items — the way offices annotate plans."""

from __future__ import annotations

import re

_ELEMENTO = re.compile(r"^( *)- ")
_CHIAVE_APERTA = re.compile(r"^( *)(?:- +)?[^\s#-][^#]*:\s*(?:#.*)?$")
_BLOCCO = re.compile(r":\s*[|>][-+0-9]*\s*(?:#.*)?$")
"""A key whose value is a literal or folded text: its lines are text, not YAML."""


def _rientro(riga: str) -> int:
    return len(riga) - len(riga.lstrip(" "))


def commenta_elenchi(testo: str) -> str:
    """`testo` with `# nota` lines in every block list (text blocks left as they are)."""
    righe = testo.split("\n")
    out: list[str] = []
    testo_da = -1  # indentation of the key owning a literal/folded text, -1 outside
    for i, riga in enumerate(righe):
        if testo_da >= 0:
            if not riga.strip() or _rientro(riga) > testo_da:
                out.append(riga)
                continue
            testo_da = -1
        elemento = _ELEMENTO.match(riga)
        if elemento:
            out.append(f"{elemento.group(1)}# nota prima di un elemento")
        out.append(riga)
        if _BLOCCO.search(riga):
            testo_da = _rientro(riga) + (2 if elemento else 0)
            continue
        if _CHIAVE_APERTA.match(riga):
            seguente = next((r for r in righe[i + 1 :] if r.strip()), "")
            dopo = _ELEMENTO.match(seguente)
            if dopo:
                out.append(f"{dopo.group(1)}# nota dopo la chiave dell'elenco")
    return "\n".join(out)
