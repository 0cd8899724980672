"""Safe outputs by construction: the one home of the helpers that make a text from the plan or
the file system harmless where it is written. A terminal or a CI log never receives a control
or bidi character (it could retitle the terminal, forge a line, reorder what is read); an XML
file never receives a character XML 1.0 forbids; JSON is strict (no NaN, no Infinity, no lone
surrogate); markdown never passes plan text as HTML; a CSV cell is never a formula
(csvsafe.py uses these rules)."""

from __future__ import annotations

import html
import json
import math
import re
from typing import Any

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_TERMINALE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
"""C0 and C1 controls (ESC included), DEL, bidi controls and lone surrogates."""

_XML_ILLEGALE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 does not allow (tab, line feed and carriage return are allowed)."""

_SURROGATO = re.compile("[\ud800-\udfff]")

SOSTITUTO = "\ufffd"
"""What replaces a character that cannot be written (U+FFFD REPLACEMENT CHARACTER)."""


def _visibile(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminale(text: object) -> str:
    """Text for a terminal or a CI log: every control, bidi control or lone surrogate is
    written as a visible escape (`\\x1b`, `\\n`, `\\u202e`), so one value stays one line of
    plain text."""
    return _TERMINALE.sub(_visibile, str(text))


def ha_controlli(text: str) -> bool:
    """True if the text holds a control or bidi character or a lone surrogate."""
    return _TERMINALE.search(text) is not None


def xml_legale(text: str) -> str:
    """Text an XML 1.0 document can hold: forbidden characters become U+FFFD."""
    return _XML_ILLEGALE.sub(SOSTITUTO, text)


def html_testo(text: str) -> str:
    """Plan text inside markdown or HTML: <, > and & are escaped, never markup; a lone
    surrogate becomes U+FFFD, so the text can always be written as UTF-8."""
    return html.escape(_SURROGATO.sub(SOSTITUTO, text), quote=False)


def _json_valore(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        return _SURROGATO.sub(SOSTITUTO, value)
    if isinstance(value, dict):
        return {_json_valore(str(k)): _json_valore(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_valore(v) for v in value]
    return value


def json_stretto(data: Any, *, sort_keys: bool = False) -> str:
    """Strict JSON (RFC 8259), indented, UTF-8 text, ending with a newline.

    A number that is not finite (NaN, ±Infinity) is written as null: by the time piao writes,
    `check` has had its say on the plan, and a writer must not fail halfway (a half-built
    site) nor emit a token no JSON parser accepts. A lone surrogate becomes U+FFFD, so the
    text can always be encoded as UTF-8. `allow_nan=False` guards that nothing slips through."""
    return (
        json.dumps(
            _json_valore(data),
            ensure_ascii=False,
            indent=2,
            allow_nan=False,
            sort_keys=sort_keys,
        )
        + "\n"
    )
