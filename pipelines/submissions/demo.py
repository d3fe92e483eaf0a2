"""Demonstration submissions (``python -m pipelines build --demo``), clearly labelled.

Deterministic: a seeded ``random.Random`` and an explicit "today" give the same rows every
time. Volumes are plausible against the published baselines: about 1,100 front-line workers
trained over five years (~65-80 a quarter), more than 200 children and youth a year served by
the two intervention teams (~50-60 a quarter), 29,000+ people over three years served by funded
organizations (~2,400-2,600 a quarter). Regional splits include small cells so suppression can
be seen; one load revises an earlier quarter and one indicator x quarter is left unsubmitted.
The last three loads also carry deliverable statuses (:mod:`.demo_deliverables`).
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import asdict
from datetime import date, datetime, time, timedelta

import duckdb

from pipelines import sql
from pipelines.marts.milestones import RECORDS_TABLE, check_record
from pipelines.periods import FiscalQuarter
from pipelines.settings import Settings
from pipelines.submissions import journal, read
from pipelines.submissions.cells import CellSink
from pipelines.submissions.demo_deliverables import demo_records
from pipelines.submissions.ingest import insert_rows, load_reference
from pipelines.submissions.template import COLUMNS
from pipelines.submissions.validate import Reference, drop_work_tables, validate

SEED = 20250401
PROGRAM = "DEMO – demonstration data, not real figures"
NOTE = "DEMONSTRATION DATA – generated, not reported by any program"
REGION_WEIGHTS = {"region_central": 0.27, "region_east": 0.2, "region_north": 0.07,
                  "region_toronto": 0.28, "region_west": 0.18}
# Ontario totals per quarter (low, high). Joint-forces ranges follow the published cumulative
# figures as of February 2023 (65 investigations, 61 victims assisted, 72 trafficking and 167
# other charges, 28 persons charged) spread over the team's first two years or so.
TOTALS = {
    "frontline_workers_trained": (65, 80),
    "people_served_funded_orgs": (2400, 2600),
    "funded_organizations": (50, 54),
    "care_children_youth_served": (50, 60),
    "care_teams": (2, 2),
    "joint_forces_investigations": (6, 12),
    "joint_forces_victims_assisted": (5, 11),
    "joint_forces_trafficking_charges": (6, 14),
    "joint_forces_other_charges": (15, 30),
    "joint_forces_persons_charged": (3, 7),
}
# The strategy announces a third intervention team, in Kenora; the demo opens it in 2026-27.
KENORA_OPENS = FiscalQuarter(2026, 1)
REVISED = "frontline_workers_trained"  # its first quarter is corrected in the second load
MISSING = "joint_forces_investigations"  # not submitted for the second-latest quarter


def drop_demo(con: duckdb.DuckDBPyConnection) -> None:
    """Remove demonstration rows, deliverable statuses and their loads (a plain build must
    show only real data)."""
    con.execute("DELETE FROM meta.loads WHERE load_id IN "
                "(SELECT load_id FROM staging.submission_rows WHERE status = 'demo')")
    con.execute(f"DELETE FROM {RECORDS_TABLE} WHERE source = 'demo'")  # noqa: S608 (a constant)
    con.execute("DELETE FROM staging.submission_rows WHERE status = 'demo'")


def add_demo(con: duckdb.DuckDBPyConnection, settings: Settings, today: date | None = None) -> None:
    """Replace any earlier demo rows with one demo load per quarter so far."""
    drop_demo(con)
    ref = load_reference(con, settings, today or date.today())
    loads = demo_loads(FiscalQuarter.from_date(settings.strategy_start), ref.latest_complete)
    # From the journal, which refusals recorded outside the lock take their ids from too.
    load_id = journal.new_load_ids(settings.db_path, journal.highest_load_id(con),
                                   len(loads))[0] if loads else 1
    made: list[tuple[FiscalQuarter, int, datetime]] = []
    with duckdb.connect() as staging:  # validation's own connection, as for an ingest
        for quarter, cells in loads:
            name = f"DEMO-{quarter.label}.csv"
            count = _check_cells(staging, name, cells, ref)
            loaded_at = datetime.combine(quarter.end + timedelta(days=25), time(9, 0))
            sha = hashlib.sha256(repr(cells).encode()).hexdigest()
            con.execute("INSERT INTO meta.loads VALUES (?, ?, ?, ?, ?, 0, 'accepted', ?)",
                        [load_id, name, sha, loaded_at, count, "demonstration data"])
            insert_rows(con, staging, _VALID, load_id, name, "demo")
            made.append((quarter, load_id, loaded_at))
            load_id += 1
    _add_records(con, settings, ref, made)


def _add_records(con: duckdb.DuckDBPyConnection, settings: Settings, ref: Reference,
                 made: list[tuple[FiscalQuarter, int, datetime]]) -> None:
    """Demo deliverable statuses pass the same check as a submission's."""
    records = demo_records(made, ref.milestones)
    problems = [p for i, r in enumerate(records) for p in check_record(
        r, ref.milestones, today=ref.today, strategy_start=settings.strategy_start,
        file="DEMO deliverables", row=i + 2)]
    if problems:
        raise RuntimeError("demo generator produced invalid deliverable statuses: "
                           + "; ".join(map(str, problems)))
    sql.insert_rows(con, RECORDS_TABLE, [asdict(r) for r in records])


