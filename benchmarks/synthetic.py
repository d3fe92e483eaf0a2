"""SYNTHETIC observations for benchmarks: ``python -m benchmarks.synthetic --rows 1000000``.

The real database is built from ``data/`` by the real pipeline, then synthetic rows are added
beside the real ones so the app's queries scan a realistic volume. Every synthetic thing is
marked: ids start with ``synthetic_`` (indicators, geographies, observations, the source),
locators say SYNTHETIC, and ``meta.build_info`` has ``synthetic = true``. The file is written
under ``benchmarks/.data/`` (git-ignored), never into ``data/``, and swapped in atomically.

Deterministic: the same ``--rows`` always gives the same file contents (but ``built_at``).
The synthetic source has ``kind = 'submission'``: at this volume real rows would come from
quarterly submissions, which pages summarise (one line per kind) rather than quote one by one.

Shape: 20 indicators x 51 geographies (Ontario and 50 synthetic regions) x 40 fiscal quarters
(2020-21 to 2029-30), then as many breakdowns (``total``, ``age:…``, ``sex:…``) as the row count
needs.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Final

import duckdb

from pipelines.build import build_database
from pipelines.marts import build_marts
from pipelines.settings import REPO_ROOT, load_settings

OUT_DIR: Final[Path] = REPO_ROOT / "benchmarks" / ".data"
INDICATORS: Final[int] = 20
REGIONS: Final[int] = 50
GEOGRAPHY_COUNT: Final[int] = REGIONS + 1  # Ontario and the regions
QUARTERS: Final[int] = 40
PILLARS: Final[tuple[str, ...]] = ("awareness", "protection", "support", "accountability")
GENERATOR_VERSION: Final[str] = "6"

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

# Row n -> quarter, geography, indicator, breakdown by mixed radix, so any prefix of the
# sequence is a realistic slice (all quarters and places of the first indicators). Rows are
# stored in the order publish() writes submission rows (indicator, quarter, geography,
# breakdown), so DuckDB's zone maps prune the way they do on a real database.
_OBSERVATIONS_SQL: Final[str] = """
INSERT INTO marts.observations BY NAME
WITH cells AS (
    SELECT n, n % $quarters AS q, (n // $quarters) % ($regions + 1) AS g,
           (n // ($quarters * ($regions + 1))) % $indicators AS ind,
           n // ($quarters * ($regions + 1) * $indicators) AS b,
           (n * 2654435761) % 997 AS raw
    FROM range($rows) AS r(n)
), shaped AS (
    SELECT *, (date '2020-04-01' + to_months(3 * q::INTEGER))::DATE AS start,
           CASE WHEN b = 0 THEN 'total'
                WHEN b % 2 = 1 THEN printf('age:group_%d', b) ELSE printf('sex:group_%d', b)
           END AS breakdown,
           b > 0 AND raw % 50 BETWEEN 1 AND 9 AS small
    FROM cells
)
SELECT printf('synthetic_%d', n) AS observation_id,
       printf('synthetic_indicator_%02d', ind + 1) AS indicator_id,
       CASE WHEN g = 0 THEN 'ontario' ELSE printf('synthetic_region_%03d', g) END AS geography,
       breakdown, start AS period_start, (start + to_months(3))::DATE - 1 AS period_end,
       'stated' AS period_basis,
       CASE WHEN small THEN NULL WHEN b > 0 THEN raw % 50 ELSE raw END AS value,
       'exact' AS qualifier, 'people' AS unit, 'synthetic_generator' AS source_id,
       printf('SYNTHETIC row %d', n) AS locator, 'submitted' AS status, small AS suppressed,
       false AS revision
FROM shaped
ORDER BY ind, q, g, b
"""


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
        build_database(load_settings(db_path=temporary))
        sizes = {"regions": REGIONS, "indicators": INDICATORS}  # parameters, not SQL text
        with duckdb.connect(str(temporary)) as con:
            statements = [q for q in _REFERENCE_SQL.split(";") if q.strip()]
            con.execute(statements[0])
            con.execute(statements[1], {"regions": REGIONS})
            con.execute(statements[2], {"indicators": INDICATORS, "pillars": list(PILLARS)})
            con.execute(_OBSERVATIONS_SQL, {**sizes, "quarters": QUARTERS, "rows": rows})
            # As a build or an ingest does after changing the observations.
            build_marts(con, load_settings(env={}))
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
    print(f"SYNTHETIC database with {args.rows:,} synthetic observations: {path}")


if __name__ == "__main__":
    main()
