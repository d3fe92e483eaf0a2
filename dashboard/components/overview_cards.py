"""Overview builders (pure): each headline indicator's status or neutral note with a small
trend, the deliverables by status and the data's freshness."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

import pandas as pd
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.indicator_view import progress, text
from dashboard.components.links import href
from dashboard.components.status import ICONS, is_neutral
from dashboard.figures.series import (
    KIND_PERIOD,
    charted_rows,
    default_geography,
    placed,
    progress_observations,
)
from dashboard.figures.sparkline import sparkline_uri
from dashboard.indicator_queries import IndicatorData
from dashboard.queries import Figure
from dashboard.text.formatting import format_percent, format_timestamp, format_value
from dashboard.text.i18n import Lang, t

MILESTONE_ORDER: Final[tuple[str, ...]] = (
    "done",
    "in_progress",
    "planned",
    "at_risk",
    "not_reported",
)


def _trend(rows: pd.DataFrame, unit_kind: str, lang: Lang) -> Component | None:
    """A decorative sparkline of one series, with its values in words beside it."""
    series = placed(rows)
    series = series[~series["suppressed"].astype(bool) & series["value"].notna()]
    if series.empty:
        return None
    # For a cumulative indicator the trend is the total to date, not each quarter's count.
    if (series["kind"] != KIND_PERIOD).sum() > 1:
        series = series[series["kind"] != KIND_PERIOD]
    key = series["series_key"].value_counts().index[0]
    chosen = series[series["series_key"] == key].sort_values("x")
    uri = sparkline_uri([(x, float(v)) for x, v in zip(chosen["x"], chosen["value"], strict=True)])
    if uri is None:
        return None

    def written(row: pd.Series) -> str:
        return format_value(float(row["value"]), unit_kind, str(row["qualifier"]), lang)

    words = t(
        "overview_status.trend",
        lang,
        count=len(chosen),
        first=written(chosen.iloc[0]),
        last=written(chosen.iloc[-1]),
    )
    return html.P(
        [html.Img(src=uri, alt="", className="sparkline", width=120, height=32), " ", words],
        className="trend",
    )


def _status_words(
    data: IndicatorData, rows: pd.DataFrame, lang: Lang, has_figure: bool
) -> Component | None:
    meta = data.meta
    if is_neutral(str(meta["interpretation"]), bool(meta["reporting_note"])):
        # A published figure already carries the flag (pages/overview.py).
        return (
            None
            if has_figure
            else html.P(t("reporting_note.short", lang), className="reporting-flag")
        )
    if data.target is None:
        return html.P(
            [
                html.Span(ICONS["no_target"], **{"aria-hidden": "true"}),
                " ",
                t("status.no_target", lang),
            ],
            className="status-line",
        )
    result = progress(data, rows)
    words = t(f"status.{result.status}", lang)
    if result.ratio is not None:
        words += (
            " · "
            + t("status.ratio", lang)
            + " "
            + format_percent(round(result.ratio * 100, 1), lang)
        )
    return html.P(
        [html.Span(ICONS[result.status], **{"aria-hidden": "true"}), " ", words],
        className=f"status-line status-{result.status.replace('_', '-')}",
    )


def indicator_summary(data: IndicatorData, lang: Lang, *, has_figure: bool) -> list[Component]:
    """What follows the figure on a pillar card: status, trend, link to the indicator."""
    meta = data.meta
    target = data.target.target if data.target else None
    rows = charted_rows(
        data.observations, default_geography(data.observations), str(meta["measure"]), target
    )
    name = text(meta, "name", lang)
    parts: list[Component | None] = [
        None if has_figure else html.H3(name, className="figure-name"),
        None if has_figure else html.P(t("overview_status.no_figure", lang)),
        _status_words(data, rows, lang, has_figure),
        _trend(rows, str(meta["unit_kind"]), lang),
        html.P(
            dcc.Link(
                t("overview_status.details", lang, name=name),
                href=href(f"/indicator/{meta['indicator_id']}", lang),
            )
        ),
    ]
    return [p for p in parts if p is not None]


def deliverables_summary(counts: dict[str, int], lang: Lang) -> Component:
    items = [
        part
        for status in MILESTONE_ORDER
        if counts.get(status)
        for part in (html.Dt(t(f"milestone_status.{status}", lang)), html.Dd(str(counts[status])))
    ]
    return html.Section(
        [
            html.H2(t("overview_status.deliverables_heading", lang), id="overview-deliverables"),
            html.P(t("overview_status.deliverables_total", lang, count=sum(counts.values()))),
            html.Dl(items, className="facts"),
            html.P(
                dcc.Link(
                    t("overview_status.deliverables_heading", lang),
                    href=href("/deliverables", lang),
                )
            ),
        ],
        className="overview-box",
        **{"aria-labelledby": "overview-deliverables"},
    )


def freshness(built_at: str | None, last_submission: str | None, lang: Lang) -> Component:
    built = format_timestamp(built_at, lang) if built_at else t("overview_status.unknown", lang)
    submission = (
        t("overview_status.last_submission", lang, date=format_timestamp(last_submission, lang))
        if last_submission
        else t("overview_status.no_submission", lang)
    )
    return html.Section(
        [
            html.H2(t("overview_status.freshness_heading", lang), id="overview-freshness"),
            html.P(t("overview_status.built", lang, date=built)),
            html.P(submission),
        ],
        className="overview-box",
        **{"aria-labelledby": "overview-freshness"},
    )


SUBMITTED_STATUSES = frozenset({"submitted", "revised", "demo"})


def total_to_date(figure: Figure, data: IndicatorData) -> Figure | None:
    """The figure of a cumulative indicator re-expressed as its total to date, when its latest
    value is a quarterly submission (None otherwise: a published total is already one)."""
    if data.meta["measure"] != "cumulative" or figure.status not in SUBMITTED_STATUSES:
        return None
    target = data.target.target if data.target else None
    rows = charted_rows(
        data.observations, default_geography(data.observations), "cumulative", target
    )
    to_date = [o for o in progress_observations(rows) if o.value is not None and o.period_end]
    if not to_date:
        return None
    latest = max(to_date, key=lambda o: o.period_end)  # type: ignore[arg-type,return-value]
    starts = [o.period_start for o in to_date if o.period_start is not None]
    return replace(
        figure,
        value=latest.value,
        qualifier=latest.qualifier,
        period_start=min(starts) if starts else None,
        period_end=latest.period_end,
        period_basis="stated",
    )
