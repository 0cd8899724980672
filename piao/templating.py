"""The one Jinja2 environment of piao: the document, the audit and the transparency site
all load their templates from `templates/` with the same settings (DESIGN.md §6)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import jinja2

from piao.resources import data_dir


def environment(filters: Mapping[str, Callable[..., object]] | None = None) -> jinja2.Environment:
    """Templates under `templates/` (named from there, e.g. «audit/audit.html.j2»):
    autoescaped, undefined names are errors, block tags leave no blank lines."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters or {})
    return env
