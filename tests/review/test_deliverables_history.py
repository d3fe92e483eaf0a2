"""The deliverables page shows each deliverable's dated history and the indicators it should
move; each indicator page lists its deliverables. Records go in through the build step."""

from __future__ import annotations

import shutil
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

import dash
import duckdb
import pytest
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines import sql
from pipelines.marts.milestones import MilestoneRecord, build_milestone_status
from pipelines.settings import load_settings
from tests.support.dash_json import props_of, render, text_of


@pytest.fixture(scope="module")
def client(dashboard_db: Path, tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    path = tmp_path_factory.mktemp("history") / "strategy.duckdb"
    shutil.copy(dashboard_db, path)
    records = [MilestoneRecord("awareness-a1", "in_progress", date(2025, 8, 15), "Program A",
                               "submission", note="First cohort trained",
                               recorded_at=datetime(2025, 10, 20, 9)),
               MilestoneRecord("awareness-a1", "done", date(2026, 3, 31), "Program A",
                               "submission", evidence_url="https://example.org/report",
                               recorded_at=datetime(2026, 4, 20, 9))]
    with duckdb.connect(str(path)) as con:
        sql.insert_rows(con, "staging.milestone_records", [asdict(r) for r in records])
        build_milestone_status(con, load_settings(env={}, db_path=path))
    app: dash.Dash = create_app(load_settings(db_path=path))
    return app.server.test_client()


@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["History (3)", "March 31, 2026", "August 15, 2025", "First cohort trained",
            "the strategy’s starting status", "Should move:"]),
    ("fr", ["Historique (3)", "31 mars 2026", "15 août 2025", "statut de départ de la stratégie",
            "Devrait faire évoluer\u00a0:"]),
])
def test_each_deliverable_shows_its_dated_history(client: FlaskClient, lang: str,
                                                  words: list[str]) -> None:
    payload = render(client, "/deliverables", f"?pillar=awareness&lang={lang}")
    row = next(p for p in props_of(payload) if p.get("id") == "milestone-awareness-a1")
    text = text_of(row)
    for word in words:
        assert word in text
    assert text.index("2026") < text.index("2025")  # newest first
    hrefs = {str(p["href"]) for p in props_of(row) if "href" in p}
    assert "https://example.org/report" in hrefs
    assert f"/indicator/frontline_workers_trained?lang={lang}" in hrefs


def test_the_indicator_page_lists_the_deliverables_that_should_move_it(
        client: FlaskClient) -> None:
    text = text_of(render(client, "/indicator/joint_forces_investigations", ""))
    assert "Deliverables that should move this indicator" in text
    assert "intelligence-led joint forces police team" in text
    assert "Our reading:" in text
    frontline = text_of(render(client, "/indicator/frontline_workers_trained", "?lang=fr"))
    assert "La stratégie les relie" in frontline and "Réalisé" in frontline
