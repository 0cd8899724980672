"""`piao diff`: what changed between two versions of a plan, object by object (by
`codice`): added, removed, changed field by field, with counts per section. Works on the
files as written, so also on drafts that do not validate yet."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from piao.lingua import quanti
from piao.loading import readable_folder
from piao.model import SEZIONI
from piao.model.base import da_verificare
from piao.sicuro import html_testo, json_stretto, terminale

TIPI = {
    "obiettivi": "obiettivo",
    "obiettivi_strategici": "obiettivo strategico",
    "indicatori": "indicatore",
    "accessibilita": "azione di accessibilità",
    "semplificazione": "procedura da semplificare",
    "risparmio_energetico": "obiettivo di risparmio energetico",
    "processi": "processo",
    "eventi_rischiosi": "evento rischioso",
    "misure": "misura",
    "obblighi": "obbligo di pubblicazione",
    "unita": "unità organizzativa",
    "interventi": "intervento organizzativo",
    "assunzioni": "assunzione",
    "priorita": "priorità formativa",
    "corsi": "corso",
    "azioni": "azione positiva",
    "soddisfazione_utenti": "rilevazione della soddisfazione",
    "carte_servizi": "carta dei servizi",
    "unita_trasversali": "unità di coordinamento trasversale",
    "organi_politici": "organo politico",
    "linee_programmatiche": "linea programmatica",
    "obiettivi_operativi": "obiettivo operativo",
    "salute": "obiettivo di salute",
    "interventi_finanziati": "intervento finanziato",
}
ANAGRAFICA = (
    "soggetti",
    "triennio",
    "regime",
    "regime_finanziario",
    "versione",
    "consultazioni",
    "adozione",
    "aggiornamenti",
    "pubblicazione",
)
"""The fields of the scheda anagrafica that `piao diff` compares (besides its coded objects)."""
TITOLI = (
    "titolo",
    "denominazione",
    "descrizione",
    "azione",
    "procedura",
    "profilo",
    "strumento",
    "contenuto",
)


@dataclass(frozen=True)
class Modifica:
    campo: str
    prima: Any
    dopo: Any


@dataclass(frozen=True)
class Cambio:
    file: str
    tipo: str
    codice: str
    stato: str  # aggiunto | rimosso | modificato | spostato
    titolo: str
    modifiche: tuple[Modifica, ...] = ()
    spostamenti: tuple[Modifica, ...] = ()
    """Changes due only to the year shift (the year leaving the triennio, the new last
    year); an object with nothing else is «spostato», not «modificato»."""


@dataclass(frozen=True)
class Differenze:
    prima: str
    dopo: str
    cambi: tuple[Cambio, ...]
    campi: tuple[Cambio, ...] = field(default=())
    """Changes to fields outside coded objects (e.g. the triennio), as pseudo-objects."""

    def conteggi(self) -> list[tuple[str, str, int, int, int]]:
        out = []
        for s in SEZIONI:
            cambi = [c for c in (*self.campi, *self.cambi) if c.file == s.file]
            if cambi:
                out.append(
                    (
                        s.file,
                        f"{s.numero} {s.titolo}",
                        sum(c.stato == "aggiunto" for c in cambi),
                        sum(c.stato == "rimosso" for c in cambi),
                        sum(c.stato == "modificato" for c in cambi),
                    )
                )
        return out

    def spostati(self, file: str | None = None) -> int:
        """Objects changed only by the year shift (in one file, or in all)."""
        return sum(c.stato == "spostato" and file in (None, c.file) for c in self.cambi)


def _oggetti(
    node: Any, tipo: str = "", path: tuple[str, ...] = ()
) -> dict[str, tuple[str, dict[str, Any]]]:
    """codice → (kind, the object's own fields without nested coded objects)."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    if isinstance(node, dict):
        codice = node.get("codice")
        proprio: dict[str, Any] = {}
        for key, value in node.items():
            if isinstance(value, list) and any(
                isinstance(v, dict) and "codice" in v for v in value
            ):
                for item in value:
                    out.update(_oggetti(item, TIPI.get(str(key), str(key)), (*path, str(key))))
            elif isinstance(value, dict):
                out.update(_oggetti(value, tipo, (*path, str(key))))
                proprio[key] = value
            else:
                proprio[key] = value
        if isinstance(codice, str):
            out[codice] = (tipo or "oggetto", proprio)
    return out


def _propri(section: dict[str, Any]) -> dict[str, Any]:
    """The top-level fields of a section that are not lists of coded objects."""
    return {
        k: v
        for k, v in section.items()
        if not (isinstance(v, list) and any(isinstance(x, dict) and "codice" in x for x in v))
        and not (isinstance(v, dict) and _oggetti(v))
    }


def _piatto(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(_piatto(v, f"{prefix}.{k}" if prefix else str(k)))
        return out
    return {prefix: value}


def _per_voce(pa: dict[str, Any], pb: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Lists of uncoded items of the same length (phases, subjects) compared item by item,
    so a change reads «fasi[1].scadenza: ... → ...» rather than as two whole lists."""

    def voci(value: Any) -> bool:
        return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)

    def espandi(piatto: dict[str, Any], altro: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in piatto.items():
            w = altro.get(k)
            if voci(v) and isinstance(w, list) and voci(w) and len(v) == len(w):
                for i, item in enumerate(v):
                    out.update(_piatto(item, f"{k}[{i}]"))
            else:
                out[k] = v
        return out

    return espandi(pa, pb), espandi(pb, pa)


def _confronta(a: dict[str, Any], b: dict[str, Any]) -> tuple[Modifica, ...]:
    pa, pb = _per_voce(_piatto(a), _piatto(b))
    return tuple(
        Modifica(k, pa.get(k), pb.get(k))
        for k in sorted(set(pa) | set(pb), key=_ordine(pa, pb))
        if pa.get(k) != pb.get(k)
    )


def _ordine(pa: dict[str, Any], pb: dict[str, Any]) -> Any:
    """The keys of the old file in order, then those only in the new one: a dict of
    positions, so that sorting stays n log n however many keys (issue 15)."""
    posizioni = {k: i for i, k in enumerate(pa)}
    for k in pb:
        posizioni.setdefault(k, len(posizioni))
    return posizioni.__getitem__


def _anno_spostato(m: Modifica, triennio: tuple[int, int] | None) -> bool:
    """A yearly value that only reflects the shift of the triennio: the year that left
    it (dropped) or the year that joined it (added), when the triennio moved forward."""
    if triennio is None:
        return False
    vecchio, nuovo = triennio
    dopo = m.dopo
    if isinstance(dopo, str) and da_verificare(dopo):
        dopo = dopo.split("—", 1)[-1].strip()
        with suppress(ValueError):
            dopo = datetime.date.fromisoformat(dopo)
    if isinstance(m.prima, datetime.date) and isinstance(dopo, datetime.date):
        # A recurring phase moved by the years the triennio moved.
        return nuovo > vecchio and dopo == _anni_dopo(m.prima, nuovo - vecchio)
    anno = m.campo.rsplit(".", 1)[-1]
    if not anno.isdigit() or nuovo <= vecchio:
        return False
    return (m.dopo is None and vecchio <= int(anno) < nuovo) or (
        m.prima is None and vecchio + 2 < int(anno) <= nuovo + 2
    )


def _anni_dopo(d: datetime.date, anni: int) -> datetime.date:
    try:
        return d.replace(year=d.year + anni)
    except ValueError:
        return d.replace(year=d.year + anni, day=28)


def _triennio(dati: dict[str, Any]) -> int | None:
    anagrafica = dati.get("anagrafica.yaml")
    triennio = anagrafica.get("triennio") if isinstance(anagrafica, dict) else None
    da = triennio.get("da") if isinstance(triennio, dict) else None
    return da if isinstance(da, int) else None


def _titolo(campi: dict[str, Any]) -> str:
    for key in TITOLI:
        if isinstance(campi.get(key), str):
            return str(campi[key])
    return ""


def _dati(folder: Path) -> dict[str, Any]:
    loaded = readable_folder(folder)
    return {s.file: loaded.sources.data(s.file) for s in SEZIONI}


def diff_plans(prima: Path, dopo: Path) -> Differenze:
    da, a = _dati(prima), _dati(dopo)
    anni = (_triennio(da), _triennio(a))
    triennio = (anni[0], anni[1]) if anni[0] is not None and anni[1] is not None else None
    cambi: list[Cambio] = []
    campi: list[Cambio] = []
    for s in SEZIONI:
        vecchi, nuovi = _oggetti(da[s.file]), _oggetti(a[s.file])
        for codice in [*vecchi, *[c for c in nuovi if c not in vecchi]]:
            if codice not in nuovi:
                tipo, proprio = vecchi[codice]
                cambi.append(Cambio(s.file, tipo, codice, "rimosso", _titolo(proprio)))
            elif codice not in vecchi:
                tipo, proprio = nuovi[codice]
                cambi.append(Cambio(s.file, tipo, codice, "aggiunto", _titolo(proprio)))
            else:
                tutte = _confronta(vecchi[codice][1], nuovi[codice][1])
                spostato = [_anno_spostato(m, triennio) for m in tutte]
                spostamenti = tuple(m for m, sp in zip(tutte, spostato, strict=True) if sp)
                modifiche = tuple(m for m, sp in zip(tutte, spostato, strict=True) if not sp)
                if tutte:
                    tipo, proprio = nuovi[codice]
                    stato = "modificato" if modifiche else "spostato"
                    cambi.append(
                        Cambio(
                            s.file, tipo, codice, stato, _titolo(proprio), modifiche, spostamenti
                        )
                    )
        va, vb = da[s.file] or {}, a[s.file] or {}
        if s.key != "anagrafica" and isinstance(va, dict) and isinstance(vb, dict):
            modifiche = _confronta(_propri(va), _propri(vb))
            if modifiche:
                campi.append(Cambio(s.file, "sezione", s.key, "modificato", "", modifiche))
        if s.key == "anagrafica":
            for key in ANAGRAFICA:
                if not (isinstance(va, dict) and isinstance(vb, dict)):
                    continue
                if key == "soggetti":
                    # The political organs are coded objects, compared one by one above.
                    va, vb = (
                        {**va, key: _propri(va.get(key) or {})},
                        {**vb, key: _propri(vb.get(key) or {})},
                    )
                if va.get(key) == vb.get(key):
                    continue
                if vb.get(key) is None:
                    campi.append(Cambio(s.file, "scheda anagrafica", key, "rimosso", ""))
                elif va.get(key) is None:
                    campi.append(Cambio(s.file, "scheda anagrafica", key, "aggiunto", ""))
                else:
                    modifiche = _confronta({key: va.get(key)}, {key: vb.get(key)})
                    campi.append(
                        Cambio(s.file, "scheda anagrafica", key, "modificato", "", modifiche)
                    )
    return Differenze(str(prima), str(dopo), tuple(cambi), tuple(campi))


def _valore(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "sì" if v else "no"
    if isinstance(v, datetime.date):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, list):
        return "[" + ", ".join(_valore(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_valore(x)}" for k, x in v.items()) + "}"
    return str(v)


SIMBOLI = {"aggiunto": "+", "rimosso": "-", "modificato": "~", "spostato": ">"}


def _esiti(aggiunti: int, rimossi: int, modificati: int) -> str:
    """«1 aggiunto, 0 rimossi, 2 modificati»."""
    return ", ".join(
        quanti(n, singolare, plurale)
        for n, singolare, plurale in (
            (aggiunti, "aggiunto", "aggiunti"),
            (rimossi, "rimosso", "rimossi"),
            (modificati, "modificato", "modificati"),
        )
    )


def render_text(d: Differenze) -> str:
    righe = [f"Differenze tra {d.prima} e {d.dopo}"]
    if not d.cambi and not d.campi:
        return terminale(righe[0]) + "\nNessuna differenza.\n"
    for file, titolo, agg, rim, mod in d.conteggi():
        righe += ["", f"{file} — {titolo}: {_esiti(agg, rim, mod)}"]
        if n := d.spostati(file):
            righe[-1] += f"; {n} solo {'spostato' if n == 1 else 'spostati'} di un anno"
        for c in (*[c for c in d.campi if c.file == file], *[c for c in d.cambi if c.file == file]):
            if c.stato == "spostato":
                continue
            righe.append(
                f"  {SIMBOLI[c.stato]} {c.tipo} {c.codice}"
                + (f" «{c.titolo}»" if c.titolo else "")
                + f" {c.stato}"
            )
            for m in c.modifiche:
                righe.append(f"      {m.campo}: {_valore(m.prima)} → {_valore(m.dopo)}")
    totale = [*d.campi, *d.cambi]
    righe += [
        "",
        "Totale: "
        + _esiti(
            *(sum(c.stato == s for c in totale) for s in ("aggiunto", "rimosso", "modificato"))
        )
        + ".",
    ]
    if n := d.spostati():
        righe.append(
            f"Spostamento d'anno: {n} oggetti cambiano solo perché il triennio è avanzato "
            "(esce il primo anno, entra il nuovo ultimo anno); non sono elencati."
            if n > 1
            else "Spostamento d'anno: 1 oggetto cambia solo perché il triennio è avanzato "
            "(esce il primo anno, entra il nuovo ultimo anno); non è elencato."
        )
    # Plan text on a terminal: every control or bidi character stays a visible escape.
    return "\n".join(terminale(r) for r in righe) + "\n"


def _md(text: str) -> str:
    """Plan text in a markdown table cell: never HTML, never a new row."""
    return html_testo(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def render_markdown(d: Differenze) -> str:
    """For the Giunta's resolution: a summary table and one table per section."""
    righe = ["# Modifiche al PIAO", "", f"Confronto tra `{d.prima}` e `{d.dopo}`.", ""]
    if not d.cambi and not d.campi:
        return "\n".join([*righe, "Nessuna differenza.", ""])
    righe += ["| Sezione | Aggiunti | Rimossi | Modificati |", "|---|---:|---:|---:|"]
    for _, titolo, agg, rim, mod in d.conteggi():
        righe.append(f"| {titolo} | {agg} | {rim} | {mod} |")
    for file, titolo, _, _, _ in d.conteggi():
        righe += ["", f"## {titolo}", "", "| Oggetto | Esito | Dettaglio |", "|---|---|---|"]
        for c in (*[c for c in d.campi if c.file == file], *[c for c in d.cambi if c.file == file]):
            if c.stato == "spostato":
                continue
            oggetto = f"{c.tipo} {c.codice}" + (f" — {c.titolo}" if c.titolo else "")
            dettaglio = "<br>".join(
                _md(f"{m.campo}: {_valore(m.prima)} → {_valore(m.dopo)}") for m in c.modifiche
            )
            righe.append(f"| {_md(oggetto)} | {c.stato} | {dettaglio} |")
        if n := d.spostati(file):
            righe += ["", f"Oggetti solo spostati di un anno (triennio avanzato): {n}."]
    return "\n".join(righe) + "\n"


def render_json(d: Differenze) -> str:
    data = {
        "schema_version": 1,
        "prima": d.prima,
        "dopo": d.dopo,
        "sezioni": [
            {
                "file": f,
                "titolo": t,
                "aggiunti": a,
                "rimossi": r,
                "modificati": m,
                "spostati": d.spostati(f),
            }
            for f, t, a, r, m in d.conteggi()
        ],
        "cambi": [
            {
                "file": c.file,
                "tipo": c.tipo,
                "codice": c.codice,
                "stato": c.stato,
                "titolo": c.titolo,
                "modifiche": [
                    {"campo": m.campo, "prima": _json(m.prima), "dopo": _json(m.dopo)}
                    for m in c.modifiche
                ],
                "spostamento_anno": [
                    {"campo": m.campo, "prima": _json(m.prima), "dopo": _json(m.dopo)}
                    for m in c.spostamenti
                ],
            }
            for c in (*d.campi, *d.cambi)
        ],
    }
    return json_stretto(data)


def _json(v: Any) -> Any:
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, list):
        return [_json(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _json(x) for k, x in v.items()}
    return v


RENDERERS: dict[str, Callable[[Differenze], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
"""Output formats of `piao diff`, by name."""
