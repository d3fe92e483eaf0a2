"""``/data``'s "read a file with its types" section: a pandas and an R snippet for the
observations file in the page's language, needing nothing from this repository (the code is
written by :mod:`pipelines.release.snippets` from the same declaration as the file)."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from pipelines.language.i18n import Lang, t
from pipelines.release.export import Filters
from pipelines.release.names import download_name
from pipelines.release.snippets import pandas_snippet, r_snippet

SECTION_ID = "data-read"


def read_section(base_url: str, lang: Lang) -> Component:
    name = download_name("observations", Filters(), lang)
    url = f"{base_url}/download/observations.csv?lang={lang}"
    return html.Section([
        html.H2(t("data.read_heading", lang), id=SECTION_ID),
        html.P(t("data.read_intro", lang)),
        html.P(t("data.read_pandas", lang)),
        html.Pre(html.Code(pandas_snippet("observations", lang, name, url),
                           className="language-python", id="data-read-pandas"),
                 tabIndex="0", className="code-example"),
        html.P(t("data.read_r", lang)),
        html.Pre(html.Code(r_snippet("observations", lang, name, url), className="language-r",
                           id="data-read-r"),
                 tabIndex="0", className="code-example"),
        html.P(t("data.read_schema", lang)),
    ], id="data-read-section", **{"aria-labelledby": SECTION_ID})
