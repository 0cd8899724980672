"""Sottosezione 3.3 Piano triennale dei fabbisogni di personale (`fabbisogni_personale.yaml`).

Art. 4 c.1 lett. c DM 132/2022 and art. 6 D.Lgs. 165/2001: headcount at 31/12 of the year
before by CCNL area and profile, hiring capacity inputs of DM 17/3/2020 (personnel spending,
current revenue of the last three rendiconti, FCDE), terminations, estimated evolution of
needs, planned hires, coverage strategy and surplus staff.

Real plans (research memo on issue 13, patterns 17-25) also write yearly totals without a
profile, profile totals over the whole triennio, the funding of a hire (some outside the
hiring capacity), one hire for several units, alternative or ordered hiring methods with
their legal basis and validity, a euro budget for new hires and the capacity figures they
computed themselves: the models below hold all of it.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import Field

from piao.model.base import (
    Anno,
    Codice,
    CodiceUnita,
    Data,
    Importo,
    Modello,
    NonNegativo,
    Percentuale,
    Positivo,
    Testo,
)

AreaContrattuale = Literal[
    "operatori",
    "operatori_esperti",
    "istruttori",
    "funzionari_eq",
    "dirigenti",
    "segretario",
    "categoria_a",
    "categoria_b",
    "categoria_c",
    "categoria_d",
]
"""Areas of CCNL Funzioni Locali 2019-2021 (in force from 1/4/2023), the roles outside the
comparto, and the legacy categories A-D (accepted so that a rule can flag them)."""

ModalitaAssunzione = Literal[
    "concorso",
    "mobilita",
    "scorrimento_graduatoria",
    "progressione_verticale",
    "art_110_tuel",
    "tempo_determinato",
    "stabilizzazione",
    "collocamento_mirato",
    "comando",
    "elenchi_idonei",
    "concorso_unico",
    "graduatorie_altri_enti",
    "trasformazione_tempo_pieno",
    "incremento_orario",
    "comando_in_mobilita",
    "altro",
]
"""How a post is covered. Besides the classic ways: the «interpello» on lists of suitable
candidates shared by several enti (art. 3-bis DL 80/2021), a RIPAM or single competition run
for many administrations, another ente's ranking used by agreement, a part-time contract
turned full-time or with more hours, and a secondment («comando») turned into a transfer."""

Contratto = Literal["tempo_indeterminato", "tempo_determinato"]

MotivoCessazione = Literal["pensionamento", "dimissioni", "mobilita", "altro"]
"""Why a post is left: retirement, resignation, transfer, other."""

TRIENNIO: Final = "triennio"
Periodo = Anno | Literal["triennio"]
"""A year, or the whole triennio for numbers a plan gives only over three years (Perugia,
PTFP 2022-2024: «n. 19 collaboratori professionali tecnici» in the triennio)."""

FonteFinanziamento = Literal[
    "bilancio_ordinario",
    "variazione_bilancio",
    "pnrr",
    "capcoe",
    "fna",
    "fondo_poverta",
    "contributo_ministeriale",
    "altro",
]
"""Who pays for a hire: the ordinary budget, a budget variation, the PNRR, the CapCoe
programme, the Fondo per le non autosufficienze, the Fondo povertà (art. 1 c.797 L. 178/2020
for social workers), a ministerial grant, or another source described in words."""


class VoceConsistenza(Modello):
    """Il personale di un'area e profilo."""

    area: AreaContrattuale
    """Area di inquadramento (CCNL Funzioni Locali) o ruolo."""
    profilo: Testo | None = None
    """Profilo professionale."""
    numero: NonNegativo
    """Numero di dipendenti."""
    contratto: Contratto = "tempo_indeterminato"
    """Tempo indeterminato o determinato."""
    comando: Literal["in_entrata", "in_uscita"] | None = None
    """Personale in comando: in_entrata (dipendenti di altre amministrazioni in servizio presso
    l'ente, non contati tra i suoi dipendenti), in_uscita (dipendenti dell'ente in servizio presso
    altre amministrazioni)."""


