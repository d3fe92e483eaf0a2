"""A chart drawn on the server as SVG from the same plotly figure plotly.js draws in the
browser: one chart description, two outputs. The first response (and a reader without
JavaScript, a printer, a reading mode) gets this picture; plotly.js replaces it once Dash has
taken over the page.

Not a general plotly renderer: it draws the subset this app's figures use (scatter traces
with lines, markers and text; a date x axis labelled by year; a value axis from zero;
horizontal reference lines; text annotations; a title and a horizontal legend) in plotly's
look (``simple_white`` axes, the marker shapes of plotly.js). Kaleido would draw any figure
exactly, but it starts a browser per picture, too heavy for a page request.

The picture fits its box at any width without scaling its text: the box is the figure's
height (dcc.Graph's box has the same), the plotting area is an ``<svg>`` placed in it by CSS at
the figure's margins (its width ``calc(100% - margins)``), and every x position in it is a
percentage of that width; the title and the legend are text, so they wrap.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any, Final

from dashboard.figures.svg_axes import (
    DateScale,
    ValueScale,
    date_scale,
    format_tick,
    parse_x,
    value_scale,
)
from dashboard.figures.svg_marks import (
    legend_sample,
    line_mark,
    marker_defs,
    point_text,
    trace_marks,
)

AXIS: Final = "rgb(36,36,36)"  # simple_white's axis lines and ticks
TICK_LEN: Final = 5
DEFAULT_MARGIN: Final = {"l": 80, "r": 80, "t": 100, "b": 80}
LEGEND_HEIGHT: Final = 44  # room for two rows of legend under the x labels
CHAR_WIDTH: Final = 0.6  # a tick label character's width, in font sizes (digits, a sign)
Figure = Mapping[str, Any]


def _uid(figure: Figure) -> str:
    return "c" + hashlib.sha256(json.dumps(figure.get("data"), sort_keys=True, default=str)
                                .encode()).hexdigest()[:8]


def _numbers(values: Sequence[object] | None) -> list[float]:
    return [float(v) for v in values or () if isinstance(v, int | float)
            and not isinstance(v, bool)]


def _has_markers(traces: Sequence[Mapping[str, Any]]) -> bool:
    return any("markers" in str(t.get("mode") or "") for t in traces)


def _legend_items(figure: Figure) -> list[Mapping[str, Any]]:
    layout = figure.get("layout") or {}
    if not layout.get("showlegend", "legend" in layout):
        return []
    return [t for t in figure.get("data") or ()
            if t.get("name") and t.get("showlegend", True) is not False]


def _scales(figure: Figure, plot_height: float) -> tuple[DateScale, ValueScale]:
    layout, traces = figure.get("layout") or {}, figure.get("data") or ()
    days = [d for t in traces for d in (parse_x(x) for x in t.get("x") or ()) if d]
    values = [v for t in traces for v in _numbers(t.get("y"))]
    for shape in layout.get("shapes") or ():
        values += _numbers([shape.get("y0"), shape.get("y1")])
    padded = _has_markers(traces)
    given = (layout.get("xaxis") or {}).get("range")
    return date_scale(days, given, padded), value_scale(values, plot_height, padded)


def _axes(x: DateScale, y: ValueScale, layout: Mapping[str, Any]) -> str:
    axis = layout.get("yaxis") or {}
    separators = str(layout.get("separators") or ".,")
    height = y.height
    parts = []
    for value in y.ticks():
        top = f"{y.y(value):.1f}"
        label = format_tick(value, separators, str(axis.get("tickprefix") or ""),
                            str(axis.get("ticksuffix") or ""))
        if value:
            parts.append(f'<line x1="0" x2="100%" y1="{top}" y2="{top}" '
                         f'stroke="{axis.get("gridcolor", "#eee")}"/>')
        parts.append(f'<line x1="-{TICK_LEN}" x2="0" y1="{top}" y2="{top}" stroke="{AXIS}"/>'
                     f'<text x="-{TICK_LEN + 3}" y="{top}" dy="0.35em" '
                     f'text-anchor="end">{escape(label)}</text>')
    grid = (layout.get("xaxis") or {}).get("gridcolor", "#eee")
    for day in x.ticks():
        left = f"{100 * x.share(day):.2f}%"
        parts.append(f'<line x1="{left}" x2="{left}" y1="0" y2="{height:.1f}" stroke="{grid}"/>'
                     f'<line x1="{left}" x2="{left}" y1="{height:.1f}" '
                     f'y2="{height + TICK_LEN:.1f}" stroke="{AXIS}"/>')
    # Every other year label is dropped in a narrow chart (CSS container query on the box).
    for index, (middle, label) in enumerate(x.labels()):
        css = "x-label x-label-odd" if index % 2 else "x-label"
        parts.append(f'<text class="{css}" x="{100 * x.share(middle):.2f}%" '
                     f'y="{height + TICK_LEN + 16:.1f}" text-anchor="middle">{label}</text>')
    parts.append(f'<line x1="0" x2="0" y1="0" y2="{height:.1f}" stroke="{AXIS}"/>'
                 f'<line x1="0" x2="100%" y1="{height:.1f}" y2="{height:.1f}" '
                 f'stroke="{AXIS}"/>')
    return "".join(parts)


def _position(ref: str, value: object, x: DateScale, y: ValueScale,
              vertical: bool) -> str | None:
    """An annotation coordinate: a share of the plotting area ("paper", "x domain"), a
    date on x or a value on y."""
    if ref.endswith("domain") or ref == "paper":
        share = float(value) if isinstance(value, int | float) else 0.0
        return f"{y.height * (1 - share):.1f}" if vertical else f"{100 * share:.2f}%"
    if vertical:
        return f"{y.y(float(value)):.1f}" if isinstance(value, int | float) else None
    day = parse_x(value)
    return None if day is None else f"{100 * x.share(day):.2f}%"


def _shapes(layout: Mapping[str, Any], x: DateScale, y: ValueScale) -> str:
    parts = []
    for shape in layout.get("shapes") or ():
        if shape.get("type") != "line" or shape.get("y0") != shape.get("y1"):
            continue  # only the horizontal reference lines the figures draw
        top = _position(str(shape.get("yref", "y")), shape.get("y0"), x, y, True)
        if top is not None:
            parts.append(line_mark("0", top, "100%", top, shape.get("line") or {}))
    for note in layout.get("annotations") or ():
        left = _position(str(note.get("xref", "x")), note.get("x"), x, y, False)
        top = _position(str(note.get("yref", "y")), note.get("y"), x, y, True)
        if left is not None and top is not None:
            parts.append(point_text(left, float(top), str(note.get("text") or ""), note))
    return "".join(parts)


def _title(layout: Mapping[str, Any], margin_top: float) -> str:
    title = layout.get("title") or {}
    text = title.get("text") if isinstance(title, Mapping) else title
    if not text:
        return ""
    size = ((title.get("font") or {}).get("size") if isinstance(title, Mapping) else None) or 17
    return (f'<div class="chart-svg-title" style="height: {margin_top:.0f}px; '
            f'font-size: {size}px;">{escape(str(text))}</div>')


def _legend(items: Sequence[Mapping[str, Any]], top: float) -> str:
    if not items:
        return ""
    entries = "".join(f'<span class="chart-svg-key">{legend_sample(t)}'
                      f'{escape(str(t.get("name")).replace("<br>", " "))}</span>'
                      for t in items)
    return (f'<div class="chart-svg-legend" style="top: {top:.0f}px; '
            f'height: {LEGEND_HEIGHT}px;">{entries}</div>')


def _left_margin(y: ValueScale, layout: Mapping[str, Any], margin: int) -> int:
    """plotly.js's ``automargin``: a left margin wide enough for the longest value label."""
    axis = layout.get("yaxis") or {}
    size = float((axis.get("tickfont") or {}).get("size") or
                 (layout.get("font") or {}).get("size") or 12)
    labels = [format_tick(v, str(layout.get("separators") or ".,"),
                          str(axis.get("tickprefix") or ""), str(axis.get("ticksuffix") or ""))
              for v in y.ticks()]
    needed = max((len(label) for label in labels), default=0) * size * CHAR_WIDTH + TICK_LEN + 6
    return max(margin, math.ceil(needed))


