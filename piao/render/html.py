"""The document as one HTML page (jinja2, autoescaped, StrictUndefined): the PDF is printed
from it, and it is also written as `PIAO-<ente>-<triennio>.html`."""

from __future__ import annotations

from piao import __version__
from piao.render.document import Documento, Figura
from piao.render.figures import to_svg
from piao.resources import data_dir
from piao.templating import environment


def render_html(doc: Documento) -> str:
    css = (data_dir("templates") / "documento" / "piao.css").read_text(encoding="utf-8")
    return (
        environment()
        .get_template("documento/piao.html.j2")
        .render(
            doc=doc,
            css=css,
            versione=__version__,
            svg=lambda f: to_svg(f.disegno) if isinstance(f, Figura) else "",
        )
    )