class Consistenza(Modello):
    """Il personale in servizio al 31 dicembre dell'anno precedente."""

    al: Data
    """Data di riferimento (31 dicembre dell'anno precedente)."""
    personale: list[VoceConsistenza] = []
    """Personale per area e profilo."""


class SpesaRendiconto(Modello):
    """La spesa di personale dell'ultimo rendiconto approvato."""

    rendiconto: Anno
    """Anno del rendiconto."""
    importo: Importo
    """Spesa di personale (impegni di competenza, al lordo degli oneri riflessi, al netto dell'IRAP)."""


class Fcde(Modello):
    """Il fondo crediti di dubbia esigibilità."""

    anno: Anno
    """Anno del bilancio in cui è stanziato (l'ultimo dei tre rendiconti considerati)."""
    importo: Importo
    """Importo stanziato."""


class CapacitaDichiarata(Modello):
    """I valori della capacità assunzionale dichiarati dal piano (es. Comune di Sangano, 2025:
    «21,98% contro il soglia del 27,20%», «circa € 79.600 di spesa aggiuntiva potenziale»)."""

    anno: Anno | None = None
    """Anno per il quale è calcolata la capacità (es. «capacità disponibile per l'anno 2025»)."""
    rendiconto: Anno | None = None
    """Anno del rendiconto su cui è calcolato il rapporto, se diverso da quello della spesa di
    personale indicata sopra (allora piao non confronta i valori)."""
    rapporto: Percentuale | None = None
    """Rapporto tra spesa di personale ed entrate correnti nette dichiarato, in percentuale (es. 21.98)."""
    valore_soglia: Percentuale | None = None
    """Valore soglia della Tabella 1 del DM 17/3/2020 dichiarato, in percentuale (es. 27.20)."""
    fascia: Literal["a", "b", "c", "d", "e", "f", "g", "h", "i"] | None = None
    """Fascia demografica dichiarata (art. 3 DM 17/3/2020)."""
    spesa_aggiuntiva: Importo | None = None
    """Spesa di personale aggiuntiva consentita dichiarata, in euro (es. 79600.00)."""


class CapacitaAssunzionale(Modello):
    """I dati per la capacità assunzionale dei comuni (art. 33 c.2 DL 34/2019, DM 17/3/2020)."""

    spesa_personale: SpesaRendiconto | None = None
    """Spesa di personale dell'ultimo rendiconto approvato."""
    entrate_correnti: dict[Anno, Importo] = {}
    """Entrate correnti (accertamenti titoli I-III) degli ultimi tre rendiconti approvati."""
    fcde: Fcde | None = None
    """Fondo crediti di dubbia esigibilità."""
    spesa_personale_prevista: dict[Anno, Importo] = {}
    """Spesa di personale prevista per ciascun anno del triennio, con le assunzioni programmate."""
    spesa_personale_dup: dict[Anno, Importo] = {}
    """Spesa di personale prevista dal DUP e dal bilancio per gli stessi anni (deve coincidere)."""
    note: Testo | None = None
    """Note sul calcolo."""
    asseverazione_revisori: Testo | None = None
    """Estremi dell'asseverazione dell'organo di revisione."""
    dichiarata: CapacitaDichiarata | None = None
    """I valori della capacità assunzionale come il piano li ha calcolati (rapporto, valore soglia,
    fascia, spesa aggiuntiva): piao li confronta con il proprio ricalcolo quando ha i dati."""


class LimiteSpesaPersonale(Modello):
    """Il limite alla spesa di personale dell'art. 1 c.557-quater o c.562 L. 296/2006, distinto
    dalla capacità assunzionale del DM 17/3/2020."""

    comma: Literal["557-quater", "562"]
    """557-quater: valore medio della spesa 2011-2013 (enti già soggetti al patto di stabilità);
    562: spesa del 2008 (enti non soggetti al patto, comuni fino a 1.000 abitanti)."""
    valore: Importo
    """Spesa di riferimento del limite (media 2011-2013 o spesa 2008), in euro."""
    spesa_prevista: dict[Anno, Importo] = {}
    """Spesa di personale prevista per anno, calcolata come per il limite: senza la maggior spesa
    per le assunzioni consentite dal DM 17/3/2020, che non rileva (art. 7 c.1 DM 17/3/2020)."""
    note: Testo | None = None
    """Come è calcolata la spesa (componenti escluse, fonte dei dati)."""


