"""The structure of the document: its heading tree, read by the assembler (view.py).

Numbers follow the position of the numbered headings («Sezione 2», «2.3», «2.3.1»);
anchors follow the numbers («sezione-2-3-1»). A heading bound to a file of the plan takes
its title from `SEZIONI` unless it names one, and prints the section's absent wording
(`Sezione.assente`) when the file is missing. Unnumbered headings carry a fixed anchor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from piao.model import (
    SEZIONI,
    SEZIONI_PER_CHIAVE,
    Anagrafica,
    FabbisogniPersonale,
    Formazione,
    LavoroAgile,
    Monitoraggio,
    Organizzazione,
    PariOpportunita,
    Performance,
    RischiCorruttivi,
    ValorePubblico,
)
from piao.model.base import Modello
from piao.render.contesto import Contesto
from piao.render.parte import Parte
from piao.render.sezioni import (
    anagrafica,
    fabbisogni_personale,
    formazione,
    in_breve,
    lavoro_agile,
    monitoraggio,
    organizzazione,
    pari_opportunita,
    performance,
    rischi_corruttivi,
    valore_pubblico,
)

M = TypeVar("M", bound=Modello)


@dataclass(frozen=True)
class Fonte:
    """The file of the plan a heading is built from."""

    chiave: str
    parte: Callable[[Contesto], Parte | None]
    """The part built from the file; None where the plan has no such file."""
    capitoli: tuple[str, ...] = ()
    """The titles of the part's sub-parts, in order (the assembler checks them): known
    before any plan is read, so the audit can number its elements by them."""


def fonte(
    modello: type[M], costruisci: Callable[[Contesto, M], Parte], capitoli: tuple[str, ...] = ()
) -> Fonte:
    """Bind a section module's builder to the file of the plan that `modello` reads.

    The file is named by its model, so mypy checks that builder and file agree."""
    (chiave,) = (s.key for s in SEZIONI if s.model is modello)

    def parte(ctx: Contesto) -> Parte | None:
        # The fields of Piano are named after the keys of SEZIONI.
        valore = getattr(ctx.piano, chiave)
        if valore is None:
            return None
        if not isinstance(valore, modello):
            raise TypeError(f"Piano.{chiave} is not a {modello.__name__}")
        return costruisci(ctx, valore)

    return Fonte(chiave, parte, capitoli)


@dataclass(frozen=True)
class Nodo:
    """A heading of the document."""

    titolo: str | None = None
    """None: the title of the file's section in SEZIONI."""
    fonte: Fonte | None = None
    figli: tuple[Nodo, ...] = ()
    ancora: str | None = None
    """Set: the heading is unnumbered and has this anchor. None: the heading is numbered by
    its position among its numbered siblings, and its anchor follows the number."""
    introduzione: str | None = None
    allegati: bool = False
    """The heading that holds the annexes of every part, omitted when there are none."""

    @property
    def intitolazione(self) -> str:
        if self.titolo is not None:
            return self.titolo
        if self.fonte is None:
            raise ValueError("a heading without a file needs a title")
        return SEZIONI_PER_CHIAVE[self.fonte.chiave].titolo


STRUTTURA: tuple[Nodo, ...] = (
    Nodo("Il PIAO in breve", fonte(Anagrafica, in_breve.costruisci), ancora="in-breve"),
    Nodo("Premessa", fonte(Anagrafica, anagrafica.premessa), ancora="premessa"),
    Nodo(fonte=fonte(Anagrafica, anagrafica.costruisci)),
    Nodo(
        "Valore pubblico, performance e anticorruzione",
        figli=(
            Nodo(fonte=fonte(ValorePubblico, valore_pubblico.costruisci)),
            Nodo(fonte=fonte(Performance, performance.costruisci)),
            Nodo(
                fonte=fonte(
                    RischiCorruttivi, rischi_corruttivi.costruisci, rischi_corruttivi.CAPITOLI
                )
            ),
        ),
    ),
    Nodo(
        "Organizzazione e capitale umano",
        figli=(
            Nodo(fonte=fonte(Organizzazione, organizzazione.costruisci)),
            Nodo(fonte=fonte(LavoroAgile, lavoro_agile.costruisci)),
            # The Piano tipo's 3.3 holds two files: the document gives each its heading.
            Nodo(
                SEZIONI_PER_CHIAVE["fabbisogni_personale"].titolo,
                figli=(
                    Nodo(
                        "Fabbisogni di personale",
                        fonte(FabbisogniPersonale, fabbisogni_personale.costruisci),
                    ),
                    Nodo(fonte=fonte(Formazione, formazione.costruisci)),
                ),
            ),
        ),
    ),
    Nodo(fonte=fonte(Monitoraggio, monitoraggio.costruisci)),
    Nodo(fonte=fonte(PariOpportunita, pari_opportunita.costruisci), ancora="azioni-positive"),
    Nodo(
        "Allegati",
        ancora="allegati",
        allegati=True,
    ),
    # After the annexes: the document ends on the act that adopts it (place, date, act).
    Nodo("Adozione del piano", fonte(Anagrafica, anagrafica.chiusura), ancora="chiusura"),
)
