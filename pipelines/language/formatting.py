"""Locale-aware numbers, money, percentages, dates and periods (Babel, ``en_CA``/``fr_CA``).

Qualifiers are part of the value: a published "plus de 29 000" is never shown as a bare 29,000.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Final

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal
from babel.numbers import format_percent as babel_format_percent

from pipelines.language.i18n import normalise_lang, t
from pipelines.periods import FISCAL_YEAR_FIRST_MONTH
from pipelines.vocabulary import QUALIFIERS

LOCALES: Final[dict[str, str]] = {"en": "en_CA", "fr": "fr_CA"}


def _locale(lang: str) -> str:
    return LOCALES[normalise_lang(lang)]


def format_number(value: float, lang: str, *, decimals: int = 3) -> str:
    """``29000`` → ``29,000`` / ``29 000`` (fr_CA groups with a no-break space). Up to
    ``decimals`` decimals are kept, so a published 0.12 is never shown as 0.1."""
    return _formatted(float(value), _locale(lang), decimals)


@lru_cache(maxsize=8192)
def _formatted(value: float, locale: str, decimals: int) -> str:
    # Babel takes ~0.2 ms a number; a review writes the same few hundred numbers again and
    # again, so each is formatted once per process (a pure function of its arguments).
    pattern = "#,##0" if value.is_integer() else "#,##0." + "#" * decimals
    return str(format_decimal(value, format=pattern, locale=locale))


# A whole number of dollars whose last four digits are zero has at most two decimals in
# millions, so its compact form keeps every digit the source printed ("3,45 millions").
_COMPACT_STEP: Final[int] = 10_000
_MILLION: Final[int] = 1_000_000


def format_money(value: float, lang: str) -> str:
    """Canadian dollars with the precision the source printed: millions in compact form when
    no digit is lost (``$345M``, ``$3.45M`` / ``345 M$``, ``3,45 M$``), otherwise in full
    (``$848,407`` / ``848 407 $``)."""
    if float(value).is_integer() and value >= _MILLION and int(value) % _COMPACT_STEP == 0:
        return t("money.millions", lang, value=format_number(value / _MILLION, lang, decimals=2))
    return t("money.full", lang, value=format_number(value, lang, decimals=2))


def format_bytes(value: int, lang: str) -> str:
    """A file size in megabytes of 1,048,576 bytes, as the upload limit is set:
    ``10 MB`` / ``10 Mo``."""
    return t("units.megabytes", lang, value=format_number(round(value / 1_048_576, 1), lang))


def format_ratio(value: float, lang: str) -> str:
    """A ratio to two decimals, both always shown: ``1.30`` / ``1,30``."""
    return format_decimal(round(value, 2), format="#,##0.00", locale=_locale(lang))


def format_percent(value: float, lang: str) -> str:
    """``value`` is in percentage points: ``70`` → ``70%`` / ``70 %``."""
    # decimal_quantization=False keeps 70.5 as "70.5%" while using the locale's own pattern.
    return babel_format_percent(value / 100, locale=_locale(lang), decimal_quantization=False)


# The precision the method publishes: shares of a period or of a target, and changes, to one
# decimal of a percentage point; ratios to two decimals (format_ratio).
SHARE_DECIMALS: Final[int] = 1


def format_share(fraction: float, lang: str, *, decimals: int = SHARE_DECIMALS) -> str:
    """A fraction as a percentage rounded ONCE, here, to ``decimals`` places (half up):
    ``1.282`` → ``128.2%`` / ``128,2 %``; ``0.3001`` → ``30%``. Never prints float noise."""
    points = (Decimal(repr(float(fraction))) * 100).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    # Trailing zeros go (30.0 -> 30), the locale's own pattern (and French space) stays.
    exact = points.to_integral_value() if points == points.to_integral_value() else points
    return babel_format_percent(exact / 100, locale=_locale(lang), decimal_quantization=False)


def format_date(value: date, lang: str, *, style: str = "long") -> str:
    return _date(value, normalise_lang(lang), style)


@lru_cache(maxsize=4096)
def _date(value: date, lang: str, style: str) -> str:
    # Babel takes ~0.6 ms a date and a review writes the same few quarter ends hundreds of
    # times: each is formatted once per process.
    text = str(babel_format_date(value, format=style, locale=_locale(lang)))
    # French writes the first of the month as an ordinal ("1er avril 2025"); CLDR does not.
    if lang == "fr" and style == "long" and value.day == 1 and text.startswith("1 "):
        text = "1er " + text[2:]
    return text


def format_month(value: date, lang: str) -> str:
    """``February 2023`` / ``février 2023``."""
    return babel_format_date(value, format="MMMM y", locale=_locale(lang))


def _base_value(value: float, unit_kind: str, lang: str) -> str:
    if unit_kind == "money":
        return format_money(value, lang)
    if unit_kind == "percent":
        return format_percent(value, lang)
    return format_number(value, lang)


def _range(low: float, high: float | None, unit_kind: str, lang: str) -> str:
    base = _base_value(low, unit_kind, lang)
    if high is None:
        # A caller that does not pass value_high yet: the low end is all it can say truly.
        return t("qualifier.at_least", lang, value=base)
    return t("qualifier.range", lang, low=base, high=_base_value(high, unit_kind, lang))


def format_value(value: float | None, unit_kind: str, qualifier: str, lang: str, *,
                 value_high: float | None = None) -> str:
    """A value written with its qualifier, e.g. ``29,000+``, ``more than $345M``,
    ``plus de 29 000``, ``about 76``. A missing value reads "suppressed".

    A printed range (qualifier ``range``) needs ``value_high``: ``45–50`` / ``de 45 à 50``;
    without it only the low end is written, as "at least 45". A printed "all" (qualifier
    ``all``, a share of 100 percent) reads ``all (100%)`` / ``la totalité (100 %)``."""
    if value is None:
        return t("value.suppressed", lang)
    if qualifier not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}")
    if qualifier == "range":
        return _range(value, value_high, unit_kind, lang)
    base = _base_value(value, unit_kind, lang)
    if qualifier == "exact":
        return base
    # English writes "29,000+" for counts but "more than $345M" for money and percentages.
    key = (
        "qualifier.more_than_count"
        if qualifier == "more_than" and unit_kind == "count"
        else (f"qualifier.{qualifier}")
    )
    return t(key, lang, value=base)


def is_fiscal_start(value: date) -> bool:
    return value.month == FISCAL_YEAR_FIRST_MONTH and value.day == 1


def is_fiscal_end(value: date) -> bool:
    return is_fiscal_start(value + timedelta(days=1))


def fiscal_year_label(start_year: int, lang: str) -> str:
    """``2021-22`` / ``2021-2022`` for the fiscal year starting 1 April ``start_year``."""
    end = start_year + 1
    short = f"{end % 100:02d}"
    return t("period.fiscal_year_label", lang, start=start_year, end=end, end_short=short)


def _fiscal_period(start: date, end: date, lang: str) -> str:
    first = fiscal_year_label(start.year, lang)
    last = fiscal_year_label(end.year - 1, lang)
    if first == last:
        return t("period.fiscal_year", lang, year=first)
    return t("period.fiscal_range", lang, start=first, end=last)


def _calendar_period(start: date, end: date, lang: str) -> str:
    if start.year == end.year:
        return str(start.year)
    return t("period.year_range", lang, start=start.year, end=end.year)


def _open_period(start: date | None, end: date | None, lang: str) -> str:
    if end is not None:
        return t("period.until", lang, end=format_date(end, lang))
    assert start is not None
    return t("period.since", lang, start=format_date(start, lang))


def format_period(start: date | None, end: date | None, basis: str, lang: str) -> str:
    """A period in words: fiscal-year ranges by name ("2021-22 to 2023-24"), cumulative
    figures by their end month ("to February 2023"), otherwise plain dates."""
    if basis == "not_stated" or (start is None and end is None):
        return t("period.not_stated", lang)
    if basis == "as_of" and end is not None:
        return t("period.as_of", lang, month=format_month(end, lang))
    if start is None or end is None:
        return _open_period(start, end, lang)
    if is_fiscal_start(start) and is_fiscal_end(end):
        return _fiscal_period(start, end, lang)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return _calendar_period(start, end, lang)
    return t("period.date_range", lang, start=format_date(start, lang), end=format_date(end, lang))


def quarter_name(label: str, lang: str) -> str:
    """A fiscal quarter code as each language writes it: ``2026-27Q2`` / ``2026-27 T2`` (French
    says *trimestre*)."""
    if lang == "fr" and len(label) == 9 and label[7] == "Q":
        return f"{label[:7]}\u00a0T{label[8]}"
    return label


def plural_form(count: float, lang: str) -> str:
    """The CLDR plural category of ``count``: French says "0 observation", English
    "0 observations"."""
    return str(Locale.parse(_locale(lang)).plural_form(count))


def format_timestamp(value: str, lang: str) -> str:
    """An ISO timestamp from ``meta.build_info`` as a long date; unparseable text is kept."""
    try:
        return format_date(date.fromisoformat(value[:10]), lang)
    except ValueError:
        return value
