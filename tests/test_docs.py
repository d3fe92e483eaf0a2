"""The documentation stays true to the code: the README's first screen is short, its links lead
to files that exist, and every command the README or ``docs/`` names answers ``--help``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.settings import REPO_ROOT

DOCS = (REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md")))
# `python -m module word word …`: the words are sub-commands until an option, a placeholder in
# capitals or a value (an address, a path) begins.
COMMAND = re.compile(r"python -m ([a-z_][a-z_.]*)((?: [a-z][a-z-]*)*)")
LINK = re.compile(r"\]\(([^)#:]+)(?:#[^)]*)?\)")
ANCHORED_LINK = re.compile(r"\]\(([^)#:\s]*)#([^)\s]+)\)")
HEADING = re.compile(r"^#+ (.+)$", re.MULTILINE)


def documented_commands() -> list[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for doc in DOCS:
        for module, words in COMMAND.findall(doc.read_text(encoding="utf-8")):
            found.add((module.rstrip("."), *words.split()))
    return sorted(found)


def test_the_readme_is_a_first_screen_not_a_manual() -> None:
    lines = (REPO_ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 150, f"README.md has {len(lines)} lines; move detail into docs/"
    assert any("make run" in line for line in lines[:10])
    assert any("make test" in line for line in lines[:10])


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_relative_link_leads_to_a_file(doc: Path) -> None:
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        assert (doc.parent / target).exists(), f"{doc.name} links to {target}, which is missing"


def _anchor(heading: str) -> str:
    """The anchor a Markdown renderer (GitHub's) gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_link_to_a_section_leads_to_a_heading(doc: Path) -> None:
    for target, anchor in ANCHORED_LINK.findall(doc.read_text(encoding="utf-8")):
        linked = doc.parent / target if target else doc
        headings = {_anchor(h) for h in HEADING.findall(linked.read_text(encoding="utf-8"))}
        assert anchor in headings, f"{doc.name} links to {target}#{anchor}: no such heading"


def test_the_docs_name_the_commands_people_use() -> None:
    names = {" ".join(c) for c in documented_commands()}
    assert {"pipelines build", "pipelines ingest", "pipelines export", "pipelines snapshot",
            "dashboard report", "dashboard users add"} <= names


@pytest.mark.parametrize("command", documented_commands(), ids=" ".join)
def test_every_documented_command_answers_help(command: tuple[str, ...]) -> None:
    done = subprocess.run([sys.executable, "-m", *command, "--help"], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"python -m {' '.join(command)} --help: {done.stderr[-800:]}"
    assert "usage" in done.stdout.lower(), done.stdout[:400]
