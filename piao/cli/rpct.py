"""`piao relazione-rpct`: the RPCT's annual report of a year (piao.rapporti.rpct)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from piao.cli.comune import (
    EXIT_FINDINGS,
    elenca_rilievi,
    fail,
    formati_scelti,
    fuori_dal_piano,
    require_plan_dirs,
    testo,
    working,
)
from piao.loading import PlanFolderError
from piao.periodi import PeriodoError
from piao.rapporti import DocumentoRifiutato
from piao.rapporti.rpct import FORMATI, relazione_rpct


def relazione_rpct_cli(
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano.")],
    anno: Annotated[int, typer.Option("--anno", help="Anno della relazione (es. 2026).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Cartella in cui scrivere.")],
    formats: Annotated[
        str,
        typer.Option("--format", "-f", help=f"Formati separati da virgola: {', '.join(FORMATI)}."),
    ] = ",".join(FORMATI),
    bozza: Annotated[
        bool,
        typer.Option(
            "--bozza", help="Produce la relazione anche con errori, con la scritta BOZZA."
        ),
    ] = False,
) -> None:
    """Produce la relazione annuale del RPCT (art. 1 c.14 L. 190/2012): PDF/A, DOCX e HTML
    leggibili, la cartella di lavoro XLSX con i fogli della scheda ANAC (Anagrafica,
    Considerazioni generali, Misure anticorruzione, Note) e i dati aperti (CSV, JSON).

    Dati: la scheda anagrafica e la sottosezione 2.3 del piano; lo stato delle misure dal
    file di monitoraggio dell'anno (monitoraggio/<anno>.yaml) o, se manca, dall'ultimo periodo
    dell'anno; i fatti che il piano non contiene (segnalazioni, procedimenti disciplinari,
    accesso civico, rotazione, verifiche, pantouflage, formazione, considerazioni del RPCT) da
    monitoraggio/rpct-<anno>.yaml. Un dato mancante è stampato come «dato non fornito».

    Codici di uscita: 0 prodotta; 1 errori nel piano o nei file dell'anno (elencati); 2 errore
    d'uso.
    """
    chosen = formati_scelti(formats, FORMATI)
    require_plan_dirs(plan_dir)
    fuori_dal_piano(out, plan_dir)
    try:
        with working("Produzione della relazione del RPCT…"):
            scritta = relazione_rpct(plan_dir, anno, out, formats=chosen, bozza=bozza)
    except DocumentoRifiutato as exc:
        elenca_rilievi(exc.findings)
        typer.echo(testo(f"piao: relazione non prodotta: {exc}"), err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    except (PeriodoError, PlanFolderError) as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"impossibile scrivere in «{out}»: {exc.strerror or exc}") from None
    d = scritta.dati
    typer.echo(testo(f"Stato delle misure: {d.fonte_stati}."))
    if d.fatti is None:
        typer.echo(
            testo(f"Attenzione: manca {d.fatti_path}: i fatti dell'anno sono «dato non fornito».")
        )
    if scritta.mancanti:
        typer.echo(
            f"Dati non forniti: {len(scritta.mancanti)} voci su {len(scritta.righe)} "
            "(elencate nella relazione)."
        )
    for path in scritta.files:
        typer.echo(testo(f"scritto {path}"))
