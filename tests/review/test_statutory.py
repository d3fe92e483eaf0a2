"""The statutory review answers "did the strategy deliver?": every core indicator with its
baseline, latest figure, target and status, a verdict per pillar that restates those numbers,
the same content as a self-contained briefing (web and command line), live or frozen."""

from __future__ import annotations

import ast
import re
import shutil
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import dash
import duckdb
import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from dashboard.__main__ import main as cli
from dashboard.app import create_app
from pipelines import sql
from pipelines.marts.milestones import MilestoneRecord, build_milestone_status
from pipelines.release.snapshot import create_snapshot
from pipelines.settings import REPO_ROOT, load_settings
from pipelines.vocabulary import CORE_INDICATORS
from tests.support.dash_json import props_of, render, text_of
from tests.support.html import EXTERNAL, html_marks


def _client(db: Path, data_dir: Path | None = None) -> FlaskClient:
    extra: dict[str, Any] = {"data_dir": data_dir} if data_dir else {}
    app: dash.Dash = create_app(load_settings(env={}, db_path=db, **extra))
    return app.server.test_client()


def _row_ids(payload: dict[str, Any]) -> set[str]:
    return {str(p["id"]).removeprefix("statutory-row-") for p in props_of(payload)
            if str(p.get("id", "")).startswith("statutory-row-")}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_core_indicator_has_a_row(dashboard_db: Path, lang: str) -> None:
    payload = render(_client(dashboard_db), "/review/statutory", f"?lang={lang}")
    assert _row_ids(payload) == set(CORE_INDICATORS)
    text = text_of(payload)
    assert ("no figure published yet" if lang == "en"
            else "aucun chiffre publié pour l’instant") in text


@pytest.mark.parametrize(("lang", "target"), [("en", "1,100 by March 31, 2030"),
                                              ("fr", "1\u00a0100 d’ici le 31 mars 2030")])
def test_the_one_target_shows_its_value_and_its_stored_status(demo_db: Path, lang: str,
                                                              target: str) -> None:
    payload = render(_client(demo_db), "/review/statutory", f"?lang={lang}")
    row = next(p for p in props_of(payload) if p.get("id") == "statutory-row-"
               "frontline_workers_trained")
    assert target in text_of(row)
    with duckdb.connect(str(demo_db), read_only=True) as con:
        status, value = con.execute("SELECT status, value_to_date FROM marts.progress WHERE "
                                    "indicator_id = 'frontline_workers_trained' AND is_latest"
                                    ).fetchone() or ("", 0)
    marked = [p for p in props_of(row) if "data-status" in p]
    assert marked and {(p["data-status"], p["data-value"]) for p in marked} == {
        (status, str(int(value)))}


def test_each_verdict_is_the_marts_and_restates_its_numbers(demo_db: Path) -> None:
    page = render(_client(demo_db), "/review/statutory", "")
    text = text_of(page)
    with duckdb.connect(str(demo_db), read_only=True) as con:
        stored = dict(con.execute("SELECT pillar_id, verdict FROM marts.pillar_verdicts")
                      .fetchall())
        value, expected = con.execute(
            "SELECT value_to_date, expected_to_date FROM marts.progress WHERE "
            "indicator_id = 'frontline_workers_trained' AND is_latest").fetchone() or (0, 0)
        late = con.execute("SELECT deliverables_late, deliverables FROM marts.pillar_verdicts "
                           "WHERE pillar_id = 'support'").fetchone() or (0, 0)
    shown = {(p["data-pillar-id"], p["data-verdict"]) for p in props_of(page)
             if "data-verdict" in p}
    assert shown == set(stored.items()) and len(stored) == 4
    assert f"{int(value)} [demo] of 1,100; {int(expected)} expected by now" in text
    assert f"Deliverables: {late[1]} in all" in text and f"{late[0]} late" in text


