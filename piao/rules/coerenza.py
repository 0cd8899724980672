"""Cross-section rules: unique codes, references that resolve, the vertical links between
public value and performance, and the contents each regime requires."""

from __future__ import annotations

from collections.abc import Iterator

from piao.findings import YamlPath
from piao.model.base import ObiettivoConIndicatori
from piao.model.performance import ObiettivoPerformance
from piao.model.regime import ORDINARIO, SEMPLIFICATO
from piao.model.valore_pubblico import ObiettivoValorePubblico
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import manca

Ref = tuple[str, YamlPath, str]


def _unita_refs(ctx: Contesto) -> Iterator[Ref]:
    """(file, path, code) of every reference to an organisational unit, except hires."""
    p = ctx.piano
    if p.anagrafica.responsabile_redazione:
        yield "anagrafica.yaml", ("responsabile_redazione",), p.anagrafica.responsabile_redazione
    if p.valore_pubblico is not None:
        for key in ("accessibilita", "semplificazione", "risparmio_energetico"):
            for i, item in enumerate(getattr(p.valore_pubblico, key)):
                if item.responsabile:
                    yield "valore_pubblico.yaml", (key, i, "responsabile"), item.responsabile
    if p.performance is not None:
        for i, o in enumerate(p.performance.obiettivi):
            if o.unita_responsabile:
                yield (
                    "performance.yaml",
                    ("obiettivi", i, "unita_responsabile"),
                    o.unita_responsabile,
                )
            for j, u in enumerate(o.unita_coinvolte):
                yield "performance.yaml", ("obiettivi", i, "unita_coinvolte", j), u
    if p.rischi_corruttivi is not None:
        rc = p.rischi_corruttivi
        f = "rischi_corruttivi.yaml"
        for i, s in enumerate(rc.obiettivi_strategici):
            if s.responsabile:
                yield f, ("obiettivi_strategici", i, "responsabile"), s.responsabile
        for i, pr in enumerate(rc.processi):
            if pr.unita_responsabile:
                yield f, ("processi", i, "unita_responsabile"), pr.unita_responsabile
        for i, m in enumerate(rc.misure):
            if m.responsabile:
                yield f, ("misure", i, "responsabile"), m.responsabile
        if rc.trasparenza is not None:
            for i, obbligo in enumerate(rc.trasparenza.obblighi):
                for key in ("responsabile_dati", "responsabile_pubblicazione"):
                    value = getattr(obbligo, key)
                    if value:
                        yield f, ("trasparenza", "obblighi", i, key), value
            ac = rc.trasparenza.accesso_civico
            if ac is not None and ac.responsabile:
                yield f, ("trasparenza", "accesso_civico", "responsabile"), ac.responsabile
    if p.lavoro_agile is not None:
        for i, la in enumerate(p.lavoro_agile.obiettivi):
            if la.responsabile:
                yield "lavoro_agile.yaml", ("obiettivi", i, "responsabile"), la.responsabile
    if p.pari_opportunita is not None:
        for i, a in enumerate(p.pari_opportunita.azioni):
            if a.responsabile:
                yield "pari_opportunita.yaml", ("azioni", i, "responsabile"), a.responsabile
    if p.monitoraggio is not None:
        for i, r in enumerate(p.monitoraggio.soddisfazione_utenti):
            if r.responsabile:
                yield (
                    "monitoraggio.yaml",
                    ("soddisfazione_utenti", i, "responsabile"),
                    r.responsabile,
                )


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
    refs: list[Ref] = []
    if ctx.piano.performance is not None:
        refs += [
            ("performance.yaml", ("obiettivi", i, "valore_pubblico"), o.valore_pubblico)
            for i, o in enumerate(ctx.pf.obiettivi)
            if o.valore_pubblico
        ]
    if ctx.piano.organizzazione is not None:
        refs += [
            ("organizzazione.yaml", ("interventi", i, "valore_pubblico"), o.valore_pubblico)
            for i, o in enumerate(ctx.org.interventi)
            if o.valore_pubblico
        ]
    for file, path, codice in refs:
        if codice not in ctx.obiettivi_vp:
            yield Rilievo(
                file,
                path,
                f"L'obiettivo di valore pubblico «{codice}» non esiste in valore_pubblico.yaml.",
            )


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
    for file, path, codice in _unita_refs(ctx):
        if codice not in ctx.unita:
            yield Rilievo(
                file, path, f"L'unità organizzativa «{codice}» non esiste in organizzazione.yaml."
            )


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
    f = "rischi_corruttivi.yaml"
    for i, m in enumerate(ctx.rc.misure):
        for j, codice in enumerate(m.processi):
            if codice not in ctx.processi:
                yield Rilievo(
                    f,
                    ("misure", i, "processi", j),
                    f"{m.codice}: il processo «{codice}» non è nella mappatura.",
                )
        for j, codice in enumerate(m.eventi):
            if codice not in ctx.eventi:
                yield Rilievo(
                    f,
                    ("misure", i, "eventi", j),
                    f"{m.codice}: l'evento rischioso «{codice}» non esiste.",
                )


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
    for i, a in enumerate(ctx.fp.assunzioni):
        if a.unita is not None and a.unita not in ctx.unita:
            yield Rilievo(
                "fabbisogni_personale.yaml",
                ("assunzioni", i, "unita"),
                f"{a.codice}: l'unità di destinazione «{a.unita}» non esiste in organizzazione.yaml.",
            )


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
    priorita = {p.codice for p in ctx.fo.priorita}
    for i, c in enumerate(ctx.fo.corsi):
        for j, codice in enumerate(c.priorita):
            if codice not in priorita:
                yield Rilievo(
                    "formazione.yaml",
                    ("corsi", i, "priorita", j),
                    f"{c.codice}: la priorità formativa «{codice}» non esiste.",
                )
        for j, codice in enumerate(c.collegamenti):
            if codice not in ctx.codici:
                yield Rilievo(
                    "formazione.yaml",
                    ("corsi", i, "collegamenti", j),
                    f"{c.codice}: il codice «{codice}» non c'è nel piano.",
                )