def figure_svg(figure: Figure, height: int) -> str:
    """The figure in a box ``height`` px high and as wide as its container: the plotting
    area as an ``<svg>`` (axes, traces, reference lines, annotations), its title and legend
    as text above and below it."""
    layout = figure.get("layout") or {}
    traces = [t for t in figure.get("data") or () if t.get("visible", True) is not False]
    margin = {**DEFAULT_MARGIN, **(layout.get("margin") or {})}
    legend = _legend_items(figure)
    plot_height = height - margin["t"] - margin["b"] - (LEGEND_HEIGHT if legend else 0)
    x, y = _scales({"layout": layout, "data": traces}, plot_height)
    left = _left_margin(y, layout, margin["l"])
    font = layout.get("font") or {}
    uid = _uid(figure)
    plot = (f'<svg class="chart-svg-plot" xmlns="http://www.w3.org/2000/svg" '
            f'style="left: {left}px; top: {margin["t"]}px; '
            f'width: calc(100% - {left + margin["r"]}px); height: {plot_height:.0f}px;" '
            f'font-family="{escape(str(font.get("family", "sans-serif")))}" '
            f'font-size="{font.get("size", 12)}" fill="{font.get("color", "#444")}">'
            f"<defs>{marker_defs(traces, uid)}</defs>{_axes(x, y, layout)}"
            f"{''.join(trace_marks(t, x, y, uid) for t in traces)}{_shapes(layout, x, y)}"
            "</svg>")
    return (f'<div class="chart-svg" style="height: {height}px;">{_title(layout, margin["t"])}'
            f"{plot}{_legend(legend, height - margin['b'] - LEGEND_HEIGHT + 28)}</div>")
