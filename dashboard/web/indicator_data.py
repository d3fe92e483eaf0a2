"""A chart's own data at a stable address, beside every indicator chart:

* ``/indicator/<id>.csv``: exactly the rows of the chart's table as the page shows them,
  with the page's filters (``geography``, ``as_of``) and language (``lang``): the table's
  cells as written on the page, then the codes and typed values behind them.
* ``/indicator/<id>.metadata.json``: what the data is (definition, unit, sources with the
  sentences the figures were read from, licence, citation with the data version, last
  updated, next expected), valid against ``schemas/indicator-metadata.schema.json``.

Both are described in the OpenAPI document (:func:`add_openapi_paths`). An unknown
indicator, or a geography it has no figures for, is 404; a malformed parameter (a malformed
date or one after today, ``bom=maybe``) is 400; the message is in the language asked for.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Final

import flask
from apispec import APISpec

from dashboard.components.data_table import table_cells, table_points
from dashboard.context import current_db, current_settings, public_root
from dashboard.figures.series import ALL, ChartPoint, charted_points, default_geography
from dashboard.figures.series import geography_options as options_of
from dashboard.web.downloads import current_release
from dashboard.web.files import (
    args,
    asked_lang,
    csv_response,
    json_response,
    message,
    refused,
    wants_bom,
)
from dashboard.web.indicator_metadata import metadata
from pipelines.language.i18n import Lang, normalise_lang, t
from pipelines.language.typography import french
from pipelines.read import availability, strategy
from pipelines.read.as_of import parse_day
from pipelines.read.indicator import IndicatorPage, indicator_page
from pipelines.release.problems import FilterProblem
from pipelines.release.public_fields import Kind

SCHEMA_PATH: Final = Path(__file__).resolve().parent / "schemas" / \
    "indicator-metadata.schema.json"
PARAMETERS: Final = ("geography", "as_of", "lang")
# The table's columns as the page writes them (data_table.COLUMNS), then what is behind them.
SHOWN: Final[tuple[tuple[str, str], ...]] = (
    ("period", "periode"), ("value_shown", "valeur_affichee"),
    ("geography_name", "nom_geographie"), ("source", "source"), ("measure", "mesure"),
    ("plotted", "place_sur_le_graphique"), ("status_label", "statut_libelle"),
    ("revised", "revise"))
BEHIND: Final[tuple[tuple[str, str, Kind], ...]] = (
    ("indicator_id", "id_indicateur", "string"), ("observation_id", "id_observation", "string"),
    ("period_start", "debut_periode", "date"), ("period_end", "fin_periode", "date"),
    ("period_basis", "base_periode", "string"), ("value", "valeur", "number"),
    ("value_high", "valeur_haute", "number"), ("qualifier", "qualificatif", "string"),
    ("geography", "geographie", "string"), ("source_id", "id_source", "string"),
    ("plotted_at", "date_sur_le_graphique", "date"), ("status", "statut", "string"),
    ("revision", "revision", "boolean"), ("suppressed", "supprime", "boolean"))


@dataclass(frozen=True)
class ChartData:
    page: IndicatorPage
    geography: str
    as_of: date | None
    lang: Lang
    points: list[ChartPoint]  # the table's rows, in its order


@cache
def metadata_schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def chart_data(indicator_id: str, query: dict[str, str]) -> ChartData | None:
    """The table's rows for the page's filters; None for an unknown indicator. Raises
    FilterProblem for a parameter the page would not take."""
    lang = normalise_lang(query.get("lang", "en"))
    if strategy.indicator(current_db(), indicator_id) is None:
        return None  # 404 whatever the parameters: there is nothing to filter
    day = _as_of(query.get("as_of", ""))
    page = indicator_page(current_db(), indicator_id, day)
    if page is None:
        return None
    choices = options_of(page.observations)
    geography = query.get("geography") or default_geography(page.observations)
    if geography not in choices:
        raise FilterProblem("bad_geography", value=geography, allowed=", ".join(choices))
    points = table_points(charted_points(page, geography))
    return ChartData(page, geography, day, lang, points)


def _as_of(text: str) -> date | None:
    if not text:
        return None
    try:
        day = parse_day(text, today=date.max)
    except ValueError:
        raise FilterProblem("bad_as_of", value=text) from None
    if day > date.today():
        raise FilterProblem("future_as_of", value=text)
    return day


def headers(lang: Lang) -> list[str]:
    return [fr if lang == "fr" else en for en, fr in SHOWN] + \
        [fr if lang == "fr" else en for en, fr, _ in BEHIND]


def csv_rows(data: ChartData) -> list[list[object]]:
    """Each row: the page's cells (French typography in French, as the page sets them),
    then the codes and values behind them."""
    sources = {o.observation_id: o.source_id for o in data.page.observations}
    rows: list[list[object]] = []
    for point in data.points:
        shown = table_cells(point, data.lang)
        if data.lang == "fr":
            shown = [french(cell) for cell in shown]
        rows.append([*shown, data.page.indicator.indicator_id, point.observation_id,
                     point.period_start, point.period_end, point.period_basis,
                     None if point.suppressed else point.value, point.value_high,
                     point.qualifier, point.geography, sources.get(point.observation_id or ""),
                     point.x, point.status, point.revision, point.suppressed])
    return rows


def _query(data: ChartData) -> str:
    from urllib.parse import urlencode

    items = [("geography", data.geography)]
    if data.as_of:
        items.append(("as_of", data.as_of.isoformat()))
    return urlencode([*items, ("lang", data.lang)])


def file_name(data: ChartData, extension: str) -> str:
    parts = [data.page.indicator.indicator_id]
    if data.geography != ALL:
        parts.append(data.geography)
    if data.as_of:
        parts.append(f"as_of_{data.as_of.isoformat()}")
    return "_".join([*parts, data.lang]) + f".{extension}"


def _refuse_or_read(indicator_id: str, allowed: Sequence[str]
                    ) -> tuple[ChartData | None, dict[str, str], flask.Response | None]:
    lang = asked_lang()
    try:
        query = args(allowed)
        data = chart_data(indicator_id, query)
    except FilterProblem as problem:
        # A geography the indicator has no figures for names no data, as an unknown id does.
        return None, {}, refused(problem, lang, 404 if problem.key == "bad_geography" else 400)
    if data is None:
        return None, {}, message(404, "indicator_data.unknown", lang, value=indicator_id[:40])
    return data, query, None


def indicator_csv(indicator_id: str) -> flask.Response:
    data, query, refusal = _refuse_or_read(indicator_id, (*PARAMETERS, "bom"))
    if refusal is not None or data is None:
        return refusal or flask.Response(status=404)
    try:
        bom = wants_bom(query)
    except FilterProblem as problem:
        return refused(problem, data.lang)
    shown: list[Kind] = ["string" for _ in SHOWN]
    kinds = shown + [kind for _, _, kind in BEHIND]
    return csv_response(headers(data.lang), kinds, csv_rows(data), file_name(data, "csv"), bom)


def indicator_metadata(indicator_id: str) -> flask.Response:
    data, _, refusal = _refuse_or_read(indicator_id, PARAMETERS)
    if refusal is not None or data is None:
        return refusal or flask.Response(status=404)
    db = current_db()
    settings = current_settings()
    found = availability.freshness(db, indicator_id, date.today(), settings.strategy_start,
                                   settings.strategy_end)
    base = f"{public_root()}/indicator/{indicator_id}"
    urls = {"csv": f"{base}.csv?{_query(data)}", "page": f"{base}?{_query(data)}",
            "metadata": f"{base}.metadata.json?{_query(data)}"}
    return json_response(metadata(data.page, data.points, data.geography, data.as_of,
                                  data.lang, current_release(db), found, urls))


def register_indicator_data(server: flask.Flask) -> None:
    server.add_url_rule("/indicator/<indicator_id>.csv", "indicator_csv", indicator_csv)
    server.add_url_rule("/indicator/<indicator_id>.metadata.json", "indicator_metadata",
                        indicator_metadata)


def _parameter(name: str, lang: str) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if name == "lang":
        schema = {"type": "string", "enum": ["en", "fr"], "default": "en"}
    elif name == "as_of":
        schema = {"type": "string", "format": "date"}
    elif name == "bom":
        schema = {"type": "boolean", "default": False}
    return {"name": name, "in": "query", "required": False,
            "description": t(f"api.p_indicator_{name}", lang), "schema": schema}


def add_openapi_paths(spec: APISpec, lang: str) -> None:
    """Describe the two routes (and the metadata's schema) in the OpenAPI document."""
    spec.components.schema("IndicatorMetadata", {k: v for k, v in metadata_schema().items()
                                                  if k != "$schema"})
    path_id = {"name": "indicator_id", "in": "path", "required": True,
               "schema": {"type": "string"}, "description": t("api.p_indicator_id", lang)}
    errors = {"400": {"description": t("api.bad_request", lang)},
              "404": {"description": t("api.not_found", lang)}}
    spec.path(path="/indicator/{indicator_id}.csv", operations={"get": {
        "operationId": "indicator_csv", "summary": t("api.indicator_csv", lang),
        "tags": ["indicator"],
        "parameters": [path_id, *[_parameter(n, lang) for n in (*PARAMETERS, "bom")]],
        "responses": {"200": {"description": t("api.indicator_csv", lang),
                              "content": {"text/csv": {"schema": {"type": "string"}}}},
                      **errors}}})
    spec.path(path="/indicator/{indicator_id}.metadata.json", operations={"get": {
        "operationId": "indicator_metadata", "summary": t("api.indicator_metadata", lang),
        "tags": ["indicator"],
        "parameters": [path_id, *[_parameter(n, lang) for n in PARAMETERS]],
        "responses": {"200": {"description": t("api.indicator_metadata", lang), "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/IndicatorMetadata"}}}},
            **errors}}})
