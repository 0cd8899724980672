"""Describe the catalogue for people and machines: `piao rules`, `piao rules CODE` and the
generated reference page docs/regole.md. Every code (YM, SC and the rules) is described
the same way."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from piao.catalogue import TIPI_IT, Catalogue, Voce, catalogue
from piao.reference import riferimenti
from piao.reference.tables import CONFIDENZA_IT, FORZA_IT


def _regimi(voce: Voce) -> str:
    return " e ".join(sorted(voce.regimi))


def forza(voce: Voce) -> str:
    """«norma vincolante», «atto di indirizzo (non vincolante)» or the internal-coherence wording."""
    if not voce.basis:
        return "coerenza interna del piano"
    return FORZA_IT["vincolante"] if voce.vincolante else FORZA_IT["indirizzo"]


def deroga(voce: Voce) -> str:
    if voce.derogabile:
        if voce.eccezione:
            return f"ammessa solo nel caso previsto dalla norma: {voce.eccezione}"
        return "ammessa, con motivazione scritta (la regola applica atti di indirizzo)"
    if voce.integrita:
        return "non ammessa (controllo di integrità dei collegamenti)"
    return "non ammessa (norma vincolante)"


def voce_to_dict(voce: Voce) -> dict[str, Any]:
    norme = riferimenti().norme
    return {
        "code": voce.code,
        "name": voce.name,
        "kind": voce.tipo,
        "severity": voce.severity.value,
        "summary": voce.summary,
        "basis": list(voce.basis),
        "basis_detail": [
            {
                "id": b,
                "citation": norme[b].citazione,
                "title": norme[b].titolo,
                "url": norme[b].url or None,
                "confidence": norme[b].confidenza,
                "binding_force": norme[b].forza,
                "exception": norme[b].eccezione or None,
            }
            for b in voce.basis
        ],
        "confidence": voce.confidenza,
        "binding": voce.vincolante,
        "waivable": voce.derogabile,
        "exception": voce.eccezione,
        "regimes": sorted(voce.regimi),
        "integrity": voce.integrita,
        "covers": list(voce.copre),
    }


def rules_table(cat: Catalogue) -> str:
    lines = [f"{'codice':<7} {'livello':<8} {'conf.':<5} {'regime':<24} nome", "-" * 90]
    for voce in cat.values():
        regimi = _regimi(voce) if voce.regola else "tutti"
        conf = voce.confidenza or "-"
        lines.append(f"{voce.code:<7} {voce.severity.label:<8} {conf:<5} {regimi:<24} {voce.name}")
    regole = sum(v.regola for v in cat.values())
    lines.append("")
    lines.append(
        f"{regole} regole di conformità e {len(cat) - regole} controlli di sintassi, di "
        "struttura e dei file di monitoraggio. Confidenza: V verificata, P parzialmente verificata, U non verificata. "
        "«piao rules CODICE» mostra una regola con la sua base giuridica."
    )
    return "\n".join(lines) + "\n"


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


_DOVE = {
    "periodo": "Si applica ai file dei periodi di monitoraggio (cartella «monitoraggio» del piano).",
    "documento": "Si applica quando si produce la Relazione sulla performance (piao relazione).",
    "tabella": "Si applica quando si legge un foglio di calcolo con un tracciato "
    "(piao fogli tabella).",
}
"""Where a check that is not a compliance rule applies, by its kind."""


def explain(voce: Voce) -> str:
    lines = [f"{voce.code}  {voce.name}", "", voce.summary, ""]
    lines.append(f"Tipo: {TIPI_IT[voce.tipo]}")
    lines.append(f"Livello predefinito: {voce.severity.label}")
    if voce.tipo in _DOVE:
        lines.append(_DOVE[voce.tipo])
        return "\n".join(lines) + "\n"
    if not voce.regola:
        lines.append("Si applica a ogni file di ogni piano, prima delle regole di conformità.")
        return "\n".join(lines) + "\n"
    assert voce.confidenza is not None
    lines.append(
        f"Confidenza del fatto giuridico: {CONFIDENZA_IT[voce.confidenza]} ({voce.confidenza})"
    )
    lines.append(f"Forza della base giuridica: {forza(voce)}")
    if voce.motivo_severita:
        lines.append(f"Perché questo livello: {voce.motivo_severita}")
    lines.append(f"Deroga: {deroga(voce)}")
    if voce.integrita:
        lines.append(
            "Regola di integrità dei collegamenti: un riferimento rotto è sempre un errore."
        )
    lines.append(f"Si applica al regime: {_regimi(voce)}")
    lines.append("")
    lines.append("Base giuridica:")
    if not voce.basis:
        lines.append("  - nessuna norma specifica: coerenza interna del piano")
    norme = riferimenti().norme
    for b in voce.basis:
        n = norme[b]
        line = f"  - {n.citazione} — {n.titolo} [{FORZA_IT[n.forza]}; confidenza: {CONFIDENZA_IT[n.confidenza]}; fonti: {n.fonte}]"
        if n.url:
            line += f" {n.url}"
        lines.append(line)
    lines += [
        "",
        "Esempio conforme:",
        _indent(voce.esempio_conforme or ""),
        "",
        "Esempio non conforme:",
        _indent(voce.esempio_non_conforme or ""),
    ]
    return "\n".join(lines) + "\n"


def _markdown_rule(voce: Voce) -> list[str]:
    norme = riferimenti().norme
    out = [f"## {voce.code}", "", f"**{voce.name}** — {voce.summary}", ""]
    out.append(
        f"- Livello: {voce.severity.label}; forza della base: {forza(voce)}; confidenza: "
        f"{CONFIDENZA_IT[voce.confidenza or 'U']}; regime: {_regimi(voce)}"
    )
    if voce.motivo_severita:
        out.append(f"- Perché questo livello: {voce.motivo_severita}")
    out.append(f"- Deroga: {deroga(voce)}")
    if voce.basis:
        out.append(
            "- Base giuridica: "
            + "; ".join(f"{norme[b].citazione} ({norme[b].titolo})" for b in voce.basis)
        )
    else:
        out.append("- Base giuridica: coerenza interna del piano (integrità dei collegamenti)")
    out += [
        "",
        "Conforme:",
        "",
        "```yaml",
        voce.esempio_conforme or "",
        "```",
        "",
        "Non conforme:",
        "",
        "```yaml",
        voce.esempio_non_conforme or "",
        "```",
        "",
    ]
    return out


def rules_markdown(cat: Catalogue) -> str:
    """docs/regole.md: generated, checked fresh by a test."""
    regole = [v for v in cat.values() if v.regola]
    controlli = [v for v in cat.values() if v.tipo in ("sintassi", "struttura")]
    periodi = [v for v in cat.values() if v.tipo == "periodo"]
    out = [
        "# Catalogo delle regole di piao",
        "",
        "<!-- Generato da `piao rules --format markdown`: non modificare a mano. -->",
        "",
        f"{len(regole)} regole di conformità. Il livello predefinito segue la forza della base giuridica "
        "e la confidenza del fatto giuridico: norma vincolante verificata → errore, parzialmente verificata "
        "→ avviso, non verificata → informazione; una regola fondata solo su atti di indirizzo (ANAC, "
        "Funzione Pubblica, direttive, circolari) è al più un avviso. Una regola può scegliere un livello "
        "più basso e spiega perché. Le regole di integrità (collegamenti tra sezioni) sono sempre errori.",
        "",
        "Un piano può derogare (chiave `deroghe` della scheda anagrafica) solo alle regole fondate su atti "
        "di indirizzo o su una norma che ammette essa stessa un'eccezione (per esempio «salva motivata "
        "impossibilità»): una deroga a una norma vincolante non ha effetto ed è segnalata (AN013).",
        "",
        "| codice | nome | livello | forza | confidenza | deroga | regime |",
        "|---|---|---|---|---|---|---|",
    ]
    for v in regole:
        out.append(
            f"| [{v.code}](#{v.code.lower()}) | {v.name} | {v.severity.label} | "
            f"{'vincolante' if v.vincolante else 'indirizzo' if v.basis else 'coerenza'} | {v.confidenza} | "
            f"{'sì' if v.derogabile else 'no'} | {_regimi(v)} |"
        )
    out += [
        "",
        f"Prima delle regole, {len(controlli)} controlli di sintassi (YM) e di struttura (SC) "
        "leggono i file: con un loro errore il piano non può essere letto e le regole non vengono "
        "eseguite.",
        "",
        "| codice | nome | livello | controllo |",
        "|---|---|---|---|",
    ]
    for v in controlli:
        out.append(f"| {v.code} | {v.name} | {v.severity.label} | {v.summary} |")
    out += [
        "",
        f"I file dei periodi di monitoraggio (cartella `monitoraggio` del piano) passano per gli "
        f"stessi controlli di sintassi e di struttura e per {len(periodi)} controlli propri "
        "(`piao monitoraggio check`):",
        "",
        "| codice | nome | livello | controllo |",
        "|---|---|---|---|",
    ]
    for v in periodi:
        out.append(f"| {v.code} | {v.name} | {v.severity.label} | {v.summary} |")
    altri = [v for v in cat.values() if v.tipo in ("documento", "tabella")]
    out += [
        "",
        "Controlli dei documenti del ciclo (RL, `piao relazione`) e della lettura di fogli di "
        "calcolo (TE, `piao fogli tabella`):",
        "",
        "| codice | nome | livello | controllo |",
        "|---|---|---|---|",
    ]
    for v in altri:
        out.append(f"| {v.code} | {v.name} | {v.severity.label} | {v.summary} |")
    out.append("")
    for v in regole:
        out += _markdown_rule(v)
    return "\n".join(out)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RULES_FORMATS: dict[str, tuple[Callable[[Catalogue], str], Callable[[Voce], str]]] = {
    "text": (rules_table, explain),
    "json": (
        lambda cat: _json([voce_to_dict(v) for v in cat.values()]),
        lambda v: _json(voce_to_dict(v)),
    ),
    "markdown": (
        rules_markdown,
        lambda v: (
            "\n".join(_markdown_rule(v))
            if v.regola
            else f"## {v.code}\n\n**{v.name}** — {v.summary}\n"
        ),
    ),
}
"""Format name → (the whole catalogue, one entry)."""


def describe(fmt: str, code: str | None = None) -> str | None:
    """The catalogue, or one code, in `fmt`; None when the code does not exist."""
    cat = catalogue()
    whole, one = RULES_FORMATS[fmt]
    if code is None:
        return whole(cat)
    voce = cat.get(code.upper())
    return one(voce) if voce is not None else None
