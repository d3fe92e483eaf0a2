"""Every problem the submission checks can produce reads in French on the staff pages: each
kind of problem of the SQL checks, the deliverable checks and the file checks, made for real
and worded from its code by the French catalogue; a refused upload's report reads again in
the other language from what the upload keeps."""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest
from flask.testing import FlaskClient

from pipelines.errors import Problem
from pipelines.marts.milestones import MilestoneRecord, check_record
from pipelines.problem_codes import Code
from pipelines.settings import Settings, load_settings
from pipelines.submissions.ingest import check_file, load_reference
from pipelines.submissions.report import _codes
from tests.support.staff import csrf_token

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
def plain(dashboard_db: Path) -> Settings:
    return load_settings(env={}, db_path=dashboard_db)


def _problems(settings: Settings, path: Path) -> list[Problem]:
    with duckdb.connect(str(settings.db_path), read_only=True) as served, \
            duckdb.connect() as staging:
        ref = load_reference(served, settings, date(2026, 12, 2))
        checked = check_file(staging, 0, path.name, path, settings, ref)
    return checked.problems


def _not_french(problems: list[Problem]) -> list[str]:
    """Problems whose French is their English, or has an English word of the wording."""
    english = {"the", "is", "not", "of", "file", "row", "rows", "unknown", "missing", "allowed",
               "must", "cannot", "empty", "more", "than", "duplicate", "sheet", "workbook"}
    return [str(p) for p in problems
            if p.text("fr") == p.message
            or english & set(p.text("fr").replace("«\u00a0", " ").lower().split())]


def test_every_kind_of_figure_problem_reads_in_french(plain: Settings,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD_FIGURES, encoding="utf-8")
    problems = _problems(plain, path)
    assert len({p.code for p in problems}) >= 14, [str(p) for p in problems]
    assert _not_french(problems) == []
    negative = next(p for p in problems if p.code is Code.NEGATIVE_VALUE)
    assert negative.text("fr") == "la valeur ne peut pas être négative\u00a0: «\u00a0-1\u00a0»"


def test_every_kind_the_sql_checks_record_has_a_code(plain: Settings) -> None:
    with duckdb.connect(str(plain.db_path), read_only=True) as served:
        ref = load_reference(served, plain, date(2026, 12, 2))
    detail = ("x", "regions", 12.0, 10.0, 3)
    problems = [Problem("f.csv", 2, "value", code, **values)
                for code, values in (said(detail) for said in _codes(ref).values())]
    assert len({p.code for p in problems}) == len(_codes(ref))
    assert _not_french(problems) == []


def test_every_deliverable_problem_reads_in_french(plain: Settings,
                                                   tmp_path: Path) -> None:
    path = tmp_path / "deliverables.csv"
    path.write_text(BAD_DELIVERABLES, encoding="utf-8")
    problems = _problems(plain, path)
    record = MilestoneRecord("nope", "finished", date(2099, 1, 1), " ", "web",
                             note="x" * 3000, evidence_url="javascript:alert(1)")
    problems += check_record(record, [], today=date(2026, 12, 2),
                             strategy_start=date(2025, 4, 1), file="f", row=1)
    problems += check_record(replace(record, as_of=date(2020, 1, 1)), [],
                             today=date(2026, 12, 2), strategy_start=date(2025, 4, 1),
                             file="f", row=1)
    assert len({p.code for p in problems}) >= 10, [str(p) for p in problems]
    assert _not_french(problems) == []


@pytest.mark.parametrize("content", [b"", b"\xff\xfeh\x00i\x00", b"h\x00i\x00,\x00j\x00",
                                     b"PK\x03\x04 not a workbook", b"\x81\x8d\x8f\x90\x9d"])
def test_file_level_problems_read_in_french(plain: Settings, tmp_path: Path,
                                            content: bytes) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(content)
    problems = _problems(plain, path)
    assert problems and _not_french(problems) == []


