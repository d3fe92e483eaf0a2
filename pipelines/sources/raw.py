"""Raw published documents under ``data/raw/`` and their metadata sidecars.

Each raw file ``X`` has a sidecar ``X.meta.json`` recording its title, publisher, language,
publication date and sha256. The build refuses to run when a file no longer matches its
recorded sha256: the documents are evidence and are never edited.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pipelines.errors import SourceIntegrityError
from pipelines.problem_codes import Code, Said

_WHITESPACE = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    """Collapse every run of white space (including no-break spaces) to one space.

    Locators are matched after this, so a figure split across lines in the source text
    (``22 861`` / ``appels reçus``) is found by the sentence a reader would quote.
    """
    return _WHITESPACE.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class RawDocument:
    """A published document (one of the five) with the metadata of its sidecar."""

    path: Path
    source_id: str
    title: str
    publisher: str
    publisher_fr: str
    language: str
    published: str | None
    published_about: bool
    url: str | None
    sha256: str
    edition_en: str
    edition_fr: str

    @cached_property
    def normalised_text(self) -> str:
        return normalise_space(self.path.read_text(encoding="utf-8"))

    def contains(self, locator: str) -> bool:
        needle = normalise_space(locator)
        return bool(needle) and needle in self.normalised_text


def read_sidecar(path: Path) -> dict[str, object]:
    sidecar = path.with_name(path.name + ".meta.json")
    if not sidecar.exists():
        raise SourceIntegrityError(f"{path.name}: metadata sidecar {sidecar.name} is missing")
    meta: dict[str, object] = json.loads(sidecar.read_text(encoding="utf-8"))
    return meta


def verify_sha256(path: Path, recorded: object) -> str:
    actual = sha256_of(path)
    if actual != recorded:
        raise SourceIntegrityError(
            f"{path.name}: sha256 is {actual} but its sidecar records {recorded}; "
            "raw documents are never edited: add a new dated file instead"
        )
    return actual


def load_documents(raw_dir: Path) -> dict[str, RawDocument]:
    """Every ``*.txt`` document under ``raw_dir``, keyed by source_id, sha256 verified."""
    documents: dict[str, RawDocument] = {}
    for path in sorted(raw_dir.glob("*.txt")):
        meta = read_sidecar(path)
        sha = verify_sha256(path, meta.get("sha256"))
        doc = RawDocument(
            path=path,
            source_id=str(meta["source_id"]),
            title=str(meta["title"]),
            publisher=str(meta["publisher"]),
            publisher_fr=str(meta["publisher_fr"]),
            language=str(meta["language"]),
            published=meta.get("published") or None,  # type: ignore[arg-type]
            published_about=bool(meta.get("published_about", False)),
            url=meta.get("url") or None,  # type: ignore[arg-type]
            sha256=sha,
            edition_en=str(meta["edition_en"]),
            edition_fr=str(meta["edition_fr"]),
        )
        documents[doc.source_id] = doc
    return documents


def check_locator(documents: dict[str, RawDocument], source_id: str, locator: str) -> Said | None:
    """The problem when ``locator`` is not found in the document ``source_id``."""
    doc = documents.get(source_id)
    if doc is None or not locator:
        return None  # reported elsewhere as an unknown source or a missing locator
    if doc.contains(locator):
        return None
    shown = locator if len(locator) <= 60 else locator[:57] + "..."
    return Code.LOCATOR_NOT_FOUND, {"document": doc.path.name, "locator": shown}
