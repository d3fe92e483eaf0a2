"""Named, parameterised SQL for the indicator pages and the overview's status, trend and
freshness. Kept apart from :mod:`dashboard.queries` so pages added in parallel do not edit the
same file. Values are bound as ``$parameters``; no identifier comes from user input."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Final

import pandas as pd

from dashboard.database import Database
from dashboard.queries import _date, _text
from pipelines.marts.status_rule import Target

QUERIES: Final[dict[str, str]] = {
    "indicator": """
        SELECT i.indicator_id, i.pillar_id, i.topic, i.name_en, i.name_fr, i.unit, i.measure,
               i.interpretation, i.reporting_note, i.headline, i.sort_order,
               i.definition_en, i.definition_fr,
               coalesce(u.kind, 'count') AS unit_kind,
               coalesce(u.name_en, i.unit) AS unit_en, coalesce(u.name_fr, i.unit) AS unit_fr,
               p.name_en AS pillar_en, p.name_fr AS pillar_fr
        FROM marts.indicators AS i
        LEFT JOIN marts.units AS u ON u.unit = i.unit
        LEFT JOIN marts.pillars AS p ON p.pillar_id = i.pillar_id
        WHERE i.indicator_id = $indicator_id
    """,
    # The rows of one indicator that the chart, the table and the sources list show: every
    # row of a published document (each is quoted), but only the totals of submissions (their
    # breakdowns are never charted and the sources list only counts them, see
    # "submission_summary"); at 10^6 rows that is 2,000 rows fetched instead of 50,000.
    # Submission loads each get their own source row, so ``series_source`` groups them by kind:
    # a quarterly series must be one line, not one line per load.
    "observations": """
        SELECT o.observation_id, o.indicator_id, o.geography,
               coalesce(g.name_en, o.geography) AS geography_en,
               coalesce(g.name_fr, o.geography) AS geography_fr,
               o.breakdown, o.period_start, o.period_end, o.period_basis, o.value,
               o.qualifier, o.unit, coalesce(u.kind, 'count') AS unit_kind,
               o.source_id, o.locator, o.status, o.suppressed, o.revision, o.series_id,
               o.note_en, o.note_fr, o.value_high, o.value_basis,
               s.title, s.publisher, s.publisher_fr, s.published, s.url,
               s.language AS source_language,
               coalesce(s.kind, 'document') AS source_kind,
               s.edition_en, s.edition_fr,
               CASE WHEN s.kind IN ('submission', 'demo') THEN 'submissions:' || s.kind
                    ELSE o.source_id END AS series_source
        FROM marts.observations AS o
        LEFT JOIN marts.geographies AS g ON g.geography_id = o.geography
        LEFT JOIN marts.units AS u ON u.unit = o.unit
        LEFT JOIN meta.sources AS s ON s.source_id = o.source_id
        WHERE o.indicator_id = $indicator_id
          AND (o.breakdown = 'total' OR coalesce(s.kind, 'document') NOT IN ('submission', 'demo'))
        ORDER BY o.geography, series_source, o.period_end NULLS FIRST, o.period_start,
                 o.breakdown, o.observation_id
    """,
    # What the sources list says of each kind of submission: how many figures (breakdowns
    # included) and the latest period.
    "submission_summary": """
        SELECT 'submissions:' || s.kind AS series_source, count(*) AS figures,
               max(o.period_end) AS latest
        FROM marts.observations AS o JOIN meta.sources AS s ON s.source_id = o.source_id
        WHERE o.indicator_id = $indicator_id AND s.kind IN ('submission', 'demo')
        GROUP BY s.kind
    """,
    "target": """
        SELECT t.indicator_id, t.target_kind, t.target_value, t.period_start, t.period_end,
               t.baseline_value, t.baseline_period_start, t.baseline_period_end,
               t.source_id, t.locator, t.note_en, t.note_fr,
               s.publisher, s.publisher_fr, s.edition_en, s.edition_fr,
               s.language AS source_language
        FROM marts.targets AS t
        LEFT JOIN meta.sources AS s ON s.source_id = t.source_id
        WHERE t.indicator_id = $indicator_id
        ORDER BY t.period_end DESC
        LIMIT 1
    """,
    "headline_indicators": """
        SELECT indicator_id, pillar_id FROM marts.indicators
        WHERE headline AND pillar_id IS NOT NULL
        ORDER BY pillar_id, sort_order, indicator_id
    """,
    "all_indicator_ids": "SELECT indicator_id FROM marts.indicators ORDER BY indicator_id",
    "milestone_counts": """
        SELECT status, count(*) AS n FROM marts.milestones GROUP BY status
    """,
    "last_submission": """
        SELECT max(loaded_at) FROM meta.loads WHERE outcome = 'accepted'
    """,
}


@dataclass(frozen=True)
class TargetRow:
    """A ``marts.targets`` row: the method's :class:`Target` plus its provenance."""

    target: Target
    source_id: str
    locator: str
    publisher: str | None
    publisher_fr: str | None
    edition_en: str | None
    edition_fr: str | None
    source_language: str | None
    note_en: str | None
    note_fr: str | None


