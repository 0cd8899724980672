"""Premessa and Sezione 1 Scheda anagrafica (`anagrafica.yaml`), and the adoption line of
the cover."""

from __future__ import annotations

import re

from piao.lingua import dell_ente, elenco
from piao.model import SEZIONI
from piao.model.anagrafica import (
    Aggiornamento,
    Anagrafica,
    Consultazione,
    OrganismoValutazione,
    OrganoPolitico,
    RegimeFinanziario,
)
from piao.model.regime import SOGLIA_DIPENDENTI, Regime
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Definizioni, Elenco, Paragrafo, Tabella
from piao.render.etichette import etichetta, persona
from piao.render.formatting import data, numero, se
from piao.render.parte import Parte
from piao.render.tabelle import Colonna, tabella
from piao.scadenze import termine_adozione


def adozione(a: Anagrafica) -> str:
    """The act that adopted the plan, as the cover and the metadata print it."""
    ad = a.adozione
    if ad is not None and ad.delibera is not None:
        return f"Adottato con deliberazione della {etichetta(ad.organo)} n. {ad.delibera.numero} del {data(ad.delibera.data)}"
    return "Bozza non ancora adottata"


_LUOGO = re.compile(r"\b\d{5}\s+([^,(\d][^,(]*?)\s*(?:\(|,|$)")
"""The town after the postcode of an address: «Piazza Municipio 1, 00100 Esempio (EX)»."""


def luogo(a: Anagrafica) -> str | None:
    """Where the plan is adopted: the town of the seat's address, else the comune's name."""
    if a.ente.sede and (m := _LUOGO.search(a.ente.sede)):
        return m.group(1).strip()
    nome = a.ente.denominazione
    if a.ente.tipologia == "comune" and nome.casefold().startswith("comune di "):
        return nome[len("comune di ") :].strip() or None
    return None


def chiusura(ctx: Contesto, a: Anagrafica) -> Parte:
    """The closing of the document: what it consists of, the act that adopted it, place and
    date, the entity's legal representative. It follows the annexes, as the closing formula
    of an act follows what it approves: the document ends on the act, not on a table."""
    ad = a.adozione
    piano = f"Il Piano Integrato di Attività e Organizzazione {a.triennio} {dell_ente(a.ente.denominazione)}"
    posto = luogo(a)
    blocchi: list[Blocco] = []
    if ad is not None and ad.delibera is not None:
        blocchi.append(
            Paragrafo(
                f"{piano} è stato adottato "
                f"con deliberazione della {etichetta(ad.organo)} n. {ad.delibera.numero} del "
                f"{data(ad.delibera.data)}."
            )
        )
        blocchi.append(Paragrafo(se("", posto, ", ") + data(ad.delibera.data)))
    else:
        organo = etichetta(ad.organo) if ad is not None else "organo competente"
        blocchi.append(
            Paragrafo(
                f"{piano} non è ancora adottato: diventa efficace con la deliberazione della {organo} "
                "che lo adotta, di cui questo documento riporterà numero e data.",
                "nota",
            )
        )
        if posto:
            blocchi.append(Paragrafo(f"{posto}, data della deliberazione di adozione", "nota"))
    lr = a.soggetti.legale_rappresentante
    if lr is not None:
        blocchi.append(Paragrafo(f"{lr.qualifica or 'Il legale rappresentante'}: {lr.nome}"))
    return Parte(tuple(blocchi))


def _non_richieste(regime: Regime) -> str:
    """«le sottosezioni 2.1 Valore pubblico, 2.2 Performance e la sezione 4 Monitoraggio»."""

    def voci(sotto: bool) -> list[str]:
        return [
            f"{s.numero} {s.titolo}"
            for s in SEZIONI
            if regime not in s.richiesta and s.sottosezione is sotto and s.numero[0].isdigit()
        ]

    def gruppo(voci: list[str], una: str, piu: str) -> list[str]:
        return [f"{una if len(voci) == 1 else piu} {voci[0]}", *voci[1:]] if voci else []

    return elenco(
        gruppo(voci(True), "la sottosezione", "le sottosezioni")
        + gruppo(voci(False), "la sezione", "le sezioni")
    )


def premessa(ctx: Contesto, a: Anagrafica) -> Parte:
    regime = (
        "Il piano segue il regime ordinario."
        if a.regime == "ordinario"
        else f"L'amministrazione ha meno di {SOGLIA_DIPENDENTI} dipendenti e adotta il piano in forma "
        f"semplificata (art. 6 DM 132/2022): non sono richieste {_non_richieste(a.regime)}."
        + "".join(
            f" {s.non_richiesta}."
            for s in SEZIONI
            if a.regime not in s.richiesta
            and not s.numero[0].isdigit()
            and s.non_richiesta
            and getattr(ctx.piano, s.key) is None
        )
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
            Elenco(tuple(f"{nome}: {atto.atto} del {data(atto.data)}" for nome, atto in documenti))
        )
    return Parte(tuple(blocchi))


