"""The typer application. Help texts are Italian; command and option names English."""

from __future__ import annotations

import os
import sys
import traceback
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from piao import __version__
from piao.ambiente import AmbienteNonValido, verifica_ambiente
from piao.audit import Audit, AuditFallito, prepare_audit, write_prepared
from piao.audit.griglia import griglia_plan, write_griglie
from piao.audit.output import ipa_ripetuti
from piao.authoring import Ente, InitError, RolloverError, diff_plans, init_plan, rollover
from piao.authoring.diff import RENDERERS as DIFF_RENDERERS
from piao.authoring.init import da_compilare
from piao.authoring.riepilogo import riepilogo
from piao.batch import Fallito, run_all
from piao.catalogue import catalogue
from piao.cli.comune import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    TUTTI_I_FORMATI,
    DiffFormat,
    FailOn,
    OpzioneFailOn,
    OpzioneFormatiDocumento,
    OpzioneFormato,
    RulesFormat,
    fail,
    formati_scelti,
    fuori_dal_piano,
    require_plan_dirs,
    scrivi_rapporti,
    working,
)
from piao.cli.comune import testo as _testo
from piao.cli.fogli import fogli_app
from piao.cli.monitoraggio import monitoraggio_app
from piao.cli.relazione import relazione
from piao.cli.rpct import relazione_rpct_cli
from piao.engine import ERRORE_INTERNO, check_report, report_fallito
from piao.findings import Severity
from piao.fsutil import inside
from piao.lingua import quanti
from piao.loading import PlanFolderError
from piao.model import SEZIONI_PER_FILE
from piao.model.regime import sopra_soglia
from piao.publish import publish_plan
from piao.render import FORMATS, RenderRefused, render_plan
from piao.reporting import REPORTERS
from piao.reporting.text import summary_line
from piao.rules_doc import describe
from piao.schemas import write_schemas
from piao.sicuro import terminale

app = typer.Typer(
    name="piao",
    help="piao: il PIAO come dati. Controlla, produce e pubblica il Piano Integrato di "
    "Attività e Organizzazione (art. 6 DL 80/2021, DM 132/2022).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(monitoraggio_app)
app.add_typer(fogli_app)
app.command("relazione-rpct")(relazione_rpct_cli)
app.command("relazione")(relazione)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"piao {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Mostra la versione ed esce."
        ),
    ] = False,
) -> None:
    """piao: il PIAO come dati."""
    try:
        verifica_ambiente()
    except AmbienteNonValido as exc:
        raise fail(str(exc)) from None


@app.command()
def init(  # noqa: PLR0917 (typer options are keyword arguments for the user)
    plan_dir: Annotated[
        Path, typer.Argument(help="Cartella nuova del piano (es. plans/comune-di-x/2027-2029).")
    ],
    ente: Annotated[str, typer.Option("--ente", help="Denominazione, es. «Comune di Esempio».")],
    triennio: Annotated[str, typer.Option("--triennio", help="Triennio, es. 2027-2029.")],
    dipendenti: Annotated[
        int,
        typer.Option(
            "--dipendenti", min=0, help="Personale in servizio al 31/12 dell'anno precedente."
        ),
    ],
    ipa: Annotated[str | None, typer.Option("--ipa", help="Codice IPA dell'ente.")] = None,
    tipo: Annotated[
        str, typer.Option("--tipo", help="Tipologia di ente (comune, provincia, ...).")
    ] = "comune",
    popolazione: Annotated[
        int | None, typer.Option("--popolazione", min=0, help="Popolazione residente.")
    ] = None,
    regime: Annotated[
        str | None,
        typer.Option(
            "--regime", help="ordinario o semplificato (di norma dedotto dai dipendenti)."
        ),
    ] = None,
) -> None:
    """Crea un piano nuovo: tutti i file di sezione richiesti dal regime, con un commento di
    guida su ogni campo e «da compilare» dove scrivere. Non scrive in una cartella non vuota."""
    parts = triennio.strip().split("-")
    if (
        len(parts) != 2
        or not all(len(p) == 4 and p.isascii() and p.isdigit() for p in parts)
        or int(parts[1]) != int(parts[0]) + 2
    ):
        raise fail(
            f"triennio «{terminale(triennio)}» non valido: scrivere tre anni consecutivi, "
            "es. 2027-2029"
        )
    if regime not in (None, "ordinario", "semplificato"):
        raise fail("il regime è «ordinario» o «semplificato»")
    if regime == "semplificato" and sopra_soglia(dipendenti):
        raise fail(
            f"con {dipendenti} dipendenti il regime semplificato non è ammesso (art. 6 DL 80/2021)"
        )
    try:
        written = init_plan(
            plan_dir, Ente(ente, ipa, tipo, dipendenti, popolazione, int(parts[0])), regime
        )
    except InitError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"impossibile scrivere in «{plan_dir}»: {exc.strerror or exc}") from None
    totale = facoltativi = 0
    for path in written:
        typer.echo(_testo(f"scritto {path}"))
        n, f = da_compilare(path.read_text(encoding="utf-8"))
        totale, facoltativi = totale + n, facoltativi + f
    typer.echo(
        f"Da compilare: {quanti(totale, 'valore', 'valori')}, di cui "
        f"{quanti(facoltativi, 'facoltativo', 'facoltativi')}: il loro commento lo dice; se non "
        "servono, cancellare la riga."
    )
    typer.echo(_testo(f"Compilare i file, poi: piao check {plan_dir}"))


