"""The status box of an indicator page: the status in words with its icon, and every number
behind it, all read from the indicator's latest ``marts.progress`` row. Reported-activity and
context indicators get the neutral note instead: a rise in reported cases can mean the
strategy is working."""

from __future__ import annotations

from typing import Final

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.components.progress import ICONS, status_badge
from dashboard.text.status import basis, demo_mark, is_demo, marks, to_date_label, to_date_value
from pipelines.language.formatting import format_date, format_period, format_share, format_value
from pipelines.language.i18n import Lang, t
from pipelines.read.rows import Progress

# The strategy's own sentence (its French text is the source; the English is our translation).
STRATEGY_SENTENCE_FR: Final[str] = (
    "Si, en conséquence des actions mises en œuvre dans le cadre de cette stratégie, un plus "
    "grand nombre de victimes se sentent soutenues et prêtes à se faire connaître et si les "
    "forces de l’ordre sont mieux à même de cibler et de trouver les auteurs, une augmentation "
    "des cas signalés sera au contraire un indicateur de son efficacité."
)


def _neutral_badge(row: Progress | None, context: bool, lang: Lang) -> Component:
    if row is not None:
        return status_badge(row, lang)
    key = "progress.reason_context" if context else "progress.reason_not_applicable"
    return html.P([html.Span(ICONS["neutral"], className="status-icon",
                             **{"aria-hidden": "true"}), " ", t(key, lang)],
                  className="status-badge status-not-assessed")


def neutral_note(row: Progress | None, lang: Lang, *, context: bool = False) -> Component:
    """The note for reported-activity and context figures, citing the strategy. ``row`` is
    None for an indicator outside the pillars (no progress row)."""
    context = context or (row is not None and row.interpretation == "context")
    if context:
        return html.Div([_neutral_badge(row, True, lang), html.P(t("status.context_body", lang))],
                        className="status-box status-box-neutral")
    original = ([html.P(t("status.quote_original", lang)),
                 html.Blockquote(f"« {STRATEGY_SENTENCE_FR} »", lang="fr")]
                if lang == "en" else [])
    return html.Div([_neutral_badge(row, False, lang), html.P(t("reporting_note.body", lang)),
                     html.P(t("reporting_note.quote", lang), className="reporting-quote"),
                     *original], className="status-box status-box-neutral reporting-note")


def _pair(label: str, value: str | Component) -> list[Component]:
    return [html.Dt(label), html.Dd(value)]


def _value(row: Progress, value: float | None, lang: Lang) -> str:
    if value is None:
        return t("status.none", lang)
    return format_value(value, row.unit_kind, "exact", lang)


def _target_numbers(row: Progress, lang: Lang) -> list[Component]:
    assert row.target_period_start is not None and row.target_period_end is not None
    period = format_period(row.target_period_start, row.target_period_end, "stated", lang)
    target = t("status.target_value", lang, value=_value(row, row.target_value, lang),
               date=format_date(row.target_period_end, lang), period=period)
    baseline = _value(row, row.baseline_value, lang)
    if row.baseline_is_assumed:
        baseline = t("status.baseline_assumed", lang, value=baseline)
    return [*_pair(t("status.target", lang), target), *_pair(t("status.baseline", lang),
                                                              baseline)]


def _achieved_numbers(row: Progress, lang: Lang) -> list[Component]:
    achieved = html.Span([
        html.Span(to_date_value(row, lang), **marks(row)),
        f" ({to_date_label(row, lang)})"]) if row.value_to_date is not None \
        else t("target_full.none_yet", lang)
    # Rounded once, by the formatting module, to the precision the method publishes.
    ratio = (t("status.none", lang) if row.ratio is None
             else demo_mark(format_share(row.ratio, lang), is_demo(row), lang))
    elapsed = (t("status.none", lang) if row.share_elapsed is None
               else format_share(row.share_elapsed, lang))
    reached = (t("target_full.none_yet", lang)
               if row.value_to_date is None or not row.target_value
               else demo_mark(format_share(row.value_to_date / row.target_value, lang),
                              is_demo(row), lang))
    as_of = t("status.none", lang) if row.assessed_at is None else format_date(row.assessed_at,
                                                                                lang)
    return [*_pair(t("status.achieved_value", lang), achieved),
            *_pair(t("status.expected", lang), _value(row, row.expected_to_date, lang)),
            *_pair(t("target_full.reached", lang), reached),
            *_pair(t("status.ratio", lang), ratio), *_pair(t("status.elapsed", lang), elapsed),
            *_pair(t("status.as_of", lang), as_of)]


def target_status(row: Progress, lang: Lang) -> Component:
    """Status against a published target, with every number behind it."""
    children: list[Component] = [
        status_badge(row, lang),
        html.P(basis(row, lang), className="status-basis"),
        html.Dl([*_target_numbers(row, lang), *_achieved_numbers(row, lang)],
                className="status-numbers"),
    ]
    if row.value_to_date_qualifier in {"more_than", "at_least"}:
        children.append(html.P(t("status.lower_bound_note", lang)))
    children.append(html.P(t("status.thresholds", lang), className="status-thresholds"))
    children.append(html.P(dcc.Link(t("indicator.method_link", lang),
                                    href=href("/about", lang) + "#method")))
    return html.Div(children, className=f"status-box status-box-{row.status.replace('_', '-')}")


def no_target_status(row: Progress | None, change: str | None, lang: Lang) -> Component:
    """No numeric target: what has been reported, never a verdict."""
    children: list[Component | None] = [
        status_badge(row, lang) if row is not None else html.P(t("status.no_target", lang),
                                                               className="status-badge"),
        html.P(t("status.no_target_body", lang)),
        _to_date_line(row, lang) if row is not None else None,
        html.P(change, className="status-change") if change else None,
    ]
    return html.Div([c for c in children if c is not None],
                    className="status-box status-box-no-target")


def _to_date_line(row: Progress, lang: Lang) -> Component | None:
    if row.value_to_date is None:
        return None
    return html.P([html.Span(to_date_value(row, lang), className="figure-number", **marks(row)),
                   " ",
                   to_date_label(row, lang)], className="status-to-date")
