"""Renders write the whole set or keep the previous one (issue 15): `piao render` and
`piao publish` write into a hidden folder inside the output folder, then move every file into
place; a failure or an interruption halfway leaves the previous complete set byte-identical,
no temporary folder and never a file of the user touched."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

import piao.publish.site
import piao.render
from piao.fsutil import insieme
from piao.publish import publish_plan
from piao.render import render_plan
from tests.conftest import EXAMPLE, OGGI, SMALL, Uscite, run_cli

pytestmark = pytest.mark.xdist_group("uscite-esempio")


def _istantanea(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def _nulla_cambiato(out: Path, prima: dict[str, bytes]) -> None:
    """The output folder byte for byte as before, and no staging folder left."""
    assert _istantanea(out) == prima
    _nessun_cantiere(out)


def _nessun_cantiere(out: Path) -> None:
    assert not list(out.rglob(".piao-in-corso-*")), "temporary folder left behind"


def _disco_pieno(*_: object) -> bytes:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _con_nota(out: Path) -> None:
    (out / "nota-del-servizio.txt").write_text("non toccare\n", encoding="utf-8")


def test_a_render_failing_after_the_first_format_keeps_the_previous_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "documenti"
    render_plan(SMALL, out, formats=("docx", "html"))
    _con_nota(out)
    prima = _istantanea(out)
    # DOCX is written first, then the HTML fails (a full disk).
    monkeypatch.setitem(piao.render.WRITERS, "html", _disco_pieno)
    result = run_cli("render", str(SMALL), "--out", str(out), "--format", "docx,html")
    assert result.exit_code != 0
    assert "impossibile scrivere" in result.output
    assert "Traceback" not in result.output
    _nulla_cambiato(out, prima)


def test_an_interrupted_render_keeps_the_previous_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "documenti"
    render_plan(SMALL, out, formats=("docx", "html"))
    prima = _istantanea(out)

    def interrotto(*_: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setitem(piao.render.WRITERS, "html", interrotto)
    with pytest.raises(KeyboardInterrupt):
        render_plan(SMALL, out, formats=("docx", "html"))
    _nulla_cambiato(out, prima)


def test_a_failed_render_into_a_new_folder_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(piao.render.WRITERS, "html", _disco_pieno)
    with pytest.raises(OSError, match="No space"):
        render_plan(SMALL, tmp_path / "nuova", formats=("docx", "html"))
    assert not (tmp_path / "nuova").exists()


def test_a_render_replaces_the_set_and_leaves_other_files_alone(tmp_path: Path) -> None:
    out, riferimento = tmp_path / "documenti", tmp_path / "riferimento"
    scritti = render_plan(SMALL, out, formats=("docx", "html")).files
    for path in scritti:
        path.write_bytes(b"versione precedente")
    _con_nota(out)
    assert render_plan(SMALL, out, formats=("docx", "html")).files == scritti
    render_plan(SMALL, riferimento, formats=("docx", "html"))
    assert _istantanea(out) == {
        **_istantanea(riferimento),
        "nota-del-servizio.txt": b"non toccare\n",
    }
    _nessun_cantiere(out)


@pytest.fixture
def sito_piccolo(uscite: Uscite, tmp_path: Path) -> Path:
    """A copy of the small example's site, to break."""
    out = tmp_path / "sito"
    shutil.copytree(uscite.sito(SMALL), out)
    return out