@app.command("rollover")
def rollover_command(
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano dell'anno in corso.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Cartella nuova per il triennio successivo.")
    ],
) -> None:
    """Prepara il piano del triennio successivo: stessi codici, commenti e formattazione;
    target spostati di un anno (il nuovo ultimo anno «da definire»), valori misurati (il
    consuntivo o l'ultimo file di monitoraggio) come nuovi valori di partenza, dati di
    adozione tolti; atti, pareri, consultazioni, anni
    dei rendiconti, conteggi del personale e date del ciclo precedente «da verificare»."""
    require_plan_dirs(plan_dir)
    try:
        esito = rollover(plan_dir, out)
    except RolloverError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"impossibile scrivere in «{out}»: {exc.strerror or exc}") from None
    for path in esito.scritti:
        typer.echo(_testo(f"scritto {path}"))
    typer.echo(_testo(riepilogo(esito.registro, out)))


@app.command()
def diff(
    old_dir: Annotated[Path, typer.Argument(help="Cartella della versione precedente del piano.")],
    new_dir: Annotated[Path, typer.Argument(help="Cartella della versione nuova.")],
    output_format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Formato.")] = "text",
) -> None:
    """Elenca le differenze tra due versioni di un piano, oggetto per oggetto (per codice):
    aggiunti, rimossi, modificati campo per campo, con i conteggi per sezione. Il formato
    markdown si allega alla deliberazione della Giunta."""
    require_plan_dirs(old_dir, new_dir)
    try:
        differenze = diff_plans(old_dir, new_dir)
    except PlanFolderError as exc:
        raise fail(str(exc)) from None
    sys.stdout.write(DIFF_RENDERERS[output_format](differenze))


@app.command()
def check(  # noqa: PLR0917 (typer options are keyword arguments for the user)
    plan_dirs: Annotated[
        list[Path], typer.Argument(help="Una o più cartelle di piano (un file YAML per sezione).")
    ],
    output_format: OpzioneFormato = "text",
    fail_on: OpzioneFailOn = FailOn.error,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Esegue solo le regole con questo codice o prefisso (es. RC, PF003)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Non esegue le regole con questo codice o prefisso."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Processi in parallelo (0: uno per CPU).")
    ] = 1,
    files: Annotated[
        list[str] | None,
        typer.Option(
            "--file",
            help="Mostra solo i rilievi di questo file di sezione (es. rischi_corruttivi.yaml), "
            "collegamenti con gli altri file compresi.",
        ),
    ] = None,
) -> None:
    """Controlla uno o più piani: sintassi YAML, struttura delle sezioni, regole di conformità.

    Codici di uscita: 0 nessun rilievo al livello --fail-on o superiore; 1 rilievi a quel
    livello o superiore (gli errori danno sempre 1); 2 errore d'uso o di lettura.
    """
    require_plan_dirs(*plan_dirs)
    for name in files or ():
        if name not in SEZIONI_PER_FILE:
            raise fail(f"«{name}» non è un file di sezione (i file: {', '.join(SEZIONI_PER_FILE)})")
    try:
        reports = run_all(
            partial(
                check_report,
                select=tuple(select or ()),
                ignore=tuple(ignore or ()),
                files=tuple(files or ()),
            ),
            plan_dirs,
            jobs=jobs,
            isola=report_fallito,
            lascia=(PlanFolderError,),
        )
    except PlanFolderError as exc:
        raise fail(str(exc)) from None
    scrivi_rapporti(reports, output_format)
    falliti = [r.plan for r in reports if any(f.code == ERRORE_INTERNO for f in r.findings)]
    for plan in falliti:
        typer.echo(
            f"piao: errore interno controllando il piano «{plan}»: vedi il rapporto.", err=True
        )
    if falliti:
        raise typer.Exit(EXIT_USAGE)  # the worst outcome: as for an internal error alone
    threshold = Severity(fail_on.value)
    if any(r.fails(threshold) or not r.success for r in reports):
        # No format ever exits 0 when errors exist, whatever --fail-on says.
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def rules(
    code: Annotated[
        str | None,
        typer.Argument(help="Codice di una regola o di un controllo (es. PF003, SC001)."),
    ] = None,
    output_format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="Formato dell'elenco.")
    ] = "text",
) -> None:
    """Elenca il catalogo (regole di conformità e controlli di sintassi e struttura), o spiega
    un codice con la sua base giuridica."""
    text = describe(output_format, code)
    if text is None:
        raise fail(f"il codice «{code}» non esiste (l'elenco: piao rules)")
    sys.stdout.write(text)


