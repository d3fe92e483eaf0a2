"""Files in the reader's language and tool, on the real build with the demonstration data:
every table as French CSV has no English label in its label columns (codes keep their codes),
English-only notes are marked, every table opens as XLSX with typed cells and three sheets,
and ``?bom=true`` / a bad ``bom`` behave."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from flask.testing import FlaskClient
from openpyxl import load_workbook

from dashboard.app import create_app
from pipelines.language.i18n import load_catalogue, t
from pipelines.release.labels import label
from pipelines.release.public_fields import FIELDS, TABLES, read_csv_kwargs
from pipelines.settings import load_settings

# The catalogue sections the *_label columns draw from.
LABEL_SECTIONS = {f.labels for fields in FIELDS.values() for f in fields if f.labels}
# Database text kept in English and French: (table, English column, French column).
BILINGUAL = [("marts.indicators", "name_en", "name_fr"),
             ("marts.indicators", "definition_en", "definition_fr"),
             ("marts.units", "name_en", "name_fr"), ("marts.geographies", "name_en", "name_fr"),
             ("marts.pillars", "name_en", "name_fr"), ("marts.milestones", "text_en", "text_fr"),
             ("meta.sources", "edition_en", "edition_fr"),
             ("meta.sources", "publisher", "publisher_fr"),
             ("marts.observations", "note_en", "note_fr"), ("marts.targets", "note_en", "note_fr")]


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[FlaskClient]:
    yield create_app(load_settings(env={}, db_path=demo_db)).server.test_client()


@pytest.fixture(scope="module")
def english_labels(demo_db: Path) -> set[str]:
    """Every English label that is not also the French one."""
    found = {entry["en"] for key, entry in load_catalogue().items()
             if key.split(".")[0] in LABEL_SECTIONS and entry["en"] != entry["fr"]}
    with duckdb.connect(str(demo_db), read_only=True) as con:
        for table, en, fr in BILINGUAL:
            found |= {row[0] for row in con.execute(
                f"SELECT {en} FROM {table} WHERE {en} IS NOT NULL "
                f"AND {en} IS DISTINCT FROM {fr}").fetchall()}
    return found


def _csv(client: FlaskClient, table: str, query: str = "") -> pd.DataFrame:
    response = client.get(f"/download/{table}.csv?lang=fr&include_demo=true{query}")
    assert response.status_code == 200, response.text
    return pd.read_csv(io.BytesIO(response.data), **read_csv_kwargs(table, "fr"))


@pytest.mark.parametrize("table", TABLES)
def test_french_csv_has_no_english_label_in_its_label_columns(client, english_labels, table):
    frame = _csv(client, table)
    assert len(frame) > 0
    for field in FIELDS[table]:
        if field.role != "label":
            continue
        cells = set(frame[field.name_fr].dropna())
        assert not cells & english_labels, (table, field.name, cells & english_labels)


@pytest.mark.parametrize("table", TABLES)
def test_every_worded_code_has_its_french_label_beside_it(client, table):
    frame = _csv(client, table)
    for field in FIELDS[table]:
        if not field.labels:
            continue
        pairs = frame[[field.name_fr, f"{field.name_fr}_libelle"]].dropna().drop_duplicates()
        for code, words in pairs.itertuples(index=False):
            assert words == label(field.labels, code, "fr"), (table, field.name, code)


def test_every_code_of_every_vocabulary_has_words_in_both_languages():
    for fields in FIELDS.values():
        for field in fields:
            for code in field.allowed if field.labels else ():
                for lang in ("en", "fr"):
                    assert t(f"{field.labels}.{code}", lang), (field.name, code, lang)


def test_codes_keep_their_codes_and_the_dictionary_says_which_columns_are_codes(client):
    frame = _csv(client, "observations")
    assert set(frame["qualificatif"].dropna()) <= {"exact", "more_than", "at_least", "about",
                                                   "nearly", "up_to", "range", "all"}
    assert "stated" in set(frame["base_periode"])  # a code, in both languages
    assert "période indiquée" in set(frame["base_periode_libelle"])
    assert "plus de" in set(frame["qualificatif_libelle"])
    assert "démonstration (fictif)" in set(frame["statut_libelle"])
    assert "travailleurs" in set(frame["nom_unite"])
    assert {"âge : 12 à 15 ans", "total"} <= set(frame["ventilation_libelle"])
    zipped = client.get("/download/datapackage.zip?lang=fr").data
    import zipfile

    dictionary = pd.read_csv(io.BytesIO(zipfile.ZipFile(io.BytesIO(zipped))
                                        .read("data-dictionary.csv")), keep_default_na=False)
    roles = dict(zip(dictionary["table"] + "." + dictionary["column"], dictionary["role"],
                     strict=True))
    assert roles["observations.qualifier"] == "code"
    assert roles["observations.qualifier_label"] == "label"
    assert roles["observations.locator"] == "verbatim"


def test_an_english_only_note_is_marked_as_such(tmp_path: Path, demo_db: Path):
    """No note of the build is English only, so one is made: it is kept and marked."""
    copy = tmp_path / "notes.duckdb"
    copy.write_bytes(demo_db.read_bytes())
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE marts.observations SET note_fr = NULL, note_en = 'English words' "
                    "WHERE indicator_id = 'strategy_investment'")
    client = create_app(load_settings(env={}, db_path=copy)).server.test_client()
    french = _csv(client, "observations", "&indicator=strategy_investment")
    assert set(french["note"]) == {"[en anglais seulement] English words"}
    assert set(french["langue_note"]) == {"en"}
    english = client.get("/download/observations.csv?indicator=strategy_investment")
    assert "English words" in english.text and "[" not in english.text.split("\n")[1][:0]


def _sheet_types(sheet, fields) -> dict[str, set[str]]:
    types: dict[str, set[str]] = {f.name: set() for f in fields}
    for row in sheet.iter_rows(min_row=2):
        for field, cell in zip(fields, row, strict=True):
            if cell.value is not None:
                types[field.name].add(cell.data_type)
    return types


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("table", TABLES)
def test_every_table_opens_as_xlsx_with_typed_cells_and_three_sheets(client, table, lang):
    response = client.get(f"/download/{table}.xlsx?lang={lang}&include_demo=true")
    assert response.status_code == 200, response.text
    assert response.headers["Content-Disposition"].endswith(f'_{lang}.xlsx"')
    book = load_workbook(io.BytesIO(response.data))
    dictionary = "dictionnaire" if lang == "fr" else "dictionary"
    assert book.sheetnames == [table, dictionary, "citation"]
    data = book[table]
    assert data.freeze_panes == "A2"
    fields = FIELDS[table]
    assert [c.value for c in data[1]] == [f.header(lang) for f in fields]
    csv_rows = len(_csv(client, table)) if lang == "fr" else None
    assert data.max_row - 1 == (csv_rows if csv_rows is not None else data.max_row - 1)
    expected = {"number": {"n"}, "integer": {"n"}, "boolean": {"b"}, "date": {"d"},
                "string": {"s"}}
    for name, found in _sheet_types(data, fields).items():
        kind = next(f.kind for f in fields if f.name == name)
        assert found <= expected[kind], (table, name, found)
    dates = [c.value for c in data["H"][1:]] if table == "observations" else []
    assert all(isinstance(v, datetime) or v is None for v in dates)
    assert [r[0].value for r in book[dictionary].iter_rows(min_row=2)] == \
        [f.header(lang) for f in fields]
    citation = {r[0].value: r[1].value for r in book["citation"].iter_rows()}
    words = ("Comment citer", "Licence") if lang == "fr" else ("How to cite", "Licence")
    assert "version" in citation[words[0]] and "ontario.ca" in citation[words[1]]


def test_xlsx_takes_the_csv_filters_and_keeps_text_as_text(client):
    response = client.get("/download/observations.xlsx?pillar=support&lang=fr")
    sheet = load_workbook(io.BytesIO(response.data))["observations"]
    ids = {row[0].value for row in sheet.iter_rows(min_row=2)}
    assert ids == set(_csv(client, "observations", "&pillar=support")["id_observation"]) - \
        set(_csv(client, "observations", "&pillar=support&status=demo")["id_observation"])
    assert all(row[0].data_type == "s" for row in sheet.iter_rows(min_row=2))


def test_bom_for_excel_and_bad_values_in_the_language_asked_for(client):
    # Each body is read before the next request: a streamed body reads from its thread's
    # cursor, which the next request on the same thread (the test client's) takes over.
    plain = client.get("/download/indicators.csv?lang=fr").data
    marked = client.get("/download/indicators.csv?lang=fr&bom=true").data
    assert marked == b"\xef\xbb\xbf" + plain
    assert not plain.startswith(b"\xef\xbb\xbf")
    refused = client.get("/download/indicators.csv?lang=fr&bom=maybe")
    assert refused.status_code == 400
    assert refused.text.strip() == "requête invalide : bom doit valoir true ou false, pas « maybe »"
    english = client.get("/download/observations.csv?indicator=no_such_indicator")
    assert english.status_code == 400
    assert english.text.strip() == "bad request: unknown indicator 'no_such_indicator'"
    french = client.get("/download/observations.xlsx?indicator=no_such_indicator&lang=fr")
    assert french.status_code == 400
    assert "identifiant inconnu pour indicator : « no_such_indicator »" in french.text
    assert client.get("/download/observations.xlsx?bom=true").status_code == 400
