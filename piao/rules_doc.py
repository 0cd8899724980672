"""Describe the rule catalogue for people: `piao rules`, `piao rules CODE` and the
generated reference page docs/regole.md."""

from __future__ import annotations

from typing import Any

from piao.catalogue import catalogue
from piao.reference import riferimenti
from piao.reference.tables import CONFIDENZA_IT
from piao.rules import REGISTRY, Regola

REGIMI_IT = {"ordinario": "ordinario", "semplificato": "semplificato"}


def _regimi(rule: Regola) -> str:
    return " e ".join(sorted(rule.regimi))


def rule_to_dict(rule: Regola) -> dict[str, Any]:
    norme = riferimenti().norme
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severita.value,
        "summary": rule.summary,
        "basis": list(rule.basis),
        "basis_detail": [
            {
                "id": b,
                "citation": norme[b].citazione,
                "title": norme[b].titolo,
                "url": norme[b].url or None,
                "confidence": norme[b].confidenza,
            }
            for b in rule.basis
        ],
        "confidence": rule.confidenza,
        "regimes": sorted(rule.regimi),
        "integrity": rule.integrita,
        "covers": list(rule.copre),
    }


def rules_table() -> str:
    lines = [f"{'codice':<7} {'livello':<8} {'conf.':<5} {'regime':<24} nome", "-" * 90]
    for voce in catalogue():
        rule = REGISTRY.get(voce.code)
        conf = rule.confidenza if rule else "-"
        regimi = _regimi(rule) if rule else "tutti"
        lines.append(f"{voce.code:<7} {voce.severity.label:<8} {conf:<5} {regimi:<24} {voce.name}")
    lines.append("")
    lines.append(
        f"{len(REGISTRY)} regole di conformità e {len(catalogue()) - len(REGISTRY)} controlli di sintassi e "
        "struttura. Confidenza: V verificata, P parzialmente verificata, U non verificata. "
        "«piao rules CODICE» mostra una regola con la sua base giuridica."
    )
    return "\n".join(lines) + "\n"


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def explain(code: str) -> str | None:
    code = code.upper()
    rule = REGISTRY.get(code)
    if rule is None:
        voce = next((v for v in catalogue() if v.code == code), None)
        if voce is None:
            return None
        return f"{voce.code}  {voce.name}\nLivello: {voce.severity.label}\n{voce.summary}\n"
    norme = riferimenti().norme
    lines = [
        f"{rule.code}  {rule.name}",
        "",
        rule.summary,
        "",
        f"Livello predefinito: {rule.severita.label}",
        f"Confidenza del fatto giuridico: {CONFIDENZA_IT[rule.confidenza]} ({rule.confidenza})",
    ]
    if rule.motivo_severita:
        lines.append(f"Perché questo livello: {rule.motivo_severita}")
    if rule.integrita:
        lines.append(
            "Regola di integrità dei collegamenti: un riferimento rotto è sempre un errore."
        )
    lines.append(f"Si applica al regime: {_regimi(rule)}")
    lines.append("")
    lines.append("Base giuridica:")
    if not rule.basis:
        lines.append("  - nessuna norma specifica: coerenza interna del piano")
    for b in rule.basis:
        n = norme[b]
        line = f"  - {n.citazione} — {n.titolo} [confidenza: {CONFIDENZA_IT[n.confidenza]}; fonti: {n.fonte}]"
        if n.url:
            line += f" {n.url}"
        lines.append(line)
    lines += [
        "",
        "Esempio conforme:",
        _indent(rule.esempio_conforme),
        "",
        "Esempio non conforme:",
        _indent(rule.esempio_non_conforme),
    ]
    return "\n".join(lines) + "\n"


def rules_markdown() -> str:
    """docs/regole.md: generated, checked fresh by a test."""
    norme = riferimenti().norme
    out = [
        "# Catalogo delle regole di piao",
        "",
        "<!-- Generato da `piao rules --format markdown`: non modificare a mano. -->",
        "",
        f"{len(REGISTRY)} regole di conformità. Il livello predefinito segue la confidenza del fatto "
        "giuridico: verificata → errore, parzialmente verificata → avviso, non verificata → informazione; "
        "una regola può scegliere un livello più basso e spiega perché. Le regole di integrità (collegamenti "
        "tra sezioni) sono sempre errori.",
        "",
        "| codice | nome | livello | confidenza | regime |",
        "|---|---|---|---|---|",
    ]
    rules = sorted(REGISTRY.values(), key=lambda r: r.code)
    for r in rules:
        out.append(
            f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severita.label} | {r.confidenza} | {_regimi(r)} |"
        )
    out.append("")
    for r in rules:
        out += [f"## {r.code}", "", f"**{r.name}** — {r.summary}", ""]
        out.append(
            f"- Livello: {r.severita.label}; confidenza: {CONFIDENZA_IT[r.confidenza]}; regime: {_regimi(r)}"
        )
        if r.motivo_severita:
            out.append(f"- Perché questo livello: {r.motivo_severita}")
        if r.basis:
            out.append(
                "- Base giuridica: "
                + "; ".join(f"{norme[b].citazione} ({norme[b].titolo})" for b in r.basis)
            )
        else:
            out.append("- Base giuridica: coerenza interna del piano (integrità dei collegamenti)")
        out += [
            "",
            "Conforme:",
            "",
            "```yaml",
            r.esempio_conforme,
            "```",
            "",
            "Non conforme:",
            "",
            "```yaml",
            r.esempio_non_conforme,
            "```",
            "",
        ]
    return "\n".join(out)
