"""Where the shipped data lives: `schemas/`, `templates/` and the example mappings of
legacy sheets (`tracciati`).

In a checkout they are in the repository (`_CHECKOUT`); in an installed wheel they are
copied into the package as `piao/_data/<name>` (pyproject.toml, force-include).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = {"tracciati": Path("docs", "guida", "tracciati")}
"""Folders that are not at the top of the repository."""


def data_dir(name: str) -> Path:
    """The folder `name` ("schemas", "templates", "tracciati"), installed or in the checkout."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent / _CHECKOUT.get(name, Path(name))
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"piao data folder {name!r} not found (broken installation?)")
