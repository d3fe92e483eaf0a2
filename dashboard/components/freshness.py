"""How an indicator's availability, last update and next expected figures are written
(/data/availability, the indicator page, the availability CSV): rows in, words out."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from pipelines.language.formatting import format_date, format_month, format_period, quarter_name
from pipelines.language.i18n import Lang, t
from pipelines.read.availability import (
    NEXT_AFTER_QUARTER,
    NEXT_NOW,
    Freshness,
    LastUpdated,
    NextExpected,
)
from pipelines.read.rows import Availability


def published_text(text: str, lang: Lang) -> str:
    """A publication date as precise as it is known: 2023, December 2023, 4 December 2023."""
    from datetime import date

    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return format_date(date(*parts), lang)
    if len(parts) == 2:
        return format_month(date(parts[0], parts[1], 1), lang)
    return str(parts[0])


def last_updated_text(found: LastUpdated | None, lang: Lang) -> str:
    if found is None:
        return t("availability.never_updated", lang)
    if found.kind == "published" and found.published:
        return t("availability.updated_published", lang,
                 date=published_text(found.published, lang))
    assert found.day is not None
    key = "availability.updated_demo" if found.kind == "demo_loaded" else \
        "availability.updated_loaded"
    return t(key, lang, date=format_date(found.day, lang))


def next_expected_text(found: NextExpected, lang: Lang) -> str:
    if found.kind in (NEXT_NOW, NEXT_AFTER_QUARTER):
        assert found.quarter is not None and found.from_day is not None
        return t(f"availability.next_{found.kind}", lang,
                 quarter=quarter_name(found.quarter.label, lang),
                 date=format_date(found.from_day, lang),
                 ended=format_date(found.quarter.end, lang))
    return t(f"availability.next_{found.kind}", lang)


def latest_period_text(row: Availability, lang: Lang) -> str:
    if row.figures == 0:
        return t("availability.no_period", lang)
    return format_period(row.latest_period_start, row.latest_period_end,
                         row.latest_period_basis or "stated", lang)


def availability_text(row: Availability, lang: Lang) -> str:
    text = t(f"availability.{row.availability}", lang)
    if row.demo_figures and row.figures == 0:
        text += " " + t("availability.demo_shown", lang)
    return text


def freshness_block(found: Freshness, lang: Lang, *, how_href: str) -> Component:
    """The two lines every indicator page shows under its heading, with how "next expected"
    is worked out one link away."""
    return html.Dl([
        html.Dt(t("availability.col_last_updated", lang)),
        html.Dd(last_updated_text(found.last_updated, lang), id="indicator-last-updated"),
        html.Dt(t("availability.col_next_expected", lang)),
        html.Dd([next_expected_text(found.next_expected, lang), " ",
                 html.A(t("availability.how_link", lang), href=how_href)],
                id="indicator-next-expected",
                **{"data-next-expected": found.next_expected.kind}),
    ], className="freshness facts")
