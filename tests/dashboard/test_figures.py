"""The pure figure builders: trace names, qualifier markers, neutral colours, the
trajectory only with a target, totals to date drawn from progress rows, suppressed gaps,
revisions."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from dashboard.figures.context_chart import context_figure
from dashboard.figures.export import attach_export, chart_export
from dashboard.figures.indicator_chart import indicator_chart
from dashboard.figures.legend import legend_entries
from dashboard.figures.quarter_bars import quarter_bars_svg
from dashboard.figures.series import KIND_TO_DATE, charted_points
from dashboard.figures.sparkline import sparkline_svg
from dashboard.figures.style import NEUTRAL, NEUTRAL_PALETTE, PALETTE, TEXT
from pipelines.periods import FiscalQuarter
from pipelines.read.indicator import IndicatorPage
from pipelines.read.rows import Observation, Progress, SeriesValue
from tests.support.figure_rows import TARGET, indicator, obs, page

RED_GREEN = {"#ff0000", "#d55e00", "#00ff00", "#008000", "red", "green", "#009e73"}
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


def named(fig: object) -> list[object]:
    """The traces with a legend entry (not the pale bars spanning each value's period)."""
    return [trace for trace in fig.data if trace.name]  # type: ignore[attr-defined]


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
    names = [trace.name for trace in named(fig)]
    assert names == ["Juristat 2022", "Juristat 2023"]
    assert not colours(fig) & RED_GREEN
    assert set(colours(fig)) <= {c.lower() for c in PALETTE}


def test_lower_bound_is_a_triangle_with_its_legend_entry() -> None:
    points = charted_points(page([obs(qualifier="more_than")]), "all")
    for lang, label in [("en", "lower bound (more than)"), ("fr", "borne inférieure (plus de)")]:
        fig = indicator_chart(points, None, None, "count", lang)
        assert list(named(fig)[0].marker.symbol) == ["triangle-up"]
        assert label in [trace.name for trace in fig.data]
    assert "529" not in str(named(fig)[0].hovertext)
    assert "plus de 528" in str(named(fig)[0].hovertext)


def test_approximate_value_is_hollow() -> None:
    fig = indicator_chart(charted_points(page([obs(qualifier="about")]), "all"), None, None,
                          "count", "en")
    assert named(fig)[0].marker.symbol[0].endswith("-open")


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
    assert sum(len([x for x in t.x if x is not None]) for t in named(fig)) == 1
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


# Honest charts: what the figure JSON of every chart promises (issue "honest charts").
FISCAL = obs(observation_id="f1", geography="ontario", period_start=date(2021, 4, 1),
             period_end=date(2024, 3, 31), value=29000.0, qualifier="more_than",
             series_source="on-strategy", source_id="on-strategy", edition_en="Strategy")


def _series_value(**overrides: object) -> SeriesValue:
    row = SeriesValue(indicator_id="ca_ht_rate", name_en="Rate", name_fr="Taux",
                      geography="canada", period_start=date(2022, 1, 1),
                      period_end=date(2022, 12, 31), period_basis="stated", value=1.45,
                      qualifier="exact", unit_kind="rate", interpretation="context",
                      reporting_note=True, source_id="j2023", edition_en="Juristat 2023",
                      edition_fr="Juristat 2023 (fr)")
    return replace(row, **overrides)  # type: ignore[arg-type]


def _charts(lang: str) -> dict[str, dict[str, Any]]:
    """Every plotly chart the pages draw, as the JSON the browser receives."""
    quarters = (progress_row(FiscalQuarter(2025, 1), 70), progress_row(FiscalQuarter(2025, 2),
                                                                          150))
    target = charted_points(page(quarterly([70, 80]), measure="cumulative", progress=quarters,
                                 target=TARGET), "all")
    money = charted_points(page([FISCAL]), "all")
    context = [_series_value(), _series_value(period_start=date(2023, 1, 1),
                                              period_end=date(2023, 12, 31), value=1.4)]
    return {
        "target": indicator_chart(target, TARGET, quarters[-1], "count", lang).to_plotly_json(),
        "fiscal": indicator_chart(money, None, None, "count", lang).to_plotly_json(),
        "money": indicator_chart(charted_points(page([FISCAL]), "all"), None, None, "money",
                                 lang).to_plotly_json(),
        "context": context_figure(context, "Rate", lang).to_plotly_json(),  # type: ignore[arg-type]
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_chart_starts_at_zero_with_readable_locale_ticks(lang: str) -> None:
    for name, chart in _charts(lang).items():
        layout = chart["layout"]
        assert layout["yaxis"]["rangemode"] == "tozero", name
        assert layout["separators"] == {"en": ".,", "fr": ",\u202f"}[lang], name
        assert "," in layout["yaxis"]["tickformat"], name  # grouped with the locale's mark
        assert layout["font"]["size"] >= 12 and layout["yaxis"]["tickfont"]["size"] >= 12, name
        if "legend" in layout and "font" in layout["legend"]:
            assert layout["legend"]["font"]["size"] >= 12, name


def test_money_ticks_carry_the_dollar_where_each_language_writes_it() -> None:
    assert _charts("en")["money"]["layout"]["yaxis"]["tickprefix"] == "$"
    assert _charts("fr")["money"]["layout"]["yaxis"]["ticksuffix"] == "\u00a0$"


def _placed(chart: dict[str, Any]) -> list[tuple[date, str]]:
    return [(x, str(text)) for trace in chart["data"] if trace.get("name")
            for x, text in zip(trace["x"], trace.get("hovertext") or [""] * len(trace["x"]),
                               strict=True) if isinstance(x, date)]


def test_values_over_a_period_sit_inside_it_never_on_the_next_years_tick() -> None:
    fiscal = _placed(_charts("en")["fiscal"])
    assert [x for x, _ in fiscal] == [date(2022, 9, 30)]  # 2021-22 to 2023-24: its middle
    assert "2021-22 to 2023-24" in fiscal[0][1]
    context = _placed(_charts("en")["context"])
    assert [x for x, _ in context] == [date(2022, 7, 2), date(2023, 7, 2)]
    spans = [t for t in _charts("en")["context"]["data"] if not t.get("name")]
    assert spans and list(spans[0]["x"])[:2] == [date(2022, 1, 1), date(2022, 12, 31)]


def test_totals_to_date_and_as_of_figures_stay_at_the_day_they_run_to() -> None:
    quarters = (progress_row(FiscalQuarter(2025, 1), 70),)
    points = charted_points(page(quarterly([70]), measure="cumulative", progress=quarters,
                                 target=TARGET), "all")
    to_date = next(p for p in points if p.kind == KIND_TO_DATE)
    per_quarter = next(p for p in points if p.kind != KIND_TO_DATE)
    assert to_date.x == date(2025, 6, 30)
    assert per_quarter.x == date(2025, 5, 16)
    as_of = charted_points(page([obs(period_start=None, period_basis="as_of",
                                     period_end=date(2023, 2, 28))]), "all")
    assert as_of[0].x == date(2023, 2, 28)


def test_reported_activity_is_never_drawn_in_the_good_or_bad_palette() -> None:
    reported = replace(indicator(), interpretation="reported_activity")
    points = charted_points(IndicatorPage(reported, tuple(quarterly([5, 6])), None, (), ()),
                            "all")
    allowed = {c.lower() for c in (*NEUTRAL_PALETTE, TEXT, NEUTRAL)}
    fig = indicator_chart(points, None, None, "count", "en")
    assert colours(fig) <= allowed and not colours(fig) & RED_GREEN
    context = context_figure([_series_value()], "Rate", "en")
    assert colours(context) <= allowed


def test_the_quarter_bars_write_their_labels_at_12px_at_least() -> None:
    svg = quarter_bars_svg([("2025-26Q1", 5.0, False), ("2025-26Q2", None, True)], str, "t")
    sizes = [int(s) for s in re.findall(r'font-size="(\d+)"', svg)]
    assert sizes and min(sizes) >= 12


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["Source: Juristat", "Data built on December 2, 2026", "More reported cases"]),
    ("fr", ["Source\u00a0: Juristat", "Données construites le 2 décembre 2026",
            "Plus de cas signalés"]),
])
def test_the_image_carries_its_title_period_source_and_build_date(lang: str,
                                                                  words: list[str]) -> None:
    export = chart_export("ca_ht_rate", "Rate", "2022 to 2023", "Juristat 2023", "December 2, "
                          "2026" if lang == "en" else "2 décembre 2026", True, lang)
    fig = context_figure([_series_value()], "Rate", lang)  # type: ignore[arg-type]
    attach_export(fig, export)
    meta = fig.to_plotly_json()["layout"]["meta"]["export"]
    assert meta["filename"] == f"ca_ht_rate-{lang}"
    text = meta["layout"]["title"]["text"] + meta["layout"]["annotations"][0]["text"]
    for word in ["Rate", "2022 to 2023", *words]:
        assert word in text
    assert meta["layout"]["showlegend"] is True
