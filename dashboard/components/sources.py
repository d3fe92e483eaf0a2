"""The sources of an indicator: each published document with the words each figure came
from (quoted in the document's language), and the quarterly submissions summarised."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from dash import html
from dash.development.base_component import Component

from dashboard.figures.series import SUBMISSIONS_PREFIX
from dashboard.indicator_queries import TargetRow
from dashboard.text.formatting import format_date, format_period, format_value
from dashboard.text.i18n import Lang, t


def _published(value: object, lang: Lang) -> str:
    if not isinstance(value, str) or not value:
        return t("indicator.undated", lang)
    return t("indicator.published", lang, date=value)


def _high_end(row: pd.Series) -> float | None:
    high = row.get("value_high")
    return None if high is None or pd.isna(high) else float(high)


def _figure_item(row: pd.Series, lang: Lang) -> Component:
    value = (
        t("value.suppressed", lang)
        if bool(row["suppressed"]) or pd.isna(row["value"])
        else format_value(float(row["value"]), str(row["unit_kind"]), str(row["qualifier"]), lang,
                          value_high=_high_end(row))
    )
    period = format_period(row["period_start"], row["period_end"], str(row["period_basis"]), lang)
    quote_lang = row["source_language"] if isinstance(row["source_language"], str) else lang
    return html.Li(
        [
            html.P(
                t(
                    "indicator.figure_line",
                    lang,
                    value=value,
                    period=period,
                    geography=row[f"geography_{lang}"],
                )
            ),
            _basis(row, lang),
            html.Blockquote(str(row["locator"]), lang=quote_lang, className="locator"),
        ]
    )


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _basis(row: pd.Series, lang: Lang) -> Component:
    """How the figure was read: its period basis, a derived value said as such, and the note
    saying from what (README, Architecture › Domain rules: periods). ``value_basis`` may be
    absent from older queries; a missing one is read as printed."""
    period_basis = str(row["period_basis"])
    value_basis = _text_or_none(row.get("value_basis")) or "printed"
    sentences = [t(f"period_basis.{period_basis}", lang)]
    if value_basis == "derived":
        sentences.insert(0, t("value_basis.derived", lang))
    note = _text_or_none(row.get(f"note_{lang}"))
    # data-* attributes let tests and scripts read the basis without parsing the words.
    data: dict[str, Any] = {"data-period-basis": period_basis, "data-value-basis": value_basis}
    return html.P(
        " ".join([*sentences, *([note] if note else [])]), className="figure-basis", **data
    )


def _document(group: pd.DataFrame, lang: Lang) -> Component:
    first = group.iloc[0]
    title = str(first["title"]) if isinstance(first["title"], str) else str(first["source_id"])
    title_lang = first["source_language"] if isinstance(first["source_language"], str) else lang
    cite = html.Cite(title, lang=title_lang)
    heading = [html.A(cite, href=first["url"]) if isinstance(first["url"], str) else cite]
    edition = first[f"edition_{lang}"]
    details = ", ".join(
        str(p)
        for p in (first["publisher_fr" if lang == "fr" else "publisher"], edition,
                  _published(first["published"], lang))
        if isinstance(p, str) and p
    )
    return html.Li(
        [
            html.P([*heading, html.Br(), details]),
            html.Details(
                [
                    html.Summary(t("indicator.quote_label", lang)),
                    html.Ul(
                        [_figure_item(r, lang) for _, r in group.iterrows()], className="locators"
                    ),
                ],
                open=len(group) <= 3,
            ),
        ],
        className="source",
    )


def _submissions(
    group: pd.DataFrame, lang: Lang, summary: tuple[int, date | None] | None = None
) -> Component:
    demo = str(group["series_source"].iloc[0]).endswith("demo")
    name = t("chart.submissions_demo" if demo else "chart.submissions", lang)
    # The summary counts the breakdowns too, which the page does not fetch row by row.
    count, latest = summary or (len(group), max(d for d in group["period_end"] if d is not None))
    return html.Li(
        html.P(
            t(
                "indicator.submission_source",
                lang,
                name=name,
                count=count,
                latest=format_date(latest, lang),
            )
        ),
        className="source",
    )


def sources_list(
    obs: pd.DataFrame,
    lang: Lang,
    submissions: dict[str, tuple[int, date | None]] | None = None,
) -> Component:
    """``submissions``: figures and latest period per kind of submission, when ``obs`` holds
    only their totals (see ``indicator_queries.QUERIES["observations"]``)."""
    items = []
    for source, group in obs.groupby("series_source", sort=False):
        if str(source).startswith(SUBMISSIONS_PREFIX):
            items.append(_submissions(group, lang, (submissions or {}).get(str(source))))
        else:
            items.append(_document(group, lang))
    return html.Ul(items, className="sources-list")


def target_source(row: TargetRow, lang: Lang) -> Component:
    """Where the target comes from, with the strategy's own words."""
    edition = row.edition_fr if lang == "fr" else row.edition_en
    publisher = row.publisher_fr if lang == "fr" else row.publisher
    details = ", ".join(p for p in (publisher, edition) if p)
    note = row.note_fr if lang == "fr" else row.note_en
    return html.Li(
        [
            html.P(
                [
                    html.Strong(t("status.target_source", lang)),
                    " : " if lang == "fr" else ": ",
                    details,
                ]
            ),
            html.Blockquote(row.locator, lang=row.source_language or lang, className="locator"),
            html.P(note) if note else None,
        ],
        className="source",
    )
