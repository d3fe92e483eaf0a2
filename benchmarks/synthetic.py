"""SYNTHETIC quarterly submissions for benchmarks: ``python -m benchmarks.synthetic --rows N``.

The real database is built from ``data/`` by the real pipeline, then N synthetic submitted rows
are added beside the real ones, as ingests would leave them, so the app's queries (the
quarterly review's included) scan a realistic volume: two loads per quarter in
``meta.loads`` (the quarter's file, then a revision file a month later re-sending about 1% of
its cells with new values), every row in ``staging.submission_rows`` and
``marts.observation_history``, the latest value of each cell in ``marts.observations``
(``revision`` and status ``revised`` where a cell was re-sent) and ``marts.submission_coverage``.
The suppression pass is not run: breakdown cells from 1 to 9 are simply marked suppressed.

Every synthetic thing is marked: ids start with ``synthetic_`` (indicators, geographies,
observations, the source), the source's title, locators, notes and programs say SYNTHETIC, and
``meta.build_info`` has ``synthetic = true``. The file is written under ``benchmarks/.data/``
(git-ignored), never into ``data/``, and swapped in atomically. Deterministic: the same
``--rows`` always gives the same contents (but ``built_at``).

Shape: 20 indicators x 51 geographies (Ontario and 50 synthetic regions) x 40 fiscal quarters
(2020-21Q1 to 2029-30Q4), then as many breakdowns (``total``, ``age:…``, ``sex:…``) as the
row count needs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
from pathlib import Path
from typing import Final

import duckdb

from pipelines.build import build_database
from pipelines.marts import build_marts
from pipelines.settings import REPO_ROOT, Settings, load_settings
from pipelines.sql import SQL_DIR

OUT_DIR: Final[Path] = REPO_ROOT / "benchmarks" / ".data"
INDICATORS: Final[int] = 20
REGIONS: Final[int] = 50
GEOGRAPHY_COUNT: Final[int] = REGIONS + 1  # Ontario and the regions
QUARTERS: Final[int] = 40
PILLARS: Final[tuple[str, ...]] = ("awareness", "protection", "support", "accountability")
# The generator's own version and the schema's: a database cached under another schema (a new
# mart, a new column) is generated again instead of failing the benchmark.
GENERATOR_VERSION: Final[str] = "8-" + hashlib.sha256(b"".join(
    p.read_bytes() for p in sorted(SQL_DIR.glob("schema*.sql")))).hexdigest()[:12]

_REFERENCE_SQL: Final[str] = """
INSERT INTO meta.sources BY NAME SELECT 'synthetic_generator' AS source_id,
    'SYNTHETIC benchmark data, not real' AS title, 'benchmarks/synthetic.py' AS publisher,
    'benchmarks/synthetic.py' AS publisher_fr,
    'en' AS language, false AS published_about, 'synthetic' AS sha256, 'none' AS raw_file,
    'submission' AS kind, 'SYNTHETIC' AS edition_en, 'SYNTHÉTIQUE' AS edition_fr;
INSERT INTO marts.geographies
SELECT printf('synthetic_region_%03d', i), printf('SYNTHETIC region %d', i),
       printf('Région SYNTHÉTIQUE %d', i), 'region', 'ontario'
FROM range(1, $regions + 1) AS r(i);
INSERT INTO marts.indicators (indicator_id, pillar_id, topic, name_en, name_fr, unit, measure,
    interpretation, reporting_note, headline, sort_order, definition_en, definition_fr)
SELECT printf('synthetic_indicator_%02d', i), $pillars[(i % 4) + 1], 'victims',
       printf('SYNTHETIC indicator %d', i), printf('Indicateur SYNTHÉTIQUE %d', i), 'people',
       'count', CASE WHEN i % 3 = 0 THEN 'reported_activity' ELSE 'higher_is_better' END,
       i % 3 = 0, false, 100 + i, 'SYNTHETIC, for benchmarks', 'SYNTHÉTIQUE, pour les essais'
FROM range(1, $indicators + 1) AS r(i);
"""

SUBMISSIONS_SQL: Final[Path] = Path(__file__).with_name("synthetic_submissions.sql")


def _statements(path: Path) -> list[str]:
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("--"))
    return [statement for statement in text.split(";") if statement.strip()]


def add_submissions(con: duckdb.DuckDBPyConnection, rows: int, settings: Settings) -> None:
    """``rows`` submitted rows, about 1% of them revisions of earlier ones."""
    first = con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM meta.loads").fetchone()
    revisions = rows // 102  # each of them re-sends one of the cells n % 101 == 0
    params = {"cells": rows - revisions, "revisions": revisions, "quarters": QUARTERS,
              "regions": REGIONS, "indicators": INDICATORS, "first_load": first[0] if first else 1,
              "strategy_start": settings.strategy_start}
    for statement in _statements(SUBMISSIONS_SQL):
        con.execute(statement, {k: v for k, v in params.items() if f"${k}" in statement})


def default_path(rows: int) -> Path:
    return OUT_DIR / f"synthetic-{rows}.duckdb"


def _is_current(path: Path, rows: int) -> bool:
    if not path.is_file():
        return False
    with duckdb.connect(str(path), read_only=True) as con:
        info = dict(con.execute("SELECT key, value FROM meta.build_info").fetchall())
    return info.get("synthetic_rows") == str(rows) and info.get("generator") == GENERATOR_VERSION


def generate(rows: int, path: Path | None = None, *, force: bool = False) -> Path:
    """Write (or reuse) the synthetic database with ``rows`` synthetic observations."""
    path = path or default_path(rows)
    if not force and _is_current(path, rows):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.generating")
    try:
        settings = load_settings(db_path=temporary)
        build_database(settings)
        with duckdb.connect(str(temporary)) as con:
            statements = [q for q in _REFERENCE_SQL.split(";") if q.strip()]
            con.execute(statements[0])
            con.execute(statements[1], {"regions": REGIONS})
            con.execute(statements[2], {"indicators": INDICATORS, "pillars": list(PILLARS)})
            add_submissions(con, rows, settings)
            # As an ingest does after changing the observations.
            build_marts(con, settings)
            con.executemany("INSERT INTO meta.build_info VALUES (?, ?)", [
                ("synthetic", "true"), ("synthetic_rows", str(rows)),
                ("generator", GENERATOR_VERSION)])
            con.execute("CHECKPOINT")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--force", action="store_true", help="regenerate even if current")
    args = parser.parse_args(argv)
    path = generate(args.rows, args.out, force=args.force)
    print(f"SYNTHETIC database with {args.rows:,} synthetic submitted rows: {path}")


if __name__ == "__main__":
    main()
