"""``/data``: find a series and a period at once, see how many rows match and the first of
them, then download them (CSV, CSV for Excel, XLSX, the data package), read them back with
their types, cite them; the API, the notebook and the data dictionary.

The form is a plain GET form and :func:`layout` renders everything from the address, so the
page works the same without script. With script (``assets/data_finder.js``), typing in the
search box narrows the list at once and, after Apply, focus moves to the count. A refused
address (an unknown indicator, a malformed fiscal year...) shows its message in the page's
language, keeps the rest of the page as it is without filters, and answers 400
(:func:`data_status`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Final
from urllib.parse import urlencode

import dash
import flask
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.api_docs import api_docs
from dashboard.components.data_finder import filter_form, series_groups
from dashboard.components.data_query import DataQuery, form_query, parse_data_query
from dashboard.components.data_result import FIRST_ROWS, result_section
from dashboard.components.download import how_to_cite
from dashboard.components.links import href
from dashboard.components.read_snippets import read_section
from dashboard.components.shell import page_shell
from dashboard.components.tables import scroll_table
from dashboard.context import current_db, current_settings, public_root, request_lang
from dashboard.database import Database
from dashboard.web.availability_data import strategy_name
from dashboard.web.downloads import NOTEBOOK_NAME
from pipelines.errors import InvalidFilterError
from pipelines.language.i18n import Lang, normalise_lang, t
from pipelines.periods import fiscal_year_of
from pipelines.read import availability, downloads, strategy
from pipelines.release.export import Filters
from pipelines.release.names import download_name
from pipelines.release.package import for_table
from pipelines.release.problems import problem_text
from pipelines.release.public_fields import FIELDS, TABLES
from pipelines.settings import Settings

PATH: Final = "/data"

def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("data.title", lang))


def _known(db: Database, query: DataQuery) -> None:
    downloads.check_ids(db, query.filters)


def data_status(db: Database, ids: Mapping[str, str]) -> bool | int:
    """400 when the address asks for something refused (the page still shows)."""
    try:
        _known(db, parse_data_query(flask.request.args.to_dict(flat=False)))
    except InvalidFilterError:
        return 400
    return True


dash.register_page(__name__, path=PATH, title=title, name="Data", order=50, nav="nav.data",
                   validate=data_status)


def _query_items(filters: Filters, lang: Lang, extra: tuple[tuple[str, str], ...] = ()) -> str:
    return urlencode([*filters.query_items(), *extra, ("lang", lang)])


def _download_item(table: str, filters: Filters, lang: Lang) -> Component:
    """A table's links carry the filters that apply to it (a pillar does not narrow the
    sources), and say so when some of the chosen filters do not apply."""
    own = for_table(filters, table)
    note = ([" ", html.Span(t("data.not_filtered", lang), className="table-note")]
            if own != filters else [])
    return html.Li([
        html.A(html.Code(f"{table}.csv"), href=f"/download/{table}.csv?{_query_items(own, lang)}",
               download=download_name(table, own, lang)),
        " (", html.A(t("data.csv_bom", lang), download=download_name(table, own, lang),
                     href=f"/download/{table}.csv?{_query_items(own, lang, (('bom', 'true'),))}"),
        " · ", html.A(t("data.xlsx", lang), href=f"/download/{table}.xlsx?"
                      f"{_query_items(own, lang)}",
                      download=download_name(table, own, lang, "xlsx")),
        ") – ", t(f"data.holds_{table}", lang), *note])


def downloads_section(filters: Filters, lang: Lang) -> Component:
    items = [_download_item(table, filters, lang) for table in TABLES]
    items.append(html.Li(html.A(t("data.package", lang), download="",
                                href=f"/download/datapackage.zip?{_query_items(filters, lang)}")))
    return html.Section([html.H2(t("data.downloads_heading", lang), id="data-downloads"),
                         html.Ul(items, className="download-list"),
                         html.P(t("data.holds_xlsx", lang)),
                         html.P(t("data.safety_note", lang))],
                        **{"aria-labelledby": "data-downloads"})


def _codes(values: tuple[str, ...]) -> list[Component | str]:
    parts: list[Component | str] = []
    for value in values:
        parts += [", " if parts else "", html.Code(value)]
    return parts


def dictionary_table(lang: Lang) -> Component:
    columns = ("table", "column", "column_fr", "type", "role", "description", "allowed")
    header = html.Tr([html.Th(t(f"data.col_{c}", lang), scope="col") for c in columns])
    # File names, column names, types and values are written as code: they are what the
    # files hold, in either language.
    rows = [html.Tr([html.Td(html.Code(f"{table}.csv")), html.Th(html.Code(f.name), scope="row"),
                     html.Td(html.Code(f.name_fr)), html.Td(html.Code(f.kind)),
                     html.Td(t(f"xlsx.role_{f.role}", lang)),
                     html.Td(f.fr if lang == "fr" else f.en),
                     html.Td(_codes(f.allowed))])
            for table in TABLES for f in FIELDS[table]]
    # Closed until asked for: it is reference, and open it would be two thirds of the page.
    return html.Section([
        html.H2(t("data.dictionary_heading", lang), id="data-dictionary"),
        html.P(t("data.dictionary_intro", lang)),
        html.Details([
            html.Summary(t("data.dictionary_show", lang, count=len(rows))),
            scroll_table(html.Table([html.Caption(t("data.dictionary_caption", lang)),
                                     html.Thead(header), html.Tbody(rows)],
                                    className="data-table"),
                         t("data.dictionary_caption", lang))], id="data-dictionary-table"),
    ], **{"aria-labelledby": "data-dictionary"})


def notebook_section(lang: Lang) -> Component:
    return html.Section([
        html.H2(t("data.notebook_heading", lang), id="data-notebook"),
        html.P(t("data.notebook_body", lang)),
        html.P(html.A(t("data.notebook_link", lang), href=f"/download/{NOTEBOOK_NAME}",
                      download="")),
    ], **{"aria-labelledby": "data-notebook"})


def _result(db: Database, filters: Filters, lang: Lang) -> Component:
    count = downloads.count_rows(db, "observations", filters, lang)
    with_demo = count if count or filters.include_demo else downloads.count_rows(
        db, "observations", replace(filters, include_demo=True), lang)
    first = downloads.frame(db, "observations", filters, lang,
                            page=(0, FIRST_ROWS)) if count else None
    return result_section(count, with_demo, filters, first, strategy.unit_kinds(db),
                          strategy.editions(db, lang), lang)


def _years(db: Database, settings: Settings) -> tuple[int, int]:
    bounds = availability.period_bounds(db)
    first = bounds.first_day or settings.strategy_start
    return fiscal_year_of(first), fiscal_year_of(settings.strategy_end)


def _form(db: Database, query: DataQuery, lang: Lang, error: str | None) -> Component:
    settings = current_settings()
    groups = series_groups(availability.series_list(db), lang,
                           strategy_name(db, settings, lang))
    quarters_from = fiscal_year_of(settings.strategy_start)
    return filter_form(query, groups, strategy.pillars(db), _years(db, settings),
                       quarters_from, lang, error)


def content(lang: Lang, query: Mapping[str, object]) -> list[Component]:
    db = current_db()
    error = None
    try:
        asked = parse_data_query(query)
        _known(db, asked)
    except InvalidFilterError as problem:
        asked, error = DataQuery(Filters()), problem_text(problem, lang)
    release = downloads.release(db, flask_url_root() + PATH)
    return [
        html.H1(t("data.heading", lang)),
        html.P(t("data.intro", lang), className="lead"),
        html.P(dcc.Link(t("data.availability_link", lang), href=href(f"{PATH}/availability",
                                                                      lang),
                        id="data-availability-link")),
        _form(db, asked, lang, error),
        _result(db, asked.filters, lang),
        downloads_section(asked.filters, lang),
        read_section(flask_url_root(), lang),
        api_docs(flask_url_root(), lang),
        how_to_cite(release, lang, heading_id="data-cite"),
        notebook_section(lang),
        dictionary_table(lang),
    ]


def flask_url_root() -> str:
    return public_root() if flask.has_app_context() else ""


def layout(lang: str = "en", **query: object) -> Component:
    language = normalise_lang(lang)
    status = strategy.site_status(current_db())
    return page_shell(lang=language, path=PATH, query=form_query(query), status=status,
                      children=content(language, query))

