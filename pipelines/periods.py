"""Ontario fiscal periods: fiscal years (1 April – 31 March) and fiscal quarters.

A fiscal quarter is written ``2026-27Q2``: the fiscal year 2026-27 (2026-04-01 – 2027-03-31),
second quarter (July–September 2026). Q1 is April–June, Q2 July–September, Q3
October–December and Q4 January–March of the later calendar year.

Everything here is pure and works on :class:`datetime.date`; localised labels ("juillet à
septembre 2026") are formatted by the dashboard with Babel from :func:`quarter_months`.

>>> q = FiscalQuarter.parse("2026-27Q2")
>>> q.start, q.end
(datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
>>> q.next().label, q.previous().label, q.same_quarter_last_year().label
('2026-27Q3', '2026-27Q1', '2025-26Q2')
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

# The one definition of Ontario's fiscal year: it starts on the first of this month. The SQL
# side (sql_macros), the formatting module and every period below derive from it.
FISCAL_YEAR_FIRST_MONTH = 4
_QUARTER_RE = re.compile(r"(\d{4})-(\d{2})Q(\d)")
# The last fiscal year whose 31 March still fits in ``datetime.date``.
_MIN_YEAR = date.min.year
_MAX_YEAR = date.max.year - 1


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def fiscal_year_label(fy_start: int) -> str:
    """``2026`` -> ``'2026-27'``."""
    return f"{fy_start}-{(fy_start + 1) % 100:02d}"


def fiscal_year_bounds(fy_start: int) -> tuple[date, date]:
    """First and last day of the fiscal year starting in April of ``fy_start``.

    >>> fiscal_year_bounds(2025)
    (datetime.date(2025, 4, 1), datetime.date(2026, 3, 31))
    """
    return date(fy_start, FISCAL_YEAR_FIRST_MONTH, 1), date(fy_start + 1, 3, 31)


def fiscal_year_of(d: date) -> int:
    """The calendar year in which the fiscal year containing ``d`` starts."""
    return d.year if d.month >= FISCAL_YEAR_FIRST_MONTH else d.year - 1


def is_fiscal_year_range(start: date, end: date) -> bool:
    """True when ``start``–``end`` is one or more whole fiscal years.

    "2021-22 to 2023-24" is 2021-04-01 – 2024-03-31:

    >>> is_fiscal_year_range(date(2021, 4, 1), date(2024, 3, 31))
    True
    >>> is_fiscal_year_range(date(2021, 1, 1), date(2021, 12, 31))
    False
    """
    return (
        (start.month, start.day) == (FISCAL_YEAR_FIRST_MONTH, 1)
        and (end.month, end.day) == (3, 31)
        and end.year > start.year
    )


@dataclass(frozen=True, order=True)
class FiscalQuarter:
    """One Ontario fiscal quarter. Ordered chronologically; ``str(q)`` is its label."""

    fiscal_year_start: int
    quarter: int

    def __post_init__(self) -> None:
        if not 1 <= self.quarter <= 4:
            raise ValueError(f"quarter must be 1, 2, 3 or 4, not {self.quarter}")
        if not _MIN_YEAR <= self.fiscal_year_start <= _MAX_YEAR:
            raise ValueError(
                f"fiscal year must start between {_MIN_YEAR} and {_MAX_YEAR}, "
                f"not {self.fiscal_year_start}"
            )

    def __str__(self) -> str:
        return self.label

    @classmethod
    def parse(cls, text: str) -> FiscalQuarter:
        """Parse ``YYYY-YYQn`` strictly (no spaces, capital Q, the second year follows the
        first, n from 1 to 4). Raises :class:`ValueError` saying what is wrong."""
        if not isinstance(text, str):
            raise TypeError(f"a fiscal quarter label must be a string, not {type(text).__name__}")
        match = _QUARTER_RE.fullmatch(text)
        if match is None:
            raise ValueError(
                f"{text!r} is not a fiscal quarter: expected the form YYYY-YYQn, e.g. 2026-27Q2"
            )
        first, second, quarter = int(match[1]), int(match[2]), int(match[3])
        if not 1 <= quarter <= 4:
            raise ValueError(
                f"{text!r} is not a fiscal quarter: the quarter must be 1, 2, 3 or 4 (Q1 is "
                "April to June)"
            )
        if second != (first + 1) % 100:
            expected = f"{fiscal_year_label(first)}Q{quarter}"
            raise ValueError(
                f"{text!r} is not a fiscal quarter: the second year must follow the first "
                f"(expected {expected})"
            )
        if first < _MIN_YEAR or first > _MAX_YEAR:
            raise ValueError(f"{text!r} is not a fiscal quarter: the year is out of range")
        return cls(first, quarter)

    @classmethod
    def from_date(cls, d: date) -> FiscalQuarter:
        """The fiscal quarter containing ``d``."""
        month_in_fy = (d.month - FISCAL_YEAR_FIRST_MONTH) % 12
        return cls(fiscal_year_of(d), month_in_fy // 3 + 1)

    @classmethod
    def range(cls, first: FiscalQuarter, last: FiscalQuarter) -> Iterator[FiscalQuarter]:
        """Every quarter from ``first`` to ``last``, both included. Empty if ``last < first``
        (like the built-in ``range``)."""
        current = first
        while current <= last:
            yield current
            current = current.next()

    @property
    def ordinal(self) -> int:
        """The quarter's position in time, as the SQL side counts quarters (fiscal year start
        × 4 + quarter − 1): ``fiscal_quarter_start(ordinal)`` in SQL is :attr:`start`."""
        return self.fiscal_year_start * 4 + self.quarter - 1

    @property
    def label(self) -> str:
        """``'2026-27Q2'``."""
        return f"{self.fiscal_year_label}Q{self.quarter}"

    @property
    def fiscal_year_label(self) -> str:
        """``'2026-27'``."""
        return fiscal_year_label(self.fiscal_year_start)

    @property
    def start(self) -> date:
        """First day of the quarter."""
        month = (FISCAL_YEAR_FIRST_MONTH - 1 + 3 * (self.quarter - 1)) % 12 + 1
        year = self.fiscal_year_start + (1 if self.quarter == 4 else 0)
        return date(year, month, 1)

    @property
    def end(self) -> date:
        """Last day of the quarter."""
        start = self.start
        return _last_day(start.year, start.month + 2)

    def next(self) -> FiscalQuarter:
        if self.quarter == 4:
            return FiscalQuarter(self.fiscal_year_start + 1, 1)
        return FiscalQuarter(self.fiscal_year_start, self.quarter + 1)

    def previous(self) -> FiscalQuarter:
        if self.quarter == 1:
            return FiscalQuarter(self.fiscal_year_start - 1, 4)
        return FiscalQuarter(self.fiscal_year_start, self.quarter - 1)

    def same_quarter_last_year(self) -> FiscalQuarter:
        return FiscalQuarter(self.fiscal_year_start - 1, self.quarter)


def quarters_between(start_date: date, end_date: date) -> list[FiscalQuarter]:
    """Every fiscal quarter that overlaps ``start_date``–``end_date`` (both days included),
    whole or in part. Raises :class:`ValueError` if ``end_date`` is before ``start_date``.

    >>> [q.label for q in quarters_between(date(2025, 5, 15), date(2025, 10, 1))]
    ['2025-26Q1', '2025-26Q2', '2025-26Q3']
    """
    if end_date < start_date:
        raise ValueError(f"the period ends ({end_date}) before it starts ({start_date})")
    first, last = FiscalQuarter.from_date(start_date), FiscalQuarter.from_date(end_date)
    return list(FiscalQuarter.range(first, last))


def fiscal_year_to_date(q: FiscalQuarter) -> tuple[date, date]:
    """From the start of ``q``'s fiscal year to the end of ``q``.

    >>> fiscal_year_to_date(FiscalQuarter(2026, 2))
    (datetime.date(2026, 4, 1), datetime.date(2026, 9, 30))
    """
    return fiscal_year_bounds(q.fiscal_year_start)[0], q.end


def quarter_months(q: FiscalQuarter) -> tuple[date, date]:
    """The first day of the quarter's first and last months, for Babel to format as
    "July–September 2026" / "juillet à septembre 2026".

    >>> quarter_months(FiscalQuarter(2026, 4))
    (datetime.date(2027, 1, 1), datetime.date(2027, 3, 1))
    """
    start = q.start
    return start, date(start.year, start.month + 2, 1)


def sql_macros() -> str:
    """The fiscal calendar for SQL, generated from :data:`FISCAL_YEAR_FIRST_MONTH`: temporary
    DuckDB macros the writer defines on every connection it opens. ``q_ord`` is a quarter's
    :attr:`FiscalQuarter.ordinal`.

    * ``fiscal_quarter_start(q_ord)``, ``fiscal_quarter_end(q_ord)``: its first and last days.
    """
    first = f"make_date(q_ord // 4, {FISCAL_YEAR_FIRST_MONTH}, 1)"
    return (
        "CREATE OR REPLACE TEMP MACRO fiscal_quarter_start(q_ord) AS "
        f"({first} + to_months(3 * (q_ord % 4)))::DATE;\n"
        "CREATE OR REPLACE TEMP MACRO fiscal_quarter_end(q_ord) AS "
        f"({first} + to_months(3 * (q_ord % 4) + 3) - INTERVAL 1 DAY)::DATE;\n"
    )
