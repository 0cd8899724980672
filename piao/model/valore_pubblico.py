"""Sottosezione 2.1 Valore pubblico (`valore_pubblico.yaml`), art. 3 c.1 lett. a DM 132/2022.

Public-value objectives linked to the mandate lines and to the DUP (the programme
architecture: mandate lines → SeS strategic objectives → SeO operational objectives, many
to many) and to missioni/programmi of D.Lgs. 118/2011; the internal «salute» objectives of
the DFP framework; an optional SWOT; EU/PNRR-funded interventions; actions for full physical
and digital accessibility for citizens over 65 and with disabilities; procedures to simplify
and re-engineer; energy-saving objectives (circ. DFP 2/2022).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from piao.model.base import (
    Codice,
    CodiceObiettivo,
    CodiceProcesso,
    CodiceUnita,
    Data,
    Importo,
    Indicatore,
    Modello,
    NonNegativo,
    Testo,
    Url,
    riferimento,
)

Missione = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}$")]
Programma = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")]

CodiceLinea = Annotated[Codice, riferimento("la linea programmatica", "LineaProgrammatica")]
"""The code of a mandate line of `architettura_programmatica`."""
CodiceObiettivoStrategico = Annotated[
    Codice, riferimento("l'obiettivo strategico del DUP", "ObiettivoStrategicoDup")
]
"""The code of a DUP strategic objective (SeS) of `architettura_programmatica`."""
CodiceObiettivoOperativo = Annotated[
    Codice, riferimento("l'obiettivo operativo del DUP", "ObiettivoOperativoDup")
]
"""The code of a DUP operational objective (SeO) of `architettura_programmatica`."""

Cup = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{15}$")]
"""Codice unico di progetto: 15 letters and digits."""

DimensioneValore = Literal[
    "economica",
    "sociale",
    "educativa",
    "assistenziale",
    "ambientale",
    "sanitaria",
    "culturale",
    "salute_organizzativa",
]


class LineaProgrammatica(Modello):
    """Una linea programmatica del mandato (art. 46 c.3 TUEL)."""

    codice: Codice
    titolo: Testo
    """Titolo della linea (es. «Città democratica e partecipativa»)."""
    descrizione: Testo | None = None
    """Le azioni e i progetti che la linea prevede."""


class ObiettivoStrategicoDup(Modello):
    """Un obiettivo strategico della Sezione strategica (SeS) del DUP."""

    codice: Codice
    titolo: Testo
    """Titolo dell'obiettivo strategico, come nel DUP."""
    linee_programmatiche: list[CodiceLinea] = []
    """Codici delle linee programmatiche di mandato che l'obiettivo sviluppa (anche più di una)."""
    missione: Missione | None = None
    """Missione di bilancio dell'obiettivo (due cifre tra virgolette, es. "01")."""


class ObiettivoOperativoDup(Modello):
    """Un obiettivo operativo della Sezione operativa (SeO) del DUP."""

    codice: Codice
    titolo: Testo
    """Titolo dell'obiettivo operativo, come nel DUP."""
    obiettivi_strategici: list[CodiceObiettivoStrategico] = []
    """Codici degli obiettivi strategici (SeS) che l'obiettivo attua (anche più di uno)."""
    missione: Missione | None = None
    """Missione di bilancio (due cifre tra virgolette, es. "01")."""
    programma: Programma | None = None
    """Programma di bilancio (quattro cifre tra virgolette, es. "0111")."""
    responsabile_politico: Testo | None = None
    """Assessore o consigliere con la delega (es. «Assessora al patrimonio»)."""


class ArchitetturaProgrammatica(Modello):
    """Dal programma di mandato al DUP: linee programmatiche, obiettivi strategici (SeS) e
    obiettivi operativi (SeO), collegati tra loro anche con più legami."""

    mandato: Testo | None = None
    """Periodo del mandato (es. «2024-2029»)."""
    linee_programmatiche: list[LineaProgrammatica] = []
    """Linee programmatiche di mandato, con un codice (es. LM-01)."""
    obiettivi_strategici: list[ObiettivoStrategicoDup] = []
    """Obiettivi strategici della Sezione strategica del DUP, con le linee che sviluppano."""
    obiettivi_operativi: list[ObiettivoOperativoDup] = []
    """Obiettivi operativi della Sezione operativa del DUP, con gli obiettivi strategici che attuano."""


class CollegamentoDup(Modello):
    """Il collegamento con il Documento unico di programmazione e il bilancio."""

    obiettivo_strategico: Testo | None = None
    """Obiettivo strategico della Sezione strategica (SeS) del DUP, per esteso."""
    obiettivo_operativo: Testo | None = None
    """Obiettivo operativo della Sezione operativa (SeO) del DUP, per esteso."""
    obiettivi_strategici: list[CodiceObiettivoStrategico] = []
    """Codici degli obiettivi strategici (SeS) di architettura_programmatica."""
    obiettivi_operativi: list[CodiceObiettivoOperativo] = []
    """Codici degli obiettivi operativi (SeO) di architettura_programmatica."""
    missione: Missione | None = None
    """Missione di bilancio (D.Lgs. 118/2011, due cifre tra virgolette, es. "01")."""
    programma: Programma | None = None
    """Programma di bilancio (quattro cifre tra virgolette: missione + programma, es. "0111")."""


