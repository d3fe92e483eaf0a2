"""The chart legend as HTML data, read from the figure's own traces.

Plotly's legend does not wrap, so long edition names were cut off on a phone; an HTML list
wraps, is read by screen readers (the plot itself is aria-hidden) and prints. Each entry has
a small SVG sample of its line and marker, so the key never depends on colour alone."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Final

import plotly.graph_objects as go

from dashboard.figures.style import NEUTRAL

DASH_ARRAYS: Final[dict[str, str]] = {
    "solid": "",
    "dash": "6,3",
    "dot": "2,3",
    "dashdot": "6,3,2,3",
    "longdash": "10,4",
    "longdashdot": "10,4,2,4",
}
SHAPES: Final[dict[str, str]] = {
    "circle": '<circle cx="14" cy="8" r="5" {s}/>',
    "square": '<rect x="9" y="3" width="10" height="10" {s}/>',
    "diamond": '<polygon points="14,2 20,8 14,14 8,8" {s}/>',
    "pentagon": '<polygon points="14,2 20,7 18,14 10,14 8,7" {s}/>',
    "hexagon": '<polygon points="11,3 17,3 20,8 17,13 11,13 8,8" {s}/>',
    "cross": (
        '<polygon points="12,3 16,3 16,6 19,6 19,10 16,10 16,13 12,13 12,10 9,10 9,6 12,6" {s}/>'
    ),
    "triangle-up": '<polygon points="14,2 20,14 8,14" {s}/>',
    "triangle-down": '<polygon points="8,2 20,2 14,14" {s}/>',
    "star": '<polygon points="14,1 16,6 21,6 17,10 19,15 14,12 9,15 11,10 7,6 12,6" {s}/>',
}


@dataclass(frozen=True)
class LegendEntry:
    name: str
    sample_uri: str


def sample_svg(color: str, dash: str | None, symbol: str | None, line: bool) -> str:
    parts = []
    if line:
        dasharray = DASH_ARRAYS.get(dash or "solid", "")
        extra = f' stroke-dasharray="{dasharray}"' if dasharray else ""
        parts.append(
            f'<line x1="0" y1="8" x2="28" y2="8" stroke="{color}" stroke-width="2"{extra}/>'
        )
    if symbol:
        base = symbol.removesuffix("-open")
        fill = "#ffffff" if symbol.endswith("-open") else color
        style = f'fill="{fill}" stroke="{color}" stroke-width="2"'
        parts.append(SHAPES.get(base, SHAPES["circle"]).format(s=style))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="16" '
        f'viewBox="0 0 28 16">{"".join(parts)}</svg>'
    )


def _uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def legend_entries(fig: go.Figure) -> list[LegendEntry]:
    """One entry per named trace, in drawing order, with its line and first marker."""
    entries = []
    for trace in fig.data:
        if not trace.name:
            continue
        mode = trace.mode or ""
        marker_symbol = None
        if "markers" in mode:
            symbols = trace.marker.symbol
            marker_symbol = symbols[0] if isinstance(symbols, list | tuple) else symbols
        color = (trace.line.color if "lines" in mode else trace.marker.color) or NEUTRAL
        svg = sample_svg(str(color), trace.line.dash, marker_symbol or None, "lines" in mode)
        entries.append(LegendEntry(str(trace.name).replace("<br>", " "), _uri(svg)))
    return entries
