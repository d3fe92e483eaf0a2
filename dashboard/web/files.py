"""What every data file outside the download set shares (``/data/availability.csv``,
``/indicator/<id>.csv`` and ``.metadata.json``): parameters checked with messages in the
language asked for, CSV written with the download set's rules (formula cells neutralised,
CRLF, UTF-8, ``?bom=true`` for Excel)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Final

import flask

from dashboard.web.downloads import BOM, bom_flag
from pipelines.language.i18n import t
from pipelines.release.export import neutralise
from pipelines.release.problems import FilterProblem
from pipelines.release.public_fields import Kind

LANGS: Final = ("en", "fr")


def args(allowed: Iterable[str]) -> dict[str, str]:
    """The request's parameters, each at most once, none unknown (FilterProblem)."""
    found: dict[str, str] = {}
    names = sorted(allowed)
    for name, values in flask.request.args.to_dict(flat=False).items():
        if name not in names:
            raise FilterProblem("unknown_parameter", name=name, allowed=", ".join(names))
        if len(values) > 1:
            raise FilterProblem("repeated", name=name)
        found[name] = values[0]
    if found.get("lang", "en") not in LANGS:
        raise FilterProblem("bad_lang")
    return found


def wants_bom(found: dict[str, str]) -> bool:
    return bom_flag([found["bom"]]) if "bom" in found else False


def asked_lang() -> str:
    """The ``lang`` asked for, for messages (English unless it is exactly ``fr``)."""
    return "fr" if flask.request.args.get("lang") == "fr" else "en"


def _cell(kind: Kind, value: object) -> str:
    if value is None or value == "":
        return ""
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "number":
        return format(float(str(value)), ".15g")
    if kind in ("integer",):
        return str(int(str(value)))
    if kind == "date" and isinstance(value, date):
        return value.isoformat()
    return neutralise(str(value))


def csv_response(headers: Sequence[str], kinds: Sequence[Kind], rows: Iterable[Sequence[object]],
                 name: str, bom: bool) -> flask.Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(kind, value) for kind, value in zip(kinds, row, strict=True)])
    body = (BOM if bom else b"") + buffer.getvalue().encode("utf-8")
    response = flask.Response(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def json_response(body: object) -> flask.Response:
    response = flask.Response(json.dumps(body, ensure_ascii=False, indent=2) + "\n",
                              mimetype="application/json")
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def message(status: int, key: str, lang: str, **params: object) -> flask.Response:
    return flask.Response(t(key, lang, **params) + "\n", status=status, mimetype="text/plain")


def refused(problem: FilterProblem, lang: str, status: int = 400) -> flask.Response:
    key = "filter_problem.not_found" if status == 404 else "filter_problem.bad_request"
    return message(status, key, lang, message=problem.text(lang))

