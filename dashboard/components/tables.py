"""A wide table in a container that scrolls sideways on narrow screens."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component


def scroll_table(table: Component, label: str) -> Component:
    # A scrolling region must be reachable by keyboard (WCAG 2.1.1), hence tabIndex and a
    # name for the region a screen reader announces on focus.
    return html.Div(
        table, className="table-scroll", tabIndex="0", role="region", **{"aria-label": label}
    )
