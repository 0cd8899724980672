"""One open-data table: a CSV file with its DCAT-AP_IT title and description."""

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
