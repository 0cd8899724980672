"""Type into a workbook with LibreOffice Calc itself, as an office clerk would, and save it.

Run by the system Python that has LibreOffice's UNO bridge (Debian: python3-uno), not by
the project's virtual environment:

    python3 calc_digita.py SOFFICE PROFILE_DIR FILE.xlsx 'Sheet!B3=text' ['Sheet!C4=12' ...]

Calc starts headless with a private profile set to the Italian locale (it-IT: decimal comma,
dates day/month/year, as in a comune's office), opens FILE.xlsx, and for each edit goes to the
cell and enters the text through Calc's own input line (the dispatcher's «EnterString», the
path a typed entry takes: Calc decides whether it is a number, a date or a text, with the
locale of the profile), then saves the file in place as Excel 2007-365 and quits.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _proprieta(**valori: object) -> tuple[PropertyValue, ...]:
    out = []
    for nome, valore in valori.items():
        p = PropertyValue()
        p.Name, p.Value = nome, valore
        out.append(p)
    return tuple(out)


_LOCALE_ITALIANO = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>it-IT</value></prop></item>
</oor:items>
"""


def _profilo_italiano(profilo: Path) -> None:
    utente = profilo / "user"
    utente.mkdir(parents=True, exist_ok=True)
    registro = utente / "registrymodifications.xcu"
    if not registro.exists():
        registro.write_text(_LOCALE_ITALIANO, encoding="utf-8")


def _collega(canale: str) -> Any:
    locale = uno.getComponentContext()
    resolver = locale.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", locale
    )
    for _ in range(240):
        try:
            return resolver.resolve(f"uno:pipe,name={canale};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.25)
    raise SystemExit("LibreOffice did not answer on its pipe within 60 s")


def main(soffice: str, profilo: str, file: str, *modifiche: str) -> None:
    canale = f"piao-test-{os.getpid()}"
    _profilo_italiano(Path(profilo))
    processo = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={Path(profilo).resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            f"--accept=pipe,name={canale};urp;",
        ]
    )
    try:
        contesto = _collega(canale)
        servizi = contesto.ServiceManager
        desktop = servizi.createInstanceWithContext("com.sun.star.frame.Desktop", contesto)
        url = uno.systemPathToFileUrl(str(Path(file).resolve()))
        documento = desktop.loadComponentFromURL(url, "_blank", 0, _proprieta(Hidden=True))
        dispatcher = servizi.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", contesto
        )
        cornice = documento.getCurrentController().getFrame()
        for modifica in modifiche:
            cella, _, testo = modifica.partition("=")
            foglio, _, indirizzo = cella.rpartition("!")
            documento.getCurrentController().setActiveSheet(documento.getSheets().getByName(foglio))
            dispatcher.executeDispatch(
                cornice, ".uno:GoToCell", "", 0, _proprieta(ToPoint=indirizzo)
            )
            dispatcher.executeDispatch(
                cornice, ".uno:EnterString", "", 0, _proprieta(StringName=testo)
            )
        documento.storeToURL(url, _proprieta(FilterName="Calc MS Excel 2007 XML", Overwrite=True))
        # The file is written when storeToURL returns. Closing and quitting may abort
        # LibreOffice on a loaded machine (signal 6 in its timer loop, the bridge disposed
        # during the call): what happens after the save does not concern the test.
        with contextlib.suppress(Exception):
            documento.close(True)
            desktop.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            processo.wait(timeout=30)
    finally:
        if processo.poll() is None:
            processo.kill()
            processo.wait()


if __name__ == "__main__":
    main(*sys.argv[1:])
    sys.stdout.flush()
    # The file is saved and LibreOffice is gone: leave without the UNO bridge's own
    # teardown, which may crash the interpreter once its peer has quit (exit -11).
    os._exit(0)
