"""Piano di azioni positive (`pari_opportunita.yaml`)."""

from __future__ import annotations

from piao.model.pari_opportunita import PariOpportunita
from piao.render.contesto import Contesto
from piao.render.document import Blocco, Definizioni, Paragrafo, testo
from piao.render.etichette import etichetta
from piao.render.formatting import data, numero, se
from piao.render.indicatori import sintesi
from piao.render.parte import Parte
from piao.render.tabelle import Colonna, tabella


def costruisci(ctx: Contesto, po: PariOpportunita) -> Parte:
    blocchi: list[Blocco] = testo(po.introduzione)
    if po.atto_separato:
        blocchi.append(
            Paragrafo(
                f"Il piano di azioni positive è adottato con atto separato: {po.atto_separato}."
            )
        )
    g = po.personale_per_genere
    if g is not None:
        blocchi.append(
            tabella(
                f"Personale per genere al {data(g.al)}",
                g.per_area,
                Colonna("Area o ruolo", 50, lambda x: x.area, totale="Totale"),
                # The totals are the plan's own figures, not the sum of the rows.
                Colonna("Donne", 25, lambda x: numero(x.donne), totale=numero(g.donne)),
                Colonna("Uomini", 25, lambda x: numero(x.uomini), totale=numero(g.uomini)),
            )
        )
    if po.cug is not None:
        blocchi.append(
            Paragrafo(
                "Comitato unico di garanzia: "
                + ("costituito" if po.cug.costituito else "non costituito")
                + se(" (", po.cug.atto, ")")
                + se("; ", po.cug.parere)
                + "."
            )
        )
    if po.consultazioni:
        blocchi.append(
            Definizioni(
                tuple(
                    (
                        etichetta(c.soggetto),
                        " — ".join(x for x in (data(c.data), c.riferimento or "") if x),
                    )
                    for c in po.consultazioni
                ),
                "Soggetti sentiti sul piano (art. 48 c.1 D.Lgs. 198/2006)",
            )
        )
    if po.azioni:
        blocchi.append(
            tabella(
                "Azioni positive",
                po.azioni,
                Colonna("Codice", 8, lambda a: a.codice),
                Colonna(
                    "Azione",
                    34,
                    lambda a: a.titolo + se(": ", a.descrizione),
                ),
                Colonna("Ambito", 13, lambda a: etichetta(a.ambito)),
                Colonna("Responsabile", 15, lambda a: ctx.unita(a.responsabile)),
                Colonna("Scadenza", 11, lambda a: data(a.scadenza)),
                Colonna(
                    "Indicatori",
                    19,
                    lambda a: "; ".join(sintesi(i, ctx.anni) for i in a.indicatori),
                ),
            )
        )
    if po.commissioni_concorso is not None:
        c = po.commissioni_concorso
        frase = "Commissioni di concorso"
        if c.quota_minima_donne:
            frase += f": almeno {c.quota_minima_donne} dei componenti donne (art. 57 c.1 lett. a D.Lgs. 165/2001)"
        blocchi.append(
            Paragrafo(frase + "." + se(" ", c.impegno) + se(" ", c.motivazione_impossibilita))
        )
    return Parte(tuple(blocchi))
