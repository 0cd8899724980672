"""Human report: findings grouped by file, `file:line:col  livello  CODICE  messaggio`,
a hint line where piao has a suggestion, and a verdict. Colour only on a terminal. Whatever
comes from the plan or the file system (paths, messages quoting plan values) is written
through `terminale`: no control or bidi character reaches the terminal."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from piao.catalogue import Catalogue
from piao.findings import Finding, Report, Severity, StatoRegola
from piao.lingua import quanti
from piao.sicuro import terminale

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _range(codes: list[str]) -> str:
    return ", ".join(codes) if len(codes) <= 6 else f"{', '.join(codes[:5])} … {codes[-1]}"


VERDETTI = {
    "conforme": "conforme",
    "conforme_con_riserva": "conforme con riserva",
    "non_conforme": "non conforme",
    "verifica_parziale": "nessun errore nella parte controllata (verifica parziale, non è "
    "un giudizio di conformità del piano)",
}
"""A plan without errors but with warnings of binding-law rules is «conforme con riserva»:
the law is binding, only its text or reading is not fully verified (see `piao rules CODE`)."""

VERDETTI_DATI = {
    "conforme": "nessun errore",
    "conforme_con_riserva": "nessun errore, avvisi da esaminare",
    "non_conforme": "errori da correggere",
    "verifica_parziale": "nessun errore nella parte controllata (verifica parziale)",
}
"""The same verdicts for the data of monitoring periods: «conforme» speaks of a plan's
legality, not of what a period file records; no findings at all is «nessun rilievo»."""


def summary_line(report: Report) -> str:
    c = report.counts()
    if report.sul_piano:
        verdict = VERDETTI[report.verdetto]
    elif not report.active:
        verdict = "nessun rilievo"
    else:
        verdict = VERDETTI_DATI[report.verdetto]
    parts = [
        quanti(c[Severity.ERROR], "errore", "errori"),
        quanti(c[Severity.WARNING], "avviso", "avvisi"),
        quanti(c[Severity.INFO], "informazione", "informazioni"),
    ]
    if report.suppressed:
        parts.append(quanti(report.n_suppressed, "rilievo derogato", "rilievi derogati"))
    if report.riserve:
        parts.append(
            quanti(
                report.n_riserve,
                "avviso su norme vincolanti da verificare",
                "avvisi su norme vincolanti da verificare",
            )
        )
    return f"Esito: {verdict} — {', '.join(parts)}"


def _da_completare(report: Report) -> list[str]:
    """What is left, file by file, before the rule findings: each office sees its share."""
    if not report.da_completare:
        return []
    lines = ["", "Da completare:"]
    for file, da_compilare, errori, da_verificare in report.da_completare:
        parts = []
        if da_compilare:
            parts.append(quanti(da_compilare, "valore da compilare", "valori da compilare"))
        if da_verificare:
            parts.append(quanti(da_verificare, "valore da verificare", "valori da verificare"))
        if errori:
            parts.append(quanti(errori, "errore di struttura", "errori di struttura"))
        lines.append(f"  {terminale(file)}: {', '.join(parts)}")
    return lines


def _render_one(report: Report, color: bool) -> list[str]:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    head = f"{report.oggetto}: {terminale(report.plan)}"
    if report.regime:
        head += f" (regime {terminale(report.regime)})"
    lines = [paint(head, _BOLD)]
    lines += _da_completare(report)
    if report.limitato_a:
        lines.append(f"Rilievi mostrati: solo quelli di {terminale(', '.join(report.limitato_a))}.")
    by_file = sorted(report.findings, key=Finding.sort_key)
    for file, group in groupby(by_file, key=lambda f: f.location.file):
        lines.append("")
        lines.append(paint(terminale(file), _BOLD))
        for f in group:
            where = terminale(Path(report.plan) / str(f.location))
            if f.suppressed is not None:
                level = paint(f"{'derogato':<7}", _DIM)
            else:
                level = paint(f"{f.severity.label:<7}", _COLORS[f.severity])
            lines.append(f"  {where}  {level} {f.code}  {terminale(f.message)}")
            if f.hint:
                lines.append(paint(f"      ↳ {terminale(f.hint)}", _DIM))
            if f.suppressed is not None:
                lines.append(paint(f"      ↳ deroga: {terminale(f.suppressed)}", _DIM))
    if not report.findings:
        lines.append("Nessun rilievo.")
    if report.not_applicable:
        lines.append("")
        lines.append(
            "Sezioni non richieste nel regime semplificato (art. 6 DM 132/2022): "
            + terminale("; ".join(report.not_applicable))
            + "."
        )
    esclusi = report.rules_with(StatoRegola.ESCLUSA)
    derogate = report.rules_with(StatoRegola.DEROGATA)
    in_attesa = report.rules_with(StatoRegola.IN_ATTESA)
    if report.rules_run and (esclusi or derogate or in_attesa or report.controlli_esclusi):
        lines.append("")
        if in_attesa:
            lines.append(
                "Regole in attesa (leggono sezioni con errori o valori da compilare): "
                f"{len(in_attesa)} ({_range(in_attesa)})."
            )
        if esclusi:
            lines.append(
                f"Regole escluse con --select/--ignore e non eseguite: {len(esclusi)} "
                f"({_range(esclusi)})."
            )
        if report.controlli_esclusi:
            lines.append(
                f"Controlli esclusi con --select/--ignore: {', '.join(report.controlli_esclusi)}."
            )
        if derogate:
            lines.append(f"Regole derogate dal piano: {', '.join(derogate)}.")
    if not report.rules_run:
        lines.append("")
        lines.append(
            "Le regole di conformità non sono state eseguite: correggere prima gli errori di "
            "sintassi e di struttura della scheda anagrafica (anagrafica.yaml)."
        )
    lines.append("")
    verdict = summary_line(report)
    lines.append(paint(verdict, _BOLD + (_COLORS[Severity.ERROR] if not report.success else "")))
    return lines


def render_text(reports: list[Report], catalogue: Catalogue, color: bool = False) -> str:
    blocks = [_render_one(r, color) for r in reports]
    lines: list[str] = []
    for i, block in enumerate(blocks):
        if i:
            lines += ["", "─" * 60, ""]
        lines += block
    if len(reports) > 1:
        bad = sum(1 for r in reports if not r.success)
        lines += [
            "",
            f"Piani controllati: {len(reports)}; conformi: {len(reports) - bad}; non conformi: {bad}.",
        ]
    return "\n".join(lines) + "\n"
