"""User satisfaction in a monitoring period (`soddisfazione` of a period file, issue 18 item 3):
the results of the plan's surveys (`monitoraggio.yaml` › `soddisfazione_utenti`) per service
and channel, and the steps of a participatory evaluation.

Monitoring happens "anche attraverso rilevazioni della soddisfazione degli utenti" (DL
80/2021 art. 6 c.3; DM 132/2022 art. 5) [P on the exact wording, DOMAIN.md §13.3]. A result
is either the three faces of «Mettiamoci la faccia» (positivo, sufficiente, negativo, with
optional reasons for dissatisfaction) per service and channel [V], or the items of a
questionnaire (question, dimension, scale, mean, respondents). The participatory evaluation
of the DFP Linee guida n. 4/2019 (arts. 7 and 19-bis D.Lgs. 150/2009) has steps 5.1
(stakeholders) to 5.7 (use of results) [V]; their other titles are not in DOMAIN.md, so a
step is recorded by its number with a free note.

The satisfaction indices are computed (piao.periodi.soddisfazione), never typed here.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import field_validator, model_validator

from piao.model.base import (
    Codice,
    Data,
    Modello,
    NonNegativo,
    Positivo,
    Quantita,
    Testo,
    riferimento,
)

CodiceRilevazione = Annotated[
    Codice,
    riferimento("la rilevazione della soddisfazione", "RilevazioneSoddisfazione"),
]
"""The code of a survey of monitoraggio.yaml (`soddisfazione_utenti`)."""

FaseValutazionePartecipativa = Literal["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]
"""The steps of the participatory evaluation, DFP Linee guida n. 4/2019 (5.1 the
stakeholders … 5.7 the use of the results)."""


class Domanda(Modello):
    """Una domanda del questionario con il suo risultato."""

    domanda: Testo
    """Il testo della domanda (es. «Quanto è soddisfatto dei tempi di attesa?»)."""
    dimensione: Testo | None = None
    """La dimensione della qualità che misura (es. accessibilità, tempestività, cortesia, chiarezza)."""
    scala_min: Quantita = 1
    """Il valore più basso della scala delle risposte (es. 1)."""
    scala_max: Quantita = 5
    """Il valore più alto della scala delle risposte (es. 5, 7, 10)."""
    media: Quantita
    """La media delle risposte, sulla scala della domanda."""
    risposte: NonNegativo | None = None
    """Quante persone hanno risposto a questa domanda (se manca: i rispondenti del questionario)."""

    @model_validator(mode="after")
    def _scala(self) -> Domanda:
        if self.scala_max <= self.scala_min:
            raise ValueError(
                f"La scala va da un minimo a un massimo più alto: trovati scala_min "
                f"{self.scala_min:g} e scala_max {self.scala_max:g}."
            )
        if not self.scala_min <= self.media <= self.scala_max:
            raise ValueError(
                f"La media {self.media:g} è fuori dalla scala della domanda "
                f"({self.scala_min:g}–{self.scala_max:g})."
            )
        return self


class RisultatoServizio(Modello):
    """Il risultato della rilevazione per un servizio e un canale: i giudizi a emoticon
    («Mettiamoci la faccia») oppure le domande di un questionario."""

    servizio: Testo
    """Il servizio valutato (es. «Carta d'identità elettronica»)."""
    canale: Testo | None = None
    """Il canale: sportello, telefono, web (i tre di «Mettiamoci la faccia»), o un altro (es. app, posta elettronica)."""
    positivo: NonNegativo | None = None
    """Giudizi positivi (faccina verde)."""
    sufficiente: NonNegativo | None = None
    """Giudizi sufficienti (faccina gialla)."""
    negativo: NonNegativo | None = None
    """Giudizi negativi (faccina rossa)."""
    motivi_insoddisfazione: dict[Testo, NonNegativo] = {}
    """Per un giudizio non positivo, quante volte è stato indicato ciascun motivo (es. «tempi di attesa»: 12)."""
    domande: list[Domanda] = []
    """Le domande del questionario, con scala, media e risposte."""
    rispondenti: NonNegativo | None = None
    """Le persone che hanno compilato il questionario."""
    contatti: Positivo | None = None
    """Gli utenti serviti o invitati a rispondere nel periodo: con questo numero si calcola il tasso di risposta."""
    note: Testo | None = None
    """Osservazioni."""

    @property
    def emoticon(self) -> bool:
        return any(v is not None for v in (self.positivo, self.sufficiente, self.negativo))

    @model_validator(mode="after")
    def _una_forma(self) -> RisultatoServizio:
        if self.emoticon and self.domande:
            raise ValueError(
                "Un risultato è a emoticon (positivo, sufficiente, negativo) oppure a "
                "questionario (domande), non entrambi: scrivere due risultati."
            )
        if not self.emoticon and not self.domande:
            raise ValueError(
                "Scrivere i giudizi a emoticon (positivo, sufficiente, negativo) oppure le "
                "domande del questionario (domande)."
            )
        if self.emoticon and None in (self.positivo, self.sufficiente, self.negativo):
            raise ValueError(
                "Scrivere tutti e tre i conteggi dei giudizi: positivo, sufficiente, negativo "
                "(0 se nessuno)."
            )
        return self


class FaseSvolta(Modello):
    """Una fase svolta della valutazione partecipativa (Linee guida DFP n. 4/2019)."""

    fase: FaseValutazionePartecipativa
    """Il numero della fase nelle Linee guida: da 5.1 (i portatori di interesse) a 5.7 (l'uso dei risultati)."""

    @field_validator("fase", mode="before")
    @classmethod
    def _numero(cls, valore: object) -> object:
        """`fase: 5.1` unquoted is a YAML number: read it as the step it names."""
        if isinstance(valore, float) and not isinstance(valore, bool):
            return f"{valore:g}"
        return valore

    data: Data | None = None
    """Quando è stata svolta (AAAA-MM-GG)."""
    nota: Testo | None = None
    """Che cosa si è fatto (chi ha partecipato, con quale strumento, che cosa ne è uscito)."""


class RisultatiRilevazione(Modello):
    """I risultati di una rilevazione della soddisfazione del piano nel periodo."""

    data: Data | None = None
    """Data di chiusura della rilevazione (AAAA-MM-GG), dentro il periodo."""
    fonte: Testo | None = None
    """Da dove vengono i dati (totem, piattaforma dei questionari, registro delle interviste)."""
    risultati: list[RisultatoServizio] = []
    """Un risultato per servizio e canale."""
    valutazione_partecipativa: list[FaseSvolta] = []
    """Le fasi svolte della valutazione partecipativa (Linee guida DFP n. 4/2019), con data e nota."""
    note: Testo | None = None
    """Osservazioni."""
