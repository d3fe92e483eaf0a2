"""Demonstration deliverable statuses (``python -m pipelines build --demo``), clearly labelled.

A few deliverables move over the last three demo quarters, so the deliverables page shows a
history and the quarterly review shows what changed: one is finished after falling overdue,
one is planned and then runs into trouble, one starts and is delivered, one stays as it is.
Each record belongs to its quarter's demo load (dropped with it) and has ``source = 'demo'``,
which the pages label in each language ("demonstration (not real)", "démonstration
(fictif)") and snapshots leave out. Dates are fixed relative to the quarters: the same rows
every time for the same "today".

``recorded_by`` is ``DEMO``, the same word in both languages, and the records carry no note:
a record has one note column, shown as written on the English and the French pages alike, so
an English note would put English on every French page (tests/dashboard/test_french_pages.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from pipelines.marts.milestones import MilestoneRecord
from pipelines.periods import FiscalQuarter

SOURCE: Final = "demo"
RECORDED_BY: Final = "DEMO"


@dataclass(frozen=True)
class Step:
    """One demo status: ``quarter`` counts back from the latest demo quarter (2 = two
    quarters before it); ``due`` is likewise the quarter whose last day it is due."""

    quarter: int
    milestone_id: str
    status: str
    due: int | None = None


# Only deliverables that come after support-a3 in pillar order: the review tests add statuses
# for awareness-a1 and support-a3 on top of the demo build and expect both among the first
# lines of the quarter's summary, which lists the changes in pillar order, three at most.
STORY: Final = (
    Step(2, "support-a4", "planned"),
    Step(2, "support-i1", "planned"),
    Step(2, "accountability-a2", "in_progress"),  # no change after: a quiet deliverable
    Step(2, "accountability-i1", "planned", due=1),  # the guide, due a quarter later...
    Step(1, "support-a4", "in_progress"),
    Step(1, "accountability-a5", "in_progress"),
    Step(1, "accountability-i1", "in_progress"),  # ...falls overdue...
    Step(0, "support-i1", "at_risk"),
    Step(0, "accountability-a5", "done"),
    Step(0, "accountability-i1", "done"),  # ...and is published late
)


def demo_records(quarters: Sequence[tuple[FiscalQuarter, int, datetime]],
                 known: frozenset[str]) -> list[MilestoneRecord]:
    """The demo records for ``quarters`` ((quarter, its demo load id, its load time), oldest
    first), leaving out deliverables the reference data does not define (yet)."""
    records = []
    for step in STORY:
        if step.quarter >= len(quarters) or step.milestone_id not in known:
            continue
        quarter, load_id, loaded_at = quarters[-1 - step.quarter]
        due = (quarters[-1 - step.due][0].end
               if step.due is not None and step.due < len(quarters) else None)
        records.append(MilestoneRecord(
            step.milestone_id, step.status, quarter.start + timedelta(days=45), RECORDED_BY,
            SOURCE, due_date=due, load_id=load_id, recorded_at=loaded_at))
    return records
