"""Uploads and deliverable statuses through the staff pages (Flask test client): the report
of a broken file, the preview and Load of a good one, and a deliverable record; each
audited, each written through the one writer, user text always shown as text."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import duckdb
from flask.testing import FlaskClient

from dashboard.staff import state
from pipelines.settings import REPO_ROOT, Settings
from pipelines.submissions.journal import recorded_loads
from pipelines.writer import data_version
from tests.support.staff import USERS, csrf_token

EXAMPLE = REPO_ROOT / "data/submissions/example-2025-26Q1.csv"
HEADER = "indicator_id,quarter,geography,breakdown,value,qualifier,note,program\n"


def _upload(client: FlaskClient, name: str, content: bytes, lang: str = "en") -> object:
    token = csrf_token(client.get("/staff/upload"))
    return client.post(f"/staff/upload?lang={lang}", content_type="multipart/form-data",
                       data={"csrf_token": token, "submission": (io.BytesIO(content), name)})


def _loads(settings: Settings) -> list[tuple[object, ...]]:
    """Every load attempt: meta.loads and the refusals the next write will add to it."""
    return [(r[0], r[1], r[6]) for r in recorded_loads(settings.db_path)]


def test_a_broken_file_is_reported_row_by_row_and_changes_nothing(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("submitter")
    version = data_version(settings.db_path)
    bad = (HEADER + "frontline_workers_trained,2025-26Q1,ontario,total,-3,exact,,P\n"
           + "frontline_workers_trained,2025-26Q1,atlantis,total,5,exact,,P\n").encode()
    response = _upload(client, "bad<script>.csv", bad, lang="fr")
    page = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert "Le fichier a été refusé" in page
    rows = re.findall(r'<td class="num">(\d+)</td><td><code>(\w+)</code></td>', page)
    assert ("2", "value") in rows and ("3", "geography") in rows
    assert "la valeur ne peut pas être négative" in page
    assert "<script>" not in page
    # The attempt is recorded at once, without a new version of the public data (no cache
    # emptied, no API cursor broken), and the file kept with its report; no figure reaches
    # the kept history or the public tables.
    assert data_version(settings.db_path) == version
    assert _loads(settings)[-1][2] == "rejected"
    kept = list((settings.submissions_dir / "rejected").glob("load-*.errors.txt"))
    assert kept
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM staging.submission_rows").fetchone() == (0,)
    (record,) = [r for r in state.recent_audit(settings) if r.action == "upload"]
    assert (record.outcome, record.actor) == ("rejected", USERS["submitter"])
    assert record.sha256 and len(record.sha256) == 64


def test_a_good_file_is_previewed_then_loaded_and_published(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("submitter")
    before = _loads(settings)
    response = _upload(client, EXAMPLE.name, EXAMPLE.read_bytes())
    page = response.get_data(as_text=True)  # type: ignore[attr-defined]
    assert response.status_code == 200, page  # type: ignore[attr-defined]
    assert "New figures (13)" in page
    assert _loads(settings) == before, "a preview writes nothing"
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token
    loaded = client.post("/staff/load", data={"csrf_token": csrf_token(response),
                                              "token": token.group(1),
                                              "indicator": "frontline_workers_trained"})
    text = loaded.get_data(as_text=True)
    assert loaded.status_code == 200, text
    assert "13 figure rows" in text and 'href="/indicator/frontline_workers_trained' in text
    assert _loads(settings)[-1][1:] == (EXAMPLE.name, "accepted")
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        value = con.execute(
            "SELECT value FROM marts.observations WHERE indicator_id = 'frontline_workers_"
            "trained' AND geography = 'ontario' AND load_id IS NOT NULL").fetchone()
    assert value == (72.0,)
    # The same token cannot be loaded twice: the second Load says which load it was.
    again = client.post("/staff/load", data={"csrf_token": csrf_token(response),
                                             "token": token.group(1)})
    assert again.status_code == 409
    load_id = _loads(settings)[-1][0]
    assert f"loaded already, as load {load_id}" in again.get_data(as_text=True)
    # The same file again: the preview says it is already loaded.
    page = _upload(client, EXAMPLE.name, EXAMPLE.read_bytes()).get_data(  # type: ignore[attr-defined]
        as_text=True)
    assert "This exact file was already loaded" in page


def test_a_revision_shows_the_published_and_the_new_value(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("submitter")
    first = (HEADER + "care_teams,2025-26Q1,ontario,total,2,exact,,P\n").encode()
    response = _upload(client, "first.csv", first)
    token = re.search(r'name="token" value="([^"]+)"',
                      response.get_data(as_text=True))  # type: ignore[attr-defined]
    assert token
    client.post("/staff/load", data={"csrf_token": csrf_token(response), "token": token[1]})
    second = (HEADER + "care_teams,2025-26Q1,ontario,total,3,exact,,P\n").encode()
    page = _upload(client, "second.csv", second).get_data(as_text=True)  # type: ignore[attr-defined]
    assert "Revised figures (1)" in page
    assert re.search(r'<td class="num">2</td>\s*<td class="num">3</td>', page)


def test_a_file_over_the_limit_is_refused_before_it_is_read(
        app: object, settings: Settings) -> None:
    from dashboard.app import create_app
    from tests.support.staff import PASSWORD, sign_in, staff_settings

    small = staff_settings(settings.db_path.parent, settings.db_path,
                           staff_max_upload_bytes=1024)
    client = create_app(small).server.test_client()
    sign_in(client, USERS["submitter"], PASSWORD)
    response = _upload(client, "big.csv", HEADER.encode() * 200, lang="fr")
    assert response.status_code == 413  # type: ignore[attr-defined]
    assert "dépasse la limite" in response.get_data(as_text=True)  # type: ignore[attr-defined]


def test_a_deliverable_status_is_recorded_and_its_note_stays_text(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("submitter")
    page = client.get("/staff/deliverables")
    milestone = re.search(r'<option value="([\w-]+)"', page.get_data(as_text=True))
    assert milestone
    note = '<img src=x onerror="alert(1)"> trained 40 agencies'
    response = client.post("/staff/deliverables", data={
        "csrf_token": csrf_token(page), "milestone_id": milestone[1], "status": "done",
        "as_of": "2025-09-30", "note": note, "evidence_url": "https://www.ontario.ca/x"})
    assert response.status_code == 200
    assert "Recorded:" in response.get_data(as_text=True)
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        latest = con.execute(
            "SELECT status, note, recorded_by, source FROM marts.milestone_status "
            "WHERE milestone_id = ? AND is_latest", [milestone[1]]).fetchone()
    assert latest == ("done", note, USERS["submitter"], "staff")
    public = client.get("/deliverables").get_data(as_text=True)
    assert "<img src=x" not in public


def test_a_deliverable_with_a_script_link_or_a_future_date_is_refused(
        signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("submitter")
    page = client.get("/staff/deliverables")
    milestone = re.search(r'<option value="([\w-]+)"', page.get_data(as_text=True))
    assert milestone
    version = data_version(settings.db_path)
    response = client.post("/staff/deliverables?lang=fr", data={
        "csrf_token": csrf_token(page), "milestone_id": milestone[1], "status": "done",
        "as_of": "2099-01-01", "evidence_url": "javascript:alert(1)"})
    text = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "evidence_url doit commencer par http:// ou https://" in text
    assert "est dans le futur" in text
    assert data_version(settings.db_path) == version