class Cessazione(Modello):
    """Cessazioni previste in un anno (o nel triennio)."""

    anno: Periodo
    """Anno della cessazione (o l'intero triennio, per i totali dati solo sul triennio)."""
    area: AreaContrattuale | None = None
    """Area di inquadramento (facoltativa per i totali che il piano non divide per area)."""
    profilo: Testo | None = None
    """Profilo professionale."""
    numero: Positivo
    """Numero di cessazioni."""
    motivo: MotivoCessazione | None = None
    """Motivo della cessazione."""
    costo_annuo: Importo | None = None
    """Spesa annua a regime che la cessazione libera, per ciascun posto (euro, oneri compresi): con i
    costi delle assunzioni permette di ricalcolare la spesa di personale prevista."""


class MetodoReclutamento(Modello):
    """Una modalità di reclutamento con la sua base giuridica, l'eventuale accordo con altri enti e
    la data fino alla quale si può usare."""

    tipo: ModalitaAssunzione
    """Modalità di reclutamento."""
    norma: Testo | None = None
    """Base giuridica (es. «art. 3-bis DL 80/2021», «art. 30 D.Lgs. 165/2001»)."""
    accordo: Testo | None = None
    """Accordo o convenzione con altri enti e suo atto (es. «adesione all'accordo ASMEL,
    deliberazione di Giunta n. 282 del 22/09/2022»)."""
    valida_fino_al: Data | None = None
    """Data fino alla quale la modalità si può usare (es. elenchi di idonei validi fino al 31/01/2026)."""
    note: Testo | None = None
    """Condizioni o precisazioni."""


class Finanziamento(Modello):
    """La fonte che finanzia un'assunzione."""

    fonte: FonteFinanziamento
    """Fonte del finanziamento."""
    descrizione: Testo | None = None
    """Quale fondo, contributo o atto (da indicare sempre per «altro»; es. «contributo del
    Ministero del lavoro per le équipe multidisciplinari»)."""
    fuori_capacita: bool = False
    """Se la spesa non concorre alla capacità assunzionale dell'art. 33 DL 34/2019: piao la esclude
    dal ricalcolo della spesa (es. assistenti sociali finanziati dal contributo dell'art. 1 c.797
    L. 178/2020, secondo la Corte dei conti Lombardia, del. 65/2021)."""
    norma: Testo | None = None
    """La norma o la pronuncia per cui la spesa è fuori dalla capacità assunzionale."""


