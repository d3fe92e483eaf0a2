"""Smaller defects of the staff area found in issue 21, each with the test that failed
before its fix."""

from __future__ import annotations

import io
from collections.abc import Callable

import flask
import pytest
from flask.testing import FlaskClient

from pipelines.settings import Settings
from tests.support.staff import PASSWORD, USERS, csrf_token, sign_in, staff_settings


def test_an_upload_over_the_request_limit_answers_the_413_page(settings: Settings) -> None:
    from dashboard.app import create_app

    small = staff_settings(settings.db_path.parent, settings.db_path,
                           staff_max_upload_bytes=1024)
    client = create_app(small).server.test_client()
    sign_in(client, USERS["submitter"], PASSWORD)
    token = csrf_token(client.get("/staff/upload"))
    body = b"x" * (1024 + 200 * 1024)  # past the request limit (the file limit + 64 KB)
    response = client.post("/staff/upload?lang=fr", content_type="multipart/form-data",
                           data={"csrf_token": token, "submission": (io.BytesIO(body), "a.csv")})
    assert response.status_code == 413
    assert "dépasse la limite" in response.get_data(as_text=True)


@pytest.mark.parametrize("next_path", ["/staff/upload\r\nSet-Cookie: x=1", "/staff/\nx",
                                       "/staff/%0d%0aLocation: https://evil.example"])
def test_a_line_break_in_next_is_a_400(app: flask.Flask, next_path: str) -> None:
    client = app.test_client()
    page = client.get("/staff/sign-in")
    response = client.post("/staff/sign-in", query_string={"next": next_path}, data={
        "email": USERS["admin"], "password": PASSWORD, "csrf_token": csrf_token(page)})
    assert response.status_code in (302, 400)
    if response.status_code == 302:  # percent-encoded: a path that stays a path
        assert "\n" not in response.headers["Location"] and "evil" not in \
            response.headers["Location"].split("?")[0]
    response = client.get("/staff/sign-in", query_string={"next": next_path})
    assert response.status_code in (200, 302, 400)


def test_a_raw_line_break_in_next_is_refused_with_400(app: flask.Flask) -> None:
    client = app.test_client()
    page = client.get("/staff/sign-in")
    response = client.post("/staff/sign-in", query_string={"next": "/staff/\r\nX: y"}, data={
        "email": USERS["admin"], "password": PASSWORD, "csrf_token": csrf_token(page)})
    assert response.status_code == 400


def test_the_sign_in_page_of_a_signed_in_user_refuses_a_line_break_too(
        signed_in: Callable[[str], FlaskClient]) -> None:
    client = signed_in("submitter")
    assert client.get("/staff/sign-in", query_string={"next": "/staff/\nX"}).status_code == 400
