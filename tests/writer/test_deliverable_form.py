"""One deliverable status from the staff form: through the one writer, checked like a
submission's, the deliverable's latest at once; an invalid one writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines import writer
from pipelines.deliverables import record_deliverable
from pipelines.errors import DataRejected
from pipelines.marts.milestones import MilestoneRecord
from pipelines.settings import Settings, load_settings
from tests.support.submissions import make_db

TODAY = date(2026, 10, 5)


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    db = make_db(tmp_path / "strategy.duckdb")
    with writer.transaction(load_settings(env={}, db_path=db), reason="marts"):
        pass  # the marts, as a build leaves them
    return load_settings(env={"STRATEGY_DATA_DIR": str(tmp_path / "data")}, db_path=db)


def form(**values: object) -> MilestoneRecord:
    fields: dict[str, object] = {"milestone_id": "support-a3", "status": "at_risk",
                                 "as_of": date(2026, 9, 2), "recorded_by": "staff@example.org",
                                 "source": "submission", **values}
    return MilestoneRecord(**fields)  # type: ignore[arg-type]


def test_a_recorded_status_is_the_latest_at_once(settings: Settings) -> None:
    before = writer.data_version(settings.db_path)
    record_deliverable(settings, form(note="Funding delayed",
                                      evidence_url="https://example.org/letter"), today=TODAY)
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        latest = con.execute("SELECT status, as_of, source, recorded_by, note, evidence_url, "
                             "load_id, recorded_at IS NOT NULL FROM marts.milestone_status "
                             "WHERE milestone_id = 'support-a3' AND is_latest").fetchall()
        shown = con.execute("SELECT status, status_date FROM marts.milestones "
                            "WHERE milestone_id = 'support-a3'").fetchone()
    assert latest == [("at_risk", date(2026, 9, 2), "staff", "staff@example.org",
                       "Funding delayed", "https://example.org/letter", None, True)]
    assert shown == ("at_risk", date(2026, 9, 2))
    assert writer.data_version(settings.db_path) != before


@pytest.mark.parametrize(("values", "problem"), [
    ({"evidence_url": "javascript:alert(1)"},
     ("evidence_url", "evidence_url must start with http:// or https://")),
    ({"as_of": date(2026, 10, 6)}, ("as_of", "as_of 2026-10-06 is in the future")),
    ({"milestone_id": "support-z9"}, ("milestone_id", "unknown deliverable 'support-z9'")),
])
def test_an_invalid_status_is_rejected_and_nothing_written(
        settings: Settings, values: dict[str, object], problem: tuple[str, str]) -> None:
    before = settings.db_path.read_bytes()
    with pytest.raises(DataRejected) as rejected:
        record_deliverable(settings, form(**values), today=TODAY)
    column, message = problem
    assert [str(p) for p in rejected.value.problems] == [f"deliverable form:1:{column}: {message}"]
    assert settings.db_path.read_bytes() == before
    assert not list(settings.db_path.parent.glob(".strategy.duckdb.*.writing"))
