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

# (endpoint, catalogue key), in the navigation's order. Who sees each link is the role its
# view declares with ``auth.require`` (``auth.role_of``), declared nowhere else.
NAV: tuple[tuple[str, str], ...] = (
    ("staff.home", "staff.home"),
    ("staff.upload", "staff.upload"),
    ("staff.deliverables", "staff.deliverables"),
    ("staff.snapshot", "staff.snapshot"),
    ("staff.users", "staff.users"),
    ("staff.history", "staff.history"),
)


def url(endpoint: str, **values: Any) -> str:
    values.setdefault("lang", auth.lang())
    return flask.url_for(endpoint, **values)


def language_switch() -> str:
    query = {k: v for k, v in flask.request.args.items() if k != "lang"}
    query["lang"] = other_lang(auth.lang())  # type: ignore[arg-type]
    return f"{flask.request.path}?{urlencode(query)}"


def page(template: str, heading_key: str, status: int = 200, **context: Any) -> flask.Response:
    """The page; ``switch_url`` in ``context`` is where its language switch leads, when that
    is not this address (a POST's answer, shown again by a GET), and ``nav_endpoint`` the
    navigation entry it belongs to, when that is not its own endpoint."""
    lang = auth.lang()
    switch_url = context.pop("switch_url", None) or language_switch()
    current = context.pop("nav_endpoint", None) or flask.request.endpoint
    user = getattr(flask.g, "staff_user", None)
    nav = [(url(endpoint), t(key, lang), current == endpoint)
           for endpoint, key in NAV if user is not None and user.may(auth.role_of(endpoint))]
    body = flask.render_template(
        f"staff/{template}", lang=lang, t=lambda key, **fmt: t(key, lang, **fmt),
        num=lambda value: format_number(value, lang), user=user, nav=nav, url=url,
        heading=t(heading_key, lang), csrf_token=generate_csrf(),
        switch_url=switch_url, role_name=lambda role: t(f"staff.role_{role}", lang),
        **context)
    response = flask.make_response(body, status)
    # Staff pages hold names and unpublished figures: never stored by a browser or a proxy.
    response.headers["Cache-Control"] = "no-store"
    return response
