"""The ``/data`` form: find a series and a period at once (pure: rows in, components out).

A plain GET form (it works without script): a box whose words narrow the list of
indicators, the indicators grouped by strategy and pillar (the 2025–2030 strategy's first,
then every other series by topic) and sorted by name in the page's language (Unicode
collation, :mod:`pipelines.language.collation`), a fiscal-year-and-quarter range, exact dates
for any other period, and Apply. The server hides the indicators the words do not match (the
chosen one always stays); with script ``assets/data_finder.js`` does the same as one types.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.data_query import DataQuery
from pipelines.language.collation import collated, matches
from pipelines.language.formatting import fiscal_year_label as year_words
from pipelines.language.formatting import format_period, quarter_name
from pipelines.language.i18n import Lang, t
from pipelines.periods import FiscalQuarter, fiscal_year_label
from pipelines.read.rows import Pillar, SeriesEntry

PATH: Final = "/data"
# Where the form sends the reader: the result, so a keyboard or screen reader user lands on
# the count after Apply even without script.
RESULT_ANCHOR: Final = "data-result"


@dataclass(frozen=True)
class SeriesGroup:
    key: str  # the pillar, "strategy_wide" or the topic
    label: str
    entries: tuple[SeriesEntry, ...]


def _name(entry: SeriesEntry, lang: Lang) -> str:
    return entry.name_fr if lang == "fr" else entry.name_en


def series_groups(entries: Iterable[SeriesEntry], lang: Lang,
                  strategy_name: str) -> list[SeriesGroup]:
    """The indicators by group (the order the query gives), each sorted by name."""
    groups: dict[str, list[SeriesEntry]] = {}
    for entry in sorted(entries, key=lambda e: e.subgroup_order):
        groups.setdefault(entry.subgroup, []).append(entry)
    found = []
    for key, members in groups.items():
        first = members[0]
        if first.pillar_id:
            name = (first.pillar_fr if lang == "fr" else first.pillar_en) or key
            label = t("data.group_pillar", lang, strategy=strategy_name, pillar=name)
        elif first.in_strategy:
            label = t("data.group_strategy_wide", lang, strategy=strategy_name)
        else:
            label = t("data.group_other", lang, topic=t(f"series_group.{key}", lang))
        found.append(SeriesGroup(key, label, tuple(collated(members,
                                                             lambda e: _name(e, lang)))))
    return found


def shown(entry: SeriesEntry, q: str, chosen: tuple[str, ...], lang: Lang) -> bool:
    """Whether the list shows ``entry`` for the words ``q`` (the chosen ones always)."""
    return entry.indicator_id in chosen or matches(q, _name(entry, lang), entry.indicator_id)


def series_select(groups: list[SeriesGroup], query: DataQuery, lang: Lang) -> Component:
    chosen = query.filters.indicator
    children: list[Component] = [html.Option(t("data.filter_any_indicator", lang), value="",
                                             selected=not chosen)]
    for group in groups:
        options = [html.Option(_name(e, lang), value=e.indicator_id,
                               selected=e.indicator_id in chosen,
                               hidden=not shown(e, query.q, chosen, lang))
                   for e in group.entries]
        children.append(html.Optgroup(options, label=group.label,
                                      hidden=all(o.hidden for o in options)))
    return html.Select(children, id="data-filter-indicator", name="indicator",
                       multiple=len(chosen) > 1)


def shown_count(groups: list[SeriesGroup], query: DataQuery, lang: Lang) -> str:
    entries = [e for g in groups for e in g.entries]
    count = sum(shown(e, query.q, query.filters.indicator, lang) for e in entries)
    return t("data.series_shown", lang, shown=count, total=len(entries))


def finder(groups: list[SeriesGroup], query: DataQuery, lang: Lang) -> Component:
    """The type-to-filter box and the grouped list of indicators."""
    return html.Div([
        html.Div([
            # The hint is inside the label: dcc.Input takes no aria-describedby.
            html.Label([t("data.filter_q", lang), " ",
                        html.Span(t("data.filter_q_hint", lang), className="hint")],
                       htmlFor="data-filter-q"),
            html.Div([
                dcc.Input(id="data-filter-q", name="q", type="search", value=query.q,
                          debounce=False, autoComplete="off"),
                html.Button(t("data.filter_q_button", lang), type="submit",
                            className="button secondary", id="data-filter-q-submit"),
            ], className="inline-field"),
        ], className="form-field wide"),
        html.Div([
            html.Label(t("data.filter_indicator", lang), htmlFor="data-filter-indicator"),
            series_select(groups, query, lang),
            html.P(shown_count(groups, query, lang), id="data-series-count",
                   className="hint", **{"aria-live": "polite", "data-template": t(
                       "data.series_shown", lang, shown="{shown}", total="{total}")}),
        ], className="form-field wide"),
    ], className="series-finder")


def _period_options(first_year: int, last_year: int, quarters_from: int,
                    lang: Lang) -> list[Component]:
    years = [html.Option(t("data.fiscal_year_option", lang, year=year_words(year, lang)),
                         value=fiscal_year_label(year))
             for year in range(last_year, first_year - 1, -1)]
    groups: list[Component] = [html.Optgroup(years, label=t("data.fiscal_years", lang))]
    for year in range(last_year, quarters_from - 1, -1):
        quarters = [FiscalQuarter(year, n) for n in range(1, 5)]
        groups.append(html.Optgroup(
            [html.Option(t("data.quarter_option", lang, quarter=quarter_name(q.label, lang),
                           months=format_period(q.start, q.end, "stated", lang)),
                         value=q.label) for q in quarters],
            label=t("data.quarters_of", lang, year=year_words(year, lang))))
    return groups


def _chosen(options: list[Component], value: str) -> list[Component]:
    for group in options:
        for option in group.children:
            option.selected = option.value == value
    return options


def period_picker(query: DataQuery, years: tuple[int, int], quarters_from: int,
                  lang: Lang) -> Component:
    """From and To, each a fiscal year or quarter; exact dates below them."""
    fields = []
    for name, value in (("fiscal_from", query.fiscal_from), ("fiscal_to", query.fiscal_to)):
        options = _chosen(_period_options(*years, quarters_from, lang), value)
        fields.append(html.Div([
            html.Label(t(f"data.filter_{name}", lang), htmlFor=f"data-filter-{name}"),
            html.Select([html.Option(t("data.filter_any_period", lang), value="",
                                     selected=not value), *options],
                        id=f"data-filter-{name}", name=name),
        ], className="form-field"))
    dates = [(name, label, value) for name, label, value in (
        ("from", t("data.filter_from", lang), query.filters.date_from),
        ("to", t("data.filter_to", lang), query.filters.date_to))]
    fiscal = bool(query.fiscal_from or query.fiscal_to)
    exact = html.Details([
        html.Summary(t("data.exact_dates", lang)),
        html.P(t("data.exact_dates_hint", lang), className="hint"),
        html.Div([_date_input(name, label, None if fiscal else value)
                  for name, label, value in dates], className="filter-form"),
    ], open=bool(not fiscal and (query.filters.date_from or query.filters.date_to)))
    return html.Fieldset([html.Legend(t("data.period_legend", lang)),
                          html.Div(fields, className="filter-form"), exact],
                         className="period-picker")


def _date_input(name: str, label: str, value: object) -> Component:
    return html.Div([html.Label(label, htmlFor=f"data-filter-{name}"),
                     dcc.Input(id=f"data-filter-{name}", name=name, type="text",
                               value=str(value or ""), pattern=r"\d{4}-\d{2}-\d{2}",
                               debounce=True)],
                    className="form-field")


def _select(name: str, label: str, options: list[tuple[str, str]], chosen: tuple[str, ...],
            any_label: str) -> Component:
    choices = [html.Option(any_label, value="", selected=not chosen)]
    choices += [html.Option(text, value=value, selected=value in chosen)
                for value, text in options]
    return html.Div([html.Label(label, htmlFor=f"data-filter-{name}"),
                     html.Select(choices, id=f"data-filter-{name}", name=name)],
                    className="form-field")


def filter_form(query: DataQuery, groups: list[SeriesGroup], pillars: list[Pillar],
                years: tuple[int, int], quarters_from: int, lang: Lang,
                error: str | None) -> Component:
    """The whole form, with the refused address's message above it."""
    filters = query.filters
    pillar_options = [(p.pillar_id, p.name_fr if lang == "fr" else p.name_en) for p in pillars]
    fields = [
        dcc.Input(type="hidden", name="lang", value=lang, id="data-filter-lang"),
        finder(groups, query, lang),
        period_picker(query, years, quarters_from, lang),
        html.Div([
            _select("pillar", t("data.filter_pillar", lang), pillar_options, filters.pillar,
                    t("data.filter_any", lang)),
            _select("include_demo", t("data.filter_demo", lang),
                    [("true", t("data.yes", lang))],
                    ("true",) if filters.include_demo else (), t("data.no", lang)),
        ], className="filter-form"),
        html.Button(t("data.apply", lang), type="submit", className="button",
                    id="data-apply"),
    ]
    children: list[Component] = [html.H2(t("data.filters_heading", lang), id="data-filters"),
                                 html.P(t("data.filters_intro", lang))]
    if error:
        children.append(html.P(t("data.filter_error", lang, error=error), role="alert",
                               className="form-error", id="data-filter-error"))
    children.append(html.Form(fields, method="get", action=f"{PATH}#{RESULT_ANCHOR}",
                              className="data-form", id="data-form"))
    return html.Section(children, **{"aria-labelledby": "data-filters"})
