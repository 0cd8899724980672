"""`piao monitoraggio init|check|esito`: the files of the monitoring periods of a plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from piao.authoring.init import da_compilare
from piao.cli import esito
from piao.cli.comune import (
    EXIT_FINDINGS,
    TUTTI_I_FORMATI,
    FailOn,
    OpzioneFailOn,
    OpzioneFormatiDocumento,
    OpzioneFormato,
    elenca_rilievi,
    fail,
    formati_scelti,
    fuori_dal_piano,
    require_plan_dirs,
    scrivi_rapporti,
    testo,
)
from piao.findings import Severity
from piao.lingua import quanti
from piao.loading import PlanFolderError
from piao.model.periodo import NomePeriodoNonValido, periodo_da_nome
from piao.periodi import (
    CARTELLA,
    PeriodoError,
    controlla_periodi,
    file_dei_periodi,
    file_periodi,
)
from piao.periodi.controllo import esito_periodo
from piao.periodi.crea import crea_periodo
from piao.rapporti import DocumentoRifiutato
from piao.rapporti.monitoraggio import scrivi_report
from piao.render import FORMATS

monitoraggio_app = typer.Typer(
    name="monitoraggio",
    help="I dati dei periodi di monitoraggio del piano: un file per periodo nella cartella "
    f"«{CARTELLA}» del piano (es. {CARTELLA}/2026-S1.yaml), con i valori misurati e i fatti "
    "del periodo per codice.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _periodo(nome: str) -> str:
    try:
        return periodo_da_nome(nome).nome
    except NomePeriodoNonValido as exc:
        raise fail(str(exc)) from None


@monitoraggio_app.command("init")
def monitoraggio_init(
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano.")],
    periodo: Annotated[
        str,
        typer.Option(
            "--periodo", help="Periodo: 2026 (anno), 2026-S1 (semestre), 2026-Q2, 2026-T3."
        ),
    ],
    sovrascrivi: Annotated[
        bool,
        typer.Option(
            "--sovrascrivi",
            help="Ricrea il file del periodo anche se esiste (i dati scritti si perdono).",
        ),
    ] = False,
) -> None:
    """Crea il file vuoto di un periodo di monitoraggio: ogni indicatore con un target
    nell'anno, ogni misura della 2.3, assunzioni, corsi e azioni positive dell'anno, con
    «da compilare» dove scrivere; nel file dell'anno intero (--periodo 2026) anche i fatti
    della Relazione sulla performance (chiave «relazione»). Non sovrascrive un file
    esistente."""
    nome = _periodo(periodo)
    require_plan_dirs(plan_dir)
    try:
        path = crea_periodo(plan_dir, nome, sovrascrivi=sovrascrivi)
    except PeriodoError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"impossibile scrivere in «{plan_dir}»: {exc.strerror or exc}") from None
    typer.echo(testo(f"scritto {path}"))
    totale, _ = da_compilare(path.read_text(encoding="utf-8"))
    typer.echo(f"Da compilare: {quanti(totale, 'valore', 'valori')}.")
    typer.echo(
        testo(f"Compilare il file, poi: piao monitoraggio check {plan_dir} --periodo {nome}")
    )


@monitoraggio_app.command("check")
def monitoraggio_check(
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano.")],
    periodo: Annotated[
        str | None,
        typer.Option("--periodo", help="Controlla solo questo periodo (es. 2026-S1)."),
    ] = None,
    output_format: OpzioneFormato = "text",
    fail_on: OpzioneFailOn = FailOn.error,
) -> None:
    """Controlla i file dei periodi di monitoraggio del piano: sintassi, struttura, cifre
    scritte all'italiana, codici che il piano non ha, testi dove il piano misura con numeri.

    Codici di uscita come piao check: 0 nessun rilievo al livello --fail-on; 1 rilievi; 2
    errore d'uso (nessun file del periodo, piano illeggibile).
    """
    nome = _periodo(periodo) if periodo is not None else None
    require_plan_dirs(plan_dir)
    presenti = file_periodi(plan_dir)
    if nome is not None and not any(p.nome == nome for _, p in file_dei_periodi(plan_dir)):
        raise fail(
            f"il piano non ha il file del periodo {nome} ({plan_dir / CARTELLA / (nome + '.yaml')}): "
            f"crearlo con piao monitoraggio init {plan_dir} --periodo {nome}"
        )
    if not presenti:
        raise fail(
            f"il piano non ha file di monitoraggio nella cartella «{plan_dir / CARTELLA}»: "
            f"crearne uno con piao monitoraggio init {plan_dir} --periodo 2026-S1"
        )
    try:
        report = controlla_periodi(plan_dir, nome)
    except PlanFolderError as exc:
        raise fail(str(exc)) from None
    scrivi_rapporti([report], output_format)
    if report.fails(Severity(fail_on.value)) or not report.success:
        raise typer.Exit(EXIT_FINDINGS)


FORMATI_ESITO = {
    "text": esito.formato_testo,
    "json": esito.formato_json,
    "csv": esito.formato_csv,
}
# The --format values are the names of the registry above, never a list typed again.
if TYPE_CHECKING:
    FormatoEsito = str
else:
    FormatoEsito = Literal[tuple(FORMATI_ESITO)]


@monitoraggio_app.command("esito")
def monitoraggio_esito(
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano.")],
    periodo: Annotated[
        str, typer.Option("--periodo", help="Periodo: 2026 (anno), 2026-S1 (semestre)...")
    ],
    output_format: Annotated[
        FormatoEsito,
        typer.Option(
            "--format",
            "-f",
            help="text; json; csv (per il foglio di calcolo: «;», virgola decimale, UTF-8 con BOM).",
        ),
    ] = "text",
) -> None:
    """Calcola il raggiungimento del periodo: per ogni indicatore dai valori del file del
    periodo e da partenza, target e verso del piano, con fascia e scostamento; poi per
    obiettivo, unità organizzativa e obiettivo di valore pubblico, con i pesi del piano. Le
    rettifiche del file sostituiscono il calcolo e sono indicate come tali.

    Codici di uscita: 0 calcolato; 1 il file del periodo ha errori (elencati); 2 errore d'uso.
    """
    nome = _periodo(periodo)
    require_plan_dirs(plan_dir)
    try:
        risultato = esito_periodo(plan_dir, nome)
    except (PeriodoError, PlanFolderError) as exc:
        raise fail(str(exc)) from None
    if not risultato.calcolato:
        typer.echo(
            testo(
                f"Il file {risultato.file} ha errori: il raggiungimento non si calcola. "
                f"Correggerli (piao monitoraggio check {plan_dir} --periodo {nome})."
            ),
            err=True,
        )
        elenca_rilievi(risultato.findings)
        raise typer.Exit(EXIT_FINDINGS)
    uscita = FORMATI_ESITO[output_format](risultato)
    # Text goes to a terminal (controls made visible); JSON and CSV are data, byte for byte.
    sys.stdout.write(testo(uscita) if output_format == "text" else uscita)


@monitoraggio_app.command("report")
def monitoraggio_report(
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano.")],
    periodo: Annotated[
        str, typer.Option("--periodo", help="Periodo: 2026 (anno), 2026-S1 (semestre)...")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Cartella in cui scrivere il report e i dati.")
    ],
    formats: OpzioneFormatiDocumento = TUTTI_I_FORMATI,
    bozza: Annotated[
        bool,
        typer.Option(
            "--bozza",
            help="Produce il report anche se il piano o il file del periodo hanno errori, con "
            "la scritta BOZZA su ogni pagina.",
        ),
    ] = False,
) -> None:
    """Produce il report di monitoraggio integrato del periodo (PDF/A con i dati allegati,
    DOCX, HTML): raggiungimento per obiettivo di valore pubblico, obiettivo di performance,
    indicatore e unità, la mappa del valore pubblico a semaforo, le misure della 2.3, i fatti
    della sezione 3, la soddisfazione degli utenti e i rilievi del periodo; accanto, i dati
    aperti (CSV e JSON).

    Codici di uscita: 0 scritto; 1 il piano o il file del periodo hanno errori (senza
    --bozza); 2 errore d'uso (nessun file del periodo, piano illeggibile).
    """
    nome = _periodo(periodo)
    chosen = formati_scelti(formats, FORMATS)
    require_plan_dirs(plan_dir)
    fuori_dal_piano(out, plan_dir)
    try:
        fonti, scritti = scrivi_report(plan_dir, nome, out, formats=chosen, bozza=bozza)
    except (PeriodoError, PlanFolderError) as exc:
        raise fail(str(exc)) from None
    except DocumentoRifiutato as exc:
        typer.echo(testo(f"piao: report non prodotto: {exc}"), err=True)
        elenca_rilievi(exc.findings)
        raise typer.Exit(EXIT_FINDINGS) from None
    except OSError as exc:
        raise fail(f"impossibile scrivere in «{out}»: {exc.strerror or exc}") from None
    if bozza:
        typer.echo(
            testo(
                f"Report marcato BOZZA: {quanti(len(fonti.errori), 'errore', 'errori')} nel periodo."
            )
        )
    for path in scritti:
        typer.echo(testo(f"scritto {path}"))
