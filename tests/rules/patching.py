"""Apply a case's edits ("modifiche") to a copy of an example plan, keeping the YAML files
otherwise as they are."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.conftest import EXAMPLE, SMALL

PIANI = {"esempio": EXAMPLE, "piccolo": SMALL}
CASI = Path(__file__).resolve().parent / "casi"


def parse_path(text: str) -> list[str | int]:
    """`obiettivi[1].target.2026` → ["obiettivi", 1, "target", 2026] (digits after a dot are year keys)."""
    parts: list[str | int] = []
    for segment in text.split("."):
        match = re.fullmatch(r"([^\[\]]+)((?:\[\d+\])*)", segment)
        assert match, f"bad path segment {segment!r}"
        key = match.group(1)
        parts.append(int(key) if key.isdigit() else key)
        parts.extend(int(i) for i in re.findall(r"\[(\d+)\]", match.group(2)))
    return parts


def load_cases() -> dict[str, dict[str, Any]]:
    cases: dict[str, dict[str, Any]] = {}
    for path in sorted(CASI.glob("*.yaml")):
        data = YAML(typ="safe").load(path)
        for code, case in data.items():
            assert code not in cases, f"{code} defined twice"
            cases[code] = case
    return cases


def apply_case(case: dict[str, Any], target: Path) -> Path:
    """Copy the case's base plan into `target` and apply its edits."""
    shutil.copytree(PIANI[case["piano"]], target)
    yaml = YAML(typ="rt")
    yaml.width = 4096
    for edit in case["modifiche"]:
        file = target / edit["file"]
        data = yaml.load(file)
        op = next(k for k in ("imposta", "elimina", "aggiungi") if k in edit)
        *parents, last = parse_path(edit[op])
        node = data
        for part in parents:
            node = node[part]
        if op == "imposta":
            node[last] = edit["valore"]
        elif op == "elimina":
            del node[last]
        else:
            node[last].append(edit["valore"])
        with file.open("w", encoding="utf-8") as handle:
            yaml.dump(data, handle)
    return target
