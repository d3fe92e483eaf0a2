"""The marks of :mod:`dashboard.figures.svg_chart`: lines, markers and text of scatter
traces, drawn as plotly.js draws them (its marker shapes, its dash patterns, text above a
point or to its left).

x positions are percentages of the plotting area's width, so a line is drawn as one
``<line>`` per segment (a polyline takes no percentages) and a marker as a ``<use>`` of its
shape, defined once per chart around (0, 0).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from html import escape
from itertools import pairwise
from typing import Any, Final

from dashboard.figures.legend import sample_svg
from dashboard.figures.svg_axes import DateScale, ValueScale, parse_x

Trace = Mapping[str, Any]
R3: Final = math.sqrt(3)


def _circle(r: float) -> str:
    return f"M{r:.2f},0A{r:.2f},{r:.2f} 0 1,1 0,-{r:.2f}A{r:.2f},{r:.2f} 0 0,1 {r:.2f},0Z"


def _square(r: float) -> str:
    return f"M{r:.2f},{r:.2f}H-{r:.2f}V-{r:.2f}H{r:.2f}Z"


def _diamond(r: float) -> str:
    d = r * 1.3
    return f"M{d:.2f},0L0,{d:.2f}L-{d:.2f},0L0,-{d:.2f}Z"


def _triangle(r: float, up: bool) -> str:
    t, h = r * 2 / R3, r / 2
    return (f"M-{t:.2f},{h:.2f}H{t:.2f}L0,-{r:.2f}Z" if up
            else f"M-{t:.2f},-{h:.2f}H{t:.2f}L0,{r:.2f}Z")


def _pentagon(r: float) -> str:
    x1, x2, y0, y1, y2 = r * 0.951, r * 0.588, -r, -r * 0.309, r * 0.809
    return f"M{x1:.2f},{y1:.2f}L{x2:.2f},{y2:.2f}H-{x2:.2f}L-{x1:.2f},{y1:.2f}L0,{y0:.2f}Z"


def _hexagon(r: float) -> str:
    r3 = r * R3 / 2
    return (f"M{r3:.2f},-{r / 2:.2f}V{r / 2:.2f}L0,{r:.2f}L-{r3:.2f},{r / 2:.2f}"
            f"V-{r / 2:.2f}L0,-{r:.2f}Z")


def _star(r: float) -> str:
    s = r * 1.4
    x1, x2, x3, x4 = s * 0.225, s * 0.951, s * 0.363, s * 0.588
    y0, y1, y3, y4, y5 = -s, -s * 0.309, s * 0.118, s * 0.809, s * 0.382
    return (f"M{x1:.2f},{y1:.2f}H{x2:.2f}L{x3:.2f},{y3:.2f}L{x4:.2f},{y4:.2f}L0,{y5:.2f}"
            f"L-{x4:.2f},{y4:.2f}L-{x3:.2f},{y3:.2f}L-{x2:.2f},{y1:.2f}H-{x1:.2f}L0,{y0:.2f}Z")


def _cross(r: float) -> str:
    a, b = r * 0.4, r * 1.2
    return (f"M{b:.2f},{a:.2f}H{a:.2f}V{b:.2f}H-{a:.2f}V{a:.2f}H-{b:.2f}V-{a:.2f}H-{a:.2f}"
            f"V-{b:.2f}H{a:.2f}V-{a:.2f}H{b:.2f}Z")


# plotly.js's marker shapes (src/components/drawing/symbol_defs.js), r = size / 2.
SHAPES: Final[dict[str, Callable[[float], str]]] = {
    "circle": _circle, "square": _square, "diamond": _diamond,
    "triangle-up": lambda r: _triangle(r, True), "triangle-down": lambda r: _triangle(r, False),
    "pentagon": _pentagon, "hexagon": _hexagon, "star": _star, "cross": _cross,
}


def _dasharray(dash: object, width: float) -> str:
    """plotly.js's dash patterns (``Drawing.dashStyle``), scaled by the line width."""
    w = max(width, 3)
    patterns = {"dot": (w, w), "dash": (3 * w, 3 * w), "longdash": (5 * w, 5 * w),
                "dashdot": (3 * w, w, w, w), "longdashdot": (5 * w, 2 * w, w, 2 * w)}
    found = patterns.get(str(dash or "solid"))
    return "" if found is None else f' stroke-dasharray="{",".join(f"{p:g}" for p in found)}"'


def line_mark(x1: str, y1: str, x2: str, y2: str, line: Mapping[str, Any],
              opacity: object = None) -> str:
    width = float(line.get("width") or 2)
    fade = f' stroke-opacity="{opacity}"' if isinstance(opacity, int | float) else ""
    return (f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{line.get("color", "#444")}" '
            f'stroke-width="{width:g}"{_dasharray(line.get("dash"), width)}{fade}/>')


