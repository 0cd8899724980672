"""The document model every renderer walks: sections of headings and blocks.

`build_view` (view.py) turns a `Piano` into a `Documento` once; the HTML/PDF and DOCX
renderers only print it, so the two formats cannot disagree.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from piao.render.figures import Disegno
from piao.stemma import Stemma

BOZZA = "BOZZA"
"""The mark on every page of a draft (watermark, page header)."""
AVVISO_BOZZA = f"{BOZZA} — documento non adottato o con rilievi da correggere"
"""What a draft says of itself, in the document (HTML, PDF, DOCX) and on the site."""


@dataclass(frozen=True)
class Paragrafo:
    testo: str
    stile: str = "normale"
    """normale | nota (grey, e.g. «non applicabile») | evidenza."""


@dataclass(frozen=True)
class Elenco:
    voci: tuple[str, ...]


@dataclass(frozen=True)
class Definizioni:
    """A two-column table of label and value."""

    righe: tuple[tuple[str, str], ...]
    didascalia: str | None = None


@dataclass(frozen=True)
class Tabella:
    didascalia: str
    intestazioni: tuple[str, ...]
    righe: tuple[tuple[str, ...], ...]
    larghezze: tuple[int, ...]
    """Relative column widths (they are normalised by the renderers)."""
    totale: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Figura:
    didascalia: str
    disegno: Disegno
    alt: str


Blocco = Paragrafo | Elenco | Definizioni | Tabella | Figura


def testo(valore: str | None) -> list[Blocco]:
    """A paragraph of free text the plan may leave empty: none when it is empty."""
    return [Paragrafo(valore)] if valore else []


@dataclass(frozen=True)
class Sezione:
    ancora: str
    numero: str
    titolo: str
    livello: int
    blocchi: tuple[Blocco, ...] = ()
    figli: tuple[Sezione, ...] = ()
    orizzontale: bool = False
    """Printed on landscape pages (wide annex tables)."""

    @property
    def intestazione(self) -> str:
        return f"{self.numero} {self.titolo}".strip()

    def tutte(self) -> list[Sezione]:
        out = [self]
        for figlio in self.figli:
            out += figlio.tutte()
        return out


@dataclass(frozen=True)
class Genere:
    """What kind of document a `Documento` is: the plan, or a report of its cycle (monitoring,
    Relazione sulla performance, RPCT's annual report). The renderers print every kind the
    same way; only these words change."""

    intitolazione: str
    """The title on the cover: «Piano Integrato di Attività e Organizzazione»."""
    sigla: str
    """Its short name in the running header and the metadata keywords: «PIAO»."""
    norma: str
    """The legal basis printed at the foot of the cover."""
    norma_breve: str
    """The same, for the metadata keywords: «DM 132/2022»."""


PIAO = Genere(
    "Piano Integrato di Attività e Organizzazione",
    "PIAO",
    "Art. 6 D.L. 9 giugno 2021 n. 80 — D.M. 30 giugno 2022 n. 132",
    "DM 132/2022",
)
"""The plan itself."""


INTESTAZIONE_MAX = 80
"""Characters of the entity's name in the running header (the cover and the title keep it
whole): an Unione listing its members, or one 300-character word, stays one line."""


@dataclass(frozen=True)
class Documento:
    titolo: str
    ente: str
    triennio: str
    adozione: str
    bozza: bool
    data: datetime.date
    """Date written into the metadata (adoption date, else SOURCE_DATE_EPOCH or today)."""
    copertina: tuple[tuple[str, str], ...]
    sezioni: tuple[Sezione, ...] = field(default_factory=tuple)
    stemma: Stemma | None = None
    """The entity's stemma (plan folder), on the cover and in the page header."""
    genere: Genere = PIAO
    periodo: str | None = None
    """What the document covers, under the cover title and in the running header («primo
    semestre 2026», «2026»); the plan's triennio when None."""

    @property
    def sottotitolo(self) -> str:
        return self.periodo or self.triennio

    @property
    def parole_chiave(self) -> str:
        """The metadata keywords (HTML, PDF, DOCX)."""
        return f"{self.genere.sigla}, {self.sottotitolo}, {self.genere.norma_breve}, {self.ente}"

    @property
    def intestazione(self) -> str:
        """The running header: the entity's name cut to INTESTAZIONE_MAX characters (at a
        space when there is one), so that it stays one line of the page margin."""
        ente = self.ente
        if len(ente) > INTESTAZIONE_MAX:
            taglio = ente[:INTESTAZIONE_MAX]
            spazio = taglio.rfind(" ")
            ente = (taglio[:spazio] if spazio > INTESTAZIONE_MAX // 2 else taglio).rstrip() + "…"
        return f"{ente} — {self.genere.sigla} {self.sottotitolo}"

    @property
    def avviso_bozza(self) -> str:
        return AVVISO_BOZZA

    @property
    def marchio_bozza(self) -> str:
        return BOZZA

    def tutte(self) -> list[Sezione]:
        out: list[Sezione] = []
        for s in self.sezioni:
            out += s.tutte()
        return out
