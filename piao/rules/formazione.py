"""Rules on training (sottosezione 3.3): hours per employee, managers' objective, Syllabus."""

from __future__ import annotations

from collections.abc import Iterator

from piao.findings import Severity
from piao.model.regime import ORDINARIO
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola

F = "formazione.yaml"


@regola(
    "FO001",
    "formazione.ore-pro-capite",
    copre=(
        "R26",
        "D20",
    ),
    summary="Il piano prevede per ogni anno almeno le ore di formazione per dipendente fissate dalle direttive "
    "(40 dal 2025, 24 nel 2023-2024).",
    basis=("DIR-FORM-2025", "DIR-FORM-2023"),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="Lo fissa una direttiva ministeriale: vincola i dirigenti, non è una norma di legge.",
    richiede=("formazione",),
    conforme="ore_pro_capite: {2026: 40, 2027: 40, 2028: 40}",
    non_conforme="ore_pro_capite: {2026: 24, 2027: 40, 2028: 40}",
)
def ore(ctx: Contesto) -> Iterator[Rilievo]:
    for anno in ctx.anni:
        minimo = ctx.ref.ore_minime(anno)
        if minimo is None:
            continue
        previste = ctx.fo.ore_pro_capite.get(anno)
        if previste is None:
            yield Rilievo(
                F,
                ("ore_pro_capite",),
                f"Mancano le ore di formazione per dipendente previste nel {anno}.",
            )
        elif previste < minimo.ore:
            yield Rilievo(
                F,
                ("ore_pro_capite", anno),
                f"{previste:g} ore per dipendente nel {anno}, meno delle {minimo.ore:g} previste dalla {minimo.atto}.",
            )


@regola(
    "FO002",
    "formazione.obiettivo-responsabili",
    copre=("R26",),
    summary="La formazione del personale è un obiettivo di performance di ogni dirigente o responsabile.",
    basis=("DIR-FORM-2025",),
    confidenza="V",
    severita=Severity.WARNING,
    motivo_severita="Lo fissa una direttiva ministeriale, non una norma di legge.",
    regimi=ORDINARIO,
    richiede=("formazione", "performance"),
    conforme="obiettivi_performance: [OBP-12]   # OBP-12 ha tipi: [formazione]",
    non_conforme="obiettivi_performance: []",
)
def obiettivo(ctx: Contesto) -> Iterator[Rilievo]:
    obiettivi = [ctx.obiettivi_pf.get(c) for c in ctx.fo.obiettivi_performance]
    if not any(o is not None and "formazione" in o.tipi for o in obiettivi):
        yield Rilievo(
            F,
            ("obiettivi_performance",),
            "Manca il collegamento a un obiettivo di performance di tipo «formazione» assegnato ai responsabili.",
        )


@regola(
    "FO003",
    "formazione.syllabus",
    copre=("R27",),
    summary="Il piano indica l'adesione a Syllabus e la quota di personale formato sulle competenze digitali.",
    basis=("DIR-FORM-2023", "DIR-FORM-2025"),
    confidenza="V",
    severita=Severity.INFO,
    motivo_severita="Indicazione di direttiva, utile al monitoraggio.",
    richiede=("formazione",),
    conforme="syllabus: {adesione: true, copertura_personale: {2026: 80}}",
    non_conforme="# nessuna chiave syllabus",
)
def syllabus(ctx: Contesto) -> Iterator[Rilievo]:
    s = ctx.fo.syllabus
    if s is None or not s.adesione:
        yield Rilievo(
            F, ("syllabus",), "Non risulta l'adesione a Syllabus per le competenze digitali."
        )
    elif not s.copertura_personale:
        yield Rilievo(
            F, ("syllabus",), "Manca la quota di personale da formare su Syllabus per anno."
        )


@regola(
    "FO004",
    "formazione.anticorruzione",
    summary="Il piano di formazione comprende corsi su prevenzione della corruzione ed etica.",
    basis=("L190", "DIR-FORM-2025"),
    confidenza="P",
    richiede=("formazione",),
    conforme="- {codice: FOR-01, tema: anticorruzione, obbligatorio: true, ...}",
    non_conforme="# nessun corso con tema anticorruzione o etica_trasparenza_integrita",
)
def anticorruzione(ctx: Contesto) -> Iterator[Rilievo]:
    if not any(c.tema in ("anticorruzione", "etica_trasparenza_integrita") for c in ctx.fo.corsi):
        yield Rilievo(
            F, ("corsi",), "Manca la formazione su prevenzione della corruzione ed etica."
        )