@app.command()
def audit(
    plan_dirs: Annotated[list[Path], typer.Argument(help="Una o più cartelle di piano.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Cartella in cui scrivere i rapporti.")],
    pdf: Annotated[
        bool, typer.Option("--pdf/--no-pdf", help="Scrive anche il PDF di ogni rapporto.")
    ] = True,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Processi in parallelo (0: uno per CPU).")
    ] = 1,
    griglia: Annotated[
        bool,
        typer.Option(
            "--griglia",
            help="Scrive anche la griglia di rilevazione dell'OIV (XLSX e CSV) con gli obblighi "
            "di pubblicazione del piano e le colonne dei punteggi da compilare.",
        ),
    ] = False,
) -> None:
    """Rapporto di verifica per OIV / Nucleo di valutazione e revisori: per ogni elemento del
    DM 132/2022, presente, incompleto, mancante o non applicabile, con evidenze e regole.

    Scrive un HTML e un PDF per piano e, con più piani, un CSV con una riga per ente; con
    --griglia, la griglia di rilevazione ANAC precompilata per ogni piano.
    """
    require_plan_dirs(*plan_dirs)
    if any(inside(out, p) for p in plan_dirs):
        raise fail("la cartella di uscita non può essere dentro una cartella di piano")
    esiti = run_all(
        partial(prepare_audit, pdf=pdf), plan_dirs, jobs=jobs, label="Rapporti", isola=_fallito
    )
    prepared = [
        AuditFallito(str(p), e.motivo) if isinstance(e, Fallito) else e
        for p, e in zip(plan_dirs, esiti, strict=True)
    ]
    audits = [e[0] for e in prepared if not isinstance(e, AuditFallito)]
    try:
        written = write_prepared(prepared, out)
        if griglia:
            written += write_griglie([griglia_plan(a) for a in audits], out)
    except OSError as exc:
        raise fail(f"impossibile scrivere in «{out}»: {exc.strerror or exc}") from None
    for a in audits:
        punteggio = a.punteggio()
        typer.echo(
            f"{a.ente} {a.triennio}: {'—' if punteggio is None else f'{punteggio:.0f}%'} degli elementi "
            f"richiesti; {len(a.con_stato('mancante'))} mancanti, {len(a.con_stato('incompleto'))} incompleti"
        )
    for path in written:
        typer.echo(_testo(f"scritto {path}"))
    for avviso in ipa_ripetuti(audits):
        typer.echo(_testo(f"piao: {avviso}"), err=True)
    falliti = [(p, e) for p, e in zip(plan_dirs, esiti, strict=True) if isinstance(e, Fallito)]
    riepilogo = "; il riepilogo lo elenca con l'errore" if len(plan_dirs) > 1 else ""
    for plan, esito in falliti:
        typer.echo(
            _testo(
                f"piao: errore interno nel rapporto del piano «{plan}» ({esito.motivo}): "
                f"rapporto non prodotto{riepilogo}. È un difetto di piao: segnalalo con il "
                "comando usato (PIAO_DEBUG=1 mostra i dettagli)."
            ),
            err=True,
        )
    if falliti:
        raise typer.Exit(EXIT_USAGE)


