"""The ``<iframe>`` snippet the indicator page offers, and the addresses it points to. Kept
apart from :mod:`dashboard.components.embed` (the embedded view), which builds on the
indicator page's own pieces."""

from __future__ import annotations

from html import escape
from typing import Final

from dash import html
from dash.development.base_component import Component

from dashboard.components.links import href
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.indicator import IndicatorPage

EMBED_PREFIX: Final[str] = "/embed/indicator/"
# Tall enough for the status, the chart, its legend and the footer of most indicators without
# a scroll bar in a frame 600 px wide or more (measured: 900 to 1,390 px at 600 px wide).
IFRAME_HEIGHT: Final[int] = 1200


def embed_path(indicator_id: str, lang: Lang) -> str:
    return href(f"{EMBED_PREFIX}{indicator_id}", lang)


def permalink(indicator_id: str, lang: Lang, site_url: str = "") -> str:
    return site_url.rstrip("/") + href(f"/indicator/{indicator_id}", lang)


def embed_snippet(page: IndicatorPage, lang: Lang, site_url: str) -> str:
    """The ``<iframe>`` element another site pastes to show this indicator."""
    src = site_url.rstrip("/") + embed_path(page.indicator.indicator_id, lang)
    name = pick(page.indicator, "name", lang)
    return (f'<iframe src="{escape(src)}" title="{escape(name)}" '
            f'width="100%" height="{IFRAME_HEIGHT}" style="border:0" loading="lazy"></iframe>')


def embed_section(page: IndicatorPage, lang: Lang, site_url: str) -> Component:
    """On the indicator page: the ``<iframe>`` to copy, and what it shows."""
    return html.Section([
        html.H2(t("embed.heading", lang), id="indicator-embed"),
        html.P(t("embed.intro", lang)),
        html.Pre(html.Code(embed_snippet(page, lang, site_url)), className="embed-snippet",
                 tabIndex="0", **{"aria-label": t("embed.snippet_label", lang)}),
    ], **{"aria-labelledby": "indicator-embed"})
