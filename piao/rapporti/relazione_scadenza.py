"""The deadline of the Relazione sulla performance and what the sources say of lateness.

The Relazione of year N is approved by the Giunta and validated by the OIV or Nucleo di
valutazione by 30 June of year N+1 (art. 10 c.1 lett. b and art. 14 c.4 lett. c D.Lgs.
150/2009; DOMAIN.md §13.3 [V]). The validation is the «condizione inderogabile» for the
rewards of Title III (art. 14 c.6 D.Lgs. 150/2009, as ANAC's communiqué of 3/12/2013
recalls it: [P], a secondary source quoting it). No source piao holds states a consequence
of lateness itself: the document says so ([U]) rather than inventing one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from piao.findings import Finding, Location
from piao.model.relazione import DatiRelazione
from piao.periodi.regole_anno import RELAZIONE_CHECKS
from piao.render.formatting import data

FONTE_ART_14_6 = (
    "http://www.ilpersonale.it/lautorita-nazionale-anticorruzione-comunica-lobbligo-della-"
    "validazione-della-relazione-alla-performance.html"
)

TERMINE = (
    "La Relazione sulla performance dell'anno {anno} è approvata dalla Giunta e validata "
    "dall'OIV o dal Nucleo di valutazione entro il {termine} (art. 10 c.1 lett. b e art. 14 "
    "c.4 lett. c D.Lgs. 150/2009; norma vincolante, confidenza verificata). Per gli enti "
    "locali può essere unificata al rendiconto della gestione (art. 10 c.1-bis)."
)
CONSEGUENZE = (
    "La validazione è condizione inderogabile per l'accesso agli strumenti per premiare il "
    "merito del Titolo III (art. 14 c.6 D.Lgs. 150/2009, richiamato dal comunicato ANAC del "
    "3 dicembre 2013; norma vincolante, confidenza parziale: fonte secondaria, "
    f"{FONTE_ART_14_6}). Le fonti consultate da piao non indicano altre conseguenze del solo "
    "ritardo (confidenza: non verificato): piao non ne presume."
)


def termine(anno: int) -> datetime.date:
    """30 June of the following year."""
    return datetime.date(anno + 1, 6, 30)


@dataclass(frozen=True)
class Scadenza:
    termine: datetime.date
    oggi: datetime.date
    findings: tuple[Finding, ...]

    @property
    def avvisi(self) -> tuple[str, ...]:
        """What the document says of the findings, in its own words."""
        return tuple(f.message for f in self.findings)


def verifica(
    anno: int, dati: DatiRelazione | None, oggi: datetime.date, dove: Location
) -> Scadenza:
    """Findings on the deadline as of `oggi` (piao.clock.today in the CLI); `dove` is the
    `relazione` key of the year's file, or the file when it has none."""
    fine = termine(anno)
    out: list[Finding] = []
    approvazione = dati.approvazione if dati else None
    validazione = dati.validazione if dati else None
    if approvazione is None and oggi > fine:
        out.append(
            RELAZIONE_CHECKS["approvazione"].finding(
                f"Il documento è prodotto il {data(oggi)}, dopo il termine del {data(fine)}, "
                "e il file dell'anno non indica la deliberazione della Giunta che approva la "
                "Relazione.",
                dove,
                hint="Scrivere sotto «relazione: approvazione:» atto e data della deliberazione.",
            )
        )
    elif approvazione is not None and approvazione.data > fine:
        out.append(
            RELAZIONE_CHECKS["approvazione"].finding(
                f"La Relazione è approvata il {data(approvazione.data)}, dopo il termine del "
                f"{data(fine)}.",
                dove,
            )
        )
    if validazione is None and oggi > fine:
        out.append(
            RELAZIONE_CHECKS["validazione"].finding(
                f"Al {data(oggi)}, dopo il termine del {data(fine)}, il file dell'anno non "
                "indica la validazione dell'OIV o del Nucleo di valutazione.",
                dove,
                hint="Scrivere sotto «relazione: validazione:» organismo, data, atto ed esito.",
            )
        )
    elif validazione is not None and validazione.data > fine:
        out.append(
            RELAZIONE_CHECKS["validazione"].finding(
                f"La Relazione è validata il {data(validazione.data)}, dopo il termine del "
                f"{data(fine)}.",
                dove,
            )
        )
    return Scadenza(fine, oggi, tuple(out))
