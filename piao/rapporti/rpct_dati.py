"""What the RPCT's annual report is built from: the plan (anagrafica, 2.3), the period file
that states the measures at the end of the year, and the RPCT's facts file of the year."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from piao.findings import Finding, Severity
from piao.model.anagrafica import Anagrafica
from piao.model.periodo import Attuazione
from piao.model.rischi_corruttivi import Misura, RischiCorruttivi
from piao.periodi import (
    PeriodoError,
    PeriodoLetto,
    file_dei_periodi,
    leggi_periodo,
    leggi_piano,
)
from piao.periodi.fatti_rpct import FattiLetti, file_fatti_rpct, leggi_fatti_rpct
from piao.periodi.piano import PianoLetto


@dataclass
class DatiRpct:
    """Everything the report prints, read and validated once."""

    anno: int
    piano: PianoLetto
    anagrafica: Anagrafica
    rischi: RischiCorruttivi | None
    periodo: PeriodoLetto
    periodo_annuale: bool
    """The yearly file `<anno>.yaml`; False when the last period of the year stands in."""
    fatti: FattiLetti | None
    """None when the plan has no `monitoraggio/rpct-<anno>.yaml`."""
    fatti_path: Path
    errori: list[Finding] = field(default_factory=list)
    """Errors of the plan, the period file and the facts file: the report is refused unless
    it is a draft."""

    @property
    def misure(self) -> list[Misura]:
        return list(self.rischi.misure) if self.rischi is not None else []

    @property
    def stati(self) -> dict[str, Attuazione]:
        dati = self.periodo.dati
        return dict(dati.misure) if dati is not None else {}

    @property
    def fonte_stati(self) -> str:
        """Which file the states come from, as the report says it."""
        p = self.periodo.periodo
        descrizione = p.descrizione if p is not None else self.periodo.path.stem
        if self.periodo_annuale:
            return f"file di monitoraggio dell'anno {self.anno} ({self.periodo.name})"
        return (
            f"ultimo periodo di monitoraggio del {self.anno}: {descrizione} "
            f"({self.periodo.name}); il file dell'anno {self.anno}.yaml non c'è ancora"
        )


def _periodo_dell_anno(folder: Path, anno: int) -> tuple[Path, bool]:
    """The yearly period file, else the period of the year that ends last."""
    candidati = [
        (p.frazione is None, p.fine, path) for path, p in file_dei_periodi(folder) if p.anno == anno
    ]
    if not candidati:
        raise PeriodoError(
            f"il piano non ha file di monitoraggio del {anno} (monitoraggio/{anno}.yaml o un "
            f"periodo come {anno}-S2.yaml): lo stato delle misure della 2.3 viene da lì. "
            f"Crearlo con piao monitoraggio init {folder} --periodo {anno}"
        )
    annuale, _, path = max(candidati)
    return path, annuale


def leggi_dati_rpct(folder: Path, anno: int) -> DatiRpct:
    """Read the plan, the period file of `anno` and the facts file (if any)."""
    piano = leggi_piano(folder)
    anagrafica = piano.anagrafica_per(anno)
    path, annuale = _periodo_dell_anno(folder, anno)
    periodo = leggi_periodo(path, piano)
    rischi = piano.sections.get("rischi_corruttivi")
    fatti_path = file_fatti_rpct(folder, anno)
    fatti = leggi_fatti_rpct(fatti_path) if fatti_path.exists() else None
    dati = DatiRpct(
        anno,
        piano,
        anagrafica,
        rischi if isinstance(rischi, RischiCorruttivi) else None,
        periodo,
        annuale,
        fatti,
        fatti_path,
    )
    trovati = periodo.findings + (fatti.findings if fatti is not None else [])
    dati.errori = [f for f in trovati if f.severity is Severity.ERROR]
    return dati