@dataclass(frozen=True)
class IndicatorData:
    """Everything an indicator page or card reads, fetched once."""

    meta: dict[str, object]
    observations: pd.DataFrame
    target: TargetRow | None
    # series_source -> (figures, latest period end) of each kind of submission
    submissions: dict[str, tuple[int, date | None]] = field(default_factory=dict)


def indicator(db: Database, indicator_id: str) -> dict[str, object] | None:
    frame = db.frame(QUERIES["indicator"], {"indicator_id": indicator_id})
    return None if frame.empty else frame.iloc[0].to_dict()


def observations(db: Database, indicator_id: str) -> pd.DataFrame:
    frame = db.frame(QUERIES["observations"], {"indicator_id": indicator_id})
    for column in ("period_start", "period_end"):
        # Vectorised: a per-cell conversion cost more than the query on large indicators.
        days = pd.to_datetime(frame[column])
        frame[column] = days.dt.date.astype(object).where(days.notna(), None)
    return frame


def submission_summary(db: Database, indicator_id: str) -> dict[str, tuple[int, date | None]]:
    rows = db.rows(QUERIES["submission_summary"], {"indicator_id": indicator_id})
    return {str(source): (int(n), _date(latest)) for source, n, latest in rows}


def target(db: Database, indicator_id: str) -> TargetRow | None:
    frame = db.frame(QUERIES["target"], {"indicator_id": indicator_id})
    if frame.empty:
        return None
    row = frame.iloc[0]
    baseline = row["baseline_value"]
    start, end = _date(row["period_start"]), _date(row["period_end"])
    assert start is not None and end is not None  # NOT NULL in the schema
    return TargetRow(
        target=Target(
            target_kind=str(row["target_kind"]),
            target_value=float(row["target_value"]),
            period_start=start,
            period_end=end,
            baseline_value=None if pd.isna(baseline) else float(baseline),
            indicator_id=indicator_id,
        ),
        source_id=str(row["source_id"]),
        locator=str(row["locator"]),
        publisher=_text(row["publisher"]),
        publisher_fr=_text(row["publisher_fr"]),
        edition_en=_text(row["edition_en"]),
        edition_fr=_text(row["edition_fr"]),
        source_language=_text(row["source_language"]),
        note_en=_text(row["note_en"]),
        note_fr=_text(row["note_fr"]),
    )


def headline_indicators(db: Database) -> list[tuple[str, str]]:
    """(indicator_id, pillar_id) of every headline indicator, in card order."""
    return [(str(a), str(b)) for a, b in db.rows(QUERIES["headline_indicators"])]


def all_indicator_ids(db: Database) -> list[str]:
    return [str(row[0]) for row in db.rows(QUERIES["all_indicator_ids"])]


def milestone_counts(db: Database) -> dict[str, int]:
    return {str(status): int(n) for status, n in db.rows(QUERIES["milestone_counts"])}


def last_submission(db: Database) -> str | None:
    value = db.rows(QUERIES["last_submission"])[0][0]
    return None if value is None else str(value)


def indicator_data(db: Database, indicator_id: str) -> IndicatorData | None:
    meta = indicator(db, indicator_id)
    if meta is None:
        return None
    return IndicatorData(meta, observations(db, indicator_id), target(db, indicator_id),
                         submission_summary(db, indicator_id))
