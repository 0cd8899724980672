"""The one Jinja2 environment of piao: the document, the audit and the transparency site
all load their templates from `templates/` with the same settings (DESIGN.md §6)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import jinja2
from markupsafe import Markup, escape

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
    env.filters["indivisibili"] = indivisibili
    env.filters.update(filters or {})
    return env


INDIVISIBILE = re.compile(
    r"(?<![\w.,])[-+\u2212]?\d+(?:[.,/:\u2011-]\d+)*(?:\u00a0?[%\u20ac])?"  # 520.000 · 4,5% · 2026-2028
    r"|\b[A-Z][A-Z0-9]{0,7}(?:[-./][A-Z0-9]+)+\b"  # ACC-01 · UO-SEG · SEO-2.1.3 · VP-04-I1
)
"""A figure or a code: a table cell never breaks inside one («520.0» / «00» reads 520,0)."""


def indivisibili(testo: object) -> Markup:
    """The text escaped, each figure and code in a `<span class="nb">` the stylesheets keep
    on one line (`white-space: nowrap`): copy, paste and search see the same characters."""
    s = str(testo)
    out: list[str] = []
    fine = 0
    for m in INDIVISIBILE.finditer(s):
        out += [escape(s[fine : m.start()]), f'<span class="nb">{escape(m.group())}</span>']
        fine = m.end()
    out.append(escape(s[fine:]))
    return Markup("".join(out))
