"""Overview builders (pure): each headline indicator's figure to date or latest published
figure, its status and a small trend, all from rows already read; the deliverables by status
and the data's freshness."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.figures import figure_value
from dashboard.components.links import href
from dashboard.components.progress import status_badge, to_date_figure
from dashboard.figures.sparkline import sparkline_uri
from dashboard.text.status import is_neutral, ratio_line, to_date_value
from dashboard.text.verdict import card_line
from pipelines.language.formatting import format_timestamp
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.rows import Figure, Indicator, Progress

MILESTONE_ORDER: Final[tuple[str, ...]] = (
    "done", "in_progress", "planned", "at_risk", "not_reported")


@dataclass(frozen=True)
class Headline:
    """One headline indicator: its latest progress row, its quarters (oldest first) and its
    latest published or submitted figure."""

    indicator: Indicator
    progress: Progress | None
    history: tuple[Progress, ...]
    figure: Figure | None

    @property
    def reported_activity(self) -> bool:
        return self.indicator.interpretation == "reported_activity" or \
            self.indicator.reporting_note


def _trend(item: Headline, lang: Lang) -> Component | None:
    """A decorative sparkline of the figure to date, with its values in words beside it."""
    points = [r for r in item.history if r.value_to_date is not None and r.period_end]
    if len(points) < 2:
        return None
    uri = sparkline_uri([(r.period_end, r.value_to_date) for r in points  # type: ignore[misc]
                         if r.period_end is not None and r.value_to_date is not None])
    if uri is None:
        return None
    words = t("overview_status.trend", lang, count=len(points),
              first=to_date_value(points[0], lang), last=to_date_value(points[-1], lang))
    return html.P([html.Img(src=uri, alt="", className="sparkline", width=120, height=32), " ",
                   words], className="trend")


def _figure(item: Headline, lang: Lang) -> list[Component]:
    name = pick(item.indicator, "name", lang)
    row = item.progress
    if row is not None and row.value_to_date is not None:
        demo = row.value_to_date_status == "demo"
        return [html.H3(name, className="figure-name"), to_date_figure(row, lang),
                html.P(t("figure.demo", lang), className="figure-demo") if demo else None,
                html.P(t("chart.submissions_demo" if demo else "chart.submissions", lang),
                       className="figure-source")]
    if item.figure is not None:
        return [figure_value(item.figure, lang)]
    return [html.H3(name, className="figure-name"),
            html.P(t("overview_status.no_figure", lang))]


def _status(item: Headline, lang: Lang) -> list[Component]:
    row = item.progress
    if row is None:
        return []
    if is_neutral(row):
        return [status_badge(row, lang)]
    line = ratio_line(row, lang)
    # The one target in full: "429 of 1,100; 330 expected by now" (with or without data).
    target = card_line(row, lang) if row.target_value is not None else None
    return [status_badge(row, lang), html.P(target, className="target-line") if target else None,
            html.P(line, className="status-ratio") if line else None]


def headline_item(item: Headline, lang: Lang) -> Component:
    """What a pillar card shows of one headline indicator."""
    children = [*_figure(item, lang), *_status(item, lang)]
    if item.reported_activity:
        children.append(html.P(t("reporting_note.short", lang), className="reporting-flag"))
    children += [_trend(item, lang), html.P(dcc.Link(
        t("overview_status.details", lang, name=pick(item.indicator, "name", lang)),
        href=href(f"/indicator/{item.indicator.indicator_id}", lang)))]
    return html.Li([c for c in children if c is not None], className="figure-item")


def deliverables_summary(counts: dict[str, int], lang: Lang) -> Component:
    items = [part for status in MILESTONE_ORDER if counts.get(status)
             for part in (html.Dt(t(f"milestone_status.{status}", lang)),
                          html.Dd(str(counts[status])))]
    return html.Section([
        html.H2(t("overview_status.deliverables_heading", lang), id="overview-deliverables"),
        html.P(t("overview_status.deliverables_total", lang, count=sum(counts.values()))),
        html.Dl(items, className="facts"),
        html.P(dcc.Link(t("overview_status.deliverables_heading", lang),
                        href=href("/deliverables", lang))),
    ], className="overview-box", **{"aria-labelledby": "overview-deliverables"})


def freshness(built_at: str | None, last_submission: datetime | None, lang: Lang) -> Component:
    built = format_timestamp(built_at, lang) if built_at else t("overview_status.unknown", lang)
    submission = (t("overview_status.last_submission", lang,
                    date=format_timestamp(last_submission.isoformat(), lang))
                  if last_submission else t("overview_status.no_submission", lang))
    return html.Section([
        html.H2(t("overview_status.freshness_heading", lang), id="overview-freshness"),
        html.P(t("overview_status.built", lang, date=built)), html.P(submission),
    ], className="overview-box", **{"aria-labelledby": "overview-freshness"})
