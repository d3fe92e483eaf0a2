"""``/api/v1/openapi.json``: the API's OpenAPI 3.1 description, generated with apispec from
the same declarations the API serves (``public_fields.FIELDS`` for the row schemas,
``export.ALLOWED`` for each table's filters), so it cannot drift from the code. Descriptions
come from the catalogue in ``?lang=``."""

from __future__ import annotations

from typing import Any, Final

from apispec import APISpec

from dashboard.api_limits import (
    CONTROLS,
    CURSOR_PATTERN,
    DEFAULT_LIMIT,
    ID_VALUE_PATTERN,
    MAX_LIMIT,
    PREFIX,
    QUARTER_VALUE_PATTERN,
)
from dashboard.web.indicator_data import add_openapi_paths as add_indicator_paths
from pipelines.language.i18n import t
from pipelines.release.export import ALLOWED, LIST_FILTERS, STATUSES
from pipelines.release.public_fields import FIELDS, TABLES, Field
from pipelines.vocabulary import PILLARS

VERSION: Final = "1.0.0"
JSON_TYPES: Final = {"string": "string", "number": "number", "integer": "integer",
                     "boolean": "boolean", "date": "string"}
DATES: Final = frozenset({"from", "to", "as_of"})


def _field_schema(field: Field, lang: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": [JSON_TYPES[field.kind], "null"],
                              "description": field.fr if lang == "fr" else field.en}
    if field.kind == "date":
        schema["format"] = "date"
    if field.allowed:
        schema["enum"] = [*field.allowed, None]
    return schema


def row_schema(table: str, lang: str) -> dict[str, Any]:
    """One row of ``table``: every public column under its ``lang`` header."""
    fields = FIELDS[table]
    return {"type": "object", "additionalProperties": False,
            "required": [f.header(lang) for f in fields],
            "properties": {f.header(lang): _field_schema(f, lang) for f in fields}}


def page_schema(table: str) -> dict[str, Any]:
    rows = {"oneOf": [{"$ref": f"#/components/schemas/{schema_name(table, lang)}"}
                      for lang in ("en", "fr")]}
    return {"type": "object", "required": ["table", "lang", "rows", "next"], "properties": {
        "table": {"const": table}, "lang": {"enum": ["en", "fr"]},
        "as_of": {"type": ["string", "null"], "format": "date"},
        "data_version": {"type": "string"}, "limit": {"type": "integer"},
        "count": {"type": "integer"}, "fields": {"type": "array", "items": {"type": "string"}},
        "rows": {"type": "array", "items": rows},
        # Built from the site's public address, never from the request's Host.
        "next": {"type": ["string", "null"], "format": "uri"}}}


def schema_name(table: str, lang: str) -> str:
    return f"{table.title().replace('_', '')}Row{'Fr' if lang == 'fr' else ''}"


def _parameter_schema(name: str, table: str) -> dict[str, Any]:
    if name in DATES:
        return {"type": "string", "format": "date"}
    if name == "include_demo":
        return {"type": "boolean", "default": False}
    if name == "lang":
        return {"type": "string", "enum": ["en", "fr"], "default": "en"}
    if name == "limit":
        return {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}
    if name == "cursor":
        return {"type": "string", "minLength": 1, "pattern": f"^{CURSOR_PATTERN}$"}
    if name == "snapshot":
        return {"type": "string", "minLength": 1}
    allowed = {"pillar": PILLARS, "status": STATUSES.get(table)}.get(name)
    item: dict[str, Any] = {"type": "string"}
    if allowed:
        item["enum"] = list(allowed)
    elif name in LIST_FILTERS:  # an id; the API ignores an empty one
        item["pattern"] = QUARTER_VALUE_PATTERN if name == "quarter" else ID_VALUE_PATTERN
    return {"type": "array", "items": item} if name in LIST_FILTERS else item


def parameters(table: str, lang: str) -> list[dict[str, Any]]:
    """Every query parameter ``table`` takes: its filters, then the controls."""
    names = [*sorted(ALLOWED[table]), *sorted(CONTROLS)]
    found = []
    for name in names:
        parameter: dict[str, Any] = {
            "name": name, "in": "query", "required": False,
            "description": t(f"api.p_{name}", lang, default=DEFAULT_LIMIT, max=MAX_LIMIT),
            "schema": _parameter_schema(name, table)}
        if name in LIST_FILTERS:
            parameter.update(style="form", explode=True)
        found.append(parameter)
    return found


def _error(lang: str, key: str) -> dict[str, Any]:
    return {"description": t(key, lang), "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _operation(table: str, lang: str) -> dict[str, Any]:
    headers = {"ETag": {"description": t("api.etag", lang), "schema": {"type": "string"}},
               "Link": {"description": t("api.link", lang), "schema": {"type": "string"}}}
    return {"operationId": f"list_{table}", "summary": t("api.table_summary", lang, table=table),
            "tags": [table], "parameters": parameters(table, lang), "responses": {
                "200": {"description": t("api.page", lang), "headers": headers, "content": {
                    "application/json": {"schema": {
                        "$ref": f"#/components/schemas/{schema_name(table, 'en')}Page"}}}},
                "304": {"description": t("api.not_modified", lang)},
                "400": _error(lang, "api.bad_request"), "404": _error(lang, "api.not_found"),
                "409": _error(lang, "api.conflict")}}


ERROR_SCHEMA: Final = {
    "type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["status", "message"],
        "properties": {"status": {"type": "integer"}, "message": {"type": "string"}}}}}


def openapi_spec(server_url: str, lang: str = "en") -> dict[str, Any]:
    """The description of every ``/api/v1/<table>`` served at ``server_url``."""
    spec = APISpec(title=t("api.title", lang), version=VERSION, openapi_version="3.1.0",
                   info={"description": t("api.description", lang, max=MAX_LIMIT),
                         "license": {"name": "OGL-Ontario-1.0", "url":
                                     "https://www.ontario.ca/page/open-government-licence-ontario"}},
                   servers=[{"url": server_url or "/"}])
    spec.components.schema("Error", ERROR_SCHEMA)
    for table in TABLES:
        for row_lang in ("en", "fr"):
            spec.components.schema(schema_name(table, row_lang), row_schema(table, row_lang))
        spec.components.schema(f"{schema_name(table, 'en')}Page", page_schema(table))
        spec.path(path=f"{PREFIX}/{table}", operations={"get": _operation(table, lang)})
    # The chart data beside every indicator page (dashboard/web/indicator_data.py).
    add_indicator_paths(spec, lang)
    spec.path(path=f"{PREFIX}/openapi.json", operations={"get": {
        "operationId": "openapi", "summary": t("api.openapi_summary", lang),
        "responses": {"200": {"description": t("api.openapi_summary", lang),
                              "content": {"application/json": {"schema": {"type": "object"}}}}}}})
    return spec.to_dict()
