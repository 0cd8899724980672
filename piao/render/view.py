"""Build the document of a plan once: each section module (render/sezioni/) formats its
file, and this assembler places the parts in the heading tree of struttura.py, numbering
them, printing the absent wording of missing files and gathering the annexes. Renderers
only print what this returns."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from piao.clock import today
from piao.lingua import elenco
from piao.model import Piano
from piao.model.piano import SEZIONI_PER_CHIAVE
from piao.model.piano import Sezione as SezioneDelPiano
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Documento, Paragrafo, Sezione, Tabella
from piao.render.parte import Annesso, Parte
from piao.render.sezioni.anagrafica import adozione
from piao.render.struttura import STRUTTURA, Nodo
from piao.stemma import Stemma


def _intestazione(numero: str, livello: int) -> str:
    """«Sezione 2» at the top level, «2.1» below."""
    return f"Sezione {numero}" if livello == 1 else numero


def _di(sezione: SezioneDelPiano) -> str:
    """«della sottosezione 2.3»: what an annex of this section details."""
    return f"della {'sottosezione' if sezione.sottosezione else 'sezione'} {sezione.numero}"


def _ancora(numero: str) -> str:
    return "sezione-" + numero.replace(".", "-")


def _numerati(nodi: Iterable[Nodo], prefisso: str) -> Iterator[tuple[Nodo, str, str | None]]:
    """Each heading with its anchor and number (None when unnumbered)."""
    n = 0
    for nodo in nodi:
        if nodo.ancora is not None:
            yield nodo, nodo.ancora, None
            continue
        n += 1
        numero = f"{prefisso}{n}"
        yield nodo, _ancora(numero), numero


def _capitolo(numero: str, i: int) -> str:
    """The number of a part's i-th titled sub-part (from 1) under the heading `numero`."""
    return f"{numero}.{i}"


@dataclass(frozen=True)
class Intestazione:
    """A heading of the document as the structure fixes it, before any plan is read."""

    numero: str | None
    """«1», «2.3», «2.3.1»; None for an unnumbered heading (Premessa, Piano di azioni positive)."""
    titolo: str
    ancora: str
    chiave: str | None
    """The key of the plan file the heading is built from, if any."""
    capitolo: str | None = None
    """The title of the sub-part, for a sub-part of a file's heading."""

    @property
    def etichetta(self) -> str:
        """How the document prints it: «Sezione 2 Valore pubblico...», «2.3.1 Contesto esterno»."""
        if self.numero is None:
            return self.titolo
        livello = self.numero.count(".") + 1
        return f"{_intestazione(self.numero, livello)} {self.titolo}"


def _indice(nodi: Iterable[Nodo], prefisso: str) -> Iterator[Intestazione]:
    for nodo, ancora, numero in _numerati(nodi, prefisso):
        if nodo.allegati:
            continue
        chiave = nodo.fonte.chiave if nodo.fonte is not None else None
        yield Intestazione(numero, nodo.intitolazione, ancora, chiave)
        if nodo.fonte is not None and numero is not None:
            for i, titolo in enumerate(nodo.fonte.capitoli, 1):
                n = _capitolo(numero, i)
                yield Intestazione(n, titolo, _ancora(n), chiave, titolo)
        yield from _indice(nodo.figli, f"{numero}." if numero else "")


@cache
def indice() -> tuple[Intestazione, ...]:
    """Every heading of the document body but the annexes, in order: the numbers the audit
    gives its elements (the same walk as the assembler's, so they cannot disagree)."""
    return tuple(_indice(STRUTTURA, ""))


def _ancore(nodi: Iterable[Nodo], prefisso: str) -> Iterator[tuple[str, str]]:
    for nodo, ancora, numero in _numerati(nodi, prefisso):
        if nodo.fonte is not None:
            yield nodo.fonte.chiave, ancora
        yield from _ancore(nodo.figli, f"{numero}." if numero else "")


@cache
def ancore() -> dict[str, str]:
    """Section key → anchor of the heading that holds the file in the document (the
    first, for the file bound to Premessa and Sezione 1: Sezione 1)."""
    out: dict[str, str] = {}
    for chiave, ancora in _ancore(STRUTTURA, ""):
        if ancora.startswith("sezione-") or chiave not in out:
            out[chiave] = ancora
    return out


def _senza_tabelle_vuote(blocchi: Iterable[Blocco]) -> tuple[Blocco, ...]:
    """A table without rows becomes a note: a header over nothing reads as a printing error."""
    return tuple(
        Paragrafo(f"{b.didascalia}: nessuna voce nel piano.", "nota")
        if isinstance(b, Tabella) and not b.righe and b.totale is None
        else b
        for b in blocchi
    )


