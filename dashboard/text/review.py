"""The quarterly review in words: one place that turns the review's progress rows into the
localised text both the page and the briefing show, so the two always read alike. Every
figure, change and status is read from ``marts.progress``; nothing is computed here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dashboard.figures.quarter_bars import quarter_bars_svg
from dashboard.text.status import (
    demo_mark,
    is_demo,
    marks,
    status_words,
    to_date_label,
    to_date_value,
)
from pipelines.language.formatting import (
    format_date,
    format_month,
    format_number,
    format_value,
    quarter_name,
)
from pipelines.language.i18n import Lang, pick, t
from pipelines.periods import FiscalQuarter, quarter_months
from pipelines.read.review import IndicatorReview, LastReview, QuarterReview
from pipelines.read.rows import Comparison, Progress, Revision


@dataclass(frozen=True)
class Cell:
    """A table cell's text and, for a status or a figure to date, its data attributes."""

    text: str
    marks: dict[str, str] = field(default_factory=dict)


def quarter_label(quarter: FiscalQuarter, lang: Lang) -> str:
    """``2026-27Q2 (July to September 2026)`` / ``2026-27 T2 (juillet à septembre 2026)``."""
    first, last = quarter_months(quarter)
    months = t("quarterly.months", lang, first=format_month(first, lang).split(" ")[0],
               last=format_month(last, lang))
    return t("quarterly.quarter_label", lang, quarter=quarter_name(quarter.label, lang),
             months=months)


def indicator_name(review: IndicatorReview, lang: Lang) -> str:
    return pick(review.row, "name", lang)


def value_text(row: Progress, lang: Lang) -> str:
    """This quarter's value with its qualifier, and a word for revised or demonstration ones."""
    if row.value_this_quarter is None:
        return t(f"quarterly.state_{row.this_quarter_state}", lang)
    text = format_value(row.value_this_quarter, row.unit_kind,
                        row.value_this_quarter_qualifier or "exact", lang)
    word = {"revised": "value_status_revised", "demo": "value_status_demo"}.get(
        row.this_quarter_state)
    return f"{text} ({t(f'quarterly.{word}', lang)})" if word else text


def no_change_text(comparison: Comparison | None, start: date | None, lang: Lang) -> str:
    """Why there is no change to show: the compared quarter ended before the strategy began,
    or it (or this quarter) has no value (marts.quarter_comparisons)."""
    if comparison is None or comparison.reason == "compared":
        return t("quarterly.no_change", lang)
    quarter = quarter_name(comparison.compared_quarter, lang)
    began = format_date(start, lang) if start else ""
    return t(f"quarterly.no_change_{comparison.reason}", lang, quarter=quarter, date=began)


def change_text(change: float | None, percent: float | None, old: float | None,
                row: Progress, lang: Lang, why: str | None = None) -> str:
    """The change with its percentage and the earlier value; ``why`` when there is none."""
    if change is None or old is None:
        return why or t("quarterly.no_change", lang)
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    amount = format_number(abs(change), lang)
    if percent is None:
        text = t("quarterly.change_value_no_percent", lang, sign=sign, value=amount)
    else:
        written = format_number(round(abs(percent), 1), lang, decimals=1) + (
            "\u00a0%" if lang == "fr" else "%")
        text = t("quarterly.change_value", lang, sign=sign, value=amount,
                 percent=f"{sign}{written}")
    if row.change_is_approximate:
        text = t("quarterly.approximate", lang, change=text)
    previous = format_value(old, row.unit_kind, "exact", lang)
    demo = row.this_quarter_state == "demo"
    return demo_mark(f"{text}, {t('quarterly.from_value', lang, value=previous)}", demo, lang)


def ytd_text(row: Progress, lang: Lang) -> str:
    if row.measure not in ("cumulative", "annual_average"):
        return t("quarterly.not_summed", lang)
    if row.fiscal_year_to_date is None:
        return t("quarterly.missing_value", lang)
    return demo_mark(format_value(row.fiscal_year_to_date, row.unit_kind,
                                  row.fiscal_year_to_date_qualifier or "exact", lang),
                     is_demo(row) or row.this_quarter_state == "demo", lang)


def to_date_text(row: Progress, lang: Lang) -> str:
    if row.value_to_date is None:
        return t("progress.nothing_yet", lang)
    return f"{to_date_value(row, lang)} ({to_date_label(row, lang)})"


def status_text(row: Progress, lang: Lang) -> str:
    """The status, the numbers behind it, and whether it changed since last quarter."""
    text = status_words(row, lang)
    if row.expected_to_date is not None and row.value_to_date is not None:
        text += "; " + t("quarterly.status_ratio", lang,
                         achieved=demo_mark(format_value(row.value_to_date, row.unit_kind,
                                                         "exact", lang), is_demo(row), lang),
                         expected=format_value(row.expected_to_date, row.unit_kind, "exact",
                                               lang))
    if row.status_previous is not None and row.status_reason not in ("not_applicable",
                                                                     "no_target"):
        previous = quarter_name(FiscalQuarter.parse(row.as_of_quarter).previous().label, lang)
        if row.status_changed:
            before = t(f"status.{row.status_previous}", lang) \
                if row.status_previous != "not_assessed" else t("status.not_assessed", lang)
            text += "; " + t("quarterly.status_changed", lang, quarter=previous, before=before)
        else:
            text += "; " + t("quarterly.status_same", lang, quarter=previous)
    return text


