"""A public table is declared once (pipelines/release/public_fields): a column added to its
declaration, and nowhere else, is created by the build and shows in the CSV (English and
French headers, also as known on a day), the JSON API, the OpenAPI document, the data
dictionary and the typed rows.

The column is added in a temporary copy of the code, which builds its own database and serves
it in a child process (the copy's modules are imported there, never in this process)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from pipelines.read.exports import AS_OF_QUERIES, QUERIES
from pipelines.release.public_fields import DECLARED, TABLES, headers
from pipelines.release.public_fields.model import field
from pipelines.settings import REPO_ROOT

# The column, added where the declaration says new columns go (after every published one).
DECLARATION = Path("pipelines/release/public_fields/figures.py")
ANCHOR = '    added=(),\n    primary_key=("observation_id",),'
ADDED = ('    added=(required(field("checked_by", "verifie_par", "string", '
         '"Who checked the figure", "Qui a vérifié le chiffre", '
         'default="\'second reader\'")),),\n'
         '    primary_key=("observation_id",),')

# Run in the copy: every place a public column is read or described, as a user meets it.
PROBE = r"""
import dataclasses, io, json, sys, zipfile
from datetime import date
from pathlib import Path

import duckdb

from dashboard.app import create_app
from pipelines.read import downloads
from pipelines.read.table_rows import ROW_TYPES
from pipelines.release.export import Filters
from pipelines.settings import load_settings

db = Path(sys.argv[1])
client = create_app(load_settings(env={}, db_path=db)).server.test_client()
today = date.today().isoformat()
found = {}
for name, url in {"csv": "/download/observations.csv",
                  "csv_fr": "/download/observations.csv?lang=fr",
                  "csv_as_of": f"/download/observations.csv?as_of={today}",
                  "api": "/api/v1/observations?limit=3",
                  "api_as_of": f"/api/v1/observations?limit=3&as_of={today}",
                  "openapi": "/api/v1/openapi.json",
                  "package": "/download/datapackage.zip"}.items():
    answer = client.get(url)
    assert answer.status_code == 200, (url, answer.status_code, answer.get_data()[:300])
    found[name] = answer.get_data()
with zipfile.ZipFile(io.BytesIO(found.pop("package"))) as package:
    found["dictionary"] = package.read("data-dictionary.csv")
    found["datapackage"] = package.read("datapackage.json")
result = {k: v.decode("utf-8-sig") for k, v in found.items()}


class Db:  # what the read layer reads from: a cursor on the database
    def cursor(self):
        return duckdb.connect(str(db), read_only=True)


typed = downloads.rows(Db(), "observations", Filters(), "en", page=(0, 2))
result["row_fields"] = [f.name for f in dataclasses.fields(ROW_TYPES["observations"])]
result["row_type"] = next(str(f.type) for f in dataclasses.fields(ROW_TYPES["observations"])
                         if f.name == "checked_by")
result["typed_values"] = [row.checked_by for row in typed]
print(json.dumps(result))
"""


@pytest.fixture(scope="module")
def with_column(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    copy = tmp_path_factory.mktemp("copy")
    for name in ("pipelines", "dashboard", "data", "notebooks"):
        shutil.copytree(REPO_ROOT / name, copy / name,
                        ignore=shutil.ignore_patterns("__pycache__", "build"))
    declaration = copy / DECLARATION
    text = declaration.read_text(encoding="utf-8")
    assert text.count(ANCHOR) == 1, "the observations declaration has no empty added=()"
    declaration.write_text(text.replace(ANCHOR, ADDED), encoding="utf-8")
    db = copy / "strategy.duckdb"
    # The copy's settings only: none of this process's STRATEGY_* overrides.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("STRATEGY_")}
    for command in (["-m", "pipelines", "build", "--db", str(db)], ["-c", PROBE, str(db)]):
        done = subprocess.run([sys.executable, *command], cwd=copy, capture_output=True,
                              text=True, timeout=300, env=environment)
        assert done.returncode == 0, done.stderr[-2000:]
    found: dict[str, object] = json.loads(done.stdout)
    return found


def _then(names: list[str], added: str) -> list[str]:
    """Today's columns, every one in its place, then the added one."""
    return [*names, added]


def _csv(text: object) -> list[dict[str, str]]:
    assert isinstance(text, str)
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(("name", "header"), [("csv", "checked_by"), ("csv_fr", "verifie_par"),
                                               ("csv_as_of", "checked_by")])
def test_the_csv_has_the_column_with_its_values(with_column: dict[str, object], name: str,
                                                header: str) -> None:
    rows = _csv(with_column[name])
    lang = "fr" if name.endswith("_fr") else "en"
    assert list(rows[0]) == _then(headers("observations", lang), header)
    assert {row[header] for row in rows} == {"second reader"}


@pytest.mark.parametrize("name", ["api", "api_as_of"])
def test_the_api_rows_have_the_column(with_column: dict[str, object], name: str) -> None:
    page = json.loads(str(with_column[name]))
    assert page["fields"] == _then(headers("observations", "en"), "checked_by")
    assert [row["checked_by"] for row in page["rows"]] == ["second reader"] * 3


def test_the_openapi_document_describes_the_column(with_column: dict[str, object]) -> None:
    schemas = json.loads(str(with_column["openapi"]))["components"]["schemas"]
    assert schemas["ObservationsRow"]["properties"]["checked_by"] == {
        "type": ["string", "null"], "description": "Who checked the figure"}
    assert "verifie_par" in schemas["ObservationsRowFr"]["required"]


def test_the_data_dictionary_lists_the_column(with_column: dict[str, object]) -> None:
    entries = [row for row in _csv(with_column["dictionary"])
               if "checked_by" in row.values()]
    assert len(entries) == 1
    assert {"verifie_par", "Who checked the figure",
            "Qui a vérifié le chiffre"} <= set(entries[0].values())
    descriptor = json.loads(str(with_column["datapackage"]))
    observations = next(r for r in descriptor["resources"] if r["name"] == "observations")
    assert [f["name"] for f in observations["schema"]["fields"]] == _then(
        headers("observations", "en"), "checked_by")


def test_the_typed_rows_have_the_column(with_column: dict[str, object]) -> None:
    assert with_column["row_fields"] == _then(headers("observations", "en"), "checked_by")
    assert with_column["row_type"] == "<class 'str'>"  # required: never None
    assert with_column["typed_values"] == ["second reader", "second reader"]


@pytest.mark.parametrize("table", TABLES)
def test_an_export_query_leaves_out_only_columns_no_file_publishes(table: str) -> None:
    """An export query may skip columns only the database keeps (for speed); skipping a
    declared public column would hide it from every file."""
    public = {f.name for f in DECLARED[table].fields if f.stored}
    for query in {QUERIES[table], AS_OF_QUERIES[table]}:
        left_out = {name.strip() for found in re.findall(r"\b\w\.\* EXCLUDE \(([^)]*)\)", query)
                    for name in found.split(",")}
        assert not left_out & public
        assert left_out <= {c.name for c in DECLARED[table].stored()}


def test_an_added_column_never_moves_a_published_one() -> None:
    published = DECLARED["sources"]
    kind = field("review", "revue", "string", "Review state", "État de la revue",
                 ("open", "closed"), labels="label_review")
    grown = replace(published, added=(kind, field("pages", "pages", "integer", "Pages",
                                                  "Pages")))
    names = [f.name for f in grown.fields]
    assert names == [*(f.name for f in published.fields), "review", "review_label", "pages"]
    assert [c.name for c in grown.stored()][-2:] == ["review", "pages"]
