"""Reads about the strategy itself: pillars, indicators, latest figures, deliverables, sources,
strategies and the state of the data."""

from __future__ import annotations

from pipelines.read.core import Reader, fetch, fetch_one
from pipelines.read.rows import (
    Count,
    Figure,
    Found,
    Geography,
    Indicator,
    KeyValue,
    Milestone,
    Pillar,
    SiteStatus,
    Source,
    Strategy,
    Unit,
)
from pipelines.vocabulary import MILESTONE_STATUSES


def pillars(reader: Reader) -> list[Pillar]:
    return fetch(reader, "pillars", Pillar, pillar_id=None)


def pillar(reader: Reader, pillar_id: str) -> Pillar | None:
    return fetch_one(reader, "pillars", Pillar, pillar_id=pillar_id)


def indicators(reader: Reader, pillar_id: str | None = None) -> list[Indicator]:
    return fetch(reader, "indicators", Indicator, indicator_id=None, pillar_id=pillar_id)


def indicator(reader: Reader, indicator_id: str) -> Indicator | None:
    return fetch_one(reader, "indicators", Indicator, indicator_id=indicator_id, pillar_id=None)


def latest_figures(reader: Reader, *, pillar_id: str | None = None,
                   headline: bool | None = None) -> list[Figure]:
    return fetch(reader, "latest_figures", Figure, indicator_id=None, pillar_id=pillar_id,
                 headline=headline)


def latest_figure(reader: Reader, indicator_id: str) -> Figure | None:
    return fetch_one(reader, "latest_figures", Figure, indicator_id=indicator_id,
                     pillar_id=None, headline=None)


def milestones(reader: Reader, pillar_id: str | None = None,
               status: str | None = None) -> list[Milestone]:
    return fetch(reader, "milestones", Milestone, pillar_id=pillar_id, status=status)


def milestone_counts(reader: Reader, pillar_id: str | None = None) -> dict[str, int]:
    """Deliverables per status, every status present (zero when none)."""
    counts = {c.status: c.n for c in fetch(reader, "milestone_counts", Count,
                                           pillar_id=pillar_id)}
    return {status: counts.get(status, 0) for status in MILESTONE_STATUSES}


def sources(reader: Reader) -> list[Source]:
    return fetch(reader, "sources", Source)


def strategies(reader: Reader) -> list[Strategy]:
    return fetch(reader, "strategies", Strategy, strategy_id=None)


def strategy(reader: Reader, strategy_id: str) -> Strategy | None:
    return fetch_one(reader, "strategies", Strategy, strategy_id=strategy_id)


def current(reader: Reader) -> Strategy | None:
    """The strategy the build follows (its period, name and how the period was read)."""
    return fetch_one(reader, "current_strategy", Strategy)


def site_status(reader: Reader) -> SiteStatus:
    status = fetch_one(reader, "site_status", SiteStatus)
    assert status is not None  # the query always returns one row
    return status


def build_info(reader: Reader) -> dict[str, str]:
    return {kv.key: kv.value for kv in fetch(reader, "build_info", KeyValue)}


def geographies(reader: Reader) -> list[Geography]:
    return fetch(reader, "geographies", Geography)


def geography_names(reader: Reader, lang: str) -> dict[str, str]:
    return {g.geography_id: g.name_fr if lang == "fr" else g.name_en
            for g in geographies(reader)}


def indicator_exists(reader: Reader, indicator_id: str) -> bool:
    found = fetch_one(reader, "indicator_exists", Found, indicator_id=indicator_id)
    return bool(found and found.found)


def pillar_exists(reader: Reader, pillar_id: str) -> bool:
    found = fetch_one(reader, "pillar_exists", Found, pillar_id=pillar_id)
    return bool(found and found.found)


def unit_kinds(reader: Reader) -> dict[str, str]:
    """unit -> kind (count, money, percent, rate)."""
    return {u.unit: u.kind for u in fetch(reader, "units", Unit)}


def editions(reader: Reader, lang: str) -> dict[str, str]:
    """source_id -> the source's short label in ``lang`` (legends and citations)."""
    return {s.source_id: s.edition_fr if lang == "fr" else s.edition_en
            for s in sources(reader)}
