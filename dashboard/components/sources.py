"""The sources of an indicator: each published document with the words each figure came
from (quoted in the document's language) and how its period and value were read, and the
quarterly submissions summarised."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from dashboard.figures.series import SUBMISSIONS_PREFIX
from pipelines.language.formatting import format_date, format_period, format_value
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.rows import Observation, SubmissionSummary, TargetInfo


def _published(value: str | None, lang: Lang) -> str:
    if not value:
        return t("indicator.undated", lang)
    return t("indicator.published", lang, date=value)


def _basis(row: Observation, lang: Lang) -> Component:
    """How the figure was read: its period basis, a derived value said as such, and the note
    saying from what (docs/architecture.md › Domain rules: periods)."""
    sentences = [t(f"period_basis.{row.period_basis}", lang)]
    if row.value_basis == "derived":
        sentences.insert(0, t("value_basis.derived", lang))
    note = pick(row, "note", lang)
    # data-* attributes let tests and scripts read the basis without parsing the words.
    marks = {"data-period-basis": row.period_basis, "data-value-basis": row.value_basis}
    return html.P(" ".join([*sentences, *([note] if note else [])]), className="figure-basis",
                  **marks)


def _figure_item(row: Observation, lang: Lang) -> Component:
    value = format_value(None if row.suppressed else row.value, row.unit_kind, row.qualifier,
                         lang, value_high=row.value_high)
    period = format_period(row.period_start, row.period_end, row.period_basis, lang)
    return html.Li([
        html.P(t("indicator.figure_line", lang, value=value, period=period,
                 geography=pick(row, "geography", lang))),
        _basis(row, lang),
        html.Blockquote(row.locator, lang=row.source_language or lang, className="locator"),
    ])


def _document(rows: list[Observation], lang: Lang) -> Component:
    first = rows[0]
    cite = html.Cite(first.title or first.source_id, lang=first.source_language or lang)
    heading = [html.A(cite, href=first.url) if first.url else cite]
    publisher = first.publisher_fr if lang == "fr" else first.publisher
    edition = first.edition_fr if lang == "fr" else first.edition_en
    details = ", ".join(p for p in (publisher, edition, _published(first.published, lang)) if p)
    return html.Li([
        html.P([*heading, html.Br(), details]),
        html.Details([html.Summary(t("indicator.quote_label", lang)),
                      html.Ul([_figure_item(r, lang) for r in rows], className="locators")],
                     open=len(rows) <= 3),
    ], className="source")


def _submissions(summary: SubmissionSummary, lang: Lang) -> Component:
    demo = summary.series_source.endswith("demo")
    name = t("chart.submissions_demo" if demo else "chart.submissions", lang)
    latest = format_date(summary.latest, lang) if summary.latest else t("status.none", lang)
    return html.Li(html.P(t("indicator.submission_source", lang, name=name,
                            count=summary.figures, latest=latest)), className="source")


def sources_list(observations: tuple[Observation, ...], lang: Lang,
                 submissions: tuple[SubmissionSummary, ...] = ()) -> Component:
    """Each published document with its quoted figures, then each kind of submission."""
    documents: dict[str, list[Observation]] = {}
    for row in observations:
        if not row.series_source.startswith(SUBMISSIONS_PREFIX):
            documents.setdefault(row.series_source, []).append(row)
    items = [_document(rows, lang) for rows in documents.values()]
    items += [_submissions(s, lang) for s in submissions]
    return html.Ul(items, className="sources-list")


def target_source(row: TargetInfo, lang: Lang) -> Component:
    """Where the target comes from, with the strategy's own words."""
    edition = row.edition_fr if lang == "fr" else row.edition_en
    publisher = row.publisher_fr if lang == "fr" else row.publisher
    details = ", ".join(p for p in (publisher, edition) if p)
    note = row.note_fr if lang == "fr" else row.note_en
    return html.Li([
        html.P([html.Strong(t("status.target_source", lang)),
                " : " if lang == "fr" else ": ", details]),
        html.Blockquote(row.locator, lang=row.source_language or lang, className="locator"),
        html.P(note) if note else None,
    ], className="source")
