"""The entity's stemma: an optional image in the plan folder, printed on the cover of the
PDF and the DOCX and in the page header of the site.

One convention: a file named `stemma.png` or `stemma.jpg` (`stemma.jpeg`) next to the YAML
files. It is read only when its bytes are really a PNG or JPEG image (the signature, not
the name) of sensible size; otherwise a located warning says what to fix and the documents
are made without it. SVG is not accepted: it can load external resources and the DOCX
cannot hold it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from piao.findings import Controllo, Finding, Location, Severity

NOMI = ("stemma.png", "stemma.jpg", "stemma.jpeg")
"""The file names of the stemma, in the plan folder."""
ALTRI = ("stemma.svg", "stemma.gif", "stemma.webp", "stemma.bmp", "stemma.tif", "stemma.tiff")
"""Names that show the intent in a format the documents do not take."""
MAX_BYTE = 512 * 1024
"""At most 512 kB: a stemma on a cover needs far less, and every PDF and DOCX carries it."""
LATO_MIN = 64
"""At least 64 pixels on each side: smaller prints blurred at 3 cm."""
LATO_MAX = 2000
"""At most 2000 pixels on each side (300 dpi at about 17 cm)."""

CONTROLLO = Controllo(
    "SC012",
    "piano.stemma",
    "Lo stemma dell'ente, se presente nella cartella del piano, è un'immagine PNG o JPEG "
    "di dimensioni adeguate.",
    Severity.WARNING,
)

_FORMATI = {"PNG": ("image/png", (".png",)), "JPEG": ("image/jpeg", (".jpg", ".jpeg"))}


@dataclass(frozen=True)
class Stemma:
    """A stemma that passed the checks: its bytes, MIME type and size in pixels."""

    nome: str
    contenuto: bytes
    mime: str
    larghezza: int
    altezza: int

    @property
    def data_uri(self) -> str:
        import base64  # noqa: PLC0415

        return f"data:{self.mime};base64,{base64.b64encode(self.contenuto).decode('ascii')}"


def _avviso(nome: str, messaggio: str) -> Finding:
    return CONTROLLO.finding(
        messaggio,
        Location(nome),
        hint="Il documento è prodotto senza stemma. Salvare lo stemma come «stemma.png» "
        f"(oppure «stemma.jpg»), al più {MAX_BYTE // 1024} kB e tra {LATO_MIN} e {LATO_MAX} "
        "pixel per lato.",
    )


def _presenti(cartella: Path) -> list[str]:
    try:
        nomi = {p.name.casefold(): p.name for p in cartella.iterdir() if p.is_file()}
    except OSError:
        return []
    return [nomi[n] for n in (*NOMI, *ALTRI) if n in nomi]


def leggi_stemma(cartella: Path) -> tuple[Stemma | None, list[Finding]]:
    """The stemma of the plan in `cartella` (None when there is none or it is refused) and
    the warnings about it."""
    presenti = _presenti(cartella)
    if not presenti:
        return None, []
    nome = presenti[0]
    avvisi: list[Finding] = []
    if len(presenti) > 1:
        avvisi.append(
            _avviso(
                presenti[1],
                f"Nella cartella ci sono più stemmi ({', '.join(presenti)}): si usa «{nome}», "
                "gli altri sono ignorati; lasciarne uno solo.",
            )
        )
    if nome.casefold() in ALTRI:
        formato = nome.rsplit(".", 1)[1].upper()
        return None, [
            *avvisi,
            _avviso(
                nome, f"Lo stemma «{nome}» è in formato {formato}, non accettato: serve PNG o JPEG."
            ),
        ]
    percorso = cartella / nome
    try:
        dimensione = percorso.stat().st_size
        if dimensione > MAX_BYTE:
            return None, [
                *avvisi,
                _avviso(
                    nome,
                    f"Lo stemma «{nome}» pesa {dimensione // 1024} kB, oltre il massimo di "
                    f"{MAX_BYTE // 1024} kB: ridurlo o comprimerlo.",
                ),
            ]
        contenuto = percorso.read_bytes()
    except OSError as exc:
        return None, [
            *avvisi,
            _avviso(nome, f"Lo stemma «{nome}» non è leggibile ({exc.strerror})."),
        ]
    stemma, errore = _immagine(nome, contenuto)
    if errore is not None:
        avvisi.append(_avviso(nome, errore))
    return stemma, avvisi


def _immagine(nome: str, contenuto: bytes) -> tuple[Stemma | None, str | None]:
    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415

    try:
        with Image.open(io.BytesIO(contenuto), formats=list(_FORMATI)) as img:
            formato, (larghezza, altezza) = img.format or "", img.size
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return (
            None,
            f"Il file «{nome}» non è un'immagine PNG o JPEG valida (il contenuto non lo è, qualunque sia l'estensione).",
        )
    mime, estensioni = _FORMATI[formato]
    if not nome.casefold().endswith(estensioni):
        return None, (
            f"Il file «{nome}» contiene un'immagine {formato}, non quella che dice l'estensione: "
            f"rinominarlo «stemma{estensioni[0]}»."
        )
    if not (LATO_MIN <= larghezza <= LATO_MAX and LATO_MIN <= altezza <= LATO_MAX):
        return None, (
            f"Lo stemma «{nome}» misura {larghezza}×{altezza} pixel: ogni lato deve essere "
            f"tra {LATO_MIN} e {LATO_MAX} pixel."
        )
    return Stemma(nome, contenuto, mime, larghezza, altezza), None
