"""Piano di azioni positive / parità di genere (`pari_opportunita.yaml`).

Art. 48 D.Lgs. 198/2006 (absorbed into the PIAO by DPR 81/2022) and art. 6 c.2 lett. g DL
80/2021: staff by gender, positive actions with owners, indicators and deadlines, and the
commitment on the composition of exam commissions (at least one third women, art. 57 c.1
lett. a D.Lgs. 165/2001).
"""

from __future__ import annotations

from typing import Literal

from piao.model.base import (
    Codice,
    CodiceUnita,
    Data,
    Importo,
    Indicatore,
    Modello,
    NonNegativo,
    Testo,
)

AmbitoAzione = Literal[
    "conciliazione",
    "formazione",
    "benessere_organizzativo",
    "carriera",
    "parita_retributiva",
    "contrasto_violenza_molestie",
    "comunicazione",
    "linguaggio",
    "altro",
]


class PersonalePerArea(Modello):
    """Donne e uomini in un'area o ruolo."""

    area: Testo
    """Area o ruolo."""
    donne: NonNegativo
    """Numero di donne."""
    uomini: NonNegativo
    """Numero di uomini."""


class PersonalePerGenere(Modello):
    """La composizione del personale per genere."""

    al: Data
    """Data di riferimento."""
    donne: NonNegativo
    """Totale donne."""
    uomini: NonNegativo
    """Totale uomini."""
    per_area: list[PersonalePerArea] = []
    """Dettaglio per area o ruolo."""
    responsabili_donne: NonNegativo | None = None
    """Donne con incarichi di responsabilità (dirigenza, EQ)."""
    responsabili_uomini: NonNegativo | None = None
    """Uomini con incarichi di responsabilità."""


class Consultazione(Modello):
    """Un soggetto sentito sul Piano di azioni positive (art. 48 c.1 D.Lgs. 198/2006)."""

    soggetto: Literal["rsu", "organizzazioni_sindacali", "consigliera_parita", "cug"]
    """Chi è stato sentito: le rappresentanze sindacali (RSU) o, in mancanza, le organizzazioni
    sindacali; la consigliera o il consigliere di parità; il CUG."""
    data: Data | None = None
    """Data della consultazione o del parere."""
    riferimento: Testo | None = None
    """Estremi (nota, verbale, protocollo) o sintesi dell'esito."""


class Cug(Modello):
    """Il Comitato unico di garanzia (art. 57 D.Lgs. 165/2001)."""

    costituito: bool
    """Se il CUG è costituito."""
    atto: Testo | None = None
    """Atto di costituzione o rinnovo."""
    parere: Testo | None = None
    """Parere del CUG sul piano."""


class AzionePositiva(Modello):
    """Un'azione positiva per la parità e il benessere."""

    codice: Codice
    titolo: Testo
    """Titolo dell'azione."""
    ambito: AmbitoAzione
    """Ambito dell'azione."""
    descrizione: Testo | None = None
    """Che cosa si fa."""
    destinatari: Testo | None = None
    """A chi è rivolta."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile."""
    scadenza: Data | None = None
    """Termine dell'azione."""
    indicatori: list[Indicatore] = []
    """Indicatori con target."""
    risorse: Importo | None = None
    """Risorse dedicate (euro)."""


class CommissioniConcorso(Modello):
    """L'impegno sulla composizione delle commissioni di concorso."""

    quota_minima_donne: Literal["1/3", "1/2"] | None = None
    """Quota minima di posti riservati alle donne (almeno un terzo per legge)."""
    impegno: Testo | None = None
    """Come l'ente garantisce la quota."""
    motivazione_impossibilita: Testo | None = None
    """Se la quota non si può rispettare, la motivazione (art. 57 c.1 lett. a D.Lgs. 165/2001)."""


class PariOpportunita(Modello):
    """Piano di azioni positive."""

    introduzione: Testo | None = None
    """Obiettivi generali del piano."""
    personale_per_genere: PersonalePerGenere | None = None
    """Composizione del personale per genere."""
    cug: Cug | None = None
    """Comitato unico di garanzia."""
    consultazioni: list[Consultazione] = []
    """Soggetti sentiti sul piano: rappresentanze sindacali e consigliera di parità (art. 48 c.1
    D.Lgs. 198/2006), ed eventualmente il CUG."""
    bilancio_di_genere: Testo | None = None
    """Riferimento al bilancio di genere, se adottato."""
    azioni: list[AzionePositiva] = []
    """Azioni positive."""
    commissioni_concorso: CommissioniConcorso | None = None
    """Composizione delle commissioni di concorso."""
    atto_separato: Testo | None = None
    """Se il piano di azioni positive è adottato con atto separato, i suoi estremi."""
