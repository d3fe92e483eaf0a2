"""``/review/statutory``: "did the strategy deliver?" The five-year review, live or from a
frozen snapshot (``?snapshot=<slug>``, 404 for a slug the manifest list does not name).

It opens with the verdict, pillar by pillar: every core indicator's baseline, latest figure,
target and status (``marts.progress``), the pillar's deliverables by state and one sentence
that restates those numbers. Everything is read through :func:`statutory_review`, which the
statutory briefing (the download link, ``python -m dashboard report --statutory``) reads too.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

import dash
import flask
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.chart import chart_export, chart_figure
from dashboard.components.download import download_link, how_to_cite
from dashboard.components.links import href
from dashboard.components.not_found import not_found_body
from dashboard.components.shell import page_shell
from dashboard.components.statutory import (
    funding_rows,
    pillar_block,
    summary_section,
    table,
    verdict_legend,
)
from dashboard.context import SETTINGS_CONFIG_KEY, current_db, public_root, request_lang
from dashboard.database import Database
from dashboard.figures.context_chart import context_figure
from dashboard.web.downloads import database_for
from dashboard.web.statutory_briefing import briefing_href, rates_href
from pipelines.errors import UnknownIdError
from pipelines.language.formatting import (
    format_date,
    format_period,
    format_timestamp,
    format_value,
    quarter_name,
)
from pipelines.language.i18n import Lang, normalise_lang, pick, t
from pipelines.read import downloads, strategy
from pipelines.read.rows import SeriesValue
from pipelines.read.statutory import DECADE_START, StatutoryReview, statutory_review
from pipelines.release.export import Filters
from pipelines.release.snapshot import Manifest, list_snapshots

PATH: Final = "/review/statutory"


def title(**_: object) -> str:
    lang = request_lang()
    return t("site.page_title", lang, page=t("statutory.title", lang))


def snapshot_known(slug: str | None) -> bool:
    """For the HTTP status hook: no snapshot, or one the manifest list names."""
    if not slug:
        return True
    try:
        database_for(slug)
    except UnknownIdError:
        return False
    return True


def validate(_db: object, _ids: Mapping[str, str]) -> bool:
    return snapshot_known(flask.request.args.get("snapshot"))


dash.register_page(__name__, path=PATH, title=title, name="Statutory review", order=40,
                   nav="nav.statutory", validate=validate)


def verdict_section(review: StatutoryReview, lang: Lang, snapshot: str | None) -> Component:
    start = format_date(review.strategy_start, lang)
    return html.Section([
        html.H2(t("statutory.verdict_heading", lang), id="statutory-verdict"),
        html.P(t("statutory.verdict_intro", lang, date=start)),
        html.P(t("statutory.as_of_quarter", lang,
                 quarter=quarter_name(review.as_of_quarter or "", lang))),
        summary_section(review, lang), verdict_legend(lang),
        html.P(dcc.Link(t("verdict.method_link", lang), href=href("/about", lang)
                        + "#verdict-method")),
        *[pillar_block(p, review, lang) for p in review.pillars],
        html.P([*[part for suffix, fmt in (("", "html"), ("_pdf", "pdf"), ("_docx", "docx"))
                  for part in (html.A(t(f"statutory.briefing_download{suffix}", lang),
                                      id=f"statutory-download{suffix.replace('_', '-')}",
                                      href=briefing_href(lang, snapshot, fmt),
                                      className="button",
                                      download=f"statutory-review-{lang}.{fmt}"), " ")],
                t("statutory.briefing_note", lang)], className="download export-box"),
        html.P(html.A(t("rate.download", lang), href=rates_href(lang, snapshot),
                      id="statutory-rates-download")),
        html.P(t("statutory.late_definition_records", lang), className="table-note"),
    ], **{"aria-labelledby": "statutory-verdict"})


def strategies_section(review: StatutoryReview, lang: Lang) -> Component:
    headers = [t(f"statutory.col_{c}", lang) for c in ("strategy", "period", "funding", "source")]
    return html.Section([html.H2(t("statutory.strategies_heading", lang), id="statutory-arc"),
                         table(t("statutory.strategies_caption", lang), headers,
                               funding_rows(review.strategies, review.funding, lang))],
                        **{"aria-labelledby": "statutory-arc"})


def _series(rows: list[SeriesValue], lang: Lang, built: str, snapshot: str | None
            ) -> list[Component]:
    first = rows[0]
    name = pick(first, "name", lang)
    caption = t("statutory.chart_caption", lang, indicator=name)
    editions = {r.source_id: (r.edition_fr if lang == "fr" else r.edition_en) or r.source_id
                for r in rows}
    figure = context_figure(rows, name, lang)
    export = chart_export(first.indicator_id, name, rows_period(rows, lang),
                          "; ".join(dict.fromkeys(editions.values())), built,
                          first.reporting_note, lang)
    table_rows = [[format_period(r.period_start, r.period_end, r.period_basis, lang),
                   editions[r.source_id], format_value(r.value, r.unit_kind, r.qualifier, lang)]
                  for r in rows]
    table_id = f"statutory-table-{first.indicator_id}"
    return [
        chart_figure(figure, graph_id=f"statutory-chart-{first.indicator_id}", title=caption,
                     notes=[t("statutory.chart_periods", lang)], table_id=table_id, lang=lang,
                     export=export, legend=False),
        html.Div(table(caption, [t(f"statutory.col_{c}", lang) for c in ("year", "edition",
                                                                          "value")],
                       table_rows), id=table_id),
        download_link(Filters(indicator=(first.indicator_id,), date_from=DECADE_START), lang,
                      snapshot=snapshot)]


def rows_period(rows: list[SeriesValue], lang: Lang) -> str:
    """The span the series covers, from its first period's start to its last one's end."""
    starts = [r.period_start for r in rows if r.period_start is not None]
    ends = [r.period_end for r in rows if r.period_end is not None]
    if not starts or not ends:
        return ""
    return format_period(min(starts), max(ends), "stated", lang)


def context_section(review: StatutoryReview, lang: Lang, built: str,
                    snapshot: str | None) -> Component:
    by_indicator: dict[str, list[SeriesValue]] = {}
    for row in review.context:
        by_indicator.setdefault(row.indicator_id, []).append(row)
    children: list[Component] = [
        html.H2(t("statutory.context_heading", lang), id="statutory-context"),
        html.P(t("statutory.context_intro", lang))]
    for rows in by_indicator.values():
        children += _series(rows, lang, built, snapshot)
    if not by_indicator:
        children.append(html.P(t("statutory.no_context", lang)))
    children.append(reported_note(lang))
    return html.Section(children, **{"aria-labelledby": "statutory-context"})


def reported_note(lang: Lang) -> Component:
    return html.Aside([
        html.H3(t("statutory.reported_heading", lang)),
        html.P(t("statutory.reported_body", lang)),
        html.Blockquote(t("statutory.reported_quote", lang), lang="fr"),
        html.P(t("statutory.reported_translation", lang), className="reporting-quote"),
    ], className="reporting-note")


def snapshot_picker(snapshots: list[Manifest], current: str | None, lang: Lang) -> Component:
    links = [html.Li(html.A(t("statutory.snapshot_live", lang), href=f"{PATH}?lang={lang}",
                              **({"aria-current": "page"} if not current else {})))]
    links += [html.Li(html.A(m.label, href=f"{PATH}?snapshot={m.slug}&lang={lang}",
                               **({"aria-current": "page"} if m.slug == current else {})))
              for m in reversed(snapshots)]
    return html.Nav([html.H2(t("statutory.snapshots_heading", lang), id="statutory-snapshots"),
                     html.Ul(links) if snapshots else html.P(t("statutory.no_snapshots", lang))],
                    className="snapshot-picker", **{"aria-labelledby": "statutory-snapshots"})


def content(db: Database, lang: Lang, snapshot: Manifest | None,
            snapshots: list[Manifest]) -> list[Component]:
    release = downloads.release(db, public_root() + PATH
                         + (f"?snapshot={snapshot.slug}" if snapshot else ""))
    as_of = date.fromisoformat(release.date) if release.date else date.today()
    banner = (t("statutory.frozen", lang, label=snapshot.label, sha=snapshot.content_sha256[:16],
                date=format_date(date.fromisoformat(snapshot.created[:10]), lang))
              if snapshot else t("statutory.live", lang, date=format_date(as_of, lang)))
    slug = snapshot.slug if snapshot else None
    review = statutory_review(db)
    built = format_timestamp(release.created, lang)
    return [html.H1(t("statutory.heading", lang)),
            html.P(banner, className="snapshot-banner", role="note"),
            verdict_section(review, lang, slug),
            html.P(t("statutory.intro", lang), className="lead"),
            snapshot_picker(snapshots, slug, lang), strategies_section(review, lang),
            context_section(review, lang, built, slug),
            how_to_cite(release, lang, heading_id="statutory-cite")]


def layout(lang: str = "en", snapshot: str | None = None, **query: object) -> Component:
    language = normalise_lang(lang)
    status = strategy.site_status(current_db())
    snapshots = list_snapshots(flask.current_app.config[SETTINGS_CONFIG_KEY])
    chosen = next((m for m in snapshots if m.slug == snapshot), None)
    if snapshot and chosen is None:
        body = not_found_body(language)
    else:
        body = content(database_for(snapshot), language, chosen, snapshots)
    return page_shell(lang=language, path=PATH, query={"snapshot": snapshot} if chosen else {},
                      status=status, children=body)
