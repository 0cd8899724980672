"""`piao init`: a new plan folder for the right regime, generated from the models — every
field present, an Italian guidance comment above each (its description, and the values
allowed for closed lists), «da compilare» where the office has to write."""

from __future__ import annotations

import datetime
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from piao.fsutil import atomic_write_text
from piao.lingua import dell_ente
from piao.loading.roundtrip import CommentedMap, CommentedSeq, dump_text, house_style
from piao.model import SEZIONI
from piao.model.base import PLACEHOLDERS
from piao.model.introspect import members
from piao.model.regime import SOGLIA_DIPENDENTI, regime_per_dipendenti
from piao.model.walk import CampoRiferimento, campi_riferimento
from piao.sicuro import ha_controlli, terminale

DA_COMPILARE, DA_DEFINIRE = PLACEHOLDERS

# The code given to the first object of each kind in a new plan.
PREFISSI = {
    "ObiettivoValorePubblico": "VP-01",
    "ObiettivoPerformance": "OBP-01",
    "Processo": "PR-01",
    "EventoRischioso": "EV-01-1",
    "Misura": "MIS-01",
    "ObbligoTrasparenza": "TR-01",
    "Unita": "UO-01",
    "Assunzione": "ASS-01",
    "Corso": "FOR-01",
    "PrioritaFormativa": "PF-01",
    "AzionePositiva": "PO-01",
    "AzioneAccessibilita": "ACC-01",
    "ProceduraSemplificazione": "SEM-01",
    "ObiettivoRisparmioEnergetico": "EN-01",
    "InterventoOrganizzativo": "INT-01",
    "RilevazioneSoddisfazione": "CS-01",
    "OrganoPolitico": "SINDACO",
    "LineaProgrammatica": "LM-01",
    "ObiettivoStrategicoDup": "SES-01",
    "ObiettivoOperativoDup": "SEO-01",
    "ObiettivoSalute": "SAL-01",
    "InterventoFinanziato": "PNRR-01",
}
# The same model in two files gets a prefix per file, so that no code is used twice (CO001).
PREFISSI_PER_FILE = {
    ("ObiettivoConIndicatori", "lavoro_agile"): "LA-01",
    ("ObiettivoConIndicatori", "rischi_corruttivi"): "AC-01",
}
# Yearly maps keyed by the last three approved rendiconti, not by the plan years: the last
# rendiconto approved before the adoption (by 31 January of the first year) is that of two
# years before (art. 227 TUEL: approved by 30 April of the following year).
ANNI_RENDICONTO = {"CapacitaAssunzionale.entrate_correnti": (-4, -3, -2)}
# Year fields that name the last approved rendiconto, written from the triennio.
ANNO_ULTIMO_RENDICONTO = {"SpesaRendiconto.rendiconto", "Fcde.anno"}
# Fields the skeleton writes with «(facoltativo)» in their comment: no rule needs them
# (tests/test_init.py proves it: a filled plan without them gets the same findings).
FACOLTATIVI = {
    "nota_aggiornamento_dup",
    "percentuale_part_time",
    "Unita.dipendenti",
    "Assunzione.note",
    "CapacitaAssunzionale.note",
    "LimiteSpesa.note",
    "email",
    "Atto.url",
}
FACOLTATIVO = "(facoltativo)"
# Fields left out of the skeleton: optional, rarely used, or filled later by the workflow.
OMESSI = {
    "deroghe",
    "conferma",
    "consuntivo",
    # Measure checks during the year: written at monitoring time.
    "Misura.monitoraggio",
    # Updates during the year: a new plan has none yet.
    "aggiornamenti",
    # How achievements are computed: piao's conventions apply when absent (guide,
    # monitoraggio.md); a plan sets them only to depart from those.
    "Monitoraggio.raggiungimento",
    # Which indicators a survey measures: set once the plan has both (a new plan has no
    # indicator codes yet to name).
    "RilevazioneSoddisfazione.indicatori",
    "motivazione_regime",
    "motivazione_semplificazione",
    "motivazione_scostamento",
    "atto_separato",
    "motivazione_impossibilita",
    "area_rischio_descrizione",
    "unita_coinvolte",
    "collegamenti",
    "eventi",
    "obiettivi_collegati",
    "referente_portale_piao",
    "gruppo_di_lavoro",
    "metodo_valutazione",
    "descrizione_ruolo",
    "EventoRischioso.valutazione",
    "ValutazioneRischio.probabilita",
    "ValutazioneRischio.impatto",
    "ValutazioneRischio.controlli",
    "ValutazioneRischio.punteggio",
    "versione",
    "regime_finanziario",
    "Anagrafica.consultazioni",
    "direttore_generale",
    "responsabile_trasparenza",
    "ufficio",
    "costituito_da",
    "condiviso_con",
    "unita_trasversali",
    "ad_interim",
    "operativa_dal",
    "operativa_fino_al",
    "giornate_agili_max_anno",
    "stato_attuazione",
    "carte_servizi",
    "carta_servizi",
    "comando",
    "dichiarata",
    "ordine_modalita",
    "finanziamento",
    "spesa_nuove_assunzioni",
    "totali_annui",
    # The DUP link by code (architettura_programmatica) rather than written out.
    "obiettivo_strategico",
    "obiettivo_operativo",
    "swot",
    "salute",
    "interventi_finanziati",
    "ObiettivoPerformance.fasi",
    "obiettivi_individuali",
    "pnrr",
    "storico",
    "target_triennio",
    "anno_riferimento",
    "assegnatario",
    "Indicatore.peso",
    "ObiettivoPerformance.scadenza",
    "Aggiornamento.parziale",
}
"""Field names, or «Model.field» where a name is rare in one model only."""


