"""Deliverable statuses in a quarterly submission: a CSV whose header has milestone_id, or an
XLSX sheet named "deliverables". Accepted rows become dated records in the same transaction as
the figures; any problem in either rejects the whole ingest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
from openpyxl import Workbook

from tests.support.submissions import dump, loads

HEADER = "milestone_id,status,as_of,note,evidence_url,program"
FIGURES = ["indicator_id", "quarter", "geography", "breakdown", "value", "qualifier", "note",
           "program"]
FIGURE_ROW = ["frontline_workers_trained", "2025-26Q2", "ontario", "total", 70, "exact", None,
              "Training Program"]
STATUS_ROW = ["awareness-a1", "in_progress", date(2025, 8, 15), "first cohort", None,
              "Training Program"]


def write_csv(path: Path, *rows: str, header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_two_quarters_of_statuses_make_two_history_rows(run, db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "deliverables-2025-26Q4.csv",
                     "awareness-a1,in_progress,2025-08-15,first cohort,,Training Program",
                     "awareness-a1,done,2026-02-10,,https://example.org/report,Training Program")
    result = run(path)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (f"{path}: accepted 0 rows (load 1) and 2 deliverable "
                                     "statuses")
    history = query(db, "SELECT status, as_of, source, recorded_by, load_id, sequence, "
                        "is_latest, evidence_url FROM marts.milestone_status "
                        "WHERE milestone_id = 'awareness-a1' AND source <> 'reference' "
                        "ORDER BY sequence")
    assert history == [
        ("in_progress", date(2025, 8, 15), "submission", "Training Program", 1, 2, False, None),
        ("done", date(2026, 2, 10), "submission", "Training Program", 1, 3, True,
         "https://example.org/report")]
    assert query(db, "SELECT status, status_date FROM marts.milestones "
                     "WHERE milestone_id = 'awareness-a1'") == [("done", date(2026, 2, 10))]
    (loaded_at,), = query(db, "SELECT loaded_at FROM meta.loads WHERE load_id = 1")
    assert query(db, "SELECT DISTINCT recorded_at FROM staging.milestone_records") == [
        (loaded_at,)]
    assert [(r[1], r[2], r[4]) for r in loads(db)] == [(path.name, 2, "accepted")]


def test_a_bad_status_rejects_the_whole_ingest(run, db: Path, tmp_path: Path) -> None:
    before = dump(db, ("marts", "staging"))
    statuses = write_csv(tmp_path / "deliverables.csv",
                         "awareness-a1,in_progress,2025-08-15,,,Training Program",
                         "",  # a blank row keeps its number: the bad one is row 4
                         "support-a3,finished,2025-09-01,,,Community Supports")
    figures = write_csv(tmp_path / "figures.csv", "frontline_workers_trained,2025-26Q2,ontario,"
                        "total,70,exact,,Training Program", header=",".join(FIGURES))
    result = run(figures, statuses)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{statuses}:4:status: status 'finished' is not one of not_reported, planned, "
        "in_progress, done, at_risk"]
    assert dump(db, ("marts", "staging")) == before  # no records, no figures
    assert [(r[1], r[2], r[3], r[4]) for r in loads(db)] == [
        ("figures.csv", 0, 0, "rejected"), ("deliverables.csv", 0, 1, "rejected")]
    assert (tmp_path / "data" / "submissions" / "rejected" / "load-2-deliverables.csv").exists()


def test_every_kind_of_row_problem_names_its_cell(run, db: Path, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "deliverables.csv",
        "awareness-z9,done,2025-08-15,,,P",
        "awareness-a1,done,15/08/2025,,,P",
        "awareness-a1,done,2027-01-01,,javascript:alert(1),P",
        "awareness-a1,,2025-08-15,,,",
        "awareness-a1,=HYPERLINK(\"x\"),2025-08-15,,,P",
        "awareness-a1,done,2025-08-15,,,P,,,extra",
        "awareness-a1,planned,2025-06-01,,,P",
        "awareness-a1,done,2025-06-01,,,P",
        header=HEADER + ",due_date,colour")
    result = run(path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"{path}:{line}" for line in [
        '1:colour: unknown column "colour"; allowed: milestone_id, status, as_of, note, '
        "evidence_url, program, due_date",
        "2:milestone_id: unknown deliverable 'awareness-z9'",
        '3:as_of: malformed date "15/08/2025"; expected YYYY-MM-DD, such as 2026-09-30',
        "4:as_of: as_of 2027-01-01 is in the future",
        "4:evidence_url: evidence_url must start with http:// or https://",
        "5:program: required value is empty",
        "5:status: required value is empty",
        "6:status: formula cell '=HYPERLINK(\"x\")'; paste the value, not the formula",
        "7:-: more cells than header columns",
        "9:-: duplicate of row 8 (same milestone_id and as_of)"]]


def test_many_bad_rows_give_a_bounded_report(run, db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "deliverables.csv",
                     *[f"awareness-a1,finished,2025-08-{d:02d},,,P" for d in range(1, 31)])
    result = run(path)
    lines = result.stderr.splitlines()
    assert len(lines) == 11
    assert lines[-1] == f"{path}:11:status: … and 20 more rows with the same problem"
    assert result.stdout.strip() == "30 problems found; nothing was written"


def test_a_workbook_with_a_deliverables_sheet_loads_both(run, db: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "submission.xlsx", {
        "submission": [FIGURES, FIGURE_ROW],
        "deliverables": [[*HEADER.split(","), "due_date"],
                         [*STATUS_ROW, date(2026, 3, 31)]]})
    result = run(path)
    assert result.exit_code == 0, result.output
    assert "accepted 1 rows (load 1) and 1 deliverable status" in result.stdout
    assert query(db, "SELECT indicator_id, value FROM staging.submission_rows") == [
        ("frontline_workers_trained", 70.0)]
    assert query(db, "SELECT milestone_id, status, as_of, note, due_date, load_id, source "
                     "FROM staging.milestone_records") == [
        ("awareness-a1", "in_progress", date(2025, 8, 15), "first cohort", date(2026, 3, 31),
         1, "submission")]


def test_a_deliverables_sheet_problem_names_the_sheet(run, db: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "submission.xlsx", {
        "submission": [FIGURES, FIGURE_ROW],
        "Deliverables": [HEADER.split(","), ["awareness-a1", "done", "yesterday", None, None,
                                              "P"]]})
    result = run(path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'{path}[deliverables]:2:as_of: malformed date "yesterday"; expected YYYY-MM-DD, '
        "such as 2026-09-30"]
    assert query(db, "SELECT count(*) FROM staging.submission_rows") == [(0,)]


def test_an_untouched_deliverables_sheet_is_no_problem(run, db: Path, tmp_path: Path) -> None:
    only_figures = write_xlsx(tmp_path / "figures.xlsx", {
        "submission": [FIGURES, FIGURE_ROW], "deliverables": [HEADER.split(",")]})
    result = run(only_figures)
    assert result.exit_code == 0, result.output
    assert "and 0 deliverable statuses" in result.stdout
    only_statuses = write_xlsx(tmp_path / "statuses.xlsx", {
        "submission": [FIGURES], "deliverables": [HEADER.split(","), STATUS_ROW]})
    assert run(only_statuses).exit_code == 0
    assert query(db, "SELECT count(*) FROM staging.milestone_records") == [(1,)]
    empty = write_xlsx(tmp_path / "empty.xlsx", {
        "submission": [FIGURES], "deliverables": [HEADER.split(",")]})
    result = run(empty)
    assert result.stderr.splitlines() == [f"{empty}:0:-: file has a header but no data rows"]


def test_a_third_sheet_is_refused(run, db: Path, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "three.xlsx", {
        "submission": [FIGURES, FIGURE_ROW], "deliverables": [HEADER.split(","), STATUS_ROW],
        "notes": [["anything"]]})
    result = run(path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f'{path}:0:-: workbook has 3 sheets ("submission", "deliverables", "notes"); submit '
        'one sheet of figures and, optionally, a second sheet named "deliverables"']
    assert [(r[2], r[4]) for r in loads(db)] == [(0, "rejected")]
    two_figure_sheets = write_xlsx(tmp_path / "two.xlsx", {
        "submission": [FIGURES, FIGURE_ROW], "more": [FIGURES, FIGURE_ROW]})
    assert "workbook has 2 sheets" in run(two_figure_sheets).stderr


def test_the_same_statuses_twice_change_nothing(run, db: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "deliverables.csv",
                     "awareness-a1,in_progress,2025-08-15,,,Training Program")
    assert run(path).exit_code == 0
    again = run(path)
    assert again.exit_code == 0 and "unchanged, identical to load 1" in again.stdout
    assert query(db, "SELECT count(*) FROM staging.milestone_records") == [(1,)]
