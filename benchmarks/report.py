"""The summary of ``benchmarks/results/*.json``: a table on stdout, and the benchmark table of
``docs/benchmarks.md`` regenerated between its marker comments.

``python -m benchmarks.report`` prints the table; ``--docs`` also rewrites the table in
``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Final

from benchmarks.results import RESULTS_DIR, read_all
from pipelines.settings import REPO_ROOT

BENCHMARKS_DOC: Final[Path] = REPO_ROOT / "docs" / "benchmarks.md"
START: Final = "<!-- benchmarks:start (python -m benchmarks.report --docs) -->"
END: Final = "<!-- benchmarks:end -->"


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    digits = 0 if abs(value) >= 100 or float(value).is_integer() else 1
    text = f"{value:,.{digits}f}"
    return f"{text} {unit}".strip()


def verdict(figure: dict[str, Any]) -> str:
    return {True: "met", False: "MISSED", None: ""}[figure["met"]]


def rows(results: list[dict[str, Any]]) -> list[list[str]]:
    """One row per figure: benchmark, what, measured, baseline (ratio), budget, verdict."""
    table = []
    for result in results:
        if result.get("error"):
            table.append([result["benchmark"], "did not finish: " + result["error"][:80],
                          "", "", "", "MISSED"])
        for f in result.get("figures", []):
            base = f["baseline"]
            baseline = "" if base is None else (
                f"{number(base['value'], f['unit'])} {base['what']} ({f['ratio']:.2f}x)")
            table.append([result["benchmark"], f["what"], number(f["value"], f["unit"]),
                          baseline, f["budget"] or "", verdict(f)])
    return table


def text_table(table: list[list[str]]) -> str:
    header = ["benchmark", "figure", "measured", "baseline, same run (ratio)", "budget", ""]
    widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in [header, *table])


def markdown(results: list[dict[str, Any]]) -> str:
    lines = ["| benchmark | figure | measured | baseline, same run (ratio) | budget | |",
             "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows(results)]
    runs = [r for r in results if "machine" in r]
    if runs:
        loads = [x for r in runs for x in (*r["machine"]["load_average_before"],
                                           *r["machine"]["load_average_after"])]
        dates = sorted({r["measured_at"][:10] for r in runs})
        when = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
        lines += ["", f"Measured {when} on {runs[0]['machine']['cpus']} "
                      f"cores; 1-minute load average between {min(loads):.1f} and "
                      f"{max(loads):.1f} during the runs (other work shared the machine)."]
    return "\n".join(lines)


def update_doc(results: list[dict[str, Any]], doc: Path = BENCHMARKS_DOC) -> None:
    text = doc.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{doc.name}: the marker comments {START!r} and {END!r} are missing")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(f"{head}{START}\n{markdown(results)}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS_DIR)
    parser.add_argument("--docs", action="store_true",
                        help="rewrite the table in docs/benchmarks.md")
    args = parser.parse_args(argv)
    results = read_all(args.results)
    if not results:
        print(f"no results in {args.results}; run `make bench` first")
        return 1
    table = rows(results)
    print(text_table(table))
    missed = sum(1 for r in table if r[-1] == "MISSED")
    print(f"\n{missed} budget(s) missed" if missed else "\nevery budget met")
    if args.docs:
        update_doc(results)
        print(f"docs/benchmarks.md table regenerated from {len(results)} result file(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
