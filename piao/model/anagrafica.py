"""Scheda anagrafica dell'amministrazione (`anagrafica.yaml`).

The entity, its key people (officers, political organs with their delegations, the
evaluation body even when shared with other entities), the triennio, the regime (ordinary
or simplified, art. 6 DM 132/2022), the financial regime (ordinary, multi-year rebalancing,
dissesto), the link with financial programming (art. 8 DM 132/2022), the public
consultations, the adoption path and the publication (art. 6 c.4 DL 80/2021; Portale PIAO,
circ. DFP 2/2022, which keeps a version per plan). Fields the law asks for are optional here
and required by the rule catalogue, so a draft still loads and each gap is reported with
its legal basis.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from piao.model.base import (
    Anno,
    Atto,
    Codice,
    CodiceQualsiasi,
    CodiceUnita,
    Data,
    Email,
    Modello,
    NomePersona,
    NonNegativo,
    NumeroAtto,
    Persona,
    Positivo,
    Pulito,
    Testo,
    Url,
    riferimento,
)
from piao.model.regime import Regime

TipologiaEnte = Literal[
    "comune",
    "unione_di_comuni",
    "comunita_montana",
    "provincia",
    "citta_metropolitana",
    "regione",
    "azienda_sanitaria",
    "universita",
    "ente_pubblico_non_economico",
    "amministrazione_centrale",
    "altro",
]

Regione = Literal[
    "piemonte",
    "valle_d_aosta",
    "lombardia",
    "trentino_alto_adige",
    "veneto",
    "friuli_venezia_giulia",
    "liguria",
    "emilia_romagna",
    "toscana",
    "umbria",
    "marche",
    "lazio",
    "abruzzo",
    "molise",
    "campania",
    "puglia",
    "basilicata",
    "calabria",
    "sicilia",
    "sardegna",
]
"""The twenty regions (art. 131 Cost.); the same codes as piao/reference/data/regioni.csv."""

NumeroSezione = Literal["1", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4", "PAP"]
"""The numbers of the sections of the plan (`Sezione.numero` in piao/model/piano.py, which
imports this module: a test keeps the two equal)."""

Versione = Positivo | Annotated[str, StringConstraints(min_length=1, max_length=20)]
"""A version number: `2` or `"2.1"`."""

OrganoAdozione = Literal[
    "giunta", "consiglio", "presidente", "commissario", "direttore_generale", "altro"
]


class DatoAllaData(Modello):
    """Un numero riferito a una data."""

    valore: NonNegativo
    """Il valore (numero intero)."""
    al: Data
    """Data di riferimento del valore (AAAA-MM-GG)."""


class Ente(Modello):
    """I dati identificativi dell'amministrazione."""

    denominazione: Testo
    """Denominazione ufficiale (es. «Comune di Esempio»)."""
    tipologia: TipologiaEnte
    """Tipologia di ente."""
    codice_ipa: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]{2,20}$")] | None = None
    """Codice dell'ente nell'Indice dei domicili digitali della PA (IPA), es. «c_h501»."""
    codice_fiscale: Annotated[str, StringConstraints(pattern=r"^[0-9]{11}$")] | None = None
    """Codice fiscale dell'ente: 11 cifre, tra virgolette."""
    codice_istat: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")] | None = None
    """Codice ISTAT del comune (6 cifre, tra virgolette)."""
    # The region is asked, not derived from the ISTAT code: the province prefix of the code
    # changes when provinces are reorganised (Sardegna's have been, more than once) and no
    # table of the prefixes is among the verified sources, so a wrong guess could hide a
    # late plan.
    regione: Regione | None = None
    """Regione in cui ha sede l'ente: decide i termini differiti solo per alcune regioni (es. bilancio e PIAO 2026 dei comuni di Calabria, Sicilia e Sardegna)."""
    sede: Testo | None = None
    """Indirizzo della sede legale."""
    pec: Email | None = None
    """Indirizzo di posta elettronica certificata istituzionale."""
    sito: Url | None = None
    """Sito web istituzionale."""
    popolazione: DatoAllaData | None = None
    """Popolazione residente e data di riferimento (per i comuni: fascia demografica del DM 17/3/2020)."""
    dipendenti: DatoAllaData | None = None
    """Personale in servizio al 31 dicembre dell'anno precedente: determina il regime (art. 6 DM 132/2022)."""


