"""Rules on sottosezione 3.1 Struttura organizzativa."""

from __future__ import annotations

import difflib
import typing
import unicodedata
from collections.abc import Iterator

from piao.model.organizzazione import TipoUnita
from piao.model.regime import SEMPLIFICATO
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.riferimenti import rotti
from piao.rules.util import vuoto

F = "organizzazione.yaml"


@regola(
    "OR001",
    "organizzazione.albero-unita",
    summary="Ogni unità organizzativa dipende da un'unità esistente e l'organigramma non ha cicli.",
    basis=("DM132-4-1a",),
    confidenza="V",
    integrita=True,
    richiede=("organizzazione",),
    conforme="- {codice: UO-URP, padre: UO-SEG, ...}",
    non_conforme="- {codice: UO-URP, padre: UO-INESISTENTE, ...}",
)
def albero(ctx: Contesto) -> Iterator[Rilievo]:
    for rotto in rotti(ctx, "OR001"):
        yield Rilievo(
            rotto.file,
            rotto.path,
            f"{rotto.fonte_codice}: l'unità padre «{rotto.codice}» non esiste.",
        )
    padre = {u.codice: u.padre for u in ctx.org.unita}
    for i, u in enumerate(ctx.org.unita):
        visti = {u.codice}
        corrente = u.padre
        while corrente is not None and corrente in padre:
            if corrente in visti:
                yield Rilievo(
                    F,
                    ("unita", i, "padre"),
                    f"{u.codice}: l'organigramma ha un ciclo (passa per {corrente}).",
                )
                break
            visti.add(corrente)
            corrente = padre[corrente]


@regola(
    "OR002",
    "organizzazione.dipendenti-per-unita",
    summary="Se ogni unità indica il personale assegnato, la somma è il personale in servizio della scheda "
    "anagrafica (le unità trasversali non si contano: il loro personale resta nelle unità di appartenenza).",
    basis=("DM132-4-1a",),
    confidenza="U",
    richiede=("organizzazione",),
    conforme="# somma di unita[*].dipendenti = ente.dipendenti.valore",
    non_conforme="# le unità sommano 140 dipendenti, la scheda anagrafica ne indica 152",
)
def dipendenti(ctx: Contesto) -> Iterator[Rilievo]:
    # The staff of each unit is optional: a partial or missing breakdown is not compared.
    valori = [u.dipendenti for u in ctx.org.unita]
    if not valori or any(v is None for v in valori) or ctx.dipendenti is None:
        return
    totale = sum(v for v in valori if v is not None)
    if totale != ctx.dipendenti:
        yield Rilievo(
            F,
            ("unita",),
            f"Le unità organizzative sommano {totale} dipendenti, la scheda anagrafica ne indica {ctx.dipendenti}.",
        )


@regola(
    "OR003",
    "organizzazione.contenuti",
    copre=("R04",),
    summary="La sottosezione 3.1 elenca le unità organizzative e, nel regime ordinario, descrive il modello "
    "organizzativo adottato.",
    basis=("DM132-4-1a",),
    confidenza="V",
    richiede=("organizzazione",),
    conforme="modello_organizzativo: ...\nunita: [...]",
    non_conforme="unita: []",
)
def contenuti(ctx: Contesto) -> Iterator[Rilievo]:
    # Under 50 employees the listed units suffice: the narrative is OR004's, a warning.
    if ctx.regime == "ordinario" and vuoto(ctx.org.modello_organizzativo):
        yield Rilievo(
            F, ("modello_organizzativo",), "Manca la descrizione del modello organizzativo."
        )
    if not ctx.org.unita:
        yield Rilievo(F, ("unita",), "Mancano le unità organizzative.")


@regola(
    "OR004",
    "organizzazione.modello-semplificato",
    summary="Nel regime semplificato basta l'elenco delle unità; la descrizione del modello organizzativo "
    "resta consigliata (lettura applicata dell'art. 6 DM 132/2022, che semplifica i contenuti della sezione 3).",
    basis=("DM132-4-1a", "DM132-6"),
    confidenza="P",
    regimi=SEMPLIFICATO,
    richiede=("organizzazione",),
    conforme="modello_organizzativo: Tre aree affidate a responsabili EQ...\nunita: [...]",
    non_conforme="unita: [...]   # senza modello_organizzativo",
)
def modello_semplificato(ctx: Contesto) -> Iterator[Rilievo]:
    if vuoto(ctx.org.modello_organizzativo):
        yield Rilievo(
            F,
            ("modello_organizzativo",),
            "Manca la descrizione del modello organizzativo. Nel regime semplificato l'elenco delle unità "
            "basta (lettura applicata dell'art. 6 DM 132/2022, che limita la sezione 3 a contenuti "
            "semplificati), ma l'art. 4 c.1 lett. a chiede di descrivere il modello adottato: bastano poche "
            "righe in «modello_organizzativo».",
        )


TIPI = tuple(typing.get_args(TipoUnita))


def _chiave(testo: str) -> str:
    """«Unità operativa» → «unita_operativa»: the shape of a suggested type."""
    piano = unicodedata.normalize("NFKD", testo)
    piano = "".join(c for c in piano if not unicodedata.combining(c))
    return "_".join(piano.lower().split())


@regola(
    "OR005",
    "organizzazione.tipo-suggerito",
    summary="Un tipo di unità scritto a testo libero che coincide o quasi con un valore suggerito (es. «Unità "
    "operativa», «areaa») usa il valore suggerito: un errore di battitura passerebbe per un tipo nuovo.",
    basis=("DM132-4-1a",),
    confidenza="U",
    richiede=("organizzazione",),
    conforme="tipo: unita_operativa   # oppure un tipo diverso, es. «Sportello unico»",
    non_conforme="tipo: Unità operativa",
)
def tipo_suggerito(ctx: Contesto) -> Iterator[Rilievo]:
    for lista, unita in (
        ("unita", ctx.org.unita),
        ("unita_trasversali", ctx.org.unita_trasversali),
    ):
        for i, u in enumerate(unita):
            if u.tipo in TIPI:
                continue
            simili = difflib.get_close_matches(_chiave(u.tipo), TIPI, n=1, cutoff=0.8)
            if simili:
                yield Rilievo(
                    F,
                    (lista, i, "tipo"),
                    f"{u.codice}: il tipo «{u.tipo}» somiglia al valore suggerito «{simili[0]}»: se è lo "
                    f"stesso tipo, scrivere «{simili[0]}» (il documento lo stampa per esteso); se è un tipo "
                    "diverso, il testo libero va bene.",
                )
