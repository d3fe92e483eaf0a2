"""A database with two loads a few weeks apart: the first submits front-line workers trained
for 2025-26Q1, the second revises that figure. For the "as known on a date" tests."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pipelines.settings import load_settings
from pipelines.submissions.ingest import ingest
from tests.support.builds import copy_of

HEADER = "indicator_id,quarter,geography,breakdown,value,qualifier,note,program\n"
PROGRAM = "Anti-Human Trafficking Training Program"
FIRST_LOAD = datetime(2026, 5, 11, 10, 30)
SECOND_LOAD = datetime(2026, 6, 22, 14, 0)
BETWEEN = date(2026, 6, 1)
FIRST_VALUE, REVISED_VALUE = 72, 95
INDICATOR = "frontline_workers_trained"


def _file(folder: Path, name: str, rows: list[tuple[str, str, int]]) -> tuple[str, Path]:
    lines = [f"{INDICATOR},{quarter},{geography},total,{value},exact,,{PROGRAM}\n"
             for quarter, geography, value in rows]
    path = folder / name
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return name, path


def make_revised(plain: Path, folder: Path) -> Path:
    """On a copy of the plain build in ``folder``: first load, 2025-26Q1 = 72 (with regions,
    one small enough to be suppressed) and 2025-26Q2 = 80; second load, six weeks later,
    2025-26Q1 revised to 95 and 2025-26Q3 first submitted."""
    settings = load_settings(env={}, db_path=copy_of(plain, folder), data_dir=folder / "data")
    first = _file(folder, "q1.csv", [("2025-26Q1", "ontario", FIRST_VALUE),
                                     ("2025-26Q1", "region_central", 40),
                                     ("2025-26Q1", "region_east", 27),
                                     ("2025-26Q1", "region_north", 5),
                                     ("2025-26Q2", "ontario", 80)])
    ingest([first], settings, now=FIRST_LOAD)
    second = _file(folder, "q1-revised.csv", [("2025-26Q1", "ontario", REVISED_VALUE),
                                              ("2025-26Q3", "ontario", 66)])
    ingest([second], settings, now=SECOND_LOAD)
    return settings.db_path