class OrganismoValutazione(Modello):
    """L'Organismo indipendente di valutazione o il Nucleo di valutazione."""

    tipo: Literal["oiv", "nucleo_di_valutazione"]
    """OIV (art. 14 D.Lgs. 150/2009) oppure Nucleo di valutazione."""
    ufficio: Testo | None = None
    """Nome proprio dell'organismo, se ne ha uno (es. «Ufficio unico di valutazione»)."""
    forma: Literal["monocratico", "collegiale"] | None = None
    """Composizione monocratica o collegiale."""
    componenti: list[Testo] = []
    """Nomi dei componenti."""
    atto_nomina: Testo | None = None
    """Atto di nomina."""
    costituito_da: Testo | None = None
    """Se l'organismo è condiviso con altri enti, l'ente presso cui è costituito (es. «Unione dei Comuni Alta Gallura»)."""
    condiviso_con: list[Testo] = []
    """Altri enti che si avvalgono dello stesso organismo."""


class ResponsabileTrasparenza(Persona):
    """Il responsabile per la trasparenza, quando è distinto dal responsabile della prevenzione della corruzione."""

    motivazione: Testo | None = None
    """Perché la trasparenza è affidata a un responsabile distinto (la legge prevede di norma un unico RPCT)."""


CaricaPolitica = Literal[
    "sindaco", "vicesindaco", "assessore", "consigliere_delegato", "presidente", "altro"
]


class OrganoPolitico(Modello):
    """Un componente degli organi di indirizzo politico, con le sue deleghe."""

    codice: Codice
    """Codice stabile del componente (es. «SINDACO», «ASS-BILANCIO»): gli obiettivi lo richiamano come responsabile politico."""
    carica: CaricaPolitica
    """Carica (consigliere_delegato: consigliere con delega del sindaco)."""
    nome: NomePersona
    """Nome e cognome."""
    deleghe: list[Testo] = []
    """Materie delegate (es. «Bilancio», «Patrimonio», «Personale»)."""
    atto_nomina: Testo | None = None
    """Atto di nomina e di conferimento delle deleghe (es. «Decreto sindacale n. 12 del 18/06/2024»)."""


CodiceOrganoPolitico = Annotated[
    Codice, riferimento("il componente degli organi politici", "OrganoPolitico")
]
"""The code of a political organ of anagrafica.yaml (`soggetti.organi_politici`)."""


class Soggetti(Modello):
    """Le persone con ruoli previsti dalla legge."""

    legale_rappresentante: Persona | None = None
    """Legale rappresentante (per i comuni il Sindaco)."""
    organi_politici: list[OrganoPolitico] = []
    """Sindaco, assessori e consiglieri delegati con le rispettive deleghe."""
    segretario: Persona | None = None
    """Segretario comunale o generale."""
    direttore_generale: Persona | None = None
    """Direttore generale, se nominato."""
    rpct: Persona | None = None
    """Responsabile della prevenzione della corruzione e della trasparenza (art. 1 c.7 L. 190/2012); se la trasparenza ha un responsabile distinto, qui il responsabile della prevenzione della corruzione."""
    responsabile_trasparenza: ResponsabileTrasparenza | None = None
    """Responsabile per la trasparenza, solo se distinto dal responsabile della prevenzione della corruzione."""
    rasa: Persona | None = None
    """Responsabile dell'Anagrafe unica delle stazioni appaltanti (RASA)."""
    rtd: Persona | None = None
    """Responsabile per la transizione al digitale (art. 17 CAD)."""
    organismo_valutazione: OrganismoValutazione | None = None
    """OIV o Nucleo di valutazione, anche se condiviso con altri enti."""
    referente_portale_piao: Persona | None = None
    """Referente registrato sul Portale PIAO del Dipartimento della Funzione Pubblica."""


