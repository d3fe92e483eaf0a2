"""A small decorative trend line as an SVG ``data:`` URI.

The overview shows one per headline indicator. It is decorative (the values are written next
to it), so the page shows it as ``<img alt="">``: no plotly.js per card, nothing for a screen
reader to trip over, and it prints.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from datetime import date
from typing import Final

from dashboard.figures.style import NEUTRAL, PALETTE

WIDTH: Final[int] = 120
HEIGHT: Final[int] = 32
PAD: Final[int] = 4


def sparkline_points(points: Sequence[tuple[date, float]]) -> list[tuple[float, float]]:
    """Scale (date, value) pairs into the box, oldest left; y from 0 so a flat line is flat."""
    if not points:
        return []
    first, last = points[0][0], points[-1][0]
    span = max((last - first).days, 1)
    top = max(v for _, v in points) or 1.0
    inner_w, inner_h = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    return [
        (PAD + inner_w * (d - first).days / span, PAD + inner_h * (1 - v / top)) for d, v in points
    ]


def sparkline_svg(points: Sequence[tuple[date, float]]) -> str | None:
    """The SVG text, or None with fewer than two points (one point is not a trend)."""
    ordered = sorted(points)
    if len(ordered) < 2:
        return None
    xy = sparkline_points(ordered)
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    end_x, end_y = xy[-1]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}">'
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
        f'stroke="{NEUTRAL}" stroke-width="0.5"/>'
        f'<polyline fill="none" stroke="{PALETTE[0]}" stroke-width="2" points="{path}"/>'
        f'<circle cx="{end_x:.1f}" cy="{end_y:.1f}" r="3" fill="{PALETTE[0]}"/></svg>'
    )


def sparkline_uri(points: Sequence[tuple[date, float]]) -> str | None:
    svg = sparkline_svg(points)
    if svg is None:
        return None
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
