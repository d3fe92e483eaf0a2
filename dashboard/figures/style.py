"""Shared chart style: a colour-blind-safe palette (Okabe–Ito) and the non-colour cues that
go with it (dash per series, marker shape per series and per qualifier).

No red or green anywhere: charts never say good or bad, the status box does, in words.
"""

from __future__ import annotations

import textwrap
from typing import Final

# Okabe–Ito without vermillion and bluish green (they read as "red" and "green", a verdict we
# never give by colour) and without yellow (under 3:1 on white).
PALETTE: Final[tuple[str, ...]] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#000000",
)
DASHES: Final[tuple[str, ...]] = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
SERIES_SYMBOLS: Final[tuple[str, ...]] = (
    "circle",
    "square",
    "diamond",
    "pentagon",
    "hexagon",
    "cross",
)
LOWER_BOUND_SYMBOL: Final[str] = "triangle-up"
UPPER_BOUND_SYMBOL: Final[str] = "triangle-down"
# Reported activity and context series (docs/architecture.md › Domain rules: never good or
# bad): blues and greys only, no green, no orange, no red.
NEUTRAL_PALETTE: Final[tuple[str, ...]] = (
    "#1f3b57",  # navy
    "#0072B2",  # blue
    "#6b7b8c",  # blue grey
    "#3b4a5a",  # slate
    "#56B4E9",  # sky blue
    "#8a8f96",  # grey
)
NEUTRAL: Final[str] = "#4a4a4a"  # trajectory, target, references: 9:1 on white
TEXT: Final[str] = "#1a1a1a"
GRID: Final[str] = "#d9dee3"
FONT: Final[str] = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif'
LEGEND_WRAP: Final[int] = 40
CHART_HEIGHT: Final[int] = 360
# Tick, legend and label text: at least 12 px everywhere (13 here).
FONT_SIZE: Final[int] = 13
# Plotly's separators: decimal mark then thousands mark ("1 000,5" in French, the thousands
# separated by a narrow no-break space).
SEPARATORS: Final[dict[str, str]] = {"en": ".,", "fr": ",\u202f"}


def series_style(index: int) -> dict[str, str]:
    """Colour, dash and marker of the ``index``-th series: three cues, not one."""
    return {
        "color": PALETTE[index % len(PALETTE)],
        "dash": DASHES[index % len(DASHES)],
        "symbol": SERIES_SYMBOLS[index % len(SERIES_SYMBOLS)],
    }


def neutral_style(index: int) -> dict[str, str]:
    """Like :func:`series_style`, in the neutral palette (reported activity, context)."""
    return {**series_style(index), "color": NEUTRAL_PALETTE[index % len(NEUTRAL_PALETTE)]}


def value_axis(unit_kind: str, lang: str) -> dict[str, object]:
    """The value axis: from zero, ticks in the page's locale (grouping and decimal mark from
    ``layout.separators``), money and percentages with their sign where the language puts it."""
    axis: dict[str, object] = {"tickformat": ",~f", "rangemode": "tozero",
                               "tickfont": {"size": FONT_SIZE}}
    if unit_kind == "money":
        axis |= {"tickprefix": "$"} if lang == "en" else {"ticksuffix": "\u00a0$"}
    elif unit_kind == "percent":
        axis |= {"ticksuffix": "%"} if lang == "en" else {"ticksuffix": "\u00a0%"}
    return axis


def point_symbol(series_symbol: str, qualifier: str) -> str:
    """A lower bound points up, an upper bound down, an approximate value is hollow."""
    if qualifier in {"more_than", "at_least"}:
        return LOWER_BOUND_SYMBOL
    if qualifier == "up_to":
        return UPPER_BOUND_SYMBOL
    if qualifier in {"about", "nearly"}:
        return f"{series_symbol}-open"
    return series_symbol


def wrap(text: str, width: int = LEGEND_WRAP) -> str:
    """Plotly legends do not wrap; long edition names would be cut off on a phone."""
    return "<br>".join(textwrap.wrap(text, width)) or text
