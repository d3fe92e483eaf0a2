"""A database built by the real pipeline from data/, then two ingests a few weeks apart: the
first submits front-line workers trained for 2025-26Q1, the second revises that figure."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from pipelines.build import build_database
from pipelines.settings import load_settings
from pipelines.submissions.ingest import ingest

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


@pytest.fixture(scope="session")
def revised_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """First load: 2025-26Q1 = 72 (with regions, one small enough to be suppressed) and
    2025-26Q2 = 80. Second load, six weeks later: 2025-26Q1 revised to 95, and 2025-26Q3
    first submitted."""
    folder = tmp_path_factory.mktemp("revised")
    settings = load_settings(env={}, db_path=folder / "strategy.duckdb")
    build_database(settings)
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
