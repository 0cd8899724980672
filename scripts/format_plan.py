"""Rewrite plan files in the house style (comments kept): `python scripts/format_plan.py FILE...`."""

from __future__ import annotations

import sys
from pathlib import Path

from piao.loading.roundtrip import dump_text, house_style, load_text


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        new = dump_text(house_style(load_text(text)))
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"riformattato {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
