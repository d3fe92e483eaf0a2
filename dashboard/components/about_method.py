"""The /about sections on the progress method and its worked example. The thresholds and
every number of the example come from ``marts.progress_method``, which the build computes
with the rule that assigns every status, so the page cannot drift from it."""

from __future__ import annotations

from dash import html
from dash.development.base_component import Component

from pipelines.language.formatting import format_date, format_number, format_period, format_share
from pipelines.language.i18n import Lang, t
from pipelines.read.rows import Method, VerdictMethod


def _n(value: float, lang: Lang, decimals: int = 2) -> str:
    return format_number(round(value, decimals), lang, decimals=decimals)


def section(section_id: str, heading: str, children: list[Component | None]) -> Component:
    return html.Section(
        [html.H2(heading, id=section_id), *children],
        className="about-section",
        **{"aria-labelledby": section_id},
    )


def _status_list(method: Method, lang: Lang) -> Component:
    thresholds = {"on_track": _n(method.on_track_threshold, lang),
                  "needs": _n(method.needs_acceleration_threshold, lang)}
    items = []
    for status in ("achieved", "on_track", "needs_acceleration", "limited_progress"):
        items += [
            html.Dt(t(f"status.{status}", lang)),
            html.Dd(t(f"about_method.{status}", lang, **thresholds)),
        ]
    items += [
        html.Dt(t("status.not_assessed", lang)),
        html.Dd(t("about_method.not_assessed", lang)),
    ]
    return html.Dl(items)


def method_section(method: Method, lang: Lang) -> Component:
    target_text = format_number(method.example_target, lang)
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
            _status_list(method, lang),
            html.P(t("about_method.neutral", lang)),
            html.P(t("about_method.cumulative", lang)),
            html.P(t("about_method.lower", lang)),
            html.P(t("about_method.qualifiers", lang)),
            html.H3(t("about_method.why_heading", lang)),
            html.P(t("about_method.why", lang)),
        ],
    )


def example_section(method: Method, lang: Lang) -> Component:
    numbers = {
        "target": format_number(method.example_target, lang),
        "baseline": format_number(method.example_baseline, lang),
        "start": format_date(method.example_period_start, lang),
        "end": format_date(method.example_period_end, lang),
        "days": format_number(method.example_days_in_period, lang),
        "elapsed": format_number(method.example_days_elapsed, lang),
        "achieved": format_number(method.example_achieved, lang),
        "as_of": format_date(method.example_as_of, lang),
        # Two decimals of a percentage point: enough to redo 1,100 × share = 330.1 → 330.
        "share": format_share(method.example_share_elapsed, lang, decimals=2),
        "expected": format_number(method.example_expected, lang),
        "ratio": _n(method.example_ratio, lang),
        "status": t(f"status.{method.example_status}", lang),
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


def verdict_section(method: VerdictMethod, lang: Lang) -> Component:
    """The pillar verdict rule and its worked example, every number from
    ``marts.verdict_method`` (computed by the rule itself)."""
    band = format_share(method.no_change_band, lang)
    share = format_share(method.reported_share, lang)
    counts = t("verdict.deliverable_counts", lang, total=sum(
        (method.example_done, method.example_in_progress, method.example_planned,
         method.example_late, method.example_not_reported)), done=method.example_done,
        in_progress=method.example_in_progress, planned=method.example_planned,
        late=method.example_late, not_reported=method.example_not_reported)
    numbers = {
        "baseline": format_number(method.example_baseline_value, lang),
        "baseline_period": format_period(method.example_baseline_start,
                                         method.example_baseline_end, "stated", lang),
        "baseline_rate": format_number(method.example_baseline_per_year, lang),
        "latest": format_number(method.example_latest_value, lang),
        "latest_period": format_period(method.example_latest_start, method.example_latest_end,
                                       "stated", lang),
        "latest_rate": format_number(method.example_latest_per_year, lang),
        "change": format_share(method.example_change, lang), "band": band,
        "assessment": t(f"assessment.{method.example_assessment}", lang),
    }
    others = "; ".join(t(f"assessment.{a}", lang) for a in method.example_assessments
                       if a != method.example_assessment)
    example = [
        html.P(html.Strong(t("about_verdict.example_label", lang)), className="notice"),
        html.Ol([
            html.Li(t("about_verdict.example_rates", lang, **numbers)),
            html.Li(t("about_verdict.example_change", lang, **numbers)),
            html.Li(t("about_verdict.example_others", lang, others=others)),
            html.Li(t("about_verdict.example_deliverables", lang, counts=counts, reading=t(
                f"about_verdict.reading_{method.example_deliverables_reading}", lang))),
            html.Li(html.Span(t("about_verdict.example_verdict", lang,
                                verdict=t(f"verdict.{method.example_verdict}", lang)),
                              **{"data-verdict": method.example_verdict,
                                 "data-example": "true"})),
        ])]
    return section("verdict-method", t("about_verdict.heading", lang), [
        html.P(t("about_verdict.intro", lang)),
        html.P(t("about_verdict.indicators", lang, band=band)),
        html.P(t("about_verdict.bounds", lang)), html.P(t("about_verdict.reported", lang)),
        html.P(t("about_verdict.thin", lang)),
        html.P(t("about_verdict.deliverables", lang, share=share)),
        html.P(t("about_verdict.order", lang)),
        html.H3(t("about_verdict.example_heading", lang)), *example,
    ])
