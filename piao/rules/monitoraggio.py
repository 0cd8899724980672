"""Rules on Sezione 4 Monitoraggio."""

from __future__ import annotations

from collections.abc import Iterator

from piao.lingua import elenco
from piao.model.regime import ORDINARIO
from piao.rules.contesto import Contesto
from piao.rules.registry import Rilievo, regola
from piao.rules.util import vuoto

F = "monitoraggio.yaml"


@regola(
    "MO001",
    "monitoraggio.sezioni",
    copre=("R34",),
    summary="La sezione 4 indica chi monitora, come e quando: valore pubblico e performance, rischi corruttivi, "
    "sezione 3 (coerenza con la performance, a cura di OIV o Nucleo).",
    basis=("DM132-5", "DLGS150-6-10"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("monitoraggio",),
    conforme='sezioni: [{sezione: "2.2", ...}, {sezione: "2.3", ...}, {sezione: "3.1", ...}]',
    non_conforme='sezioni: [{sezione: "2.2", ...}]',
)
def sezioni(ctx: Contesto) -> Iterator[Rilievo]:
    if not ctx.mo.sezioni:
        return  # an empty section 4 is reported by CO009
    coperte = {s.sezione for s in ctx.mo.sezioni}
    mancano = []
    if not coperte & {"2.1", "2.2"}:
        mancano.append("valore pubblico e performance (2.1-2.2)")
    if "2.3" not in coperte:
        mancano.append("rischi corruttivi e trasparenza (2.3)")
    if not coperte & {"3.1", "3.2", "3.3", "formazione"}:
        mancano.append("organizzazione e capitale umano (sezione 3)")
    if mancano:
        yield Rilievo(F, ("sezioni",), f"Manca il monitoraggio di {elenco(mancano)}.")


@regola(
    "MO002",
    "monitoraggio.soddisfazione-utenti",
    copre=("R34",),
    summary="Il monitoraggio comprende rilevazioni della soddisfazione degli utenti o, dove mancano, la verifica "
    "degli standard di qualità di una carta dei servizi.",
    basis=("DL80-6-3", "DM132-5"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("monitoraggio",),
    conforme="soddisfazione_utenti: [{codice: CS-01, strumento: Questionario, ...}]\n"
    "# oppure: carte_servizi: [{codice: CDS-01, standard: [...], verifica: ...}]",
    non_conforme="soddisfazione_utenti: []",
)
def soddisfazione(ctx: Contesto) -> Iterator[Rilievo]:
    if ctx.mo.soddisfazione_utenti:
        return
    # Art. 6 c.3 DL 80/2021 names both the satisfaction surveys and the standards a user can
    # enforce (D.Lgs. 198/2009): a service charter whose standards are verified speaks for the
    # users where no survey exists (reading applied).
    carte = ctx.mo.carte_servizi
    if any(c.standard and not vuoto(c.verifica) for c in carte):
        return
    if carte:
        yield Rilievo(
            F,
            ("carte_servizi",),
            "Non ci sono rilevazioni della soddisfazione degli utenti e le carte dei servizi non indicano "
            "gli standard di qualità e come se ne verifica il rispetto («standard» e «verifica»): senza "
            "l'una o l'altra cosa il monitoraggio non dà conto del punto di vista degli utenti.",
        )
        return
    yield Rilievo(
        F,
        ("soddisfazione_utenti",),
        "Mancano le rilevazioni della soddisfazione degli utenti (o, dove mancano, la verifica degli "
        "standard di qualità di una carta dei servizi, in «carte_servizi»).",
    )


@regola(
    "MO003",
    "monitoraggio.report-integrato",
    copre=("D09",),
    summary="Il monitoraggio prevede una relazione annuale integrata su performance, anticorruzione e sezione 3.",
    basis=("DFP-LG-2025", "ANAC-2025-07-23"),
    confidenza="P",
    regimi=ORDINARIO,
    richiede=("monitoraggio",),
    conforme="report_integrato: {soggetto: ..., scadenza: 2027-06-30}",
    non_conforme="# nessuna chiave report_integrato",
)
def report(ctx: Contesto) -> Iterator[Rilievo]:
    ri = ctx.mo.report_integrato
    if ri is None or not (ri.soggetto or ri.scadenza or ri.contenuti):
        yield Rilievo(
            F,
            ("report_integrato",),
            "Manca la relazione annuale integrata sui risultati del piano.",
        )
