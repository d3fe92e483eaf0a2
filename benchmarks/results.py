"""Benchmark results as JSON, one file per benchmark under ``benchmarks/results/`` (git-ignored),
and the summary table made from them.

Each file holds the benchmark's name, the command, when and where it ran (cores, load average
before and after: the machine is shared, so the slow percentiles move with it), the scale, and
its figures. A figure has its value and unit; the baseline measured in the same run and the
ratio, where there is one; and the budget from :mod:`benchmarks.budgets` with ``met``
(``null`` for a figure without a budget). A benchmark that crashed writes its error instead.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from benchmarks.budgets import budget_for
from pipelines.settings import REPO_ROOT

RESULTS_DIR: Final[Path] = REPO_ROOT / "benchmarks" / "results"


@dataclass(frozen=True)
class Figure:
    """One measured figure; ``key`` (``<benchmark>.<name>``) names its budget, if any."""

    key: str
    what: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_what: str | None = None

    def as_json(self) -> dict[str, Any]:
        budget = budget_for(self.key)
        ratio = self.value / self.baseline if self.baseline else None
        return {
            "key": self.key, "what": self.what, "value": round(self.value, 3), "unit": self.unit,
            "baseline": None if self.baseline is None else {
                "value": round(self.baseline, 3), "what": self.baseline_what},
            "ratio": None if ratio is None else round(ratio, 3),
            "budget": None if budget is None else budget.text,
            "met": None if budget is None else budget.met(self.value, self.baseline),
        }


def _load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


@dataclass
class Run:
    """A benchmark run being recorded: start it, add figures, write it."""

    benchmark: str
    command: list[str]
    scale: dict[str, object] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    started: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    load_before: list[float] = field(default_factory=_load_average)

    def add(self, name: str, what: str, value: float, unit: str, baseline: float | None = None,
            baseline_what: str | None = None) -> Figure:
        figure = Figure(f"{self.benchmark}.{name}", what, value, unit, baseline, baseline_what)
        self.figures.append(figure)
        return figure

    def as_json(self) -> dict[str, Any]:
        import duckdb

        return {
            "benchmark": self.benchmark, "command": " ".join(self.command),
            "measured_at": self.started, "scale": self.scale,
            "machine": {"cpus": os.cpu_count(), "load_average_before": self.load_before,
                        "load_average_after": _load_average(),
                        "python": platform.python_version(), "duckdb": duckdb.__version__},
            "figures": [f.as_json() for f in self.figures], "notes": self.notes,
        }

    def write(self, folder: Path | None = None) -> Path:
        return write_json(self.benchmark, self.as_json(), folder)


def write_json(benchmark: str, document: dict[str, Any], folder: Path | None = None) -> Path:
    """Write ``document`` as ``<folder>/<benchmark>.json`` whole or not at all."""
    folder = folder or RESULTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{benchmark}.json"
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    os.replace(temporary, path)
    return path


def write_failure(benchmark: str, command: list[str], error: str,
                  folder: Path | None = None) -> Path:
    """The JSON of a benchmark that did not finish: no figures, so no budget is met."""
    return write_json(benchmark, {
        "benchmark": benchmark, "command": " ".join(command),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "error": error, "figures": []}, folder)


def read_all(folder: Path | None = None) -> list[dict[str, Any]]:
    folder = folder or RESULTS_DIR
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def add_results_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--results", type=Path, default=RESULTS_DIR,
                        help="folder for the JSON file (default: benchmarks/results/)")


def command_line(module: str, argv: list[str] | None) -> list[str]:
    """How the benchmark was invoked, as a person would type it."""
    return ["python", "-m", module, *(sys.argv[1:] if argv is None else argv)]