class Triennio(Modello):
    """Il periodo di validità del piano: tre anni consecutivi."""

    da: Anno
    """Primo anno del triennio (anno di adozione)."""
    a: Anno
    """Ultimo anno del triennio."""

    @model_validator(mode="after")
    def _ordinato(self) -> Triennio:
        # Schema, not a rule: a reversed triennio has no years, and every table by year
        # of the document would be empty or fail. Its length is AN005's (art. 6 c.2 DL 80/2021).
        if self.a < self.da:
            raise ValueError(
                f"Il triennio è invertito: l'ultimo anno ({self.a}) precede il primo "
                f"({self.da}); scrivere da: {self.a}, a: {self.da}, oppure correggere gli anni."
            )
        return self

    @property
    def anni(self) -> list[int]:
        return list(range(self.da, self.a + 1))

    def __str__(self) -> str:
        return f"{self.da}-{self.a}"


StatoFinanziario = Literal["ordinario", "riequilibrio_pluriennale", "dissesto"]


class RegimeFinanziario(Modello):
    """La situazione finanziaria dell'ente, quando limita la programmazione (in particolare le assunzioni)."""

    stato: StatoFinanziario
    """Ordinario, procedura di riequilibrio finanziario pluriennale (art. 243-bis TUEL) o dissesto finanziario."""
    atto: Atto | None = None
    """Atto con cui l'ente ha fatto ricorso alla procedura o ha dichiarato il dissesto (es. «Deliberazione del Consiglio comunale n. 61»)."""
    vincoli_assunzioni: Testo | None = None
    """A quale controllo o autorizzazione sono soggette le assunzioni programmate e come il piano lo rispetta."""


class TermineBilancioDifferito(Modello):
    """Il differimento di legge del termine per approvare il bilancio di previsione."""

    data: Data
    """Nuovo termine per l'approvazione del bilancio."""
    atto: Testo
    """Atto che lo dispone (es. «DM Interno 24/12/2025»)."""


class ProgrammazioneFinanziaria(Modello):
    """I documenti di programmazione finanziaria con cui il piano è coerente (art. 8 DM 132/2022)."""

    dup: Atto | None = None
    """Documento unico di programmazione: atto di approvazione."""
    nota_aggiornamento_dup: Atto | None = None
    """Nota di aggiornamento al DUP."""
    bilancio: Atto | None = None
    """Bilancio di previsione: atto di approvazione."""
    peg: Atto | None = None
    """Piano esecutivo di gestione (parte finanziaria)."""
    termine_bilancio_differito: TermineBilancioDifferito | None = None
    """Se un decreto ha differito il termine di legge del bilancio: il PIAO scade 30 giorni dopo (art. 8 c.2 DM 132/2022, lettura prevalente). Per i cicli della tabella di riferimento vale il termine della tabella, per ente e regione."""


class Delibera(Modello):
    """Gli estremi della deliberazione."""

    numero: NumeroAtto
    """Numero della deliberazione."""
    data: Data
    """Data della deliberazione."""


class Parere(Modello):
    """Un parere acquisito sul piano."""

    soggetto: Literal["nucleo_di_valutazione", "oiv", "revisori_dei_conti", "rpct", "cug", "altro"]
    """Chi ha espresso il parere."""
    data: Data
    """Data del parere."""
    esito: Literal["favorevole", "favorevole_con_osservazioni", "non_favorevole"]
    """Esito del parere."""
    riferimento: Testo | None = None
    """Protocollo o verbale."""


