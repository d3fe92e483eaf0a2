"""Named, parameterised SQL. Nothing here is built from user input: values are bound as
``$parameters`` and the only identifiers are the literal ones below."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import pandas as pd

from dashboard.database import Database

# The latest total of each indicator, with what is needed to write it out in full: qualifier,
# unit kind, period, geography and source. Which observation is "latest" (totals only, regions
# skipped, Ontario winning a tie, suppressed rows skipped) is decided once per build or ingest
# by pipelines/sql/latest_figures.sql: ranking every observation here cost ~100 ms a request
# at 10^6 rows. Every indicator is listed (LEFT JOIN): ``has_value`` is false when nothing has
# been published for it yet.
LATEST_FIGURES: Final[str] = """
SELECT i.indicator_id, i.pillar_id, i.name_en, i.name_fr, i.interpretation, i.reporting_note,
       i.headline, i.sort_order, i.measure, r.value, coalesce(r.qualifier, 'exact') AS qualifier,
       r.period_start, r.period_end, coalesce(r.period_basis, 'not_stated') AS period_basis,
       coalesce(r.locator, '') AS locator, coalesce(r.status, '') AS status,
       coalesce(r.geography, '') AS geography,
       geo.name_en AS geography_en, geo.name_fr AS geography_fr,
       coalesce(u.kind, 'count') AS unit_kind,
       coalesce(u.name_en, i.unit) AS unit_en, coalesce(u.name_fr, i.unit) AS unit_fr,
       s.publisher AS publisher_en, s.publisher_fr, s.edition_en, s.edition_fr, s.url,
       s.language AS source_language, r.indicator_id IS NOT NULL AS has_value
FROM marts.indicators AS i
LEFT JOIN marts.latest_figures AS r ON r.indicator_id = i.indicator_id
LEFT JOIN marts.units AS u ON u.unit = coalesce(r.unit, i.unit)
LEFT JOIN marts.geographies AS geo ON geo.geography_id = r.geography
LEFT JOIN meta.sources AS s ON s.source_id = r.source_id
"""

QUERIES: Final[dict[str, str]] = {
    "pillars": """
        SELECT pillar_id, name_en, name_fr, outcome_en, outcome_fr, sort_order
        FROM marts.pillars ORDER BY sort_order, pillar_id
    """,
    "headline_figures": LATEST_FIGURES
    + """
        WHERE i.headline AND i.pillar_id IS NOT NULL AND r.indicator_id IS NOT NULL
        ORDER BY i.pillar_id, i.sort_order, i.indicator_id
    """,
    "indicator_figure": LATEST_FIGURES
    + " WHERE i.indicator_id = $indicator_id AND r.indicator_id IS NOT NULL",
    "strategy": """
        SELECT strategy_id, name_en, name_fr, period_start, period_end
        FROM marts.strategies WHERE strategy_id = $strategy_id
    """,
    "pillar_exists": "SELECT count(*) FROM marts.pillars WHERE pillar_id = $pillar_id",
    "indicator_exists": "SELECT count(*) FROM marts.indicators WHERE indicator_id = $indicator_id",
    "build_info": "SELECT key, value FROM meta.build_info",
    "has_demo": "SELECT count(*) FROM marts.observations WHERE status = 'demo'",
}


@dataclass(frozen=True)
class Figure:
    """One published value, with everything needed to write it honestly."""

    indicator_id: str
    pillar_id: str | None
    name_en: str
    name_fr: str
    interpretation: str
    measure: str
    reporting_note: bool
    value: float | None
    qualifier: str
    unit_kind: str
    unit_en: str
    unit_fr: str
    period_start: date | None
    period_end: date | None
    period_basis: str
    locator: str
    status: str
    geography: str
    geography_en: str
    geography_fr: str
    publisher_en: str | None
    publisher_fr: str | None
    edition_en: str | None
    edition_fr: str | None
    url: str | None
    source_language: str | None


@dataclass(frozen=True)
class SiteStatus:
    built_at: str | None
    has_demo: bool


def _date(value: object) -> date | None:
    if value is None or pd.isna(value):  # type: ignore[arg-type]
        return None
    return pd.Timestamp(value).date()  # type: ignore[arg-type]


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)  # type: ignore[arg-type]


def _figure(row: pd.Series) -> Figure:
    value = row["value"]
    return Figure(
        indicator_id=str(row["indicator_id"]),
        pillar_id=_text(row["pillar_id"]),
        name_en=str(row["name_en"]),
        name_fr=str(row["name_fr"]),
        interpretation=str(row["interpretation"]),
        measure=str(row["measure"]),
        reporting_note=bool(row["reporting_note"]),
        value=None if pd.isna(value) else float(value),
        qualifier=str(row["qualifier"]),
        unit_kind=str(row["unit_kind"]),
        unit_en=str(row["unit_en"]),
        unit_fr=str(row["unit_fr"]),
        period_start=_date(row["period_start"]),
        period_end=_date(row["period_end"]),
        period_basis=str(row["period_basis"]),
        locator=str(row["locator"]),
        status=str(row["status"]),
        geography=str(row["geography"]),
        geography_en=str(row["geography_en"] or ""),
        geography_fr=str(row["geography_fr"] or ""),
        publisher_en=_text(row["publisher_en"]),
        publisher_fr=_text(row["publisher_fr"]),
        edition_en=_text(row["edition_en"]),
        edition_fr=_text(row["edition_fr"]),
        url=_text(row["url"]),
        source_language=_text(row["source_language"]),
    )


def pillars(db: Database) -> pd.DataFrame:
    return db.frame(QUERIES["pillars"])


def headline_figures(db: Database) -> list[Figure]:
    frame = db.frame(QUERIES["headline_figures"])
    return [_figure(row) for _, row in frame.iterrows()]


def indicator_figure(db: Database, indicator_id: str) -> Figure | None:
    frame = db.frame(QUERIES["indicator_figure"], {"indicator_id": indicator_id})
    return None if frame.empty else _figure(frame.iloc[0])


def strategy(db: Database, strategy_id: str) -> pd.Series | None:
    frame = db.frame(QUERIES["strategy"], {"strategy_id": strategy_id})
    return None if frame.empty else frame.iloc[0]


def pillar_exists(db: Database, pillar_id: str) -> bool:
    return db.rows(QUERIES["pillar_exists"], {"pillar_id": pillar_id})[0][0] > 0


def indicator_exists(db: Database, indicator_id: str) -> bool:
    return db.rows(QUERIES["indicator_exists"], {"indicator_id": indicator_id})[0][0] > 0


def site_status(db: Database) -> SiteStatus:
    info = dict(db.rows(QUERIES["build_info"]))
    has_demo = db.rows(QUERIES["has_demo"])[0][0] > 0
    return SiteStatus(built_at=info.get("built_at"), has_demo=has_demo)
