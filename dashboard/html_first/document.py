"""The first HTML response: the page itself, written from its own ``layout()``, in the index
document Dash would serve, with Dash's scripts kept inert until they are needed.

The document holds, in order:

- the page (``#tracker-page``), as the app's layout would render it with the page in
  ``_pages_content``: help bar, navigation, every figure with its data attributes, every table
  and every chart as SVG;
- dash-renderer's entry point, empty and out of sight (``.dash-pending``);
- Dash's script tags and its renderer inside a ``<template>`` (inert: nothing loads);
- the request dash-renderer would send to render this page (``#tracker-page-request``),
  Dash's config and its clientside callbacks (a few small inline functions).

``assets/takeover.js`` loads Dash's scripts when a reader reaches for something that needs
them (a chart, a control a callback listens to: ``data-live``), has Dash draw the same page
into the hidden entry point from that request's answer (the page cache's JSON: no second
render on the server), and swaps it in once everything, charts included, is drawn. Until then,
and for ever without JavaScript, the page is this HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any, Final

import dash
import flask
from dash._pages import _parse_query_string, _path_to_page

from dashboard.html_first.markup import Context, layout_html
from dashboard.page_cache import Rendered, is_cached, render, uncached
from dashboard.routing import page_request

PAGE_ID: Final = "tracker-page"
SCRIPTS_ID: Final = "tracker-dash"
REQUEST_ID: Final = "tracker-page-request"
NOT_FOUND: Final = "not_found_404"
# Ids the page router owns: its callback is not a reader's control.
ROUTER_IDS: Final = frozenset({"_pages_location", "_pages_store", "_pages_content"})
_EXTERNAL: Final = re.compile(r'<script src="[^"]*"></script>|<script [^>]*src=[^>]*></script>')
_WILDCARD: Final = ("ALL", "MATCH", "ALLSMALLER")
# Without script, a button only a callback serves (a chart's image download, the print
# button) does nothing: it is not shown, nor is a paragraph that holds one. Links and GET
# forms, the pages' filters and pickers, work either way.
NO_SCRIPT_CSS: Final = "button[data-live], p:has(> button[data-live]) { display: none; }"
# The app's own layout around a page, as dash-renderer draws it (app.app_layout): the
# page container's Location and Stores draw nothing.
APP_FRAME: Final = ('<div class="app-root"><div><div id="_pages_content">{page}</div>'
                    '<div id="_pages_dummy"></div></div></div>')

DOCUMENT: Final = """<!DOCTYPE html>
<html lang="{lang}">
<head>
{metas}
<title>{title}</title>
{favicon}
{css}
<noscript><style>{no_script_css}</style></noscript>
{head_scripts}
</head>
<body>
<div id="{page_id}" data-version="{version}">{page}</div>
<div id="react-entry-point" class="dash-pending" aria-hidden="true" inert></div>
<template id="{scripts_id}">{dash_scripts}{renderer}</template>
<script type="application/json" id="{request_id}">{request}</script>
{config}
{inline_scripts}
</body>
</html>
"""


def _pattern_matches(pattern: Mapping[str, Any], value: Mapping[str, Any]) -> bool:
    if set(pattern) != set(value):
        return False
    return all((isinstance(p, list) and p and p[0] in _WILDCARD) or p == value[k]
               for k, p in pattern.items())


def live_ids(app: dash.Dash) -> Callable[[object], bool]:
    """Whether a component id is the input of one of ``app``'s callbacks (page routing
    aside): its element is a control that needs Dash."""
    plain: set[str] = set()
    patterns: list[dict[str, Any]] = []
    for callback in app._callback_list:
        for item in callback.get("inputs", []):
            name = str(item.get("id", ""))
            if name.startswith("{"):
                patterns.append(json.loads(name))
            elif name not in ROUTER_IDS:
                plain.add(name)

    def live(component_id: object) -> bool:
        if isinstance(component_id, Mapping):
            return any(_pattern_matches(p, component_id) for p in patterns)
        return str(component_id) in plain

    return live


@dataclass(frozen=True)
class FirstPage:
    """The page a request asks for: its markup, where it came from and the JSON the
    takeover posts to render it again in Dash."""

    html: str
    source: str
    request: dict[str, Any]
    version: str
    # Components the first response could not write (their children only): should be none.
    unknown: tuple[str, ...] = ()


def _page_and_arguments(path: str, search: str) -> tuple[Mapping[str, Any], dict[str, Any]]:
    # The page router's own lookup and query parsing, so the first response renders exactly
    # what a navigation to this URL renders.
    page, variables = _path_to_page(path.strip("/"))
    if not page:
        page = next(p for m, p in dash.page_registry.items() if m.endswith(NOT_FOUND))
    return page, {**(variables or {}), **_parse_query_string(search)}


def first_page(app: dash.Dash, path: str, search: str, persist: bool = False) -> FirstPage:
    """The page at ``path`` + ``search`` (``?…``), written as HTML through the page cache
    (``persist``: into the shared store too, see :func:`dashboard.page_cache.render`)."""
    page, kwargs = _page_and_arguments(path, search)
    context = Context(live_ids(app))

    def writer(layout_json: str) -> str:
        return APP_FRAME.format(page=layout_html(json.loads(layout_json), context))

    layout = page["layout"]
    if is_cached(layout):
        found, _ = render(str(page["module"]), uncached(layout), kwargs, writer, persist)
    else:  # a page kept out of the cache (cache_layout=False)
        from plotly.io.json import to_json_plotly

        from dashboard.context import current_db

        with current_db().pinned() as version:
            layout_json = to_json_plotly(layout(**kwargs))
        found = Rendered("render", {"json": layout_json, "html": writer(layout_json),
                                    "version": version})
    return FirstPage(found.entry["html"], found.source, page_request(path, search),
                     found.entry.get("version", ""), tuple(context.unknown))


def _split_scripts(scripts: str) -> tuple[str, str]:
    """Dash's script tags (loaded only at takeover) and its inline scripts (kept)."""
    external = "\n".join(_EXTERNAL.findall(scripts))
    inline = _EXTERNAL.sub("", scripts).strip()
    return external, inline


def _json_script(value: object) -> str:
    # No "<" at all inside the element: "</script" or "<!--" in a query string must not end
    # it or change how the parser reads it.
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def document(kwargs: Mapping[str, str], lang: str, page: FirstPage, head_scripts: str,
             css: str) -> str:
    """The index document of ``page`` from what Dash's ``index`` passes to
    ``interpolate_index`` (its metas, title, favicon, config, scripts and renderer)."""
    external, inline = _split_scripts(kwargs.get("scripts", ""))
    return DOCUMENT.format(
        lang=escape(lang), metas=kwargs.get("metas", ""), title=kwargs.get("title", ""),
        favicon=kwargs.get("favicon", ""), css=css, no_script_css=NO_SCRIPT_CSS,
        head_scripts=head_scripts,
        page_id=PAGE_ID, version=escape(page.version), page=page.html, scripts_id=SCRIPTS_ID,
        dash_scripts=external,
        renderer=kwargs.get("renderer", ""), request_id=REQUEST_ID,
        request=_json_script(page.request), config=kwargs.get("config", ""),
        inline_scripts=inline)


def request_search() -> str:
    query = flask.request.query_string.decode("utf-8", "replace")
    return f"?{query}" if query else ""
