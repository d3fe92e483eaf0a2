"""The quarterly review's "as shown at the review" beside "as known today": what changed in
the review's figures and statuses since it happened. Pure: the rows of
:func:`pipelines.read.as_of.review_then_and_now` in, a section out. Both versions are rows the
build kept (``marts.progress_vintages`` and ``marts.progress``); nothing is computed here.

Cells showing a status or a figure to date carry :func:`dashboard.text.status.marks` of their
row; those showing the review's version also carry ``data-as-of`` (the review's date), since
they show a vintage rather than today's row.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.components.tables import scroll_table
from dashboard.text.review import quarter_label, to_date_text, value_text
from dashboard.text.status import marks, status_words
from pipelines.language.formatting import format_date
from pipelines.language.i18n import Lang, pick, t
from pipelines.read.as_of import Compared, ReviewThenAndNow
from pipelines.read.rows import Progress

SECTION_ID = "quarterly-then-and-now"
PROGRESS_CSV = "/download/progress.csv"
WORDS: dict[str, Callable[[Progress, Lang], str]] = {
    "value_this_quarter": value_text, "value_to_date": to_date_text, "status": status_words}
MARKED = frozenset({"value_to_date", "status"})  # a status or a figure to date


def _cell(row: Progress | None, what: str, lang: Lang, as_of: str | None) -> Component:
    if row is None:
        return html.Td(t("review_then.no_row", lang))
    attributes = marks(row) if what in MARKED else {}
    if as_of and attributes:
        attributes["data-as-of"] = as_of
    return html.Td(WORDS[what](row, lang), **attributes)


def _rows(item: Compared, as_of: str, lang: Lang) -> list[Component]:
    today = item.today
    link = dcc.Link(pick(today, "name", lang), href=href(
        f"/indicator/{today.indicator_id}", lang, {"as_of": as_of}),
        title=t("review_then.view_then", lang))
    return [html.Tr([html.Th(link, scope="row") if n == 0 else html.Td(""),
                     html.Td(t(f"review_then.what_{what}", lang)),
                     _cell(item.at_review, what, lang, as_of), _cell(today, what, lang, None)])
            for n, what in enumerate(item.changed)]


def _table(data: ReviewThenAndNow, as_of: str, lang: Lang) -> Component:
    caption = t("review_then.caption", lang, quarter=quarter_label(data.quarter, lang))
    headers = [t("review_then.col_indicator", lang), t("review_then.col_what", lang),
               t("review_then.col_then", lang, date=format_date(
                   data.reviewed_at.date(), lang) if data.reviewed_at else ""),
               t("review_then.col_now", lang)]
    body = [row for item in data.changed for row in _rows(item, as_of, lang)]
    return scroll_table(
        html.Table([html.Caption(caption),
                    html.Thead(html.Tr([html.Th(h, scope="col") for h in headers])),
                    html.Tbody(body)], className="data-table"), caption)


def _downloads(data: ReviewThenAndNow, as_of: str, lang: Lang) -> Component:
    demo = any(r.this_quarter_state == "demo" or r.value_to_date_status == "demo"
               for item in data.indicators for r in (item.today, item.at_review) if r)
    query = {"quarter": data.quarter.label, "lang": lang,
             **({"include_demo": "true"} if demo else {})}
    then = f"{PROGRESS_CSV}?{urlencode({**query, 'as_of': as_of})}"
    return html.P([t("review_then.downloads", lang), " ",
                   html.A(t("review_then.download_then", lang), href=then, download="",
                          id="quarterly-progress-then"), " · ",
                   html.A(t("review_then.download_now", lang), download="",
                          href=f"{PROGRESS_CSV}?{urlencode(query)}")])


def review_then_section(data: ReviewThenAndNow, lang: Lang) -> Component:
    quarter = quarter_label(data.quarter, lang)
    children: list[Component] = [html.H2(t("review_then.heading", lang), id=SECTION_ID)]
    if data.reviewed_at is None:
        children.append(html.P(t("review_then.not_reviewed", lang, quarter=quarter)))
    else:
        as_of = data.reviewed_at.date().isoformat()
        children.append(html.P(t("review_then.intro", lang, quarter=quarter, date=format_date(
            data.reviewed_at.date(), lang))))
        if data.changed:
            children += [html.P(t("review_then.changed_count", lang, count=len(data.changed),
                                  total=len(data.indicators))), _table(data, as_of, lang)]
        else:
            children.append(html.P(t("review_then.unchanged", lang)))
        children.append(_downloads(data, as_of, lang))
    return html.Section(children, className="quarterly-then-and-now",
                        **{"aria-labelledby": SECTION_ID})