def _fallito(_plan: Path, esito: Fallito) -> tuple[Audit, str, bytes | None] | Fallito:
    """A plan whose audit raised stays a failure: the batch reports it apart."""
    return esito


@app.command()
def render(
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Cartella in cui scrivere il documento.")
    ],
    formats: OpzioneFormatiDocumento = TUTTI_I_FORMATI,
    bozza: Annotated[
        bool,
        typer.Option(
            "--bozza",
            help="Produce il documento anche con errori, con la scritta BOZZA su ogni pagina.",
        ),
    ] = False,
) -> None:
    """Produce il documento ufficiale del PIAO (PDF/A con i file YAML allegati, DOCX, HTML)
    nella struttura del Piano tipo del DM 132/2022."""
    chosen = formati_scelti(formats, FORMATS)
    require_plan_dirs(plan_dir)
    fuori_dal_piano(out, plan_dir)
    try:
        with working("Produzione del documento…"):
            rendered = render_plan(plan_dir, out, formats=chosen, bozza=bozza)
    except RenderRefused as exc:
        sys.stdout.write(REPORTERS["text"]([exc.result.report], catalogue(), False))
        typer.echo(_testo(f"piao: documento non prodotto: {exc}"), err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    except OSError as exc:
        raise fail(f"impossibile scrivere in «{out}»: {exc.strerror or exc}") from None
    report = rendered.result.report
    if not report.success:
        typer.echo(_testo(f"Attenzione: {summary_line(report)}; il documento è marcato BOZZA."))
    for path in rendered.files:
        typer.echo(_testo(f"scritto {path}"))


@app.command()
def publish(
    plan_dir: Annotated[Path, typer.Argument(help="Cartella del piano.")],
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="Cartella del sito da copiare in Amministrazione trasparente."
        ),
    ],
    bozza: Annotated[
        bool,
        typer.Option("--bozza", help="Pubblica anche un piano con errori, segnalato come BOZZA."),
    ] = False,
) -> None:
    """Prepara la pagina del PIAO per «Amministrazione trasparente»: pagina accessibile, guida ai
    collegamenti, PDF/A, DOCX e dati aperti (CSV e JSON con metadati DCAT-AP_IT)."""
    require_plan_dirs(plan_dir)
    fuori_dal_piano(out, plan_dir)
    try:
        with working("Preparazione del sito e dei dati aperti…"):
            written = publish_plan(plan_dir, out, bozza=bozza)
    except RenderRefused as exc:
        sys.stdout.write(REPORTERS["text"]([exc.result.report], catalogue(), False))
        typer.echo(_testo(f"piao: sito non prodotto: {exc}"), err=True)
        raise typer.Exit(EXIT_FINDINGS) from None
    except OSError as exc:
        raise fail(f"impossibile scrivere in «{out}»: {exc.strerror or exc}") from None
    for path in written:
        typer.echo(_testo(f"scritto {path}"))
    typer.echo(_testo(f"Aprire {out / 'index.html'} e copiare la cartella nel sito dell'ente."))


@app.command()
def schema(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Cartella in cui scrivere gli schemi.")
    ] = Path("schemas"),
) -> None:
    """Scrive lo schema JSON di ciascun file di sezione (per l'autocompletamento negli editor)."""
    try:
        written = write_schemas(out)
    except OSError as exc:
        raise fail(f"impossibile scrivere in «{out}»: {exc.strerror or exc}") from None
    for path in written:
        typer.echo(_testo(f"scritto {path}"))


def main() -> None:
    """Console-script entry point: no traceback ever reaches the user."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("piao: interrotto.", err=True)
        sys.exit(130)
    except Exception as exc:  # last line of defence: a bug, not bad input
        if os.environ.get("PIAO_DEBUG"):
            traceback.print_exc()
        typer.echo(
            f"piao: errore interno ({type(exc).__name__}: {exc}). È un difetto di piao: "
            "segnalalo con il comando usato (PIAO_DEBUG=1 mostra i dettagli).",
            err=True,
        )
        sys.exit(EXIT_USAGE)
