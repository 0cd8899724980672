"""`piao relazione`: the Relazione sulla performance of a year, from the plan and the year's
monitoring file (PDF/A, DOCX, HTML and open data)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from piao.cli.comune import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    TUTTI_I_FORMATI,
    OpzioneFormatiDocumento,
    elenca_rilievi,
    fail,
    formati_scelti,
    fuori_dal_piano,
    require_plan_dirs,
    testo,
)
from piao.clock import today
from piao.loading import PlanFolderError
from piao.periodi.piano import PeriodoError
from piao.rapporti import DocumentoRifiutato
from piao.rapporti.relazione import scrivi_relazione
from piao.render import FORMATS


def relazione(
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano.")],
    anno: Annotated[int, typer.Option("--anno", help="Anno rendicontato (es. 2026).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Cartella dove scrivere i documenti.")],
    formats: OpzioneFormatiDocumento = TUTTI_I_FORMATI,
    bozza: Annotated[
        bool,
        typer.Option(
            "--bozza",
            help="Produce una bozza (marcata BOZZA) anche se il file dell'anno ha errori.",
        ),
    ] = False,
) -> None:
    """Produce la Relazione sulla performance dell'anno: risultati per obiettivo di valore
    pubblico con l'andamento degli indicatori, per obiettivo di performance (target, valore,
    raggiungimento, scostamento, cause), per unità organizzativa; risorse, performance
    individuale in forma aggregata, bilancio di genere, soddisfazione degli utenti,
    approvazione e validazione con il termine del 30 giugno. Legge monitoraggio/<anno>.yaml.
    Scrive Relazione-performance-<ente>-<anno>.pdf (PDF/A), .docx, .html e i dati aperti
    (CSV e JSON).

    Codici di uscita: 0 prodotta (gli avvisi sul termine, se ci sono, sono stampati e
    scritti nel documento); 1 il file dell'anno ha errori (elencati); 2 errore d'uso (file
    dell'anno mancante, anno fuori dal triennio).
    """
    scelti = formati_scelti(formats, FORMATS)
    require_plan_dirs(plan_dir)
    fuori_dal_piano(out, plan_dir)
    try:
        d, scritti = scrivi_relazione(
            plan_dir, anno, out, formats=scelti, bozza=bozza, oggi=today()
        )
    except DocumentoRifiutato as exc:
        typer.echo(testo(f"Relazione non prodotta: {exc}."), err=True)
        elenca_rilievi(exc.findings)
        raise typer.Exit(EXIT_FINDINGS if exc.findings else EXIT_USAGE) from None
    except (PeriodoError, PlanFolderError) as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"impossibile scrivere in «{out}»: {exc.strerror or exc}") from None
    for path in scritti:
        typer.echo(testo(f"scritto {path}"))
    for f in d.scadenza.findings:
        typer.echo(testo(f"{f.location}: avviso {f.code} {f.message}"), err=True)