def _dati(ctx: Contesto, a: Anagrafica) -> Definizioni:
    e, s = a.ente, a.soggetti
    righe = [
        ("Denominazione", e.denominazione),
        ("Tipologia", etichetta(e.tipologia)),
    ]
    if e.regione is not None:
        righe.append(("Regione", ctx.ref.regioni[e.regione].denominazione))
    righe += [
        ("Codice fiscale", e.codice_fiscale or "non indicato"),
        ("Codice IPA", e.codice_ipa or "non indicato"),
        ("Sede", e.sede or "non indicato"),
        ("PEC", e.pec or "non indicato"),
        ("Sito istituzionale", e.sito or "non indicato"),
        (
            "Popolazione",
            f"{numero(e.popolazione.valore)} al {data(e.popolazione.al)}"
            if e.popolazione
            else "non indicata",
        ),
        (
            "Personale in servizio",
            f"{numero(e.dipendenti.valore)} al {data(e.dipendenti.al)}"
            if e.dipendenti
            else "non indicato",
        ),
        ("Legale rappresentante", persona(s.legale_rappresentante)),
        ("Segretario", persona(s.segretario)),
    ]
    if s.direttore_generale is not None:
        righe.append(("Direttore generale", persona(s.direttore_generale)))
    rt = s.responsabile_trasparenza
    if rt is None:
        righe.append(("RPCT", persona(s.rpct)))
    else:
        righe += [
            ("Responsabile della prevenzione della corruzione", persona(s.rpct)),
            ("Responsabile per la trasparenza", persona(rt) + se(" — ", rt.motivazione)),
        ]
    if s.rasa is not None:
        righe.append(("RASA (Anagrafe unica delle stazioni appaltanti)", persona(s.rasa)))
    righe.append(("Responsabile per la transizione al digitale", persona(s.rtd)))
    if s.organismo_valutazione is not None:
        righe.append(_organismo(s.organismo_valutazione))
    righe += [
        ("Triennio", f"{a.triennio.da}-{a.triennio.a}"),
        ("Regime", a.regime + se(" — ", a.motivazione_regime)),
    ]
    if a.regime_finanziario is not None:
        righe.append(("Regime finanziario", _regime_finanziario(a.regime_finanziario)))
    if a.versione is not None:
        righe.append(("Versione del piano", str(a.versione)))
    return Definizioni(tuple(righe), "Dati dell'amministrazione")


def _organismo(ov: OrganismoValutazione) -> tuple[str, str]:
    """«Nucleo di valutazione», «Ufficio unico di valutazione, composizione monocratica: Dott.
    ... — Decreto ... — costituito presso ..., condiviso con ...»."""
    forma = f"composizione {COMPOSIZIONE[ov.forma]}" if ov.forma else ""
    intestazione = ", ".join(x for x in (ov.ufficio or "", forma) if x)
    testo = (
        se("", intestazione[:1].upper() + intestazione[1:], ": ")
        + ", ".join(ov.componenti)
        + se(" — ", ov.atto_nomina)
    )
    condiviso = se("costituito presso ", ov.costituito_da) + (
        (", " if ov.costituito_da else "") + "condiviso con " + elenco(list(ov.condiviso_con))
        if ov.condiviso_con
        else ""
    )
    return etichetta(ov.tipo), testo + se(" — ", condiviso)


COMPOSIZIONE = {"monocratico": "monocratica", "collegiale": "collegiale"}


STATI_FINANZIARI = {
    "ordinario": "Ordinario",
    "riequilibrio_pluriennale": "Procedura di riequilibrio finanziario pluriennale",
    "dissesto": "Dissesto finanziario",
}


def _regime_finanziario(rf: RegimeFinanziario) -> str:
    atto = f"{rf.atto.atto} del {data(rf.atto.data)}" if rf.atto is not None else ""
    return (
        STATI_FINANZIARI[rf.stato] + se(" — ", atto) + se(". Assunzioni: ", rf.vincoli_assunzioni)
    )


