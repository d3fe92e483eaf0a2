"""One indicator for another site's ``<iframe>``: its status, its chart with the sources in
the caption, the same data as a table (folded), and the link to the full page. Pure: rows in,
components out."""

from __future__ import annotations

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.data_table import data_table
from dashboard.components.embed_code import permalink
from dashboard.components.indicator_view import (
    TABLE_ID,
    chart_section,
    name_of,
    status_section,
)
from dashboard.figures.series import KIND_TO_DATE, charted_points
from pipelines.language.i18n import Lang, t
from pipelines.read.indicator import IndicatorPage


def _folded_table(page: IndicatorPage, geography: str, lang: Lang) -> Component | None:
    observed = [p for p in charted_points(page, geography) if p.kind != KIND_TO_DATE]
    if not observed:
        return None
    return html.Details([html.Summary(t("indicator.caption_table", lang)),
                         data_table(observed, name_of(page, lang), TABLE_ID, lang)],
                        className="embed-table")


def _outside(node: object, site_url: str) -> object:
    """Links open the full site in a new tab: the other pages refuse to be framed, and a
    client-side link would load the whole site inside the frame."""
    if isinstance(node, list | tuple):
        return [_outside(child, site_url) for child in node]
    if not isinstance(node, Component):
        return node
    if isinstance(node, dcc.Link | html.A) and str(getattr(node, "href", "")).startswith("/"):
        node = html.A(getattr(node, "children", None), href=site_url.rstrip("/") + node.href,
                      className=getattr(node, "className", None))
    if isinstance(node, html.A) and not str(getattr(node, "href", "")).startswith("#"):
        node.target, node.rel = "_blank", "noopener"
    children = getattr(node, "children", None)
    if children is not None:
        node.children = _outside(children, site_url)
    return node


def embed_body(page: IndicatorPage, geography: str, lang: Lang, site_url: str = "",
               demo: bool = False) -> list[Component]:
    """Everything the embedded view shows, ``geography`` already validated; every link
    leaves the frame."""
    return [_outside(part, site_url) for part in _parts(page, geography, lang, site_url, demo)]


def _parts(page: IndicatorPage, geography: str, lang: Lang, site_url: str,
           demo: bool) -> list[Component | None]:
    link = permalink(page.indicator.indicator_id, lang, site_url)
    points = charted_points(page, geography)
    return [
        html.P(t("demo.banner", lang), className="embed-demo", role="status") if demo else None,
        html.H1(html.A(name_of(page, lang), href=link, target="_blank", rel="noopener")),
        status_section(page, points, lang),
        *chart_section(page, points, lang),
        _folded_table(page, geography, lang),
        html.P([t("embed.from", lang, site=t("site.title", lang)), " ",
                html.A(t("embed.permalink", lang), href=link, target="_blank", rel="noopener",
                       id="embed-permalink")],
               className="embed-footer"),
    ]

