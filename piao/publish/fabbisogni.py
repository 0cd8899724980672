"""Open data of sottosezione 3.3: planned hires, planned terminations, and the personnel
spending of each year (capacity, DUP, the L. 296/2006 cap, budget for new hires)."""

from __future__ import annotations

from piao.model.fabbisogni_personale import TRIENNIO, FabbisogniPersonale, Periodo
from piao.publish.tabella import TabellaAperta


def _vuoto(value: object) -> object:
    """An absent value is an empty cell, never a zero."""
    return "" if value is None else value


def tabelle_fabbisogni(fp: FabbisogniPersonale, anni: list[int]) -> list[TabellaAperta]:
    assunzioni = TabellaAperta(
        "assunzioni.csv",
        "Assunzioni programmate",
        "Piano triennale delle assunzioni: anno (o triennio), area, profilo, unità, posti, modalità "
        "(più modalità in subordine o in alternativa), contratto, costo annuo per posto (vuoto se non "
        "indicato), tempo parziale, fonte di finanziamento con la sua descrizione, se è fuori dalla "
        "capacità assunzionale e la norma che lo consente.",
        (
            "codice",
            "anno",
            "area",
            "profilo",
            "unita",
            "numero",
            "modalita",
            "contratto",
            "costo_annuo",
            "ordine_modalita",
            "percentuale_part_time",
            "fonte_finanziamento",
            "fuori_capacita",
            "descrizione_finanziamento",
            "norma_fuori_capacita",
        ),
        tuple(
            (
                a.codice,
                a.anno,
                _vuoto(a.area),
                _vuoto(a.profilo),
                " ".join(a.unita_destinazione),
                a.numero,
                " ".join(m.tipo for m in a.metodi),
                a.contratto,
                _vuoto(a.costo_annuo),
                a.ordine_modalita if len(a.metodi) > 1 else "",
                _vuoto(a.percentuale_part_time),
                a.finanziamento.fonte if a.finanziamento else "",
                "sì" if a.fuori_capacita else "no",
                _vuoto(a.finanziamento.descrizione) if a.finanziamento else "",
                _vuoto(a.finanziamento.norma) if a.finanziamento else "",
            )
            for a in fp.assunzioni
        ),
    )
    cessazioni = TabellaAperta(
        "cessazioni.csv",
        "Cessazioni programmate",
        "Cessazioni programmate nel triennio: anno (o triennio), area, profilo, numero, motivo e "
        "costo annuo per posto (vuoto se non indicato).",
        ("anno", "area", "profilo", "numero", "motivo", "costo_annuo"),
        tuple(
            (
                c.anno,
                _vuoto(c.area),
                _vuoto(c.profilo),
                c.numero,
                _vuoto(c.motivo),
                _vuoto(c.costo_annuo),
            )
            for c in fp.cessazioni
        ),
    )
    return [assunzioni, cessazioni, _spesa(fp, anni)]


def _spesa(fp: FabbisogniPersonale, anni: list[int]) -> TabellaAperta:
    ca, limite = fp.capacita_assunzionale, fp.limite_spesa
    periodi: list[Periodo] = list(anni)
    if any(a.anno == TRIENNIO for a in fp.assunzioni) or any(
        c.anno == TRIENNIO for c in fp.cessazioni
    ):
        periodi.append(TRIENNIO)

    def riga(p: Periodo) -> tuple[object, ...]:
        movimenti = (
            sum(a.numero for a in fp.assunzioni if a.anno == p),
            sum(c.numero for c in fp.cessazioni if c.anno == p),
        )
        if not isinstance(p, int):
            return (p, "", "", "", "", "", "", *movimenti, "", "")
        totali = fp.totali_annui.get(p)
        return (
            p,
            _vuoto(ca.spesa_personale_prevista.get(p)) if ca else "",
            _vuoto(ca.spesa_personale_dup.get(p)) if ca else "",
            limite.comma if limite else "",
            limite.valore if limite else "",
            _vuoto(limite.spesa_prevista.get(p)) if limite else "",
            _vuoto(fp.spesa_nuove_assunzioni.get(p)),
            *movimenti,
            _vuoto(totali.assunzioni) if totali else "",
            _vuoto(totali.cessazioni) if totali else "",
        )

    return TabellaAperta(
        "spesa-personale.csv",
        "Spesa di personale e movimenti per anno",
        "Per ogni anno del triennio: spesa di personale prevista e nel DUP (capacità assunzionale, DM "
        "17/3/2020), limite della L. 296/2006 (comma, valore) e spesa ai fini del limite, spesa per "
        "nuove assunzioni, posti da assumere e cessazioni (dalle righe del piano e come totali dichiarati); "
        "una riga «triennio» per i movimenti senza anno.",
        (
            "anno",
            "spesa_personale_prevista",
            "spesa_personale_dup",
            "limite_l296_comma",
            "limite_l296_valore",
            "spesa_ai_fini_del_limite",
            "spesa_nuove_assunzioni",
            "posti_assunzioni",
            "cessazioni",
            "assunzioni_dichiarate",
            "cessazioni_dichiarate",
        ),
        tuple(riga(p) for p in periodi),
    )
