"""Set every text of a French page in French typography (:mod:`pipelines.language.typography`):
the text between tags and the attributes a person reads or hears (``title``, ``alt``,
``aria-label``). Parts marked with another language (an English quotation, the "English"
language link) and code are left as written."""

from __future__ import annotations

from typing import Final

from dash import dcc, html
from dash.development.base_component import Component

from pipelines.language.typography import french

READ_ATTRIBUTES: Final[tuple[str, ...]] = ("title", "alt", "aria-label", "placeholder",
                                          "data-label")
_UNTOUCHED: Final[tuple[type, ...]] = (html.Code, html.Pre, html.Script, dcc.Graph)


def _node(node: object) -> object:
    if isinstance(node, str):
        return french(node)
    if isinstance(node, list | tuple):
        return [_node(child) for child in node]
    if isinstance(node, Component):
        return typeset_french(node)
    return node


def typeset_french(component: Component) -> Component:
    """``component`` with its French text respaced, in place (a freshly built tree)."""
    lang = getattr(component, "lang", None)
    if isinstance(component, _UNTOUCHED) or (lang and not str(lang).startswith("fr")):
        return component
    for name in READ_ATTRIBUTES:
        value = getattr(component, name, None)
        if isinstance(value, str):
            setattr(component, name, french(value))
    children = getattr(component, "children", None)
    if children is not None:
        component.children = _node(children)
    return component