class InitError(Exception):
    """The folder cannot be initialised (not empty, bad arguments)."""


@dataclass(frozen=True)
class Ente:
    denominazione: str
    codice_ipa: str | None
    tipologia: str
    dipendenti: int
    popolazione: int | None
    da: int


ANNI_AMMESSI = range(2000, 2098)
"""First year of a triennio init writes: a window that keeps every derived date valid
(a sanity bound for the command line, not a legal threshold)."""


def verifica_ente(ente: Ente) -> None:
    """Refuse command-line values that would break or inject into the files init writes."""
    campi = (
        ("--ente", ente.denominazione),
        ("--ipa", ente.codice_ipa or ""),
        ("--tipo", ente.tipologia),
    )
    for opzione, valore in campi:
        if ha_controlli(valore):
            raise InitError(
                f"il valore di {opzione} «{terminale(valore)}» contiene caratteri di controllo "
                "(a capo, tabulazioni o simili): scriverlo su una sola riga di testo semplice"
            )
    if not ente.denominazione.strip():
        raise InitError("il valore di --ente è vuoto: scrivere la denominazione dell'ente")
    if ente.da not in ANNI_AMMESSI:
        raise InitError(
            f"triennio {ente.da}-{ente.da + 2} non valido: scrivere tre anni consecutivi tra il "
            f"{ANNI_AMMESSI.start} e il {ANNI_AMMESSI.stop + 1}, es. 2027-2029"
        )


def _allowed(tp: Any) -> list[str]:
    out: list[str] = []
    for m in members(tp):
        if typing.get_origin(m) is Literal:
            out += [str(v) for v in typing.get_args(m)]
        elif typing.get_origin(m) is list:
            out += _allowed(typing.get_args(m)[0])
    return list(dict.fromkeys(out))


class _Scheletro:
    def __init__(self, ente: Ente) -> None:
        self.ente = ente
        self.anni = [ente.da, ente.da + 1, ente.da + 2]
        self.sezione = ""
        self.scritti: set[str] = set()

    def modello(
        self,
        model: type[BaseModel],
        codice_padre: str | None = None,
        col: int = 0,
        elemento: bool = False,
    ) -> CommentedMap:
        out = CommentedMap()
        codice = PREFISSI.get(model.__name__)
        if model.__name__ == "Indicatore":
            codice = f"{codice_padre or 'OB-01'}-I1"
        codice = PREFISSI_PER_FILE.get((model.__name__, self.sezione), codice)
        riferimenti = {c.nome: c for c in campi_riferimento(model)}
        for name, field in model.model_fields.items():
            if name in OMESSI or f"{model.__name__}.{name}" in OMESSI:
                continue
            nome = f"{model.__name__}.{name}"
            if name == "codice":
                out[name] = codice or DA_COMPILARE
            elif nome in ANNI_RENDICONTO:
                out[name] = CommentedMap(
                    (self.ente.da + d, DA_DEFINIRE) for d in ANNI_RENDICONTO[nome]
                )
                out[name].fa.set_flow_style()
            elif nome in ANNO_ULTIMO_RENDICONTO:
                out[name] = self.ente.da - 2
            elif name in riferimenti:
                out[name] = self.riferimento(riferimenti[name], model)
            elif isinstance(field.default, list) and field.default:
                out[name] = CommentedSeq(field.default)
                out[name].fa.set_flow_style()
            else:
                out[name] = self.valore(name, field.annotation, codice, col)
            commento = field.description or ""
            if (name in FACOLTATIVI or nome in FACOLTATIVI) and FACOLTATIVO not in commento:
                commento = f"{commento.rstrip('.')} {FACOLTATIVO}."
            if nome in ANNO_ULTIMO_RENDICONTO | set(ANNI_RENDICONTO):
                commento += (
                    f" Scritto per l'ultimo rendiconto approvato prima dell'adozione ({self.ente.da - 2}):"
                    " se è un altro, cambiare insieme questo anno, quello del FCDE e le entrate."
                )
            consentiti = _allowed(field.annotation)
            if consentiti:
                # «Oppure» when the closed list is the alternative to a free value (a year or «triennio»).
                primo = members(field.annotation)[0]
                parola = "Valori" if typing.get_origin(primo) in (Literal, list) else "Oppure"
                commento += f" {parola}: " + ", ".join(consentiti) + "."
            # No comment above the first key of a list item: it would push the key off the «-» line.
            if commento and not (elemento and name == next(iter(out))):
                out.yaml_set_comment_before_after_key(name, before=commento.strip(), indent=col)
        return out

    def riferimento(self, campo: CampoRiferimento, model: type[BaseModel]) -> Any:
        """The first object of the target kind, which the skeleton also writes; «da
        compilare» when the field may cite any code or an object of its own kind."""
        bersagli = campo.riferimento.bersagli
        primo = (
            PREFISSI.get(bersagli[0])
            if bersagli and model.__name__ not in bersagli and bersagli[0] in self.scritti
            else None
        )
        valore = primo or DA_COMPILARE
        if not campo.elenco:
            return valore
        seq = CommentedSeq([valore])
        seq.fa.set_flow_style()
        return seq

    def valore(self, name: str, annotation: Any, codice: str | None, col: int) -> Any:
        tp = members(annotation)[0]
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return self.modello(tp, codice, col + 2)
        if origin is list:
            item = members(typing.get_args(tp)[0])[0]
            seq = CommentedSeq()
            if isinstance(item, type) and issubclass(item, BaseModel):
                seq.append(self.modello(item, codice, col + 4, elemento=True))
            else:
                seq.append(DA_COMPILARE)
            if not (isinstance(item, type) and issubclass(item, BaseModel)):
                seq.fa.set_flow_style()
            return seq
        if origin is dict:
            mappa = CommentedMap((a, DA_DEFINIRE) for a in self.anni)
            mappa.fa.set_flow_style()
            return mappa
        return DA_COMPILARE


