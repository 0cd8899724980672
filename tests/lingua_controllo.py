"""Italian agreement mistakes a message or a document must never contain (issue 14.7).

Used by the rule-case runner on every finding of every case, and by tests/test_lingua.py on
reports, documents, diffs and the authoring commands' output.
"""

from __future__ import annotations

import re

_SINGOLARI_IN_I = frozenset(
    {"analisi", "crisi", "sintesi", "tesi", "ipotesi", "diagnosi", "prassi", "bici", "lunedì"}
)
# Prepositions ending in -i after a «1» are not a plural noun: «parte 1 di 2», «1 dei servizi».
_PREPOSIZIONI_IN_I = frozenset({"di", "dei", "ai", "dai", "nei", "sui"})
_PLURALI_IN_E = (
    "misure|azioni|fasi|posizioni|assunzioni|cessazioni|rilevazioni|sezioni|sottosezioni|persone|"
    "aree|regole|voci|unità organizzative|iniziative|procedure|attività"
)
_CONTROLLI: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("«1» con un plurale", re.compile(r"(?<![\d.,/])\b1 ([a-zàèéìòù]+i)\b")),
    ("«1» con un plurale", re.compile(rf"(?<![\d.,/])\b1 (?:{_PLURALI_IN_E})\b")),
    (
        "«di» senza articolo davanti all'ente",
        re.compile(r"\bdi (?:Comune|Provincia|Unione|Città|Regione) "),
    ),
    ("spazio prima della punteggiatura", re.compile(r"[\wàèéìòù)] [:;,.](?=\s|$)")),
    ("parentesi vuote", re.compile(r"\(\s*\)")),
    ("parentesi dentro parentesi", re.compile(r"\([^()]*\([^()]*\)[^()]*\)")),
    ("manca con un plurale", re.compile(r"\b[Mm]anca (?:i|gli|le) ")),
    ("participio non accordato", re.compile(r"\btrovato (?:la|una) ")),
)


def difetti(testo: str) -> list[str]:
    """Each mistake found in `testo`, with its context."""
    out = []
    for nome, pattern in _CONTROLLI:
        for match in pattern.finditer(testo):
            parola = match.group(1) if match.groups() else ""
            if parola in _SINGOLARI_IN_I or parola in _PREPOSIZIONI_IN_I:
                continue
            inizio = max(0, match.start() - 40)
            out.append(f"{nome}: «…{testo[inizio : match.end() + 40]}…»")
    return out
