"""The ANAC «griglia di rilevazione» that the OIV / Nucleo di valutazione fills each year on
the publication obligations (art. 14 c.4 lett. g D.Lgs. 150/2009), pre-filled from the
obligations the plan programmes in sottosezione 2.3: one row per obligation with its
descriptive half (AT sub-sections, norm, name and content, frequency, units responsible by
name, AT link), and the empty scored columns for the auditor.

Since 2025 ANAC collects the grid through its web application (delibera 192/2025); the
layout here is the historical Excel grid, a working sheet to prepare the survey. The sheet's
notes, the README and the guide say so. `COLONNE` is the one table of the column mapping:
headers, where each value comes from, the allowed scores and their confidence (DOMAIN.md
§4.4)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from piao.audit.assess import Audit
from piao.csvsafe import write_csv_italiano
from piao.fsutil import atomic_write_bytes, atomic_write_text, insieme
from piao.loading import load_folder
from piao.model.rischi_corruttivi import ObbligoTrasparenza, RischiCorruttivi
from piao.render.contesto import Contesto
from piao.render.sezioni.rischi_corruttivi import aggiornamento_obbligo, responsabili
from piao.validation import validate_plan

Cella = Callable[[Contesto | None, ObbligoTrasparenza], str]

AVVERTENZA = (
    "Dal 2025 la rilevazione dell'OIV (o del Nucleo di valutazione) si compila "
    "nell'applicazione web dell'ANAC (delibera ANAC n. 192/2025: dati al 31/05/2025, "
    "compilazione dal 03/06/2025). Questo foglio riproduce l'impianto storico della griglia "
    "Excel (es. delibera n. 294/2021) come strumento di lavoro per preparare la rilevazione: "
    "le righe sono gli obblighi programmati nel PIAO (sottosezione 2.3), non il campione di "
    "obblighi che l'ANAC sceglie ogni anno con la sua delibera."
)


@dataclass(frozen=True)
class Punteggio:
    """The values an auditor may give in a scored column, and how sure we are of them."""

    valori: tuple[str, ...]
    confidenza: str
    """V: verified in a source (the sheet refuses other values); P: partially verified
    (the sheet warns, but accepts); U: not verified (never enforced, only noted)."""


@dataclass(frozen=True)
class ColonnaGriglia:
    intestazione: str
    origine: str
    """Where the value comes from, in the words of the notes sheet."""
    larghezza: int
    """Width in the sheet, in characters."""
    cella: Cella | None = None
    """The pre-filled value; None for a column the auditor fills."""
    punteggio: Punteggio | None = None


def _unita(ctx: Contesto | None, o: ObbligoTrasparenza, dati: bool) -> str:
    valore = o.responsabile_dati if dati else o.responsabile_pubblicazione
    if ctx is None:  # organizzazione.yaml invalid: codes, not names
        return ", ".join([valore] if isinstance(valore, str) else (valore or []))
    return responsabili(ctx, valore)


def _nome(o: ObbligoTrasparenza) -> str:
    # The model names no obligation apart from its place in the tree: the third level when
    # the plan gives it, else the second (as many rows of the ANAC grid do).
    return o.sottosezione[-1]


ZERO_TRE = Punteggio(("0", "1", "2", "3", "n/a"), "V")

COLONNE: tuple[ColonnaGriglia, ...] = (
    ColonnaGriglia(
        "Codice obbligo (PIAO)", "codice dell'obbligo nel piano", 9, lambda _, o: o.codice
    ),
    ColonnaGriglia(
        "Denominazione sotto-sezione livello 1 (Macrofamiglie)",
        "primo livello di «sottosezione»",
        16,
        lambda _, o: o.sottosezione[0],
    ),
    ColonnaGriglia(
        "Denominazione sotto-sezione 2 livello (Tipologie di dati)",
        "secondo livello di «sottosezione» (vuoto se il piano non lo indica)",
        20,
        lambda _, o: o.sottosezione[1] if len(o.sottosezione) > 1 else "",
    ),
    ColonnaGriglia(
        "Riferimento normativo",
        "«riferimento_normativo»",
        14,
        lambda _, o: o.riferimento_normativo or "",
    ),
    ColonnaGriglia(
        "Denominazione del singolo obbligo",
        "ultimo livello di «sottosezione» (il terzo, se indicato)",
        20,
        lambda _, o: _nome(o),
    ),
    ColonnaGriglia("Contenuti dell'obbligo", "«contenuto»", 30, lambda _, o: o.contenuto or ""),
    ColonnaGriglia(
        "Aggiornamento (frequenza)",
        "«aggiornamento» e, per il tempestivo, «termine_giorni»",
        13,
        lambda _, o: aggiornamento_obbligo(o.aggiornamento, o.termine_giorni),
    ),
    ColonnaGriglia(
        "Responsabile della trasmissione dei dati",
        "«responsabile_dati», con il nome dell'unità da organizzazione.yaml",
        18,
        lambda c, o: _unita(c, o, dati=True),
    ),
    ColonnaGriglia(
        "Responsabile della pubblicazione",
        "«responsabile_pubblicazione», con il nome dell'unità",
        18,
        lambda c, o: _unita(c, o, dati=False),
    ),
    ColonnaGriglia(
        "Link alla pagina di Amministrazione trasparente",
        "«url» dell'obbligo, se il piano lo indica",
        22,
        lambda _, o: str(o.url) if o.url else "",
    ),
    ColonnaGriglia(
        "Pubblicazione",
        "a cura dell'OIV / Nucleo: il dato è pubblicato? (0 o 2)",
        14,
        punteggio=Punteggio(("0", "2", "n/a"), "P"),
    ),
    ColonnaGriglia(
        "Completezza del contenuto",
        "a cura dell'OIV / Nucleo (da 0 a 3)",
        14,
        punteggio=ZERO_TRE,
    ),
    ColonnaGriglia(
        "Completezza rispetto agli uffici",
        "a cura dell'OIV / Nucleo: tutti gli uffici o soggetti tenuti (da 0 a 3)",
        14,
        punteggio=ZERO_TRE,
    ),
    ColonnaGriglia("Aggiornamento", "a cura dell'OIV / Nucleo (da 0 a 3)", 14, punteggio=ZERO_TRE),
    ColonnaGriglia(
        "Apertura formato",
        "a cura dell'OIV / Nucleo: formato aperto e riutilizzabile (da 0 a 3)",
        14,
        punteggio=ZERO_TRE,
    ),
    ColonnaGriglia("Note", "a cura dell'OIV / Nucleo", 24),
)

NOTE_PUNTEGGI: tuple[tuple[str, str], ...] = (
    (
        "Valori ammessi",
        "Pubblicazione: 0 o 2 (confidenza P: il foglio avvisa ma accetta altri valori); le "
        "altre colonne: da 0 a 3 (confidenza V: il foglio rifiuta altri valori); «n/a» se "
        "l'obbligo non si applica all'ente. Fonte: ANAC, criteri di compilazione della "
        "griglia di rilevazione (S42, S43).",
    ),
    ("Celle vuote", "Una cella di punteggio lasciata vuota vale 0 (confidenza V, S42)."),
    (
        "Fasce percentuali",
        "Le fasce dietro i valori (es. 3 = completo, 2 = almeno due terzi, 1 = da un terzo a "
        "due terzi, 0 = meno di un terzo) non sono verificate su un testo ANAC (confidenza U): "
        "il foglio non le impone. Fa fede il documento tecnico sui criteri di qualità della "
        "pubblicazione dei dati (Allegato 5 alla delibera n. 294/2021) o quello della delibera "
        "dell'anno.",
    ),
    (
        "Dove si pubblica",
        "Amministrazione trasparente › Controlli e rilievi sull'amministrazione › Organismi "
        "indipendenti di valutazione, nuclei di valutazione o altri organismi con funzioni "
        "analoghe › Attestazione dell'OIV o di altra struttura analoga (S45).",
    ),
)


@dataclass(frozen=True)
class Griglia:
    ente: str
    codice_ipa: str | None
    triennio: str
    slug: str
    righe: tuple[tuple[str, ...], ...]
    """One row per obligation, a cell per column of `COLONNE` (empty for the auditor's)."""
    avviso: str | None = None
    """Why the grid has no rows, when it has none."""


def griglia_plan(audit: Audit) -> Griglia:
    """The grid of the plan audited: the obligations of sottosezione 2.3 as the plan
    programmes them (none when the sub-section is missing or invalid)."""
    validated = validate_plan(load_folder(Path(audit.plan)))
    piano = validated.parziale
    rc = validated.sections.get("rischi_corruttivi")
    ctx = Contesto.di(piano) if piano is not None else None
    obblighi: Sequence[ObbligoTrasparenza] = ()
    avviso = None
    if not isinstance(rc, RischiCorruttivi):
        avviso = "sottosezione 2.3 assente o non valida: nessun obbligo da riportare"
    elif rc.trasparenza is None or not rc.trasparenza.obblighi:
        avviso = "la sottosezione 2.3 non programma obblighi di pubblicazione"
    else:
        obblighi = rc.trasparenza.obblighi
    righe = tuple(tuple(c.cella(ctx, o) if c.cella else "" for c in COLONNE) for o in obblighi)
    return Griglia(audit.ente, audit.codice_ipa, audit.triennio, audit.slug, righe, avviso)


def render_csv(griglia: Griglia) -> str:
    return write_csv_italiano([c.intestazione for c in COLONNE], griglia.righe)


def write_griglie(griglie: Sequence[Griglia], out: Path) -> list[Path]:
    """griglia-<ente>-<triennio>.xlsx and .csv per plan, as a whole."""
    # Imported here: openpyxl is only needed when a grid is asked for.
    from piao.audit.griglia_xlsx import render_xlsx  # noqa: PLC0415

    written: list[Path] = []
    with insieme(out) as cantiere:
        seen: dict[str, int] = {}
        for g in griglie:
            stem = f"griglia-{g.slug}"
            seen[stem] = seen.get(stem, 0) + 1
            if seen[stem] > 1:
                stem += f"-{seen[stem]}"
            atomic_write_bytes(cantiere / f"{stem}.xlsx", render_xlsx(g))
            atomic_write_text(cantiere / f"{stem}.csv", render_csv(g))
            written += [out / f"{stem}.xlsx", out / f"{stem}.csv"]
    return written
