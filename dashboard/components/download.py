""""Download this data" under a chart, and the "how to cite" block.

A chart that draws ``observations_frame(con, filters, lang)`` places
``download_link(filters, lang)`` under it: the link carries the same filters, so the CSV holds
exactly the charted rows.
"""

from __future__ import annotations

from urllib.parse import urlencode

from dash import html
from dash.development.base_component import Component

from pipelines.language.i18n import Lang, t
from pipelines.release.export import Filters
from pipelines.release.names import download_name
from pipelines.release.package import LICENCE, Release


def download_href(filters: Filters, lang: Lang, table: str = "observations",
                  snapshot: str | None = None) -> str:
    extra = [("snapshot", snapshot)] if snapshot else []
    return f"/download/{table}.csv?{urlencode([*filters.query_items(), *extra, ('lang', lang)])}"


def download_link(filters: Filters, lang: Lang, *, label: str | None = None,
                  snapshot: str | None = None) -> Component:
    """A link to the CSV of exactly the rows drawn with ``filters`` (from ``snapshot``'s
    database when given)."""
    return html.P(
        html.A(label or t("data.download_chart", lang),
               href=download_href(filters, lang, snapshot=snapshot),
               className="download-link", download=download_name("observations", filters, lang)),
        className="download",
    )


def how_to_cite(release: Release, lang: Lang, *, heading_id: str = "cite") -> Component:
    """Dataset title, version, date and URL, ready to copy."""
    return html.Section(
        [
            html.H2(t("cite.heading", lang), id=heading_id),
            html.P(t("cite.intro", lang)),
            html.Blockquote(release.citation(lang), className="citation"),
            html.P([t("cite.licence", lang), " ",
                    html.A(t("cite.licence_name", lang), href=LICENCE["path"]), ". ",
                    t("cite.source_terms", lang)]),
        ],
        className="how-to-cite",
        **{"aria-labelledby": heading_id},
    )
