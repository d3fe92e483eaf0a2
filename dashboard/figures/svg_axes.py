"""Scales, ticks and tick labels for :mod:`dashboard.figures.svg_chart`, following what
plotly.js does for the axes this app draws: a date axis labelled by year in the middle of each
year (``ticklabelmode="period"``) and a value axis from zero with "nice" steps (1, 2 or 5 times
a power of ten) and the locale's separators (``layout.separators``, ``tickformat=",~f"``).

Pure: numbers and ISO dates in, positions and labels out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

# plotly.js pads a range holding markers by about this share of the axis.
MARKER_PAD: Final = 0.05
# At most this many year labels: they must not overlap in the narrowest chart (280 px).
MAX_YEAR_LABELS: Final = 8
# plotly.js aims at one value tick per 40 px of a vertical axis, between 3 and 10.
PX_PER_VALUE_TICK: Final = 40
YEAR_STEPS: Final = (1, 2, 5, 10, 20)


def parse_x(value: object) -> date | None:
    """A plotly date (``2025-04-01``, ``2025-04-01 00:00:00`` or ``…T…``, or a date) as a
    date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.fromisoformat(value.replace(" ", "T")).date()
    except ValueError:
        return None


@dataclass(frozen=True)
class DateScale:
    """Dates to a share (0 to 1) of the plotting area's width."""

    start: date
    end: date

    def share(self, day: date) -> float:
        return (day - self.start).days / max((self.end - self.start).days, 1)

    def ticks(self) -> list[date]:
        """1 January of every ``step``-th year within the range."""
        step = self.year_step()
        first = self.start.year + (0 if self.start == date(self.start.year, 1, 1) else 1)
        return [date(y, 1, 1) for y in range(first, self.end.year + 1)
                if y % step == 0 or step == 1]

    def year_step(self) -> int:
        years = self.end.year - self.start.year + 1
        return next((s for s in YEAR_STEPS if years / s <= MAX_YEAR_LABELS), YEAR_STEPS[-1])

    def labels(self) -> list[tuple[date, str]]:
        """(middle of the labelled period, year) of every period whose middle is in range."""
        step = self.year_step()
        found = []
        for year in range(self.start.year, self.end.year + 1):
            if step > 1 and year % step:
                continue
            middle = date(year, 1, 1) + timedelta(days=(365 * step) // 2)
            if self.start <= middle <= self.end:
                found.append((middle, str(year)))
        return found


def date_scale(days: list[date], given: list[object] | None, padded: bool) -> DateScale:
    """The x range: the layout's own when it sets one, else the data's, padded like plotly's
    autorange when markers are drawn; a single day gets a year each side."""
    if given and len(given) == 2:
        start, end = parse_x(given[0]), parse_x(given[1])
        if start and end and start < end:
            return DateScale(start, end)
    if not days:
        today = date.today()
        return DateScale(date(today.year - 1, 1, 1), date(today.year + 1, 12, 31))
    low, high = min(days), max(days)
    if low == high:
        return DateScale(date(low.year - 1, 1, 1), date(high.year + 1, 12, 31))
    pad = timedelta(days=round((high - low).days * MARKER_PAD)) if padded else timedelta()
    return DateScale(low - pad, high + pad)


@dataclass(frozen=True)
class ValueScale:
    """Values to pixels down from the top of the plotting area."""

    top: float
    height: float

    def y(self, value: float) -> float:
        return self.height * (1 - value / self.top) if self.top else self.height

    def ticks(self) -> list[float]:
        count = max(3, min(10, self.height / PX_PER_VALUE_TICK))
        step = nice_step(self.top / count)
        return [i * step for i in range(int(self.top / step + 1e-9) + 1)]


def nice_step(rough: float) -> float:
    """1, 2 or 5 times a power of ten, the first not below ``rough``."""
    if rough <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(rough))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= rough * (1 - 1e-9))


def value_scale(values: list[float], height: float, padded: bool) -> ValueScale:
    """From zero (``rangemode="tozero"``) to the largest value, padded like plotly's
    autorange when markers are drawn."""
    top = max([v for v in values if v > 0], default=0.0)
    if top == 0:
        return ValueScale(1.0, height)
    return ValueScale(top * (1 + MARKER_PAD) if padded else top, height)


def format_tick(value: float, separators: str, prefix: str = "", suffix: str = "") -> str:
    """``,~f`` with plotly's ``separators`` (decimal mark, then thousands mark): grouped
    thousands, no trailing zeros."""
    decimal_mark = separators[0] if separators else "."
    group_mark = separators[1] if len(separators) > 1 else ","
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    whole, _, fraction = text.partition(".")
    text = whole.replace(",", group_mark) + (decimal_mark + fraction if fraction else "")
    return f"{prefix}{text}{suffix}"
