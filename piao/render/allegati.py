"""The annexes of the document: fixed numbers, declared once. Both the annex heading and
the text that points to it («(Allegato 1)», «dettaglio nell'Allegato 4») read this table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Allegato:
    numero: int
    titolo: str
    di: str | None = None
    """What the annex details, for the introduction of the annexes («del piano delle
    assunzioni»); None: the section that returns it («della sottosezione 2.3»)."""

    @property
    def nome(self) -> str:
        """«Allegato 1»: the heading label and the name the text refers to."""
        return f"Allegato {self.numero}"

    @property
    def ancora(self) -> str:
        return f"allegato-{self.numero}"


PROCESSI = Allegato(1, "Mappatura dei processi e valutazione del rischio")
MISURE = Allegato(2, "Misure di prevenzione programmate")
OBBLIGHI = Allegato(3, "Obblighi di pubblicazione in Amministrazione trasparente")
ASSUNZIONI = Allegato(4, "Piano delle assunzioni", "del piano delle assunzioni")

ALLEGATI: tuple[Allegato, ...] = (PROCESSI, MISURE, OBBLIGHI, ASSUNZIONI)