class ObiettivoValorePubblico(Modello):
    """Un obiettivo di valore pubblico: l'aumento del benessere atteso per cittadini e imprese."""

    codice: Codice
    titolo: Testo
    """Titolo breve dell'obiettivo."""
    descrizione: Testo | None = None
    """Il benessere atteso, per chi e entro quando."""
    linee_programmatiche: list[CodiceLinea] = []
    """Codici delle linee programmatiche di mandato a cui l'obiettivo dà attuazione."""
    dup: CollegamentoDup | None = None
    """Collegamento con il DUP e con missione e programma di bilancio."""
    responsabile_politico: Testo | None = None
    """Responsabile politico: sindaco, assessore o consigliere con la delega (es. «Assessore al bilancio e al patrimonio»)."""
    unita_responsabile: CodiceUnita | None = None
    """Responsabile amministrativo: codice dell'unità organizzativa che coordina l'attuazione (organizzazione.yaml)."""
    dimensioni: list[DimensioneValore] = []
    """Dimensioni del benessere interessate (economica, sociale, ambientale...)."""
    portatori_di_interesse: list[Testo] = []
    """Destinatari e portatori di interesse (stakeholder)."""
    sdg: list[Annotated[int, Field(ge=1, le=17)]] = []
    """Obiettivi di sviluppo sostenibile dell'Agenda 2030 collegati (numeri da 1 a 17)."""
    bes: list[Testo] = []
    """Domini del Benessere equo e sostenibile (ISTAT) collegati."""
    processi: list[CodiceProcesso] = []
    """Codici dei processi mappati in rischi_corruttivi.yaml che concorrono all'obiettivo."""
    indicatori: list[Indicatore] = []
    """Indicatori di impatto o di outcome, con valore di partenza e target."""


AmbitoSalute = Literal["organizzativa", "professionale", "digitale", "economico_finanziaria"]


class ObiettivoSalute(Modello):
    """Un obiettivo di salute dell'amministrazione (valore pubblico interno): la condizione
    organizzativa, professionale, digitale o economico-finanziaria che rende possibile il
    valore pubblico per cittadini e imprese."""

    codice: Codice
    titolo: Testo
    """Titolo breve dell'obiettivo."""
    descrizione: Testo | None = None
    """La condizione da raggiungere e perché serve al valore pubblico esterno."""
    dimensione: AmbitoSalute
    """Dimensione della salute: organizzativa, professionale, digitale o economico_finanziaria."""
    unita_responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile (organizzazione.yaml)."""
    indicatori: list[Indicatore] = []
    """Indicatori di salute, con valore di partenza e target (es. tempi di pagamento, ore di formazione)."""


class AnalisiSwot(Modello):
    """Analisi SWOT: punti di forza e di debolezza dell'ente, opportunità e minacce del contesto."""

    punti_di_forza: list[Testo] = []
    """Punti di forza interni."""
    punti_di_debolezza: list[Testo] = []
    """Punti di debolezza interni."""
    opportunita: list[Testo] = []
    """Opportunità del contesto esterno."""
    minacce: list[Testo] = []
    """Minacce del contesto esterno."""


MissionePnrr = Annotated[str, StringConstraints(pattern=r"^M[1-7]$")]
ComponentePnrr = Annotated[str, StringConstraints(pattern=r"^C[1-9]$")]
MisuraPnrrCodice = Annotated[str, StringConstraints(pattern=r"^[IR]?[0-9]+(\.[0-9]+)*[a-z]?$")]


class MisuraPnrr(Modello):
    """Una misura del Piano nazionale di ripresa e resilienza: missione, componente, investimento o riforma."""

    missione: MissionePnrr
    """Missione, da M1 a M7 (es. "M1")."""
    componente: ComponentePnrr | None = None
    """Componente (es. "C1")."""
    misura: MisuraPnrrCodice | None = None
    """Investimento (I) o riforma (R), come nel PNRR (es. "I1.4.1", "1.4.1", "R1.2")."""
    denominazione: Testo | None = None
    """Nome della misura (es. «Esperienza del cittadino nei servizi pubblici»)."""