def _modelli(tp: Any, out: set[str]) -> None:
    """Names of the models reachable from `tp` through its fields, into `out`."""
    for m in members(tp):
        if typing.get_origin(m) in (list, dict):
            for arg in typing.get_args(m):
                _modelli(arg, out)
        elif isinstance(m, type) and issubclass(m, BaseModel) and m.__name__ not in out:
            out.add(m.__name__)
            for field in m.model_fields.values():
                _modelli(field.annotation, out)


def files_for(ente: Ente, regime: str) -> dict[str, str]:
    """File name → text of every section file the regime requires."""
    scheletro = _Scheletro(ente)
    # A reference names the first object of its kind only if the plan has its file.
    for sezione in SEZIONI:
        if regime in sezione.richiesta:
            _modelli(sezione.model, scheletro.scritti)
    out: dict[str, str] = {}
    for sezione in SEZIONI:
        if regime not in sezione.richiesta:
            continue
        scheletro.sezione = sezione.key
        data = scheletro.modello(sezione.model)
        if sezione.key == "anagrafica":
            _anagrafica(data, ente, regime)
        header = (
            f"# yaml-language-server: $schema=../../../schemas/{sezione.key}.schema.json\n"
            f"# PIAO {ente.da}-{ente.da + 2} {terminale(dell_ente(ente.denominazione))} — "
            f"{sezione.numero} "
            f"{sezione.titolo}\n"
            "# Creato con `piao init`: sostituire ogni «da compilare» e «da definire», poi `piao check`.\n\n"
        )
        out[sezione.file] = header + dump_text(house_style(data))
    return out


def _anagrafica(data: CommentedMap, ente: Ente, regime: str) -> None:
    e = data["ente"]
    e["denominazione"] = ente.denominazione
    e["tipologia"] = ente.tipologia
    if ente.codice_ipa:
        e["codice_ipa"] = ente.codice_ipa
    e["dipendenti"] = CommentedMap(
        [("valore", ente.dipendenti), ("al", datetime.date(ente.da - 1, 12, 31))]
    )
    e["dipendenti"].fa.set_flow_style()
    if ente.popolazione is not None:
        e["popolazione"]["valore"] = ente.popolazione
    data["triennio"] = CommentedMap([("da", ente.da), ("a", ente.da + 2)])
    data["triennio"].fa.set_flow_style()
    data["regime"] = regime
    if ente.dipendenti == SOGLIA_DIPENDENTI:
        data.insert(
            list(data).index("regime") + 1,
            "motivazione_regime",
            DA_COMPILARE,
            comment=f"{SOGLIA_DIPENDENTI} dipendenti: motivare la scelta del regime",
        )


def da_compilare(text: str) -> tuple[int, int]:
    """How many values of a skeleton file are still to be written, and how many of them
    are optional (the comment above says «(facoltativo)»)."""
    totale = facoltativi = 0
    commento = ""
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            commento = line
            continue
        n = sum(line.count(p) for p in PLACEHOLDERS)
        totale += n
        if FACOLTATIVO in commento:
            facoltativi += n
        commento = ""
    return totale, facoltativi


def init_plan(folder: Path, ente: Ente, regime: str | None = None) -> list[Path]:
    """Write a new plan into `folder` (which must be missing or empty)."""
    verifica_ente(ente)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InitError(
            f"la cartella «{folder}» esiste e non è vuota: piao init non sovrascrive nulla"
        )
    if regime is None:
        regime = regime_per_dipendenti(ente.dipendenti)
    written = []
    for name, text in files_for(ente, regime).items():
        atomic_write_text(folder / name, text)
        written.append(folder / name)
    return written
