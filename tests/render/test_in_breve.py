"""«Il PIAO in breve», the stemma and the closing of the document (issue 17.2), through the
library and the CLI on the example and real plans: the summary's figures are counted again
here from the YAML files, not from the code that prints them."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from PIL import Image
from ruamel.yaml import YAML

from piao import check_plan
from piao.render import render_plan
from piao.render.document import Definizioni, Documento, Elenco, Paragrafo, Sezione
from piao.render.view import build_view
from tests.conftest import EXAMPLE, EXAMPLES, ROOT, SMALL, edit

REALI = sorted(p for p in (ROOT / "tests" / "real").glob("*/*") if p.is_dir())


def _yaml(plan: Path, nome: str) -> Any:
    path = plan / nome
    return YAML(typ="safe").load(path.read_text(encoding="utf-8")) if path.exists() else None


def _doc(plan: Path) -> Documento:
    result = check_plan(plan)
    assert result.piano is not None
    return build_view(result.piano, bozza=not result.report.success)


def _sezione(doc: Documento, ancora: str) -> Sezione:
    (s,) = (s for s in doc.sezioni if s.ancora == ancora)
    return s


def _cifra(testo: str) -> float:
    """«1.850 al 31 dicembre 2024» → 1850; «4,5» → 4.5."""
    m = re.match(r"[\d.]+(,\d+)?", testo)
    assert m, testo
    return float(m.group(0).replace(".", "").replace(",", "."))


def _attese(plan: Path) -> dict[str, float]:
    """The figures of the summary, counted from the YAML files."""
    a = _yaml(plan, "anagrafica.yaml")
    out: dict[str, float] = {}
    for chiave, etichetta in (
        ("popolazione", "Popolazione residente"),
        ("dipendenti", "Personale in servizio"),
    ):
        if a["ente"].get(chiave):
            out[etichetta] = a["ente"][chiave]["valore"]
    conteggi = (
        ("organizzazione.yaml", "unita", "Unità organizzative"),
        ("valore_pubblico.yaml", "obiettivi", "Obiettivi di valore pubblico"),
        ("performance.yaml", "obiettivi", "Obiettivi di performance"),
        ("rischi_corruttivi.yaml", "processi", "Processi mappati per il rischio corruttivo"),
        ("rischi_corruttivi.yaml", "misure", "Misure di prevenzione della corruzione"),
        ("formazione.yaml", "corsi", "Corsi di formazione programmati"),
        ("pari_opportunita.yaml", "azioni", "Azioni positive per le pari opportunità"),
    )
    for file, chiave, etichetta in conteggi:
        dati = _yaml(plan, file) or {}
        if dati.get(chiave):
            out[etichetta] = len(dati[chiave])
    fp = _yaml(plan, "fabbisogni_personale.yaml") or {}
    if fp.get("assunzioni"):
        out["Assunzioni programmate nel triennio"] = sum(
            x.get("numero", 1) for x in fp["assunzioni"]
        )
    if fp.get("cessazioni"):
        out["Cessazioni previste nel triennio"] = sum(x["numero"] for x in fp["cessazioni"])
    fo = _yaml(plan, "formazione.yaml") or {}
    if fo.get("corsi"):
        out["Ore di formazione programmate"] = sum(c["ore"] for c in fo["corsi"])
    return out


@pytest.mark.parametrize("plan", EXAMPLES + REALI, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_summary_opens_the_document_with_the_plans_own_figures(plan: Path) -> None:
    doc = _doc(plan)
    assert doc.sezioni[0].ancora == "in-breve"
    assert doc.sezioni[0].titolo == "Il PIAO in breve"
    (cifre,) = (b for b in doc.sezioni[0].blocchi if isinstance(b, Definizioni))
    stampate = dict(cifre.righe)
    attese = _attese(plan)
    for etichetta, valore in attese.items():
        assert _cifra(stampate[etichetta]) == pytest.approx(valore), etichetta
    generali = sum(
        1
        for m in (_yaml(plan, "rischi_corruttivi.yaml") or {}).get("misure", [])
        if m["tipo"] == "generale"
    )
    if "Misure di prevenzione della corruzione" in attese:
        assert f"({generali} general" in stampate["Misure di prevenzione della corruzione"]
    # Every objective of public value is named, with the target of the last year when it has one.
    vp = _yaml(plan, "valore_pubblico.yaml") or {}
    voci = [v for b in doc.sezioni[0].blocchi if isinstance(b, Elenco) for v in b.voci]
    for o in vp.get("obiettivi", [])[:8]:
        assert any(v.startswith(o["titolo"]) for v in voci), o["titolo"]


def test_the_plan_may_give_its_own_presentation_and_key_commitments(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    with (plan / "anagrafica.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "in_breve:\n"
            "  presentazione: Nei prossimi tre anni Piccolavalle porta i servizi online.\n"
            "  punti_chiave:\n"
            "    - Tutte le pratiche edilizie online entro il 2027\n"
            "    - Nessuna attesa oltre 15 giorni per la carta d'identità\n"
        )
    assert check_plan(plan).report.success
    breve = _sezione(_doc(plan), "in-breve")
    testi = [b.testo for b in breve.blocchi if isinstance(b, Paragrafo)]
    assert testi[0] == "Nei prossimi tre anni Piccolavalle porta i servizi online."
    (impegni,) = (b for b in breve.blocchi if isinstance(b, Elenco))
    assert impegni.voci == (
        "Tutte le pratiche edilizie online entro il 2027",
        "Nessuna attesa oltre 15 giorni per la carta d'identità",
    )


def test_seven_key_commitments_are_one_too_many(plan_copy: Callable[[Path], Path]) -> None:
    plan = plan_copy(SMALL)
    voci = "".join(f"    - Impegno {i}\n" for i in range(7))
    with (plan / "anagrafica.yaml").open("a", encoding="utf-8") as f:
        f.write(f"in_breve:\n  punti_chiave:\n{voci}")
    codici = {(x.code, x.location.file) for x in check_plan(plan).report.findings}
    assert ("SC004", "anagrafica.yaml") in codici or ("SC003", "anagrafica.yaml") in codici


@pytest.mark.parametrize("plan", EXAMPLES + REALI, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_document_ends_on_the_act_that_adopts_it(plan: Path) -> None:
    doc = _doc(plan)
    ultima = doc.sezioni[-1]
    assert ultima.ancora == "chiusura"
    assert ultima.titolo == "Adozione del piano"
    testo = " ".join(b.testo for b in ultima.blocchi if isinstance(b, Paragrafo))
    delibera = (_yaml(plan, "anagrafica.yaml").get("adozione") or {}).get("delibera")
    if delibera:
        assert f"n. {delibera['numero']} del " in testo
        assert "è stato adottato con deliberazione" in testo
    else:
        assert "non è ancora adottato" in testo


def test_the_closing_names_place_and_date_and_a_draft_says_it_is_not_adopted(
    plan_copy: Callable[[Path], Path],
) -> None:
    ultima = _doc(SMALL).sezioni[-1]
    testi = [b.testo for b in ultima.blocchi if isinstance(b, Paragrafo)]
    assert "Piccolavalle, 19 marzo 2026" in testi
    plan = plan_copy(SMALL)
    edit(plan / "anagrafica.yaml", "  delibera: {numero: 14, data: 2026-03-19}\n", "")
    ultima = _doc(plan).sezioni[-1]
    testo = " ".join(b.testo for b in ultima.blocchi if isinstance(b, Paragrafo))
    assert "non è ancora adottato" in testo
    assert "Piccolavalle, data della deliberazione di adozione" in testo


# The stemma -------------------------------------------------------------------------------


def _png(larghezza: int, altezza: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (larghezza, altezza), (11, 79, 140)).save(out, "PNG")
    return out.getvalue()


def _jpeg(larghezza: int, altezza: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (larghezza, altezza), (11, 79, 140)).save(out, "JPEG")
    return out.getvalue()


def _stemma(plan: Path) -> list[tuple[str, str, str]]:
    return [
        (f.code, f.location.file, f.message)
        for f in check_plan(plan).report.findings
        if f.code == "SC012"
    ]


@pytest.mark.parametrize(
    ("nome", "contenuto", "parola"),
    [
        ("stemma.png", b"non sono un'immagine", "non è un'immagine PNG o JPEG"),
        ("stemma.png", b"GIF89a" + bytes(200), "non è un'immagine PNG o JPEG"),
        ("stemma.png", _jpeg(100, 100), "contiene un'immagine JPEG"),
        ("stemma.jpg", _png(3000, 100), "contiene un'immagine PNG"),
        ("stemma.png", _png(3000, 120), "3000×120 pixel"),
        ("stemma.png", _png(40, 40), "40×40 pixel"),
        ("stemma.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "formato SVG"),
        ("stemma.png", _png(100, 100) + bytes(600 * 1024), "oltre il massimo di 512 kB"),
    ],
    ids=[
        "testo",
        "gif",
        "jpeg-come-png",
        "png-come-jpg",
        "troppi-pixel",
        "troppo-piccolo",
        "svg",
        "troppi-byte",
    ],
)
def test_a_wrong_stemma_is_a_located_warning_and_the_document_is_made_without_it(
    plan_copy: Callable[[Path], Path], nome: str, contenuto: bytes, parola: str
) -> None:
    plan = plan_copy(SMALL)
    (plan / nome).write_bytes(contenuto)
    ((codice, file, messaggio),) = _stemma(plan)
    assert (codice, file) == ("SC012", nome)
    assert parola in messaggio
    result = check_plan(plan)
    assert result.report.success  # a warning: the plan still renders
    assert "stemma" not in render_html_of(plan)


def render_html_of(plan: Path) -> str:
    out = plan.parent / "out"
    (html,) = render_plan(plan, out, formats=("html",)).files
    return html.read_text(encoding="utf-8").split("<header", 1)[1].split("</header>")[0]


def test_no_stemma_no_finding_and_the_example_stemma_is_accepted() -> None:
    assert _stemma(SMALL) == []
    assert _stemma(EXAMPLE) == []
    assert (EXAMPLE / "stemma.png").exists()


def test_a_good_stemma_is_on_the_cover_of_pdf_and_docx_and_in_the_header(
    plan_copy: Callable[[Path], Path],
) -> None:
    plan = plan_copy(SMALL)
    shutil.copy(EXAMPLE / "stemma.png", plan / "stemma.png")
    out = plan.parent / "out"
    files = {p.suffix: p for p in render_plan(plan, out).files}
    assert 'class="stemma"' in files[".html"].read_text(encoding="utf-8")
    with zipfile.ZipFile(files[".docx"]) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        corpo = z.read("word/document.xml").decode()
        intestazioni = [
            z.read(n).decode() for n in z.namelist() if re.fullmatch(r"word/header\d+\.xml", n)
        ]
    assert media, "the DOCX holds the image"
    # On the cover: the first drawing comes before the entity's name.
    assert corpo.index("<w:drawing") < corpo.index("Comune di Piccolavalle")
    assert any("<w:drawing" in h for h in intestazioni)
    with pikepdf.open(files[".pdf"]) as pdf:
        immagini = [len(p.get_images()) for p in pdf.pages]
    assert immagini[0] == 1, "cover"
    assert all(n >= 1 for n in immagini[1:]), "page header"


def test_key_targets_read_as_a_citizen_reads_them() -> None:
    """The unit follows the figure («78%», «35 giorni»); a unit with no short form stays in
    brackets after the description."""
    voci = [v for b in _doc(EXAMPLE).sezioni[0].blocchi if isinstance(b, Elenco) for v in b.voci]
    assert (
        "Servizi comunali accessibili da un unico sportello e da casa. Traguardo: Utenti "
        "soddisfatti dei servizi di sportello: da 78% nel 2025 a 88% nel 2028" in voci
    )
    assert any("da 52 giorni nel 2025 a 35 giorni nel 2028" in v for v in voci), voci
    assert any("Ore di formazione per dipendente: da 31 ore nel 2025 a 40 ore" in v for v in voci)
