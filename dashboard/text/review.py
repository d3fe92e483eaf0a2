"""The quarterly review in words: one place that turns :mod:`pipelines.review` results into
the localised strings both the page and the briefing show, so the two always read alike."""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.figures.quarter_bars import quarter_bars_svg
from dashboard.text.formatting import format_date, format_month, format_number, format_value
from dashboard.text.i18n import Lang, t
from pipelines.marts.status_rule import ProgressResult
from pipelines.periods import FiscalQuarter, quarter_months
from pipelines.review import Change, IndicatorReview, LastReview, QuarterValue, Revision
from pipelines.review_data import QuarterReview


def quarter_label(quarter: FiscalQuarter, lang: Lang) -> str:
    """``2026-27Q2 (July to September 2026)``."""
    first, last = quarter_months(quarter)
    months = t("quarterly.months", lang, first=format_month(first, lang).split(" ")[0],
               last=format_month(last, lang))
    return t("quarterly.quarter_label", lang, quarter=quarter.label, months=months)


def indicator_name(review: IndicatorReview, lang: Lang) -> str:
    return review.indicator.name_fr if lang == "fr" else review.indicator.name_en


def value_text(value: QuarterValue, unit_kind: str, lang: Lang) -> str:
    """The value with its qualifier, and a word for revised or demonstration values."""
    if value.status == "missing":
        return t("quarterly.missing_value", lang)
    text = format_value(value.value, unit_kind, value.qualifier, lang)
    marks = [t("quarterly.value_status_revised", lang)] if value.revised else []
    marks += [t("quarterly.value_status_demo", lang)] if value.demo else []
    return f"{text} ({', '.join(marks)})" if marks else text


def change_text(change: Change | None, old: QuarterValue, unit_kind: str, lang: Lang) -> str:
    if change is None:
        return t("quarterly.no_change", lang)
    sign = "+" if change.absolute > 0 else "−" if change.absolute < 0 else "±"
    amount = format_number(abs(change.absolute), lang)
    if change.percent is None:
        text = t("quarterly.change_value_no_percent", lang, sign=sign, value=amount)
    else:
        percent = format_number(round(abs(change.percent), 1), lang) + (
            "\u00a0%" if lang == "fr" else "%")
        text = t("quarterly.change_value", lang, sign=sign, value=amount,
                 percent=f"{sign}{percent}")
    if change.approximate:
        text = t("quarterly.approximate", lang, change=text)
    previous = format_value(old.value, unit_kind, old.qualifier, lang)
    return f"{text}, {t('quarterly.from_value', lang, value=previous)}"


def ytd_text(review: IndicatorReview, lang: Lang) -> str:
    if not review.indicator.summable:
        return t("quarterly.not_summed", lang)
    ytd = review.year_to_date
    if ytd is None:
        return t("quarterly.missing_value", lang)
    return format_value(ytd.value, review.indicator.unit_kind, ytd.qualifier, lang)


def _status_name(result: ProgressResult) -> str:
    return result.status if result.reason is None else (
        "no_target" if result.reason == "no_target" else result.status)


def status_text(review: IndicatorReview, previous: FiscalQuarter, lang: Lang) -> str:
    """The status now, the numbers behind it, and whether it changed since last quarter."""
    now, before = review.status_now, review.status_before
    if now is None:
        return t("quarterly.neutral", lang)
    text = t(f"status.{_status_name(now)}", lang)
    if now.expected_to_date is not None and now.achieved is not None:
        kind = review.indicator.unit_kind
        text += "; " + t("quarterly.status_ratio", lang,
                         achieved=format_value(now.achieved, kind, "exact", lang),
                         expected=format_value(round(now.expected_to_date), kind, "exact", lang))
    if before is not None and now.reason != "no_target":
        if review.status_changed:
            text += "; " + t("quarterly.status_changed", lang, quarter=previous.label,
                             before=t(f"status.{_status_name(before)}", lang))
        else:
            text += "; " + t("quarterly.status_same", lang, quarter=previous.label)
    return text


