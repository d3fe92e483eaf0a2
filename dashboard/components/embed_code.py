"""The ``<iframe>`` snippet the indicator page offers, and the addresses it points to. Kept
apart from :mod:`dashboard.components.embed` (the embedded view), which builds on the
indicator page's own pieces.

The frame fits its content at any width: the embedded page tells its height to the page that
frames it (``assets/embed_height.js`` posts a :data:`HEIGHT_MESSAGE` message whenever it
changes) and the few lines of script in the snippet set the frame's height from it, for
messages from this site only. A host that strips scripts keeps the fixed
:data:`IFRAME_HEIGHT`, inside which the embed scrolls.
"""

from __future__ import annotations

import json
from html import escape
from typing import Final
from urllib.parse import urlsplit

from dash import html
from dash.development.base_component import Component

from dashboard.components.links import href
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.indicator import IndicatorPage

EMBED_PREFIX: Final[str] = "/embed/indicator/"
# Without the snippet's script (a host that strips scripts): tall enough for the status, the
# chart, its legend and the footer of most indicators in a frame 600 px wide or more, with a
# scroll bar in a narrower one (nothing is cut off: the frame scrolls).
IFRAME_HEIGHT: Final[int] = 1200
# The message the embed posts to its host page (assets/embed_height.js sends it).
HEIGHT_MESSAGE: Final[str] = "tracker-embed-height"


def embed_path(indicator_id: str, lang: Lang) -> str:
    return href(f"{EMBED_PREFIX}{indicator_id}", lang)


def permalink(indicator_id: str, lang: Lang, site_url: str = "") -> str:
    return site_url.rstrip("/") + href(f"/indicator/{indicator_id}", lang)


def origin_of(site_url: str) -> str:
    """``scheme://host[:port]`` of the site: what a browser gives as a message's origin."""
    parts = urlsplit(site_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def height_script(site_url: str) -> str:
    """The host page's few lines: a frame of this site takes the height its page posts."""
    origin = json.dumps(origin_of(site_url))
    return ('<script>window.addEventListener("message",function(e){'
            f'if(e.origin!=={origin}||!e.data||e.data.type!=="{HEIGHT_MESSAGE}")return;'
            'document.querySelectorAll("iframe[data-tracker-embed]").forEach(function(f){'
            'if(f.contentWindow===e.source)f.style.height=e.data.height+"px";});});</script>')


def embed_snippet(page: IndicatorPage, lang: Lang, site_url: str) -> str:
    """The ``<iframe>`` and its script another site pastes to show this indicator."""
    src = site_url.rstrip("/") + embed_path(page.indicator.indicator_id, lang)
    name = pick(page.indicator, "name", lang)
    frame = (f'<iframe src="{escape(src)}" title="{escape(name)}" width="100%" '
             f'height="{IFRAME_HEIGHT}" style="border:0;display:block" loading="lazy" '
             "data-tracker-embed></iframe>")
    return f"{frame}\n{height_script(site_url)}"


def embed_section(page: IndicatorPage, lang: Lang, site_url: str) -> Component:
    """On the indicator page: the ``<iframe>`` to copy, and what it shows."""
    return html.Section([
        html.H2(t("embed.heading", lang), id="indicator-embed"),
        html.P(t("embed.intro", lang)),
        html.Pre(html.Code(embed_snippet(page, lang, site_url)), className="embed-snippet",
                 tabIndex="0", **{"aria-label": t("embed.snippet_label", lang)}),
    ], **{"aria-labelledby": "indicator-embed"})
