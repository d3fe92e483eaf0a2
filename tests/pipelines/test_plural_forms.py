"""A text that counts something agrees with its count, by Babel's plural rules for en_CA and
fr_CA: English "0 problems, 1 problem, 2 problems", French "0 problème, 1 problème,
2 problèmes" (French counts zero as singular). No text of the catalogue writes "(s)"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines.language.i18n import TEXT_DIR, CatalogueError, Plural, load_catalogue, t

ENTRY = ('[s]\nrows.en.one = "{count} row"\nrows.en.other = "{count} rows"\n'
         'rows.fr.one = "{count} ligne"\nrows.fr.other = "{count} lignes"\n')


@pytest.mark.parametrize(("lang", "count", "expected"), [
    ("en", 0, "The file was refused: 0 problems"),
    ("en", 1, "The file was refused: 1 problem"),
    ("en", 2, "The file was refused: 2 problems"),
    ("fr", 0, "Le fichier a été refusé\u00a0: 0 problème"),
    ("fr", 1, "Le fichier a été refusé\u00a0: 1 problème"),
    ("fr", 2, "Le fichier a été refusé\u00a0: 2 problèmes"),
])
def test_the_count_picks_the_form(lang: str, count: int, expected: str) -> None:
    assert t("staff_upload.rejected_heading", lang, count=count) == expected


@pytest.mark.parametrize(("lang", "count", "expected"), [
    ("en", 0, "0 figure rows"), ("en", 1, "1 figure row"), ("en", 2, "2 figure rows"),
    ("fr", 0, "0 ligne de chiffres"), ("fr", 1, "1 ligne de chiffres"),
    ("fr", 2, "2 lignes de chiffres"),
    # Grouped as each language groups numbers; French "many" (a million) reads "other".
    ("en", 12_345, "12,345 figure rows"), ("fr", 12_345, "12\u00a0345 lignes de chiffres"),
    ("fr", 1_000_000, "1\u00a0000\u00a0000 lignes de chiffres"),
])
def test_counts_are_formatted_for_the_language(lang: str, count: int, expected: str) -> None:
    assert t("staff_upload.figure_rows", lang, count=count) == expected


@pytest.mark.parametrize(("lang", "count", "expected"), [
    ("en", 0, "Awareness: 0 deliverables late"), ("en", 1, "Awareness: 1 deliverable late"),
    ("en", 2, "Awareness: 2 deliverables late"),
    ("fr", 0, "Awareness\u00a0: 0 engagement en retard"),
    ("fr", 1, "Awareness\u00a0: 1 engagement en retard"),
    ("fr", 2, "Awareness\u00a0: 2 engagements en retard"),
])
def test_the_review_counts_late_deliverables_in_words(lang: str, count: int,
                                                      expected: str) -> None:
    assert t("verdict.attention_late", lang, pillar="Awareness", count=count) == expected


def test_a_plural_entry_needs_a_number_to_count() -> None:
    with pytest.raises(TypeError, match="count"):
        t("staff_upload.figure_rows", "en")
    with pytest.raises(TypeError, match="count"):
        t("staff_upload.figure_rows", "en", count="3")


def test_a_plural_entry_reads_as_its_other_form_when_scanned() -> None:
    text = load_catalogue()["staff_upload.figure_rows"]["fr"]
    assert isinstance(text, Plural) and text == "{count} lignes de chiffres"


def test_a_plural_entry_without_one_or_other_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(ENTRY.replace('rows.fr.one = "{count} ligne"\n', ""),
                                     encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"rows\.fr has plural forms \['other'\]"):
        load_catalogue(tmp_path)


def test_an_unknown_plural_category_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(ENTRY + 'rows.fr.several = "{count} lignes"\n',
                                     encoding="utf-8")
    with pytest.raises(CatalogueError, match="several"):
        load_catalogue(tmp_path)


def test_a_plural_entry_loads_from_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(ENTRY, encoding="utf-8")
    forms = load_catalogue(tmp_path)["s.rows"]
    assert isinstance(forms["fr"], Plural)
    assert forms["fr"].form(0, "fr") == "{count} ligne"
    assert forms["en"].form(0, "en") == "{count} rows"


def test_no_text_counts_with_a_bracketed_plural() -> None:
    """ "problem(s)", "row(s)", "status(es)": a count is worded by its plural forms."""
    bracketed = re.compile(r"\w\((?:s|es|x)\)")
    found = [f"{path.name}: {line.strip()[:60]}"
             for path in sorted(TEXT_DIR.glob("*.toml"))
             for line in path.read_text(encoding="utf-8").splitlines()
             if bracketed.search(line)]
    assert found == []
