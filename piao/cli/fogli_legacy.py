"""`piao fogli tabella`: an office's own sheet (process map, transparency table) read
through its mapping file into the YAML fragment of sottosezione 2.3 (piao.fogli.legacy_*)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from piao.cli.comune import EXIT_FINDINGS, fail, testo
from piao.fogli.legacy_comune import Esito
from piao.fogli.legacy_foglio import FoglioError
from piao.fogli.legacy_import import importa_legacy
from piao.fogli.legacy_tracciato import (
    TRACCIATI_DI_PIAO,
    TracciatoError,
    leggi_tracciato,
    tracciato_di_piao,
)
from piao.fsutil import atomic_write_text
from piao.lingua import quanti
from piao.loading.roundtrip import dump_text, house_style, load_text


def testo_frammento(esito: Esito, sorgente: Path, tracciato: Path) -> str:
    """The YAML fragment with a heading comment saying where it comes from."""
    destinazione = (
        "«processi:»" if esito.sezione == "rischi_corruttivi" else "«trasparenza: obblighi:»"
    )
    testa = (
        f"# Letto da «{sorgente.name}» con il tracciato «{tracciato.name}» (piao fogli tabella).\n"
        f"# Da copiare in rischi_corruttivi.yaml, sotto {destinazione}, dopo aver corretto i rilievi.\n"
    )
    nodo = load_text(dump_text(esito.frammento))
    for obbligo in nodo.get("trasparenza", {}).get("obblighi", []):
        obbligo["sottosezione"].fa.set_flow_style()  # [L1, L2] on one line, as plans write it
    return testa + dump_text(house_style(nodo))


def importa_tabella(
    sorgente: Annotated[Path, typer.Argument(help="Il foglio dell'ente: .xlsx o .csv.")],
    tracciato: Annotated[
        Path,
        typer.Option(
            "--tracciato",
            "-t",
            help="Il file YAML che dice quale colonna è quale campo, o il nome di un "
            f"tracciato di piao ({', '.join(TRACCIATI_DI_PIAO)}).",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Il file YAML da scrivere.")],
    sezione: Annotated[
        Literal["rischi_corruttivi", "trasparenza"] | None,
        typer.Option(
            "--sezione",
            help="rischi_corruttivi (mappatura dei processi) o trasparenza (obblighi); "
            "se manca, quella del tracciato.",
        ),
    ] = None,
    sovrascrivi: Annotated[
        bool, typer.Option("--sovrascrivi", help="Sostituisce il file --out se esiste già.")
    ] = False,
) -> None:
    """Legge una tabella già in uso nell'ente (mappatura dei processi come nell'Allegato 1 al
    PNA 2019, tabella degli obblighi di pubblicazione della delibera ANAC 1310/2016)
    attraverso un tracciato che dice quale colonna è quale campo, e scrive il frammento YAML
    della sottosezione 2.3 da copiare nel piano.

    Ogni cosa che non si può leggere è segnalata con la cella (file.xlsx › Foglio!C7):
    colonne non nel tracciato, valori fuori elenco, sotto-sezioni fuori dall'albero, celle
    obbligatorie vuote. Il foglio e il tracciato non sono mai modificati.

    Codici di uscita: 0 tutto letto; 1 rilievi (il frammento è scritto con le righe valide);
    2 errore d'uso.
    """
    if not sorgente.is_file():
        raise fail(f"il foglio «{sorgente}» non esiste.")
    if not tracciato.exists() and (di_piao := tracciato_di_piao(str(tracciato))) is not None:
        tracciato = di_piao
    try:
        destinazione = out.resolve()
        if destinazione in (sorgente.resolve(), tracciato.resolve()):
            raise fail("--out non può essere il foglio o il tracciato: scegliere un altro file.")
        if out.exists() and not sovrascrivi:
            raise fail(f"«{out}» esiste già: scegliere un altro file o usare --sovrascrivi.")
        mappa, scelta = leggi_tracciato(tracciato, sezione)
        esito = importa_legacy(sorgente, mappa, scelta)
        atomic_write_text(out, testo_frammento(esito, sorgente, tracciato))
    except (TracciatoError, FoglioError) as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"impossibile scrivere «{out}»: {exc.strerror or exc}") from None
    for f in esito.findings:
        typer.echo(testo(f"{f.location}: {f.severity.label} {f.code} {f.message}"))
    voci = (
        quanti(esito.voci, "processo scritto", "processi scritti")
        if scelta == "rischi_corruttivi"
        else quanti(esito.voci, "obbligo scritto", "obblighi scritti")
    )
    typer.echo(
        testo(
            f"{quanti(esito.righe, 'riga letta', 'righe lette')}, {voci} in {out}; "
            f"{quanti(len(esito.findings), 'rilievo', 'rilievi')}."
        )
    )
    if esito.findings:
        raise typer.Exit(EXIT_FINDINGS)


def scrivi_tracciato(
    nome: Annotated[str, typer.Argument(help=f"Il tracciato: {', '.join(TRACCIATI_DI_PIAO)}.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Il file YAML da scrivere.")],
    sovrascrivi: Annotated[
        bool, typer.Option("--sovrascrivi", help="Sostituisce il file --out se esiste già.")
    ] = False,
) -> None:
    """Scrive uno dei tracciati di esempio di piao, da adattare alle intestazioni del proprio
    foglio prima di usarlo con «piao fogli tabella»: pna2019-allegato1 (mappatura dei
    processi come nell'Allegato 1 al PNA 2019) o anac-1310-2016 (obblighi di pubblicazione
    come nella delibera ANAC 1310/2016)."""
    sorgente = tracciato_di_piao(nome)
    if sorgente is None:
        raise fail(
            f"tracciato «{nome}» sconosciuto: quelli di piao sono {', '.join(TRACCIATI_DI_PIAO)}."
        )
    if out.exists() and not sovrascrivi:
        raise fail(f"«{out}» esiste già: scegliere un altro file o usare --sovrascrivi.")
    try:
        atomic_write_text(out, sorgente.read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(f"impossibile scrivere «{out}»: {exc.strerror or exc}") from None
    typer.echo(testo(f"Scritto {out}: cambiare le intestazioni con quelle del proprio foglio."))
