"""The /data page's section on the JSON API: what it gives, where its description is, and
examples in curl, Python (pandas) and R that walk every page. Pure: the site's address and a
language in, a section out. The examples are code, the same in both languages."""

from __future__ import annotations

from typing import Final

from dash import html
from dash.development.base_component import Component

from dashboard.api_limits import DEFAULT_LIMIT, MAX_LIMIT, PREFIX
from pipelines.language.i18n import Lang, t

SECTION_ID: Final = "data-api"
EXAMPLE_QUERY: Final = "observations?indicator=frontline_workers_trained&geography=ontario"

CURL: Final = """curl '{base}{prefix}/{query}&limit=100'
curl '{base}{prefix}/progress?indicator=frontline_workers_trained&as_of=2026-06-30'"""

PANDAS: Final = """import pandas as pd
import requests

url = "{base}{prefix}/{query}"
frames = []
while url:
    page = requests.get(url, timeout=60).json()
    frames.append(pd.DataFrame(page["rows"], columns=page["fields"]))
    url = page["next"]
data = pd.concat(frames, ignore_index=True)"""

R: Final = """library(jsonlite)

url <- "{base}{prefix}/{query}"
pages <- list()
while (!is.null(url)) {{
  page <- fromJSON(url)
  pages[[length(pages) + 1]] <- page$rows
  url <- page$`next`
}}
data <- rbind_pages(pages)"""


def examples(base_url: str) -> dict[str, str]:
    """The three examples for the site at ``base_url`` (no trailing slash)."""
    values = {"base": base_url, "prefix": PREFIX, "query": EXAMPLE_QUERY}
    return {"curl": CURL.format(**values), "pandas": PANDAS.format(**values),
            "r": R.format(**values)}


def _example(label: str, code: str, language: str) -> list[Component]:
    return [html.P(label), html.Pre(html.Code(code, className=f"language-{language}"),
                                    tabIndex="0", className="code-example")]


def api_docs(base_url: str, lang: Lang) -> Component:
    code = examples(base_url)
    spec = f"{base_url}{PREFIX}/openapi.json"
    return html.Section([
        html.H2(t("api_docs.heading", lang), id=SECTION_ID),
        html.P(t("api_docs.intro", lang, limit=DEFAULT_LIMIT, max=MAX_LIMIT)),
        html.P(html.A(t("api_docs.spec", lang), href=f"{spec}?lang={lang}",
                      id="data-api-openapi")),
        html.P(t("api_docs.rules", lang)),
        *_example(t("api_docs.example_curl", lang), code["curl"], "shell"),
        *_example(t("api_docs.example_pandas", lang), code["pandas"], "python"),
        *_example(t("api_docs.example_r", lang), code["r"], "r"),
    ], id="data-api-section", **{"aria-labelledby": SECTION_ID})
