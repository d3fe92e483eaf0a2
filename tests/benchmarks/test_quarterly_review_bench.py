"""The quarterly review benchmark at tiny scale (10^3 SYNTHETIC rows, a few runs): it writes
its JSON with the p95 against its budget and ``met``, and the marts it relies on hold the
review's revisions and missing submissions, so a render never scans the history. Never how
fast anything is: that is ``make bench``'s job."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from benchmarks import quarterly_review, synthetic
from pipelines.periods import FiscalQuarter
from pipelines.read import ConnectionReader
from pipelines.read.core import fetch
from pipelines.read.rows import Revision

ROWS = 1_000


def test_the_benchmark_writes_its_p95_with_its_budget(tmp_path: Path) -> None:
    db = synthetic.generate(ROWS, tmp_path / "s.duckdb")
    quarterly_review.main(["--db", str(db), "--rows", str(ROWS), "--runs", "3",
                           "--results", str(tmp_path)])
    document = json.loads((tmp_path / "quarterly_review.json").read_text(encoding="utf-8"))
    figures = {f["key"]: f for f in document["figures"]}
    p95 = figures["quarterly_review.p95_cache_off"]
    assert p95["budget"] == "p95 <= 150 ms" and isinstance(p95["met"], bool)
    assert p95["baseline"]["what"].startswith("raw DuckDB p95")
    assert document["scale"]["observation_history"] == ROWS


def test_the_review_marts_hold_exactly_the_revisions_of_each_window(tmp_path: Path) -> None:
    """marts.quarter_revisions gives each review the replacements the old query found by
    scanning the history: loaded after the previous quarter's first load and before the
    next quarter's."""
    db = synthetic.generate(ROWS, tmp_path / "s.duckdb")
    scan = (Path(__file__).resolve().parents[2] / "pipelines" / "read" / "queries"
            / "revisions.sql").read_text(encoding="utf-8")
    with duckdb.connect(str(db), read_only=True) as con:
        reader = ConnectionReader(con)
        first = dict(con.execute("SELECT quarter, load_id FROM marts.quarter_first_loads")
                     .fetchall())
        assert first
        total = 0
        for quarter in sorted(first):
            q = FiscalQuarter.parse(quarter)
            after = first.get(q.previous().label, 0)
            before = first.get(q.next().label)
            cursor = con.execute(scan, {"after_load": after, "before_load": before})
            scanned = sorted(tuple(r) for r in cursor.fetchall())
            stored = sorted((r.indicator_id, r.geography, r.breakdown, r.quarter, r.load_id,
                             r.loaded_at, r.old_value, r.new_value, r.demo)
                            for r in fetch(reader, "quarter_revisions", Revision,
                                           quarter=quarter))
            assert stored == scanned, quarter
            total += len(stored)
        assert total > 0  # the synthetic loads do revise values
        missing = con.execute("SELECT count(*) FROM marts.quarter_missing").fetchone()
        coverage = con.execute("SELECT count(DISTINCT (indicator_id, quarter)) FROM "
                               "marts.submission_coverage WHERE NOT submitted").fetchone()
        assert missing == coverage
