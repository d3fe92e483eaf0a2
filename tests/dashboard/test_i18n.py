from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import vocabulary
from pipelines.language.i18n import CatalogueError, load_catalogue, normalise_lang, t


def test_every_key_has_english_and_french() -> None:
    catalogue = load_catalogue()
    assert catalogue, "the catalogue is empty"
    for key, texts in catalogue.items():
        assert texts["en"].strip() and texts["fr"].strip(), key


def test_missing_language_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('[s]\nk = { en = "Hello" }\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"s\.k has no fr text"):
        load_catalogue(tmp_path)


def test_key_defined_twice_across_files_is_rejected(tmp_path: Path) -> None:
    entry = '[s]\nk = { en = "Hello", fr = "Bonjour" }\n'
    (tmp_path / "a.toml").write_text(entry, encoding="utf-8")
    (tmp_path / "b.toml").write_text(entry, encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"s\.k is defined in both a\.toml and b\.toml"):
        load_catalogue(tmp_path)


def test_t_formats_and_falls_back_to_english_for_unknown_languages() -> None:
    assert t("qualifier.about", "fr", value="76") == "environ 76"
    assert t("qualifier.about", "de", value="76") == "about 76"
    assert normalise_lang("FR-ca") == "fr"


def test_unknown_key_names_itself() -> None:
    with pytest.raises(KeyError, match=r"no\.such"):
        t("no.such", "en")


@pytest.mark.parametrize(("prefix", "values"), [
    ("status", vocabulary.PROGRESS_STATUSES),
    ("milestone_status", vocabulary.MILESTONE_STATUSES),
    ("obs_status", vocabulary.OBSERVATION_STATUSES),
    ("measure", vocabulary.MEASURES),
    ("qualifier", tuple(q for q in vocabulary.QUALIFIERS if q != "exact")),
])
def test_every_vocabulary_value_has_words_in_the_catalogue(prefix: str,
                                                           values: tuple[str, ...]) -> None:
    catalogue = load_catalogue()
    missing = [v for v in values if f"{prefix}.{v}" not in catalogue]
    assert not missing, f"no {prefix}.* text for {missing}"


def test_every_literal_key_the_code_asks_for_exists() -> None:
    """A key typed in the code but missing from the catalogue fails here, not on a page."""
    import re

    from pipelines.settings import REPO_ROOT

    catalogue = load_catalogue()
    call = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_]+)["']""")
    missing = sorted({(path.name, key)
                      for path in (REPO_ROOT / "dashboard").rglob("*.py")
                      for key in call.findall(path.read_text(encoding="utf-8"))
                      if key not in catalogue})
    assert missing == []
