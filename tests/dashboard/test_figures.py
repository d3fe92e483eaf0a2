"""The pure figure builders: trace names, qualifier markers, neutral colours, the
trajectory only with a target, totals to date drawn from progress rows, suppressed gaps,
revisions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dashboard.figures.indicator_chart import indicator_chart
from dashboard.figures.legend import legend_entries
from dashboard.figures.series import KIND_TO_DATE, charted_points
from dashboard.figures.sparkline import sparkline_svg
from dashboard.figures.style import PALETTE
from pipelines.periods import FiscalQuarter
from pipelines.read.indicator import IndicatorPage
from pipelines.read.rows import Indicator, Observation, Progress, TargetInfo

RED_GREEN = {"#ff0000", "#d55e00", "#00ff00", "#008000", "red", "green"}
TARGET = TargetInfo("x", "cumulative", 1100, date(2025, 4, 1), date(2030, 3, 31), None, None,
                    None, "on-strategy", "1 100 travailleurs", None, None, "P", "P fr", "E",
                    "E fr", "T", "fr")


def indicator(measure: str = "count") -> Indicator:
    return Indicator("x", "awareness", "strategy", "X", "X fr", "people", measure,
                     "higher_is_better", False, True, 1, "d", "d fr", "count", "people",
                     "personnes", "Awareness", "Sensibilisation")


def obs(**overrides: object) -> Observation:
    row = Observation(
        observation_id="o1", indicator_id="x", geography="canada", geography_en="Canada",
        geography_fr="Canada", breakdown="total", period_start=date(2022, 1, 1),
        period_end=date(2022, 12, 31), period_basis="stated", value=528.0, value_high=None,
        value_basis="printed", qualifier="exact",
        unit="incidents", unit_kind="count", source_id="j2022", locator="…",
        status="published", suppressed=False, revision=False, series_id=None, note_en=None,
        note_fr=None, title="T", publisher="P", publisher_fr="P", published="2023", url=None,
        source_language="en", source_kind="context", edition_en="Juristat 2022",
        edition_fr="Juristat 2022 (fr)", series_source="j2022")
    return replace(row, **overrides)  # type: ignore[arg-type]


def page(observations: list[Observation], *, measure: str = "count",
         progress: tuple[Progress, ...] = (), target: TargetInfo | None = None) -> IndicatorPage:
    return IndicatorPage(indicator(measure), tuple(observations), target, (), progress)


def progress_row(quarter: FiscalQuarter, value: float | None, qualifier: str = "exact",
                 **overrides: object) -> Progress:
    row = Progress(
        indicator_id="x", as_of_quarter=quarter.label, quarter_start=quarter.start,
        quarter_end=quarter.end, is_latest=False, to_date_kind="since_start",
        period_start=date(2025, 4, 1), period_end=quarter.end, value_to_date=value,
        value_to_date_qualifier=qualifier, value_to_date_status="demo",
        value_this_quarter=None, value_this_quarter_qualifier=None,
        this_quarter_state="demo", value_previous_quarter=None,
        value_same_quarter_last_year=None, change_previous_quarter=None,
        change_previous_quarter_pct=None, change_same_quarter_last_year=None,
        change_same_quarter_last_year_pct=None, change_is_approximate=False,
        fiscal_year_to_date=None, fiscal_year_to_date_qualifier=None,
        target_kind="cumulative", target_value=1100, target_period_start=date(2025, 4, 1),
        target_period_end=date(2030, 3, 31), baseline_value=0, baseline_is_assumed=True,
        expected_to_date=None, ratio=None, share_elapsed=None, assessed_at=None,
        status="not_assessed", status_reason="no_data", status_previous=None,
        status_changed=False, basis="b", basis_fr="b", method="m", pillar_id="awareness",
        name_en="X", name_fr="X", measure="cumulative", interpretation="higher_is_better",
        reporting_note=False, headline=True, sort_order=1, unit_kind="count",
        unit_en="workers", unit_fr="travailleurs")
    return replace(row, **overrides)  # type: ignore[arg-type]


def quarterly(values: list[float | None], status: str = "demo") -> list[Observation]:
    rows = []
    quarter = FiscalQuarter(2025, 1)
    for i, value in enumerate(values):
        rows.append(obs(observation_id=f"q{i}", geography="ontario", geography_en="Ontario",
                        geography_fr="Ontario", period_start=quarter.start,
                        period_end=quarter.end, value=value, suppressed=value is None,
                        status=status, revision=i == 0, source_id=f"demo-{i}",
                        series_source="submissions:demo", source_kind="demo"))
        quarter = quarter.next()
    return rows


def colours(fig: object) -> set[str]:
    found = set()
    for trace in fig.data:  # type: ignore[attr-defined]
        for part in (trace.line, trace.marker):
            if part is not None and isinstance(part.color, str):
                found.add(part.color.lower())
    return found


def test_two_editions_are_two_series_named_by_edition() -> None:
    points = charted_points(page([obs(), obs(observation_id="o2", value=597.0,
                                             source_id="j2023", series_source="j2023",
                                             edition_en="Juristat 2023")]), "all")
    fig = indicator_chart(points, None, None, "count", "en")
    names = [trace.name for trace in fig.data]
    assert names == ["Juristat 2022", "Juristat 2023"]
    assert not colours(fig) & RED_GREEN
    assert set(colours(fig)) <= {c.lower() for c in PALETTE}


def test_lower_bound_is_a_triangle_with_its_legend_entry() -> None:
    points = charted_points(page([obs(qualifier="more_than")]), "all")
    for lang, label in [("en", "lower bound (more than)"), ("fr", "borne inférieure (plus de)")]:
        fig = indicator_chart(points, None, None, "count", lang)
        assert list(fig.data[0].marker.symbol) == ["triangle-up"]
        assert label in [trace.name for trace in fig.data]
    assert "529" not in str(fig.data[0].hovertext)
    assert "plus de 528" in str(fig.data[0].hovertext)


def test_approximate_value_is_hollow() -> None:
    fig = indicator_chart(charted_points(page([obs(qualifier="about")]), "all"), None, None,
                          "count", "en")
    assert fig.data[0].marker.symbol[0].endswith("-open")


def test_trajectory_only_with_a_target() -> None:
    points = charted_points(page([obs()]), "all")
    current = progress_row(FiscalQuarter(2025, 1), None)
    without = [t.name for t in indicator_chart(points, None, None, "count", "en").data]
    with_target = [t.name for t in indicator_chart(points, TARGET, current, "count", "en").data]
    assert "straight-line path to the target" not in without
    assert "straight-line path to the target" in with_target
    assert "target: 1,100 by March 31, 2030" in with_target


def test_undated_value_is_a_reference_line_not_a_point() -> None:
    points = charted_points(page([obs(), obs(observation_id="o2", period_start=None,
                                             period_end=None, period_basis="not_stated",
                                             value=200.0, qualifier="more_than")]), "all")
    fig = indicator_chart(points, None, None, "count", "en")
    assert sum(len([x for x in t.x if x is not None]) for t in fig.data) == 1
    assert any("200+" in a.text for a in fig.layout.annotations)


def test_totals_to_date_are_the_progress_rows_never_a_sum_made_here() -> None:
    quarters = list(FiscalQuarter.range(FiscalQuarter(2025, 1), FiscalQuarter(2025, 4)))
    # What the build stored: a suppressed third quarter makes the later totals lower bounds.
    stored = (progress_row(quarters[0], 70), progress_row(quarters[1], 150),
              progress_row(quarters[2], 150, "at_least"), progress_row(quarters[3], 225,
                                                                        "at_least"))
    points = charted_points(page(quarterly([70, 80, None, 75]), measure="cumulative",
                                 progress=stored, target=TARGET), "all")
    to_date = [p for p in points if p.kind == KIND_TO_DATE]
    assert [(p.value, p.qualifier) for p in to_date] == [
        (70, "exact"), (150, "exact"), (150, "at_least"), (225, "at_least")]
    fig = indicator_chart(points, TARGET, stored[-1], "count", "en")
    per_quarter = next(t for t in fig.data if "each quarter" in t.name)
    assert per_quarter.y[2] is None  # the suppressed quarter is a gap
    assert "revised value" in [t.name for t in fig.data]
    assert "Demonstration submissions (not real)" in per_quarter.name


def test_the_straight_line_runs_from_the_stored_baseline_to_the_target() -> None:
    current = progress_row(FiscalQuarter(2025, 2), 150)
    fig = indicator_chart([], TARGET, current, "count", "en")
    line = next(t for t in fig.data if t.name == "straight-line path to the target")
    assert list(line.x) == [date(2025, 4, 1), date(2030, 3, 31)] and list(line.y) == [0, 1100]


def test_legend_entries_mirror_the_traces() -> None:
    rows = (progress_row(FiscalQuarter(2025, 1), 70), progress_row(FiscalQuarter(2025, 2), 150))
    points = charted_points(page(quarterly([70, 80]), measure="cumulative", progress=rows,
                                 target=TARGET), "all")
    fig = indicator_chart(points, TARGET, rows[-1], "count", "fr")
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
