"""Cross-section rules: unique codes, references that resolve, the vertical links between
public value and performance, and the contents each regime requires."""

from __future__ import annotations

import re
from collections.abc import Iterator

from piao.model.base import Indicatore
from piao.model.regime import ORDINARIO, SEMPLIFICATO
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.riferimenti import rilievi
from piao.rules.util import manca, pesi_diversi_da_100


@regola(
    "CO001",
    "coerenza.codici-univoci",
    summary="Ogni codice identifica un solo oggetto in tutto il piano.",
    basis=(),
    confidenza="V",
    integrita=True,
    conforme="- {codice: MIS-01, ...}\n- {codice: MIS-02, ...}",
    non_conforme="- {codice: MIS-01, ...}\n- {codice: MIS-01, ...}",
)
def codici_univoci(ctx: Contesto) -> Iterator[Rilievo]:
    for codice, oggetti in ctx.codici.items():
        primo = oggetti[0]
        for altro in oggetti[1:]:
            yield Rilievo(
                altro.file,
                (*altro.path, "codice"),
                f"Il codice «{codice}» è già usato in {primo.file} ({'.'.join(map(str, primo.path))}).",
            )


@regola(
    "CO002",
    "coerenza.obiettivo-valore-pubblico",
    summary="Il codice dell'obiettivo di valore pubblico citato da un obiettivo di performance o da un intervento organizzativo esiste.",
    basis=("DM132-3-1a", "DM132-3-1b"),
    confidenza="V",
    integrita=True,
    conforme="valore_pubblico: VP-01   # presente in valore_pubblico.yaml",
    non_conforme="valore_pubblico: VP-99",
)
def obiettivo_vp(ctx: Contesto) -> Iterator[Rilievo]:
    yield from rilievi(ctx, "CO002")


@regola(
    "CO003",
    "coerenza.unita-responsabile",
    summary="Ogni unità responsabile citata (obiettivi, processi, misure, obblighi, azioni) esiste in organizzazione.yaml.",
    basis=("DM132-4-1a",),
    confidenza="V",
    integrita=True,
    richiede=("organizzazione",),
    conforme="responsabile: UO-SEG   # presente in organizzazione.yaml",
    non_conforme="responsabile: UO-SEGRETERIA",
)
def unita_responsabile(ctx: Contesto) -> Iterator[Rilievo]:
    yield from rilievi(ctx, "CO003")


@regola(
    "CO004",
    "coerenza.misure-processi",
    summary="I processi e gli eventi rischiosi trattati da ogni misura esistono nella mappatura.",
    basis=("PNA2019-A1",),
    confidenza="V",
    integrita=True,
    richiede=("rischi_corruttivi",),
    conforme="processi: [PR-03]\neventi: [EV-03-1]",
    non_conforme="processi: [PR-99]",
)
def misure_processi(ctx: Contesto) -> Iterator[Rilievo]:
    yield from rilievi(ctx, "CO004")


@regola(
    "CO005",
    "coerenza.assunzioni-unita",
    summary="L'unità di destinazione di ogni assunzione programmata esiste in organizzazione.yaml.",
    basis=("DM132-4-1c",),
    confidenza="V",
    integrita=True,
    richiede=("fabbisogni_personale", "organizzazione"),
    conforme="- {codice: ASS-01, unita: UO-SIS, ...}",
    non_conforme="- {codice: ASS-01, unita: UO-CED, ...}",
)
def assunzioni_unita(ctx: Contesto) -> Iterator[Rilievo]:
    yield from rilievi(ctx, "CO005")


@regola(
    "CO006",
    "coerenza.corsi",
    summary="Ogni corso risponde a priorità formative esistenti e i suoi collegamenti citano codici presenti nel piano.",
    basis=("DM132-4-1c",),
    confidenza="V",
    integrita=True,
    richiede=("formazione",),
    conforme="priorita: [PF-01]\ncollegamenti: [MIS-10]",
    non_conforme="priorita: [PF-09]",
)
def corsi(ctx: Contesto) -> Iterator[Rilievo]:
    yield from rilievi(ctx, "CO006")


@regola(
    "CO007",
    "coerenza.collegamenti",
    summary="Ogni altro riferimento a un codice (tra obiettivi e processi mappati, dalla formazione agli "
    "obiettivi di performance, e ogni collegamento che il piano dichiara) cita un oggetto esistente.",
    basis=("DM132-3-1c", "DFP-LG-2025"),
    confidenza="V",
    integrita=True,
    conforme="processi: [PR-22]   # presente in rischi_corruttivi.yaml",
    non_conforme="processi: [PR-99]",
)
def collegamenti(ctx: Contesto) -> Iterator[Rilievo]:
    yield from rilievi(ctx, "CO007")


