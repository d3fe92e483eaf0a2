"""Every figure as it was known on any date (docs/architecture.md › Data flow): the build
keeps the public submission rows and ``marts.progress`` as they stood after each accepted
load, so "as known on" a date is a lookup, never a computation at request time.

* ``marts.observation_vintages``: each accepted version of a submitted figure with the time
  it was shown from (``known_from``, its load's ``loaded_at``) and until (``known_until``,
  the load that replaced it; NULL while it is still shown). Which version is shown follows
  the rule of :func:`pipelines.submissions.publish.mark_latest`: a later real submission
  replaces an earlier one, any later version replaces a demonstration one, and a
  demonstration value never replaces a real one (its interval is then empty). Status and
  ``revision`` are those the table carried at the time; values and suppression are those of
  ``marts.observation_history`` (a value hidden in any release stays hidden in every one).
* ``marts.progress_vintages``: :func:`pipelines.marts.progress.progress_rows` run over those
  figures as they stood after each load time (the day of the load as the build's "today"),
  keyed by ``vintage_at``; one vintage before any load (published figures are known from the
  start) and, unless a load happened on the day of this write, one from the start of that
  day (equal to ``marts.progress``, which is decided for that day).

A reader asking for the end of day D takes the vintage with the latest ``vintage_at`` at or
before it, and the figure versions whose interval contains it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from typing import Any, Final

import duckdb

from pipelines.marts.progress import progress_rows
from pipelines.marts.quarters import quarter_value
from pipelines.periods import FiscalQuarter
from pipelines.settings import Settings
from pipelines.sql import insert_rows

# Before any load: the vintage of published figures only.
BEFORE_ANY_LOAD: Final = datetime(1, 1, 1)

# One row per accepted version. A version stops being shown when a later one wins (a later
# real submission over a real one; any later version over a demonstration one); a
# demonstration version loaded after a real one is never shown. ``revision``: an earlier
# version of the same status had another value or qualifier (the set of values publish()
# compares, as it stood then). Only keys with several versions need the windows (about 1% of
# them; 12 s -> 3 s at 10^6 rows). observation_id is the key's (marts.observations);
# source_id and locator are written as publish() writes them.
_OBSERVATIONS: Final = """
INSERT INTO marts.observation_vintages
WITH versions AS (
    SELECT h.indicator_id, h.geography, h.breakdown, h.quarter, h.period_start, h.period_end,
           h.value, h.qualifier, h.unit, h.suppressed, h.status, h.load_id, h.loaded_at,
           h.note, s.value AS raw_value, s.file, s.row_number
    FROM marts.observation_history AS h
    JOIN staging.submission_rows AS s
      USING (load_id, indicator_id, geography, breakdown, quarter)
), several AS (
    SELECT indicator_id, geography, breakdown, quarter FROM versions
    GROUP BY ALL HAVING count(*) > 1
), once AS (
    SELECT v.*, NULL::TIMESTAMP AS replaced_at, false AS shadowed, false AS revision
    FROM versions AS v ANTI JOIN several USING (indicator_id, geography, breakdown, quarter)
), timed AS (
    SELECT *,
           CASE WHEN status = 'demo' THEN lead(loaded_at) OVER later
                ELSE min(loaded_at) FILTER (WHERE status <> 'demo') OVER later_all END
               AS replaced_at,
           status = 'demo' AND coalesce(bool_or(status <> 'demo') OVER earlier, false)
               AS shadowed
    FROM versions SEMI JOIN several USING (indicator_id, geography, breakdown, quarter)
    WINDOW later AS (PARTITION BY indicator_id, geography, breakdown, quarter
                     ORDER BY load_id, row_number),
           later_all AS (later ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING),
           earlier AS (later ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), revised AS (
    SELECT *,
           min(raw_value) OVER same <> max(raw_value) OVER same
               OR min(qualifier) OVER same <> max(qualifier) OVER same AS revision
    FROM timed
    WINDOW same AS (PARTITION BY indicator_id, geography, breakdown, quarter, status
                    ORDER BY load_id, row_number ROWS UNBOUNDED PRECEDING)
), every AS (
    SELECT * FROM once UNION ALL BY NAME SELECT * FROM revised
)
SELECT o.observation_id, v.indicator_id, v.geography, v.breakdown, v.period_start,
       v.period_end, 'stated', v.value, v.qualifier, v.unit,
       CASE WHEN v.status = 'demo' THEN 'demo-' ELSE 'submission-' END || v.load_id,
       'load ' || v.load_id || ', row ' || v.row_number,  -- never the file's own name
       CASE WHEN v.status = 'demo' THEN 'demo' WHEN v.revision THEN 'revised'
            ELSE 'submitted' END,
       v.suppressed, NULL, v.load_id, v.revision, v.note, v.note, NULL, 'printed',
       v.loaded_at, CASE WHEN v.shadowed THEN v.loaded_at ELSE v.replaced_at END
FROM every AS v
JOIN marts.observations AS o
  ON o.load_id IS NOT NULL AND o.indicator_id = v.indicator_id
 AND o.geography = v.geography AND o.breakdown = v.breakdown
 AND o.period_start = v.period_start
ORDER BY v.indicator_id, v.quarter, v.geography, v.breakdown, v.load_id
"""
_LOAD_TIMES: Final = """
SELECT known_from, max(load_id) FROM marts.observation_vintages
GROUP BY known_from ORDER BY known_from"""
# The provincial totals as shown at $known_at (what marts.progress reads from observations).
_TOTALS_AT: Final = """
SELECT indicator_id, period_start, value, qualifier, status, suppressed, revision
FROM marts.observation_vintages
WHERE geography = 'ontario' AND breakdown = 'total' AND known_from <= $known_at
  AND (known_until IS NULL OR known_until > $known_at)"""
_CURRENT: Final = """
INSERT INTO marts.progress_vintages BY NAME
SELECT $vintage_at AS vintage_at, $load_id AS vintage_load_id, * FROM marts.progress"""


def build_vintages(con: duckdb.DuckDBPyConnection, settings: Settings,
                   today: date | None = None) -> None:
    """Replace both vintage marts. Runs after ``marts.progress`` is rebuilt for ``today``
    (its rows are the vintage of the start of that day, unless a load that day or later has
    its own)."""
    today = today or date.today()
    con.execute("DELETE FROM marts.observation_vintages")
    con.execute("DELETE FROM marts.progress_vintages")
    con.execute(_OBSERVATIONS)
    loads = [(at, int(load)) for at, load in con.execute(_LOAD_TIMES).fetchall()]
    _insert_vintage(con, settings, BEFORE_ANY_LOAD, None,
                    loads[0][0].date() if loads else today, {})
    for at, load_id in loads:
        _insert_vintage(con, settings, at, load_id, at.date(), _series_at(con, at))
    # Keyed by the day, not the clock: two builds of the same inputs on one day are equal.
    start_of_today = datetime.combine(today, time.min)
    if not loads or loads[-1][0] < start_of_today:
        con.execute(_CURRENT, {"vintage_at": start_of_today,
                               "load_id": loads[-1][1] if loads else None})


def _series_at(con: duckdb.DuckDBPyConnection,
               known_at: datetime) -> dict[str, dict[FiscalQuarter, Any]]:
    series: dict[str, dict[FiscalQuarter, Any]] = defaultdict(dict)
    rows = con.execute(_TOTALS_AT, {"known_at": known_at}).fetchall()
    for indicator_id, start, value, qualifier, status, suppressed, revision in rows:
        series[indicator_id][FiscalQuarter.from_date(start)] = quarter_value(
            value, qualifier, status, suppressed, revision)
    return series


def _insert_vintage(con: duckdb.DuckDBPyConnection, settings: Settings, at: datetime,
                    load_id: int | None, today: date,
                    series: dict[str, dict[FiscalQuarter, Any]]) -> None:
    rows = progress_rows(con, settings, today, series)
    insert_rows(con, "marts.progress_vintages",
                [{"vintage_at": at, "vintage_load_id": load_id, **row} for row in rows])