class ConfrontoSindacale(Modello):
    """Informazione o confronto con le organizzazioni sindacali."""

    data: Data
    """Data dell'informativa o dell'incontro."""
    modalita: Literal["informazione", "confronto"] | None = None
    """Informazione o confronto (CCNL Funzioni Locali)."""
    esito: Testo | None = None
    """Esito o sintesi."""


class Adozione(Modello):
    """L'atto con cui il piano è adottato e il percorso che lo precede."""

    organo: OrganoAdozione
    """Organo che adotta il piano (per i comuni la Giunta)."""
    delibera: Delibera | None = None
    """Numero e data della deliberazione di adozione."""
    pareri: list[Parere] = []
    """Pareri acquisiti (Nucleo di valutazione, revisori...)."""
    confronto_sindacale: ConfrontoSindacale | None = None
    """Informazione o confronto sindacale."""


class Aggiornamento(Modello):
    """Un aggiornamento del piano in corso d'anno, deliberato dopo l'adozione."""

    organo: OrganoAdozione
    """Organo che approva l'aggiornamento (per i comuni la Giunta)."""
    delibera: Delibera
    """Numero e data della deliberazione di aggiornamento."""
    sezioni: list[NumeroSezione] = []
    """Sezioni modificate, con il numero del Piano tipo tra virgolette (es. ["2.3", "3.3"]); vuoto se l'aggiornamento riguarda l'intero piano."""
    parziale: bool = False
    """Vero quando l'atto modifica solo una parte del piano senza dire quali sezioni (es. «integrato
    e parzialmente modificato il PIAO»): il documento non scrive «intero piano»."""
    motivo: Testo | None = None
    """Perché il piano è aggiornato (es. «nuove assunzioni autorizzate dopo l'adozione»)."""


class Consultazione(Modello):
    """Una consultazione pubblica sul piano o su una sua sezione."""

    oggetto: Testo
    """Che cosa è stato posto in consultazione (es. «Aggiornamento della sottosezione Rischi corruttivi e trasparenza»)."""
    sezioni: list[NumeroSezione] = []
    """Sezioni interessate, con il numero del Piano tipo tra virgolette (es. ["2.3"]); vuoto se riguarda l'intero piano."""
    promotore: Testo | None = None
    """Chi la promuove (es. «Segretario generale, RPCT», «UOA Segreteria generale»)."""
    destinatari: Testo | None = None
    """A chi è rivolta (cittadini, associazioni, organizzazioni sindacali, portatori di interesse)."""
    dal: Data | None = None
    """Inizio della consultazione, se indicato."""
    al: Data
    """Termine per presentare osservazioni e proposte."""
    canale: Testo | None = None
    """Come si partecipa (avviso sul sito, modulo online, PEC, incontro pubblico...)."""
    contributi_ricevuti: NonNegativo | None = None
    """Numero di contributi ricevuti (zero se nessuno)."""
    esito: Testo | None = None
    """Come i contributi sono stati considerati nel piano."""
    url: Url | None = None
    """Indirizzo dell'avviso."""


class DatoPubblicazione(Modello):
    """Dove e quando il piano è stato pubblicato."""

    data: Data
    """Data di pubblicazione o caricamento."""
    url: Url | None = None
    """Indirizzo della pagina."""
    ricevuta: Testo | None = None
    """Estremi della ricevuta (per il Portale PIAO)."""


class Pubblicazione(Modello):
    """La pubblicazione del piano adottato (art. 6 c.4 DL 80/2021)."""

    amministrazione_trasparente: DatoPubblicazione | None = None
    """Pubblicazione nella sezione «Amministrazione trasparente» del sito."""
    portale_piao: DatoPubblicazione | None = None
    """Caricamento sul Portale PIAO del Dipartimento della Funzione Pubblica (non vale l'invio via PEC)."""
    formati: list[Literal["pdf_a", "pdf", "docx", "odt", "html", "csv", "json", "ods"]] = []
    """Formati pubblicati: il piano in PDF/A e le tabelle in formato aperto (CSV, JSON, ODS)."""
    piani_precedenti_url: Url | None = None
    """Pagina con i PIAO degli anni precedenti, che restano pubblicati per cinque anni."""


