"""The ``ingest`` click command. ``pipelines.cli`` adds it to the ``python -m pipelines`` group."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from pipelines.errors import DataRejected, TrackerError
from pipelines.settings import load_settings
from pipelines.submissions.ingest import ingest as ingest_files


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help="Database file.")
@click.option(
    "--today",
    type=click.DateTime(["%Y-%m-%d"]),
    hidden=True,
    help="Pretend today is this date (tests): decides which quarters are in the future.",
)
def ingest(files: tuple[Path, ...], db: Path | None, today: datetime | None) -> None:
    """Validate quarterly submission FILES (CSV or XLSX) and load them in one transaction.

    A file holds figures, deliverable statuses (a CSV whose header has milestone_id, or an
    XLSX sheet named "deliverables"), or both (an XLSX with the two sheets).

    Every problem in every file is printed as FILE:ROW:COLUMN: message (the first ones of
    each kind, then how many more) and nothing is loaded when any file fails (exit code 1):
    the attempt is recorded at once, without waiting for any other write (in meta.loads from
    the next write on), and the failing file is kept with an error report under
    data/submissions/rejected/. An accepted ingest waits for any other write to finish first.

    \b
    Example:
        python -m pipelines ingest data/submissions/example-2025-26Q1.csv
    """
    settings = load_settings(db_path=db)
    try:
        results = ingest_files(
            [(str(f), f) for f in files], settings, today=today.date() if today else None
        )
    except DataRejected as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{error}")
        sys.exit(1)
    except TrackerError as error:  # no database yet, or the writer stayed busy
        raise click.ClickException(str(error)) from error
    for result in results:
        if result.outcome == "accepted":
            statuses = "status" if result.deliverables == 1 else "statuses"
            click.echo(f"{result.name}: accepted {result.rows} rows (load {result.load_id}) "
                       f"and {result.deliverables} deliverable {statuses}")
        else:
            click.echo(f"{result.name}: unchanged, {result.message} (load {result.load_id})")
