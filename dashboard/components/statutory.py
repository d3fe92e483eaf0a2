"""Pure builders for the statutory review: deliverable states, baseline-vs-latest rows, the
context chart (neutral colours, one line per edition) and the tables behind every chart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Final

import pandas as pd
import plotly.graph_objects as go
from dash import html
from dash.development.base_component import Component

from dashboard.components.tables import scroll_table
from dashboard.text.formatting import format_period, format_value
from dashboard.text.i18n import Lang, t
from dashboard.text.status import marks, status_words
from pipelines.read.rows import Milestone, Progress
from pipelines.release.export import Filters
from pipelines.vocabulary import DELIVERABLE_STATES

STATES: Final = DELIVERABLE_STATES
# Neutral greys and blues: reported activity is never coloured good or bad.
NEUTRAL: Final = ("#3b4a5a", "#6b7b8c", "#1f3b57", "#8a8f96", "#4f5d6b")
DASHES: Final = ("solid", "dash", "dot", "dashdot", "longdash")
# Police-reported series across the decade (one line per Juristat edition).
CONTEXT_INDICATORS: Final = ("ca_ht_incidents", "ca_ht_rate")
DECADE_START: Final = date(2015, 1, 1)


def context_filters() -> Filters:
    """The rows the context charts draw, and their download links carry."""
    return Filters(indicator=CONTEXT_INDICATORS, date_from=DECADE_START)


def deliverable_state(status: str, status_date: date | None, as_of: date) -> str:
    """``late`` = at risk, or planned/in progress with a planned date before ``as_of``."""
    if status == "at_risk":
        return "late"
    if status in {"planned", "in_progress"} and status_date is not None and status_date < as_of:
        return "late"
    return status if status in STATES else "not_reported"


def deliverable_counts(milestones: Iterable[Milestone],
                       as_of: date) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for row in milestones:
        state = deliverable_state(row.status, row.status_date, as_of)
        counts.setdefault(row.pillar_id, Counter())[state] += 1
    return counts


def _cell(row: pd.Series, unit_kind: str, lang: Lang) -> str:
    value = format_value(row["value"], unit_kind, str(row["qualifier"]), lang)
    period = format_period(row["period_start"], row["period_end"], "stated", lang)
    return f"{value} ({period})"


def _sort_key(row: pd.Series) -> date:
    return row["period_end"] or row["period_start"] or date.min


def first_and_latest(observations: pd.DataFrame) -> dict[str, tuple[pd.Series, pd.Series]]:
    """Per indicator, its first and latest total, unsuppressed row."""
    usable = observations[(observations["breakdown"] == "total") & ~observations["suppressed"]]
    result = {}
    for indicator, rows in usable.groupby("indicator_id", sort=False):
        ordered = sorted((r for _, r in rows.iterrows()), key=_sort_key)
        result[str(indicator)] = (ordered[0], ordered[-1])
    return result


def table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
          class_name: str = "data-table") -> Component:
    """An accessible table: caption, column headers, the first cell of each row a row
    header; wrapped so it scrolls on a narrow screen and expands in print."""
    body = [html.Tr([html.Th(str(cells[0]), scope="row"), *[html.Td(c) for c in cells[1:]]])
            for cells in rows]
    return scroll_table(
        html.Table([html.Caption(caption),
                    html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
                    html.Tbody(body)], className=class_name),
        caption)


def _status(row: Progress | None, lang: Lang) -> Component:
    if row is None:
        return html.Span(t("progress.reason_context", lang))
    return html.Span(status_words(row, lang), **marks(row))


def pillar_rows(pillar_name: str, indicators: pd.DataFrame, pairs: dict, targets: pd.DataFrame,
                unit_kinds: dict[str, str], statuses: dict[str, Progress],
                lang: Lang) -> list[list[object]]:
    rows = []
    for ind in indicators.itertuples():
        if ind.indicator_id not in pairs:
            continue
        first, latest = pairs[ind.indicator_id]
        kind = unit_kinds.get(str(first["unit"]), "count")
        target = targets[targets["indicator_id"] == ind.indicator_id]
        target_text = (format_value(target.iloc[0]["target_value"], kind, "exact", lang)
                       if len(target) else t("statutory.no_target", lang))
        latest_text = (_cell(latest, kind, lang) if latest is not first
                       else t("statutory.one_figure", lang))
        note = (t("statutory.reported_flag", lang)
                if ind.interpretation == "reported_activity" else None)
        rows.append([str(ind.name), pillar_name, _cell(first, kind, lang),
                     html.Span([latest_text, html.Br() if note else None,
                                html.Small(note) if note else None]), target_text,
                     _status(statuses.get(str(ind.indicator_id)), lang)])
    return rows


def context_figure(rows: pd.DataFrame, editions: dict[str, str], title: str) -> go.Figure:
    """One line per source edition, neutral colours and dash styles, no good/bad colour."""
    figure = go.Figure()
    for index, (source, group) in enumerate(rows.groupby("source_id", sort=True)):
        ordered = group.sort_values("period_end")
        figure.add_trace(go.Scatter(
            x=[d.year for d in ordered["period_end"]], y=ordered["value"],
            mode="lines+markers", name=editions.get(str(source), str(source)),
            line={"color": NEUTRAL[index % len(NEUTRAL)], "dash": DASHES[index % len(DASHES)]}))
    figure.update_layout(
        title={"text": title, "font": {"size": 16}}, template="simple_white",
        margin={"l": 50, "r": 20, "t": 50, "b": 40}, height=340,
        legend={"orientation": "h", "y": -0.2}, xaxis={"dtick": 1})
    return figure
