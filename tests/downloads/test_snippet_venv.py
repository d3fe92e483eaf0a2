"""The pandas code /data shows reads a downloaded file with its documented dtypes in a fresh
virtual environment that has nothing but pandas (installed by pip, so this test may reach
the package index): reading a file needs nothing from this repository."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import pytest

from dashboard.app import create_app
from pipelines.release.snippets import pandas_dtypes
from pipelines.settings import load_settings
from tests.support.dash_json import find, render

pytestmark = pytest.mark.serial

# Appended to the snippet as shown: what each column was read as.
REPORT = "\nimport json\nprint(json.dumps({c: str(t) for c, t in data.dtypes.items()}))\n"


@pytest.fixture(scope="module")
def pandas_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with pandas and what pandas itself needs, nothing else."""
    folder = tmp_path_factory.mktemp("venv") / "pandas-only"
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    python = folder / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "pandas"], check=True, timeout=900)
    listed = subprocess.run([str(python), "-m", "pip", "list", "--format=json"], check=True,
                            capture_output=True, text=True).stdout
    installed = {p["name"].lower() for p in json.loads(listed)}
    assert "on-aht-tracker" not in installed and "duckdb" not in installed
    return python


def _shown_snippet(payload: Any) -> str:
    code = find(payload, id="data-read-pandas")[0]["props"]["children"]
    assert isinstance(code, str)
    return code


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_pandas_snippet_runs_with_pandas_alone_and_gives_the_documented_dtypes(
        pandas_only: Path, demo_db: Path, tmp_path: Path, lang: str) -> None:
    client = create_app(load_settings(env={}, db_path=demo_db)).server.test_client()
    snippet = _shown_snippet(render(client, "/data", f"?lang={lang}"))
    name = f"observations_{lang}.csv"
    assert f'"{name}"' in snippet  # the file the page's link downloads
    # Downloaded for Excel (with a byte-order mark) to show that reads too.
    response = client.get(f"/download/observations.csv?lang={lang}&include_demo=true&bom=true")
    assert response.status_code == 200
    (tmp_path / name).write_bytes(response.data)
    (tmp_path / "read.py").write_text(snippet + REPORT, encoding="utf-8")
    ran = subprocess.run([str(pandas_only), "read.py"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300, env={"PATH": "/usr/bin:/bin"})
    assert ran.returncode == 0, ran.stderr
    found = json.loads(ran.stdout.strip().splitlines()[-1])
    documented = pandas_dtypes("observations", lang)
    assert list(found) == list(documented)
    for column, dtype in documented.items():
        if dtype == "datetime64":
            assert found[column].startswith("datetime64"), column
        else:
            assert found[column] == dtype, column
    assert sys.executable not in ran.stdout
