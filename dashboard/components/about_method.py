"""The /about sections on the progress method and its worked example. The thresholds and
every number of the example come from :mod:`pipelines.marts.status_rule`, so the page cannot drift
from the code that assigns statuses."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from dashboard.text.formatting import format_date, format_number
from dashboard.text.i18n import Lang, t
from pipelines.marts.status_rule import NEEDS_ACCELERATION, ON_TRACK, WorkedExample


def _n(value: float, lang: Lang, decimals: int = 2) -> str:
    return format_number(round(value, decimals), lang, decimals=decimals)


def section(section_id: str, heading: str, children: list[Component | None]) -> Component:
    return html.Section(
        [html.H2(heading, id=section_id), *children],
        className="about-section",
        **{"aria-labelledby": section_id},
    )


def _status_list(lang: Lang) -> Component:
    thresholds = {"on_track": _n(ON_TRACK, lang), "needs": _n(NEEDS_ACCELERATION, lang)}
    items = []
    for status in ("achieved", "on_track", "needs_acceleration", "limited_progress"):
        items += [
            html.Dt(t(f"pillar_status.{status}", lang)),
            html.Dd(t(f"about_method.{status}", lang, **thresholds)),
        ]
    items += [
        html.Dt(t("about_method.not_assessed_label", lang)),
        html.Dd(t("about_method.not_assessed", lang)),
    ]
    return html.Dl(items)


def method_section(target_text: str, lang: Lang) -> Component:
    formula = [
        t("about_method.formula_share", lang),
        t("about_method.formula_expected", lang),
        t("about_method.formula_ratio", lang),
    ]
    return section(
        "method",
        t("about_method.heading", lang),
        [
            html.P(t("about_method.scope", lang, target=target_text)),
            html.P(t("about_method.formula_intro", lang)),
            html.Div([html.P(line) for line in formula], className="formula"),
            html.P(t("about_method.statuses_intro", lang)),
            _status_list(lang),
            html.P(t("about_method.neutral", lang)),
            html.P(t("about_method.cumulative", lang)),
            html.P(t("about_method.lower", lang)),
            html.P(t("about_method.qualifiers", lang)),
            html.H3(t("about_method.why_heading", lang)),
            html.P(t("about_method.why", lang)),
        ],
    )


def example_section(example: WorkedExample, lang: Lang) -> Component:
    result, target = example.result, example.target
    assert result.expected_to_date is not None and result.ratio is not None
    assert result.share_elapsed is not None and result.as_of is not None
    numbers = {
        "target": format_number(target.target_value, lang),
        "baseline": format_number(target.baseline_value or 0, lang),
        "start": format_date(target.period_start, lang),
        "end": format_date(target.period_end, lang),
        "days": format_number(example.days_in_period, lang),
        "elapsed": format_number(example.days_elapsed, lang),
        "achieved": format_number(example.observation.value or 0, lang),
        "as_of": format_date(result.as_of, lang),
        "share": _n(result.share_elapsed, lang, 4),
        "expected": _n(result.expected_to_date, lang, 1),
        "ratio": _n(result.ratio, lang),
        "status": t(f"pillar_status.{result.status}", lang),
    }
    steps = ["target", "reported", "share", "expected", "ratio", "status"]
    return section(
        "worked-example",
        t("about_example.heading", lang),
        [
            html.P(html.Strong(t("about_example.label", lang)), className="notice"),
            html.Ol([html.Li(t(f"about_example.{step}", lang, **numbers)) for step in steps]),
        ],
    )
