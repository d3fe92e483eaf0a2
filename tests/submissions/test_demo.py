"""Demonstration submissions: deterministic, labelled, plausible, with a revision and a gap."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb

from pipelines.settings import load_settings
from pipelines.submissions import add_demo, drop_demo, publish
from tests.support.submissions import dump, make_db

TODAY = date(2026, 8, 15)


def demo_db(path: Path) -> Path:
    make_db(path)
    settings = load_settings(env={}, db_path=path)
    with duckdb.connect(str(path)) as con:
        add_demo(con, settings, today=TODAY)
        publish(con, settings)
    return path


def test_same_inputs_same_rows(tmp_path: Path) -> None:
    assert dump(demo_db(tmp_path / "a.duckdb")) == dump(demo_db(tmp_path / "b.duckdb"))


def test_quarters_labels_revision_and_gap(tmp_path: Path) -> None:
    with duckdb.connect(str(demo_db(tmp_path / "d.duckdb")), read_only=True) as con:
        quarters = con.execute("SELECT DISTINCT quarter FROM staging.submission_rows "
                               "ORDER BY 1").fetchall()
        assert [q for (q,) in quarters] == ["2025-26Q1", "2025-26Q2", "2025-26Q3", "2025-26Q4",
                                            "2026-27Q1"]
        assert con.execute("SELECT DISTINCT status FROM marts.observations "
                           "WHERE status <> 'published'").fetchall() == [("demo",)]
        programs = con.execute("SELECT DISTINCT program FROM staging.submission_rows").fetchall()
        assert all(p.startswith("DEMO") for (p,) in programs)
        revised = con.execute("SELECT indicator_id, geography, period_start FROM "
                              "marts.observations WHERE revision").fetchall()
        assert revised == [("frontline_workers_trained", "ontario", date(2025, 4, 1))]
        missing = con.execute("SELECT indicator_id, quarter FROM marts.submission_coverage "
                              "WHERE NOT submitted AND indicator_id LIKE 'joint%'").fetchall()
        assert ("joint_forces_investigations", "2025-26Q4") in missing
        assert con.execute("SELECT count(*) FROM marts.observations WHERE suppressed"
                           ).fetchone()[0] > 0


def test_volumes_are_plausible_against_baselines(tmp_path: Path) -> None:
    with duckdb.connect(str(demo_db(tmp_path / "d.duckdb")), read_only=True) as con:
        totals = dict(con.execute(
            "SELECT indicator_id, sum(value) / count(*) FROM marts.observations "
            "WHERE geography = 'ontario' AND breakdown = 'total' AND status = 'demo' "
            "GROUP BY 1").fetchall())
    assert 65 <= totals["frontline_workers_trained"] <= 86
    assert 50 <= totals["care_children_youth_served"] <= 60
    assert 2400 <= totals["people_served_funded_orgs"] <= 2600


def test_plain_build_drops_demo_rows(tmp_path: Path) -> None:
    path = demo_db(tmp_path / "d.duckdb")
    settings = load_settings(env={}, db_path=path)
    with duckdb.connect(str(path)) as con:
        drop_demo(con)
        publish(con, settings)
        assert con.execute("SELECT count(*) FROM marts.observations WHERE status = 'demo'"
                           ).fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM meta.loads").fetchone() == (0,)


def test_demo_deliverable_statuses_are_labelled_and_tell_a_story(tmp_path: Path) -> None:
    with duckdb.connect(str(demo_db(tmp_path / "d.duckdb")), read_only=True) as con:
        records = con.execute("SELECT DISTINCT source, recorded_by, note IS NULL "
                              "FROM staging.milestone_records").fetchall()
        demo_loads = {r[0] for r in con.execute(
            "SELECT load_id FROM meta.loads WHERE message = 'demonstration data'").fetchall()}
        record_loads = {r[0] for r in con.execute(
            "SELECT DISTINCT load_id FROM staging.milestone_records").fetchall()}
        history = con.execute("SELECT status, as_of, due_date, is_latest FROM "
                              "marts.milestone_status WHERE milestone_id = 'accountability-i1' "
                              "AND source = 'demo' ORDER BY sequence").fetchall()
        changes = con.execute("SELECT as_of_quarter, count(*) FROM marts.milestone_quarters "
                              "WHERE source = 'demo' AND (status_changed OR fell_overdue) "
                              "GROUP BY 1 ORDER BY 1").fetchall()
        overdue = con.execute("SELECT as_of_quarter FROM marts.milestone_quarters "
                              "WHERE fell_overdue AND milestone_id = 'accountability-i1'"
                              ).fetchall()
    assert records == [("demo", "DEMO", True)]
    assert record_loads <= demo_loads and len(record_loads) == 3
    # The guide: planned (due at the end of 2025-26Q4), late in progress, then published.
    assert history == [("planned", date(2025, 11, 15), date(2026, 3, 31), False),
                       ("in_progress", date(2026, 2, 15), None, False),
                       ("done", date(2026, 5, 16), None, True)]
    assert [q for q, _ in changes] == ["2025-26Q3", "2025-26Q4", "2026-27Q1"]
    assert overdue == [("2025-26Q4",)]


def test_plain_build_drops_demo_deliverable_statuses(tmp_path: Path) -> None:
    path = demo_db(tmp_path / "d.duckdb")
    settings = load_settings(env={}, db_path=path)
    with duckdb.connect(str(path)) as con:
        drop_demo(con)
        publish(con, settings)
        assert con.execute("SELECT count(*) FROM staging.milestone_records").fetchone() == (0,)
        assert con.execute("SELECT DISTINCT status FROM marts.milestones").fetchall() == [
            ("not_reported",)]


def test_a_snapshot_of_a_demo_build_keeps_no_demo_status(demo_db: Path, tmp_path: Path) -> None:
    from pipelines.release.snapshot import create_snapshot, snapshot_db

    live = tmp_path / "strategy.duckdb"
    shutil.copy(demo_db, live)
    settings = load_settings(env={}, db_path=live, data_dir=tmp_path / "data")
    create_snapshot(settings, "review", "https://tracker.example")
    with duckdb.connect(str(live), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM marts.milestones WHERE status <> "
                           "'not_reported'").fetchone() != (0,)  # the demo moved some
    with duckdb.connect(str(snapshot_db(settings, "review")), read_only=True) as con:
        assert con.execute("SELECT DISTINCT status, status_date, note FROM marts.milestones"
                           ).fetchall() == [("not_reported", None, None)]
        assert con.execute("SELECT DISTINCT source FROM marts.milestone_status").fetchall() == [
            ("reference",)]
