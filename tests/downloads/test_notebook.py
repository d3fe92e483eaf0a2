"""The researchers' notebook is executed on every test run, so it never rots."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from pipelines.build import build_database
from pipelines.settings import REPO_ROOT, load_settings

NOTEBOOK = REPO_ROOT / "notebooks" / "researcher-start.ipynb"


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("notebook") / "strategy.duckdb"
    build_database(load_settings(env={}, db_path=path))
    return path


def _run(db: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    monkeypatch.setenv("STRATEGY_DB", str(db))
    monkeypatch.setenv("NOTEBOOK_OUT", str(out))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO_ROOT)}}).execute(env=dict(os.environ))
    return notebook


def test_the_notebook_runs_on_the_real_build(real_db, tmp_path, monkeypatch):
    notebook = _run(real_db, tmp_path, monkeypatch)
    text = "\n".join(str(o.get("text", "")) for c in notebook.cells if c.cell_type == "code"
                     for o in c.get("outputs", []))
    assert "indicators" in text
    assert "ca_ht_incidents" in text  # two Juristat editions report 2022
    assert (tmp_path / "support-since-2021.csv").exists()


def test_the_committed_notebook_has_no_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") and not c.get("execution_count")
               for c in notebook.cells if c.cell_type == "code")
