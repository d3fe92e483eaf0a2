from __future__ import annotations

from datetime import date

import pytest

from pipelines.language.formatting import (
    format_date,
    format_money,
    format_number,
    format_percent,
    format_period,
    format_value,
)

NBSP = "\u00a0"  # fr_CA groups digits and separates units with a no-break space


@pytest.mark.parametrize(("lang", "expected"), [("en", "1,100"), ("fr", f"1{NBSP}100")])
def test_format_number(lang: str, expected: str) -> None:
    assert format_number(1100, lang) == expected


def test_format_number_keeps_the_printed_decimals() -> None:
    # A published rate of 0.12 incidents per 100,000 must not be shown as 0.1.
    assert format_number(0.12, "en") == "0.12"
    assert format_number(2.55, "en") == "2.55"
    assert format_number(2.5, "fr") == "2,5"


@pytest.mark.parametrize(("value", "en", "fr"), [
    (345_000_000, "$345M", f"345{NBSP}M$"),
    # "3,45 millions de dollars", "1,48 million", "5,12 millions": every printed digit kept.
    (3_450_000, "$3.45M", f"3,45{NBSP}M$"),
    (1_480_000, "$1.48M", f"1,48{NBSP}M$"),
    (5_120_000, "$5.12M", f"5,12{NBSP}M$"),
    # "848 407 $" is printed to the dollar: a compact form would drop digits.
    (848_407, "$848,407", f"848{NBSP}407{NBSP}$"),
    (3_450_271, "$3,450,271", f"3{NBSP}450{NBSP}271{NBSP}$"),
    (181_000, "$181,000", f"181{NBSP}000{NBSP}$"),
])
def test_format_money_keeps_the_printed_precision(value: float, en: str, fr: str) -> None:
    assert format_money(value, "en") == en
    assert format_money(value, "fr") == fr


@pytest.mark.parametrize(("lang", "expected"), [("en", "70%"), ("fr", f"70{NBSP}%")])
def test_format_percent_takes_points(lang: str, expected: str) -> None:
    assert format_percent(70, lang) == expected


def test_format_date() -> None:
    assert format_date(date(2023, 2, 28), "en") == "February 28, 2023"
    assert format_date(date(2023, 2, 28), "fr") == "28 février 2023"


@pytest.mark.parametrize(
    ("value", "kind", "qualifier", "en", "fr"),
    [
        (29000, "count", "more_than", "29,000+", f"plus de 29{NBSP}000"),
        (345e6, "money", "more_than", "more than $345M", f"plus de 345{NBSP}M$"),
        (70, "percent", "more_than", "more than 70%", f"plus de 70{NBSP}%"),
        (76, "count", "about", "about 76", "environ 76"),
        (4000, "count", "nearly", "nearly 4,000", f"près de 4{NBSP}000"),
        (52, "count", "at_least", "at least 52", "au moins 52"),
        (10, "count", "up_to", "up to 10", "jusqu’à 10"),
        (65, "count", "exact", "65", "65"),
    ],
)
def test_format_value_keeps_the_qualifier(
    value: float, kind: str, qualifier: str, en: str, fr: str
) -> None:
    assert format_value(value, kind, qualifier, "en") == en
    assert format_value(value, kind, qualifier, "fr") == fr


@pytest.mark.parametrize(
    ("value", "high", "kind", "en", "fr"),
    [
        # "45-50 entrevues individuelles" (Hanley and Ricard-Guay deck).
        (45, 50, "count", "45–50", "de 45 à 50"),
        (1500, 2000, "count", "1,500–2,000", f"de 1{NBSP}500 à 2{NBSP}000"),
        (45_000, 50_000, "money", "$45,000–$50,000", f"de 45{NBSP}000{NBSP}$ à 50{NBSP}000{NBSP}$"),
    ],
)
def test_a_printed_range_keeps_both_ends(
    value: float, high: float, kind: str, en: str, fr: str
) -> None:
    assert format_value(value, kind, "range", "en", value_high=high) == en
    assert format_value(value, kind, "range", "fr", value_high=high) == fr


def test_a_range_without_its_high_end_says_only_what_is_known() -> None:
    assert format_value(45, "count", "range", "en") == "at least 45"
    assert format_value(45, "count", "range", "fr") == "au moins 45"


def test_a_printed_all_is_said_as_all() -> None:
    # "tous les conseils scolaires de l'Ontario": a share of 100 percent, said as the source does.
    assert format_value(100, "percent", "all", "en") == "all (100%)"
    assert format_value(100, "percent", "all", "fr") == f"la totalité (100{NBSP}%)"


def test_format_value_rejects_unknown_qualifier() -> None:
    with pytest.raises(ValueError, match="unknown qualifier"):
        format_value(1, "count", "roughly", "en")


def test_suppressed_value_is_said_not_hidden() -> None:
    assert format_value(None, "count", "exact", "en") == "suppressed (small count)"


@pytest.mark.parametrize(
    ("start", "end", "basis", "en", "fr"),
    [
        (
            date(2021, 4, 1),
            date(2024, 3, 31),
            "stated",
            "2021-22 to 2023-24",
            "de 2021-2022 à 2023-2024",
        ),
        (
            date(2023, 4, 1),
            date(2024, 3, 31),
            "stated",
            "fiscal year 2023-24",
            "exercice 2023-2024",
        ),
        (None, date(2023, 2, 28), "as_of", "to February 2023", "jusqu’en février 2023"),
        (None, None, "not_stated", "period not stated", "période non précisée"),
        (date(2019, 1, 1), date(2023, 12, 31), "stated", "2019 to 2023", "de 2019 à 2023"),
        (date(2022, 1, 1), date(2022, 12, 31), "stated", "2022", "2022"),
        (
            date(2021, 4, 1),
            date(2021, 12, 31),
            "stated",
            "April 1, 2021 to December 31, 2021",
            "du 1er avril 2021 au 31 décembre 2021",
        ),
    ],
)
def test_format_period(start: date | None, end: date | None, basis: str, en: str, fr: str) -> None:
    assert format_period(start, end, basis, "en") == en
    assert format_period(start, end, basis, "fr") == fr


def test_first_of_the_month_is_an_ordinal_in_french() -> None:
    from datetime import date

    from pipelines.language.formatting import format_date

    assert format_date(date(2025, 4, 1), "fr") == "1er avril 2025"
    assert format_date(date(2025, 4, 2), "fr") == "2 avril 2025"
    assert format_date(date(2025, 4, 1), "en") == "April 1, 2025"
