"""``python -m pipelines.sql``: print the public tables' ``CREATE TABLE`` statements, made
from their declarations (pipelines/release/public_fields), for a person reading the schema."""

from __future__ import annotations

import argparse

from pipelines.release.public_fields import DECLARED
from pipelines.sql.contract import create_table_sql


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pipelines.sql",
        description="Print the CREATE TABLE statements of the download set's tables, made "
                    "from their declarations in pipelines/release/public_fields (the other "
                    "tables are in pipelines/sql/schema*.sql).")
    parser.parse_args(argv)
    print("\n".join(create_table_sql(table) for table in DECLARED.values()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
