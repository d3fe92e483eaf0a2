"""The status box of an indicator: words, a shape and the numbers behind them; never colour
alone. Reported-activity and context indicators get the neutral note instead of a status:
a rise in reported cases can mean the strategy is working."""

from __future__ import annotations

from typing import Final

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.links import href
from dashboard.text.formatting import format_date, format_percent, format_period, format_value
from dashboard.text.i18n import Lang, t
from pipelines.marts.status_rule import DIRECTION_NEUTRAL, ProgressResult, Target, resolve_baseline

# A shape per status so it reads without colour (and in print).
ICONS: Final[dict[str, str]] = {
    "achieved": "★",
    "on_track": "✓",
    "needs_acceleration": "◆",
    "limited_progress": "▼",
    "not_assessed": "○",
    "no_target": "○",
    "neutral": "ℹ",
}
# The strategy's own sentence (its French text is the source; the English is our translation).
STRATEGY_SENTENCE_FR: Final[str] = (
    "Si, en conséquence des actions mises en œuvre dans le cadre de cette stratégie, un plus "
    "grand nombre de victimes se sentent soutenues et prêtes à se faire connaître et si les "
    "forces de l’ordre sont mieux à même de cibler et de trouver les auteurs, une augmentation "
    "des cas signalés sera au contraire un indicateur de son efficacité."
)


def is_neutral(interpretation: str, reporting_note: bool) -> bool:
    """Whether an indicator must never get a good-or-bad status."""
    return interpretation in DIRECTION_NEUTRAL or bool(reporting_note)


def _badge(kind: str, text: str) -> Component:
    return html.P(
        [html.Span(ICONS[kind], className="status-icon", **{"aria-hidden": "true"}), " ", text],
        className=f"status-badge status-{kind.replace('_', '-')}",
    )


def neutral_note(lang: Lang, *, reported: bool) -> Component:
    """The note for reported-activity and context figures, citing the strategy."""
    if not reported:
        return html.Div(
            [
                _badge("neutral", t("status.context_heading", lang)),
                html.P(t("status.context_body", lang)),
            ],
            className="status-box status-box-neutral",
        )
    original = (
        [
            html.P(t("status.quote_original", lang)),
            html.Blockquote(f"« {STRATEGY_SENTENCE_FR} »", lang="fr"),
        ]
        if lang == "en"
        else []
    )
    return html.Div(
        [
            _badge("neutral", t("status.neutral_heading", lang)),
            html.P(t("reporting_note.body", lang)),
            html.P(t("reporting_note.quote", lang), className="reporting-quote"),
            *original,
        ],
        className="status-box status-box-neutral reporting-note",
    )


def _row(label: str, value: str) -> list[Component]:
    return [html.Dt(label), html.Dd(value)]


def _numbers(result: ProgressResult, target: Target, unit_kind: str, lang: Lang) -> Component:
    def value(v: float | None, qualifier: str = "exact") -> str:
        return t("status.none", lang) if v is None else format_value(v, unit_kind, qualifier, lang)

    goal_period = format_period(target.period_start, target.period_end, "stated", lang)
    # With no data yet the method reports no baseline; the target still has its start.
    start, assumed = resolve_baseline(target)
    baseline = value(result.baseline if result.baseline is not None else start)
    if result.baseline_is_assumed or (result.baseline is None and assumed):
        baseline = t("status.baseline_assumed", lang, value=baseline)
    achieved_q = "more_than" if result.achieved_is_lower_bound else "exact"
    items = [
        *_row(
            t("status.target", lang),
            t(
                "status.target_value",
                lang,
                value=value(target.target_value),
                date=format_date(target.period_end, lang),
                period=goal_period,
            ),
        ),
        *_row(t("status.baseline", lang), baseline),
        *_row(t("status.achieved_value", lang), value(result.achieved, achieved_q)),
        *_row(t("status.expected", lang), value(result.expected_to_date)),
        *_row(
            t("status.ratio", lang),
            t("status.none", lang)
            if result.ratio is None
            else format_percent(round(result.ratio * 100, 1), lang),
        ),
        *_row(
            t("status.elapsed", lang),
            t("status.none", lang)
            if result.share_elapsed is None
            else format_percent(round(result.share_elapsed * 100, 1), lang),
        ),
        *_row(
            t("status.as_of", lang),
            t("status.none", lang) if result.as_of is None else format_date(result.as_of, lang),
        ),
    ]
    return html.Dl(items, className="status-numbers")


def target_status(result: ProgressResult, target: Target, unit_kind: str, lang: Lang) -> Component:
    """Status against a published target, with every number behind it."""
    kind = result.status
    children: list[Component] = [_badge(kind, t(f"status.{kind}", lang))]
    if result.reason in {"no_data", "period_not_started", "no_baseline"}:
        children.append(html.P(t(f"status.reason_{result.reason}", lang)))
    children.append(_numbers(result, target, unit_kind, lang))
    if result.achieved_is_lower_bound:
        children.append(html.P(t("status.lower_bound_note", lang)))
    children.append(html.P(t("status.thresholds", lang), className="status-thresholds"))
    children.append(
        html.P(dcc.Link(t("indicator.method_link", lang), href=href("/about", lang) + "#method"))
    )
    return html.Div(children, className=f"status-box status-box-{kind.replace('_', '-')}")


def no_target_status(change: str | None, lang: Lang) -> Component:
    children: list[Component] = [
        _badge("no_target", t("status.no_target", lang)),
        html.P(t("status.no_target_body", lang)),
    ]
    if change:
        children.append(html.P(change, className="status-change"))
    return html.Div(children, className="status-box status-box-no-target")
