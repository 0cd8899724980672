"""`piao monitoraggio init`: the empty file of a period, from the plan — every indicator with
a target in the period's year, every 2.3 measure, the hires, courses and positive actions of
the year, each under its code with «da compilare» where the office writes and an Italian
comment saying what the plan expects; in the file of a whole year, the facts of the Relazione
sulla performance (`relazione:`, piao.model.relazione)."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

from piao.fsutil import atomic_write_text
from piao.lingua import dell_ente
from piao.model.base import DA_VERIFICARE, PLACEHOLDERS, Indicatore
from piao.model.fabbisogni_personale import Assunzione, FabbisogniPersonale
from piao.model.formazione import Corso, Formazione
from piao.model.pari_opportunita import AzionePositiva
from piao.model.periodo import PeriodoMonitoraggio, periodo_da_nome
from piao.model.rischi_corruttivi import Misura
from piao.periodi.piano import SCHEMA, PeriodoError, PianoLetto, file_periodo, leggi_piano
from piao.periodi.soddisfazione import indicatori_collegati, rilevazioni

DA_COMPILARE = PLACEHOLDERS[0]
_SPAZI = re.compile(r"\s+")


def crea_periodo(folder: Path, nome: str, *, sovrascrivi: bool = False) -> Path:
    """Write the empty file of period `nome` into the plan's monitoraggio folder; never over
    an existing file unless `sovrascrivi`."""
    periodo = periodo_da_nome(nome)
    piano = leggi_piano(folder)
    anagrafica = piano.anagrafica
    if anagrafica is None:
        raise PeriodoError(
            f"la scheda anagrafica del piano «{folder}» manca o ha errori: correggerla "
            f"(piao check {folder}), poi ripetere il comando"
        )
    anni = piano.anni
    if anni is not None and periodo.anno not in anni:
        raise PeriodoError(
            f"il periodo {periodo.nome} è fuori dal triennio del piano "
            f"({anni.start}-{anni.stop - 1})"
        )
    path = file_periodo(folder, periodo.nome)
    if path.exists() and not sovrascrivi:
        raise PeriodoError(
            f"il file «{path}» esiste già: piao non lo sovrascrive (per ricrearlo da capo, "
            "con i dati scritti persi, aggiungere --sovrascrivi)"
        )
    ente = anagrafica.ente.denominazione
    titolo = f"PIAO {anagrafica.triennio.da}-{anagrafica.triennio.a} {dell_ente(ente)}"
    atomic_write_text(path, testo_periodo(piano, periodo, titolo))
    return path


def testo_periodo(piano: PianoLetto, periodo: PeriodoMonitoraggio, titolo: str) -> str:
    """The text of the empty period file."""
    righe = [
        f"# yaml-language-server: $schema=../../../../schemas/{SCHEMA}.schema.json",
        f"# Monitoraggio del {_riga(titolo)} — {periodo.descrizione}",
        f"# (dal {periodo.inizio:%d/%m/%Y} al {periodo.fine:%d/%m/%Y}).",
        "# Creato con «piao monitoraggio init»: al posto di ogni «da compilare» scrivere ciò che",
        "# è stato misurato o fatto nel periodo. Un valore che non si è potuto misurare si",
        "# spiega con «non_rilevato: <motivo>» al posto di «valore». Ogni dato può avere anche",
        "# «evidenze» (indirizzi web, o file con il percorso dalla cartella del piano),",
        "# «controllo» (il controllo interno che lo ha prodotto, art. 147 ss. TUEL:",
        "# regolarita_amministrativa_e_contabile, di_gestione, strategico,",
        "# equilibri_finanziari, societa_partecipate, qualita_dei_servizi) e «note».",
        "# Numeri col punto per i decimali e senza separatore delle migliaia: 6000, 12.5.",
        f"# Poi: piao monitoraggio check <cartella del piano> --periodo {periodo.nome}",
        "",
        "compilazione:",
        f"  ufficio: {DA_COMPILARE}  # chi ha raccolto i dati (es. Controllo di gestione)",
        f"  data: {DA_COMPILARE}  # AAAA-MM-GG",
        "",
    ]
    righe += _indicatori(piano, periodo)
    righe += _misure(piano)
    righe += _assunzioni(piano, periodo)
    righe += _cessazioni(piano, periodo)
    righe += _formazione(piano, periodo)
    righe += _lavoro_agile(piano)
    righe += _azioni(piano, periodo)
    righe += _soddisfazione(piano)
    righe += _relazione(periodo)
    righe += [
        "# Rettifiche: un raggiungimento riconosciuto diverso da quello calcolato, per codice",
        "# dell'indicatore o dell'obiettivo, con il motivo e chi l'ha approvata, es.:",
        "#   OBP-01: {percentuale: 80, motivo: ..., approvata_da: Nucleo di valutazione}",
        "rettifiche: {}",
    ]
    return "\n".join(righe) + "\n"


def _indicatori(piano: PianoLetto, periodo: PeriodoMonitoraggio) -> list[str]:
    titoli = {
        (o.file, o.path): o for o in piano.tutti(*_OBIETTIVI) if getattr(o.model, "titolo", None)
    }
    voci: list[str] = []
    da_rilevazioni = indicatori_collegati(piano)
    for o in piano.tutti("Indicatore"):
        ind = o.model
        assert isinstance(ind, Indicatore)
        target = ind.target.get(periodo.anno)
        if target is None and ind.target_triennio is None:
            continue
        if ind.codice in da_rilevazioni:
            voci.append(
                f"  # {ind.codice} ({_riga(ind.descrizione, 60)}): il valore è l'indice della "
                f"rilevazione {da_rilevazioni[ind.codice]}, sotto «soddisfazione»"
            )
            continue
        obiettivo = next(
            (
                titoli[o.file, o.path[:i]]
                for i in range(len(o.path) - 1, 0, -1)
                if (o.file, o.path[:i]) in titoli
            ),
            None,
        )
        if obiettivo is not None:
            voci.append(
                f"  # {obiettivo.codice} «{_riga(getattr(obiettivo.model, 'titolo', ''), 80)}»"
            )
        misura = f" ({_riga(ind.unita_misura, 30)})" if ind.unita_misura else ""
        voci.append(f"  # {_riga(ind.descrizione)}{misura}")
        attese = [
            f"target {periodo.anno}: {_valore(target)}"
            if target is not None
            else f"target del triennio: {_valore(ind.target_triennio)}"
        ]
        if ind.polarita:
            attese.append(f"verso {ind.polarita}")
        if ind.baseline is not None:
            attese.append(f"partenza {ind.baseline.anno}: {_valore(ind.baseline.valore)}")
        voci.append(f"  # {'; '.join(attese)}")
        voci += [
            f"  {ind.codice}:",
            f"    valore: {DA_COMPILARE}",
            f"    data: {DA_COMPILARE}  # data della misurazione, AAAA-MM-GG",
            f"    fonte: {_testo(ind.fonte) if ind.fonte else DA_COMPILARE}",
        ]
    return _gruppo(
        "indicatori",
        "Valori degli indicatori con un target per il "
        f"{periodo.anno} (valore pubblico, performance e altre sezioni).",
        voci,
        f"Il piano non ha indicatori con un target per il {periodo.anno}.",
    )


_OBIETTIVI = (
    "ObiettivoValorePubblico",
    "ObiettivoSalute",
    "ObiettivoPerformance",
    "ObiettivoConIndicatori",
    "AzionePositiva",
)


def _misure(piano: PianoLetto) -> list[str]:
    voci: list[str] = []
    for o in piano.tutti("Misura"):
        m = o.model
        assert isinstance(m, Misura)
        voci.append(f"  # {_riga(m.titolo)} (misura {m.tipo})")
        if m.indicatore:
            atteso = f"; valore atteso: {_valore(m.valore_atteso)}" if m.valore_atteso else ""
            voci.append(f"  # indicatore: {_riga(m.indicatore, 80)}{atteso}")
        voci += [
            f"  {m.codice}:",
            f"    stato: {DA_COMPILARE}  # attuata, parzialmente_attuata, in_corso, non_attuata",
            f"    data: {DA_COMPILARE}  # data della verifica, AAAA-MM-GG",
        ]
    return _gruppo(
        "misure",
        "Stato di attuazione delle misure di prevenzione (2.3). Per una misura non attuata o "
        "attuata in parte scrivere anche «motivo»; «valore_rilevato» per il suo indicatore.",
        voci,
        "Il piano non ha misure di prevenzione (rischi_corruttivi.yaml).",
    )


def _assunzioni(piano: PianoLetto, periodo: PeriodoMonitoraggio) -> list[str]:
    voci: list[str] = []
    for o in piano.tutti("Assunzione"):
        a = o.model
        assert isinstance(a, Assunzione)
        if a.anno not in (periodo.anno, "triennio"):
            continue
        quando = "nel triennio" if a.anno == "triennio" else f"nel {a.anno}"
        chi = ", ".join(str(x) for x in (a.area, a.profilo) if x)
        voci += [
            f"  # previste {quando}: {a.numero}{f' ({_riga(chi, 80)})' if chi else ''}",
            f"  {a.codice}:",
            f"    effettuate: {DA_COMPILARE}  # posti coperti nel periodo; se 0, scrivere «motivo»",
        ]
    return _gruppo(
        "assunzioni",
        "Assunzioni effettuate nel periodo, per codice dell'assunzione programmata (3.3).",
        voci,
        f"Il piano non programma assunzioni per il {periodo.anno}.",
    )


def _cessazioni(piano: PianoLetto, periodo: PeriodoMonitoraggio) -> list[str]:
    fp = piano.sections.get("fabbisogni_personale")
    previste = (
        sum(c.numero for c in fp.cessazioni if c.anno == periodo.anno)
        if isinstance(fp, FabbisogniPersonale)
        else 0
    )
    return [
        f"# Cessazioni avvenute nel periodo (il piano ne prevede {previste} nel {periodo.anno}):",
        "# un elemento per ciascuna, es.:",
        "#   - {data: 2026-03-31, area: istruttori, numero: 1, motivo: pensionamento}",
        "cessazioni: []",
        "",
    ]


def _formazione(piano: PianoLetto, periodo: PeriodoMonitoraggio) -> list[str]:
    fo = piano.sections.get("formazione")
    if not isinstance(fo, Formazione):
        return []
    voci: list[str] = []
    for o in piano.tutti("Corso"):
        c = o.model
        assert isinstance(c, Corso)
        if c.anno not in (None, periodo.anno):
            continue
        previsti = f", {c.partecipanti} partecipanti previsti" if c.partecipanti else ""
        voci += [
            f"    # {_riga(c.titolo, 80)} — {_valore(c.ore)} ore per partecipante{previsti}",
            f"    {c.codice}:",
            f"      ore: {DA_COMPILARE}  # ore erogate per partecipante",
            f"      partecipanti: {DA_COMPILARE}",
        ]
    righe = ["# Formazione erogata nel periodo (3.3), per codice del corso.", "formazione:"]
    righe += ["  corsi:", *voci] if voci else ["  corsi: {}"]
    prevista = fo.ore_pro_capite.get(periodo.anno)
    if prevista is not None:
        righe.append(
            f"  ore_pro_capite: {DA_COMPILARE}  # dall'inizio dell'anno; "
            f"previste per il {periodo.anno}: {_valore(prevista)}"
        )
    return [*righe, ""]


def _lavoro_agile(piano: PianoLetto) -> list[str]:
    if "lavoro_agile" not in piano.sections:
        return []
    return [
        "# Lavoro agile nel periodo (3.2).",
        "lavoro_agile:",
        f"  accordi: {DA_COMPILARE}  # accordi individuali in vigore alla fine del periodo",
        f"  giornate: {DA_COMPILARE}  # giornate di lavoro agile svolte nel periodo",
        "",
    ]


def _azioni(piano: PianoLetto, periodo: PeriodoMonitoraggio) -> list[str]:
    voci: list[str] = []
    for o in piano.tutti("AzionePositiva"):
        a = o.model
        assert isinstance(a, AzionePositiva)
        if a.scadenza is not None and a.scadenza < periodo.inizio:
            continue
        termine = f" (termine {a.scadenza:%d/%m/%Y})" if a.scadenza else ""
        voci += [
            f"  # {_riga(a.titolo)}{termine}",
            f"  {a.codice}:",
            f"    stato: {DA_COMPILARE}  # attuata, parzialmente_attuata, in_corso, non_attuata",
        ]
    return _gruppo(
        "azioni_positive",
        "Stato delle azioni del Piano di azioni positive.",
        voci,
        "Il piano non ha azioni positive in corso nel periodo.",
    )


def _soddisfazione(piano: PianoLetto) -> list[str]:
    voci: list[str] = []
    for r in rilevazioni(piano):
        servizi = f"; servizi: {', '.join(r.servizi)}" if r.servizi else ""
        voci.append(f"  # {_riga(r.strumento + servizi)}")
        if r.indicatori:
            voci.append(
                f"  # ne viene il valore di {', '.join(r.indicatori)}: non scriverlo sotto "
                "«indicatori»"
            )
        voci += [
            f"  {r.codice}:",
            f"    data: {DA_COMPILARE}  # chiusura della rilevazione, AAAA-MM-GG",
            f"    risultati: {DA_COMPILARE}  # un elemento per servizio e canale, come sopra",
        ]
    if not voci:
        return ["# Il piano non dichiara rilevazioni della soddisfazione (monitoraggio.yaml).", ""]
    return [
        "# Risultati delle rilevazioni della soddisfazione degli utenti (sezione 4), per codice",
        "# della rilevazione. Un elemento per servizio e canale (sportello, telefono, web...):",
        "# a emoticon, come «Mettiamoci la faccia»:",
        "#   - {servizio: Anagrafe, canale: sportello, positivo: 120, sufficiente: 30,",
        "#      negativo: 6, motivi_insoddisfazione: {tempi di attesa: 4}, contatti: 900}",
        "# oppure a questionario, con la scala di ogni domanda:",
        "#   - servizio: Mensa scolastica",
        "#     canale: web",
        "#     rispondenti: 210",
        "#     contatti: 640  # utenti invitati: per il tasso di risposta",
        "#     domande:",
        "#       - {domanda: Qualità dei pasti, dimensione: efficacia, scala_min: 1,",
        "#          scala_max: 5, media: 3.9, risposte: 205}",
        "# Le fasi svolte della valutazione partecipativa (Linee guida DFP n. 4/2019, da 5.1",
        "# a 5.7) vanno in «valutazione_partecipativa: [{fase: '5.1', data: ..., nota: ...}]».",
        "soddisfazione:",
        *voci,
        "",
    ]


def _relazione(periodo: PeriodoMonitoraggio) -> list[str]:
    """The facts of the Relazione sulla performance (piao.model.relazione.DatiRelazione):
    only in the file of a whole year (rule MP017)."""
    if periodo.frazione is not None:
        return []
    dopo = periodo.anno + 1
    return [
        "# I fatti della Relazione sulla performance dell'anno che il piano e i valori non",
        "# contengono (piao relazione). Approvata dalla Giunta e validata dall'OIV o dal Nucleo",
        f"# di valutazione entro il 30/06/{dopo} (art. 10 c.1 lett. b e art. 14 c.4 lett. c",
        "# D.Lgs. 150/2009). Le valutazioni individuali solo in forma aggregata: mai un nome.",
        "relazione:",
        f"  presentazione: {DA_COMPILARE}  # il contesto dell'anno, i risultati principali",
        "  # La deliberazione della Giunta e la validazione, quando ci sono (per la Relazione",
        "  # da portare in Giunta, togliere le loro righe):",
        f"  approvazione: {{atto: {DA_COMPILARE}, data: {DA_COMPILARE}}}",
        "  validazione:",
        f"    organismo: {DA_COMPILARE}  # es. Nucleo di valutazione",
        f"    data: {DA_COMPILARE}  # AAAA-MM-GG",
        f"    atto: {DA_COMPILARE}  # es. Verbale n. 5/{dopo}",
        f"    esito: {DA_COMPILARE}  # validata, validata_con_osservazioni, non_validata",
        "  # Per un ente locale che la unifica al rendiconto della gestione (art. 10 c.1-bis):",
        "  #   rendiconto: {atto: Deliberazione del Consiglio comunale n. ..., data: AAAA-MM-GG}",
        "  # Obiettivi individuali per ruolo (dirigenti, posizioni_eq, segretario, personale):",
        "  #   - {ruolo: posizioni_eq, persone: 11, obiettivi: 33, obiettivi_performance: [OBP-01]}",
        "  obiettivi_individuali: []",
        "  # Valutazioni finali: per ruolo e fascia, quante persone:",
        '  #   - {ruolo: posizioni_eq, fascia: "95-100", numero: 4}',
        "  valutazioni: []",
        "  # Risorse per codice dell'obiettivo di performance o dell'unità organizzativa:",
        "  #   OBP-03: {stanziate: 155000, impegnate: 121500}",
        "  risorse: {}",
        "  # Bilancio di genere, se l'ente lo ha:",
        "  #   - {voce: Personale in servizio al 31/12, donne: 89, uomini: 63, unita_misura: numero}",
        "  bilancio_genere: []",
        "",
    ]


def _gruppo(chiave: str, spiegazione: str, voci: list[str], vuoto: str) -> list[str]:
    if not voci:
        return [f"# {vuoto}", ""]
    return [*(f"# {r}" for r in textwrap.wrap(spiegazione, 88)), f"{chiave}:", *voci, ""]


def _riga(testo: str, limite: int = 100) -> str:
    """A text on one comment line: spaces collapsed, cut with «…» past `limite`."""
    testo = _SPAZI.sub(" ", testo).strip()
    return testo if len(testo) <= limite else testo[: limite - 1].rstrip() + "…"


def _valore(valore: Any) -> str:
    """A value of the plan as a comment shows it: 15 not 15.0."""
    if isinstance(valore, float) and valore.is_integer():
        return str(int(valore))
    if isinstance(valore, str):
        if valore.lower().startswith(DA_VERIFICARE):
            return _riga(valore, 40)
        return f"«{_riga(valore, 40)}»"
    return str(valore)


def _testo(testo: str) -> str:
    """A text of the plan as a YAML value: double-quoted, on one line."""
    return json.dumps(_riga(testo, 500), ensure_ascii=False)