def demo_loads(
    first: FiscalQuarter, last: FiscalQuarter
) -> list[tuple[FiscalQuarter, list[dict[str, str]]]]:
    """(quarter, rows as template cells) for each quarter from ``first`` to ``last``."""
    rng = random.Random(SEED)
    quarters = list(FiscalQuarter.range(first, last))
    loads: list[tuple[FiscalQuarter, list[dict[str, str]]]] = []
    for i, quarter in enumerate(quarters):
        cells = []
        for indicator, (low, high) in TOTALS.items():
            if indicator == MISSING and len(quarters) >= 2 and i == len(quarters) - 2:
                continue
            cells += _indicator_rows(rng, indicator, quarter, rng.randint(low, high))
        if i == 1:
            first_total = next(c for c in loads[0][1] if c["indicator_id"] == REVISED
                               and c["geography"] == "ontario" and c["breakdown"] == "total")
            corrected = int(first_total["value"]) + 6
            cells.append(_cell(REVISED, quarters[0], "ontario", "total", corrected,
                               NOTE + "; corrects the first quarter (late training records)"))
        loads.append((quarter, cells))
    return loads


def _indicator_rows(
    rng: random.Random, indicator: str, quarter: FiscalQuarter, total: int
) -> list[dict[str, str]]:
    if indicator == "care_teams" and quarter >= KENORA_OPENS:
        total += 1
    rows = [_cell(indicator, quarter, "ontario", "total", total)]
    if indicator in ("frontline_workers_trained", "people_served_funded_orgs"):
        rows += [_cell(indicator, quarter, g, "total", v)
                 for g, v in _split(rng, total, REGION_WEIGHTS).items()]
    if indicator == "care_children_youth_served":
        # Kenora's first quarters are small cells: suppressed, with their complement.
        kenora = rng.randint(3, 9) if quarter >= KENORA_OPENS else 0
        rows += [_cell(indicator, quarter, "toronto_durham", "total", total - kenora)]
        if kenora:
            rows += [_cell(indicator, quarter, "kenora", "total", kenora)]
        ages = _split(rng, total, {"age:under-12": 0.06, "age:12-15": 0.42, "age:16-17": 0.52})
        rows += [_cell(indicator, quarter, "ontario", b, v) for b, v in ages.items()]
    return rows


def _split(rng: random.Random, total: int, weights: dict[str, float]) -> dict[str, int]:
    """Parts that add up exactly to ``total`` (the last part takes the remainder)."""
    parts: dict[str, int] = {}
    names = list(weights)
    for name in names[:-1]:
        share = weights[name] * rng.uniform(0.8, 1.2)
        parts[name] = min(total - sum(parts.values()), round(total * share))
    parts[names[-1]] = total - sum(parts.values())
    return parts


def _cell(indicator: str, quarter: FiscalQuarter, geography: str, breakdown: str, value: int,
          note: str = NOTE) -> dict[str, str]:
    return {"indicator_id": indicator, "quarter": quarter.label, "geography": geography,
            "breakdown": breakdown, "value": str(value), "qualifier": "exact", "note": note,
            "program": PROGRAM}


_VALID = "sub_valid_demo"


def _check_cells(con: duckdb.DuckDBPyConnection, name: str, cells: list[dict[str, str]],
                 ref: Reference) -> int:
    """Demo rows go through the same validation as real files, so they stay plausible; the
    valid rows are left in :data:`_VALID`."""
    sink = CellSink(con)
    sink.add(list(COLUMNS))
    # An indicator the reference data does not define (yet) is left out.
    sink.extend([cell.get(c, "") for c in COLUMNS] for cell in cells
                if cell["indicator_id"] in ref.units)
    sink.flush()
    checked = validate(con, name, read.Staged(header=list(COLUMNS), header_row=1), ref, _VALID)
    drop_work_tables(con)
    if checked.problems:
        raise RuntimeError("demo generator produced invalid rows: "
                           + "; ".join(map(str, checked.problems)))
    return checked.valid_rows
