"""Open-data tables of the entity and its organisation: political organs, public
consultations, organisational units, lavoro agile by year, service charters.

`piao.publish.opendata` turns each `Tavola` into a CSV; this module only chooses the
columns, so it does not depend on the writer.
"""

from __future__ import annotations

from typing import NamedTuple

from piao.model import Piano
from piao.model.lavoro_agile import LavoroAgile
from piao.model.organizzazione import Organizzazione, UnitaTrasversale


class Tavola(NamedTuple):
    file: str
    titolo: str
    descrizione: str
    intestazioni: tuple[str, ...]
    righe: tuple[tuple[object, ...], ...]


def _vuoto(value: object) -> object:
    return "" if value is None else value


def _data(value: object) -> str:
    return "" if value is None else str(value)


def _unita(org: Organizzazione) -> Tavola:
    return Tavola(
        "unita-organizzative.csv",
        "Unità organizzative",
        "Articolazione degli uffici: unità, tipo, unità di appartenenza, responsabile e incarico, "
        "personale assegnato, periodo di operatività; le unità di coordinamento trasversale con le unità "
        "che coordinano.",
        (
            "codice",
            "unita",
            "tipo",
            "dipende_da",
            "trasversale",
            "unita_coordinate",
            "responsabile",
            "incarico",
            "ad_interim",
            "dipendenti",
            "operativa_dal",
            "operativa_fino_al",
            "funzioni",
        ),
        tuple(
            (
                u.codice,
                u.denominazione,
                u.tipo,
                u.padre or "",
                "sì" if isinstance(u, UnitaTrasversale) else "no",
                " ".join(u.unita_coordinate) if isinstance(u, UnitaTrasversale) else "",
                u.responsabile or "",
                u.incarico or "",
                "sì" if u.ad_interim else "no",
                _vuoto(u.dipendenti),
                _data(u.operativa_dal),
                _data(u.operativa_fino_al),
                "; ".join(u.funzioni),
            )
            for u in (*org.unita, *org.unita_trasversali)
        ),
    )


def _lavoro_agile(la: LavoroAgile) -> Tavola:
    previsti = sorted(set(la.lavoratori_agili_potenziali) | set(la.lavoratori_agili))
    righe: list[tuple[object, ...]] = [
        (
            anno,
            "previsione",
            _vuoto(la.lavoratori_agili_potenziali.get(anno)),
            _vuoto(la.lavoratori_agili.get(anno)),
            _vuoto(la.giornate_agili_max_anno),
            "",
            "",
        )
        for anno in previsti
    ]
    righe += [
        (
            a.anno,
            "attuazione",
            _vuoto(a.lavoratori_agili_potenziali),
            _vuoto(a.lavoratori_agili),
            "",
            _vuoto(a.giornate_svolte),
            a.soddisfazione or "",
        )
        for a in sorted(la.stato_attuazione, key=lambda a: a.anno)
    ]
    return Tavola(
        "lavoro-agile.csv",
        "Lavoro agile per anno",
        "Personale con attività compatibili con il lavoro agile e lavoratori in lavoro agile: previsioni "
        "per gli anni del piano, con la quota annua di giornate agili per lavoratore, e stato di attuazione "
        "negli anni conclusi (giornate svolte, soddisfazione).",
        (
            "anno",
            "tipo",
            "lavoratori_agili_potenziali",
            "lavoratori_agili",
            "giornate_agili_max_anno_per_lavoratore",
            "giornate_svolte",
            "soddisfazione",
        ),
        tuple(righe),
    )


def tavole(piano: Piano) -> list[Tavola]:
    """The tables this module publishes, those with at least one row."""
    a = piano.anagrafica
    out = [
        Tavola(
            "organi-politici.csv",
            "Organi di indirizzo politico",
            "Sindaco, assessori e consiglieri delegati con le rispettive deleghe.",
            ("codice", "carica", "nome", "deleghe", "atto_nomina"),
            tuple(
                (o.codice, o.carica, o.nome, "; ".join(o.deleghe), o.atto_nomina or "")
                for o in a.soggetti.organi_politici
            ),
        ),
        Tavola(
            "consultazioni.csv",
            "Consultazioni pubbliche",
            "Consultazioni pubbliche sul piano o sulle sue sezioni: oggetto, periodo, canale, contributi "
            "ricevuti ed esito.",
            (
                "oggetto",
                "sezioni",
                "promotore",
                "destinatari",
                "dal",
                "al",
                "canale",
                "contributi_ricevuti",
                "esito",
                "url",
            ),
            tuple(
                (
                    c.oggetto,
                    " ".join(c.sezioni),
                    c.promotore or "",
                    c.destinatari or "",
                    _data(c.dal),
                    _data(c.al),
                    c.canale or "",
                    _vuoto(c.contributi_ricevuti),
                    c.esito or "",
                    c.url or "",
                )
                for c in a.consultazioni
            ),
        ),
    ]
    if piano.organizzazione is not None:
        out.append(_unita(piano.organizzazione))
    if piano.lavoro_agile is not None:
        out.append(_lavoro_agile(piano.lavoro_agile))
    if piano.monitoraggio is not None:
        out.append(
            Tavola(
                "carte-servizi.csv",
                "Carte dei servizi e standard di qualità",
                "Carte dei servizi con i servizi interessati, gli standard di qualità e la loro verifica.",
                (
                    "codice",
                    "carta",
                    "servizi",
                    "standard",
                    "atto",
                    "data_atto",
                    "url",
                    "verifica",
                    "periodicita",
                    "unita_responsabile",
                ),
                tuple(
                    (
                        c.codice,
                        c.denominazione,
                        "; ".join(c.servizi),
                        "; ".join(c.standard),
                        c.atto.atto if c.atto else "",
                        _data(c.atto.data if c.atto else None),
                        c.url or "",
                        c.verifica or "",
                        c.periodicita or "",
                        c.responsabile or "",
                    )
                    for c in piano.monitoraggio.carte_servizi
                ),
            )
        )
    return [t for t in out if t.righe]
