"""``/submissions/template.csv``, ``/submissions/template.xlsx`` (with its deliverables
sheet) and ``/submissions/template-deliverables.csv``: the quarterly submission templates
from ``data/submissions/``, read-only, as attachments. Only these names are served (an
allow-list, never a path from the request); no query parameter is accepted.
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


DELIVERABLES_PATH: Final = "/submissions/template-deliverables.csv"


def template_download(extension: str) -> flask.Response:
    if extension not in MIMETYPES:
        return flask.Response("not found: the template is template.csv or template.xlsx\n",
                              status=404, mimetype="text/plain")
    return _attachment(f"template.{extension}", f"submission-template.{extension}",
                       MIMETYPES[extension])


def deliverables_template() -> flask.Response:
    return _attachment("template-deliverables.csv", "submission-template-deliverables.csv",
                       MIMETYPES["csv"])


def _attachment(stored: str, download: str, mimetype: str) -> flask.Response:
    if flask.request.args:
        return flask.Response("bad request: the template takes no parameters\n", status=400,
                              mimetype="text/plain")
    settings = flask.current_app.config[SETTINGS_CONFIG_KEY]
    response = flask.Response((settings.submissions_dir / stored).read_bytes(),
                              mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{download}"'
    return response


def register_templates(server: flask.Flask) -> None:
    server.add_url_rule(PATH, "submission_template", template_download, methods=["GET"])
    server.add_url_rule(DELIVERABLES_PATH, "deliverables_template", deliverables_template,
                        methods=["GET"])
