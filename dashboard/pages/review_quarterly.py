"""``/review/quarterly?quarter=2026-27Q2``: where are we this quarter?

The quarter lives in the URL. Without one, the latest quarter with data is shown. A malformed
quarter shows a message and the latest quarter, with HTTP 400; a well-formed quarter without
data shows a message and the picker, with HTTP 404 (see :func:`quarter_status`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import dash
import flask
from dash import Input, Output, html
from dash.development.base_component import Component

from dashboard.components.quarterly import (
    changes_section,
    export_box,
    pillar_section,
    quarter_picker,
    rules_section,
)
from dashboard.components.quarterly_empty import awaiting_body
from dashboard.components.quarterly_summary import (
    changes_since_section,
    deliverables_section,
    summary_block,
    target_line,
)
from dashboard.components.review_then import review_then_section
from dashboard.components.shell import page_shell
from dashboard.context import current_db, request_lang
from dashboard.pages.review_statutory import reported_note
from dashboard.text.review import quarter_label
from pipelines.language.i18n import Lang, normalise_lang, t
from pipelines.periods import FiscalQuarter
from pipelines.read import strategy
from pipelines.read.as_of import review_then_and_now
from pipelines.read.review import QuarterReview, available_quarters, awaiting, quarter_review

PATH: Final = "/review/quarterly"
# window.print() needs a click (browsers refuse it otherwise); the store only gives the
# clientside callback an output.
PRINT: Final[str] = "function (n) { if (n) { window.print(); } return n || 0; }"


def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("quarterly.title", lang))


dash.clientside_callback(PRINT, Output("quarterly-printed", "data"),
                         Input("quarterly-print", "n_clicks"), prevent_initial_call=True)


def _quarters() -> tuple[FiscalQuarter, ...]:
    return available_quarters(current_db())


def quarter_status(value: str | None) -> int:
    """For the HTTP status hook: 400 malformed, 404 no data for it, else 200."""
    if not value:
        return 200
    try:
        quarter = FiscalQuarter.parse(value)
    except ValueError:
        return 400
    return 200 if quarter in _quarters() else 404


def validate(_db: object, _ids: Mapping[str, str]) -> int:
    return quarter_status(flask.request.args.get("quarter"))


dash.register_page(__name__, path=PATH, title=title, name="Quarterly review", order=35,
                   nav="nav.quarterly", validate=validate)


def _choose(value: str | None, quarters: tuple[FiscalQuarter, ...],
            lang: Lang) -> tuple[FiscalQuarter | None, str | None]:
    """The quarter to show and a message about the one asked for, if it cannot be shown."""
    latest = quarters[0] if quarters else None
    if not value:
        return latest, None
    try:
        quarter = FiscalQuarter.parse(value)
    except ValueError:
        return latest, t("quarterly.malformed", lang, value=value[:40])
    if quarter not in quarters:
        return None, t("quarterly.unknown", lang, quarter=quarter.label)
    return quarter, None


def _review_body(review: QuarterReview, lang: Lang) -> list[Component]:
    geographies = strategy.geography_names(current_db(), lang)
    return [html.P(t("quarterly.intro", lang), className="lead"),
            export_box(review.quarter, lang), rules_section(lang),
            *[pillar_section(p, review, lang) for p in review.pillars],
            deliverables_section(review, lang), changes_section(review, geographies, lang),
            review_then_section(review_then_and_now(current_db(), review.quarter), lang),
            reported_note(lang)]


def content(value: str | None, lang: Lang) -> list[Component]:
    """The summary first (it must fit the first screen), then the picker and the details."""
    quarters = _quarters()
    quarter, message = _choose(value, quarters, lang)
    heading = (t("quarterly.heading", lang, quarter=quarter_label(quarter, lang)) if quarter
               else t("quarterly.heading_plain", lang))
    children: list[Component] = [html.H1(heading)]
    if message:
        children.append(html.P(message, className="form-error", role="alert",
                               id="quarterly-message"))
    if not quarters:
        return [*children, *awaiting_body(awaiting(current_db()), lang)]
    if quarter is None:
        return [*children, quarter_picker(quarters, quarter, lang)]
    review = quarter_review(current_db(), quarter, quarters)
    return [*children, summary_block(review, lang), target_line(review, lang),
            quarter_picker(quarters, quarter, lang),
            changes_since_section(review, lang), *_review_body(review, lang)]


def layout(lang: str = "en", quarter: str | None = None, **_query: object) -> Component:
    language = normalise_lang(lang)
    status = strategy.site_status(current_db())
    body = [*content(quarter, language), dash.dcc.Store(id="quarterly-printed")]
    return page_shell(lang=language, path=PATH, query={"quarter": quarter} if quarter else {},
                      status=status, children=body)
