"""The data package (Frictionless), the deterministic zip and ``python -m pipelines export``."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from pathlib import Path

import duckdb
import frictionless
from click.testing import CliRunner

from pipelines.cli import cli
from pipelines.release.export import parse_filters
from pipelines.release.package import download_set, release_of, zip_bytes
from pipelines.release.public_fields import FIELDS, TABLES

URL = "https://tracker.example/data"


def _validate(folder: Path) -> frictionless.Report:
    return frictionless.validate(str(folder / "datapackage.json"))


def _export(db: Path, out: Path, *args: str) -> object:
    return CliRunner().invoke(cli, ["export", "--out", str(out), "--db", str(db), *args])


def test_export_writes_csv_parquet_package_readme_and_dictionary(small_db, tmp_path):
    result = _export(small_db, tmp_path / "out")
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    for table in TABLES:
        assert {f"{table}.csv", f"{table}.parquet"} <= names
    assert {"datapackage.json", "README.md", "data-dictionary.csv"} <= names
    parquet = duckdb.sql(f"SELECT * FROM '{tmp_path / 'out' / 'observations.parquet'}'").df()
    assert len(parquet) == 6 and str(parquet["period_start"].dtype).startswith("datetime64")


def test_the_data_package_validates(small_db, tmp_path):
    _export(small_db, tmp_path / "en")
    report = _validate(tmp_path / "en")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_french_filtered_package_with_demo_rows_validates(small_db, tmp_path):
    result = _export(small_db, tmp_path / "fr", "--lang", "fr", "--include-demo",
                     "--filter", "pillar=awareness")
    assert result.exit_code == 0, result.output
    report = _validate(tmp_path / "fr")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    header = (tmp_path / "fr" / "observations.csv").read_text().splitlines()[0]
    assert header.startswith("id_observation,id_indicateur,indicateur")


def test_descriptor_carries_bilingual_title_licence_sources_version_and_date(small_con):
    release = release_of(small_con, URL)
    descriptor = json.loads(download_set(small_con, release)["datapackage.json"])
    assert "Ontario" in descriptor["title"] and "Suivi" in descriptor["title"]
    assert descriptor["licenses"][0]["title"] == "Open Government Licence – Ontario"
    assert descriptor["version"] == "abcdef012345"
    assert descriptor["created"] == "2026-01-15T12:00:00+00:00"
    assert {s["title"] for s in descriptor["sources"]} >= {"Title of strategy-2025"}
    assert all("demo" not in s["title"] for s in descriptor["sources"])
    observations = next(r for r in descriptor["resources"] if r["name"] == "observations")
    assert observations["schema"]["primaryKey"] == ["observation_id"]
    value = next(f for f in observations["schema"]["fields"] if f["name"] == "value")
    assert value["type"] == "number" and " / " in value["description"]


def test_readme_holds_the_citation(small_con):
    readme = download_set(small_con, release_of(small_con, URL))["README.md"].decode()
    assert "version abcdef012345 (built 2026-01-15). Available at " + URL in readme
    assert "each row names its source" in readme.lower()


def test_data_dictionary_lists_every_column_in_both_languages(small_con):
    content = download_set(small_con, release_of(small_con, URL))["data-dictionary.csv"]
    rows = list(csv.DictReader(io.StringIO(content.decode())))
    assert len(rows) == sum(len(f) for f in FIELDS.values())
    assert all(r["description_en"] and r["description_fr"] for r in rows)
    status = next(r for r in rows if r["table"] == "observations" and r["column"] == "status")
    assert status["allowed_values"] == "demo published revised submitted"


def test_the_zip_is_byte_for_byte_stable_for_the_same_data(small_con):
    release = release_of(small_con, URL)
    first = zip_bytes(download_set(small_con, release))
    second = zip_bytes(download_set(small_con, release))
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "datapackage.json" in archive.namelist()


def test_the_zip_validates_once_unpacked(small_con, tmp_path):
    filters = parse_filters({"pillar": "support"})
    content = zip_bytes(download_set(small_con, release_of(small_con, URL), filters))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        archive.extractall(tmp_path)
    assert _validate(tmp_path).valid


def test_export_usage_errors_exit_2(small_db, tmp_path):
    for args in (["--filter", "pillar=nope"], ["--filter", "from=2024-13-01"],
                 ["--filter", "colour=red"], ["--filter", "pillar"],
                 ["--filter", "indicator=unknown_one"]):
        result = _export(small_db, tmp_path / "x", *args)
        assert result.exit_code == 2, (args, result.output)
    assert not (tmp_path / "x").exists()


def test_export_of_a_missing_database_exits_1(tmp_path):
    result = _export(tmp_path / "missing.duckdb", tmp_path / "x")
    assert result.exit_code == 1
    assert "does not exist" in result.output
