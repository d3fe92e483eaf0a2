"""Progress against a target (pipelines/marts/status_rule.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pipelines.marts.status_rule import (
    Observation,
    Target,
    _ratio,
    assess_progress,
    cumulate,
    days_elapsed,
    expected_to_date,
    latest_observation,
    share_elapsed,
    trajectory,
    whole_number,
    worked_example,
)

# A 100-day target period, so shares are exact: by the end of day 50, half has elapsed.
START = date(2025, 1, 1)
END = START + timedelta(days=99)


def day(n: int) -> date:
    """The n-th day of the period (day 1 is START; day 0 is the day before)."""
    return START + timedelta(days=n - 1)


def target(kind: str = "cumulative", value: float = 200, baseline: float | None = 0) -> Target:
    return Target(kind, value, START, END, baseline)


def obs(n: int, value: float | None, qualifier: str = "exact") -> Observation:
    return Observation(START, day(n), value, qualifier)


def assess(t: Target | None, *observations: Observation, interpretation: str = "higher_is_better"):
    return assess_progress(t, observations, interpretation)


# --- the worked example printed on /about ------------------------------------------------


def test_worked_example_numbers() -> None:
    example = worked_example()
    result = example.result
    assert example.hypothetical is True
    assert example.target.indicator_id == "frontline_workers_trained"
    assert (example.target.period_start, example.target.period_end) == (
        date(2025, 4, 1),
        date(2030, 3, 31),
    )
    assert (example.days_elapsed, example.days_in_period) == (548, 1826)
    assert result.share_elapsed == pytest.approx(548 / 1826)
    # 1,100 × 548 ÷ 1,826 = 330.1 people: expected as a whole number of people.
    assert result.expected_to_date == 330
    assert result.ratio == pytest.approx(300 / 330)
    assert round(result.ratio, 3) == 0.909
    assert (result.status, result.reason) == ("needs_acceleration", None)
    assert (result.baseline, result.target, result.achieved) == (0, 1100, 300)
    assert result.as_of == date(2026, 9, 30)


# --- every status and its boundaries ----------------------------------------------------


@pytest.mark.parametrize(
    ("achieved", "status", "ratio"),
    [
        (200, "achieved", 2.0),
        (96, "on_track", 0.96),
        (95, "on_track", 0.95),  # exactly 0.95
        (94.99, "needs_acceleration", 0.9499),
        (80, "needs_acceleration", 0.8),
        (60, "needs_acceleration", 0.6),  # exactly 0.60
        (59.99, "limited_progress", 0.5999),
        (0, "limited_progress", 0.0),
    ],
)
def test_statuses_at_half_time(achieved: float, status: str, ratio: float) -> None:
    result = assess(target(), obs(50, achieved))
    assert result.share_elapsed == 0.5
    assert result.expected_to_date == 100
    assert result.ratio == pytest.approx(ratio)
    assert (result.status, result.reason) == (status, None)


def test_target_met_before_the_period_ends_is_achieved() -> None:
    result = assess(target(value=200), obs(10, 250))
    assert result.status == "achieved"
    assert result.expected_to_date == pytest.approx(20)
    assert result.ratio == pytest.approx(12.5)


def test_going_backwards_is_limited_progress() -> None:
    result = assess(target("level", value=200, baseline=100), obs(50, 50))
    assert result.expected_to_date == 150
    assert result.ratio == pytest.approx(1 / 3)
    assert result.status == "limited_progress"


def test_no_change_from_a_nonzero_baseline_is_scored_by_achieved_over_expected() -> None:
    # The design's ratio (achieved ÷ expected) is kinder than "share of the change achieved"
    # (which would be 0 here); this test pins the published definition.
    result = assess(target("level", value=200, baseline=100), obs(50, 100))
    assert result.ratio == pytest.approx(100 / 150)
    assert result.status == "needs_acceleration"


# --- baselines --------------------------------------------------------------------------


def test_missing_cumulative_baseline_counts_from_zero() -> None:
    assumed = assess(target(baseline=None), obs(50, 80))
    explicit = assess(target(baseline=0), obs(50, 80))
    assert assumed.baseline == 0 and assumed.baseline_is_assumed
    assert not explicit.baseline_is_assumed
    assert (assumed.expected_to_date, assumed.ratio, assumed.status) == (
        explicit.expected_to_date,
        explicit.ratio,
        explicit.status,
    )


def test_level_target_without_baseline_is_not_assessed() -> None:
    result = assess(target("level", value=200, baseline=None), obs(50, 150))
    assert (result.status, result.reason) == ("not_assessed", "no_baseline")
    assert result.baseline is None and result.expected_to_date is None and result.ratio is None
    assert result.share_elapsed == 0.5 and result.achieved == 150


def test_level_target_without_baseline_can_still_be_achieved() -> None:
    result = assess(target("level", value=200, baseline=None), obs(50, 210))
    assert (result.status, result.reason) == ("achieved", None)


@pytest.mark.parametrize("baseline", [None, 50])
def test_annual_floor_compares_the_latest_annual_value_with_the_floor(
    baseline: float | None,
) -> None:
    floor = target("annual_floor", value=100, baseline=baseline)
    met = assess(floor, obs(1, 120))
    assert met.status == "achieved"
    short = assess(floor, obs(1, 80))  # the floor applies from the first day: no ramp
    assert short.expected_to_date == 100
    assert short.ratio == pytest.approx(0.8)
    assert short.status == "needs_acceleration"
    assert short.baseline == baseline and not short.baseline_is_assumed


# --- data and time ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "observations",
    [
        (),
        (obs(50, None),),  # suppressed
        (Observation(START, None, 120),),  # no stated end date
    ],
)
def test_no_usable_data_is_not_assessed(observations: tuple[Observation, ...]) -> None:
    result = assess(target(), *observations)
    assert (result.status, result.reason) == ("not_assessed", "no_data")
    assert result.achieved is None and result.as_of is None
    assert result.target == 200 and result.period_start == START


def test_no_target_is_not_assessed_but_keeps_the_data() -> None:
    result = assess(None, obs(50, 120))
    assert (result.status, result.reason) == ("not_assessed", "no_target")
    assert result.achieved == 120 and result.as_of == day(50)
    assert result.target is None and result.expected_to_date is None


def test_observation_before_the_period_starts() -> None:
    result = assess(target(), Observation(date(2024, 1, 1), day(0), 500))
    assert (result.status, result.reason) == ("not_assessed", "period_not_started")
    assert result.share_elapsed == 0.0 and result.ratio is None


def test_first_day_counts_as_elapsed() -> None:
    result = assess(target(), obs(1, 2))
    assert result.share_elapsed == 0.01
    assert result.expected_to_date == 2
    assert result.status == "on_track"


def test_observation_after_the_period_ends_clamps_share_to_one() -> None:
    result = assess(target(), Observation(START, END + timedelta(days=400), 150))
    assert result.share_elapsed == 1.0
    assert result.expected_to_date == 200
    assert result.ratio == 0.75 and result.status == "needs_acceleration"


def test_latest_observation_wins() -> None:
    result = assess(target(), obs(80, 180), obs(50, 20), obs(20, 10))
    assert result.as_of == day(80) and result.achieved == 180


def test_on_a_tie_the_longest_period_wins() -> None:
    quarter = Observation(day(60), day(90), 30)
    to_date = Observation(START, day(90), 170)
    assert latest_observation([quarter, to_date]) == to_date
    assert latest_observation([to_date, quarter]) == to_date


def test_zero_divisor_gives_no_ratio() -> None:
    assert _ratio(5, 0, lower=False) is None
    assert _ratio(0, 5, lower=True) is None
    assert _ratio(5, None, lower=False) is None


# --- lower is better --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("achieved", "status", "ratio"),
    [
        (40, "achieved", 75 / 40),
        (50, "achieved", 1.5),
        (75, "on_track", 1.0),
        (78, "on_track", 75 / 78),
        (80, "needs_acceleration", 75 / 80),
        (100, "needs_acceleration", 0.75),  # no change at all
        (125, "needs_acceleration", 0.6),  # exactly 0.60
        (150, "limited_progress", 0.5),  # going the wrong way
    ],
)
def test_lower_is_better(achieved: float, status: str, ratio: float) -> None:
    result = assess(
        target("level", value=50, baseline=100), obs(50, achieved), interpretation="lower_is_better"
    )
    assert result.expected_to_date == 75
    assert result.ratio == pytest.approx(ratio)
    assert result.status == status


def test_lower_is_better_reaching_zero_is_achieved_without_dividing_by_zero() -> None:
    result = assess(
        target("level", value=50, baseline=100), obs(50, 0), interpretation="lower_is_better"
    )
    assert result.status == "achieved" and result.ratio is None


# --- interpretation ---------------------------------------------------------------------


@pytest.mark.parametrize("interpretation", ["reported_activity", "context"])
@pytest.mark.parametrize("value", [None, 0, 96, 250])
def test_direction_neutral_indicators_never_get_a_status(interpretation: str, value) -> None:
    observations = () if value is None else (obs(50, value),)
    for t in (target(), None):
        result = assess(t, *observations, interpretation=interpretation)
        assert (result.status, result.reason) == ("not_assessed", "not_applicable")
        assert result.direction_neutral is True
        assert result.ratio is None and result.expected_to_date is None
        assert result.achieved == value


def test_unknown_interpretation_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown interpretation 'more_is_good'"):
        assess(target(), obs(50, 10), interpretation="more_is_good")


# --- qualifiers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qualifier", "lower_bound", "upper_bound"),
    [
        ("exact", False, False),
        ("about", False, False),
        ("more_than", True, False),
        ("at_least", True, False),
        ("up_to", False, True),
        ("nearly", False, True),
    ],
)
def test_qualifiers_mark_bounds(qualifier: str, lower_bound: bool, upper_bound: bool) -> None:
    result = assess(target(), obs(50, 96, qualifier))
    assert result.achieved == 96 and result.status == "on_track"
    assert result.achieved_is_lower_bound is lower_bound
    assert result.achieved_is_upper_bound is upper_bound


def test_lower_bound_is_flagged_even_when_not_assessed() -> None:
    result = assess(target(), obs(50, 1000, "more_than"), interpretation="reported_activity")
    assert result.achieved_is_lower_bound


# --- validation -------------------------------------------------------------------------


def test_inputs_are_validated() -> None:
    with pytest.raises(ValueError, match="unknown target_kind 'total'"):
        Target("total", 10, START, END)
    with pytest.raises(ValueError, match="ends"):
        Target("level", 10, END, START)
    with pytest.raises(ValueError, match="target_value must be a finite number ≥ 0"):
        Target("level", -1, START, END)
    with pytest.raises(ValueError, match="baseline_value must be a finite number ≥ 0"):
        Target("level", 1, START, END, float("nan"))
    with pytest.raises(ValueError, match="unknown qualifier 'plus'"):
        Observation(START, END, 1, "plus")
    with pytest.raises(ValueError, match="ends"):
        Observation(END, START, 1)
    with pytest.raises(ValueError, match="value must be a finite number ≥ 0"):
        Observation(START, END, float("inf"))


# --- cumulate ---------------------------------------------------------------------------


def period(first: int, last: int, value: float | None, qualifier: str = "exact") -> Observation:
    return Observation(day(first), day(last), value, qualifier)


def test_cumulate_sums_contiguous_counts_in_any_order() -> None:
    total = cumulate([period(31, 60, 20), period(1, 30, 10), period(61, 90, 5)], START, END)
    assert total == Observation(START, day(90), 35, "exact")


def test_cumulate_ignores_periods_outside_the_target_period() -> None:
    before = Observation(date(2024, 10, 1), day(0), 999)
    after = Observation(END + timedelta(days=1), END + timedelta(days=90), 999)
    total = cumulate([before, period(1, 30, 10), after], START, END)
    assert total == Observation(START, day(30), 10, "exact")
    assert cumulate([before, after], START, END) is None
    assert cumulate([], START, END) is None


def test_cumulate_refuses_overlapping_counts() -> None:
    with pytest.raises(ValueError) as excinfo:
        cumulate([period(1, 30, 10), period(20, 60, 20)], START, END)
    assert str(excinfo.value) == (
        "the counts for 2025-01-01 to 2025-01-30 and 2025-01-20 to 2025-03-01 overlap; "
        "summing them would count people twice"
    )
    with pytest.raises(ValueError, match="overlap"):  # a cumulative total among quarters
        cumulate([period(1, 30, 10), period(1, 60, 30)], START, END)


def test_cumulate_refuses_counts_straddling_the_period() -> None:
    with pytest.raises(ValueError) as excinfo:
        cumulate([Observation(date(2024, 12, 1), day(30), 10)], START, END)
    assert str(excinfo.value) == (
        "the count for 2024-12-01 to 2025-01-30 straddles the period 2025-01-01 to "
        "2025-04-10 and cannot be split"
    )
    with pytest.raises(ValueError, match="straddles"):
        cumulate([Observation(day(90), END + timedelta(days=5), 10)], START, END)
    with pytest.raises(ValueError, match="no stated period"):
        cumulate([Observation(None, day(30), 10)], START, END)


@pytest.mark.parametrize(
    ("parts", "qualifier"),
    [
        ([period(1, 30, 10), period(41, 60, 5)], "at_least"),  # days 31-40 missing
        ([period(11, 30, 10)], "at_least"),  # the first 10 days missing
        ([period(1, 30, 10), period(31, 60, None)], "at_least"),  # suppressed
        ([period(1, 30, 10, "more_than"), period(31, 60, 5)], "at_least"),
        ([period(1, 30, 10, "up_to"), period(31, 60, 5)], "up_to"),
        ([period(1, 30, 10, "nearly"), period(31, 60, 5, "at_least")], "about"),
        ([period(1, 30, 10, "up_to"), period(41, 60, 5)], "about"),
        ([period(1, 30, 10, "about"), period(31, 60, 5)], "about"),
    ],
)
def test_cumulate_qualifier(parts: list[Observation], qualifier: str) -> None:
    total = cumulate(parts, START, END)
    assert total is not None and total.qualifier == qualifier
    assert total.value == sum(p.value for p in parts if p.value is not None)


def test_cumulate_feeds_assess_progress() -> None:
    quarters = [period(1, 25, 30), period(26, 50, 66)]
    result = assess(target(), cumulate(quarters, START, END))  # type: ignore[arg-type]
    assert (result.achieved, result.as_of, result.status) == (96, day(50), "on_track")


# --- trajectory -------------------------------------------------------------------------


def test_trajectory_is_the_line_assess_uses() -> None:
    line = trajectory(target(baseline=None), points=5)
    assert line[0] == (START, 0)
    assert line[-1] == (END, 200)
    assert [d for d, _ in line] == [START, day(26), day(51), day(75), END]
    for d, value in line[1:]:
        assert value == assess(target(), Observation(START, d, 1)).expected_to_date


def test_trajectory_baseline_and_kinds() -> None:
    assert trajectory(target("level", 200, 100)) == [(START, 100), (END, 200)]
    assert trajectory(target("level", 200, None), baseline=50) == [(START, 50), (END, 200)]
    assert trajectory(target("annual_floor", 100, 20), points=3)[:2] == [
        (START, 100),
        (day(51), 100),
    ]
    with pytest.raises(ValueError, match="level target without a baseline"):
        trajectory(target("level", 200, None))
    with pytest.raises(ValueError, match="at least 2 points, not 1"):
        trajectory(target(), points=1)


# --- properties -------------------------------------------------------------------------

dates = st.dates(date(2000, 1, 1), date(2060, 12, 31))
amounts = st.floats(0, 1e7, allow_nan=False)


@given(dates, dates, dates)
def test_share_elapsed_is_within_0_and_1(a: date, b: date, as_of: date) -> None:
    start, end = min(a, b), max(a, b)
    share = share_elapsed(start, end, as_of)
    assert 0 <= share <= 1
    assert (share == 0) == (as_of < start)
    assert (share == 1) == (as_of >= end)
    elapsed, total = days_elapsed(start, end, as_of)
    assert 0 <= elapsed <= total


@given(amounts, amounts, st.integers(1, 120), amounts, amounts, st.booleans())
def test_ratio_is_monotone_in_achieved(
    baseline: float, goal: float, n: int, a: float, b: float, lower: bool
) -> None:
    low, high = min(a, b), max(a, b)
    assume(low > 0)
    t = target("level", goal, baseline)
    interpretation = "lower_is_better" if lower else "higher_is_better"
    r_low = assess(t, obs(n, low), interpretation=interpretation).ratio
    r_high = assess(t, obs(n, high), interpretation=interpretation).ratio
    if r_low is None or r_high is None:
        return
    assert (r_high <= r_low) if lower else (r_high >= r_low)


RANK = {"limited_progress": 0, "needs_acceleration": 1, "on_track": 2, "achieved": 3}


@given(amounts, st.integers(1, 100), amounts, amounts)
def test_status_never_worsens_when_more_is_achieved(
    goal: float, n: int, a: float, b: float
) -> None:
    low, high = min(a, b), max(a, b)
    s_low = assess(target(value=goal), obs(n, low)).status
    s_high = assess(target(value=goal), obs(n, high)).status
    assume(s_low in RANK and s_high in RANK)
    assert RANK[s_high] >= RANK[s_low]


@given(st.integers(-50, 150), amounts, amounts)
def test_expected_to_date_stays_between_baseline_and_target(
    n: int, base: float, goal: float
) -> None:
    value = expected_to_date(base, goal, share_elapsed(START, END, day(n)))
    assert min(base, goal) - 1e-6 <= value <= max(base, goal) + 1e-6


# --- counts are expected as whole numbers -------------------------------------------------


@pytest.mark.parametrize(("as_of", "expected"), [
    (date(2026, 9, 30), 330),  # 330.09...: rounded down
    (date(2025, 6, 30), 55),  # 1,100 × 91 ÷ 1,826 = 54.8: rounded up
])
def test_expected_to_date_of_a_count_is_a_whole_number(as_of: date, expected: int) -> None:
    target = Target("cumulative", 1100, date(2025, 4, 1), date(2030, 3, 31), 0)
    observation = Observation(date(2025, 4, 1), as_of, 60)
    whole = assess_progress(target, [observation], "higher_is_better", whole=True)
    exact = assess_progress(target, [observation], "higher_is_better")
    assert whole.expected_to_date == expected
    assert whole.ratio == pytest.approx(60 / expected)
    assert exact.expected_to_date != expected  # money and shares keep their decimals


def test_whole_number_rounds_half_up() -> None:
    assert [whole_number(v) for v in (0.5, 1.5, 2.5, 330.49)] == [1, 2, 3, 330]
