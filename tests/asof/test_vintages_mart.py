"""The vintage marts: every submitted figure and every marts.progress row as they stood after
each load, computed by the build (docs/architecture.md › Data flow)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import duckdb

from tests.support.asof import (
    BETWEEN,
    FIRST_LOAD,
    FIRST_VALUE,
    INDICATOR,
    REVISED_VALUE,
    SECOND_LOAD,
)

END_OF_BETWEEN = datetime.combine(BETWEEN, datetime.max.time())
SHOWN_AT = """
SELECT period_start::VARCHAR, value, status, revision, suppressed, geography
FROM marts.observation_vintages
WHERE indicator_id = $i AND known_from <= $at AND (known_until IS NULL OR known_until > $at)
ORDER BY period_start, geography"""
PROGRESS_AT = """
SELECT as_of_quarter, value_this_quarter, value_to_date, status FROM marts.progress_vintages
WHERE indicator_id = $i AND vintage_at = (SELECT max(vintage_at) FROM marts.progress_vintages
                                          WHERE vintage_at <= $at)
ORDER BY as_of_quarter"""


def _shown(db: Path, at: datetime) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(SHOWN_AT, {"i": INDICATOR, "at": at}).fetchall()


def _progress(db: Path, at: datetime) -> dict[str, tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(PROGRESS_AT, {"i": INDICATOR, "at": at}).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_between_the_loads_the_first_value_is_shown_unrevised(revised_db: Path) -> None:
    totals = [r for r in _shown(revised_db, END_OF_BETWEEN) if r[5] == "ontario"]
    assert totals == [("2025-04-01", FIRST_VALUE, "submitted", False, False, "ontario"),
                      ("2025-07-01", 80, "submitted", False, False, "ontario")]


def test_after_the_second_load_the_revision_is_shown_and_the_new_quarter_appears(
        revised_db: Path) -> None:
    totals = [r for r in _shown(revised_db, SECOND_LOAD) if r[5] == "ontario"]
    assert totals == [("2025-04-01", REVISED_VALUE, "revised", True, False, "ontario"),
                      ("2025-07-01", 80, "submitted", False, False, "ontario"),
                      ("2025-10-01", 66, "submitted", False, False, "ontario")]


def test_before_the_first_load_no_submitted_figure_is_known(revised_db: Path) -> None:
    assert _shown(revised_db, FIRST_LOAD - timedelta(seconds=1)) == []


def test_a_suppressed_cell_stays_suppressed_in_every_vintage(revised_db: Path) -> None:
    north = [r for r in _shown(revised_db, END_OF_BETWEEN) if r[5] == "region_north"]
    assert north and all(r[1] is None and r[4] for r in north)


def test_the_latest_vintage_is_exactly_what_the_tables_hold_now(revised_db: Path) -> None:
    with duckdb.connect(str(revised_db), read_only=True) as con:
        observations = con.execute(
            "SELECT * FROM marts.observations WHERE load_id IS NOT NULL "
            "EXCEPT SELECT * EXCLUDE (known_from, known_until) FROM marts.observation_vintages "
            "WHERE known_until IS NULL").fetchall()
        extra = con.execute(
            "SELECT * EXCLUDE (known_from, known_until) FROM marts.observation_vintages "
            "WHERE known_until IS NULL EXCEPT SELECT * FROM marts.observations").fetchall()
        progress = con.execute(
            "SELECT * FROM marts.progress EXCEPT SELECT * EXCLUDE (vintage_at, vintage_load_id) "
            "FROM marts.progress_vintages WHERE vintage_at = "
            "(SELECT max(vintage_at) FROM marts.progress_vintages)").fetchall()
    assert (observations, extra, progress) == ([], [], [])


def test_progress_as_it_stood_between_the_loads_is_decided_on_the_first_value(
        revised_db: Path) -> None:
    then, now = _progress(revised_db, END_OF_BETWEEN), _progress(revised_db, datetime.now())
    assert then["2025-26Q1"][:2] == (FIRST_VALUE, FIRST_VALUE)
    assert now["2025-26Q1"][:2] == (REVISED_VALUE, REVISED_VALUE)
    assert then["2025-26Q2"][1] == FIRST_VALUE + 80
    assert now["2025-26Q2"][1] == REVISED_VALUE + 80
    # The third quarter was not submitted yet: missing then, a value now.
    assert then["2025-26Q3"][0] is None and now["2025-26Q3"][0] == 66


def test_a_demonstration_value_never_replaces_a_real_one(tmp_path: Path,
                                                         revised_db: Path) -> None:
    from pipelines.marts.vintages import build_vintages
    from pipelines.settings import load_settings

    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(revised_db.read_bytes())
    with duckdb.connect(str(copy)) as con:
        con.execute("INSERT INTO meta.loads VALUES (99, 'DEMO.csv', 'x', $at, 1, 0, "
                    "'accepted', NULL)", {"at": SECOND_LOAD + timedelta(days=30)})
        con.execute("INSERT INTO staging.submission_rows SELECT 99, 'DEMO.csv', 2, "
                    "indicator_id, geography, breakdown, quarter, period_start, period_end, "
                    "1, 'exact', NULL, 'DEMO', 'demo' FROM staging.submission_rows "
                    "WHERE load_id = 1 AND geography = 'ontario' AND quarter = '2025-26Q2'")
        con.execute("INSERT INTO marts.observation_history SELECT * REPLACE (99 AS load_id, "
                    "'demo' AS status, 1.0 AS value, $at AS loaded_at) "
                    "FROM marts.observation_history WHERE load_id = 1 AND geography = "
                    "'ontario' AND quarter = '2025-26Q2'",
                    {"at": SECOND_LOAD + timedelta(days=30)})
        build_vintages(con, load_settings(env={}, db_path=copy))
    latest = [r for r in _shown(copy, datetime.now()) if r[0] == "2025-07-01"
              and r[5] == "ontario"]
    assert latest == [("2025-07-01", 80, "submitted", False, False, "ontario")]
