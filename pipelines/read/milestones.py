"""Reads of the deliverables: their state at a quarter, their dated history and the
indicators each should move (``marts.milestone_quarters``, ``marts.milestone_status``,
``marts.milestone_indicators``). Built once by :mod:`pipelines.marts.milestones`."""

from __future__ import annotations

from collections import defaultdict

from pipelines.read.core import Reader, fetch
from pipelines.read.rows import MilestoneHistory, MilestoneLink, MilestoneQuarter, StateCount
from pipelines.vocabulary import DELIVERABLE_STATES


def at_quarter(reader: Reader, quarter: str | None = None) -> list[MilestoneQuarter]:
    """Every deliverable at the end of ``quarter`` (None: the latest assessed quarter)."""
    return fetch(reader, "milestone_quarters", MilestoneQuarter, quarter=quarter, changed=None)


def changes(reader: Reader, quarter: str) -> list[MilestoneQuarter]:
    """Deliverables that changed status or fell overdue during ``quarter``."""
    return fetch(reader, "milestone_quarters", MilestoneQuarter, quarter=quarter, changed=True)


def history(reader: Reader, milestone_id: str | None = None) -> dict[str, list[MilestoneHistory]]:
    """Each deliverable's dated statuses, oldest first."""
    out: dict[str, list[MilestoneHistory]] = defaultdict(list)
    for row in fetch(reader, "milestone_history", MilestoneHistory, milestone_id=milestone_id):
        out[row.milestone_id].append(row)
    return dict(out)


def links(reader: Reader, *, milestone_id: str | None = None,
          indicator_id: str | None = None) -> list[MilestoneLink]:
    return fetch(reader, "milestone_links", MilestoneLink, milestone_id=milestone_id,
                 indicator_id=indicator_id)


def state_counts(reader: Reader) -> dict[str, dict[str, int]]:
    """pillar_id -> review state -> deliverables at the latest quarter (zero when none)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(DELIVERABLE_STATES, 0))
    for row in fetch(reader, "deliverable_states", StateCount):
        counts[row.pillar_id][row.state] = row.n
    return dict(counts)
