"""``marts.quarter_comparisons``: why each change the quarterly review shows has a number, or
why it has none (docs/architecture.md › Domain rules). A quarter compared with one that ended
before the strategy began has no figure because the strategy had not started, not because a
submission is missing, and the review says so.

Built from ``marts.progress`` (build it first): one row per indicator, assessed quarter and
comparison (``previous_quarter``, ``same_quarter_last_year``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import duckdb

from pipelines.periods import FiscalQuarter
from pipelines.settings import Settings
from pipelines.sql import insert_rows
from pipelines.vocabulary import COMPARISONS

# (indicator_id, quarter label) -> (value this quarter, this_quarter_state)
States = dict[tuple[str, str], tuple[float | None, str]]


def compared_quarter(quarter: FiscalQuarter, comparison: str) -> FiscalQuarter:
    return quarter.previous() if comparison == "previous_quarter" \
        else quarter.same_quarter_last_year()


def reason(states: States, indicator_id: str, quarter: FiscalQuarter, comparison: str,
           strategy_start: date) -> str:
    """The first of: before_strategy, this_quarter_missing, suppressed, not_submitted,
    compared."""
    earlier = compared_quarter(quarter, comparison)
    if earlier.end < strategy_start:
        return "before_strategy"
    value, _ = states.get((indicator_id, quarter.label), (None, "missing"))
    if value is None:
        return "this_quarter_missing"
    old_value, old_state = states.get((indicator_id, earlier.label), (None, "missing"))
    if old_state == "suppressed":
        return "suppressed"
    return "not_submitted" if old_value is None else "compared"


def comparison_rows(states: States, strategy_start: date) -> Iterable[dict[str, object]]:
    for indicator_id, label in states:
        quarter = FiscalQuarter.parse(label)
        for comparison in COMPARISONS:
            yield {"indicator_id": indicator_id, "as_of_quarter": label,
                   "comparison": comparison,
                   "compared_quarter": compared_quarter(quarter, comparison).label,
                   "reason": reason(states, indicator_id, quarter, comparison, strategy_start)}


def build_comparisons(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Replace ``marts.quarter_comparisons`` from ``marts.progress``."""
    states: States = {(i, q): (v, s) for i, q, v, s in con.execute(
        "SELECT indicator_id, as_of_quarter, value_this_quarter, this_quarter_state "
        "FROM marts.progress").fetchall()}
    con.execute("DELETE FROM marts.quarter_comparisons")
    insert_rows(con, "marts.quarter_comparisons",
                list(comparison_rows(states, settings.strategy_start)))
