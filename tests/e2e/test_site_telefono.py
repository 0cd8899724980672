"""The published page on a phone (390 px, issue 17): no table cell runs past the screen
unless it sits in a labelled, focusable scroll region with a visible hint; tables of few
columns reflow into one card per row with each value after its header; figures keep their
natural size and scroll instead of shrinking their text, except the schemas drawn in points,
which fit the phone with their text still readable. Real headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.browser import browser, page_url

pytestmark = pytest.mark.xdist_group("uscite-esempio")

TELEFONO = 390
LARGHEZZE = (1280, TELEFONO)
PAGINE = ("index.html", "collocazione.html")

FUORI_SCHERMO = """() => {
  const larghezza = document.documentElement.clientWidth;
  const out = [];
  for (const cella of document.querySelectorAll('main th, main td')) {
    const r = cella.getBoundingClientRect();
    if (r.width === 0 || (r.left >= 0 && r.right <= larghezza + 0.5)) continue;
    let contenitore = cella.parentElement;
    while (contenitore && getComputedStyle(contenitore).overflowX === 'visible') {
      contenitore = contenitore.parentElement;
    }
    const c = contenitore && contenitore.getBoundingClientRect();
    out.push({
      testo: cella.textContent.trim().slice(0, 40),
      contenitore: contenitore ? contenitore.tagName : null,
      ruolo: contenitore ? contenitore.getAttribute('role') : null,
      etichetta: contenitore ? contenitore.getAttribute('aria-label') : null,
      tabindex: contenitore ? contenitore.getAttribute('tabindex') : null,
      dentro: !!c && c.left >= 0 && c.right <= larghezza + 0.5,
    });
  }
  return out;
}"""


def _apri(b: Any, sito: Path, pagina: str, larghezza: int) -> Any:
    page = b.new_page(viewport={"width": larghezza, "height": 900})
    page.goto(page_url(sito / pagina))
    return page


@pytest.mark.parametrize("plan", ["comune-di-esempio", "piccolo-comune"])
def test_no_cell_runs_past_the_screen_outside_a_scroll_region(
    sites: dict[str, Path], plan: str
) -> None:
    with browser() as b:
        for pagina in PAGINE:
            for larghezza in LARGHEZZE:
                page = _apri(b, sites[plan], pagina, larghezza)
                dove = f"{plan}/{pagina} a {larghezza} px"
                assert page.evaluate("document.documentElement.scrollWidth") <= larghezza, dove
                fuori = page.evaluate(FUORI_SCHERMO)
                if larghezza == TELEFONO and pagina == "index.html":
                    assert fuori, f"{dove}: no wide table to scroll: is the check blind?"
                sbagliate = [
                    f
                    for f in fuori
                    if not (f["ruolo"] == "region" and f["etichetta"] and f["tabindex"] == "0")
                    or f["contenitore"] != "DIV"
                    or not f["dentro"]
                ]
                assert sbagliate == [], f"{dove}: {sbagliate[:3]}"
                page.close()


def test_wide_tables_scroll_with_a_visible_hint_and_from_the_keyboard(
    sites: dict[str, Path],
) -> None:
    with browser() as b:
        page = _apri(b, sites["comune-di-esempio"], "index.html", TELEFONO)
        regioni = page.locator("div.scorrevole:has(> table)")
        assert regioni.count() > 0
        for i in range(regioni.count()):
            regione = regioni.nth(i)
            assert regione.evaluate("r => r.scrollWidth > r.clientWidth")
            suggerimento = regione.locator("xpath=preceding-sibling::*[1]")
            assert suggerimento.get_attribute("class") == "suggerimento"
            assert suggerimento.is_visible()
            assert suggerimento.inner_text().endswith(
                "Scorrere di lato per vedere tutte le colonne"
            )
        regione = regioni.first
        regione.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("r => r.scrollLeft > 0", arg=regione.element_handle())
        page.close()
        page = _apri(b, sites["comune-di-esempio"], "index.html", 1280)
        assert not page.locator(".suggerimento").first.is_visible()


@pytest.mark.parametrize("pagina", PAGINE)
def test_narrow_tables_reflow_with_each_value_after_its_header(
    sites: dict[str, Path], pagina: str
) -> None:
    with browser() as b:
        page = _apri(b, sites["comune-di-esempio"], pagina, TELEFONO)
        tabelle = page.locator("table.riflusso")
        assert tabelle.count() > 0
        for i in range(tabelle.count()):
            t = tabelle.nth(i)
            assert t.evaluate("t => t.closest('.scorrevole')") is None
            assert t.evaluate("t => t.getBoundingClientRect().right") <= TELEFONO
            righe = t.evaluate(
                """t => [...t.querySelectorAll('tbody tr, tfoot tr')].map(r =>
                  [...r.cells].map(c => [c.tagName, c.dataset.label ?? null,
                    getComputedStyle(c, '::before').content]))"""
            )
            intestazioni = t.evaluate(
                "t => [...t.querySelectorAll('thead th')].map(h => h.textContent.trim())"
            )
            for riga in righe:
                if intestazioni:  # a data table; a table of definitions has row headers
                    assert [c[1] for c in riga] == intestazioni
                    assert all(c[2].startswith(f'"{c[1]}"') for c in riga), riga
                else:
                    assert [c[0] for c in riga] == ["TH", "TD"]
        # Still a table with its headers for assistive technology.
        nome = page.locator("table.dati.riflusso").first.locator("caption").inner_text()
        assert page.get_by_role("table", name=nome).get_by_role("columnheader").count() > 0
        page.close()


def test_figures_keep_their_natural_size_or_fit_the_phone_readably(sites: dict[str, Path]) -> None:
    with browser() as b:
        page = _apri(b, sites["comune-di-esempio"], "index.html", TELEFONO)
        figure = page.locator("figure svg")
        assert figure.count() > 0
        for i in range(figure.count()):
            svg = figure.nth(i)
            naturale = float((svg.get_attribute("width") or "0").removesuffix("pt"))
            mostrata = svg.evaluate("s => s.getBoundingClientRect().width")
            if "in-punti" in (svg.get_attribute("class") or ""):
                # Drawn in points for reading: shrunk to the phone, never wider than it
                # (its text size at this width is tested in tests/render/test_figures.py).
                assert mostrata <= TELEFONO + 0.5, (naturale, mostrata)
            else:
                assert naturale == 0 or mostrata >= naturale - 0.5, (naturale, mostrata)
            regione = svg.locator("xpath=..")
            assert regione.get_attribute("role") == "region"
            assert regione.get_attribute("tabindex") == "0"
            assert regione.get_attribute("aria-label")
        page.close()
