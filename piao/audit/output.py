"""Write the audit: an HTML page and a PDF per plan with the document PDF it points to,
and a CSV row per plan when several (a plan whose audit failed has its row too, with the
error)."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from piao import __version__
from piao.audit.assess import PESI, STATI_IT, Audit, audit_plan
from piao.audit.docx import render_docx
from piao.audit.giudizio import GIUDIZI, giudizio, motivazione
from piao.catalogue import citazione
from piao.clock import today
from piao.csvsafe import write_csv_italiano
from piao.fsutil import atomic_write_bytes, atomic_write_text, insieme
from piao.reference import riferimenti
from piao.render.pdf import PDF_VARIANT
from piao.resources import data_dir
from piao.sicuro import xml_legale
from piao.templating import environment


def _punti(v: float | None) -> str:
    return "—" if v is None else f"{v:.0f}%".replace(".", ",")


_FILTRI: dict[str, Callable[..., object]] = {
    "stato": STATI_IT.__getitem__,
    "citazione": citazione,
    "punti": _punti,
}


def render_html(audit: Audit, *, oggi: datetime.date | None = None) -> str:
    norme = riferimenti().norme
    css = (data_dir("templates") / "audit" / "audit.css").read_text(encoding="utf-8")
    return (
        environment(_FILTRI)
        .get_template("audit/audit.html.j2")
        .render(
            a=audit,
            css=css,
            norme=norme,
            pesi=PESI,
            versione=__version__,
            g=giudizio(audit),
            motivazione=motivazione(audit),
            giudizi=GIUDIZI,
            data=format_date(oggi or today(), "d MMMM y", locale="it"),
        )
    )


def render_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint is slow to import and only needed for PDF.
    from weasyprint import HTML  # noqa: PLC0415

    # PDF/A-3a as the document (piao/render/pdf.py): archival, tagged, with XMP metadata
    # from the page's title and meta tags; XML-legal text only.
    pdf: bytes = HTML(string=xml_legale(html), base_url=str(data_dir("templates"))).write_pdf(
        pdf_variant=PDF_VARIANT, pdf_tags=True
    )
    return pdf


@dataclass(frozen=True)
class AuditFallito:
    """A plan whose audit raised (a defect of piao): no report, but a row of the summary
    with the error, so that the summary lists every plan given."""

    plan: str
    motivo: str


Preparato = tuple[Audit, str, bytes | None]
"""One plan's audit, its HTML report and its PDF (None with --no-pdf)."""


def _stesso_ipa(audits: Sequence[Audit]) -> list[list[Audit]]:
    """The plans sharing an IPA code (compared without case), each group in the order given."""
    per_codice: dict[str, list[Audit]] = {}
    for a in audits:
        if a.codice_ipa:
            per_codice.setdefault(a.codice_ipa.lower(), []).append(a)
    return [stessi for stessi in per_codice.values() if len(stessi) > 1]


def ipa_ripetuti(audits: Sequence[Audit]) -> list[str]:
    """One warning for each IPA code that two or more plans share (a second triennio of the
    same entity, or a code copied from another plan): the summary would count it twice."""
    return [
        f"attenzione: il codice IPA «{stessi[0].codice_ipa}» è di {len(stessi)} piani ("
        + "; ".join(f"{a.ente} {a.triennio}, {a.plan}" for a in stessi)
        + "): il riepilogo ha una riga per piano, controlla che non sia lo stesso ente "
        "contato due volte o un codice copiato da un altro piano."
        for stessi in _stesso_ipa(audits)
    ]


def render_csv(righe: Sequence[Audit | AuditFallito]) -> str:
    audits = [a for a in righe if isinstance(a, Audit)]
    sezioni = [numero for numero, _, _, _ in audits[0].per_sezione()] if audits else []
    # Each plan → the other plans with its IPA code (one entity counted twice?).
    altri = {
        id(a): "; ".join(f"{b.ente} {b.triennio} ({b.plan})" for b in stessi if b is not a)
        for stessi in _stesso_ipa(audits)
        for a in stessi
    }
    header = [
        "piano",
        "ente",
        "codice_ipa",
        "triennio",
        "regime",
        "punteggio",
        *[f"punteggio_{s}" for s in sezioni],
        "errori",
        "avvisi",
        "elementi_mancanti",
        "elementi_incompleti",
        "errore_interno",
        "stesso_codice_ipa_di",
    ]
    rows: list[list[object]] = []
    for a in righe:
        if isinstance(a, AuditFallito):
            vuote: list[object] = [None] * (len(header) - 3)
            rows.append([a.plan, *vuote, f"rapporto non prodotto: {a.motivo}", None])
            continue
        counts = {s.value: n for s, n in a.report.counts().items()}
        rows.append(
            [
                a.plan,
                a.ente,
                a.codice_ipa,
                a.triennio,
                a.regime,
                a.punteggio(),
                *[a.punteggio(s) for s in sezioni],
                counts["error"],
                counts["warning"],
                "; ".join(f"{e.elemento.id} {e.elemento.titolo}" for e in a.con_stato("mancante")),
                "; ".join(
                    f"{e.elemento.id} {e.elemento.titolo}" for e in a.con_stato("incompleto")
                ),
                None,
                altri.get(id(a)),
            ]
        )
    return write_csv_italiano(header, rows)


def prepare_audit(folder: str | Path, *, pdf: bool = True) -> tuple[Audit, str, bytes | None]:
    """Assess one plan and render its report (the part a batch runs in parallel)."""
    audit = audit_plan(folder, con_documento=pdf)
    html = render_html(audit)
    return audit, html, render_pdf(html) if pdf else None


def write_prepared(prepared: Sequence[Preparato | AuditFallito], out: Path) -> list[Path]:
    """Write audit-<ente>-<triennio>.html/.docx/.pdf and PIAO-<ente>-<triennio>.pdf per
    plan and, with several plans,
    audit-riepilogo.csv with a row for each, in the order given (a failed one included);
    as a whole: a failure halfway leaves the previous reports untouched."""
    written: list[Path] = []
    with insieme(out) as cantiere:
        seen: dict[str, int] = {}
        for esito in prepared:
            if isinstance(esito, AuditFallito):
                continue
            audit, html, pdf = esito
            stem = f"audit-{audit.slug}"
            seen[stem] = seen.get(stem, 0) + 1
            if seen[stem] > 1:
                stem += f"-{seen[stem]}"
            atomic_write_text(cantiere / f"{stem}.html", html)
            written.append(out / f"{stem}.html")
            atomic_write_bytes(cantiere / f"{stem}.docx", render_docx(audit))
            written.append(out / f"{stem}.docx")
            if pdf is not None:
                atomic_write_bytes(cantiere / f"{stem}.pdf", pdf)
                written.append(out / f"{stem}.pdf")
            if audit.documento is not None:
                # The document the report's pages and hash refer to, under its own name.
                nome = audit.documento.nome
                if (cantiere / nome).exists():
                    nome = f"{stem}-{nome}"
                atomic_write_bytes(cantiere / nome, audit.documento.pdf)
                written.append(out / nome)
        if len(prepared) > 1:
            righe = [e if isinstance(e, AuditFallito) else e[0] for e in prepared]
            atomic_write_text(cantiere / "audit-riepilogo.csv", render_csv(righe))
            written.append(out / "audit-riepilogo.csv")
    return written
