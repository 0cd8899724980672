"""One open-data table: file name, title and description for the DCAT metadata, header and
rows for the CSV."""

from __future__ import annotations

from dataclasses import dataclass

from piao.csvsafe import write_csv


@dataclass(frozen=True)
class TabellaAperta:
    file: str
    titolo: str
    descrizione: str
    intestazioni: tuple[str, ...]
    righe: tuple[tuple[object, ...], ...]

    def csv(self) -> str:
        return write_csv(self.intestazioni, self.righe)