def missing_text(review: IndicatorReview, lang: Lang) -> str:
    if not review.missing:
        return t("quarterly.none_missing", lang)
    return ", ".join(quarter_name(q, lang) for q in review.missing)


def summary_headers(quarter: FiscalQuarter, lang: Lang) -> list[str]:
    return [t("quarterly.col_indicator", lang), t("quarterly.col_value", lang),
            t("quarterly.col_previous", lang,
              quarter=quarter_name(quarter.previous().label, lang)),
            t("quarterly.col_last_year", lang,
              quarter=quarter_name(quarter.same_quarter_last_year().label, lang)),
            t("quarterly.col_ytd", lang, year=quarter.fiscal_year_label),
            t("quarterly.col_to_date", lang), t("quarterly.col_status", lang),
            t("quarterly.col_missing", lang)]


def summary_row(review: IndicatorReview, lang: Lang, start: date | None = None) -> list[Cell]:
    """One indicator's row; ``start`` is the day the strategy began (said when a comparison
    falls before it)."""
    row = review.row

    def why(comparison: str) -> str:
        return no_change_text(review.comparisons.get(comparison), start, lang)

    return [Cell(indicator_name(review, lang)), Cell(value_text(row, lang)),
            Cell(change_text(row.change_previous_quarter, row.change_previous_quarter_pct,
                             row.value_previous_quarter, row, lang, why("previous_quarter"))),
            Cell(change_text(row.change_same_quarter_last_year,
                             row.change_same_quarter_last_year_pct,
                             row.value_same_quarter_last_year, row, lang,
                             why("same_quarter_last_year"))),
            Cell(ytd_text(row, lang)), Cell(to_date_text(row, lang), marks(row)),
            Cell(status_text(row, lang), marks(row)), Cell(missing_text(review, lang))]


def last_review_text(last: LastReview, lang: Lang) -> str:
    quarter = quarter_name(last.quarter.label, lang)
    if last.load_id is None or last.loaded_at is None:
        return t("quarterly.last_review_none", lang, quarter=quarter)
    until = (t("quarterly.last_review_until", lang,
               quarter=quarter_name(last.quarter.next().next().label, lang))
             if last.until_load_id is not None else "")
    return t("quarterly.last_review", lang, quarter=quarter, load=last.load_id,
             date=format_date(last.loaded_at.date(), lang), until=until)


def revision_headers(lang: Lang) -> list[str]:
    return [t(f"quarterly.col_{c}", lang) for c in ("indicator", "quarter", "where", "load",
                                                     "old", "new")]


def is_provincial(revision: Revision) -> bool:
    return revision.geography == "ontario" and revision.breakdown == "total"


def revision_rows(review: QuarterReview, geographies: dict[str, str],
                  lang: Lang) -> list[list[str]]:
    """The revised provincial totals, one row each (every other revision is counted by
    :func:`revision_counts` and listed in full in the review's revisions CSV)."""
    return [_revision_row(item, r, geographies, lang) for pillar in review.pillars
            for item in pillar.indicators for r in item.revisions if is_provincial(r)]


def revision_counts(review: QuarterReview, lang: Lang) -> list[list[str]]:
    """Per indicator with a revision: how many values were revised, and how many of them
    were provincial totals."""
    return [[indicator_name(item, lang), format_number(len(item.revisions), lang),
             format_number(sum(is_provincial(r) for r in item.revisions), lang)]
            for item in review.indicators if item.revisions]


def revision_count_headers(lang: Lang) -> list[str]:
    return [t("quarterly.col_indicator", lang), t("quarterly.col_revised_all", lang),
            t("quarterly.col_revised_provincial", lang)]


def _revision_row(item: IndicatorReview, r: Revision, geographies: dict[str, str],
                  lang: Lang) -> list[str]:
    kind = item.row.unit_kind
    where = geographies.get(r.geography, r.geography)
    if r.breakdown != "total":
        where += f" · {r.breakdown}"
    demo = f" ({t('quarterly.value_status_demo', lang)})" if r.demo else ""
    return [indicator_name(item, lang) + demo, quarter_name(r.quarter, lang), where,
            t("quarterly.load_value", lang, load=r.load_id,
              date=format_date(r.loaded_at.date(), lang)),
            demo_mark(format_value(r.old_value, kind, "exact", lang), r.demo, lang),
            demo_mark(format_value(r.new_value, kind, "exact", lang), r.demo, lang)]


def missing_items(review: QuarterReview, lang: Lang) -> list[str]:
    return [t("quarterly.missing_item", lang, indicator=indicator_name(item, lang),
              quarters=missing_text(item, lang))
            for pillar in review.pillars for item in pillar.indicators if item.missing]


def chart(review: IndicatorReview, lang: Lang) -> tuple[str, str]:
    """(SVG bar chart of the quarters, its text alternative): the page and the briefing draw
    the same chart, one as an image and one inline."""
    name = indicator_name(review, lang)
    kind = review.row.unit_kind
    points = [(quarter_name(r.as_of_quarter, lang), r.value_this_quarter,
               r.as_of_quarter == review.row.as_of_quarter) for r in review.series]
    alt = t("quarterly.chart_alt", lang, indicator=name, first=points[0][0], last=points[-1][0])
    demo = any(r.this_quarter_state == "demo" for r in review.series)
    svg = quarter_bars_svg(points, lambda v: demo_mark(format_value(v, kind, "exact", lang),
                                                       demo, lang), alt,
                           t("quarterly.chart_missing", lang))
    return svg, alt
