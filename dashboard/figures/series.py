"""From an indicator page's rows to the points its chart and its table show. Pure: typed rows
in, points out; nothing is computed here, only selected and labelled.

One list of points (:func:`charted_points`) feeds both the chart and its table, so the table is
exactly the charted data. A series is geography × source (one published source, or all the
quarterly submissions of one kind) × kind of point; editions of a source are never joined.
The figures to date come from ``marts.progress`` (the same numbers the status uses), never
from summing here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Final

from pipelines.read.indicator import IndicatorPage
from pipelines.read.rows import Observation, Progress
from pipelines.vocabulary import DIRECTION_NEUTRAL, SUMMABLE_MEASURES

ALL: Final[str] = "all"
PROVINCE: Final[str] = "ontario"
# kind: "reported" (a value as published or submitted), "period" (one quarter's count of a
# quantity that adds up over time), "to_date" (that quantity to date, from marts.progress).
KIND_REPORTED: Final[str] = "reported"
KIND_PERIOD: Final[str] = "period"
KIND_TO_DATE: Final[str] = "to_date"
SUBMISSIONS_PREFIX: Final[str] = "submissions:"
# Quarterly counts of these measures add up (per year for an annual average).
ADDING_UP: Final = SUMMABLE_MEASURES | {"annual_average"}


@dataclass(frozen=True)
class ChartPoint:
    """One value on the chart and one row of its table."""

    series_key: str
    kind: str
    observation_id: str | None  # None for a figure to date (a progress row)
    series_source: str
    geography: str
    geography_en: str
    geography_fr: str
    period_start: date | None
    period_end: date | None
    period_basis: str
    value: float | None  # None when suppressed
    value_high: float | None  # the top of a printed range
    qualifier: str
    unit_kind: str
    status: str
    suppressed: bool
    revision: bool
    edition_en: str | None
    edition_fr: str | None
    to_date_kind: str | None = None  # for KIND_TO_DATE points
    neutral: bool = False  # reported activity or context: drawn in neutral colours

    @property
    def spans_period(self) -> bool:
        """A value over a period (a quarter's count, a year's total): not a total to a date."""
        return (self.kind != KIND_TO_DATE and self.period_basis != "as_of"
                and self.period_start is not None and self.period_end is not None)

    @property
    def x(self) -> date | None:
        """Where the point sits on the time axis: the middle of the period a value covers (so
        2023-24 never sits on 2024's tick), the day a total to date runs to, None with no
        stated end."""
        if self.period_end is None or not self.spans_period:
            return self.period_end
        assert self.period_start is not None
        return self.period_start + timedelta(days=(self.period_end - self.period_start).days // 2)

    @property
    def is_demo(self) -> bool:
        return self.status == "demo"


def geography_options(observations: tuple[Observation, ...]) -> list[str]:
    """The allow-list for ``?geography=``: "all" and each geography with a total."""
    found = {o.geography for o in observations if o.breakdown == "total"}
    return [ALL, *sorted(found, key=_geography_order)]


def _geography_order(geography: str) -> tuple[int, str]:
    return {"canada": 0, PROVINCE: 1}.get(geography, 2), geography


def default_geography(observations: tuple[Observation, ...]) -> str:
    """Ontario when regions are also reported (a busy chart otherwise), else all."""
    options = geography_options(observations)
    return PROVINCE if len(options) > 3 and PROVINCE in options else ALL


def _observation_point(row: Observation, measure: str) -> ChartPoint:
    quarterly = measure in ADDING_UP and row.series_source.startswith(SUBMISSIONS_PREFIX)
    kind = KIND_PERIOD if quarterly else KIND_REPORTED
    return ChartPoint(
        f"{row.geography}|{row.series_source}|{kind}", kind, row.observation_id,
        row.series_source, row.geography,
        row.geography_en, row.geography_fr, row.period_start, row.period_end, row.period_basis,
        None if row.suppressed else row.value, row.value_high, row.qualifier, row.unit_kind,
        row.status,
        row.suppressed, row.revision, row.edition_en, row.edition_fr)


def _to_date_points(rows: tuple[Progress, ...], names: tuple[str, str]) -> list[ChartPoint]:
    points: list[ChartPoint] = []
    for row in rows:
        if row.value_to_date is None or row.to_date_kind == "latest":
            continue
        if points and points[-1].period_end == row.period_end:
            continue  # a quarter not submitted yet repeats the figure of the one before
        source = SUBMISSIONS_PREFIX + ("demo" if row.value_to_date_status == "demo"
                                       else "submission")
        points.append(ChartPoint(
            f"{PROVINCE}|{source}|{KIND_TO_DATE}", KIND_TO_DATE, None, source, PROVINCE, *names,
            row.period_start, row.period_end, "stated", row.value_to_date, None,
            row.value_to_date_qualifier or "exact", row.unit_kind,
            row.value_to_date_status or "submitted", False,
            row.value_to_date_status == "revised", None, None, row.to_date_kind))
    return points


def charted_points(page: IndicatorPage, geography: str) -> list[ChartPoint]:
    """The totals to chart and tabulate for ``geography`` ("all" for every one)."""
    measure = page.indicator.measure
    points = [_observation_point(o, measure) for o in page.observations
              if o.breakdown == "total" and geography in (ALL, o.geography)]
    if geography in (ALL, PROVINCE):
        names = next(((o.geography_en, o.geography_fr) for o in page.observations
                      if o.geography == PROVINCE), ("Ontario", "Ontario"))
        points += _to_date_points(page.progress, names)
    neutral = (page.indicator.interpretation in DIRECTION_NEUTRAL
               or page.indicator.reporting_note)
    return [replace(p, neutral=True) for p in points] if neutral else points


def placed(points: list[ChartPoint]) -> list[ChartPoint]:
    """Points with a period end: the ones that go on the time axis."""
    return [p for p in points if p.x is not None]


def unplaced(points: list[ChartPoint]) -> list[ChartPoint]:
    """Points whose source gives no end date: table and labelled reference line only."""
    return [p for p in points if p.x is None]


def by_series(points: list[ChartPoint]) -> dict[str, list[ChartPoint]]:
    """Points grouped by series, in first-seen order, each series ordered by date."""
    groups: dict[str, list[ChartPoint]] = {}
    for point in points:
        groups.setdefault(point.series_key, []).append(point)
    return {key: sorted(group, key=lambda p: (p.x is not None, p.x or date.min))
            for key, group in groups.items()}