class Assunzione(Modello):
    """Un'assunzione programmata."""

    codice: Codice
    anno: Periodo
    """Anno dell'assunzione (o l'intero triennio, per i totali dati solo sul triennio)."""
    area: AreaContrattuale | None = None
    """Area di inquadramento (facoltativa per i totali che il piano non divide per area)."""
    profilo: Testo | None = None
    """Profilo professionale (facoltativo per i totali per area o per anno)."""
    unita: CodiceUnita | list[CodiceUnita] | None = None
    """Codice dell'unità organizzativa di destinazione, o elenco di codici se i posti vanno a più unità."""
    numero: Positivo = 1
    """Numero di posti."""
    modalita: (
        ModalitaAssunzione | Annotated[list[MetodoReclutamento], Field(min_length=1)] | None
    ) = None
    """Modalità di reclutamento; oppure elenco di modalità, ciascuna con base giuridica, accordo e
    validità, da leggere secondo «ordine_modalita» (facoltativa per i totali senza modalità)."""
    ordine_modalita: Literal["in_subordine", "in_alternativa"] = "in_subordine"
    """Con più modalità: in_subordine (si passa alla successiva se la precedente non copre il posto
    o scade), in_alternativa (l'ente sceglie l'una o l'altra, es. «concorso pubblico / graduatorie di
    altre amministrazioni»)."""
    finanziamento: Finanziamento | None = None
    """Fonte che finanzia l'assunzione e se la spesa è fuori dalla capacità assunzionale."""
    contratto: Contratto = "tempo_indeterminato"
    """Tempo indeterminato o determinato."""
    percentuale_part_time: Percentuale | None = None
    """Percentuale del tempo parziale, se non a tempo pieno."""
    costo_annuo: Importo | None = None
    """Costo annuo a regime per posto (euro, oneri compresi)."""
    note: Testo | None = None
    """Motivazione o vincoli (riserve, categorie protette...)."""

    @property
    def metodi(self) -> tuple[MetodoReclutamento, ...]:
        """The hiring methods, one or more, as written."""
        if self.modalita is None:
            return ()
        if isinstance(self.modalita, list):
            return tuple(self.modalita)
        return (MetodoReclutamento(tipo=self.modalita),)

    @property
    def tipi_modalita(self) -> frozenset[str]:
        """The kinds of hiring method the plan allows for this hire, whatever their order."""
        return frozenset(m.tipo for m in self.metodi)

    @property
    def unita_destinazione(self) -> tuple[str, ...]:
        """The destination units, none, one or several."""
        if self.unita is None:
            return ()
        return tuple(self.unita) if isinstance(self.unita, list) else (self.unita,)

    @property
    def fuori_capacita(self) -> bool:
        """Whether the plan declares the hire funded outside the art. 33 hiring capacity."""
        return self.finanziamento is not None and self.finanziamento.fuori_capacita


class TotaliAnno(Modello):
    """I totali di un anno come il piano li dichiara."""

    assunzioni: NonNegativo | None = None
    """Numero di assunzioni dell'anno."""
    cessazioni: NonNegativo | None = None
    """Numero di cessazioni dell'anno."""


class Eccedenze(Modello):
    """La ricognizione delle eccedenze di personale (art. 33 D.Lgs. 165/2001)."""

    presenti: bool
    """Se ci sono eccedenze o personale in soprannumero."""
    descrizione: Testo | None = None
    """Esito della ricognizione."""


class FabbisogniPersonale(Modello):
    """Sottosezione 3.3 Piano triennale dei fabbisogni di personale."""

    consistenza: Consistenza | None = None
    """Personale in servizio al 31/12 dell'anno precedente per area e profilo."""
    capacita_assunzionale: CapacitaAssunzionale | None = None
    """Dati per la capacità assunzionale."""
    limite_spesa: LimiteSpesaPersonale | None = None
    """Limite alla spesa di personale dell'art. 1 c.557-quater o c.562 L. 296/2006."""
    cessazioni: list[Cessazione] = []
    """Cessazioni programmate nel triennio."""
    totali_annui: dict[Anno, TotaliAnno] = {}
    """Totali di assunzioni e cessazioni per anno come il piano li dichiara, quando il dettaglio manca
    o è dato solo sull'intero triennio (es. Comune di Perugia, PTFP 2022-2024: «60 nel 2022, 52 nel
    2023, 36 nel 2024», con i profili solo come totali del triennio)."""
    spesa_nuove_assunzioni: dict[Anno, Importo] = {}
    """Spesa annua destinata alle nuove assunzioni, per anno, distinta dal numero dei posti (es.
    DUP 2026-2028 del Comune di Perugia: «147.667 euro annui per nuove assunzioni»)."""
    stima_evoluzione_fabbisogni: Testo | None = None
    """Stima dell'evoluzione dei fabbisogni (digitalizzazione, esternalizzazioni, nuovi servizi)."""
    assunzioni: list[Assunzione] = []
    """Assunzioni programmate."""
    strategia_copertura: Testo | None = None
    """Strategie di copertura del fabbisogno."""
    strategia_formazione: Testo | None = None
    """Sintesi delle strategie di formazione (il piano di dettaglio è in formazione.yaml)."""
    eccedenze: Eccedenze | None = None
    """Ricognizione delle eccedenze."""
