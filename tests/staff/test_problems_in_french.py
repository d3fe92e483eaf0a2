"""Every wording the submission checks can produce reads in French on the staff pages: each
kind of problem of the SQL checks, the deliverable checks and the file checks, made for real
and passed through the French patterns."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dashboard.staff.problems import translate
from pipelines.marts.milestones import MilestoneRecord, check_record
from pipelines.settings import Settings, load_settings
from pipelines.submissions.ingest import check_file, load_reference
from pipelines.submissions.report import _messages

HEADER = "indicator_id,quarter,geography,breakdown,value,qualifier,note,program\n"
BAD_FIGURES = HEADER + "\n".join([
    "frontline_workers_trained,2025-26Q1,ontario,total,=1+1,exact,,P",
    "frontline_workers_trained,2025-26Q1,ontario,total,1,exact,,P,extra",
    "frontline_workers_trained,2025-26Q1,ontario,total,,exact,,P",
    "nope,2025-26Q1,ontario,total,1,exact,,P",
    "frontline_workers_trained,2025-26Q1,atlantis,total,1,exact,,P",
    "frontline_workers_trained,2025Q1,ontario,total,1,exact,,P",
    "frontline_workers_trained,2035-36Q1,ontario,total,1,exact,,P",
    "frontline_workers_trained,2029-30Q4,ontario,total,1,exact,,P",
    "frontline_workers_trained,2025-26Q2,ontario,bad breakdown,1,exact,,P",
    "frontline_workers_trained,2025-26Q2,ontario,total,1,roughly,,P",
    "frontline_workers_trained,2025-26Q3,ontario,total,abc,exact,,P",
    "frontline_workers_trained,2025-26Q3,region_east,total,-1,exact,,P",
    "frontline_workers_trained,2025-26Q3,region_west,total,1.5,exact,,P",
    "frontline_workers_trained,2025-26Q4,ontario,total,5,exact,,P",
    "frontline_workers_trained,2025-26Q4,ontario,total,6,exact,,P",
    "care_children_youth_served,2025-26Q1,ontario,total,5,exact,,P",
    "care_children_youth_served,2025-26Q1,ontario,age:12-15,40,exact,,P",
]) + "\n"
BAD_DELIVERABLES = ("milestone_id,status,as_of,note,evidence_url,program\n"
                    "nope,finished,2025-13-01,,ftp://x,P\n"
                    "awareness-a1,done,2025-06-01,,,P\n"
                    "awareness-a1,done,2025-06-01,,,P\n")


@pytest.fixture()
def settings(dashboard_db: Path) -> Settings:
    return load_settings(env={}, db_path=dashboard_db)


def _problems(settings: Settings, path: Path) -> list[str]:
    with duckdb.connect(str(settings.db_path), read_only=True) as served, \
            duckdb.connect() as staging:
        ref = load_reference(served, settings, date(2026, 12, 2))
        checked = check_file(staging, 0, path.name, path, settings, ref)
    return [p.message for p in checked.problems]


def _untranslated(messages: list[str]) -> list[str]:
    return [m for m in messages if translate(m, "fr")[1] != "fr"]


def test_every_kind_of_figure_problem_reads_in_french(settings: Settings,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD_FIGURES, encoding="utf-8")
    messages = _problems(settings, path)
    assert len(messages) >= 12, messages
    assert _untranslated(messages) == []


def test_every_wording_of_the_report_has_a_french_pattern(settings: Settings) -> None:
    with duckdb.connect(str(settings.db_path), read_only=True) as served:
        ref = load_reference(served, settings, date(2026, 12, 2))
    detail = ("x", "regions", 12.0, 10.0, 3)
    messages = [wording(detail) for wording in _messages(ref).values()]
    assert _untranslated(messages) == []


def test_every_deliverable_problem_reads_in_french(settings: Settings,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "deliverables.csv"
    path.write_text(BAD_DELIVERABLES, encoding="utf-8")
    messages = _problems(settings, path)
    record = MilestoneRecord("nope", "finished", date(2099, 1, 1), " ", "web",
                             note="x" * 3000, evidence_url="javascript:alert(1)")
    messages += [p.message for p in check_record(
        record, [], today=date(2026, 12, 2), strategy_start=date(2025, 4, 1), file="f", row=1)]
    messages += [p.message for p in check_record(
        replace(record, as_of=date(2020, 1, 1)),
        [], today=date(2026, 12, 2), strategy_start=date(2025, 4, 1), file="f", row=1)]
    assert len(messages) >= 8, messages
    assert _untranslated(messages) == []


@pytest.mark.parametrize("content", [b"", b"\xff\xfeh\x00i\x00", b"h\x00i\x00,\x00j\x00",
                                     b"PK\x03\x04 not a workbook", b"\x81\x8d\x8f\x90\x9d"])
def test_file_level_problems_read_in_french(settings: Settings, tmp_path: Path,
                                            content: bytes) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(content)
    messages = _problems(settings, path)
    assert messages and _untranslated(messages) == []
