"""Named, parameterised SQL for the pillar, deliverables and about pages.

Kept apart from :mod:`dashboard.queries` so both modules stay small. The same rules hold:
values are bound as ``$parameters``; no identifier ever comes from user input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

import pandas as pd

from dashboard.database import Database
from dashboard.queries import LATEST_FIGURES, Figure, _date, _figure, _text
from pipelines.marts.status_rule import Observation, Target
from pipelines.vocabulary import MILESTONE_STATUSES

# Every indicator of a pillar, with its latest figure when there is one: the shared latest-figure
# query (an indicator nothing has been reported for yet is still listed).
_PILLAR_INDICATORS: Final[str] = (
    LATEST_FIGURES + " WHERE i.pillar_id = $pillar_id ORDER BY i.sort_order, i.indicator_id"
)

QUERIES: Final[dict[str, str]] = {
    "pillar": """
        SELECT p.pillar_id, p.name_en, p.name_fr, p.outcome_en, p.outcome_fr, p.locator,
               s.edition_en, s.edition_fr
        FROM marts.pillars AS p LEFT JOIN meta.sources AS s USING (source_id)
        WHERE p.pillar_id = $pillar_id
    """,
    "pillar_indicators": _PILLAR_INDICATORS,
    "series": """
        SELECT period_start, period_end, value, qualifier
        FROM marts.observations
        WHERE indicator_id = $indicator_id AND geography = 'ontario' AND breakdown = 'total'
              AND NOT suppressed
        ORDER BY period_end, period_start
    """,
    "target": """
        SELECT target_kind, target_value, period_start, period_end, baseline_value
        FROM marts.targets WHERE indicator_id = $indicator_id
        ORDER BY period_end DESC LIMIT 1
    """,
    # $pillar_id / $status NULL means "every pillar" / "every status".
    "milestones": """
        SELECT m.milestone_id, m.pillar_id, m.kind, m.text_en, m.text_fr, m.status,
               m.status_date, m.note, m.locator
        FROM marts.milestones AS m JOIN marts.pillars AS p USING (pillar_id)
        WHERE ($pillar_id IS NULL OR m.pillar_id = $pillar_id)
          AND ($status IS NULL OR m.status = $status)
        ORDER BY p.sort_order, m.kind, m.sort_order, m.milestone_id
    """,
    "milestone_counts": """
        SELECT status, count(*) AS n FROM marts.milestones
        WHERE ($pillar_id IS NULL OR pillar_id = $pillar_id)
        GROUP BY status
    """,
    "sources": """
        SELECT source_id, title, publisher, publisher_fr, language, published, published_about, url,
               sha256, kind, edition_en, edition_fr
        FROM meta.sources ORDER BY kind <> 'document', kind, source_id
    """,
    "strategy_period": """
        SELECT strategy_id, name_en, name_fr, period_start, period_end, period_basis,
               review_interval_years, locator, note_en, note_fr, source_id
        FROM marts.strategies WHERE strategy_id = $strategy_id
    """,
    "build_info": "SELECT key, value FROM meta.build_info",
}


@dataclass(frozen=True)
class PillarIndicator:
    """One indicator of a pillar and, when something has been published, its latest figure."""

    indicator_id: str
    name_en: str
    name_fr: str
    interpretation: str
    reporting_note: bool
    measure: str
    figure: Figure | None


@dataclass(frozen=True)
class Milestone:
    milestone_id: str
    pillar_id: str
    kind: str
    text_en: str
    text_fr: str
    status: str
    status_date: date | None
    note: str | None
    locator: str


def pillar(db: Database, pillar_id: str) -> pd.Series | None:
    frame = db.frame(QUERIES["pillar"], {"pillar_id": pillar_id})
    return None if frame.empty else frame.iloc[0]


def pillar_indicators(db: Database, pillar_id: str) -> list[PillarIndicator]:
    frame = db.frame(QUERIES["pillar_indicators"], {"pillar_id": pillar_id})
    return [
        PillarIndicator(
            indicator_id=str(row["indicator_id"]),
            name_en=str(row["name_en"]),
            name_fr=str(row["name_fr"]),
            interpretation=str(row["interpretation"]),
            reporting_note=bool(row["reporting_note"]),
            measure=str(row["measure"]),
            figure=_figure(row) if bool(row["has_value"]) else None,
        )
        for _, row in frame.iterrows()
    ]


def series(db: Database, indicator_id: str) -> list[Observation]:
    """The provincial total series of an indicator, as the progress method takes it."""
    rows = db.rows(QUERIES["series"], {"indicator_id": indicator_id})
    return [Observation(start, end, value, qualifier) for start, end, value, qualifier in rows]


def target(db: Database, indicator_id: str) -> Target | None:
    rows = db.rows(QUERIES["target"], {"indicator_id": indicator_id})
    if not rows:
        return None
    kind, value, start, end, baseline = rows[0]
    return Target(kind, float(value), start, end, baseline, indicator_id)


def milestones(
    db: Database, pillar_id: str | None = None, status: str | None = None
) -> list[Milestone]:
    frame = db.frame(QUERIES["milestones"], {"pillar_id": pillar_id, "status": status})
    return [
        Milestone(
            milestone_id=str(row["milestone_id"]),
            pillar_id=str(row["pillar_id"]),
            kind=str(row["kind"]),
            text_en=str(row["text_en"]),
            text_fr=str(row["text_fr"]),
            status=str(row["status"]),
            status_date=_date(row["status_date"]),
            note=_text(row["note"]),
            locator=str(row["locator"]),
        )
        for _, row in frame.iterrows()
    ]


def milestone_counts(db: Database, pillar_id: str | None = None) -> dict[str, int]:
    """Milestones per status (every status present, zero when none)."""
    counts = dict(db.rows(QUERIES["milestone_counts"], {"pillar_id": pillar_id}))
    return {status: int(counts.get(status, 0)) for status in MILESTONE_STATUSES}


def sources(db: Database) -> pd.DataFrame:
    return db.frame(QUERIES["sources"])


def strategy_period(db: Database, strategy_id: str) -> pd.Series | None:
    frame = db.frame(QUERIES["strategy_period"], {"strategy_id": strategy_id})
    return None if frame.empty else frame.iloc[0]


def build_info(db: Database) -> dict[str, str]:
    return {str(key): str(value) for key, value in db.rows(QUERIES["build_info"])}