def test_the_page_reads_nothing_through_the_export_frames() -> None:
    source = (REPO_ROOT / "dashboard" / "pages" / "review_statutory.py").read_text("utf-8")
    imported = {alias.name for node in ast.walk(ast.parse(source))
                if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert not imported & {"observations_frame", "public_frame", "milestones_frame"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_statutory_briefing_is_self_contained_and_marks_what_the_page_marks(
        demo_db: Path, lang: str) -> None:
    client = _client(demo_db)
    response = client.get(f"/review/statutory/briefing.html?lang={lang}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="statutory-review-{lang}.html"')
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html and "<script" not in html and not EXTERNAL.search(html)
    assert "911" in html and "1 833 900-1010" in html
    page = render(client, "/review/statutory", f"?lang={lang}")
    page_marks = {(p["data-indicator-id"], p["data-status"], p["data-value"])
                  for p in props_of(page) if "data-indicator-id" in p}
    verdicts = {(p["data-pillar-id"], p["data-verdict"]) for p in props_of(page)
                if "data-verdict" in p}
    assert set(re.findall(r'data-pillar-id="([^"]+)" data-verdict="([^"]+)"', html)) == verdicts
    assert {(m[0], m[2], m[3]) for m in html_marks(html)} == page_marks
    assert {f"statutory-row-{i}" for i in CORE_INDICATORS} <= set(re.findall(r'id="([^"]+)"',
                                                                             html))


@pytest.mark.parametrize(("query", "status"), [("?lang=de", 400), ("?format=pdf", 400),
                                               ("?snapshot=no-such-snapshot", 404)])
def test_the_statutory_briefing_rejects_bad_parameters(dashboard_db: Path, query: str,
                                                       status: int) -> None:
    assert _client(dashboard_db).get(f"/review/statutory/briefing.html{query}").status_code \
        == status


def test_report_command_writes_the_statutory_briefing(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "statutory.html"
    result = CliRunner().invoke(cli, ["report", "--statutory", "--db", str(demo_db), "--out",
                                      str(out), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and "Note d’information de l’examen quinquennal" in html
    neither = CliRunner().invoke(cli, ["report", "--db", str(demo_db), "--out", str(out)])
    both = CliRunner().invoke(cli, ["report", "--statutory", "--quarter", "2025-26Q1", "--db",
                                    str(demo_db), "--out", str(out)])
    assert (neither.exit_code, both.exit_code) == (2, 2)


def test_a_frozen_snapshot_keeps_its_verdict_and_deliverables(
        dashboard_db: Path, tmp_path: Path) -> None:
    live = tmp_path / "strategy.duckdb"
    shutil.copy(dashboard_db, live)
    record = MilestoneRecord("awareness-a1", "done", date(2026, 6, 30), "Program A",
                             "submission", recorded_at=datetime(2026, 7, 10, 9))
    settings = load_settings(env={}, db_path=live, data_dir=tmp_path / "data")
    with duckdb.connect(str(live)) as con:
        sql.insert_rows(con, "staging.milestone_records", [asdict(record)])
        build_milestone_status(con, settings)
    create_snapshot(settings, "2030 review", "https://tracker.example/review/statutory")
    with duckdb.connect(str(live)) as con:  # the live data moves on after the freeze
        con.execute("UPDATE marts.milestones SET status = 'at_risk'")
    client = _client(live, tmp_path / "data")
    frozen = render(client, "/review/statutory", "?snapshot=2030-review")
    assert _row_ids(frozen) == set(CORE_INDICATORS)
    assert "Deliverables: 8 in all: 1 done, 0 in progress, 0 planned, 0 late, 7 not reported" \
        in text_of(frozen)
    briefing = client.get("/review/statutory/briefing.html?snapshot=2030-review&lang=en")
    assert briefing.status_code == 200
    assert "From the frozen snapshot “2030 review”" in briefing.get_data(as_text=True)
    assert 'filename="statutory-review-2030-review-en.html"' in briefing.headers[
        "Content-Disposition"]
