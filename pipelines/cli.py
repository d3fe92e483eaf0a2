"""Command line: ``python -m pipelines COMMAND``.

Exit codes: 0 success; 1 the data was rejected (every problem on stderr, one per line, as
``FILE:ROW:COLUMN: message``, and nothing written); 2 usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from pipelines.errors import DataRejected, TrackerError
from pipelines.settings import load_settings

DB_OPTION = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Database file (default: $STRATEGY_DB, else data/build/strategy.duckdb).")


def reports_rejections(command: Callable[..., Any]) -> Callable[..., Any]:
    """Print every problem of a rejection on stderr and exit 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DataRejected as rejected:
            for problem in rejected.problems:
                click.echo(str(problem), err=True)
            click.echo(f"rejected: {len(rejected.problems)} problem(s); nothing was written",
                       err=True)
            sys.exit(1)
        except TrackerError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Pipelines of the Ontario anti-human-trafficking strategy tracker."""


@cli.command()
@DB_OPTION
@click.option("--demo", is_flag=True,
              help="Add the clearly labelled demonstration submissions.")
@reports_rejections
def build(db_path: Path | None, demo: bool) -> None:
    """Rebuild the database from data/ atomically.

    \b
    Example:
      python -m pipelines build
      python -m pipelines build --db /tmp/strategy.duckdb --demo
    """
    from pipelines.build import build_database

    report = build_database(load_settings(db_path=db_path), demo=demo)
    click.echo(report.summary())


@cli.command()
@reports_rejections
def check() -> None:
    """Validate everything under data/ without writing anything.

    \b
    Example:
      python -m pipelines check
    """
    from pipelines.build import read_inputs

    inputs = read_inputs(load_settings())
    observations = len(inputs.reference["observations"].rows) + len(inputs.context.observations)
    click.echo(f"data/ is valid: {len(inputs.documents)} documents, "
               f"{len(inputs.reference['indicators'].rows)} indicators, "
               f"{observations} published observations")


def _add_plugins() -> None:
    from pipelines.submissions.command import ingest

    cli.add_command(ingest)


_add_plugins()
