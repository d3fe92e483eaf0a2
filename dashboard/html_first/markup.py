"""A page's layout, as Dash serialises it for dash-renderer, written as HTML: the markup the
renderer draws from the same layout, so the first response holds the page itself and there is
no second copy of any page to keep in sync.

The input is the layout's JSON form (``{"type", "namespace", "props"}`` per component, as
:func:`plotly.io.json.to_json_plotly` writes it and the page cache keeps it). Dash's HTML
components become their element with their props as attributes, exactly as React writes them;
the few core components the pages use are written as dash-renderer draws them (a test compares
both, page by page, in Chromium). A chart (``dcc.Graph``) is drawn on the server as SVG from
the very figure plotly.js draws after the takeover (:mod:`dashboard.figures.svg_chart`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from html import escape
from typing import Any, Final

from dashboard.figures.svg_chart import figure_svg

LOG = logging.getLogger(__name__)
Node = Any  # a JSON value: a component dict, a list, a string, a number, None
HTML_NAMESPACE: Final = "dash_html_components"
CORE_NAMESPACE: Final = "dash_core_components"
VOID: Final = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                         "meta", "source", "track", "wbr"})
# Props Dash keeps for itself: never attributes (dash-html-components omits them).
DASH_ONLY: Final = frozenset({"children", "n_clicks", "n_clicks_timestamp", "loading_state",
                              "setProps", "disable_n_clicks", "key"})
# React's names for attributes whose HTML name is not the prop name lower-cased.
RENAMED: Final = {"className": "class", "htmlFor": "for", "httpEquiv": "http-equiv",
                  "acceptCharset": "accept-charset"}
# Attributes that are present or absent (React writes them empty when true).
BOOLEAN: Final = frozenset({"allowfullscreen", "async", "autofocus", "autoplay", "checked",
                            "controls", "default", "defer", "disabled", "formnovalidate",
                            "hidden", "inert", "loop", "multiple", "muted", "novalidate",
                            "open", "readonly", "required", "reversed", "selected"})
# CSS properties React writes without a "px" after a bare number.
UNITLESS: Final = frozenset({"opacity", "zIndex", "fontWeight", "lineHeight", "flex",
                             "flexGrow", "flexShrink", "order", "zoom", "orphans", "widows"})
# dcc.Input props that are Dash's, not the element's.
INPUT_DASH_ONLY: Final = frozenset({"debounce", "n_submit", "n_submit_timestamp", "n_blur",
                                    "n_blur_timestamp", "persistence", "persisted_props",
                                    "persistence_type", "style", "className", "value"})
# dcc.Input's defaults, written by dash-renderer whatever the layout says.
INPUT_DEFAULTS: Final = {"inputMode": "verbatim", "autoComplete": "off", "step": "any"}


def stringify_id(value: object) -> str:
    """A component id as dash-renderer writes it: a dict id becomes its keys in order with
    JSON values, without spaces (``stringifyId`` in dash-renderer)."""
    if not isinstance(value, Mapping):
        return str(value)
    return "{" + ",".join(f"{json.dumps(k)}:{json.dumps(value[k], ensure_ascii=False)}"
                          for k in sorted(value)) + "}"


def _css_name(name: str) -> str:
    if name.startswith("--"):
        return name
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in name)


def style_text(style: Mapping[str, object]) -> str:
    parts = []
    for name, value in style.items():
        if value is None or value == "":
            continue
        text = (f"{value}px" if isinstance(value, int | float) and not isinstance(value, bool)
                and name not in UNITLESS and value != 0 else str(value))
        parts.append(f"{_css_name(name)}: {text};")
    return " ".join(parts)


def _attribute(name: str, value: object) -> str:
    html_name = RENAMED.get(name, name if "-" in name else name.lower())
    if name == "id":
        value = stringify_id(value)
    if html_name in BOOLEAN:
        return f" {html_name}" if value else ""
    if value is None or (isinstance(value, bool) and not value and not html_name.startswith(
            ("aria-", "data-"))):
        return ""
    if name == "style":
        if not isinstance(value, Mapping):
            return ""
        value = style_text(value)
    elif isinstance(value, bool):
        value = "true" if value else "false"
    return f' {html_name}="{escape(str(value), quote=True)}"'


def attributes(props: Mapping[str, object], skip: frozenset[str] = frozenset()) -> str:
    return "".join(_attribute(name, value) for name, value in props.items()
                   if name not in DASH_ONLY and name not in skip)


def element(tag: str, props: Mapping[str, object], inner: str,
            skip: frozenset[str] = frozenset()) -> str:
    if tag in VOID:
        return f"<{tag}{attributes(props, skip)}>"
    return f"<{tag}{attributes(props, skip)}>{inner}</{tag}>"


def children_html(node: Node, context: Context) -> str:
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, str):
        return escape(node, quote=False)
    if isinstance(node, int | float):
        return escape(str(node), quote=False)
    if isinstance(node, list):
        return "".join(children_html(child, context) for child in node)
    if isinstance(node, Mapping) and "type" in node and "namespace" in node:
        return component_html(node, context)
    return ""


class Context:
    """What writing one page needs beyond its layout: which component ids a callback listens
    to (their elements get ``data-live``, the cue for ``assets/takeover.js`` to hand the page
    to Dash when a reader reaches for one) and the core components met that have no writer."""

    def __init__(self, live: Callable[[object], bool] | None = None) -> None:
        self.live = live or (lambda _id: False)
        self.unknown: list[str] = []


def _html_component(node: Mapping[str, Any], context: Context) -> str:
    props: dict[str, Any] = dict(node.get("props") or {})
    if "id" in props and context.live(props["id"]):
        props["data-live"] = ""
    inner = children_html(props.get("children"), context)
    return element(str(node["type"]).lower(), props, inner)


def _link(props: Mapping[str, Any], context: Context) -> str:
    keep = {k: props[k] for k in ("href", "className", "id", "title", "target", "style")
            if props.get(k) is not None}
    keep.update({k: v for k, v in props.items() if k.startswith(("aria-", "data-"))})
    return element("a", keep, children_html(props.get("children"), context))


def _input(props: Mapping[str, Any], _context: Context) -> str:
    kind = str(props.get("type") or "text")
    css = " ".join(filter(None, ["dash-input-container dash-input",
                                 str(props.get("className") or ""),
                                 "dash-input-hidden" if kind == "hidden" else ""]))
    inner = {"id": props.get("id"), "className": "dash-input-element", "type": kind,
             **INPUT_DEFAULTS,
             **{k: v for k, v in props.items() if k not in INPUT_DASH_ONLY | {"id", "type"}},
             "value": "" if props.get("value") is None else props["value"]}
    box: dict[str, object] = {"className": css}
    if props.get("style"):
        box["style"] = props["style"]
    return element("div", box, element("input", inner, ""))


def _graph(props: Mapping[str, Any], _context: Context) -> str:
    css = " ".join(filter(None, ["dash-graph", str(props.get("className") or "")]))
    style = props.get("style") or {}
    figure = props.get("figure") or {}
    height = _pixels(style.get("height")) or (figure.get("layout") or {}).get("height") or 450
    box = {"className": css, "id": props.get("id"), "style": style, "data-live": ""}
    return element("div", box, figure_svg(figure, int(height)))


def _pixels(value: object) -> float | None:
    if isinstance(value, int | float):
        return float(value)
    text = str(value or "")
    return float(text[:-2]) if text.endswith("px") and text[:-2].replace(".", "").isdigit() \
        else None


def _nothing(_props: Mapping[str, Any], _context: Context) -> str:
    return ""


CORE_WRITERS: Final[dict[str, Callable[[Mapping[str, Any], Context], str]]] = {
    "Link": _link, "Input": _input, "Graph": _graph, "Store": _nothing, "Location": _nothing,
}


def component_html(node: Mapping[str, Any], context: Context) -> str:
    namespace, kind = node.get("namespace"), str(node.get("type"))
    if namespace == HTML_NAMESPACE:
        return _html_component(node, context)
    writer = CORE_WRITERS.get(kind) if namespace == CORE_NAMESPACE else None
    props: Mapping[str, Any] = node.get("props") or {}
    if writer is not None:
        return writer(props, context)
    # A component without a writer still shows what it holds, and a test lists it.
    context.unknown.append(f"{namespace}.{kind}")
    LOG.warning("no HTML writer for %s.%s: its children only", namespace, kind)
    return f"<div>{children_html(props.get('children'), context)}</div>"


def layout_html(layout: Node, context: Context | None = None) -> str:
    """The HTML of ``layout`` (a layout's JSON form, already parsed)."""
    return children_html(layout, context or Context())
