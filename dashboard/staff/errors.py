"""The staff area's error pages: a refused CSRF token (400), a role that does not allow the
action (403), too many wrong passwords (429) and a file over the limit (413), each a short
page in the reader's language rather than the framework's default."""

from __future__ import annotations

import flask
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import Forbidden, RequestEntityTooLarge, TooManyRequests

from dashboard.staff import auth, render
from dashboard.staff.throttle import parse_limit
from pipelines.language.formatting import format_bytes
from pipelines.language.i18n import t


def too_many() -> flask.Response:
    """429: too many sign-in attempts; try again when the window has passed."""
    limit = parse_limit(auth.settings().staff_sign_in_limit)
    response = render.page("message.html", "staff.too_many_title", 429,
                           body=t("staff.too_many", auth.lang()))
    response.headers["Retry-After"] = str(limit.window_s)
    return response


def _in_staff_area() -> bool:
    return flask.request.path.startswith(auth.PREFIX)


def register(blueprint: flask.Blueprint, server: flask.Flask) -> None:
    @blueprint.errorhandler(Forbidden)
    def _forbidden(_error: Forbidden) -> flask.Response:
        return render.page("message.html", "staff.forbidden_title", 403,
                           body=t("staff.forbidden", auth.lang()))

    # CSRF, size and rate-limit errors are raised before the blueprint's view runs, so they
    # are handled on the server and answered as staff pages only inside /staff.
    @server.errorhandler(CSRFError)
    def _csrf(error: CSRFError) -> flask.Response | CSRFError:
        if not _in_staff_area():
            return error
        return render.page("message.html", "staff.bad_request_title", 400,
                           body=t("staff.bad_request", auth.lang()))

    @server.errorhandler(TooManyRequests)
    def _too_many(error: TooManyRequests) -> flask.Response | TooManyRequests:
        if not _in_staff_area():
            return error
        return too_many()

    @server.errorhandler(RequestEntityTooLarge)
    def _too_large(error: RequestEntityTooLarge) -> flask.Response | RequestEntityTooLarge:
        if not _in_staff_area():
            return error
        limit = format_bytes(auth.settings().staff_max_upload_bytes, auth.lang())
        return render.page("message.html", "staff_upload.heading", 413,
                           body=t("staff.too_large", auth.lang(), limit=limit))