class _Assemblatore:
    """Walks the heading tree; keeps the annexes the parts return until their heading."""

    def __init__(self, ctx: Contesto) -> None:
        self.ctx = ctx
        self.annessi: list[tuple[Annesso, str]] = []
        """Each annex with what it details («della sottosezione 2.3»)."""
        self.allegati_chiusi = False

    def sezioni(self, nodi: Iterable[Nodo], prefisso: str, livello: int) -> list[Sezione]:
        out: list[Sezione] = []
        for nodo, ancora, numero in _numerati(nodi, prefisso):
            sezione = self.sezione(nodo, ancora, numero, livello)
            if sezione is not None:
                out.append(sezione)
        return out

    def sezione(self, nodo: Nodo, ancora: str, numero: str | None, livello: int) -> Sezione | None:
        if nodo.allegati:
            return self.allegati(nodo, ancora, livello)
        blocchi: list[Blocco] = [Paragrafo(nodo.introduzione)] if nodo.introduzione else []
        figli: list[Sezione] = []
        if nodo.fonte is not None:
            parte = nodo.fonte.parte(self.ctx)
            if parte is None:
                sezione = SEZIONI_PER_CHIAVE[nodo.fonte.chiave]
                blocchi.append(Paragrafo(sezione.assente(self.ctx.piano.anagrafica.regime), "nota"))
            else:
                blocchi += _senza_tabelle_vuote(parte.blocchi)
                figli += self.capitoli(nodo, parte, numero, livello + 1)
                if parte.allegati and self.allegati_chiusi:
                    raise ValueError(f"annexes after the annex heading: {nodo.intitolazione}")
                di = _di(SEZIONI_PER_CHIAVE[nodo.fonte.chiave])
                self.annessi += [(a, a.allegato.di or di) for a in parte.allegati]
        figli += self.sezioni(nodo.figli, f"{numero}." if numero else "", livello + 1)
        return Sezione(
            ancora,
            _intestazione(numero, livello) if numero else "",
            nodo.intitolazione,
            livello,
            tuple(blocchi),
            tuple(figli),
        )

    def capitoli(self, nodo: Nodo, parte: Parte, numero: str | None, livello: int) -> list[Sezione]:
        """The titled sub-parts of a part, numbered after its heading (2.3.1, 2.3.2 ...)."""
        if not parte.figli:
            return []
        if numero is None:
            raise ValueError(f"sub-parts need a numbered heading: {nodo.intitolazione}")
        titoli = tuple(c.titolo for c in parte.figli)
        if nodo.fonte is not None and titoli != nodo.fonte.capitoli:
            raise ValueError(f"sub-parts {titoli} not declared in struttura.py")
        return [
            Sezione(
                _ancora(_capitolo(numero, i)),
                _intestazione(_capitolo(numero, i), livello),
                capitolo.titolo,
                livello,
                _senza_tabelle_vuote(capitolo.blocchi),
            )
            for i, capitolo in enumerate(parte.figli, 1)
        ]

    def allegati(self, nodo: Nodo, ancora: str, livello: int) -> Sezione | None:
        """The annex heading with every annex the parts returned, in annex order."""
        self.allegati_chiusi = True
        if not self.annessi:
            return None
        annessi = sorted(self.annessi, key=lambda x: x[0].allegato.numero)
        figli = tuple(
            Sezione(
                a.allegato.ancora,
                a.allegato.nome,
                a.allegato.titolo,
                livello + 1,
                a.blocchi,
                orizzontale=True,
            )
            for a, _ in annessi
        )
        dettagli = list(dict.fromkeys(di for _, di in annessi))
        introduzione = nodo.introduzione or f"Tabelle di dettaglio {elenco(dettagli)}."
        blocchi = (Paragrafo(introduzione),)
        return Sezione(ancora, "", nodo.intitolazione, livello, blocchi, figli)


def _data_documento(piano: Piano, oggi: datetime.date) -> datetime.date:
    ad = piano.anagrafica.adozione
    return ad.delibera.data if ad is not None and ad.delibera is not None else oggi


def build_view(
    piano: Piano,
    *,
    bozza: bool = False,
    oggi: datetime.date | None = None,
    stemma: Stemma | None = None,
) -> Documento:
    """The whole document of a valid plan."""
    a = piano.anagrafica
    triennio = f"{a.triennio.da}-{a.triennio.a}"
    atto = adozione(a)
    copertina = (
        ("Triennio", triennio),
        ("Regime", "ordinario" if a.regime == "ordinario" else "semplificato (art. 6 DM 132/2022)"),
        ("Atto", atto),
    )
    sezioni = _Assemblatore(Contesto.di(piano)).sezioni(STRUTTURA, "", 1)
    return Documento(
        titolo=f"Piano Integrato di Attività e Organizzazione {triennio}",
        ente=a.ente.denominazione,
        triennio=triennio,
        adozione=atto,
        bozza=bozza,
        data=_data_documento(piano, oggi or today()),
        copertina=copertina,
        sezioni=tuple(sezioni),
        stemma=stemma,
    )
