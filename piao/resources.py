"""Where the shipped data lives: `schemas/` and `templates/`.

In a checkout they are at the top of the repository; in an installed wheel they are
copied into the package as `piao/_data/<name>` (pyproject.toml, force-include).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `name` ("schemas" or "templates"), installed or in the checkout."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"piao data folder {name!r} not found (broken installation?)")
