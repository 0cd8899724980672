"""The two regimes of the PIAO and the staff threshold between them: one home for both.

Art. 6 c.1 DL 80/2021 asks the full plan of administrations with «più di cinquanta
dipendenti»; art. 6 DM 132/2022 gives the simplified plan to those with «meno di 50»;
art. 1 c.4 DPR 81/2022 speaks of «non più di cinquanta». An entity with exactly 50 is
therefore ambiguous and must state its reading (DOMAIN.md §1.2, S9 S24 S5).
"""

from __future__ import annotations

from typing import Literal

Regime = Literal["ordinario", "semplificato"]
ORDINARIO: frozenset[Regime] = frozenset({"ordinario"})
SEMPLIFICATO: frozenset[Regime] = frozenset({"semplificato"})
ENTRAMBI: frozenset[Regime] = ORDINARIO | SEMPLIFICATO

SOGLIA_DIPENDENTI = 50
"""Staff at 31 December of the previous year that separates the two regimes."""

SOTTO_SOGLIA = f"amministrazioni con meno di {SOGLIA_DIPENDENTI} dipendenti"
"""How the documents name the entities of the simplified regime (art. 6 DM 132/2022)."""


def regime_per_dipendenti(dipendenti: int) -> Regime:
    """The regime the staff count points to (exactly 50: ordinary, with a stated reason)."""
    return "semplificato" if dipendenti < SOGLIA_DIPENDENTI else "ordinario"


def sopra_soglia(dipendenti: int) -> bool:
    """More than 50: the simplified regime is excluded (art. 6 c.1 DL 80/2021)."""
    return dipendenti > SOGLIA_DIPENDENTI
