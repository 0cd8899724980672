"""What a section module returns: its blocks, its titled sub-parts and its annexes.

Numbers, headings and anchors are not a section module's business: the assembler
(view.py) gives them from the document structure (struttura.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from piao.render.allegati import Allegato
from piao.render.document import Blocco


@dataclass(frozen=True)
class Capitolo:
    """A titled sub-part (2.3.1 Contesto esterno ...), numbered after its parent."""

    titolo: str
    blocchi: tuple[Blocco, ...]


@dataclass(frozen=True)
class Annesso:
    """The content of one annex of the document."""

    allegato: Allegato
    blocchi: tuple[Blocco, ...]


@dataclass(frozen=True)
class Parte:
    blocchi: tuple[Blocco, ...]
    figli: tuple[Capitolo, ...] = ()
    allegati: tuple[Annesso, ...] = ()
