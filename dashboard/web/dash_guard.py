"""Dash's own routes, guarded against what strangers send them.

* ``/_dash-update-component``: a request is checked against the callback it names before
  Dash sees it (a JSON object naming a registered callback, with that callback's inputs and
  state, and text where a location property is text). Anything else answers 400 with one log
  line of bounded length: Dash itself answers such requests 500 and logs a traceback holding
  the request's own text. An error inside a callback given a well-formed request stays a 500,
  logged with its stack but with its message cut short.
* ``/_dash-component-suites/<package>/<path>``: a path Dash does not serve answers 404 with one
  short line (Dash answers 500 and logs the list of every path it serves).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Mapping
from typing import Any, Final

import dash
import flask
from dash.exceptions import DependencyException
from werkzeug.exceptions import HTTPException, InternalServerError, NotFound

LOG: Final = logging.getLogger(__name__)
SHOWN: Final = 80  # characters of anything the client sent that a log line repeats
# Properties whose values are text (dcc.Location) or a count (buttons), whatever the callback.
PROPERTY_TYPES: Final[Mapping[str, tuple[type, ...]]] = {
    "pathname": (str,), "search": (str,), "hash": (str,), "href": (str,),
    "n_clicks": (int,), "n_clicks_timestamp": (int,)}


def install_dash_guard(app: dash.Dash) -> None:
    """Wrap the callback and component-suite views of ``app.server``."""
    server = app.server
    prefix = app.config.requests_pathname_prefix
    dispatch = f"{prefix}_dash-update-component"
    suites = f"{prefix}_dash-component-suites/<string:package_name>/<path:fingerprinted_path>"
    server.view_functions[dispatch] = _guard_callbacks(app, server.view_functions[dispatch])
    server.view_functions[suites] = _guard_suites(server.view_functions[suites])


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def _refuse(status: int, reason: str) -> flask.Response:
    LOG.info("refused %s %s from %s: %s", flask.request.method, flask.request.path,
             flask.request.remote_addr, reason)
    response = flask.jsonify({"error": {"status": status, "message": reason}})
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def _guard_callbacks(app: dash.Dash, view: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        problem = callback_problem(app.callback_map, flask.request.get_json(silent=True))
        if problem:
            return _refuse(400, problem)
        try:
            return view(*args, **kwargs)
        except HTTPException:
            raise
        except Exception as error:
            _log_failure(error)
            raise InternalServerError() from None

    return guarded


def _log_failure(error: Exception) -> None:
    """The stack (code, bounded) and the message cut short: the message may repeat input."""
    frames = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)[-12:]))
    LOG.error("callback failed: %s: %s\n%s", type(error).__name__, _short(error), frames)


def callback_problem(callbacks: Mapping[str, Any], body: object) -> str | None:
    """Why ``body`` is not a request for one of ``callbacks`` (None when it is one)."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in callbacks:
        return f"no callback has the output {_short(output)!r}"
    declared = callbacks[output]
    outputs = body.get("outputs")
    if not all(_is_dependency(o) for o in (outputs if isinstance(outputs, list) else [outputs])):
        return "outputs must name an id and a property"
    for part in ("inputs", "state"):
        problem = _dependencies_problem(part, body.get(part, []), declared.get(part, []))
        if problem:
            return problem
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "changedPropIds must be a list of text"
    return None


def _is_dependency(item: object) -> bool:
    return (isinstance(item, dict) and isinstance(item.get("property"), str)
            and isinstance(item.get("id"), str | dict))


def _dependencies_problem(part: str, sent: object, declared: list[Any]) -> str | None:
    if not isinstance(sent, list) or len(sent) != len(declared):
        return f"{part} must list the callback's {len(declared)} {part}"
    for given, wanted in zip(sent, declared, strict=True):
        items = given if isinstance(given, list) and _is_pattern(wanted) else [given]
        for item in items:
            if not _is_dependency(item) or item["property"] != wanted["property"] or (
                    not _is_pattern(wanted) and item["id"] != wanted["id"]):
                return f"{part} do not match the callback's {part}"
            types = PROPERTY_TYPES.get(item["property"])
            value = item.get("value")
            if types and value is not None and (not isinstance(value, types)
                                                or isinstance(value, bool)):
                return f"{item['property']} must be {types[0].__name__}"
    return None


def _is_pattern(dependency: Mapping[str, Any]) -> bool:
    """Pattern-matching ids (ALL, MATCH) are declared as JSON text."""
    return str(dependency.get("id", "")).startswith("{")


def _guard_suites(view: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except (DependencyException, OSError):
            package, path = kwargs.get("package_name"), kwargs.get("fingerprinted_path")
            LOG.info("not served: component suite %s path %s", _short(package), _short(path))
            raise NotFound() from None

    return guarded
