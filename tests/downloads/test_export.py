"""The download frames and CSVs: columns, filters, dtypes, injection and suppression rules."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipelines.errors import InvalidFilterError
from pipelines.release.export import (
    Filters,
    csv_bytes,
    neutralise,
    observations_frame,
    parse_filters,
    public_frame,
)
from pipelines.release.public_fields import FIELDS, TABLES, headers, read_csv_kwargs
from tests.support.downloads import make_db, observation


def _read(content: bytes, table: str, lang: str = "en") -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(content), **read_csv_kwargs(table, lang))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("table", TABLES)
def test_csv_round_trips_through_pandas_with_the_documented_dtypes(small_con, table, lang):
    frame = public_frame(small_con, table, Filters(include_demo=True), lang)
    back = _read(csv_bytes(frame, table, lang), table, lang)
    assert list(back.columns) == headers(table, lang)
    assert len(back) == len(frame)
    for field in FIELDS[table]:
        column = back[field.header(lang)]
        if field.kind == "date":
            # pandas 3 reads dates at microsecond resolution, pandas 2 at nanoseconds.
            assert column.isna().all() or pd.api.types.is_datetime64_dtype(column), field.name
            continue
        expected = {"string": "string", "number": "float64", "integer": "Int64",
                    "boolean": "boolean"}[field.kind]
        assert str(column.dtype) == expected, field.name
    if table == "observations":
        values = back["value" if lang == "en" else "valeur"]
        pd.testing.assert_series_equal(values, frame["value"], check_names=False)


def test_french_translates_headers_and_labels_but_not_values_or_dates(small_con):
    english = observations_frame(small_con, None, "en")
    french = observations_frame(small_con, None, "fr")
    assert french["indicator_name"].iloc[0] == "nom de frontline_workers_trained"
    assert "Toronto et Durham" in set(french["geography_name"])
    for column in ("value", "period_start", "period_end", "qualifier", "status"):
        assert english[column].equals(french[column])
    text = csv_bytes(french, "observations", "fr").decode()
    assert text.startswith("id_observation,id_indicateur,indicateur,id_pilier,geographie")
    assert ",2024-04-01,2025-03-31," in text


def test_demo_rows_are_left_out_unless_asked_for(small_con):
    assert "demo" not in set(observations_frame(small_con)["status"])
    with_demo = observations_frame(small_con, parse_filters({"include_demo": "true"}))
    assert "demo" in set(with_demo["status"])
    assert "demo" not in set(public_frame(small_con, "sources")["source_id"])


@pytest.mark.parametrize(("query", "expected"), [
    ({"pillar": "support"}, 2),
    ({"pillar": ["support", "awareness"]}, 4),
    ({"pillar": "support,awareness"}, 4),
    ({"indicator": "hotline_calls"}, 1),
    ({"geography": "canada"}, 1),
    ({"status": "submitted"}, 2),
    ({"source": "cceht"}, 1),
    ({"from": "2025-04-01"}, 2),
    ({"to": "2020-12-31"}, 1),
    ({"from": "2021-01-01", "to": "2024-12-31"}, 4),
])
def test_filters_keep_exactly_the_matching_rows(small_con, query, expected):
    frame = observations_frame(small_con, parse_filters(query))
    assert len(frame) == expected


def test_date_filters_keep_periods_that_overlap_the_range(small_con):
    frame = observations_frame(small_con, parse_filters({"from": "2024-12-01",
                                                         "to": "2024-12-31"}))
    for start, end in zip(frame["period_start"], frame["period_end"], strict=True):
        assert start <= date(2024, 12, 31) and end >= date(2024, 12, 1)


@pytest.mark.parametrize(("query", "message"), [
    ({"colour": "red"}, "unknown filter 'colour' for observations"),
    ({"pillar": "nope"}, "'nope' is not an allowed pillar"),
    ({"status": "done"}, "'done' is not an allowed status"),
    ({"from": "2024-02-30"}, "filter 'from' must be an ISO date (YYYY-MM-DD)"),
    ({"to": "yesterday"}, "filter 'to' must be an ISO date"),
    ({"from": ["2024-01-01", "2024-02-01"]}, "filter 'from' may be given only once"),
    ({"from": "2025-01-01", "to": "2024-01-01"}, "filter 'from' is after 'to'"),
    ({"include_demo": "maybe"}, "filter 'include_demo' must be true or false"),
    ({"indicator": "x'; DROP TABLE marts.observations; --"}, "is not a valid indicator id"),
    ({"status": "demo"}, "status 'demo' needs include_demo=true"),
])
def test_bad_filters_are_refused_with_a_clear_message(query, message):
    with pytest.raises(InvalidFilterError) as caught:
        parse_filters(query)
    assert message in str(caught.value)


def test_a_filter_that_does_not_apply_to_the_table_is_refused():
    with pytest.raises(InvalidFilterError, match="unknown filter 'geography' for milestones"):
        parse_filters({"geography": "ontario"}, "milestones")
    assert parse_filters({"status": "done"}, "milestones").status == ("done",)


def test_unknown_ids_are_refused_not_silently_empty(small_con):
    with pytest.raises(InvalidFilterError, match="unknown indicator 'no_such_indicator'"):
        observations_frame(small_con, parse_filters({"indicator": "no_such_indicator"}))


def test_query_items_round_trip_through_parse_filters():
    filters = parse_filters({"pillar": ["support"], "indicator": ["a", "b"],
                             "from": "2021-04-01", "include_demo": "true"})
    query: dict[str, list[str]] = {}
    for name, value in filters.query_items():
        query.setdefault(name, []).append(value)
    assert parse_filters(query) == filters


HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3",
           "@SUM(1+1)", "\tsneaky", "\r=1+1"]


@pytest.fixture()
def hostile_con(tmp_path: Path):
    indicator = {"indicator_id": "hostile", "pillar_id": "support", "topic": "strategy",
                 "name_en": HOSTILE[0], "name_fr": HOSTILE[1], "unit": "people",
                 "measure": "count", "interpretation": "higher_is_better",
                 "reporting_note": False, "headline": False, "sort_order": 9,
                 "definition_en": HOSTILE[2], "definition_fr": HOSTILE[3]}
    rows = [observation("hostile", date(2025, 4, 1), date(2025, 6, 30), -5, locator=HOSTILE[3],
                        note_en=HOSTILE[4], note_fr=HOSTILE[5]),
            # A suppressed row that still (wrongly) holds its value in the database.
            observation("hostile", date(2025, 7, 1), date(2025, 9, 30), 7, suppressed=True,
                        geography="toronto_durham", breakdown="region:toronto")]
    path = make_db(tmp_path / "hostile.duckdb",
                   {"marts.indicators": [indicator], "marts.observations": rows})
    with duckdb.connect(str(path), read_only=True) as con:
        yield con


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_hostile_text_is_neutralised_and_numbers_stay_numbers(hostile_con, lang):
    filters = parse_filters({"indicator": "hostile"})
    content = csv_bytes(observations_frame(hostile_con, filters, lang), "observations", lang)
    back = _read(content, "observations", lang)
    every_text = [str(v) for column in back.columns if back[column].dtype == "string"
                  for v in back[column].dropna()]
    for text in every_text:
        assert not text.startswith(("=", "+", "-", "@", "\t", "\r")), text
    name = back.iloc[0, 2]
    assert name == "'" + (HOSTILE[0] if lang == "en" else HOSTILE[1])
    assert "'@SUM(1+1)" in every_text
    value_column = "value" if lang == "en" else "valeur"
    assert back[value_column].iloc[0] == -5.0
    assert ",-5," in content.decode()


def test_suppressed_cells_are_empty_with_the_flag_never_the_hidden_value(hostile_con):
    frame = observations_frame(hostile_con, parse_filters({"indicator": "hostile"}))
    suppressed = frame[frame["suppressed"]]
    assert len(suppressed) == 1 and suppressed["value"].isna().all()
    line = next(row for row in csv_bytes(frame, "observations").decode().splitlines()
                if "region:toronto" in row)
    assert ",,exact," in line and ",true," in line and ",7," not in line


def test_hostile_indicator_is_neutralised_in_every_table(hostile_con):
    for table in ("indicators", "targets"):
        text = csv_bytes(public_frame(hostile_con, table), table).decode()
        assert "\n=" not in text and ",=" not in text and ",+" not in text


@pytest.mark.parametrize(("text", "expected"), [
    ("=1", "'=1"), ("+1", "'+1"), ("-1", "'-1"), ("@a", "'@a"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("plain", "plain"), ("", ""), ("a=b", "a=b")])
def test_neutralise(text, expected):
    assert neutralise(text) == expected


@pytest.mark.parametrize("table", TABLES)
def test_count_public_counts_exactly_the_rows_of_the_download(small_con, table):
    from pipelines.release.export import count_public

    for filters in (Filters(), Filters(include_demo=True)):
        assert count_public(small_con, table, filters) == len(
            public_frame(small_con, table, filters))
