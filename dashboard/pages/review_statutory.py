"""``/review/statutory``: the five-year review, live or from a frozen snapshot
(``?snapshot=<slug>``, 404 for a slug the manifest list does not name)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

import dash
import flask
from dash import dcc, html
from dash.development.base_component import Component

from dashboard.components.download import download_link, how_to_cite
from dashboard.components.not_found import not_found_body
from dashboard.components.shell import page_shell
from dashboard.components.statutory import (
    DECADE_START,
    STATES,
    context_figure,
    context_filters,
    deliverable_counts,
    first_and_latest,
    pillar_rows,
    table,
)
from dashboard.context import SETTINGS_CONFIG_KEY, current_db, request_lang
from dashboard.database import Database
from dashboard.text.formatting import format_date, format_period, format_value
from dashboard.text.i18n import Lang, normalise_lang, pick, t
from dashboard.web.downloads import database_for
from pipelines.errors import UnknownIdError
from pipelines.read import progress, strategy
from pipelines.release.export import Filters, observations_frame, public_frame
from pipelines.release.package import release_of
from pipelines.release.snapshot import Manifest, list_snapshots

PATH: Final = "/review/statutory"
FUNDING_INDICATORS: Final = ("strategy_investment", "on_ahts_funding")


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


def strategies_section(db: Database, lang: Lang) -> Component:
    funding = observations_frame(db.cursor(), Filters(indicator=FUNDING_INDICATORS), lang)
    editions = strategy.editions(db, lang)
    rows = []
    spans = [(r.period_start.year if r.period_start else None,
              r.period_end.year if r.period_end else None) for r in funding.itertuples()]
    for s in strategy.strategies(db):
        years = (s.period_start.year, s.period_end.year)
        match = funding[[span == years for span in spans]]
        amount = (format_value(match.iloc[0]["value"], "money", match.iloc[0]["qualifier"], lang)
                  if len(match) else t("statutory.not_published", lang))
        source = editions.get(match.iloc[0]["source_id"], "") if len(match) else ""
        rows.append([pick(s, "name", lang),
                     format_period(s.period_start, s.period_end, "stated", lang),
                     amount, source])
    headers = [t(f"statutory.col_{c}", lang) for c in ("strategy", "period", "funding", "source")]
    return html.Section([html.H2(t("statutory.strategies_heading", lang), id="statutory-arc"),
                         table(t("statutory.strategies_caption", lang), headers, rows)],
                        **{"aria-labelledby": "statutory-arc"})


def pillars_section(db: Database, lang: Lang, snapshot: str | None) -> Component:
    pillars = strategy.pillars(db)
    ids = tuple(p.pillar_id for p in pillars)
    observations = observations_frame(db.cursor(), Filters(pillar=ids), lang)
    pairs = first_and_latest(observations)
    indicators = public_frame(db.cursor(), "indicators", None, lang)
    targets = public_frame(db.cursor(), "targets", None, lang)
    statuses = {row.indicator_id: row for row in progress.current(db)}
    kinds = strategy.unit_kinds(db)
    rows = []
    for p in pillars:
        mine = indicators[indicators["pillar_id"] == p.pillar_id]
        rows += pillar_rows(pick(p, "name", lang), mine, pairs, targets, kinds, statuses, lang)
    headers = [t(f"statutory.col_{c}", lang)
               for c in ("indicator", "pillar", "baseline", "latest", "target", "status")]
    return html.Section([
        html.H2(t("statutory.pillars_heading", lang), id="statutory-pillars"),
        table(t("statutory.pillars_caption", lang), headers, rows),
        download_link(Filters(pillar=ids), lang, snapshot=snapshot),
    ], **{"aria-labelledby": "statutory-pillars"})


def deliverables_section(db: Database, as_of: date, lang: Lang) -> Component:
    counts = deliverable_counts(strategy.milestones(db), as_of)
    rows = [[pick(p, "name", lang), *[counts.get(p.pillar_id, {}).get(s, 0) for s in STATES],
             sum(counts.get(p.pillar_id, {}).values())]
            for p in strategy.pillars(db)]
    headers = [t("statutory.col_pillar", lang), *[t(f"statutory.state_{s}", lang) for s in STATES],
               t("statutory.col_total", lang)]
    shown = format_date(as_of, lang)
    return html.Section([
        html.H2(t("statutory.deliverables_heading", lang), id="statutory-deliverables"),
        html.P(t("statutory.late_definition", lang, date=shown)),
        table(t("statutory.deliverables_caption", lang, date=shown), headers, rows),
    ], **{"aria-labelledby": "statutory-deliverables"})


def context_section(db: Database, lang: Lang, snapshot: str | None) -> Component:
    rows = observations_frame(db.cursor(), context_filters(), lang)
    editions = strategy.editions(db, lang)
    children: list[Component] = [
        html.H2(t("statutory.context_heading", lang), id="statutory-context"),
        html.P(t("statutory.context_intro", lang))]
    kinds = strategy.unit_kinds(db)
    for indicator, group in rows.groupby("indicator_id", sort=False):
        name = str(group.iloc[0]["indicator_name"])
        caption = t("statutory.chart_caption", lang, indicator=name)
        kind = kinds.get(str(group.iloc[0]["unit"]), "count")
        table_rows = [[format_period(r.period_start, r.period_end, "stated", lang),
                       editions.get(r.source_id, r.source_id),
                       format_value(r.value, kind, r.qualifier, lang)]
                      for r in group.itertuples()]
        children += [
            html.Figure([dcc.Graph(figure=context_figure(group, editions, name),
                                   config={"displayModeBar": False, "responsive": True},
                                   id=f"statutory-chart-{indicator}", className="chart"),
                         html.Figcaption(caption)], className="chart-figure"),
            table(caption, [t(f"statutory.col_{c}", lang) for c in ("year", "edition", "value")],
                  table_rows),
            download_link(Filters(indicator=(str(indicator),), date_from=DECADE_START), lang,
                          snapshot=snapshot)]
    if rows.empty:
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
    release = release_of(db.cursor(), flask.request.url_root.rstrip("/") + PATH
                         + (f"?snapshot={snapshot.slug}" if snapshot else ""))
    as_of = date.fromisoformat(release.date) if release.date else date.today()
    banner = (t("statutory.frozen", lang, label=snapshot.label, sha=snapshot.content_sha256[:16],
                date=format_date(date.fromisoformat(snapshot.created[:10]), lang))
              if snapshot else t("statutory.live", lang, date=format_date(as_of, lang)))
    slug = snapshot.slug if snapshot else None
    return [html.H1(t("statutory.heading", lang)),
            html.P(t("statutory.intro", lang), className="lead"),
            html.P(banner, className="snapshot-banner", role="note"),
            snapshot_picker(snapshots, slug, lang), strategies_section(db, lang),
            pillars_section(db, lang, slug), deliverables_section(db, as_of, lang),
            context_section(db, lang, slug),
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
