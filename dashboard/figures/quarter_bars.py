"""A small bar chart of one indicator by quarter, as plain SVG text.

SVG rather than plotly so the briefing stays one small file that opens offline and prints
crisply, and the page can show the very same picture as an ``<img>``. Values are written on
the bars and the table next to it holds every number, so the chart needs no axis. This
quarter is dark blue, earlier ones light blue; a missing or suppressed quarter is an empty
dashed slot labelled "n/a" (never a zero bar).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from html import escape
from typing import Final

from dashboard.figures.style import FONT, GRID, NEUTRAL, PALETTE, TEXT

WIDTH: Final[int] = 640
HEIGHT: Final[int] = 150
PAD_TOP: Final[int] = 18
PAD_BOTTOM: Final[int] = 22
CURRENT: Final[str] = PALETTE[0]
EARLIER: Final[str] = "#9cc9e8"  # a lighter PALETTE[0]; the dark text above it stays 10:1

Point = tuple[str, float | None, bool]  # (quarter label, value or None, is the current quarter)


def _bar(i: int, slot: float, point: Point, top: float, label: Callable[[float], str],
         missing: str) -> str:
    name, value, current = point
    x = i * slot + slot * 0.15
    width = slot * 0.7
    base = HEIGHT - PAD_BOTTOM
    centre = x + width / 2
    axis = (f'<text x="{centre:.1f}" y="{HEIGHT - 6}" font-size="12" text-anchor="middle" '
            f'fill="{TEXT}">{escape(name)}</text>')
    if value is None:
        return (f'<rect x="{x:.1f}" y="{base - 24}" width="{width:.1f}" height="24" fill="none" '
                f'stroke="{NEUTRAL}" stroke-dasharray="3 3"/>'
                f'<text x="{centre:.1f}" y="{base - 8}" font-size="12" text-anchor="middle" '
                f'fill="{TEXT}">{escape(missing)}</text>' + axis)
    height = (base - PAD_TOP) * (value / top if top else 0)
    colour = CURRENT if current else EARLIER
    return (f'<rect x="{x:.1f}" y="{base - height:.1f}" width="{width:.1f}" '
            f'height="{height:.1f}" fill="{colour}"><title>{escape(name)}: '
            f'{escape(label(value))}</title></rect>'
            f'<text x="{centre:.1f}" y="{base - height - 4:.1f}" font-size="12" '
            f'text-anchor="middle" fill="{TEXT}"'
            f'{" font-weight=" + chr(34) + "700" + chr(34) if current else ""}>'
            f'{escape(label(value))}</text>' + axis)


def quarter_bars_svg(points: Sequence[Point], label: Callable[[float], str], title: str,
                     missing: str = "n/a") -> str:
    """The chart as an ``<svg>`` element with a ``<title>`` (its accessible name)."""
    values = [v for _, v, _ in points if v is not None]
    top = max(values, default=0.0)
    slot = WIDTH / max(len(points), 1)
    bars = "".join(_bar(i, slot, p, top, label, missing) for i, p in enumerate(points))
    base = HEIGHT - PAD_BOTTOM
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}" role="img" font-family=\'{FONT}\' '
            f'class="quarter-bars">'
            f'<title>{escape(title)}</title>'
            f'<line x1="0" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="{GRID}"/>{bars}</svg>')


def svg_data_uri(svg: str) -> str:
    """For ``<img src>`` on the page (the site's CSP allows ``data:`` images)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
