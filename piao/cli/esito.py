"""The formats of `piao monitoraggio esito`: text for the terminal, JSON for programs, CSV in
the Italian spreadsheet form (UTF-8 with BOM, `;`, decimal comma)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from piao.csvsafe import write_csv_italiano
from piao.periodi.raggiungimento import EsitoAggregato, EsitoIndicatore, Raggiungimento
from piao.periodi.soddisfazione import IndiceSoddisfazione
from piao.render.etichette import etichetta
from piao.render.formatting import con_segno, numero

_DATA = "%d/%m/%Y"


def _num(v: float | str | None, cifre: int = 2) -> str:
    if v is None:
        return "—"
    if isinstance(v, str):
        return f"«{v}»"
    return numero(round(v, cifre))


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{numero(round(v, 1))} %"


def _segno(v: float | None) -> str:
    return "—" if v is None else con_segno(v)


def regole(r: Raggiungimento) -> list[str]:
    """The thresholds and rules in force, as the output states them."""
    p = r.parametri
    origine = "fissate nel piano (monitoraggio.yaml)" if p.dal_piano else "convenzione di piao"
    righe = [
        f"Fasce ({origine}; la legge non fissa soglie): raggiunto da {_pct(p.soglia_raggiunto)}, "
        f"parzialmente raggiunto da {_pct(p.soglia_parziale)}, sotto non raggiunto; "
        f"tolleranza del mantenimento {_pct(p.tolleranza_mantenimento)} del target.",
        "Percentuali limitate a 0–100 %; il superamento del target è indicato a parte.",
    ]
    if r.regola_periodo:
        righe.append(r.regola_periodo)
    return righe


def _aggregato(e: EsitoAggregato) -> str:
    riga = f"  {e.codice}  {_pct(e.percentuale)}  {etichetta(e.esito).lower()}"
    if e.titolo:
        riga += f"  {e.titolo}"
    dettagli = [f"da {', '.join(e.parti)} ({e.pesi})"]
    if e.percentuale_indicatori is not None:
        dettagli.append(f"indicatori propri {_pct(e.percentuale_indicatori)}")
    if e.non_rilevate:
        dettagli.append(f"non rilevati, esclusi dalla media: {', '.join(e.non_rilevate)}")
    if e.rettifica is not None:
        dettagli.append(_rettifica(e.percentuale_calcolata, e))
    return riga + "\n      " + "; ".join(dettagli)


def _rettifica(calcolata: float | None, e: EsitoAggregato | EsitoIndicatore) -> str:
    assert e.rettifica is not None
    atto = f", {e.rettifica.atto.atto}" if e.rettifica.atto else ""
    return (
        f"RETTIFICA (calcolato {_pct(calcolata)}): {e.rettifica.motivo} — approvata da "
        f"{e.rettifica.approvata_da}{atto}"
    )


def _indicatore(e: EsitoIndicatore) -> str:
    riga = (
        f"  {e.codice}  {_pct(e.percentuale)}  {etichetta(e.esito).lower()}\n      "
        f"{e.verso or 'verso non indicato'}; partenza {_num(e.baseline)}, target "
        f"{_num(e.target)}, valore {_num(e.valore)}"
    )
    if e.scostamento is not None:
        riga += f"; scostamento {_segno(e.scostamento)}"
        if e.scostamento_relativo is not None:
            riga += f" ({_segno(e.scostamento_relativo)} %)"
    if e.metodo != "non calcolato":
        riga += f"\n      {e.metodo}"
    for nota in e.note:
        riga += f"\n      {nota}"
    if e.rettifica is not None:
        riga += "\n      " + _rettifica(e.percentuale_calcolata, e)
    return riga


def _dove(i: IndiceSoddisfazione) -> str:
    """«Sportello polivalente, sportello», or the whole survey."""
    if i.servizio is None:
        return "intera rilevazione"
    return f"{i.servizio}, {i.canale}" if i.canale else i.servizio


def _soddisfazione(i: IndiceSoddisfazione) -> str:
    indice = "—" if i.indice is None else numero(round(i.indice, 1))
    riga = f"  {i.rilevazione}  {_dove(i)}: indice {indice}"
    dettagli = []
    if i.campione is not None:
        dettagli.append(f"campione {i.campione}")
    if i.tasso_risposta is not None:
        dettagli.append(f"tasso di risposta {_pct(i.tasso_risposta)}")
    if dettagli:
        riga += f" ({', '.join(dettagli)})"
    for nota in i.note:
        riga += f"\n      {nota}"
    return riga


def formato_testo(r: Raggiungimento) -> str:
    per = r.periodo
    out = [
        f"Raggiungimento: {per.descrizione} (dal {per.inizio.strftime(_DATA)} al "
        f"{per.fine.strftime(_DATA)}), {r.file}",
        *regole(r),
    ]
    for titolo, voci in (
        ("Obiettivi di valore pubblico (dagli obiettivi di performance)", r.valore_pubblico),
        ("Unità organizzative (dagli obiettivi di cui sono responsabili)", r.unita),
        ("Obiettivi (dai loro indicatori)", r.obiettivi),
    ):
        if voci:
            out += ["", f"{titolo}:", *(_aggregato(e) for e in voci)]
    if r.indicatori:
        out += ["", "Indicatori:", *(_indicatore(e) for e in r.indicatori)]
    if r.soddisfazione:
        out += [
            "",
            "Soddisfazione degli utenti (indice da 0 a 100, per rilevazione e per servizio e "
            "canale; campione: giudizi espressi o rispondenti):",
            *(_soddisfazione(i) for i in r.soddisfazione),
        ]
    if r.findings:
        out += ["", "Rilievi:"]
        out += [f"  {f.location}: {f.code} {f.message}" for f in r.findings]
    return "\n".join(out) + "\n"


def _json(v: Any) -> Any:
    if isinstance(v, float):
        return round(v, 4)
    if isinstance(v, dict):
        return {k: _json(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_json(x) for x in v]
    return v


def formato_json(r: Raggiungimento) -> str:
    dati: dict[str, Any] = {
        "periodo": r.periodo.nome,
        "descrizione": r.periodo.descrizione,
        "inizio": r.periodo.inizio.isoformat(),
        "fine": r.periodo.fine.isoformat(),
        "file": r.file,
        "parametri": asdict(r.parametri),
        "regola_periodo": r.regola_periodo,
        "indicatori": [asdict(e) for e in r.indicatori],
        "obiettivi": [asdict(e) for e in r.obiettivi],
        "unita": [asdict(e) for e in r.unita],
        "valore_pubblico": [asdict(e) for e in r.valore_pubblico],
        "soddisfazione": [asdict(i) for i in r.soddisfazione],
        "rilievi": [
            {
                "codice": f.code,
                "nome": f.name,
                "gravita": f.severity.value,
                "messaggio": f.message,
                "file": f.location.file,
                "riga": f.location.line,
                "colonna": f.location.column,
                "suggerimento": f.hint,
            }
            for f in r.findings
        ],
    }
    for chiave in ("indicatori", "obiettivi", "unita", "valore_pubblico"):
        for voce, e in zip(dati[chiave], getattr(r, chiave), strict=True):
            voce["rettifica"] = e.rettifica.model_dump(mode="json") if e.rettifica else None
    return json.dumps(_json(dati), ensure_ascii=False, indent=2) + "\n"


_INTESTAZIONE = (
    "livello",
    "codice",
    "descrizione",
    "obiettivo",
    "verso",
    "partenza",
    "target",
    "valore",
    "peso",
    "percentuale_oltre_limite",
    "percentuale_calcolata",
    "percentuale",
    "esito",
    "scostamento",
    "scostamento_relativo",
    "rettifica",
    "note",
    "canale",
    "campione",
    "tasso_risposta",
)
"""A satisfaction index is a row of level «Soddisfazione»: the survey's code, the service as
its description, the index as its value, and the last three columns (empty for the rest)."""


def formato_csv(r: Raggiungimento) -> str:
    righe: list[list[object]] = []

    def pct(v: float | None) -> object:
        return None if v is None else round(v, 4)

    for a in [*r.valore_pubblico, *r.unita, *r.obiettivi]:
        righe.append(
            [
                etichetta(a.livello),
                a.codice,
                a.titolo,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                pct(a.percentuale_calcolata),
                pct(a.percentuale),
                etichetta(a.esito).lower(),
                "",
                "",
                a.rettifica.motivo if a.rettifica else "",
                "; ".join([f"da {', '.join(a.parti)} ({a.pesi})", *a.note]),
            ]
        )
    for e in r.indicatori:
        righe.append(
            [
                "Indicatore",
                e.codice,
                e.descrizione,
                e.obiettivo,
                e.verso or "",
                e.baseline,
                e.target,
                e.valore,
                e.peso,
                pct(e.percentuale_grezza),
                pct(e.percentuale_calcolata),
                pct(e.percentuale),
                etichetta(e.esito).lower(),
                pct(e.scostamento),
                pct(e.scostamento_relativo),
                e.rettifica.motivo if e.rettifica else "",
                "; ".join([e.metodo, *e.note]),
            ]
        )
    for i in r.soddisfazione:
        riga: list[object] = ["Soddisfazione", i.rilevazione, i.servizio or "Intera rilevazione"]
        riga += ["", "", "", "", pct(i.indice), *[""] * 8, "; ".join(i.note)]
        righe.append([*riga, i.canale or "", i.campione, pct(i.tasso_risposta)])
    larghezza = len(_INTESTAZIONE)
    return write_csv_italiano(_INTESTAZIONE, [[*r, *[""] * (larghezza - len(r))] for r in righe])
