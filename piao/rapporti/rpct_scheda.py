"""The mapping of the RPCT's annual report onto the sheets of ANAC's *scheda*: ONE table,
`VOCI`, says for every row its sheet, number, label and source field. The workbook, the
documents and the open data all print these rows; nothing else names a row.

ANAC publishes the *scheda* every year as an Excel workbook with the sheets «Anagrafica»,
«Considerazioni generali» and «Misure anticorruzione» (+ instructions) [V, DOMAIN.md §13.3];
its item numbering and cell layout are not available here [U]. `LAYOUT` names the layout
piao follows: the three sheets, with piao's own numbering. When ANAC publishes the year's
scheda, update `VOCI` (and `LAYOUT`): README «Aggiornare la scheda ANAC».

A source is `<kind>:<path>`:
- `piano:<sezione>.<campo>...` a field of the plan (e.g. `piano:anagrafica.ente.denominazione`);
- `fatti:<campo>...` a field of the facts file `monitoraggio/rpct-<anno>.yaml`;
- `generale:<misura_generale>` the state, in the period file, of the 2.3 general measures of
  that kind (`misura_generale` in rischi_corruttivi.yaml);
- `calcolo:<nome>` a count computed from the plan and the period (`CALCOLI`).
A row whose source holds nothing prints `NON_FORNITO` and is counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from piao.model.base import Persona
from piao.model.periodo import StatoAttuazione
from piao.rapporti.rpct_dati import DatiRpct
from piao.render.etichette import etichetta
from piao.render.formatting import numero

LAYOUT = "piao-rpct-1"
LAYOUT_DESCRIZIONE = (
    f"{LAYOUT}: struttura dei fogli della scheda ANAC (Anagrafica, Considerazioni generali, "
    "Misure anticorruzione), numerazione non ufficiale"
)
NON_FORNITO = "dato non fornito"

ANAGRAFICA, CONSIDERAZIONI, MISURE = (
    "Anagrafica",
    "Considerazioni generali",
    "Misure anticorruzione",
)
FOGLI = (ANAGRAFICA, CONSIDERAZIONI, MISURE)


@dataclass(frozen=True)
class Voce:
    foglio: str
    numero: str
    voce: str
    fonte: str


def _v(foglio: str, numero: str, voce: str, fonte: str) -> Voce:
    return Voce(foglio, numero, voce, fonte)


_A, _C, _M = ANAGRAFICA, CONSIDERAZIONI, MISURE
_F = "fatti:"

# fmt: off
VOCI: tuple[Voce, ...] = (
    _v(_A, "A.1", "Codice fiscale dell'amministrazione", "piano:anagrafica.ente.codice_fiscale"),
    _v(_A, "A.2", "Denominazione dell'amministrazione", "piano:anagrafica.ente.denominazione"),
    _v(_A, "A.3", "Tipologia di amministrazione", "piano:anagrafica.ente.tipologia"),
    _v(_A, "A.4", "Codice IPA", "piano:anagrafica.ente.codice_ipa"),
    _v(_A, "A.5", "RPCT: nome e cognome", "piano:anagrafica.soggetti.rpct.nome"),
    _v(_A, "A.6", "RPCT: qualifica", "piano:anagrafica.soggetti.rpct.qualifica"),
    _v(_A, "A.7", "RPCT: atto di nomina", "piano:anagrafica.soggetti.rpct.atto_nomina"),
    _v(_A, "A.8", "Responsabile della trasparenza, se distinto dal RPCT", "calcolo:responsabile_trasparenza"),
    _v(_A, "A.9", "Anno della relazione", "calcolo:anno"),
    _v(_A, "A.10", "Piano di riferimento", "calcolo:piano"),
    _v(_A, "A.11", "Fonte dello stato delle misure", "calcolo:periodo"),
    _v(_C, "C.1", "Stato di attuazione della sottosezione 2.3 e fattori di efficacia", _F + "considerazioni.stato_attuazione"),
    _v(_C, "C.2", "Aspetti critici dell'attuazione", _F + "considerazioni.criticita_attuazione"),
    _v(_C, "C.3", "Ruolo del RPCT: azione di impulso e coordinamento", _F + "considerazioni.ruolo_rpct"),
    _v(_C, "C.4", "Fattori che hanno ostacolato l'azione del RPCT", _F + "considerazioni.ostacoli_ruolo"),
    _v(_M, "M.1.1", "Misure programmate nella 2.3", "calcolo:misure.programmate"),
    _v(_M, "M.1.2", "di cui misure generali", "calcolo:misure.generali"),
    _v(_M, "M.1.3", "di cui misure specifiche", "calcolo:misure.specifiche"),
    _v(_M, "M.1.4", "Misure attuate", "calcolo:misure.attuata"),
    _v(_M, "M.1.5", "Misure parzialmente attuate", "calcolo:misure.parzialmente_attuata"),
    _v(_M, "M.1.6", "Misure in corso", "calcolo:misure.in_corso"),
    _v(_M, "M.1.7", "Misure non attuate", "calcolo:misure.non_attuata"),
    _v(_M, "M.1.8", "Misure senza stato nel file di monitoraggio", "calcolo:misure.senza_stato"),
    _v(_M, "M.1.9", "Processi mappati nella 2.3", "calcolo:processi"),
    _v(_M, "M.2.1", "Trasparenza: stato della misura generale", "generale:trasparenza"),
    _v(_M, "M.2.2", "Accesso civico semplice: richieste ricevute", _F + "accesso_civico.semplice.ricevute"),
    _v(_M, "M.2.3", "Accesso civico semplice: accolte", _F + "accesso_civico.semplice.accolte"),
    _v(_M, "M.2.4", "Accesso civico semplice: respinte", _F + "accesso_civico.semplice.respinte"),
    _v(_M, "M.2.5", "Accesso civico semplice: in corso al 31/12", _F + "accesso_civico.semplice.in_corso"),
    _v(_M, "M.2.6", "Accesso generalizzato: richieste ricevute", _F + "accesso_civico.generalizzato.ricevute"),
    _v(_M, "M.2.7", "Accesso generalizzato: accolte", _F + "accesso_civico.generalizzato.accolte"),
    _v(_M, "M.2.8", "Accesso generalizzato: respinte", _F + "accesso_civico.generalizzato.respinte"),
    _v(_M, "M.2.9", "Accesso generalizzato: in corso al 31/12", _F + "accesso_civico.generalizzato.in_corso"),
    _v(_M, "M.2.10", "Richieste di riesame al RPCT", _F + "accesso_civico.riesami"),
    _v(_M, "M.2.11", "Registro degli accessi tenuto e pubblicato", _F + "accesso_civico.registro_accessi"),
    _v(_M, "M.3.1", "Formazione: stato della misura generale", "generale:formazione"),
    _v(_M, "M.3.2", "Formazione su etica e anticorruzione: corsi", _F + "formazione.corsi"),
    _v(_M, "M.3.3", "Formazione: ore erogate", _F + "formazione.ore"),
    _v(_M, "M.3.4", "Formazione: partecipanti", _F + "formazione.partecipanti"),
    _v(_M, "M.3.5", "Formazione: soggetti erogatori", _F + "formazione.soggetti_erogatori"),
    _v(_M, "M.3.6", "Formazione: valutazione", _F + "formazione.valutazione"),
    _v(_M, "M.4.1", "Rotazione ordinaria: stato della misura generale", "generale:rotazione_ordinaria"),
    _v(_M, "M.4.2", "Rotazione ordinaria effettuata", _F + "rotazione.ordinaria_effettuata"),
    _v(_M, "M.4.3", "Rotazione ordinaria: dipendenti interessati", _F + "rotazione.ordinaria_dipendenti"),
    _v(_M, "M.4.4", "Misure alternative alla rotazione", _F + "rotazione.misure_alternative"),
    _v(_M, "M.4.5", "Rotazione straordinaria: stato della misura generale", "generale:rotazione_straordinaria"),
    _v(_M, "M.4.6", "Rotazione straordinaria: casi", _F + "rotazione.straordinaria_casi"),
    _v(_M, "M.5.1", "Inconferibilità e incompatibilità: stato della misura generale", "generale:inconferibilita_incompatibilita"),
    _v(_M, "M.5.2", "Inconferibilità: dichiarazioni ricevute", _F + "inconferibilita.dichiarazioni_ricevute"),
    _v(_M, "M.5.3", "Inconferibilità: verifiche effettuate", _F + "inconferibilita.verifiche_effettuate"),
    _v(_M, "M.5.4", "Inconferibilità: violazioni accertate", _F + "inconferibilita.violazioni_accertate"),
    _v(_M, "M.5.5", "Incompatibilità: dichiarazioni ricevute", _F + "incompatibilita.dichiarazioni_ricevute"),
    _v(_M, "M.5.6", "Incompatibilità: verifiche effettuate", _F + "incompatibilita.verifiche_effettuate"),
    _v(_M, "M.5.7", "Incompatibilità: violazioni accertate", _F + "incompatibilita.violazioni_accertate"),
    _v(_M, "M.6.1", "Incarichi extra-istituzionali: stato della misura generale", "generale:incarichi_extraistituzionali"),
    _v(_M, "M.7.1", "Whistleblowing: stato della misura generale", "generale:whistleblowing"),
    _v(_M, "M.7.2", "Segnalazioni ricevute", _F + "whistleblowing.ricevute"),
    _v(_M, "M.7.3", "Segnalazioni archiviate", _F + "whistleblowing.archiviate"),
    _v(_M, "M.7.4", "Segnalazioni con seguito", _F + "whistleblowing.con_seguito"),
    _v(_M, "M.7.5", "Segnalazioni in istruttoria al 31/12", _F + "whistleblowing.in_istruttoria"),
    _v(_M, "M.7.6", "Segnalazioni per canale", _F + "whistleblowing.per_canale"),
    _v(_M, "M.8.1", "Codice di comportamento: stato della misura generale", "generale:codice_comportamento"),
    _v(_M, "M.8.2", "Procedimenti per violazioni del codice di comportamento", _F + "procedimenti_disciplinari.per_codice_comportamento"),
    _v(_M, "M.9.1", "Procedimenti disciplinari avviati", _F + "procedimenti_disciplinari.avviati"),
    _v(_M, "M.9.2", "di cui per fatti di natura corruttiva", _F + "procedimenti_disciplinari.per_fatti_corruttivi"),
    _v(_M, "M.9.3", "Procedimenti conclusi con sanzione", _F + "procedimenti_disciplinari.conclusi_con_sanzione"),
    _v(_M, "M.10.1", "Pantouflage: stato della misura generale", "generale:pantouflage"),
    _v(_M, "M.10.2", "Pantouflage: clausola negli atti e nei contratti", _F + "pantouflage.clausole_nei_contratti"),
    _v(_M, "M.10.3", "Pantouflage: verifiche effettuate", _F + "pantouflage.verifiche_effettuate"),
    _v(_M, "M.10.4", "Pantouflage: violazioni accertate", _F + "pantouflage.violazioni_accertate"),
    _v(_M, "M.11.1", "Conflitto di interessi: stato della misura generale", "generale:conflitto_interessi"),
    _v(_M, "M.11.2", "Commissioni e uffici (art. 35-bis D.Lgs. 165/2001): stato", "generale:commissioni_art35bis"),
    _v(_M, "M.11.3", "Patti di integrità: stato della misura generale", "generale:patti_integrita"),
    _v(_M, "M.11.4", "Monitoraggio dei tempi procedimentali: stato", "generale:monitoraggio_tempi"),
    _v(_M, "M.11.5", "Sensibilizzazione e rapporto con la società civile: stato", "generale:sensibilizzazione"),
)
# fmt: on
"""The whole mapping: sheet, number, label, source. Numbers are piao's, not ANAC's."""

STATI: tuple[StatoAttuazione, ...] = ("attuata", "parzialmente_attuata", "in_corso", "non_attuata")


def _conta(d: DatiRpct) -> Counter[str]:
    stati = d.stati
    return Counter(stati[m.codice].stato if m.codice in stati else "senza_stato" for m in d.misure)


def _contatore(stato: str) -> Callable[[DatiRpct], object]:
    return lambda d: _conta(d)[stato]


CALCOLI: dict[str, Callable[[DatiRpct], object]] = {
    "anno": lambda d: str(d.anno),
    "piano": lambda d: (
        f"PIAO {d.anagrafica.triennio.da}-{d.anagrafica.triennio.a}, "
        "sottosezione 2.3 Rischi corruttivi e trasparenza"
    ),
    "periodo": lambda d: d.fonte_stati,
    "responsabile_trasparenza": lambda d: (
        d.anagrafica.soggetti.responsabile_trasparenza.nome
        if d.anagrafica.soggetti.responsabile_trasparenza is not None
        else "nessuno: un unico RPCT"
    ),
    "misure.programmate": lambda d: len(d.misure),
    "misure.generali": lambda d: sum(m.tipo == "generale" for m in d.misure),
    "misure.specifiche": lambda d: sum(m.tipo == "specifica" for m in d.misure),
    **{f"misure.{s}": _contatore(s) for s in (*STATI, "senza_stato")},
    "processi": lambda d: len(d.rischi.processi) if d.rischi is not None else None,
}
"""The computed sources (`calcolo:<nome>`)."""


def _formatta(valore: object) -> str | None:
    if valore is None or valore in ({}, [], ""):
        return None
    if isinstance(valore, bool):
        return "sì" if valore else "no"
    if isinstance(valore, int | float):
        return numero(valore)
    if isinstance(valore, Persona):
        return valore.nome
    if isinstance(valore, dict):
        return "; ".join(f"{etichetta(str(k))}: {_formatta(v)}" for k, v in valore.items())
    return str(valore)


def _campo(radice: object, percorso: list[str]) -> object:
    for nome in percorso:
        if radice is None:
            return None
        radice = radice.get(nome) if isinstance(radice, dict) else getattr(radice, nome, None)
    return radice


def _generale(d: DatiRpct, quale: str) -> str:
    misure = [m for m in d.misure if m.misura_generale == quale]
    if not misure:
        return "nessuna misura della 2.3 di questo tipo"
    stati = d.stati
    return "; ".join(
        f"{m.codice} {etichetta(stati[m.codice].stato).lower()}"
        if m.codice in stati
        else f"{m.codice} senza stato"
        for m in misure
    )


ETICHETTE_TIPOLOGIA = ("piano:anagrafica.ente.tipologia",)


def valore(voce: Voce, d: DatiRpct) -> str | None:
    """The value of one row, as printed; None when the source holds nothing."""
    tipo, _, percorso = voce.fonte.partition(":")
    if tipo == "piano":
        sezione, *resto = percorso.split(".")
        grezzo = _campo(d.piano.sections.get(sezione), resto)
        if voce.fonte in ETICHETTE_TIPOLOGIA and isinstance(grezzo, str):
            grezzo = etichetta(grezzo)
    elif tipo == "fatti":
        modello: BaseModel | None = d.fatti.fatti if d.fatti is not None else None
        grezzo = _campo(modello, percorso.split("."))
    elif tipo == "generale":
        grezzo = _generale(d, percorso)
    elif tipo == "calcolo":
        grezzo = CALCOLI[percorso](d)
    else:
        raise ValueError(f"fonte sconosciuta: {voce.fonte}")
    return _formatta(grezzo)


@dataclass(frozen=True)
class Riga:
    voce: Voce
    valore: str
    fornito: bool


def righe(d: DatiRpct) -> list[Riga]:
    """Every row of `VOCI` with its value; an empty source prints NON_FORNITO."""
    out = []
    for v in VOCI:
        testo = valore(v, d)
        out.append(Riga(v, testo if testo is not None else NON_FORNITO, testo is not None))
    return out


def fonte_leggibile(fonte: str, anno: int) -> str:
    """The source as the workbook's column «Fonte» states it."""
    tipo, _, percorso = fonte.partition(":")
    if tipo == "piano":
        sezione, _, campo = percorso.partition(".")
        return f"{sezione}.yaml › {campo}"
    if tipo == "fatti":
        return f"monitoraggio/rpct-{anno}.yaml › {percorso}"
    if tipo == "generale":
        return (
            f"rischi_corruttivi.yaml (misura_generale: {percorso}) + stato nel file di monitoraggio"
        )
    return f"calcolato da piao ({percorso})"