def _symbols(trace: Trace) -> list[str]:
    marker = trace.get("marker") or {}
    symbol = marker.get("symbol") or "circle"
    count = len(trace.get("x") or ())
    return [str(s) for s in symbol] if isinstance(symbol, list) else [str(symbol)] * count


def _shape_id(uid: str, symbol: str, size: float) -> str:
    return f"{uid}-{symbol.removesuffix('-open')}-{size:g}"


def marker_defs(traces: Sequence[Trace], uid: str) -> str:
    """One ``<path>`` per shape and size the chart's markers use."""
    found: dict[str, str] = {}
    for trace in traces:
        if "markers" not in str(trace.get("mode") or ""):
            continue
        size = float((trace.get("marker") or {}).get("size") or 6)
        for symbol in _symbols(trace):
            base = symbol.removesuffix("-open")
            draw = SHAPES.get(base, _circle)
            found[_shape_id(uid, base, size)] = draw(size / 2)
    return "".join(f'<path id="{key}" d="{path}"/>' for key, path in found.items())


def _marker(left: str, top: float, symbol: str, trace: Trace, uid: str) -> str:
    marker = trace.get("marker") or {}
    size = float(marker.get("size") or 6)
    colour = marker.get("color") or "#444"
    outline = marker.get("line") or {}
    width = float(outline.get("width") or (1 if symbol.endswith("-open") else 0))
    fill = "none" if symbol.endswith("-open") else colour
    stroke = (f' stroke="{outline.get("color") or colour}" stroke-width="{width:g}"'
              if width else "")
    return (f'<use href="#{_shape_id(uid, symbol, size)}" x="{left}" y="{top:.1f}" '
            f'fill="{fill}"{stroke}/>')


def point_text(left: str, top: float, text: str, place: Mapping[str, Any],
               size: float = 0) -> str:
    """Text at a point: above it ("top center"), to its left ("middle left") or anchored
    like an annotation (``xanchor``, ``yanchor``); ``<br>`` starts a new line."""
    position = str(place.get("textposition") or "")
    anchor = {"left": "start", "right": "end"}.get(str(place.get("xanchor")), "middle")
    font = place.get("textfont") or place.get("font") or {}
    dy, shift = "0.35em", ""
    if position == "top center" or place.get("yanchor") == "bottom":
        top, dy = top - size / 2 - 4, "0"
    elif position == "middle left":
        anchor, shift = "end", f' dx="-{size / 2 + 4:g}"'
    lines = text.split("<br>")
    if place.get("yanchor") == "bottom":
        top -= 15 * (len(lines) - 1)
    spans = "".join(f'<tspan x="{left}"{shift} dy="{dy if i == 0 else "1.2em"}">'
                    f"{escape(line)}</tspan>" for i, line in enumerate(lines))
    colour = f' fill="{font["color"]}"' if font.get("color") else ""
    size_attr = f' font-size="{font["size"]}"' if font.get("size") else ""
    return f'<text y="{top:.1f}" text-anchor="{anchor}"{colour}{size_attr}>{spans}</text>'


def _points(trace: Trace, x: DateScale, y: ValueScale) -> list[tuple[str, float] | None]:
    points: list[tuple[str, float] | None] = []
    for raw_x, raw_y in zip(trace.get("x") or (), trace.get("y") or (), strict=False):
        day = parse_x(raw_x)
        if day is None or not isinstance(raw_y, int | float):
            points.append(None)
            continue
        points.append((f"{100 * x.share(day):.2f}%", y.y(float(raw_y))))
    return points


def trace_marks(trace: Trace, x: DateScale, y: ValueScale, uid: str) -> str:
    """One scatter trace: its line segments (a gap at each missing value), then its
    markers, then its text."""
    mode = str(trace.get("mode") or "")
    points = _points(trace, x, y)
    parts = []
    if "lines" in mode:
        for a, b in pairwise(points):
            if a is not None and b is not None:
                parts.append(line_mark(a[0], f"{a[1]:.1f}", b[0], f"{b[1]:.1f}",
                                       trace.get("line") or {}, trace.get("opacity")))
    size = float((trace.get("marker") or {}).get("size") or 6)
    if "markers" in mode:
        parts += [_marker(p[0], p[1], s, trace, uid)
                  for p, s in zip(points, _symbols(trace), strict=False) if p is not None]
    texts = trace.get("text")
    if "text" in mode and isinstance(texts, list):
        parts += [point_text(p[0], p[1], str(t), trace, size)
                  for p, t in zip(points, texts, strict=False) if p is not None and t]
    return "".join(parts)


def legend_sample(trace: Trace) -> str:
    """The small picture before a legend entry: the trace's line and marker."""
    mode = str(trace.get("mode") or "")
    line = trace.get("line") or {}
    marker = trace.get("marker") or {}
    symbol = _symbols(trace)[0] if "markers" in mode and _symbols(trace) else None
    colour = line.get("color") if "lines" in mode else marker.get("color")
    return sample_svg(str(colour or "#444"), line.get("dash"), symbol, "lines" in mode)
