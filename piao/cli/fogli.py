"""`piao fogli esporta|importa`: the workbooks the offices fill, one per section."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from piao.cli.comune import EXIT_FINDINGS, fail, require_plan_dirs, testo
from piao.cli.fogli_legacy import importa_tabella
from piao.fogli.esporta import esporta
from piao.fogli.importa import importa_file, scrivi_accanto, scrivi_nel_piano
from piao.fogli.leggi import CartellaNonValida
from piao.lingua import quanti
from piao.loading import PlanFolderError

fogli_app = typer.Typer(
    name="fogli",
    help="Le cartelle di lavoro (XLSX) per gli uffici: una per sezione del piano, con un foglio "
    "per ciascuna tabella, da compilare in Excel o LibreOffice Calc e reimportare.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@fogli_app.command("esporta")
def fogli_esporta(
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano.")],
    out: Annotated[
        Path, typer.Option("--out", help="Cartella in cui scrivere le cartelle di lavoro.")
    ],
) -> None:
    """Scrive una cartella di lavoro per ciascun file di sezione del piano
    (es. rischi_corruttivi.xlsx)."""
    require_plan_dirs(plan_dir)
    try:
        esito = esporta(plan_dir, out)
    except PlanFolderError as exc:
        raise fail(str(exc)) from None
    for percorso in esito.scritti:
        typer.echo(testo(f"Scritto {percorso}"))
    for motivo in esito.rifiutati:
        typer.echo(testo(f"Non esportato: {motivo}"))
    typer.echo(
        quanti(len(esito.scritti), "cartella di lavoro scritta", "cartelle di lavoro scritte") + "."
    )
    if esito.rifiutati:
        raise typer.Exit(EXIT_FINDINGS)


@fogli_app.command("importa")
def fogli_importa(
    file: Annotated[Path, typer.Argument(help="Cartella di lavoro compilata (.xlsx).")],
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano.")],
    scrivi: Annotated[
        bool,
        typer.Option(
            "--scrivi",
            help="Aggiorna il file del piano (solo i valori cambiati; commenti e ordine "
            "restano), se la cartella di lavoro non ha problemi.",
        ),
    ] = False,
) -> None:
    """Legge una cartella di lavoro compilata e la controlla con il modello della sezione;
    ogni problema è indicato con il foglio e la cella. Senza --scrivi scrive il file del piano
    come sarebbe, accanto alla cartella di lavoro, come <sezione>.importato.yaml (il file del
    piano non cambia); con --scrivi aggiorna il file del piano."""
    require_plan_dirs(plan_dir)
    if not file.is_file():
        raise fail(f"il file «{file}» non esiste")
    try:
        importazione = importa_file(file, plan_dir)
    except CartellaNonValida as exc:
        raise fail(str(exc)) from None
    for nota in importazione.note:
        typer.echo(testo(f"{nota.luogo}: {nota.messaggio}"))
    if importazione.note:
        typer.echo(quanti(len(importazione.note), "problema", "problemi") + " da correggere.")
    if scrivi and importazione.bloccanti:
        typer.echo("Il file del piano non è stato modificato.")
    elif scrivi:
        aggiornato = scrivi_nel_piano(importazione, plan_dir)
        typer.echo(
            testo(f"Aggiornato {aggiornato}")
            if aggiornato
            else "Nessuna modifica: il file del piano è già uguale alla cartella di lavoro."
        )
    else:
        typer.echo(testo(f"Scritto {scrivi_accanto(importazione, plan_dir, file.parent)}"))
    if importazione.bloccanti:
        raise typer.Exit(EXIT_FINDINGS)


# An office's own sheet (PNA 2019 process map, del. 1310/2016 table) through a mapping.
fogli_app.command("tabella")(importa_tabella)
