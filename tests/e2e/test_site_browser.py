"""The published page in real headless Chromium: axe-core finds no WCAG 2.1 A/AA violation
at desktop and phone widths, keyboard users can skip to the content, and markup in the
plan never runs as script."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from piao.publish import publish_plan
from tests.conftest import OGGI, SMALL, edit
from tests.e2e.browser import axe_violations, browser, describe, page_url

WIDTHS = {"desktop": 1280, "telefono": 390}

pytestmark = pytest.mark.xdist_group("uscite-esempio")


@pytest.mark.parametrize("plan", ["comune-di-esempio", "piccolo-comune"])
@pytest.mark.parametrize("pagina", ["index.html", "collocazione.html"])
def test_no_wcag_violations_at_desktop_and_phone_width(
    sites: dict[str, Path], plan: str, pagina: str
) -> None:
    with browser() as b:
        for name, width in WIDTHS.items():
            page = b.new_page(viewport={"width": width, "height": 900})
            page.goto(page_url(sites[plan] / pagina))
            violations = axe_violations(page)
            assert violations == [], f"{plan}/{pagina} {name}: {describe(violations)}"
            page.close()


def test_skip_link_is_the_first_stop_and_reaches_the_content(sites: dict[str, Path]) -> None:
    with browser() as b:
        page = b.new_page(viewport={"width": 1280, "height": 900})
        page.goto(page_url(sites["comune-di-esempio"] / "index.html"))
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == "Vai al contenuto"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "contenuto"


def test_page_has_no_script_and_no_external_resource(sites: dict[str, Path]) -> None:
    with browser() as b:
        page = b.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_url(sites["comune-di-esempio"] / "index.html"))
        assert page.evaluate("document.scripts.length") == 0
        assert all(url.startswith("file://") for url in requests), requests


def test_markup_in_the_plan_is_shown_as_text_and_never_runs(
    plan_copy: Callable[[Path], Path], tmp_path: Path
) -> None:
    plan = plan_copy(SMALL)
    hostile = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    edit(
        plan / "organizzazione.yaml",
        "modello_organizzativo: >-",
        f"modello_organizzativo: >-\n  {hostile}",
    )
    edit(
        plan / "anagrafica.yaml",
        "denominazione: Comune di Piccolavalle",
        'denominazione: "Comune <b onmouseover=alert(1)>X</b>"',
    )
    out = tmp_path / "sito"
    publish_plan(plan, out, oggi=OGGI)
    with browser() as b:
        page = b.new_page()
        dialogs: list[str] = []

        def on_dialog(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(page_url(out / "index.html"))
        page.mouse.move(200, 80)
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert hostile in page.inner_text("main")
        assert page.evaluate("document.querySelectorAll('main img, main script').length") == 0
