"""The documents of the plan's cycle after adoption: the integrated monitoring report, the Relazione sulla performance and the RPCT's annual report (issue 18), built as `Documento`s and printed by piao.render."""

from __future__ import annotations

from collections.abc import Iterable

from piao.findings import Finding


class DocumentoRifiutato(Exception):
    """A document of the cycle cannot be produced: the message says why, in Italian;
    `findings` are the errors that are the reason (none when the reason is not a finding,
    e.g. a missing file)."""

    def __init__(self, message: str, findings: Iterable[Finding] = ()) -> None:
        super().__init__(message)
        self.findings = tuple(findings)
