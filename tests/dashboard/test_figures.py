"""The pure figure builders: trace names, qualifier markers, neutral colours, the
trajectory only with a target, quarterly submissions summed, suppressed gaps, revisions."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.figures.indicator_chart import indicator_chart
from dashboard.figures.legend import legend_entries
from dashboard.figures.series import KIND_CUMULATED, charted_rows, progress_observations
from dashboard.figures.sparkline import sparkline_svg
from dashboard.figures.style import PALETTE
from pipelines.marts.status_rule import Target, assess_progress
from pipelines.periods import FiscalQuarter

TARGET = Target("cumulative", 1100, date(2025, 4, 1), date(2030, 3, 31))
RED_GREEN = {"#ff0000", "#d55e00", "#00ff00", "#008000", "red", "green"}


def obs_row(**overrides: object) -> dict[str, object]:
    row: dict[str, object] = {
        "observation_id": "o1",
        "indicator_id": "x",
        "geography": "canada",
        "geography_en": "Canada",
        "geography_fr": "Canada",
        "breakdown": "total",
        "period_start": date(2022, 1, 1),
        "period_end": date(2022, 12, 31),
        "period_basis": "stated",
        "value": 528.0,
        "qualifier": "exact",
        "unit": "incidents",
        "unit_kind": "count",
        "source_id": "j2022",
        "locator": "…",
        "status": "published",
        "suppressed": False,
        "revision": False,
        "series_id": None,
        "note_en": None,
        "note_fr": None,
        "title": "T",
        "publisher": "P",
        "published": "2023",
        "url": None,
        "source_language": "en",
        "source_kind": "context",
        "edition_en": "Juristat 2022",
        "edition_fr": "Juristat 2022 (fr)",
        "series_source": "j2022",
    }
    return row | overrides


def quarterly(values: list[float | None], status: str = "demo") -> pd.DataFrame:
    rows = []
    quarter = FiscalQuarter(2025, 1)
    for i, value in enumerate(values):
        rows.append(
            obs_row(
                observation_id=f"q{i}",
                geography="ontario",
                geography_en="Ontario",
                geography_fr="Ontario",
                period_start=quarter.start,
                period_end=quarter.end,
                value=value,
                suppressed=value is None,
                status=status,
                revision=i == 0,
                source_id=f"demo-{i}",
                series_source="submissions:demo",
                source_kind="demo",
            )
        )
        quarter = quarter.next()
    return pd.DataFrame(rows)


def colours(fig: object) -> set[str]:
    found = set()
    for trace in fig.data:  # type: ignore[attr-defined]
        for part in (trace.line, trace.marker):
            if part is not None and isinstance(part.color, str):
                found.add(part.color.lower())
    return found


def test_two_editions_are_two_series_named_by_edition() -> None:
    frame = pd.DataFrame(
        [
            obs_row(),
            obs_row(
                observation_id="o2",
                value=597.0,
                source_id="j2023",
                series_source="j2023",
                edition_en="Juristat 2023",
            ),
        ]
    )
    fig = indicator_chart(charted_rows(frame, "all", "count", None), None, "count", "en")
    names = [trace.name for trace in fig.data]
    assert names == ["Juristat 2022", "Juristat 2023"]
    assert not colours(fig) & RED_GREEN
    assert set(colours(fig)) <= {c.lower() for c in PALETTE}


def test_lower_bound_is_a_triangle_with_its_legend_entry() -> None:
    frame = pd.DataFrame([obs_row(qualifier="more_than")])
    for lang, label in [("en", "lower bound (more than)"), ("fr", "borne inférieure (plus de)")]:
        fig = indicator_chart(charted_rows(frame, "all", "count", None), None, "count", lang)
        assert list(fig.data[0].marker.symbol) == ["triangle-up"]
        assert label in [trace.name for trace in fig.data]
    assert "529" not in str(fig.data[0].hovertext)
    assert "plus de 528" in str(fig.data[0].hovertext)


def test_approximate_value_is_hollow() -> None:
    fig = indicator_chart(
        charted_rows(pd.DataFrame([obs_row(qualifier="about")]), "all", "count", None),
        None,
        "count",
        "en",
    )
    assert fig.data[0].marker.symbol[0].endswith("-open")


def test_trajectory_only_with_a_target() -> None:
    frame = pd.DataFrame([obs_row()])
    rows = charted_rows(frame, "all", "count", None)
    without = [t.name for t in indicator_chart(rows, None, "count", "en").data]
    with_target = [t.name for t in indicator_chart(rows, TARGET, "count", "en").data]
    assert "straight-line path to the target" not in without
    assert "straight-line path to the target" in with_target
    assert "target: 1,100 by March 31, 2030" in with_target


def test_undated_value_is_a_reference_line_not_a_point() -> None:
    frame = pd.DataFrame(
        [
            obs_row(),
            obs_row(
                observation_id="o2",
                period_start=None,
                period_end=None,
                period_basis="not_stated",
                value=200.0,
                qualifier="more_than",
            ),
        ]
    )
    fig = indicator_chart(charted_rows(frame, "all", "count", None), None, "count", "en")
    assert sum(len([x for x in t.x if x is not None]) for t in fig.data) == 1
    assert any("200+" in a.text for a in fig.layout.annotations)


def test_quarterly_submissions_are_summed_for_a_cumulative_target() -> None:
    frame = quarterly([70, 80, None, 75])
    rows = charted_rows(frame, "all", "cumulative", TARGET)
    cumulated = rows[rows["kind"] == KIND_CUMULATED]
    assert list(cumulated["value"]) == [70, 150, 150, 225]
    # A suppressed quarter makes every later sum a lower bound, never a plain number.
    assert list(cumulated["qualifier"]) == ["exact", "exact", "at_least", "at_least"]
    result = assess_progress(TARGET, progress_observations(rows), "higher_is_better")
    assert result.achieved == 225
    assert result.achieved_is_lower_bound
    fig = indicator_chart(rows, TARGET, "count", "en")
    per_quarter = next(t for t in fig.data if "each quarter" in t.name)
    assert per_quarter.y[2] is None  # the suppressed quarter is a gap
    assert "revised value" in [t.name for t in fig.data]
    assert "Demonstration submissions (not real)" in per_quarter.name


def test_legend_entries_mirror_the_traces() -> None:
    fig = indicator_chart(
        charted_rows(quarterly([70, 80]), "all", "cumulative", TARGET), TARGET, "count", "fr"
    )
    names = [entry.name for entry in legend_entries(fig)]
    assert "trajectoire linéaire vers la cible" in names
    assert all(
        entry.sample_uri.startswith("data:image/svg+xml;base64,") for entry in legend_entries(fig)
    )


@pytest.mark.parametrize("points", [[], [(date(2025, 6, 30), 70.0)]])
def test_sparkline_needs_two_points(points: list[tuple[date, float]]) -> None:
    assert sparkline_svg(points) is None


def test_sparkline_draws_a_polyline() -> None:
    svg = sparkline_svg([(date(2025, 6, 30), 70.0), (date(2025, 9, 30), 150.0)])
    assert svg is not None and "<polyline" in svg