@regola(
    "CO008",
    "coerenza.valore-pubblico-senza-performance",
    copre=("D13",),
    summary="Ogni obiettivo di valore pubblico è perseguito da almeno un obiettivo di performance.",
    basis=("DM132-3-1b", "DFP-LG-2025"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("valore_pubblico", "performance"),
    conforme="# VP-05 è richiamato da OBP-16 e OBP-17",
    non_conforme="# nessun obiettivo di performance con valore_pubblico: VP-05",
)
def vp_senza_performance(ctx: Contesto) -> Iterator[Rilievo]:
    serviti = {o.valore_pubblico for o in ctx.pf.obiettivi}
    for i, o in enumerate(ctx.vp.obiettivi):
        if o.codice not in serviti:
            yield Rilievo(
                "valore_pubblico.yaml",
                ("obiettivi", i),
                f"{o.codice}: nessun obiettivo di performance lo persegue.",
            )


@regola(
    "CO009",
    "coerenza.sezioni-ordinarie",
    copre=("R04",),
    summary="Nel regime ordinario le sottosezioni 2.1, 2.2, 2.3, 3.1, 3.2, 3.3 e la sezione 4 hanno contenuto.",
    basis=(
        "DM132-3-1a",
        "DM132-3-1b",
        "DM132-3-1c",
        "DM132-4-1a",
        "DM132-4-1b",
        "DM132-4-1c",
        "DM132-5",
    ),
    confidenza="V",
    regimi=ORDINARIO,
    conforme="# ogni file di sezione contiene obiettivi, processi, unità...",
    non_conforme="obiettivi: []   # performance.yaml",
)
def sezioni_ordinarie(ctx: Contesto) -> Iterator[Rilievo]:
    p = ctx.piano
    vuote = {
        "valore_pubblico.yaml": (
            "obiettivi",
            p.valore_pubblico is not None and not p.valore_pubblico.obiettivi,
            "2.1: nessun obiettivo di valore pubblico",
        ),
        "performance.yaml": (
            "obiettivi",
            p.performance is not None and not p.performance.obiettivi,
            "2.2: nessun obiettivo di performance",
        ),
        "rischi_corruttivi.yaml": (
            "processi",
            p.rischi_corruttivi is not None
            and not (p.rischi_corruttivi.processi and p.rischi_corruttivi.misure),
            "2.3: mancano processi mappati o misure",
        ),
        "monitoraggio.yaml": (
            "sezioni",
            p.monitoraggio is not None and not p.monitoraggio.sezioni,
            "4: nessuna sezione monitorata",
        ),
    }
    for file, (key, vuota, testo) in vuote.items():
        if vuota:
            yield Rilievo(file, (key,), f"Sezione {testo}.")


@regola(
    "CO010",
    "coerenza.sezioni-semplificate",
    copre=("R05",),
    summary="Nel regime semplificato la sottosezione 2.3 mappa processi e programma misure.",
    basis=("DM132-6",),
    confidenza="P",
    regimi=SEMPLIFICATO,
    conforme="# rischi_corruttivi.yaml con processi e misure",
    non_conforme="processi: []   # rischi_corruttivi.yaml",
)
def sezioni_semplificate(ctx: Contesto) -> Iterator[Rilievo]:
    rc = ctx.piano.rischi_corruttivi
    # A confirmed 2.3 (RC012 checks the confirmation) keeps the mapping adopted before.
    if rc is not None and rc.conferma is None and not (rc.processi and rc.misure):
        mancano = [
            n for n, v in (("i processi mappati", rc.processi), ("le misure", rc.misure)) if not v
        ]
        yield Rilievo(
            "rischi_corruttivi.yaml", ("processi",), f"Sottosezione 2.3: {manca(mancano)}."
        )


@regola(
    "CO011",
    "coerenza.pesi-indicatori",
    summary="Quando gli indicatori di un obiettivo sono pesati, i pesi sommano a 100 (controllo di "
    "plausibilità: nessuna norma fissa la somma).",
    basis=("DFP-LG-2025",),
    confidenza="P",
    conforme="indicatori: [{codice: OBP-01-I1, peso: 70, ...}, {codice: OBP-01-I2, peso: 30, ...}]",
    non_conforme="indicatori: [{codice: OBP-01-I1, peso: 70, ...}, {codice: OBP-01-I2, peso: 20, ...}]",
)
def pesi_indicatori(ctx: Contesto) -> Iterator[Rilievo]:
    for oggetto in ctx.oggetti:
        indicatori = getattr(oggetto.model, "indicatori", None)
        if not isinstance(indicatori, list) or not all(
            isinstance(i, Indicatore) for i in indicatori
        ):
            continue
        problema = pesi_diversi_da_100([(i.codice, i.peso) for i in indicatori])
        if problema is not None:
            yield Rilievo(
                oggetto.file,
                (*oggetto.path, "indicatori"),
                f"{oggetto.codice}: i pesi degli indicatori {problema}. Nessuna norma fissa la somma "
                "dei pesi: è un controllo di plausibilità, perché il peso è la quota di 100 che "
                "ciascun indicatore ha nella misurazione dell'obiettivo.",
            )


_CODICE = re.compile(r"[A-Z][A-Z0-9]*(?:[-._][A-Z0-9]+)*[-._]?[0-9][A-Z0-9.]*")
"""A code with a number (UO-01, OBP-3, MIS2): no person's name looks like this."""


@regola(
    "CO012",
    "coerenza.nome-non-codice",
    summary="Controllo di plausibilità: dove il piano chiede il nome di una persona (responsabili, "
    "organi, soggetti della scheda anagrafica, responsabili delle unità) c'è un nome, non un codice.",
    basis=("DM132-2", "DM132-4-1a"),
    confidenza="P",
    conforme="responsabile: Dott.ssa Anna Verdi",
    non_conforme="responsabile: UO-01   # il codice dell'unità al posto del nome del responsabile",
)
def nome_non_codice(ctx: Contesto) -> Iterator[Rilievo]:
    for scritto in ctx.nomi_di_persona:
        nome = scritto.nome.strip()
        if nome in ctx.codici:
            oggetto = ctx.codici[nome][0]
            yield Rilievo(
                scritto.file,
                scritto.path,
                f"«{nome}» è il codice di un oggetto del piano ({oggetto.file}), non il nome di una "
                "persona: il documento lo stamperebbe come nome. Scrivere nome e cognome.",
            )
        elif _CODICE.fullmatch(nome):
            yield Rilievo(
                scritto.file,
                scritto.path,
                f"«{nome}» sembra un codice, non il nome di una persona: il documento lo stamperebbe "
                "come nome. Scrivere nome e cognome (controllo di plausibilità).",
            )
