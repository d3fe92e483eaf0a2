"""Every problem code, declared once in pipelines/problem_codes.py, is worded by the catalogue
in English and French, and raised by some module: the declaration, the catalogue and the
code agree. The French wording is French (no English word left, French spacing and
quotation marks); the English is what the command line has always printed."""

from __future__ import annotations

import ast
import re
from datetime import date

import pytest

from pipelines.errors import DataRejected, Problem
from pipelines.language.i18n import Plural, load_catalogue
from pipelines.language.messages import Kind, Message
from pipelines.problem_codes import Code
from pipelines.settings import REPO_ROOT
from pipelines.sources.context import CONTEXT_SPECS, RAW_COLUMNS
from pipelines.sources.reference import SPECS
from pipelines.submissions.ingest import SubmissionRejected, rows_and_statuses
from pipelines.submissions.template import COLUMNS, DELIVERABLE_COLUMNS

SECTION = "problem."
# A sample of each kind: plain words, so that only the catalogue's own text is judged.
SAMPLES: dict[Kind, object] = {
    Kind.TEXT: "sample", Kind.NUMBER: 1234567, Kind.COUNT: 2, Kind.ROW: 12345,
    Kind.DATE: date(2026, 9, 30), Kind.LIST: ("alpha", "beta"),
    Kind.NAMES: ("one", "two", "three", "four", "five", "six")}
PLACEHOLDER = re.compile(r"\{(\w+)(?:![rs])?\}")
# French spacing: a high sign after an ordinary space or glued to a word, « without a
# no-break space after it, » without one before it.
BAD_SPACING = re.compile(r"[ \t][:;!?»%]|\w[;!?»%]|\w:(?=\s|$)|«(?!\u00a0)|(?<!\u00a0)»")
WORD = re.compile(r"[A-Za-zÀ-ÿ’']+")
QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
TITLE = re.compile(r"\b[A-Z]\w*(?:\s+(?:the|of|and|for|in|on|to|a|an|[A-Z]\w*))+")
# The French page's link to the English one is written in English for its reader.
ENGLISH_ON_PURPOSE = {"site.language_toggle_label"}
# Words a French wording may keep: names of file formats, allowed values, and the column names
# a file has (the template's and the reference files'), which a message names as they are.
CODE_WORDS = ({"csv", "xlsx", "xml", "utf", "windows", "http", "https", "true", "false",
               "stated", "inferred", "derived", "range", "all", "total"}
              | set(COLUMNS) | set(DELIVERABLE_COLUMNS) | set(RAW_COLUMNS)
              | {c for spec in (*SPECS.values(), *CONTEXT_SPECS.values())
                 for c in spec.column_names})
# French words that English writes alike.
FRENCH_TOO = {"section"}


def _problem_entries() -> dict[str, dict[str, str]]:
    return {key[len(SECTION):]: dict(texts) for key, texts in load_catalogue().items()
            if key.startswith(SECTION)}


def _forms(text: str) -> list[str]:
    return list(text.forms.values()) if isinstance(text, Plural) else [text]


def _sample(code: Code) -> dict[str, object]:
    return {name: SAMPLES[kind] for name, kind in code.params.items()}


def test_the_catalogue_words_every_declared_code_and_nothing_else() -> None:
    assert set(_problem_entries()) == {code.value for code in Code}


def _codes_named_in(path: str) -> set[str]:
    tree = ast.parse((REPO_ROOT / path).read_text(encoding="utf-8"))
    return {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name) and node.value.id == "Code"}


def test_every_declared_code_is_raised_by_some_module() -> None:
    """A code nothing raises is a wording nobody reads; a code raised but not declared
    fails at import (an unknown attribute of Code)."""
    declaration = "pipelines/problem_codes.py"
    modules = [p.relative_to(REPO_ROOT).as_posix()
               for package in ("pipelines", "dashboard")
               for p in (REPO_ROOT / package).rglob("*.py")]
    raised = set().union(*(_codes_named_in(m) for m in modules if m != declaration))
    assert {code.name for code in Code} - raised == set()
    assert raised - {code.name for code in Code} == set()


