"""Build the document of a plan once: numbering, Italian dates and euro, references
resolved to titles, totals, computed figures and the «non applicabile» wording of the
simplified regime. Renderers only print what this returns."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

from piao.calcoli import rapporto_capacita, termine_adozione
from piao.clock import today
from piao.model import Piano
from piao.model.base import Indicatore, Persona
from piao.model.fabbisogni_personale import FabbisogniPersonale
from piao.model.formazione import Formazione
from piao.model.lavoro_agile import LavoroAgile
from piao.model.monitoraggio import Monitoraggio
from piao.model.organizzazione import Organizzazione
from piao.model.pari_opportunita import PariOpportunita
from piao.model.performance import Performance
from piao.model.rischi_corruttivi import RischiCorruttivi
from piao.model.valore_pubblico import CollegamentoDup, ValorePubblico
from piao.reference import Riferimenti, riferimenti
from piao.render.document import (
    Blocco,
    Definizioni,
    Documento,
    Elenco,
    Figura,
    Paragrafo,
    Sezione,
    Tabella,
)
from piao.render.figures import RAMO, albero_performance, matrice_rischio
from piao.render.formatting import data, euro, numero, percentuale, sino

NON_APPLICABILE = (
    "Sottosezione non richiesta alle amministrazioni con meno di 50 dipendenti (art. 6 DM 132/2022): "
    "non applicabile."
)
ALBERO_MAX_RIGHE = 40
"""Indicator rows per tree figure: about one printed page."""
ALBERO_MAX_FIGURE = 30


def _righe(figli: tuple[tuple[str, str, tuple[str, ...]], ...]) -> int:
    return sum(max(1, len(ind)) for _, _, ind in figli)


def _gruppi_albero(rami: list[RAMO]) -> list[tuple[list[RAMO], str]]:
    """Split the tree into figures of at most ALBERO_MAX_RIGHE rows: whole branches
    together while they fit, a large branch in parts."""
    gruppi: list[tuple[list[RAMO], str]] = []
    corrente: list[RAMO] = []
    for codice, titolo, figli in rami:
        if _righe(figli) > ALBERO_MAX_RIGHE:
            parti: list[list[tuple[str, str, tuple[str, ...]]]] = [[]]
            for figlio in figli:
                if parti[-1] and _righe((*parti[-1], figlio)) > ALBERO_MAX_RIGHE:
                    parti.append([])
                parti[-1].append(figlio)
            for i, parte in enumerate(parti, 1):
                gruppi.append(
                    ([(codice, titolo, tuple(parte))], f"{codice}, parte {i} di {len(parti)}")
                )
            continue
        if corrente and _righe(tuple(f for r in corrente for f in r[2]) + figli) > ALBERO_MAX_RIGHE:
            gruppi.append((corrente, ""))
            corrente = []
        corrente.append((codice, titolo, figli))
    if corrente:
        gruppi.append((corrente, ""))
    if len(gruppi) > 1:
        gruppi = [(g, p or f"{i} di {len(gruppi)}") for i, (g, p) in enumerate(gruppi, 1)]
    return gruppi


_ETICHETTE = {
    "comune": "Comune",
    "unione_di_comuni": "Unione di comuni",
    "comunita_montana": "Comunità montana",
    "provincia": "Provincia",
    "citta_metropolitana": "Città metropolitana",
    "regione": "Regione",
    "azienda_sanitaria": "Azienda sanitaria",
    "universita": "Università",
    "ente_pubblico_non_economico": "Ente pubblico non economico",
    "amministrazione_centrale": "Amministrazione centrale",
    "altro": "Altro",
    "nucleo_di_valutazione": "Nucleo di valutazione",
    "oiv": "OIV",
    "revisori_dei_conti": "Organo di revisione",
    "rpct": "RPCT",
    "cug": "CUG",
    "favorevole": "favorevole",
    "favorevole_con_osservazioni": "favorevole con osservazioni",
    "non_favorevole": "non favorevole",
    "giunta": "Giunta",
    "consiglio": "Consiglio",
}


def etichetta(codice: str) -> str:
    """A readable label for a closed-list value: «funzionari_eq» → «Funzionari eq»."""
    return _ETICHETTE.get(codice, codice.replace("_", " ").capitalize())


def _persona(p: Persona | None) -> str:
    if p is None:
        return "non indicato"
    parts = [p.nome]
    if p.qualifica:
        parts.append(f"({p.qualifica})")
    if p.atto_nomina:
        parts.append(f"— {p.atto_nomina}")
    return " ".join(parts)


def _dup(d: CollegamentoDup | None, ref: Riferimenti) -> str:
    if d is None:
        return ""
    parts = [x for x in (d.obiettivo_strategico, d.obiettivo_operativo) if x]
    if d.missione:
        nome = ref.missioni.get(d.missione)
        parts.append(f"Missione {d.missione}" + (f" {nome.denominazione}" if nome else ""))
    if d.programma:
        prog = ref.programmi.get(d.programma)
        parts.append(f"Programma {d.programma}" + (f" {prog.denominazione}" if prog else ""))
    return "; ".join(parts)


def _target(ind: Indicatore, anni: list[int]) -> tuple[str, ...]:
    return tuple(numero(ind.target.get(a)) or "—" for a in anni)


def _baseline(ind: Indicatore) -> str:
    if ind.baseline is None:
        return "—"
    return f"{numero(ind.baseline.valore)} ({ind.baseline.anno})"


def _tab(
    didascalia: str,
    intestazioni: Iterable[str],
    righe: Iterable[Iterable[str]],
    larghezze: Iterable[int],
    totale: Iterable[str] | None = None,
) -> Tabella:
    return Tabella(
        didascalia,
        tuple(intestazioni),
        tuple(tuple(r) for r in righe),
        tuple(larghezze),
        tuple(totale) if totale is not None else None,
    )


class _Costruttore:
    """Builds the sections; holds the plan, its indexes and the reference data."""

    def __init__(self, piano: Piano) -> None:
        self.p = piano
        self.ref = riferimenti()
        self.anni = piano.anagrafica.triennio.anni
        self.unita = (
            {u.codice: u for u in piano.organizzazione.unita} if piano.organizzazione else {}
        )
        self.vp = (
            {o.codice: o for o in piano.valore_pubblico.obiettivi} if piano.valore_pubblico else {}
        )
        self.processi = (
            {p.codice: p for p in piano.rischi_corruttivi.processi}
            if piano.rischi_corruttivi
            else {}
        )
        self.allegati: list[Sezione] = []

    def u(self, codice: str | None) -> str:
        """A unit code resolved to its name."""
        if not codice:
            return ""
        unita = self.unita.get(codice)
        return unita.denominazione if unita else codice

    def anni_intestazioni(self, prefisso: str = "Target") -> list[str]:
        return [f"{prefisso} {a}" for a in self.anni]

    def indicatori(
        self, didascalia: str, obiettivi: Iterable[tuple[str, Iterable[Indicatore]]]
    ) -> Tabella:
        righe = [
            (
                codice,
                ind.codice,
                ind.descrizione,
                ind.unita_misura or "",
                _baseline(ind),
                *_target(ind, self.anni),
            )
            for codice, inds in obiettivi
            for ind in inds
        ]
        # Objectives named by code only get a narrow column; «code + title» labels a wide one.
        lunghe = any(len(r[0]) > 12 for r in righe)
        larghezze = [24, 12, 24, 8, 10] if lunghe else [11, 13, 30, 9, 11]
        return _tab(
            didascalia,
            ["Obiettivo", "Codice", "Indicatore", "Unità", "Partenza", *self.anni_intestazioni()],
            righe,
            [*larghezze, *[8] * len(self.anni)],
        )

    # --- Premessa and Sezione 1 ---------------------------------------------------------

    def premessa(self) -> Sezione:
        a = self.p.anagrafica
        regime = (
            "Il piano segue il regime ordinario."
            if a.regime == "ordinario"
            else "L'amministrazione ha meno di 50 dipendenti e adotta il piano in forma semplificata "
            "(art. 6 DM 132/2022): le sottosezioni 2.1 Valore pubblico, 2.2 Performance e la sezione "
            "4 Monitoraggio non sono richieste."
        )
        blocchi: list[Blocco] = [
            Paragrafo(
                "Il Piano Integrato di Attività e Organizzazione (PIAO) è previsto dall'art. 6 del D.L. 9 giugno "
                "2021 n. 80 e ha il contenuto fissato dal D.M. 30 giugno 2022 n. 132. Ha durata triennale, è "
                "aggiornato ogni anno e riunisce in un solo documento la programmazione della performance, della "
                "prevenzione della corruzione e della trasparenza, del lavoro agile, dei fabbisogni di personale, "
                "della formazione e delle azioni positive."
            ),
            Paragrafo(regime),
        ]
        pf = a.programmazione_finanziaria
        documenti = [
            (nome, atto)
            for nome, atto in (
                ("Documento unico di programmazione", pf.dup),
                ("Nota di aggiornamento al DUP", pf.nota_aggiornamento_dup),
                ("Bilancio di previsione", pf.bilancio),
                ("Piano esecutivo di gestione", pf.peg),
            )
            if atto is not None
        ]
        if documenti:
            blocchi.append(
                Paragrafo(
                    "Il piano è coerente con i documenti di programmazione finanziaria, che ne sono il presupposto "
                    "(art. 8 DM 132/2022):"
                )
            )
            blocchi.append(
                Elenco(
                    tuple(f"{nome}: {atto.atto} del {data(atto.data)}" for nome, atto in documenti)
                )
            )
        return Sezione("premessa", "", "Premessa", 1, tuple(blocchi))

    def sezione_1(self) -> Sezione:
        a = self.p.anagrafica
        e, s = a.ente, a.soggetti
        righe = [
            ("Denominazione", e.denominazione),
            ("Tipologia", etichetta(e.tipologia)),
            ("Codice fiscale", e.codice_fiscale or ""),
            ("Codice IPA", e.codice_ipa or ""),
            ("Sede", e.sede or ""),
            ("PEC", e.pec or ""),
            ("Sito istituzionale", e.sito or ""),
            (
                "Popolazione",
                f"{numero(e.popolazione.valore)} al {data(e.popolazione.al)}"
                if e.popolazione
                else "",
            ),
            (
                "Personale in servizio",
                f"{numero(e.dipendenti.valore)} al {data(e.dipendenti.al)}" if e.dipendenti else "",
            ),
            ("Legale rappresentante", _persona(s.legale_rappresentante)),
            ("Segretario", _persona(s.segretario)),
            ("RPCT", _persona(s.rpct)),
            ("Responsabile per la transizione al digitale", _persona(s.rtd)),
        ]
        if s.organismo_valutazione is not None:
            ov = s.organismo_valutazione
            righe.append(
                (
                    etichetta(ov.tipo),
                    ", ".join(ov.componenti) + (f" — {ov.atto_nomina}" if ov.atto_nomina else ""),
                )
            )
        righe += [
            ("Triennio", f"{a.triennio.da}-{a.triennio.a}"),
            ("Regime", a.regime + (f" — {a.motivazione_regime}" if a.motivazione_regime else "")),
        ]
        blocchi: list[Blocco] = [Definizioni(tuple(righe), "Dati dell'amministrazione")]
        percorso: list[tuple[str, str]] = []
        if a.adozione is not None:
            ad = a.adozione
            if ad.delibera is not None:
                percorso.append(
                    (
                        "Adozione",
                        f"Deliberazione della {etichetta(ad.organo)} n. {ad.delibera.numero} del {data(ad.delibera.data)}",
                    )
                )
            for parere in ad.pareri:
                percorso.append(
                    (
                        f"Parere {etichetta(parere.soggetto)}",
                        f"{etichetta(parere.esito)}, {data(parere.data)}"
                        + (f" ({parere.riferimento})" if parere.riferimento else ""),
                    )
                )
            if ad.confronto_sindacale is not None:
                cs = ad.confronto_sindacale
                percorso.append(
                    (
                        "Relazioni sindacali",
                        f"{etichetta(cs.modalita or 'informazione')} del {data(cs.data)}"
                        + (f": {cs.esito}" if cs.esito else ""),
                    )
                )
        scadenza, lettura = termine_adozione(a, self.ref)
        percorso.append(("Termine di adozione", f"{data(scadenza)} ({lettura})"))
        if a.pubblicazione is not None:
            pub = a.pubblicazione
            if pub.amministrazione_trasparente is not None:
                at = pub.amministrazione_trasparente
                percorso.append(
                    (
                        "Pubblicazione in Amministrazione trasparente",
                        f"{data(at.data)}" + (f" — {at.url}" if at.url else ""),
                    )
                )
            if pub.portale_piao is not None:
                percorso.append(
                    (
                        "Invio al Portale PIAO",
                        data(pub.portale_piao.data)
                        + (f" — {pub.portale_piao.ricevuta}" if pub.portale_piao.ricevuta else ""),
                    )
                )
        blocchi.append(Definizioni(tuple(percorso), "Percorso di adozione e pubblicazione"))
        if a.gruppo_di_lavoro:
            blocchi.append(Paragrafo("Il piano è stato redatto dal gruppo di lavoro integrato:"))
            blocchi.append(Elenco(tuple(_persona(p) for p in a.gruppo_di_lavoro)))
        return Sezione(
            "sezione-1", "Sezione 1", "Scheda anagrafica dell'amministrazione", 1, tuple(blocchi)
        )

    # --- Sezione 2 ----------------------------------------------------------------------

    def sottosezione_2_1(self, vp: ValorePubblico | None) -> Sezione:
        if vp is None:
            return Sezione(
                "sezione-2-1", "2.1", "Valore pubblico", 2, (Paragrafo(NON_APPLICABILE, "nota"),)
            )
        blocchi: list[Blocco] = []
        if vp.introduzione:
            blocchi.append(Paragrafo(vp.introduzione))
        blocchi.append(
            _tab(
                "Obiettivi di valore pubblico",
                [
                    "Codice",
                    "Obiettivo",
                    "Collegamento con il DUP e il bilancio",
                    "Dimensioni",
                    "SDG",
                ],
                [
                    (
                        o.codice,
                        o.titolo + (f". {o.descrizione}" if o.descrizione else ""),
                        _dup(o.dup, self.ref),
                        ", ".join(etichetta(d) for d in o.dimensioni),
                        ", ".join(map(str, o.sdg)),
                    )
                    for o in vp.obiettivi
                ],
                [9, 38, 33, 12, 8],
            )
        )
        blocchi.append(
            self.indicatori(
                "Indicatori di impatto del valore pubblico",
                ((o.codice, o.indicatori) for o in vp.obiettivi),
            )
        )
        blocchi += self.albero()
        blocchi.append(
            Paragrafo(
                "Azioni per la piena accessibilità fisica e digitale dei cittadini ultrasessantacinquenni e con disabilità (art. 3 c.1 lett. a n. 2 DM 132/2022).",
                "evidenza",
            )
        )
        blocchi.append(
            _tab(
                "Azioni per l'accessibilità",
                [
                    "Codice",
                    "Azione",
                    "Tipo",
                    "Destinatari",
                    "Responsabile",
                    "Scadenza",
                    "Risultato atteso",
                ],
                [
                    (
                        x.codice,
                        x.azione,
                        x.tipo,
                        ", ".join(etichetta(d) for d in x.destinatari),
                        self.u(x.responsabile),
                        data(x.scadenza),
                        x.valore_atteso or x.indicatore or "",
                    )
                    for x in vp.accessibilita
                ],
                [8, 30, 8, 12, 15, 11, 16],
            )
        )
        if vp.obiettivi_accessibilita_agid is not None:
            agid = vp.obiettivi_accessibilita_agid
            blocchi.append(
                Paragrafo(
                    f"Gli obiettivi di accessibilità {agid.anno} sono pubblicati tramite AgID"
                    + (f" il {data(agid.data_pubblicazione)}" if agid.data_pubblicazione else "")
                    + (f": {agid.url}" if agid.url else "")
                    + "."
                )
            )
        blocchi.append(
            Paragrafo(
                "Procedure da semplificare e reingegnerizzare (art. 3 c.1 lett. a n. 3 DM 132/2022).",
                "evidenza",
            )
        )
        if vp.semplificazione:
            blocchi.append(
                _tab(
                    "Procedure da semplificare",
                    [
                        "Codice",
                        "Procedura",
                        "Intervento",
                        "Responsabile",
                        "Scadenza",
                        "Tempi (giorni)",
                    ],
                    [
                        (
                            x.codice,
                            x.procedura + (f": {x.descrizione}" if x.descrizione else ""),
                            etichetta(x.intervento),
                            self.u(x.responsabile),
                            data(x.scadenza),
                            f"{numero(x.tempi_attuali_giorni)} → {numero(x.tempi_obiettivo_giorni)}"
                            if x.tempi_attuali_giorni is not None
                            else "",
                        )
                        for x in vp.semplificazione
                    ],
                    [8, 40, 14, 16, 11, 11],
                )
            )
        elif vp.motivazione_semplificazione:
            blocchi.append(Paragrafo(vp.motivazione_semplificazione))
        if vp.risparmio_energetico:
            blocchi.append(
                Paragrafo(
                    "Obiettivi di risparmio energetico (circolare DFP n. 2/2022).", "evidenza"
                )
            )
            blocchi.append(
                self.indicatori(
                    "Obiettivi di risparmio energetico",
                    ((f"{o.codice} {o.titolo}", o.indicatori) for o in vp.risparmio_energetico),
                )
            )
        return Sezione("sezione-2-1", "2.1", "Valore pubblico", 2, tuple(blocchi))

    def albero(self) -> list[Blocco]:
        pf = self.p.performance
        if pf is None or not self.vp:
            return []
        rami: list[RAMO] = []
        for codice, obiettivo in self.vp.items():
            figli = tuple(
                (o.codice, o.titolo, tuple(f"{i.codice} {i.descrizione}" for i in o.indicatori))
                for o in pf.obiettivi
                if o.valore_pubblico == codice
            )
            rami.append((codice, obiettivo.titolo, figli))
        gruppi = _gruppi_albero(rami)
        out: list[Blocco] = []
        for gruppo, parte in gruppi[:ALBERO_MAX_FIGURE]:
            titolo = (
                "Albero della performance"
                + (f" ({parte})" if parte else "")
                + ": valore pubblico, obiettivi e indicatori"
            )
            n_pf = sum(len(f) for _, _, f in gruppo)
            out.append(
                Figura(
                    titolo,
                    albero_performance(tuple(gruppo), titolo),
                    f"Schema ad albero: {len(gruppo)} obiettivi di valore pubblico collegati a {n_pf} obiettivi di "
                    "performance e ai loro indicatori.",
                )
            )
        if len(gruppi) > ALBERO_MAX_FIGURE:
            out.append(
                Paragrafo(
                    f"Gli altri {len(gruppi) - ALBERO_MAX_FIGURE} schemi sono omessi: i collegamenti completi sono "
                    "nelle tabelle degli obiettivi.",
                    "nota",
                )
            )
        return out

    def sottosezione_2_2(self, pf: Performance | None) -> Sezione:
        if pf is None:
            return Sezione(
                "sezione-2-2", "2.2", "Performance", 2, (Paragrafo(NON_APPLICABILE, "nota"),)
            )
        blocchi: list[Blocco] = []
        if pf.introduzione:
            blocchi.append(Paragrafo(pf.introduzione))
        if pf.sistema_misurazione is not None:
            blocchi.append(
                Paragrafo(
                    f"Sistema di misurazione e valutazione della performance: {pf.sistema_misurazione.atto} del {data(pf.sistema_misurazione.data)}."
                )
            )
        blocchi.append(
            _tab(
                "Obiettivi di performance organizzativa",
                ["Codice", "Obiettivo", "Tipo", "Valore pubblico", "Unità responsabile", "Peso"],
                [
                    (
                        o.codice,
                        o.titolo,
                        ", ".join(etichetta(t) for t in o.tipi),
                        f"{o.valore_pubblico} {self.vp[o.valore_pubblico].titolo}"
                        if o.valore_pubblico in self.vp
                        else (o.valore_pubblico or ""),
                        self.u(o.unita_responsabile),
                        numero(o.peso),
                    )
                    for o in pf.obiettivi
                ],
                [10, 30, 14, 24, 16, 6],
            )
        )
        blocchi.append(
            self.indicatori(
                "Indicatori e target degli obiettivi di performance",
                ((o.codice, o.indicatori) for o in pf.obiettivi),
            )
        )
        return Sezione("sezione-2-2", "2.2", "Performance", 2, tuple(blocchi))

    def sottosezione_2_3(self, rc: RischiCorruttivi | None) -> Sezione:
        if rc is None:
            return Sezione(
                "sezione-2-3",
                "2.3",
                "Rischi corruttivi e trasparenza",
                2,
                (Paragrafo("Sottosezione mancante.", "nota"),),
            )
        blocchi: list[Blocco] = []
        if rc.conferma is not None:
            c = rc.conferma
            blocchi.append(
                Paragrafo(
                    f"Per il {self.anni[0]} la sottosezione adottata nel {c.anno_ultima_adozione_completa} è confermata con deliberazione della {etichetta(c.organo)} n. {c.numero} del {data(c.data)}: {c.motivazione}",
                    "evidenza",
                )
            )
        if rc.redazione is not None:
            r = rc.redazione
            testo = f"La sottosezione è predisposta dal RPCT, {r.rpct or 'indicato nella scheda anagrafica'}"
            if r.atto_obiettivi_strategici:
                testo += f", sulla base degli obiettivi strategici fissati con {r.atto_obiettivi_strategici}"
            blocchi.append(Paragrafo(testo + "."))
        if rc.pna_riferimento:
            blocchi.append(Paragrafo("Riferimenti: " + "; ".join(rc.pna_riferimento) + "."))
        if rc.consultazione_pubblica is not None:
            cp = rc.consultazione_pubblica
            blocchi.append(
                Paragrafo(
                    f"Consultazione pubblica dal {data(cp.dal)} al {data(cp.al)} ({cp.canale}): {cp.contributi_ricevuti} contributi ricevuti."
                )
            )
        if rc.obiettivi_strategici:
            blocchi.append(
                self.indicatori(
                    "Obiettivi strategici di prevenzione della corruzione e trasparenza",
                    ((f"{o.codice} {o.titolo}", o.indicatori) for o in rc.obiettivi_strategici),
                )
            )
        figli = [
            Sezione(
                "sezione-2-3-1",
                "2.3.1",
                "Contesto esterno",
                3,
                self._contesto(
                    rc.contesto_esterno.analisi if rc.contesto_esterno else None,
                    rc.contesto_esterno.fonti if rc.contesto_esterno else [],
                ),
            ),
            Sezione("sezione-2-3-2", "2.3.2", "Contesto interno", 3, self._contesto_interno(rc)),
            Sezione(
                "sezione-2-3-3",
                "2.3.3",
                "Mappatura dei processi e valutazione del rischio",
                3,
                self._mappatura(rc),
            ),
            Sezione("sezione-2-3-4", "2.3.4", "Misure di prevenzione", 3, self._misure(rc)),
            Sezione(
                "sezione-2-3-5",
                "2.3.5",
                "Monitoraggio delle misure",
                3,
                self._monitoraggio_misure(rc),
            ),
            Sezione(
                "sezione-2-3-6", "2.3.6", "Trasparenza e accesso civico", 3, self._trasparenza(rc)
            ),
        ]
        return Sezione(
            "sezione-2-3", "2.3", "Rischi corruttivi e trasparenza", 2, tuple(blocchi), tuple(figli)
        )

    def _contesto(self, analisi: str | None, fonti: Iterable[str]) -> tuple[Blocco, ...]:
        blocchi: list[Blocco] = [
            Paragrafo(analisi or "Analisi non compilata.", "normale" if analisi else "nota")
        ]
        fonti = list(fonti)
        if fonti:
            blocchi += [Paragrafo("Fonti:"), Elenco(tuple(fonti))]
        return tuple(blocchi)

    def _contesto_interno(self, rc: RischiCorruttivi) -> tuple[Blocco, ...]:
        ci = rc.contesto_interno
        if ci is None:
            return (Paragrafo("Analisi non compilata.", "nota"),)
        righe = []
        if ci.dipendenti_al_31_12 is not None:
            righe.append(("Personale in servizio al 31 dicembre", numero(ci.dipendenti_al_31_12)))
        if ci.eventi_corruttivi:
            righe.append(("Eventi corruttivi", ci.eventi_corruttivi))
        if ci.disfunzioni_amministrative:
            righe.append(("Disfunzioni amministrative", ci.disfunzioni_amministrative))
        blocchi: list[Blocco] = [
            Paragrafo(ci.analisi or "Analisi non compilata.", "normale" if ci.analisi else "nota")
        ]
        if righe:
            blocchi.append(Definizioni(tuple(righe)))
        return tuple(blocchi)

    def _mappatura(self, rc: RischiCorruttivi) -> tuple[Blocco, ...]:
        livelli = tuple(rc.scala_valutazione)
        norm = [x.lower() for x in livelli]
        per_area: dict[str, list[list[str]]] = {}
        for p in rc.processi:
            area = self.ref.aree_rischio.get(p.area_rischio)
            nome = (
                p.area_rischio_descrizione
                if p.area_rischio == "altra" and p.area_rischio_descrizione
                else (area.denominazione if area else p.area_rischio)
            )
            celle = per_area.setdefault(nome, [[] for _ in livelli])
            giudizio = (p.valutazione.giudizio or "").lower() if p.valutazione else ""
            if giudizio in norm:
                celle[norm.index(giudizio)].append(p.codice)
        conteggio = Counter(
            (p.valutazione.giudizio or "non valutato") if p.valutazione else "non valutato"
            for p in rc.processi
        )
        blocchi: list[Blocco] = [
            Paragrafo(
                f"Sono mappati {len(rc.processi)} processi. Il rischio è valutato con un giudizio qualitativo e motivato "
                f"sulla scala {', '.join(livelli)}, a partire dai sei indicatori del PNA 2019 (Allegato 1) e secondo il "
                "criterio di prudenza. Distribuzione: "
                + ", ".join(f"{n} {k}" for k, n in sorted(conteggio.items()))
                + ". "
                "La mappatura completa è nell'Allegato 1."
            )
        ]
        if rc.processi:
            titolo = "Matrice del rischio: processi per area e livello di rischio"
            blocchi.append(
                Figura(
                    titolo,
                    matrice_rischio(
                        livelli,
                        tuple(
                            (area, tuple(tuple(c) for c in celle))
                            for area, celle in per_area.items()
                        ),
                        titolo,
                    ),
                    f"Tabella a colori: {len(per_area)} aree di rischio per {len(livelli)} livelli; ogni cella riporta il numero e i codici dei processi.",
                )
            )
        self.allegati.append(
            Sezione(
                "allegato-1",
                "Allegato 1",
                "Mappatura dei processi e valutazione del rischio",
                2,
                (
                    _tab(
                        "Processi mappati, eventi rischiosi e valutazione",
                        [
                            "Codice",
                            "Processo",
                            "Area di rischio",
                            "Unità responsabile",
                            "Eventi rischiosi",
                            "Fattori abilitanti",
                            "Giudizio",
                            "Motivazione",
                        ],
                        [
                            (
                                p.codice,
                                p.denominazione,
                                p.area_rischio_descrizione or etichetta(p.area_rischio),
                                self.u(p.unita_responsabile),
                                "; ".join(
                                    f"{e.codice} {e.descrizione}" for e in p.eventi_rischiosi
                                ),
                                ", ".join(etichetta(f) for f in p.fattori_abilitanti),
                                (p.valutazione.giudizio or "") if p.valutazione else "",
                                (p.valutazione.motivazione or "") if p.valutazione else "",
                            )
                            for p in rc.processi
                        ],
                        [6, 15, 12, 11, 20, 12, 7, 17],
                    ),
                ),
                orizzontale=True,
            )
        )
        return tuple(blocchi)

    def _misure(self, rc: RischiCorruttivi) -> tuple[Blocco, ...]:
        generali = [m for m in rc.misure if m.tipo == "generale"]
        specifiche = [m for m in rc.misure if m.tipo == "specifica"]
        blocchi: list[Blocco] = [
            Paragrafo(
                f"Sono programmate {len(generali)} misure generali e {len(specifiche)} misure specifiche, ciascuna con fasi, tempi, responsabile, indicatore e valore atteso (Allegato 2)."
            ),
        ]
        if generali:
            blocchi.append(
                Elenco(tuple(f"{m.codice} {m.titolo} — {self.u(m.responsabile)}" for m in generali))
            )
        self.allegati.append(
            Sezione(
                "allegato-2",
                "Allegato 2",
                "Misure di prevenzione programmate",
                2,
                (
                    _tab(
                        "Misure generali e specifiche",
                        [
                            "Codice",
                            "Misura",
                            "Tipo",
                            "Processi",
                            "Fasi e scadenze",
                            "Responsabile",
                            "Indicatore",
                            "Valore atteso",
                        ],
                        [
                            (
                                m.codice,
                                m.titolo + (f": {m.descrizione}" if m.descrizione else ""),
                                m.tipo + (f" ({etichetta(m.categoria)})" if m.categoria else ""),
                                ", ".join(m.processi),
                                "; ".join(f"{f.descrizione} ({data(f.scadenza)})" for f in m.fasi),
                                self.u(m.responsabile),
                                m.indicatore or "",
                                m.valore_atteso or "",
                            )
                            for m in rc.misure
                        ],
                        [6, 24, 9, 8, 20, 11, 13, 9],
                    ),
                ),
                orizzontale=True,
            )
        )
        return tuple(blocchi)

    def _monitoraggio_misure(self, rc: RischiCorruttivi) -> tuple[Blocco, ...]:
        m = rc.monitoraggio
        if m is None:
            return (Paragrafo("Monitoraggio non descritto.", "nota"),)
        righe = [
            (k, v)
            for k, v in (
                ("Soggetto", m.soggetto),
                ("Periodicità", m.periodicita),
                ("Modalità", m.modalita),
                ("Riesame", m.riesame),
            )
            if v
        ]
        return (Definizioni(tuple((k, str(v)) for k, v in righe)),)

    def _trasparenza(self, rc: RischiCorruttivi) -> tuple[Blocco, ...]:
        t = rc.trasparenza
        if t is None:
            return (Paragrafo("Programmazione della trasparenza non compilata.", "nota"),)
        blocchi: list[Blocco] = []
        if t.obiettivi:
            blocchi += [Paragrafo("Obiettivi di trasparenza:"), Elenco(tuple(t.obiettivi))]
        frequenze = Counter(o.aggiornamento or "non indicata" for o in t.obblighi)
        blocchi.append(
            Paragrafo(
                f"Sono programmati {len(t.obblighi)} obblighi di pubblicazione in Amministrazione trasparente, con i responsabili della trasmissione e della pubblicazione dei dati (Allegato 3). Frequenze: "
                + ", ".join(f"{n} {etichetta(k).lower()}" for k, n in sorted(frequenze.items()))
                + "."
            )
        )
        if t.monitoraggio:
            blocchi.append(Paragrafo(t.monitoraggio))
        if t.accesso_civico is not None:
            ac = t.accesso_civico
            blocchi.append(
                Definizioni(
                    tuple(
                        r
                        for r in (
                            ("Registro degli accessi", sino(ac.registro_accessi)),
                            ("Ufficio competente", self.u(ac.responsabile)),
                            (
                                "Titolare del potere sostitutivo",
                                ac.titolare_potere_sostitutivo or "",
                            ),
                            ("Modalità", ac.modalita or ""),
                        )
                        if r[1]
                    ),
                    "Accesso civico semplice e generalizzato",
                )
            )
        self.allegati.append(
            Sezione(
                "allegato-3",
                "Allegato 3",
                "Obblighi di pubblicazione in Amministrazione trasparente",
                2,
                (
                    _tab(
                        "Obblighi, responsabili e frequenze di aggiornamento",
                        [
                            "Codice",
                            "Sotto-sezione",
                            "Riferimento",
                            "Contenuto",
                            "Trasmissione",
                            "Pubblicazione",
                            "Aggiornamento",
                        ],
                        [
                            (
                                o.codice,
                                " › ".join(o.sottosezione),
                                o.riferimento_normativo or "",
                                o.contenuto or "",
                                self.u(o.responsabile_dati),
                                self.u(o.responsabile_pubblicazione),
                                (etichetta(o.aggiornamento) if o.aggiornamento else "")
                                + (
                                    f" (entro {o.termine_giorni} giorni)"
                                    if o.termine_giorni
                                    else ""
                                ),
                            )
                            for o in t.obblighi
                        ],
                        [6, 20, 13, 25, 12, 12, 12],
                    ),
                ),
                orizzontale=True,
            )
        )
        return tuple(blocchi)

    # --- Sezione 3 ----------------------------------------------------------------------

    def sottosezione_3_1(self, org: Organizzazione | None) -> Sezione:
        if org is None:
            return Sezione(
                "sezione-3-1",
                "3.1",
                "Struttura organizzativa",
                2,
                (Paragrafo("Sottosezione mancante.", "nota"),),
            )
        blocchi: list[Blocco] = []
        if org.modello_organizzativo:
            blocchi.append(Paragrafo(org.modello_organizzativo))
        if org.atto_organizzazione:
            blocchi.append(Paragrafo(f"Riferimento: {org.atto_organizzazione}."))
        totale = sum(u.dipendenti or 0 for u in org.unita)
        blocchi.append(
            _tab(
                "Unità organizzative",
                ["Codice", "Unità", "Tipo", "Dipende da", "Responsabile", "Incarico", "Personale"],
                [
                    (
                        u.codice,
                        u.denominazione,
                        etichetta(u.tipo),
                        self.u(u.padre),
                        u.responsabile or "",
                        etichetta(u.incarico) if u.incarico else "",
                        numero(u.dipendenti),
                    )
                    for u in org.unita
                ],
                [9, 27, 9, 20, 17, 9, 9],
                totale=("", "Totale", "", "", "", "", numero(totale)),
            )
        )
        if org.livelli_responsabilita:
            blocchi.append(
                _tab(
                    "Livelli di responsabilità",
                    ["Livello", "Descrizione", "Numero"],
                    [
                        (x.livello, x.descrizione or "", numero(x.numero))
                        for x in org.livelli_responsabilita
                    ],
                    [30, 55, 15],
                )
            )
        if org.interventi:
            blocchi.append(
                _tab(
                    "Interventi organizzativi programmati",
                    ["Codice", "Intervento", "Valore pubblico", "Scadenza"],
                    [
                        (
                            i.codice,
                            i.titolo + (f": {i.descrizione}" if i.descrizione else ""),
                            f"{i.valore_pubblico} {self.vp[i.valore_pubblico].titolo}"
                            if i.valore_pubblico in self.vp
                            else (i.valore_pubblico or ""),
                            data(i.scadenza),
                        )
                        for i in org.interventi
                    ],
                    [9, 52, 27, 12],
                )
            )
        return Sezione("sezione-3-1", "3.1", "Struttura organizzativa", 2, tuple(blocchi))

    def sottosezione_3_2(self, la: LavoroAgile | None) -> Sezione:
        if la is None:
            return Sezione(
                "sezione-3-2",
                "3.2",
                "Organizzazione del lavoro agile",
                2,
                (Paragrafo("Sottosezione mancante.", "nota"),),
            )
        blocchi: list[Blocco] = []
        if la.strategia:
            blocchi.append(Paragrafo(la.strategia))
        if la.contratto_collettivo:
            blocchi.append(
                Paragrafo(f"Contratto collettivo di riferimento: {la.contratto_collettivo}.")
            )
        if la.regolamento is not None:
            blocchi.append(Paragrafo(f"Regolamento: {la.regolamento.atto}."))
        r = la.requisiti
        blocchi.append(
            Definizioni(
                (
                    (
                        "Servizi agli utenti non pregiudicati né ridotti",
                        r.invarianza_servizi or "non indicato",
                    ),
                    (
                        "Rotazione e prevalenza del lavoro in presenza",
                        r.rotazione_prevalenza_presenza or "non indicato",
                    ),
                    (
                        "Piattaforme e riservatezza dei dati",
                        r.piattaforme_riservatezza or "non indicato",
                    ),
                    ("Smaltimento del lavoro arretrato", r.smaltimento_arretrato or "non indicato"),
                    ("Dotazione informatica", r.dotazioni_informatiche or "non indicato"),
                ),
                "Contenuti obbligatori (art. 4 c.1 lett. b DM 132/2022)",
            )
        )
        if la.condizioni_abilitanti is not None:
            c = la.condizioni_abilitanti
            blocchi.append(
                Definizioni(
                    tuple(
                        x
                        for x in (
                            ("Organizzative", c.organizzative or ""),
                            ("Tecnologiche", c.tecnologiche or ""),
                            ("Competenze", c.competenze or ""),
                        )
                        if x[1]
                    ),
                    "Condizioni abilitanti",
                )
            )
        if la.accordo_individuale:
            blocchi.append(Paragrafo(f"Accordo individuale: {la.accordo_individuale}"))
        if la.giornate_agili_max_settimana is not None:
            blocchi.append(
                Paragrafo(
                    f"Giornate di lavoro agile: al massimo {la.giornate_agili_max_settimana} alla settimana per lavoratore."
                )
            )
        if la.attivita_compatibili:
            blocchi += [
                Paragrafo("Attività che possono essere svolte in modalità agile:"),
                Elenco(tuple(la.attivita_compatibili)),
            ]
        if la.attivita_escluse:
            blocchi += [Paragrafo("Attività escluse:"), Elenco(tuple(la.attivita_escluse))]
        if la.lavoratori_agili:
            blocchi.append(
                _tab(
                    "Lavoratori in lavoro agile previsti",
                    [str(a) for a in sorted(la.lavoratori_agili)],
                    [tuple(numero(la.lavoratori_agili[a]) for a in sorted(la.lavoratori_agili))],
                    [1] * len(la.lavoratori_agili),
                )
            )
        if la.obiettivi:
            blocchi.append(
                self.indicatori(
                    "Obiettivi del lavoro agile",
                    ((f"{o.codice} {o.titolo}", o.indicatori) for o in la.obiettivi),
                )
            )
        if la.contributo_performance:
            blocchi += [
                Paragrafo("Contributo alla performance:"),
                Elenco(tuple(la.contributo_performance)),
            ]
        return Sezione("sezione-3-2", "3.2", "Organizzazione del lavoro agile", 2, tuple(blocchi))

    def sottosezione_3_3(self, fp: FabbisogniPersonale | None, fo: Formazione | None) -> Sezione:
        figli = [
            Sezione("sezione-3-3-1", "3.3.1", "Fabbisogni di personale", 3, self._fabbisogni(fp))
        ]
        if fo is not None:
            figli.append(
                Sezione(
                    "sezione-3-3-2", "3.3.2", "Formazione del personale", 3, self._formazione(fo)
                )
            )
        elif self.p.anagrafica.regime == "semplificato":
            figli.append(
                Sezione(
                    "sezione-3-3-2",
                    "3.3.2",
                    "Formazione del personale",
                    3,
                    (
                        Paragrafo(
                            "Nel regime semplificato la sottosezione 3.3 è limitata alla programmazione delle cessazioni e alla stima dell'evoluzione dei fabbisogni (art. 6 DM 132/2022): non applicabile.",
                            "nota",
                        ),
                    ),
                )
            )
        return Sezione(
            "sezione-3-3", "3.3", "Piano triennale dei fabbisogni di personale", 2, (), tuple(figli)
        )

    def _fabbisogni(self, fp: FabbisogniPersonale | None) -> tuple[Blocco, ...]:
        if fp is None:
            return (Paragrafo("Sottosezione mancante.", "nota"),)
        blocchi: list[Blocco] = []
        if fp.consistenza is not None:
            per_area: dict[str, int] = {}
            for v in fp.consistenza.personale:
                per_area[v.area] = per_area.get(v.area, 0) + v.numero
            blocchi.append(
                _tab(
                    f"Personale in servizio al {data(fp.consistenza.al)} per area e profilo",
                    ["Area", "Profilo", "Contratto", "Numero"],
                    [
                        (
                            self._area(v.area),
                            v.profilo or "",
                            etichetta(v.contratto),
                            numero(v.numero),
                        )
                        for v in fp.consistenza.personale
                    ],
                    [30, 40, 18, 12],
                    totale=("Totale", "", "", numero(sum(per_area.values()))),
                )
            )
        ca = fp.capacita_assunzionale
        if ca is not None:
            righe: list[tuple[str, str]] = []
            if ca.spesa_personale is not None:
                righe.append(
                    (
                        f"Spesa di personale (rendiconto {ca.spesa_personale.rendiconto})",
                        euro(ca.spesa_personale.importo),
                    )
                )
            for anno in sorted(ca.entrate_correnti):
                righe.append((f"Entrate correnti {anno}", euro(ca.entrate_correnti[anno])))
            if ca.fcde is not None:
                righe.append(
                    (f"Fondo crediti di dubbia esigibilità {ca.fcde.anno}", euro(ca.fcde.importo))
                )
            popolazione = self.p.anagrafica.ente.popolazione
            r = (
                rapporto_capacita(fp, popolazione.valore if popolazione else None, self.ref)
                if self.p.anagrafica.ente.tipologia == "comune"
                else None
            )
            if r is not None:
                righe += [
                    ("Media delle entrate correnti al netto del FCDE", euro(r.denominatore)),
                    ("Rapporto spesa di personale / entrate correnti", percentuale(r.percentuale)),
                    (
                        f"Valore soglia (fascia {r.fascia.fascia}, DM 17/3/2020 Tabella 1)",
                        percentuale(r.fascia.tabella_1, 1),
                    ),
                    ("Spesa massima al valore soglia", euro(r.limite_tabella_1)),
                ]
            for anno in sorted(ca.spesa_personale_prevista):
                righe.append(
                    (f"Spesa di personale prevista {anno}", euro(ca.spesa_personale_prevista[anno]))
                )
            if ca.asseverazione_revisori:
                righe.append(("Organo di revisione", ca.asseverazione_revisori))
            blocchi.append(
                Definizioni(
                    tuple(righe), "Capacità assunzionale (art. 33 c.2 DL 34/2019, DM 17/3/2020)"
                )
            )
            if ca.note:
                blocchi.append(Paragrafo(ca.note))
        if fp.cessazioni:
            blocchi.append(
                _tab(
                    "Cessazioni programmate",
                    ["Anno", "Area", "Profilo", "Motivo", "Numero"],
                    [
                        (
                            str(c.anno),
                            self._area(c.area),
                            c.profilo or "",
                            etichetta(c.motivo) if c.motivo else "",
                            numero(c.numero),
                        )
                        for c in fp.cessazioni
                    ],
                    [10, 28, 32, 18, 12],
                    totale=("Totale", "", "", "", numero(sum(c.numero for c in fp.cessazioni))),
                )
            )
        if fp.stima_evoluzione_fabbisogni:
            blocchi += [
                Paragrafo("Stima dell'evoluzione dei fabbisogni.", "evidenza"),
                Paragrafo(fp.stima_evoluzione_fabbisogni),
            ]
        if fp.assunzioni:
            per_anno: dict[int, tuple[int, float]] = {}
            for a in fp.assunzioni:
                n, costo = per_anno.get(a.anno, (0, 0.0))
                per_anno[a.anno] = (n + a.numero, costo + a.numero * (a.costo_annuo or 0))
            blocchi.append(
                _tab(
                    "Assunzioni programmate per anno (dettaglio nell'Allegato 4)",
                    ["Anno", "Posti", "Costo annuo a regime"],
                    [(str(anno), numero(n), euro(c)) for anno, (n, c) in sorted(per_anno.items())],
                    [30, 30, 40],
                    totale=(
                        "Totale",
                        numero(sum(n for n, _ in per_anno.values())),
                        euro(sum(c for _, c in per_anno.values())),
                    ),
                )
            )
            self.allegati.append(
                Sezione(
                    "allegato-4",
                    "Allegato 4",
                    "Piano delle assunzioni",
                    2,
                    (
                        _tab(
                            "Assunzioni programmate",
                            [
                                "Codice",
                                "Anno",
                                "Area",
                                "Profilo",
                                "Unità di destinazione",
                                "Posti",
                                "Modalità",
                                "Costo annuo per posto",
                            ],
                            [
                                (
                                    a.codice,
                                    str(a.anno),
                                    self._area(a.area),
                                    a.profilo,
                                    self.u(a.unita),
                                    numero(a.numero),
                                    etichetta(a.modalita),
                                    euro(a.costo_annuo),
                                )
                                for a in fp.assunzioni
                            ],
                            [8, 6, 16, 20, 18, 6, 12, 14],
                        ),
                    ),
                    orizzontale=True,
                )
            )
        if fp.strategia_copertura:
            blocchi += [
                Paragrafo("Strategie di copertura del fabbisogno.", "evidenza"),
                Paragrafo(fp.strategia_copertura),
            ]
        if fp.strategia_formazione:
            blocchi += [
                Paragrafo("Strategie di formazione.", "evidenza"),
                Paragrafo(fp.strategia_formazione),
            ]
        if fp.eccedenze is not None:
            blocchi.append(
                Paragrafo(
                    "Eccedenze di personale: "
                    + ("presenti" if fp.eccedenze.presenti else "nessuna")
                    + (f". {fp.eccedenze.descrizione}" if fp.eccedenze.descrizione else "")
                )
            )
        return tuple(blocchi)

    def _area(self, codice: str) -> str:
        voce = self.ref.aree_ccnl.get(codice)
        return voce.denominazione if voce else etichetta(codice)

    def _formazione(self, fo: Formazione) -> tuple[Blocco, ...]:
        blocchi: list[Blocco] = []
        if fo.introduzione:
            blocchi.append(Paragrafo(fo.introduzione))
        if fo.priorita:
            blocchi.append(
                _tab(
                    "Priorità strategiche di formazione",
                    ["Codice", "Priorità", "Descrizione"],
                    [(p.codice, p.titolo, p.descrizione or "") for p in fo.priorita],
                    [10, 30, 60],
                )
            )
        if fo.ore_pro_capite:
            anni = sorted(fo.ore_pro_capite)
            blocchi.append(
                _tab(
                    "Ore di formazione per dipendente",
                    [str(a) for a in anni],
                    [tuple(numero(fo.ore_pro_capite[a]) for a in anni)],
                    [1] * len(anni),
                )
            )
        if fo.syllabus is not None:
            s = fo.syllabus
            testo = "Adesione a Syllabus: " + (
                "sì" + (f", dal {data(s.data_adesione)}" if s.data_adesione else "")
                if s.adesione
                else "no"
            )
            if s.copertura_personale:
                testo += "; personale formato: " + ", ".join(
                    f"{percentuale(v, 0)} nel {a}" for a, v in sorted(s.copertura_personale.items())
                )
            blocchi.append(Paragrafo(testo + "."))
        if fo.corsi:
            blocchi.append(
                _tab(
                    "Iniziative di formazione",
                    ["Codice", "Corso", "Tema", "Ore", "Destinatari", "Partecipanti", "Modalità"],
                    [
                        (
                            c.codice,
                            c.titolo + (" (obbligatorio)" if c.obbligatorio else ""),
                            etichetta(c.tema),
                            numero(c.ore),
                            c.destinatari or "",
                            numero(c.partecipanti),
                            (etichetta(c.modalita) if c.modalita else "")
                            + (" — Syllabus" if c.syllabus else ""),
                        )
                        for c in fo.corsi
                    ],
                    [8, 32, 14, 6, 18, 10, 12],
                )
            )
        for nome, contenuto in (
            ("Risorse interne", fo.risorse_interne),
            ("Risorse esterne", fo.risorse_esterne),
            ("Incentivi allo studio", fo.incentivi_studio),
            ("Collegamento con la valutazione", fo.collegamento_valutazione),
        ):
            if contenuto:
                blocchi.append(Paragrafo(f"{nome}: {contenuto}"))
        if fo.budget:
            blocchi.append(
                _tab(
                    "Risorse finanziarie per la formazione",
                    [str(a) for a in sorted(fo.budget)],
                    [tuple(euro(fo.budget[a]) for a in sorted(fo.budget))],
                    [1] * len(fo.budget),
                )
            )
        return tuple(blocchi)

    # --- Sezione 4 and the equal-opportunity plan ---------------------------------------

    def sezione_4(self, mo: Monitoraggio | None) -> Sezione:
        if mo is None:
            testo = (
                "Sezione non richiesta alle amministrazioni con meno di 50 dipendenti (art. 6 DM 132/2022): non applicabile."
                if self.p.anagrafica.regime == "semplificato"
                else "Sezione mancante."
            )
            return Sezione("sezione-4", "Sezione 4", "Monitoraggio", 1, (Paragrafo(testo, "nota"),))
        blocchi: list[Blocco] = []
        if mo.introduzione:
            blocchi.append(Paragrafo(mo.introduzione))
        blocchi.append(
            _tab(
                "Monitoraggio per sezione",
                ["Sezione", "Soggetti", "Strumenti", "Periodicità", "Modalità"],
                [
                    (
                        s.sezione if s.sezione[0].isdigit() else etichetta(s.sezione),
                        ", ".join(s.soggetti),
                        ", ".join(s.strumenti),
                        s.periodicita or "",
                        s.modalita or "",
                    )
                    for s in mo.sezioni
                ],
                [10, 22, 26, 12, 30],
            )
        )
        if mo.soddisfazione_utenti:
            blocchi.append(
                _tab(
                    "Rilevazioni della soddisfazione degli utenti",
                    ["Codice", "Strumento", "Servizi", "Periodicità", "Responsabile"],
                    [
                        (
                            r.codice,
                            r.strumento,
                            ", ".join(r.servizi),
                            r.periodicita or "",
                            self.u(r.responsabile),
                        )
                        for r in mo.soddisfazione_utenti
                    ],
                    [9, 30, 30, 12, 19],
                )
            )
        if mo.report_integrato is not None:
            ri = mo.report_integrato
            blocchi.append(
                Paragrafo(
                    "Relazione annuale integrata"
                    + (f" a cura di {ri.soggetto}" if ri.soggetto else "")
                    + (f", entro il {data(ri.scadenza)}" if ri.scadenza else "")
                    + (f": {ri.contenuti}" if ri.contenuti else "")
                    + "."
                )
            )
        return Sezione("sezione-4", "Sezione 4", "Monitoraggio", 1, tuple(blocchi))

    def azioni_positive(self, po: PariOpportunita | None) -> Sezione:
        titolo = "Piano di azioni positive"
        if po is None:
            return Sezione(
                "azioni-positive", "", titolo, 1, (Paragrafo("Sezione mancante.", "nota"),)
            )
        blocchi: list[Blocco] = []
        if po.introduzione:
            blocchi.append(Paragrafo(po.introduzione))
        if po.atto_separato:
            blocchi.append(
                Paragrafo(
                    f"Il piano di azioni positive è adottato con atto separato: {po.atto_separato}."
                )
            )
        g = po.personale_per_genere
        if g is not None:
            righe = [(x.area, numero(x.donne), numero(x.uomini)) for x in g.per_area]
            blocchi.append(
                _tab(
                    f"Personale per genere al {data(g.al)}",
                    ["Area o ruolo", "Donne", "Uomini"],
                    righe,
                    [50, 25, 25],
                    totale=("Totale", numero(g.donne), numero(g.uomini)),
                )
            )
        if po.cug is not None:
            blocchi.append(
                Paragrafo(
                    "Comitato unico di garanzia: "
                    + ("costituito" if po.cug.costituito else "non costituito")
                    + (f" ({po.cug.atto})" if po.cug.atto else "")
                    + (f"; {po.cug.parere}" if po.cug.parere else "")
                    + "."
                )
            )
        if po.azioni:
            blocchi.append(
                _tab(
                    "Azioni positive",
                    ["Codice", "Azione", "Ambito", "Responsabile", "Scadenza", "Indicatori"],
                    [
                        (
                            a.codice,
                            a.titolo + (f": {a.descrizione}" if a.descrizione else ""),
                            etichetta(a.ambito),
                            self.u(a.responsabile),
                            data(a.scadenza),
                            "; ".join(
                                f"{i.descrizione}: {' / '.join(_target(i, self.anni))}"
                                for i in a.indicatori
                            ),
                        )
                        for a in po.azioni
                    ],
                    [8, 34, 13, 15, 11, 19],
                )
            )
        if po.commissioni_concorso is not None:
            c = po.commissioni_concorso
            testo = "Commissioni di concorso"
            if c.quota_minima_donne:
                testo += f": almeno {c.quota_minima_donne} dei componenti donne (art. 57 c.1 lett. a D.Lgs. 165/2001)"
            blocchi.append(
                Paragrafo(
                    testo
                    + "."
                    + (f" {c.impegno}" if c.impegno else "")
                    + (f" {c.motivazione_impossibilita}" if c.motivazione_impossibilita else "")
                )
            )
        return Sezione("azioni-positive", "", titolo, 1, tuple(blocchi))


def _data_documento(piano: Piano, oggi: datetime.date) -> datetime.date:
    ad = piano.anagrafica.adozione
    return ad.delibera.data if ad is not None and ad.delibera is not None else oggi


def build_view(
    piano: Piano, *, bozza: bool = False, oggi: datetime.date | None = None
) -> Documento:
    """The whole document of a valid plan."""
    c = _Costruttore(piano)
    a = piano.anagrafica
    oggi = oggi or today()
    ad = a.adozione
    if ad is not None and ad.delibera is not None:
        adozione = f"Adottato con deliberazione della {etichetta(ad.organo)} n. {ad.delibera.numero} del {data(ad.delibera.data)}"
    else:
        adozione = "Bozza non ancora adottata"
    sezione_2 = Sezione(
        "sezione-2",
        "Sezione 2",
        "Valore pubblico, performance e anticorruzione",
        1,
        (),
        (
            c.sottosezione_2_1(piano.valore_pubblico),
            c.sottosezione_2_2(piano.performance),
            c.sottosezione_2_3(piano.rischi_corruttivi),
        ),
    )
    sezione_3 = Sezione(
        "sezione-3",
        "Sezione 3",
        "Organizzazione e capitale umano",
        1,
        (),
        (
            c.sottosezione_3_1(piano.organizzazione),
            c.sottosezione_3_2(piano.lavoro_agile),
            c.sottosezione_3_3(piano.fabbisogni_personale, piano.formazione),
        ),
    )
    sezioni = [
        c.premessa(),
        c.sezione_1(),
        sezione_2,
        sezione_3,
        c.sezione_4(piano.monitoraggio),
        c.azioni_positive(piano.pari_opportunita),
    ]
    allegati = sorted(c.allegati, key=lambda s: s.ancora)
    if allegati:
        sezioni.append(
            Sezione(
                "allegati",
                "",
                "Allegati",
                1,
                (
                    Paragrafo(
                        "Tabelle di dettaglio della sottosezione 2.3 e del piano delle assunzioni."
                    ),
                ),
                tuple(allegati),
            )
        )
    copertina = (
        ("Triennio", f"{a.triennio.da}-{a.triennio.a}"),
        ("Regime", "ordinario" if a.regime == "ordinario" else "semplificato (art. 6 DM 132/2022)"),
        ("Atto", adozione),
    )
    return Documento(
        titolo=f"Piano Integrato di Attività e Organizzazione {a.triennio.da}-{a.triennio.a}",
        ente=a.ente.denominazione,
        triennio=f"{a.triennio.da}-{a.triennio.a}",
        adozione=adozione,
        bozza=bozza,
        data=_data_documento(piano, oggi),
        copertina=copertina,
        sezioni=tuple(sezioni),
    )
