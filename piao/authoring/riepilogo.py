"""The summary `piao rollover` prints: what it moved, what the office must re-verify
(each a «da verificare» value that `piao check` reports as SC010) and what it dropped and
why, file by file."""

from __future__ import annotations

from pathlib import Path

from piao.authoring.verifica import Registro, Voce
from piao.lingua import quanti


def _righe(voci: list[Voce], con_valore: bool) -> list[str]:
    righe: list[str] = []
    file = ""
    for v in voci:
        if v.file != file:
            file = v.file
            righe.append(f"  {file}")
        valore = f" ({v.valore})" if con_valore and v.valore else ""
        righe.append(f"    - {v.percorso}{valore}: {v.motivo}")
    return righe


def riepilogo(r: Registro, out: Path) -> str:
    righe: list[str] = []
    if r.spostati:
        righe += ["", "Spostati con certezza:", *_righe(r.spostati, True)]
    if r.rimossi:
        righe += ["", "Tolti dal nuovo piano, e perché:", *_righe(r.rimossi, True)]
    if r.da_verificare:
        n = quanti(len(r.da_verificare), "valore", "valori")
        righe += [
            "",
            f"Da verificare ({n} del ciclo precedente, scritti «da verificare — <valore>»; "
            "piao check li segnala come SC010 finché non sono confermati o aggiornati):",
            *_righe(r.da_verificare, False),
        ]
    righe += [
        "",
        "Completare i valori «da definire» e «da compilare», confermare o aggiornare quelli "
        f"«da verificare», poi: piao check {out}",
    ]
    return "\n".join(righe).lstrip("\n")
