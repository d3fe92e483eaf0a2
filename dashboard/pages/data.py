"""``/data``: what each download holds, the filters as a GET form, the data dictionary, how to
cite, the licence and the researchers' notebook."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Final
from urllib.parse import urlencode

import dash
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.api_docs import api_docs
from dashboard.components.download import how_to_cite
from dashboard.components.links import href
from dashboard.components.shell import page_shell
from dashboard.components.tables import scroll_table
from dashboard.context import current_db, request_lang
from dashboard.web.downloads import NOTEBOOK_NAME
from pipelines.errors import InvalidFilterError
from pipelines.language.formatting import format_number, plural_form
from pipelines.language.i18n import Lang, normalise_lang, pick, t
from pipelines.read import strategy
from pipelines.release.export import Filters, count_public, parse_filters
from pipelines.release.names import download_name
from pipelines.release.package import for_table, release_of
from pipelines.release.public_fields import FIELDS, TABLES

PATH: Final = "/data"
FORM_FIELDS: Final = ("pillar", "indicator", "from", "to", "include_demo")


def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("data.title", lang))


dash.register_page(__name__, path=PATH, title=title, name="Data", order=50, nav="nav.data")


def _query_items(filters: Filters, lang: Lang) -> str:
    return urlencode([*filters.query_items(), ("lang", lang)])


def _download_item(table: str, filters: Filters, lang: Lang) -> Component:
    """A table's link carries the filters that apply to it (a pillar does not narrow the
    sources), and says so when some of the chosen filters do not apply."""
    own = for_table(filters, table)
    note = ([" ", html.Span(t("data.not_filtered", lang), className="table-note")]
            if own != filters else [])
    return html.Li([html.A(html.Code(f"{table}.csv"),
                           href=f"/download/{table}.csv?{_query_items(own, lang)}",
                           download=download_name(table, own, lang)),
                    " – ", t(f"data.holds_{table}", lang), *note])


def downloads_section(filters: Filters, lang: Lang) -> Component:
    items = [_download_item(table, filters, lang) for table in TABLES]
    items.append(html.Li(html.A(t("data.package", lang), download="",
                                href=f"/download/datapackage.zip?{_query_items(filters, lang)}")))
    return html.Section([html.H2(t("data.downloads_heading", lang), id="data-downloads"),
                         html.Ul(items, className="download-list"),
                         html.P(t("data.safety_note", lang))],
                        **{"aria-labelledby": "data-downloads"})


def matching_rows(count: int, with_demo: int, filters: Filters, lang: Lang) -> Component:
    """How many observations match; with none, why not and how to get some."""
    form = "none" if count == 0 else "one" if plural_form(count, lang) == "one" else "other"
    text = t(f"data.matching_rows_{form}", lang, count=format_number(count, lang, decimals=0))
    if count:
        return html.P(text, role="status", id="data-matching")
    clear = dcc.Link(t("data.clear_filters", lang), href=href(PATH, lang), id="data-clear")
    if with_demo and not filters.include_demo:
        demo = dcc.Link(t("data.include_demo", lang), id="data-include-demo",
                        href=f"{PATH}?{_query_items(replace(filters, include_demo=True), lang)}")
        reason, links = t("data.empty_demo_only", lang), [demo, " · ", clear]
    else:
        reason, links = t("data.empty_filters", lang), [clear]
    return html.Div([html.P([text, " ", reason], role="status", id="data-matching"),
                     html.P(links)], className="notice empty-result")


def _select(name: str, label: str, options: list[tuple[str, str]], chosen: tuple[str, ...],
            lang: Lang, any_label: str | None = None) -> Component:
    choices = [html.Option(any_label or t("data.filter_any", lang), value="")]
    choices += [html.Option(text, value=value, selected=value in chosen)
                for value, text in options]
    return html.Div([html.Label(label, htmlFor=f"data-filter-{name}"),
                     html.Select(choices, id=f"data-filter-{name}", name=name)],
                    className="form-field")


def _date_input(name: str, label: str, value: object) -> Component:
    return html.Div([html.Label(label, htmlFor=f"data-filter-{name}"),
                     dcc.Input(id=f"data-filter-{name}", name=name, type="text",
                               value=str(value or ""), pattern=r"\d{4}-\d{2}-\d{2}",
                               debounce=True)],
                    className="form-field")


def filter_form(filters: Filters, lang: Lang, error: str | None) -> Component:
    db = current_db()
    pillars = [(p.pillar_id, pick(p, "name", lang)) for p in strategy.pillars(db)]
    indicators = [(i.indicator_id, pick(i, "name", lang)) for i in strategy.indicators(db)]
    fields = [
        dcc.Input(type="hidden", name="lang", value=lang, id="data-filter-lang"),
        _select("pillar", t("data.filter_pillar", lang), pillars, filters.pillar, lang),
        _select("indicator", t("data.filter_indicator", lang), indicators, filters.indicator,
                lang),
        _date_input("from", t("data.filter_from", lang), filters.date_from),
        _date_input("to", t("data.filter_to", lang), filters.date_to),
        _select("include_demo", t("data.filter_demo", lang),
                [("true", t("data.yes", lang))], ("true",) if filters.include_demo else (),
                lang, any_label=t("data.no", lang)),
        html.Button(t("data.apply", lang), type="submit", className="button"),
    ]
    children: list[Component] = [html.H2(t("data.filters_heading", lang), id="data-filters"),
                                 html.P(t("data.filters_intro", lang))]
    if error:
        children.append(html.P(t("data.filter_error", lang, error=error), role="alert",
                               className="form-error"))
    children.append(html.Form(fields, method="get", action=PATH, className="filter-form"))
    return html.Section(children, **{"aria-labelledby": "data-filters"})


def _codes(values: tuple[str, ...]) -> list[Component | str]:
    parts: list[Component | str] = []
    for value in values:
        parts += [", " if parts else "", html.Code(value)]
    return parts


def dictionary_table(lang: Lang) -> Component:
    header = html.Tr([html.Th(t(f"data.col_{c}", lang), scope="col")
                      for c in ("table", "column", "column_fr", "type", "description",
                                "allowed")])
    # File names, column names, types and values are written as code: they are what the
    # files hold, in either language.
    rows = [html.Tr([html.Td(html.Code(f"{table}.csv")), html.Th(html.Code(f.name), scope="row"),
                     html.Td(html.Code(f.name_fr)), html.Td(html.Code(f.kind)),
                     html.Td(f.fr if lang == "fr" else f.en),
                     html.Td(_codes(f.allowed))])
            for table in TABLES for f in FIELDS[table]]
    return html.Section([
        html.H2(t("data.dictionary_heading", lang), id="data-dictionary"),
        scroll_table(html.Table([html.Caption(t("data.dictionary_caption", lang)),
                                 html.Thead(header), html.Tbody(rows)], className="data-table"),
                     t("data.dictionary_caption", lang)),
    ], **{"aria-labelledby": "data-dictionary"})


def notebook_section(lang: Lang) -> Component:
    return html.Section([
        html.H2(t("data.notebook_heading", lang), id="data-notebook"),
        html.P(t("data.notebook_body", lang)),
        html.P(html.A(t("data.notebook_link", lang), href=f"/download/{NOTEBOOK_NAME}",
                      download="")),
    ], **{"aria-labelledby": "data-notebook"})


def form_query(query: Mapping[str, object]) -> dict[str, object]:
    """The filter fields of the query string, without empty values (an empty select is
    "any")."""
    return {k: v for k, v in query.items() if k in FORM_FIELDS and str(v or "").strip()}


def _counts(filters: Filters, lang: Lang) -> tuple[int, int]:
    """Matching observations, and how many there would be with demonstration rows."""
    cursor = current_db().cursor()
    count = count_public(cursor, "observations", filters, lang)
    if count or filters.include_demo:
        return count, count
    return count, count_public(cursor, "observations", replace(filters, include_demo=True), lang)


def content(lang: Lang, query: Mapping[str, object]) -> list[Component]:
    db = current_db()
    error, counted = None, None
    try:
        filters = parse_filters(form_query(query))
        counted = _counts(filters, lang)
    except InvalidFilterError as problem:
        filters, error = Filters(), str(problem)
    release = release_of(db.cursor(), flask_url_root() + PATH)
    return [
        html.H1(t("data.heading", lang)),
        html.P(t("data.intro", lang), className="lead"),
        filter_form(filters, lang, error),
        matching_rows(*counted, filters, lang) if counted is not None else None,
        downloads_section(filters, lang),
        api_docs(flask_url_root(), lang),
        how_to_cite(release, lang, heading_id="data-cite"),
        notebook_section(lang),
        dictionary_table(lang),
    ]


def flask_url_root() -> str:
    import flask

    return flask.request.url_root.rstrip("/") if flask.has_request_context() else ""


def layout(lang: str = "en", **query: object) -> Component:
    language = normalise_lang(lang)
    status = strategy.site_status(current_db())
    return page_shell(lang=language, path=PATH, query=form_query(query), status=status,
                      children=content(language, query))