def _percorso(ctx: Contesto, a: Anagrafica) -> Definizioni:
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
        else:
            percorso.append(("Organo competente per l'adozione", etichetta(ad.organo)))
        for parere in ad.pareri:
            percorso.append(
                (
                    f"Parere {etichetta(parere.soggetto)}",
                    f"{etichetta(parere.esito)}, {data(parere.data)}"
                    + se(" (", parere.riferimento, ")"),
                )
            )
        if ad.confronto_sindacale is not None:
            cs = ad.confronto_sindacale
            percorso.append(
                (
                    "Relazioni sindacali",
                    f"{etichetta(cs.modalita or 'informazione')} del {data(cs.data)}"
                    + se(": ", cs.esito),
                )
            )
    termine = termine_adozione(a, ctx.ref).applicato
    percorso.append(
        ("Termine di adozione", f"{data(termine.data)} — {termine.spiegazione(data, gradi=False)}")
    )
    if a.pubblicazione is not None:
        pub = a.pubblicazione
        if pub.amministrazione_trasparente is not None:
            at = pub.amministrazione_trasparente
            percorso.append(
                (
                    "Pubblicazione in Amministrazione trasparente",
                    f"{data(at.data)}" + se(" — ", at.url),
                )
            )
        if pub.portale_piao is not None:
            percorso.append(
                (
                    "Invio al Portale PIAO",
                    data(pub.portale_piao.data) + se(" — ", pub.portale_piao.ricevuta),
                )
            )
    return Definizioni(tuple(percorso), "Percorso di adozione e pubblicazione")


def _sezioni(agg: Aggiornamento) -> str:
    """«2.3 Rischi corruttivi e trasparenza; 3.3 Piano triennale dei fabbisogni di personale»."""
    if not agg.sezioni:
        return "Modifica parziale, sezioni non indicate" if agg.parziale else "Intero piano"
    return _titoli_sezioni(list(agg.sezioni))


def _titoli_sezioni(numeri: list[str]) -> str:
    titoli: dict[str, str] = {}
    for s in SEZIONI:
        titoli.setdefault(s.numero, f"{s.numero} {s.titolo}")
    return "; ".join(titoli[n] for n in numeri)


ORGANI: tuple[Colonna[OrganoPolitico], ...] = (
    Colonna("Codice", 12, lambda o: o.codice),
    Colonna("Carica", 14, lambda o: etichetta(o.carica)),
    Colonna("Nome", 20, lambda o: o.nome),
    Colonna("Deleghe", 34, lambda o: ", ".join(o.deleghe)),
    Colonna("Atto di nomina", 20, lambda o: o.atto_nomina or ""),
)


def _periodo(c: Consultazione) -> str:
    return f"dal {data(c.dal)} al {data(c.al)}" if c.dal else f"entro il {data(c.al)}"


CONSULTAZIONI: tuple[Colonna[Consultazione], ...] = (
    Colonna(
        "Oggetto",
        26,
        lambda c: (
            c.oggetto
            + se(" (promossa da ", c.promotore, ")")
            + se(". Destinatari: ", c.destinatari)
        ),
    ),
    Colonna(
        "Sezioni", 14, lambda c: _titoli_sezioni(list(c.sezioni)) if c.sezioni else "Intero piano"
    ),
    Colonna("Periodo", 14, _periodo),
    Colonna("Canale", 18, lambda c: (c.canale or "") + se(" — ", c.url)),
    Colonna(
        "Contributi",
        28,
        lambda c: (
            (numero(c.contributi_ricevuti) if c.contributi_ricevuti is not None else "")
            + se(": " if c.contributi_ricevuti is not None else "", c.esito)
        ),
    ),
)


AGGIORNAMENTI: tuple[Colonna[Aggiornamento], ...] = (
    Colonna("Data", 2, lambda g: data(g.delibera.data)),
    Colonna("Deliberazione", 3, lambda g: f"{etichetta(g.organo)} n. {g.delibera.numero}"),
    Colonna("Sezioni aggiornate", 4, _sezioni),
    Colonna("Motivo", 5, lambda g: g.motivo or ""),
)


def _aggiornamenti(a: Anagrafica) -> Tabella:
    return tabella(
        "Aggiornamenti del piano",
        sorted(a.aggiornamenti, key=lambda g: g.delibera.data),
        *AGGIORNAMENTI,
    )


def costruisci(ctx: Contesto, a: Anagrafica) -> Parte:
    """Sezione 1: the entity, its officers and political organs, the public consultations,
    the path of adoption and publication, and the updates adopted during the year."""
    blocchi: list[Blocco] = [_dati(ctx, a)]
    if a.soggetti.organi_politici:
        blocchi.append(tabella("Organi di indirizzo politico", a.soggetti.organi_politici, *ORGANI))
    if a.consultazioni:
        blocchi.append(
            tabella(
                "Consultazioni pubbliche",
                sorted(a.consultazioni, key=lambda c: c.al),
                *CONSULTAZIONI,
            )
        )
    blocchi.append(_percorso(ctx, a))
    if a.aggiornamenti:
        blocchi.append(_aggiornamenti(a))
    if a.gruppo_di_lavoro:
        blocchi.append(Paragrafo("Il piano è stato redatto dal gruppo di lavoro integrato:"))
        blocchi.append(Elenco(tuple(persona(p) for p in a.gruppo_di_lavoro)))
    return Parte(tuple(blocchi))
