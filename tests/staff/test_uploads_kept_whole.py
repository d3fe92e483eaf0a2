"""Uploads are kept whole and loaded once (issue 21): a clean-up never removes an upload
another request is still saving; a second Load of one upload answers "already loaded as
load N" and records nothing; a Load whose worker stopped after its swap is recorded (audit,
upload used up) the next time anyone looks."""

from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import flask
from flask.testing import FlaskClient
from werkzeug.datastructures import FileStorage

from dashboard.staff import state, uploads
from pipelines.settings import REPO_ROOT, Settings
from pipelines.submissions.ingest import ingest
from pipelines.submissions.journal import recorded_loads
from tests.support.staff import USERS, csrf_token

EXAMPLE = REPO_ROOT / "data/submissions/example-2025-26Q1.csv"


def _file(name: str = "a.csv", content: bytes = b"x,y\n1,2\n") -> FileStorage:
    return FileStorage(io.BytesIO(content), filename=name)


def test_clean_up_leaves_an_upload_being_saved_alone(settings: Settings) -> None:
    """What a concurrent save looked like to the old clean-up: a folder without its
    upload.json yet. It was removed, and the save answered 500 (FileNotFoundError)."""
    folder = settings.state_dir / "uploads"
    saving = folder / ("t" * 24)
    saving.mkdir(parents=True)
    (saving / "a.csv").write_bytes(b"half")
    incoming = folder / ".incoming-abc"
    incoming.mkdir()
    uploads.clean_old(settings)
    assert saving.exists() and incoming.exists()


def test_an_old_upload_is_cleaned_by_its_own_clock(settings: Settings) -> None:
    old = uploads.save(settings, _file(), USERS["submitter"])
    meta = old.folder / "upload.json"
    meta.write_text(meta.read_text().replace('"at": ', '"at": 1.0, "was": '))
    fresh = uploads.save(settings, _file(), USERS["submitter"])
    assert not old.folder.exists() and fresh.path.is_file()


def test_uploads_saved_while_others_clean_up_are_all_kept(settings: Settings) -> None:
    saved: list[uploads.Pending] = []
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for _ in range(5):
                saved.append(uploads.save(settings, _file(f"f{n}.csv"), USERS["submitter"]))
                uploads.clean_old(settings)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(saved) == 100
    assert all(uploads.find(settings, p.token) == p and p.path.is_file() for p in saved)


def _preview(client: FlaskClient) -> tuple[str, str]:
    page = client.get("/staff/upload")
    response = client.post("/staff/upload", content_type="multipart/form-data", data={
        "csrf_token": csrf_token(page),
        "submission": (io.BytesIO(EXAMPLE.read_bytes()), EXAMPLE.name)})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    found = re.search(r'name="token" value="([^"]+)"', response.get_data(as_text=True))
    assert found
    return found.group(1), csrf_token(response)


def test_two_loads_of_one_upload_at_once_load_it_once(
        app: flask.Flask, signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    first, second = signed_in("submitter"), signed_in("reviewer")
    token, csrf = _preview(first)
    csrf_second = csrf_token(second.get("/staff/upload"))
    before = recorded_loads(settings.db_path)
    answers: dict[str, tuple[int, str]] = {}

    def press(name: str, client: FlaskClient, form_token: str) -> None:
        response = client.post("/staff/load", data={"csrf_token": form_token, "token": token})
        answers[name] = (response.status_code, response.get_data(as_text=True))

    threads = [threading.Thread(target=press, args=("a", first, csrf)),
               threading.Thread(target=press, args=("b", second, csrf_second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    added = recorded_loads(settings.db_path)[len(before):]
    assert [row[6] for row in added] == ["accepted"], added  # no spurious refusal
    assert sorted(status for status, _ in answers.values()) == [200, 409]
    (second_text,) = [text for status, text in answers.values() if status == 409]
    assert f"loaded already, as load {added[0][0]}" in second_text
    assert "file not found" not in second_text


def test_a_load_whose_worker_stopped_after_the_swap_is_recorded_on_the_next_look(
        app: flask.Flask, signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("submitter")
    token, csrf = _preview(client)
    pending = uploads.find(settings, token)
    assert pending is not None
    # The worker's part up to its death: the intent, the ingest and its swap; then nothing
    # (no audit record, no done.json; the kernel drops its lock on the upload).
    with uploads.claim(settings, pending, USERS["submitter"]) as held:
        assert isinstance(held, uploads.Claim)
        (result,) = ingest([(pending.name, pending.path)], settings, actor=USERS["submitter"],
                           cells=[pending.cells],
                           before_swap=lambda checked: held.intend([c.load_id for c in checked]))
    assert not state.audit_exists(settings, "load", uploads.audit_detail(result.load_id, ""))
    again = client.post("/staff/load", data={"csrf_token": csrf, "token": token})
    assert again.status_code == 409
    assert f"as load {result.load_id}" in again.get_data(as_text=True)
    (record,) = [r for r in state.recent_audit(settings) if r.action == "load"]
    assert (record.actor, record.outcome) == (USERS["submitter"], "accepted")
    assert record.detail and record.detail.startswith(f"load {result.load_id}:")
    assert [r[0] for r in recorded_loads(settings.db_path)].count(result.load_id) == 1


def test_a_load_whose_worker_stopped_before_the_swap_can_be_loaded_again(
        app: flask.Flask, signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    client = signed_in("submitter")
    token, csrf = _preview(client)
    pending = uploads.find(settings, token)
    assert pending is not None
    with uploads.claim(settings, pending, USERS["submitter"]) as held:
        assert isinstance(held, uploads.Claim)
        held.intend([999])  # then the worker died: no swap
    loaded = client.post("/staff/load", data={"csrf_token": csrf, "token": token})
    assert loaded.status_code == 200, loaded.get_data(as_text=True)[:500]
    assert not (pending.folder / "intent.json").exists()


def test_the_server_settles_a_stopped_load_at_start_up(
        app: flask.Flask, signed_in: Callable[[str], FlaskClient], settings: Settings) -> None:
    from dashboard.app import create_app

    token, _ = _preview(signed_in("submitter"))
    pending = uploads.find(settings, token)
    assert pending is not None
    with uploads.claim(settings, pending, USERS["submitter"]) as held:
        assert isinstance(held, uploads.Claim)
        (result,) = ingest([(pending.name, pending.path)], settings, actor=USERS["submitter"],
                           cells=[pending.cells],
                           before_swap=lambda checked: held.intend([c.load_id for c in checked]))
    started = time.monotonic()
    create_app(settings)  # a new worker or server
    assert time.monotonic() - started < 60
    assert uploads.done(pending) == uploads.Done("accepted", result.load_id)
    assert state.audit_exists(settings, "load", uploads.audit_detail(result.load_id, ""))
    assert not Path(pending.path).exists()
