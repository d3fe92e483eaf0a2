"""Render a staff page: the Jinja template, the page's language, who is signed in, the CSRF
token and the navigation. Templates escape every value (Jinja autoescape), so a note, a file
name or an e-mail is always shown as text."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import flask
from flask_wtf.csrf import generate_csrf

from dashboard.staff import auth
from pipelines.language.formatting import format_number
from pipelines.language.i18n import other_lang, t

# (endpoint, catalogue key, role needed)
NAV: tuple[tuple[str, str, str], ...] = (
    ("staff.home", "staff.home", "submitter"),
    ("staff.upload", "staff.upload", "submitter"),
    ("staff.deliverables", "staff.deliverables", "submitter"),
    ("staff.snapshot", "staff.snapshot", "reviewer"),
    ("staff.users", "staff.users", "admin"),
    ("staff.history", "staff.history", "submitter"),
)


def url(endpoint: str, **values: Any) -> str:
    values.setdefault("lang", auth.lang())
    return flask.url_for(endpoint, **values)


def language_switch() -> str:
    query = {k: v for k, v in flask.request.args.items() if k != "lang"}
    query["lang"] = other_lang(auth.lang())  # type: ignore[arg-type]
    return f"{flask.request.path}?{urlencode(query)}"


def page(template: str, heading_key: str, status: int = 200, **context: Any) -> flask.Response:
    lang = auth.lang()
    user = getattr(flask.g, "staff_user", None)
    nav = [(url(endpoint), t(key, lang), flask.request.endpoint == endpoint)
           for endpoint, key, role in NAV if user is not None and user.may(role)]
    body = flask.render_template(
        f"staff/{template}", lang=lang, t=lambda key, **fmt: t(key, lang, **fmt),
        num=lambda value: format_number(value, lang), user=user, nav=nav, url=url,
        heading=t(heading_key, lang), csrf_token=generate_csrf(),
        switch_url=language_switch(), role_name=lambda role: t(f"staff.role_{role}", lang),
        **context)
    response = flask.make_response(body, status)
    # Staff pages hold names and unpublished figures: never stored by a browser or a proxy.
    response.headers["Cache-Control"] = "no-store"
    return response
