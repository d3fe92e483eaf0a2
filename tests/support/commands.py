"""The project's commands run as a person runs them: ``python -m pipelines ...`` in its own
process, with nothing from the caller's environment but a minimal PATH."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipelines.settings import REPO_ROOT


def run_pipelines(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin"}
    if data_dir is not None:
        env["STRATEGY_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "pipelines", *args], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