def missing_text(review: IndicatorReview, lang: Lang) -> str:
    return ", ".join(review.missing) if review.missing else t("quarterly.none_missing", lang)


def summary_headers(quarter: FiscalQuarter, lang: Lang) -> list[str]:
    return [t("quarterly.col_indicator", lang), t("quarterly.col_value", lang),
            t("quarterly.col_previous", lang, quarter=quarter.previous().label),
            t("quarterly.col_last_year", lang, quarter=quarter.same_quarter_last_year().label),
            t("quarterly.col_ytd", lang, year=quarter.fiscal_year_label),
            t("quarterly.col_status", lang), t("quarterly.col_missing", lang)]


def summary_row(review: IndicatorReview, quarter: FiscalQuarter, lang: Lang) -> list[str]:
    kind = review.indicator.unit_kind
    return [indicator_name(review, lang), value_text(review.current, kind, lang),
            change_text(review.change_previous, review.previous, kind, lang),
            change_text(review.change_last_year, review.last_year, kind, lang),
            ytd_text(review, lang), status_text(review, quarter.previous(), lang),
            missing_text(review, lang)]


def last_review_text(last: LastReview, lang: Lang) -> str:
    if last.load_id is None or last.loaded_at is None:
        return t("quarterly.last_review_none", lang, quarter=last.quarter.label)
    until = (t("quarterly.last_review_until", lang, quarter=last.quarter.next().next().label)
             if last.until_load_id is not None else "")
    return t("quarterly.last_review", lang, quarter=last.quarter.label, load=last.load_id,
             date=format_date(last.loaded_at.date(), lang), until=until)


def revision_headers(lang: Lang) -> list[str]:
    return [t(f"quarterly.col_{c}", lang) for c in ("indicator", "quarter", "where", "load",
                                                     "old", "new")]


def revision_rows(review: QuarterReview, geographies: dict[str, str],
                  lang: Lang) -> list[list[str]]:
    rows = []
    for pillar in review.pillars:
        for item in pillar.indicators:
            rows += [_revision_row(item, r, geographies, lang) for r in item.revisions]
    return rows


def _revision_row(item: IndicatorReview, r: Revision, geographies: dict[str, str],
                  lang: Lang) -> list[str]:
    kind = item.indicator.unit_kind
    where = geographies.get(r.geography, r.geography)
    if r.breakdown != "total":
        where += f" · {r.breakdown}"
    name = indicator_name(item, lang) + (f" ({t('quarterly.value_status_demo', lang)})"
                                         if r.demo else "")
    return [name, r.quarter, where,
            t("quarterly.load_value", lang, load=r.load_id,
              date=format_date(r.loaded_at.date(), lang)),
            format_value(r.old_value, kind, "exact", lang),
            format_value(r.new_value, kind, "exact", lang)]


def missing_items(review: QuarterReview, lang: Lang) -> list[str]:
    return [t("quarterly.missing_item", lang, indicator=indicator_name(item, lang),
              quarters=", ".join(item.missing))
            for pillar in review.pillars for item in pillar.indicators if item.missing]


def chart_points(review: IndicatorReview) -> Sequence[tuple[str, float | None, bool]]:
    """(quarter label, value or None, is this quarter) for the bar chart."""
    last = review.current.quarter
    return [(v.quarter.label, v.value, v.quarter == last) for v in review.series]


def chart(review: IndicatorReview, lang: Lang) -> tuple[str, str]:
    """(SVG bar chart of the quarters, its text alternative): the page and the briefing draw
    the same chart, one as an image and one inline."""
    name = indicator_name(review, lang)
    kind = review.indicator.unit_kind
    points = chart_points(review)
    alt = t("quarterly.chart_alt", lang, indicator=name, first=points[0][0], last=points[-1][0])
    svg = quarter_bars_svg(points, lambda v: format_value(v, kind, "exact", lang), alt,
                           t("quarterly.chart_missing", lang))
    return svg, alt