def test_a_refused_upload_reads_again_in_the_other_language(
        signed_in: Callable[[str], FlaskClient]) -> None:
    """The report answers the upload's POST; its language switch shows the same report,
    kept with the upload as codes and values, in French."""
    client = signed_in("submitter")
    token = csrf_token(client.get("/staff/upload"))
    bad = (BAD_FIGURES.splitlines()[0] + "\n"
           + "frontline_workers_trained,2025-26Q1,ontario,total,-3,exact,,P\n").encode()
    refused = client.post("/staff/upload?lang=en", content_type="multipart/form-data",
                          data={"csrf_token": token, "submission": (io.BytesIO(bad), "b.csv")})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert 'value cannot be negative: "-3"' in html.unescape(page)
    switch = re.search(r'<a href="([^"]+)" lang="fr">', page)
    assert switch and "/staff/upload/report?" in switch[1]
    french = client.get(html.unescape(switch[1]))
    text = french.get_data(as_text=True)
    assert french.status_code == 200
    assert "Le fichier a été refusé\u00a0: 1 problème" in text
    assert "la valeur ne peut pas être négative\u00a0: «\u00a0-3\u00a0»" in text
    assert "value cannot be negative" not in text
    # Still the upload page, for the navigation too.
    assert re.search(r'<a href="[^"]*/staff/upload[^"]*" aria-current="page">', text)
    # Someone else's report is not shown to a submitter; an unknown one is gone.
    address = html.unescape(switch[1])
    assert signed_in("reviewer").get(address).status_code == 200
    assert client.get("/staff/upload/report?token=" + "x" * 24).status_code == 410


def test_a_report_kept_as_english_words_still_shows_marked_english(
        settings: Settings, signed_in: Callable[[str], FlaskClient]) -> None:
    """A report kept before problems had codes (English words only) still opens, each
    problem as it was kept and marked ``lang="en"`` on the French page."""
    client = signed_in("submitter")
    token = csrf_token(client.get("/staff/upload"))
    bad = (BAD_FIGURES.splitlines()[0] + "\n"
           + "frontline_workers_trained,2025-26Q1,ontario,total,-3,exact,,P\n").encode()
    page = client.post("/staff/upload?lang=en", content_type="multipart/form-data",
                       data={"csrf_token": token, "submission": (io.BytesIO(bad), "b.csv")})
    switch = re.search(r'<a href="([^"]+)" lang="fr">', page.get_data(as_text=True))
    assert switch
    upload = re.search(r"token=([\w-]+)", html.unescape(switch[1]))
    assert upload
    kept = settings.state_dir / "uploads" / upload[1] / "report.json"
    kept.write_text(json.dumps({"total": 1, "problems": [
        {"file": "b.csv", "row": 2, "column": "value",
         "message": 'value cannot be negative: "-3"'}]}))
    french = client.get(html.unescape(switch[1]))
    text = html.unescape(french.get_data(as_text=True))
    assert french.status_code == 200
    assert '<td lang="en">value cannot be negative: "-3"</td>' in text


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", 'malformed date "30/09/2025"; expected YYYY-MM-DD, such as 2026-09-30'),
    ("fr", "date mal formée «\u00a030/09/2025\u00a0»\u00a0; attendu AAAA-MM-JJ, comme "
           "2026-09-30"),
])
def test_a_deliverable_date_the_form_cannot_read_is_worded_in_the_page_language(
        signed_in: Callable[[str], FlaskClient], lang: str, expected: str) -> None:
    client = signed_in("submitter")
    page = client.get("/staff/deliverables")
    milestone = re.search(r'<option value="([\w-]+)"', page.get_data(as_text=True))
    assert milestone
    response = client.post(f"/staff/deliverables?lang={lang}", data={
        "csrf_token": csrf_token(page), "milestone_id": milestone[1], "status": "done",
        "as_of": "30/09/2025"})
    assert response.status_code == 422
    assert expected in html.unescape(response.get_data(as_text=True))