class Deroga(Modello):
    """Una regola del catalogo che il piano non applica, con la motivazione scritta."""

    regola: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}[0-9]{3}$")]
    """Codice della regola (es. «PF004»): il rilievo resta visibile nel rapporto come derogato."""
    motivazione: Testo
    """Perché la regola non si applica a questo piano."""
    riferimento: CodiceQualsiasi | None = None
    """Se la deroga riguarda un solo oggetto, il suo codice."""


class InBreve(Modello):
    """I testi brevi che la sintesi «Il PIAO in breve» aggiunge ai numeri del piano."""

    presentazione: (
        Annotated[str, StringConstraints(min_length=1, max_length=1200), Pulito] | None
    ) = None
    """Poche righe in linguaggio semplice per cittadini e portatori di interesse: che cosa
    l'amministrazione vuole ottenere nel triennio (al massimo 1.200 caratteri). Se manca, la
    sintesi si apre con una frase generata dal piano."""
    punti_chiave: Annotated[list[Testo], Field(max_length=6)] = []
    """Fino a sei impegni da mettere in evidenza, una frase ciascuno (es. «Tutti i servizi
    anagrafici prenotabili online entro il 2027»)."""


class Anagrafica(Modello):
    """Scheda anagrafica dell'amministrazione (Sezione 1 del PIAO)."""

    ente: Ente
    """Dati identificativi dell'ente."""
    soggetti: Soggetti = Soggetti()
    """Persone con ruoli previsti dalla legge."""
    triennio: Triennio
    """Triennio di riferimento del piano."""
    regime: Regime
    """Ordinario (più di 50 dipendenti) o semplificato (meno di 50, art. 6 DM 132/2022)."""
    motivazione_regime: Testo | None = None
    """Motivazione della scelta del regime: obbligatoria con esattamente 50 dipendenti."""
    regime_finanziario: RegimeFinanziario | None = None
    """Regime finanziario dell'ente, se diverso dall'ordinario: piano di riequilibrio pluriennale o dissesto, con l'atto e i vincoli sulle assunzioni."""
    versione: Versione | None = None
    """Numero di versione del piano, come sul Portale PIAO (che conserva una versione per ogni caricamento): 1 per il piano adottato, poi 2, 3... dopo ogni aggiornamento."""
    programmazione_finanziaria: ProgrammazioneFinanziaria = ProgrammazioneFinanziaria()
    """Documenti di programmazione finanziaria presupposto del piano (art. 8 DM 132/2022)."""
    consultazioni: list[Consultazione] = []
    """Consultazioni pubbliche sul piano o sulle sue sezioni (cittadini, associazioni, portatori di interesse); quella sulla sottosezione 2.3 può restare in «consultazione_pubblica» di rischi_corruttivi.yaml."""
    adozione: Adozione | None = None
    """Atto di adozione e percorso (vuoto finché il piano è in bozza)."""
    aggiornamenti: list[Aggiornamento] = []
    """Aggiornamenti deliberati in corso d'anno, dopo l'adozione: non sono soggetti al termine di adozione. L'aggiornamento annuale per il nuovo triennio è invece un nuovo piano."""
    pubblicazione: Pubblicazione | None = None
    """Pubblicazione del piano adottato."""
    in_breve: InBreve | None = None
    """Testi facoltativi della sintesi «Il PIAO in breve» all'inizio del documento e della pagina web."""
    gruppo_di_lavoro: list[Persona] = []
    """Gruppo di lavoro integrato che ha redatto il piano."""
    deroghe: list[Deroga] = []
    """Regole del catalogo che il piano non applica, ciascuna con motivazione."""
    responsabile_redazione: CodiceUnita | None = None
    """Codice dell'unità organizzativa che coordina la redazione del piano."""
