"""/download/observations.csv streams in batches of rowid ranges: the same bytes as the
export, in the stored order, and one version of the data even when a rebuild lands
mid-download."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dashboard.app import create_app
from dashboard.database import close_databases
from dashboard.web import downloads
from pipelines.build import build_database
from pipelines.release.export import Filters, header_csv, public_frame, rows_csv
from pipelines.settings import load_settings


def _exported(db: Path, filters: Filters, lang: str) -> bytes:
    with duckdb.connect(str(db), read_only=True) as con:
        frame = public_frame(con, "observations", filters, lang)
    return (header_csv("observations", lang) + rows_csv(frame, "observations")).encode()


@pytest.mark.parametrize(("query", "filters", "lang"), [
    ("", Filters(), "en"),
    ("?lang=fr&include_demo=true", Filters(include_demo=True), "fr"),
    ("?indicator=frontline_workers_trained&include_demo=true",
     Filters(indicator=("frontline_workers_trained",), include_demo=True), "en"),
])
def test_ranges_give_the_exported_rows_in_the_stored_order(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, query: str, filters: Filters, lang: str
) -> None:
    monkeypatch.setattr(downloads, "BATCH_ROWS", 7)  # many batches
    app = create_app(load_settings(env={}, db_path=demo_db))
    response = app.server.test_client().get("/download/observations.csv" + query)
    assert response.status_code == 200
    body = response.get_data()
    assert body == _exported(demo_db, filters, lang)
    assert body.count(b"\r\n") > 20
    close_databases(app.server.config)


def test_the_export_order_is_the_stored_order(demo_db: Path) -> None:
    with duckdb.connect(str(demo_db), read_only=True) as con:
        stored = [r[0] for r in con.execute(
            "SELECT observation_id FROM marts.observations WHERE status <> 'demo' ORDER BY rowid"
        ).fetchall()]
        exported = list(public_frame(con, "observations")["observation_id"])
    assert exported == stored


def test_a_rebuild_mid_download_does_not_mix_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "strategy.duckdb"
    build_database(load_settings(env={}, db_path=db))
    monkeypatch.setattr(downloads, "BATCH_ROWS", 5)
    app = create_app(load_settings(env={}, db_path=db))
    expected = _exported(db, Filters(include_demo=True), "en")
    response = app.server.test_client().get("/download/observations.csv?include_demo=true",
                                            buffered=False)
    chunks = iter(response.response)
    first = [next(chunks), next(chunks)]  # the header and the first range are sent
    build_database(load_settings(env={}, db_path=db), demo=True)  # adds demo rows
    body = b"".join([*first, *chunks])
    assert body == expected  # all from the version the download began with
    close_databases(app.server.config)