@regola(
    "CO007",
    "coerenza.collegamenti",
    summary="I collegamenti tra obiettivi e processi mappati, e dalla formazione agli obiettivi di performance, "
    "citano codici esistenti.",
    basis=("DM132-3-1c", "DFP-LG-2025"),
    confidenza="V",
    integrita=True,
    conforme="processi: [PR-22]   # presente in rischi_corruttivi.yaml",
    non_conforme="processi: [PR-99]",
)
def collegamenti(ctx: Contesto) -> Iterator[Rilievo]:
    refs: list[tuple[str, YamlPath, str, dict[str, object], str]] = []
    processi: dict[str, object] = dict(ctx.processi)
    obiettivi: dict[str, object] = {
        o.codice: o.model
        for o in ctx.oggetti
        if isinstance(
            o.model, ObiettivoValorePubblico | ObiettivoPerformance | ObiettivoConIndicatori
        )
    }
    if ctx.piano.valore_pubblico is not None:
        for i, o in enumerate(ctx.vp.obiettivi):
            refs += [
                ("valore_pubblico.yaml", ("obiettivi", i, "processi", j), c, processi, "processo")
                for j, c in enumerate(o.processi)
            ]
    if ctx.piano.performance is not None:
        for i, po in enumerate(ctx.pf.obiettivi):
            refs += [
                ("performance.yaml", ("obiettivi", i, "processi", j), c, processi, "processo")
                for j, c in enumerate(po.processi)
            ]
    if ctx.piano.rischi_corruttivi is not None:
        for i, pr in enumerate(ctx.rc.processi):
            refs += [
                (
                    "rischi_corruttivi.yaml",
                    ("processi", i, "obiettivi_collegati", j),
                    c,
                    obiettivi,
                    "obiettivo",
                )
                for j, c in enumerate(pr.obiettivi_collegati)
            ]
    if ctx.piano.formazione is not None:
        pf: dict[str, object] = dict(ctx.obiettivi_pf)
        refs += [
            ("formazione.yaml", ("obiettivi_performance", j), c, pf, "obiettivo di performance")
            for j, c in enumerate(ctx.fo.obiettivi_performance)
        ]
    for file, path, codice, indice, cosa in refs:
        if codice not in indice:
            yield Rilievo(file, path, f"Il {cosa} «{codice}» non esiste nel piano.")


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
    summary="Nel regime semplificato la sottosezione 2.3 mappa processi e misure e la 3.1 elenca le unità organizzative.",
    basis=("DM132-6",),
    confidenza="P",
    regimi=SEMPLIFICATO,
    conforme="# rischi_corruttivi.yaml con processi e misure",
    non_conforme="processi: []   # rischi_corruttivi.yaml",
)
def sezioni_semplificate(ctx: Contesto) -> Iterator[Rilievo]:
    rc = ctx.piano.rischi_corruttivi
    if rc is not None and not (rc.processi and rc.misure):
        mancano = [
            n for n, v in (("i processi mappati", rc.processi), ("le misure", rc.misure)) if not v
        ]
        yield Rilievo(
            "rischi_corruttivi.yaml", ("processi",), f"Sottosezione 2.3: {manca(mancano)}."
        )
