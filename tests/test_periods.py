"""Ontario fiscal periods (pipelines/periods.py)."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.periods import (
    FiscalQuarter,
    fiscal_year_bounds,
    fiscal_year_label,
    fiscal_year_to_date,
    is_fiscal_year_range,
    quarter_months,
    quarters_between,
    sql_macros,
)

Q = FiscalQuarter


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2026-27Q1", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-27Q2", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-27Q3", date(2026, 10, 1), date(2026, 12, 31)),
        ("2026-27Q4", date(2027, 1, 1), date(2027, 3, 31)),
        ("2027-28Q4", date(2028, 1, 1), date(2028, 3, 31)),
        ("1999-00Q2", date(1999, 7, 1), date(1999, 9, 30)),
    ],
)
def test_parse_gives_quarter_dates(label: str, start: date, end: date) -> None:
    q = Q.parse(label)
    assert (q.start, q.end) == (start, end)
    assert q.label == str(q) == label


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "2026-28Q2",
            "'2026-28Q2' is not a fiscal quarter: the second year must follow the first "
            "(expected 2026-27Q2)",
        ),
        (
            "2026-26Q1",
            "'2026-26Q1' is not a fiscal quarter: the second year must follow the first "
            "(expected 2026-27Q1)",
        ),
        (
            "1999-01Q3",
            "'1999-01Q3' is not a fiscal quarter: the second year must follow the first "
            "(expected 1999-00Q3)",
        ),
        (
            "2026-27Q5",
            "'2026-27Q5' is not a fiscal quarter: the quarter must be 1, 2, 3 or 4 "
            "(Q1 is April to June)",
        ),
        (
            "2026-27Q0",
            "'2026-27Q0' is not a fiscal quarter: the quarter must be 1, 2, 3 or 4 "
            "(Q1 is April to June)",
        ),
        ("0000-01Q1", "'0000-01Q1' is not a fiscal quarter: the year is out of range"),
        ("9999-00Q1", "'9999-00Q1' is not a fiscal quarter: the year is out of range"),
    ],
)
def test_parse_errors_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        Q.parse(text)
    assert str(excinfo.value) == message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2026-27q2", "'2026-27q2'"),
        (" 2026-27Q2", "' 2026-27Q2'"),
        ("2026-27Q2\n", "'2026-27Q2\\n'"),
        ("2026-2027Q2", "'2026-2027Q2'"),
        ("2026Q2", "'2026Q2'"),
        ("", "''"),
    ],
)
def test_parse_rejects_other_forms(text: str, shown: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        Q.parse(text)
    expected = f"{shown} is not a fiscal quarter: expected the form YYYY-YYQn, e.g. 2026-27Q2"
    assert str(excinfo.value) == expected


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="must be a string, not int"):
        Q.parse(202627)  # type: ignore[arg-type]


def test_constructor_validates() -> None:
    with pytest.raises(ValueError, match="quarter must be 1, 2, 3 or 4, not 5"):
        Q(2026, 5)
    with pytest.raises(ValueError, match="fiscal year must start between"):
        Q(9999, 1)


def test_neighbours_wrap_across_fiscal_years() -> None:
    assert Q(2026, 4).next() == Q(2027, 1)
    assert Q(2026, 1).previous() == Q(2025, 4)
    assert Q(2026, 2).next() == Q(2026, 3)
    assert Q(2026, 2).previous() == Q(2026, 1)
    assert Q(2026, 2).same_quarter_last_year() == Q(2025, 2)


def test_labels() -> None:
    assert Q(2026, 2).fiscal_year_label == "2026-27"
    assert fiscal_year_label(2099) == "2099-00"


def test_ordering_is_chronological() -> None:
    quarters = [Q(2027, 1), Q(2026, 4), Q(2026, 1), Q(2025, 3)]
    assert [q.label for q in sorted(quarters)] == [
        "2025-26Q3",
        "2026-27Q1",
        "2026-27Q4",
        "2027-28Q1",
    ]


@pytest.mark.parametrize(
    ("d", "label"),
    [
        (date(2026, 4, 1), "2026-27Q1"),
        (date(2026, 6, 30), "2026-27Q1"),
        (date(2026, 7, 1), "2026-27Q2"),
        (date(2026, 12, 31), "2026-27Q3"),
        (date(2027, 1, 1), "2026-27Q4"),
        (date(2027, 3, 31), "2026-27Q4"),
        (date(2024, 2, 29), "2023-24Q4"),
    ],
)
def test_from_date(d: date, label: str) -> None:
    assert Q.from_date(d).label == label


def test_range_is_inclusive_and_empty_when_reversed() -> None:
    got = [q.label for q in Q.range(Q(2025, 3), Q(2026, 2))]
    assert got == ["2025-26Q3", "2025-26Q4", "2026-27Q1", "2026-27Q2"]
    assert list(Q.range(Q(2026, 1), Q(2026, 1))) == [Q(2026, 1)]
    assert list(Q.range(Q(2026, 2), Q(2026, 1))) == []


def test_quarters_between_includes_partly_covered_quarters() -> None:
    strategy = quarters_between(date(2025, 4, 1), date(2030, 3, 31))
    assert len(strategy) == 20
    assert (strategy[0].label, strategy[-1].label) == ("2025-26Q1", "2029-30Q4")
    partial = quarters_between(date(2025, 6, 30), date(2025, 7, 1))
    assert [q.label for q in partial] == ["2025-26Q1", "2025-26Q2"]
    assert quarters_between(date(2025, 5, 5), date(2025, 5, 5)) == [Q(2025, 1)]
    with pytest.raises(ValueError, match=r"ends \(2025-03-31\) before it starts \(2025-04-01\)"):
        quarters_between(date(2025, 4, 1), date(2025, 3, 31))


def test_fiscal_year_helpers() -> None:
    assert fiscal_year_bounds(2021) == (date(2021, 4, 1), date(2022, 3, 31))
    assert is_fiscal_year_range(date(2021, 4, 1), date(2024, 3, 31))
    assert is_fiscal_year_range(date(2025, 4, 1), date(2026, 3, 31))
    assert not is_fiscal_year_range(date(2025, 4, 1), date(2025, 3, 31))
    assert not is_fiscal_year_range(date(2025, 4, 2), date(2026, 3, 31))
    assert not is_fiscal_year_range(date(2025, 4, 1), date(2026, 3, 30))
    assert not is_fiscal_year_range(date(2025, 1, 1), date(2025, 12, 31))
    assert fiscal_year_to_date(Q(2026, 2)) == (date(2026, 4, 1), date(2026, 9, 30))
    assert fiscal_year_to_date(Q(2026, 4)) == (date(2026, 4, 1), date(2027, 3, 31))


def test_quarter_months() -> None:
    assert quarter_months(Q(2026, 2)) == (date(2026, 7, 1), date(2026, 9, 1))
    assert quarter_months(Q(2026, 4)) == (date(2027, 1, 1), date(2027, 3, 1))


quarters = st.builds(Q, st.integers(1900, 2200), st.integers(1, 4))


@given(quarters)
def test_quarters_tile_the_calendar(q: FiscalQuarter) -> None:
    assert q.next().start == q.end + timedelta(days=1)
    assert q.next().previous() == q
    assert Q.parse(q.label) == q
    assert Q.from_date(q.start) == Q.from_date(q.end) == q
    assert 90 <= (q.end - q.start).days + 1 <= 92


@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_every_date_falls_in_its_quarter(d: date) -> None:
    q = Q.from_date(d)
    assert q.start <= d <= q.end
    fy_start, fy_end = fiscal_year_bounds(q.fiscal_year_start)
    assert fy_start <= d <= fy_end


def test_docstring_examples() -> None:
    import doctest

    import pipelines.periods

    assert doctest.testmod(pipelines.periods).failed == 0


def test_the_sql_fiscal_calendar_is_the_python_one() -> None:
    """The SQL side's quarter dates come from the same definition as FiscalQuarter's, over
    every quarter the tracker could meet (and a few centuries either side)."""
    quarters = [FiscalQuarter(year, q) for year in range(1900, 2200) for q in (1, 2, 3, 4)]
    with duckdb.connect() as con:
        con.execute(sql_macros())
        rows = con.execute(
            "SELECT q, fiscal_quarter_start(q), fiscal_quarter_end(q) FROM unnest(?) AS t(q)",
            [[quarter.ordinal for quarter in quarters]]).fetchall()
    assert [(start, end) for _, start, end in rows] == [(q.start, q.end) for q in quarters]