def test_a_publish_failing_halfway_keeps_the_previous_site(
    sito_piccolo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _con_nota(sito_piccolo)
    prima = _istantanea(sito_piccolo)

    # Documents and CSV files are written, then the JSON fails.
    def rotto(*_: object, **__: object) -> str:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(piao.publish.site, "piano_json", rotto)
    result = run_cli("publish", str(SMALL), "--out", str(sito_piccolo))
    assert result.exit_code != 0
    assert "impossibile scrivere" in result.output
    assert "Traceback" not in result.output
    _nulla_cambiato(sito_piccolo, prima)


def test_a_new_site_replaces_the_previous_one_and_drops_only_its_stale_files(
    uscite: Uscite, tmp_path: Path
) -> None:
    out = tmp_path / "sito"
    shutil.copytree(uscite.sito(EXAMPLE), out)  # the example's site, as publish wrote it
    precedente = uscite.pubblicati(EXAMPLE)
    (out / "dati" / "elenco-del-servizio.csv").write_text("a,b\n", encoding="utf-8")
    _con_nota(out)
    scritti = publish_plan(SMALL, out, oggi=OGGI)
    riferimento = uscite.sito(SMALL)  # the small example's site published into a new folder
    assert _istantanea(out) == {
        **_istantanea(riferimento),
        "nota-del-servizio.txt": b"non toccare\n",
        "dati/elenco-del-servizio.csv": b"a,b\n",
    }
    # The example's own document and tables are gone with its site.
    assert {p.name for p in precedente} - {p.name for p in scritti}
    _nessun_cantiere(out)


def test_a_failure_while_moving_into_place_puts_every_file_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for nome in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / nome).write_text(f"vecchio {nome}", encoding="utf-8")
    prima = _istantanea(tmp_path)
    vero: Callable[..., None] = os.replace
    chiamate: list[object] = []

    def replace(src: object, dst: object) -> None:
        chiamate.append(dst)
        if len(chiamate) == 3:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        vero(src, dst)

    # The block is the set being written.
    with pytest.raises(OSError, match="Input/output"), insieme(tmp_path) as cantiere:  # noqa: PT012
        for nome in ("a.txt", "b.txt", "c.txt"):
            (cantiere / nome).write_text(f"nuovo {nome}", encoding="utf-8")
        monkeypatch.setattr("piao.fsutil.os.replace", replace)
    monkeypatch.undo()
    _nulla_cambiato(tmp_path, prima)


def test_an_audit_failing_halfway_keeps_the_previous_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "rapporti"
    piani = [str(SMALL), str(EXAMPLE)]
    assert run_cli("audit", *piani, "--out", str(out), "--no-pdf").exit_code == 0
    _con_nota(out)
    prima = _istantanea(out)

    # Both HTML reports are written, then the summary fails.
    def rotto(*_: object) -> str:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("piao.audit.output.render_csv", rotto)
    result = run_cli("audit", *piani, "--out", str(out), "--no-pdf")
    assert result.exit_code != 0
    assert "impossibile scrivere" in result.output
    assert "Traceback" not in result.output
    _nulla_cambiato(out, prima)


def test_a_killed_run_s_staging_folder_is_cleared_by_the_next(tmp_path: Path) -> None:
    """A run killed (SIGKILL: no cleanup) while it wrote its new set leaves its hidden
    staging folder; the next run into the same folder removes it — the previous set was
    never touched. One whose swap had begun, or of a live process, stays."""
    pid_morto = _pid_finito()
    out = tmp_path / "out"
    out.mkdir()
    (out / "piano.pdf").write_bytes(b"vecchio")
    ucciso = out / ".piao-in-corso-ucciso"
    (ucciso / "nuovo").mkdir(parents=True)
    (ucciso / "nuovo" / "piano.pdf").write_bytes(b"mezzo")
    (ucciso / "pid").write_text(str(pid_morto), encoding="ascii")
    a_meta = out / ".piao-in-corso-a-meta"
    (a_meta / "vecchio").mkdir(parents=True)
    (a_meta / "pid").write_text(str(pid_morto), encoding="ascii")
    vivo = out / ".piao-in-corso-vivo"
    vivo.mkdir()
    (vivo / "pid").write_text(str(os.getpid()), encoding="ascii")
    with insieme(out) as cantiere:
        (cantiere / "piano.html").write_bytes(b"nuovo")
    assert not ucciso.exists()
    assert a_meta.exists()
    assert vivo.exists()
    assert (out / "piano.pdf").read_bytes() == b"vecchio"
    assert (out / "piano.html").read_bytes() == b"nuovo"


def _pid_finito() -> int:
    processo = subprocess.Popen(["true"])
    processo.wait()
    return processo.pid
