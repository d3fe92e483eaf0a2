"""``/submissions/template.csv`` and ``/submissions/template.xlsx``: the quarterly submission
template from ``data/submissions/``, read-only, as an attachment. Only these two names are
served (an allow-list, never a path from the request); no query parameter is accepted.
"""

from __future__ import annotations

from typing import Final

import flask

from dashboard.context import SETTINGS_CONFIG_KEY

PATH: Final = "/submissions/template.<extension>"
MIMETYPES: Final[dict[str, str]] = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def template_href(extension: str) -> str:
    return f"/submissions/template.{extension}"


def template_download(extension: str) -> flask.Response:
    if extension not in MIMETYPES:
        return flask.Response("not found: the template is template.csv or template.xlsx\n",
                              status=404, mimetype="text/plain")
    if flask.request.args:
        return flask.Response("bad request: the template takes no parameters\n", status=400,
                              mimetype="text/plain")
    settings = flask.current_app.config[SETTINGS_CONFIG_KEY]
    body = (settings.submissions_dir / f"template.{extension}").read_bytes()
    response = flask.Response(body, mimetype=MIMETYPES[extension])
    response.headers["Content-Disposition"] = (
        f'attachment; filename="submission-template.{extension}"')
    return response


def register_templates(server: flask.Flask) -> None:
    server.add_url_rule(PATH, "submission_template", template_download, methods=["GET"])
