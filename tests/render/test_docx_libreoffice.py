"""The DOCX opens ready in LibreOffice (issue 17): converted to PDF by LibreOffice headless,
without refreshing any field, it shows a filled index — every heading of the document,
numbered as in the document, in order, before the body that repeats them.

Skipped when soffice is missing, except in CI, where a missing LibreOffice fails the test
(the convention of the browser tests: `make test` installs it)."""

from __future__ import annotations

import datetime
import itertools
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from piao import check_plan
from piao.render import render_plan
from piao.render.view import build_view
from tests.conftest import EXAMPLES

OGGI = datetime.date(2026, 11, 22)
RIEMPITIVO_MASSIMO = 80
"""Characters allowed between two index entries: a page's running header and footer."""


def soffice() -> str:
    """LibreOffice, or skip the test — except in CI, where a missing soffice fails it."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        message = "missing for the DOCX read-back: soffice (make test installs LibreOffice)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def leggi_con_libreoffice(docx: Path, cartella: Path) -> str:
    """The text of the PDF LibreOffice lays out from `docx` (private profile)."""
    profilo = (cartella / "profilo").as_uri()
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profilo}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(cartella),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = cartella / f"{docx.stem}.pdf"
    uscita = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    )
    return " ".join(uscita.stdout.decode().replace("\u00ad", "").split())


def _trova_in_ordine(testo: str, voci: list[str], da: int) -> list[int]:
    """Where each of `voci` starts in `testo`, searched in order from `da`."""
    posizioni = []
    for voce in voci:
        trovata = testo.find(voce, da)
        assert trovata != -1, f"«{voce}» missing after position {da}"
        posizioni.append(trovata)
        da = trovata + len(voce)
    return posizioni


@pytest.mark.parametrize("piano", EXAMPLES, ids=lambda p: p.parent.name)
def test_libreoffice_shows_a_filled_index(piano: Path, tmp_path: Path) -> None:
    render_plan(piano, tmp_path, formats=("docx",), oggi=OGGI)
    testo = leggi_con_libreoffice(next(tmp_path.glob("*.docx")), tmp_path)
    doc = build_view(check_plan(piano).piano, oggi=OGGI)  # type: ignore[arg-type]
    titoli = [" ".join(s.intestazione.split()) for s in doc.tutte()]
    assert any(s.livello > 1 and s.numero for s in doc.tutte()), "numbered subsections"

    assert "Aggiornare l'indice" not in testo
    inizio = testo.index("Indice ")
    indice = _trova_in_ordine(testo, titoli, inizio)
    fine_indice = indice[-1] + len(titoli[-1])
    corpo = _trova_in_ordine(testo, titoli, fine_indice)
    assert corpo[0] > fine_indice
    # The index is the headings alone: between two entries at most a page's header/footer.
    for titolo, (qui, dopo) in zip(titoli, itertools.pairwise(indice), strict=False):
        tra = testo[qui + len(titolo) : dopo]
        assert len(tra) <= RIEMPITIVO_MASSIMO, f"after «{titolo}» in the index: «{tra}»"
