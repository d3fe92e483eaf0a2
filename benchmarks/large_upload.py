"""A large permitted spreadsheet through the staff upload (issue 21, item 6).

``python -m benchmarks.large_upload [--rows 230000]``

The workbook is the one of the issue: one sheet of about 230,000 rows (about 95 MB of XML
unpacked, 6 to 7 MB packed), inside every limit, whose rows name a geography that does not
exist, so it is refused. It is uploaded by a signed-in submitter (Flask test client, the
real app on a real build); half a second later a colleague records a deliverable status.
Figures: the seconds until the upload's report is answered (budget 10 s), the seconds the
deliverable waited for the writer (budget 5 s) and the seconds the refused file held the
writer (budget 0: it never takes the lock), read from the writer's log lines.
"""

from __future__ import annotations

import argparse
import io
import logging
import re
import shutil
import tempfile
import threading
import time
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.results import Run, add_results_option, command_line
from pipelines.settings import REPO_ROOT, load_settings

ROWS = 230_000
HEADER = ["indicator_id", "quarter", "geography", "breakdown", "value", "qualifier", "note",
          "program"]
_COLUMNS = "ABCDEFGH"


def _cell(ref: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def _sheet(rows: int) -> bytes:
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
              '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    lines = [HEADER] + [["frontline_workers_trained", "2025-26Q2", f"place_{n % 50}",
                         f"age:g{n % 97}", n % 1000, "exact", None, "Training Program"]
                        for n in range(2, rows + 2)]
    for number, values in enumerate(lines, start=1):
        out.write(f'<row r="{number}">' + "".join(
            _cell(f"{_COLUMNS[i]}{number}", v) for i, v in enumerate(values)) + "</row>")
    out.write("</sheetData></worksheet>")
    return out.getvalue().encode()


def write_workbook(path: Path, rows: int = ROWS) -> Path:
    """The large refused workbook: the template's parts with a sheet of ``rows`` rows."""
    with zipfile.ZipFile(REPO_ROOT / "data/submissions/template.xlsx") as template:
        parts = {name: template.read(name) for name in template.namelist()}
    sheet = next(n for n in parts if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
    parts[sheet] = _sheet(rows)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data,
                             compress_type=zipfile.ZIP_DEFLATED)
    return path


class _Writes(logging.Handler):
    """The writer's log lines (pipelines/logs.py) seen during the run."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(dict(getattr(record, "write", {})))


def run(rows: int, work: Path | None = None) -> dict[str, Any]:
    from dashboard.app import create_app
    from dashboard.staff.accounts import add_user
    from pipelines.build import build_database
    from pipelines.deliverables import record_deliverable
    from pipelines.marts.milestones import MilestoneRecord

    work = work or Path(tempfile.mkdtemp(prefix="large-upload-"))
    data = work / "data"
    shutil.copytree(REPO_ROOT / "data", data, ignore=shutil.ignore_patterns(
        "build", "state", "rejected", "exports", "snapshots"))
    settings = load_settings(env={}, db_path=work / "strategy.duckdb", data_dir=data,
                             state_dir=work / "state")
    build_database(settings)
    book = write_workbook(work / "large.xlsx", rows)
    add_user(settings, "bench@example.org", "submitter", "a benchmark password")
    client = create_app(settings).server.test_client()
    page = client.get("/staff/sign-in")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True))
    assert token
    client.post("/staff/sign-in", data={"email": "bench@example.org", "csrf_token": token[1],
                                        "password": "a benchmark password"})
    form = re.search(r'name="csrf_token" value="([^"]+)"',
                     client.get("/staff/upload").get_data(as_text=True))
    assert form
    writes = _Writes()
    logging.getLogger("tracker.writes").addHandler(writes)
    logging.getLogger("tracker.writes").setLevel(logging.INFO)
    waited: list[float] = []

    def deliverable() -> None:
        time.sleep(0.5)
        started = time.perf_counter()
        record_deliverable(settings, MilestoneRecord(
            "awareness-a1", "in_progress", date(2025, 9, 30), "colleague@example.org", "staff"))
        waited.append(time.perf_counter() - started)

    colleague = threading.Thread(target=deliverable)
    started = time.perf_counter()
    colleague.start()
    response = client.post("/staff/upload", content_type="multipart/form-data", data={
        "csrf_token": form[1], "submission": (io.BytesIO(book.read_bytes()), book.name)})
    answered = time.perf_counter() - started
    colleague.join()
    logging.getLogger("tracker.writes").removeHandler(writes)
    held = sum(line["duration_ms"] for line in writes.lines
               if str(line.get("what", "")).startswith("ingest")
               and line.get("data_version_before") != line.get("data_version_after")) / 1000
    return {"rows": rows, "mb": book.stat().st_size / 2**20, "status": response.status_code,
            "answered_s": answered, "deliverable_s": waited[0] if waited else float("nan"),
            "writer_held_s": held, "writes": writes.lines}


def main(argv: list[str] | None = None) -> Run:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    add_results_option(parser)
    args = parser.parse_args(argv)
    result = Run("large_upload", command_line("benchmarks.large_upload", argv),
                 {"rows": args.rows})
    r = run(args.rows)
    print(f"{r['rows']:,}-row workbook ({r['mb']:.1f} MB): answered {r['status']} in "
          f"{r['answered_s']:.1f} s; a deliverable meanwhile took {r['deliverable_s']:.2f} s; "
          f"the refusal held the writer {r['writer_held_s']:.2f} s")
    if r["status"] != 422:
        raise RuntimeError(f"the refused workbook answered {r['status']}, not 422")
    what = f"{r['rows']:,}-row refused XLSX ({r['mb']:.1f} MB)"
    result.add("report_seconds", f"{what}: seconds until the report is answered",
               r["answered_s"], "s")
    result.add("deliverable_wait", f"{what}: a deliverable status recorded meanwhile, seconds",
               r["deliverable_s"], "s")
    result.add("writer_held_by_refusal", f"{what}: seconds the refusal held the writer",
               r["writer_held_s"], "s")
    print("wrote", result.write(args.results))
    return result


if __name__ == "__main__":
    main()
