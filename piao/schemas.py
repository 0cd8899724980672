"""JSON Schemas of the section files, generated from the models (`piao schema`).

They are committed under `schemas/` and referenced from the first line of every plan file
(`# yaml-language-server: $schema=...`) so that editors autocomplete keys and show the
Italian descriptions; a test fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from piao.fsutil import atomic_write_text
from piao.model import SEZIONI
from piao.model.periodo import DatiPeriodo
from piao.model.rpct import FattiRpct
from piao.periodi.fatti_rpct import SCHEMA_RPCT
from piao.periodi.piano import CARTELLA, SCHEMA

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(section_key: str) -> str:
    return f"{section_key}.schema.json"


def section_schemas() -> dict[str, dict[str, Any]]:
    """File name → schema, for every section file and for the period files of
    `piao monitoraggio`."""
    out: dict[str, dict[str, Any]] = {}
    for sezione in SEZIONI:
        schema = sezione.model.model_json_schema()
        numero = f"Sezione {sezione.numero}" if sezione.numero[0].isdigit() else sezione.numero
        schema = {
            "$schema": DIALECT,
            "$id": f"https://piao.example/schemas/{schema_file_name(sezione.key)}",
            **schema,
            "title": f"PIAO — {numero} {sezione.titolo} ({sezione.file})",
        }
        out[schema_file_name(sezione.key)] = schema
    out[schema_file_name(SCHEMA)] = {
        "$schema": DIALECT,
        "$id": f"https://piao.example/schemas/{schema_file_name(SCHEMA)}",
        **DatiPeriodo.model_json_schema(),
        "title": f"PIAO — Dati di un periodo di monitoraggio ({CARTELLA}/<periodo>.yaml)",
    }
    out[schema_file_name(SCHEMA_RPCT)] = {
        "$schema": DIALECT,
        "$id": f"https://piao.example/schemas/{schema_file_name(SCHEMA_RPCT)}",
        **FattiRpct.model_json_schema(),
        "title": f"PIAO — Fatti dell'anno per la relazione del RPCT ({CARTELLA}/rpct-<anno>.yaml)",
    }
    return out


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    written = []
    for name, schema in section_schemas().items():
        path = folder / name
        atomic_write_text(path, dumps(schema))
        written.append(path)
    return written
