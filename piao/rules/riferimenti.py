"""Which integrity rule reports a broken reference, and how it says so.

Every reference of a plan comes from one walker over the model declarations
(`Contesto.citazioni`). Each reference belongs to exactly one integrity rule: the first
of `PROPRIETARI` that claims it, else CO007 (links in general). A reference field added
to a model is therefore checked by some rule without touching this file; a claim here
only chooses a more specific code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from pydantic import BaseModel

from piao.model import SEZIONI
from piao.model.anagrafica import Deroga
from piao.model.fabbisogni_personale import Assunzione
from piao.model.formazione import Corso
from piao.model.introspect import members
from piao.model.organizzazione import Unita
from piao.model.rischi_corruttivi import Misura
from piao.model.walk import Citazione
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo

GENERALE = "CO007"
"""The rule that reports every broken reference no other rule claims."""

PROPRIETARI: tuple[tuple[str, Callable[[Citazione], bool]], ...] = (
    ("OR001", lambda c: isinstance(c.fonte, Unita) and c.campo == "padre"),
    ("AN012", lambda c: isinstance(c.fonte, Deroga)),
    ("CO005", lambda c: isinstance(c.fonte, Assunzione)),
    ("CO003", lambda c: c.riferimento.bersagli == ("Unita",)),
    (
        "CO002",
        lambda c: (
            bool(c.riferimento.bersagli)
            and set(c.riferimento.bersagli) <= {"ObiettivoValorePubblico", "ObiettivoSalute"}
        ),
    ),
    ("CO004", lambda c: isinstance(c.fonte, Misura)),
    ("CO006", lambda c: isinstance(c.fonte, Corso)),
)


def proprietario(citazione: Citazione) -> str:
    """The code of the integrity rule that reports this reference when it is broken."""
    return next((code for code, claims in PROPRIETARI if claims(citazione)), GENERALE)


def rotti(ctx: Contesto, code: str) -> Iterator[Citazione]:
    """The broken references that rule `code` reports."""
    for citazione in ctx.citazioni_rotte:
        if proprietario(citazione) == code:
            yield citazione


def _nested(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    yield model
    for field in model.model_fields.values():
        for tp in members(field.annotation):
            for arg in (tp, *getattr(tp, "__args__", ())):
                for inner in members(arg):
                    if isinstance(inner, type) and issubclass(inner, BaseModel):
                        yield from _nested(inner)


@cache
def _file_di(kind: str) -> str | None:
    """The section file that holds objects of a model class (None: several or none)."""
    files = {s.file for s in SEZIONI for m in _nested(s.model) if m.__name__ == kind}
    return files.pop() if len(files) == 1 else None


def messaggio(citazione: Citazione) -> str:
    """«MIS-15: il processo «PR-99» non esiste in rischi_corruttivi.yaml.»"""
    rif = citazione.riferimento
    files = {_file_di(kind) for kind in rif.bersagli}
    dove = f"in {files.pop()}" if len(files) == 1 and None not in files else "nel piano"
    testo = f"{rif.etichetta} «{citazione.codice}» non esiste {dove}."
    if citazione.fonte_codice:
        return f"{citazione.fonte_codice}: {testo}"
    return testo[0].upper() + testo[1:]


def rilievi(ctx: Contesto, code: str) -> Iterator[Rilievo]:
    """A finding, with the standard message, for each broken reference rule `code` reports."""
    for c in rotti(ctx, code):
        yield Rilievo(c.file, c.path, messaggio(c))