@pytest.mark.parametrize("code", list(Code), ids=lambda c: c.value)
def test_every_code_names_exactly_its_parameters_in_both_languages(code: Code) -> None:
    for lang, text in _problem_entries()[code.value].items():
        for form in _forms(text):
            assert set(PLACEHOLDER.findall(form)) == set(code.params), (lang, form)


@pytest.mark.parametrize("code", list(Code), ids=lambda c: c.value)
def test_every_code_reads_in_both_languages(code: Code) -> None:
    problem = Problem("f.csv", 2, "value", code, **_sample(code))
    english, french = problem.text("en"), problem.text("fr")
    assert english == problem.message and str(problem) == f"f.csv:2:value: {english}"
    assert french and (french != english or code is Code.KEPT_TEXT)
    assert problem.language("fr") == ("en" if code is Code.KEPT_TEXT else "fr")
    assert "{" not in english + french


@pytest.mark.parametrize("code", list(Code), ids=lambda c: c.value)
def test_french_wording_follows_french_typography(code: Code) -> None:
    french = Problem("f.csv", 2, "value", code, **_sample(code)).text("fr")
    assert not BAD_SPACING.search(french), french
    assert "'" not in french and '"' not in french, french


def _english_only_words() -> set[str]:
    """Words of the problems' English that the catalogue's French prose (outside the problems
    themselves) never uses: English, for a French reader. Quotations, titles ("Closing the
    Gap"), texts alike in both languages and the link to the English page are not prose."""
    catalogue = load_catalogue()
    french = {w.lower() for key, texts in catalogue.items()
              if not key.startswith(SECTION) and key not in ENGLISH_ON_PURPOSE
              and texts["fr"] != texts["en"]
              for form in _forms(texts["fr"])
              for w in WORD.findall(_bare(TITLE.sub(" ", QUOTED.sub(" ", form))))}
    english = {w.lower() for texts in _problem_entries().values()
               for form in _forms(texts["en"]) for w in WORD.findall(_bare(form))}
    return english - french - CODE_WORDS - FRENCH_TOO


def _bare(text: str) -> str:
    """The words of a wording: no placeholder, no code (``as_of``, ``data/raw``, ``.xlsx``)."""
    text = PLACEHOLDER.sub(" ", text)
    return " ".join(w for w in text.split() if not re.search(r"[_/.:=\d-]", w.strip(".,;()")))


def test_no_english_is_left_in_the_french_wording() -> None:
    english = _english_only_words()
    assert {"the", "is", "file", "row", "unknown", "missing", "must", "not"} <= english
    left = {code: sorted(found) for code, texts in _problem_entries().items()
            for form in _forms(texts["fr"])
            if (found := {w.lower() for w in WORD.findall(_bare(form))} & english)}
    assert left == {}


@pytest.mark.parametrize(("code", "values", "english", "french"), [
    (Code.FILE_TOO_LARGE, {"size": 1234567, "limit": 1000},
     "file is 1,234,567 bytes, over the 1,000-byte limit",
     "le fichier fait 1\u00a0234\u00a0567 octets, au-delà de la limite de 1\u00a0000 octets"),
    (Code.AS_OF_BEFORE_START, {"date": date(2025, 3, 1), "start": date(2025, 4, 1)},
     "as_of 2025-03-01 is before the strategy began (2025-04-01)",
     "as_of 2025-03-01 est antérieur au début de la stratégie (2025-04-01)"),
    (Code.MORE_ROWS, {"count": 1}, "… and 1 more row with the same problem",
     "… et 1 autre ligne ayant le même problème"),
    (Code.MORE_ROWS, {"count": 2990}, "… and 2,990 more rows with the same problem",
     "… et 2\u00a0990 autres lignes ayant le même problème"),
    (Code.DUPLICATE_FIGURE, {"row": 12345},
     "duplicate of row 12345 (same indicator_id, quarter, geography and breakdown)",
     "doublon de la ligne 12345 (mêmes indicator_id, quarter, geography et breakdown)"),
    (Code.BREAKDOWN_PARTS_OVER_TOTAL, {"dimension": "age", "sum": 55.5, "total": 50,
                                       "row": 2},
     "age breakdown parts add up to 55.5, more than the total 50 on row 2",
     "les parties de la ventilation age totalisent 55,5, plus que le total 50 de la ligne 2"),
    (Code.WORKBOOK_TOO_MANY_SHEETS, {"count": 7, "names": [str(i) for i in range(7)],
                                     "sheet": "deliverables"},
     'workbook has 7 sheets ("0", "1", "2", "3", "4", …); submit one sheet of figures and, '
     'optionally, a second sheet named "deliverables"',
     "le classeur a 7 feuilles («\u00a00\u00a0», «\u00a01\u00a0», «\u00a02\u00a0», "
     "«\u00a03\u00a0», «\u00a04\u00a0», …)\u00a0; soumettez une feuille de chiffres et, au "
     "besoin, une deuxième feuille nommée «\u00a0deliverables\u00a0»"),
])
def test_values_are_shown_as_each_language_writes_them(
        code: Code, values: dict[str, object], english: str, french: str) -> None:
    problem = Problem("f", 1, "-", code, **values)
    assert (problem.message, problem.text("fr")) == (english, french)


