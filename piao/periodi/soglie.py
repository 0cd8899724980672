"""A target written as a threshold («≤ 0», «>= 95»): the one reading piao applies to such a
text, stated wherever it is applied (never silently). Other texts stay texts: MR002 reports
them as not computable.

Only «≤», «≥» and their ASCII forms «<=», «>=» are read, before a number written the Italian
way (decimal comma: «≤ 0,5») or with a decimal point that cannot be a thousands separator
(«≤ 0.5»). «≤ 1.000» is ambiguous (one, or a thousand?) and is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SOGLIA = re.compile(r"\s*(≤|<=|≥|>=)\s*(-?\d+(?:,\d+|\.(?!\d{3}(?!\d))\d+)?)\s*")


@dataclass(frozen=True)
class Soglia:
    """«≤ 0»: the value must not exceed (`massimo`) or fall below the threshold."""

    valore: float
    massimo: bool
    """True for «≤» (the value is at most the threshold), False for «≥»."""
    scritta: str
    """As the plan writes it."""

    @property
    def verso(self) -> str:
        """The direction the threshold implies: «decrescente» for ≤, «crescente» for ≥."""
        return "decrescente" if self.massimo else "crescente"

    def rispettata(self, valore: float) -> bool:
        return valore <= self.valore if self.massimo else valore >= self.valore

    @property
    def lettura(self) -> str:
        """The reading applied, in the words the reports print."""
        return (
            f"target «{self.scritta}» letto come soglia: raggiunto con un valore "
            f"{'non superiore' if self.massimo else 'non inferiore'} a "
            f"{self.valore:g}".replace(".", ",")
            + "; altrimenti l'avanzamento dalla partenza verso la soglia"
        )


def soglia(target: object) -> Soglia | None:
    """The threshold a text target states, or None (a number, or another text)."""
    if not isinstance(target, str):
        return None
    trovata = _SOGLIA.fullmatch(target)
    if trovata is None:
        return None
    segno, numero = trovata.groups()
    return Soglia(float(numero.replace(",", ".")), segno in ("≤", "<="), target.strip())
