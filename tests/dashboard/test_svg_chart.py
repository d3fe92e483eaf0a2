"""The server's SVG of a chart, from the same figure plotly.js draws: the subset of traces and
layout the app's figures use, placed in percentages of the plotting area so the picture fits
any width, with plotly's value ticks and locale separators."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from plotly.io.json import to_json_plotly

from dashboard.figures.indicator_chart import indicator_chart
from dashboard.figures.series import charted_points
from dashboard.figures.svg_axes import date_scale, format_tick, nice_step, value_scale
from dashboard.figures.svg_chart import figure_svg
from dashboard.figures.svg_marks import SHAPES
from tests.support.figure_rows import TARGET, obs, page


@pytest.mark.parametrize(("value", "separators", "prefix", "suffix", "text"), [
    (1200, ".,", "", "", "1,200"),
    (1200, ",\u202f", "", "\u00a0$", "1\u202f200\u00a0$"),
    (0.5, ",\u202f", "", "", "0,5"),
    (2_000_000, ".,", "$", "", "$2,000,000"),
    (0, ".,", "", "%", "0%"),
])
def test_tick_labels_follow_the_locale(value: float, separators: str, prefix: str,
                                       suffix: str, text: str) -> None:
    assert format_tick(value, separators, prefix, suffix) == text


@pytest.mark.parametrize(("rough", "step"), [(0.3, 0.5), (7, 10), (180, 200), (201, 500),
                                             (1, 1)])
def test_value_steps_are_one_two_or_five_times_a_power_of_ten(rough: float,
                                                              step: float) -> None:
    assert nice_step(rough) == pytest.approx(step)


def test_the_value_axis_starts_at_zero_and_pads_for_markers() -> None:
    scale = value_scale([10, 1100], 288, padded=True)
    assert scale.y(0) == 288 and scale.y(scale.top) == 0
    assert scale.top == pytest.approx(1155)
    assert scale.ticks()[0] == 0 and scale.ticks()[-1] <= scale.top


def test_year_labels_sit_in_the_middle_of_their_year_and_stay_few() -> None:
    scale = date_scale([date(2016, 1, 1), date(2023, 12, 31)], None, padded=False)
    labels = [label for _, label in scale.labels()]
    assert labels[0] == "2016" and len(labels) <= 8
    middle = next(day for day, label in scale.labels() if label == "2020")
    assert middle.month in (6, 7)
    wide = date_scale([date(2000, 1, 1), date(2030, 1, 1)], None, padded=False)
    assert len(wide.labels()) <= 8


def test_a_given_range_is_kept() -> None:
    scale = date_scale([date(2020, 5, 1)], ["2019-01-01", "2021-12-31"], padded=True)
    assert (scale.start, scale.end) == (date(2019, 1, 1), date(2021, 12, 31))


def test_every_marker_shape_of_the_figures_is_drawn() -> None:
    for symbol in ("circle", "square", "diamond", "triangle-up", "triangle-down", "pentagon",
                   "hexagon", "star", "cross"):
        assert symbol in SHAPES and SHAPES[symbol](5).startswith("M")


def test_the_indicator_chart_as_svg() -> None:
    rows = [obs(period_start=date(2020 + i, 1, 1), period_end=date(2020 + i, 12, 31),
                value=100.0 + i, observation_id=f"o{i}") for i in range(3)]
    rows.append(obs(period_start=date(2023, 1, 1), period_end=date(2023, 12, 31), value=None,
                    suppressed=True, observation_id="o3"))
    fig = indicator_chart(charted_points(page(rows), "all"), TARGET, None, "count", "fr")
    box = figure_svg(json.loads(to_json_plotly(fig)), 360)
    assert box.startswith('<div class="chart-svg" style="height: 360px;">')
    plot = box[box.index("<svg"):box.rindex("</svg>")]
    # A share of the width for every x, so the picture fits any box without scaling text.
    assert all(x.endswith("%") for x in re.findall(r'<use [^>]*x="([^"]+)"', plot))
    # Three values and the target's star; the suppressed value is a gap, not a zero.
    assert plot.count("<use ") == 4
    assert "1\u00a0100" in plot or "1\u202f100" in plot


def test_a_figure_without_data_still_draws_its_axes() -> None:
    box = figure_svg({"data": [], "layout": {"height": 200}}, 200)
    assert "<svg" in box and "<line" in box