@pytest.mark.parametrize("code", list(Code), ids=lambda c: c.value)
def test_a_problem_kept_as_codes_and_values_reads_the_same_again(code: Code) -> None:
    problem = Problem("f.csv", 3, "-", code, **_sample(code))
    again = Problem.from_json(problem.to_json())
    assert again == problem and again.text("fr") == problem.text("fr")


def test_a_problem_must_name_exactly_the_values_its_code_declares() -> None:
    with pytest.raises(TypeError, match="takes"):
        Problem("f", 1, "-", Code.NOT_A_NUMBER)
    with pytest.raises(TypeError, match="takes"):
        Problem("f", 1, "-", Code.NOT_A_NUMBER, value="x", extra="y")
    with pytest.raises(TypeError, match="row"):
        Problem("f", 1, "-", Code.DUPLICATE_FIGURE, row="twelve")


def test_problems_sort_by_place_then_english_message() -> None:
    second = Problem("f", 2, "value", Code.NOT_A_NUMBER, value="x")
    first = Problem("f", 2, "value", Code.NEGATIVE_VALUE, value="-1")
    assert sorted({second, first, second}) == [second, first]  # "not a…" < "value…"


def test_a_message_without_a_declaration_takes_its_kinds_from_its_values() -> None:
    message = Message.of("filter_problem.too_many_rows", count=1234567, limit=1048576)
    assert message.text("fr").startswith("1\u00a0234\u00a0567 lignes")


@pytest.mark.parametrize("kept", [
    # Kept before problems had codes: the English words only.
    {"file": "f.csv", "row": 3, "column": "value", "message": 'value cannot be negative: "-1"'},
    # A code this version does not declare, or values its code does not take.
    {"file": "f.csv", "row": 3, "column": "value", "code": "retired_code", "params": [],
     "message": 'value cannot be negative: "-1"'},
    {"file": "f.csv", "row": 3, "column": "value", "code": "not_a_number", "params": [],
     "message": 'value cannot be negative: "-1"'},
])
def test_a_problem_kept_as_english_words_reads_as_it_was_kept(kept: dict[str, object]) -> None:
    problem = Problem.from_json(kept)
    assert str(problem) == 'f.csv:3:value: value cannot be negative: "-1"'
    assert problem.text("fr") == 'value cannot be negative: "-1"'
    assert problem.language("fr") == "en" and problem.language("en") == "en"


def test_a_kept_problem_keeps_its_english_for_a_reader_of_the_file() -> None:
    problem = Problem("f.csv", 3, "value", Code.NEGATIVE_VALUE, value="-1")
    assert problem.to_json()["message"] == 'value cannot be negative: "-1"'
    assert problem.language("fr") == "fr"


@pytest.mark.parametrize(("count", "english"), [
    (1, "1 problem found; nothing was written"),
    (2, "2 problems found; nothing was written")])
def test_a_rejection_counts_its_problems_in_words(count: int, english: str) -> None:
    problems = [Problem("f", row, "-", Code.EMPTY_FILE) for row in range(count)]
    assert str(DataRejected(problems)) == english
    assert str(SubmissionRejected(problems, 1234)) == "1,234 problems found; nothing was written"


def test_a_load_says_what_it_took_in_with_plural_forms() -> None:
    assert rows_and_statuses(1, 0) == "1 row, 0 deliverable statuses"
    assert rows_and_statuses(2400, 1) == "2,400 rows, 1 deliverable status"