class InterventoFinanziato(Modello):
    """Un intervento finanziato dal PNRR o da altri fondi europei o nazionali."""

    codice: Codice
    titolo: Testo
    """Titolo dell'intervento."""
    finanziamento: Testo | None = None
    """Fonte del finanziamento (es. «PNRR», «PNC», «FESR 2021-2027»)."""
    misura_pnrr: MisuraPnrr | None = None
    """Misura del PNRR, per gli interventi che ne sono finanziati."""
    importo: Importo | None = None
    """Importo finanziato, in euro."""
    cup: Cup | None = None
    """Codice unico di progetto (CUP), 15 caratteri."""
    unita_responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile dell'intervento."""
    scadenza: Data | None = None
    """Termine di conclusione dell'intervento."""
    obiettivi_collegati: list[CodiceObiettivo] = []
    """Codici degli obiettivi di valore pubblico, di salute o di performance a cui l'intervento concorre."""


class AzioneAccessibilita(Modello):
    """Un'azione per la piena accessibilità, fisica o digitale (art. 3 c.1 lett. a n. 2 DM 132/2022)."""

    codice: Codice
    azione: Testo
    """Che cosa si fa."""
    destinatari: list[Literal["over65", "persone_con_disabilita"]] = []
    """Per chi: cittadini ultrasessantacinquenni e/o con disabilità."""
    tipo: Literal["fisica", "digitale"]
    """Accessibilità fisica (luoghi) o digitale (servizi e siti)."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile."""
    scadenza: Data | None = None
    """Termine di realizzazione."""
    indicatore: Testo | None = None
    """Come si misura la realizzazione."""
    valore_atteso: Testo | None = None
    """Risultato atteso."""


class ObiettiviAccessibilitaAgid(Modello):
    """Gli obiettivi di accessibilità pubblicati sul sito AgID (art. 9 c.7 DL 179/2012)."""

    anno: Annotated[int, Field(ge=2000, le=2100)]
    """Anno degli obiettivi."""
    data_pubblicazione: Data | None = None
    """Data di pubblicazione (entro il 31 marzo)."""
    url: Url | None = None
    """Indirizzo degli obiettivi pubblicati."""


class ProceduraSemplificazione(Modello):
    """Una procedura da semplificare o reingegnerizzare (art. 6 c.2 lett. e DL 80/2021)."""

    codice: Codice
    procedura: Testo
    """Nome della procedura o del procedimento."""
    intervento: Literal[
        "semplificazione",
        "reingegnerizzazione",
        "digitalizzazione",
        "eliminazione",
        "riduzione_tempi",
    ]
    """Tipo di intervento."""
    descrizione: Testo | None = None
    """In che cosa consiste l'intervento."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile."""
    scadenza: Data | None = None
    """Termine dell'intervento."""
    tempi_attuali_giorni: NonNegativo | None = None
    """Tempo medio attuale di conclusione, in giorni."""
    tempi_obiettivo_giorni: NonNegativo | None = None
    """Tempo di conclusione atteso dopo l'intervento, in giorni."""
    consultazione_utenti: bool = False
    """Se l'intervento è progettato anche consultando gli utenti."""


class ObiettivoRisparmioEnergetico(Modello):
    """Un obiettivo di risparmio energetico (circolare DFP 2/2022)."""

    codice: Codice
    titolo: Testo
    """Titolo dell'obiettivo."""
    descrizione: Testo | None = None
    """Interventi previsti."""
    responsabile: CodiceUnita | None = None
    """Codice dell'unità organizzativa responsabile."""
    indicatori: list[Indicatore] = []
    """Indicatori (es. consumi in kWh) con target annuali."""


class ValorePubblico(Modello):
    """Sottosezione 2.1 Valore pubblico."""

    introduzione: Testo | None = None
    """Testo introduttivo: strategia e collegamento con le linee di mandato e il DUP."""
    architettura_programmatica: ArchitetturaProgrammatica | None = None
    """Linee programmatiche di mandato e obiettivi strategici e operativi del DUP che gli obiettivi richiamano per codice."""
    swot: AnalisiSwot | None = None
    """Analisi SWOT del contesto (facoltativa)."""
    obiettivi: list[ObiettivoValorePubblico] = []
    """Obiettivi di valore pubblico."""
    salute: list[ObiettivoSalute] = []
    """Obiettivi di salute dell'amministrazione (valore pubblico interno): organizzativa, professionale, digitale, economico-finanziaria."""
    interventi_finanziati: list[InterventoFinanziato] = []
    """Interventi finanziati dal PNRR o da altri fondi europei, con CUP e importo."""
    accessibilita: list[AzioneAccessibilita] = []
    """Azioni per la piena accessibilità fisica e digitale per over 65 e persone con disabilità."""
    obiettivi_accessibilita_agid: ObiettiviAccessibilitaAgid | None = None
    """Obiettivi di accessibilità dell'anno pubblicati tramite AgID."""
    semplificazione: list[ProceduraSemplificazione] = []
    """Procedure da semplificare e reingegnerizzare."""
    motivazione_semplificazione: Testo | None = None
    """Se non ci sono procedure da semplificare, perché."""
    risparmio_energetico: list[ObiettivoRisparmioEnergetico] = []
    """Obiettivi di risparmio energetico."""
