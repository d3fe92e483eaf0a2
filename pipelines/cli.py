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
from pipelines.language.i18n import t
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
            count = t("message.problems", "en", count=len(rejected.problems))
            click.echo(f"rejected: {count}; nothing was written", err=True)
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
      python -m pipelines build --db build/demo.duckdb --demo
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


def _filter_query(pairs: tuple[str, ...], include_demo: bool) -> dict[str, list[str]]:
    query: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise click.UsageError(f"--filter {pair!r} is not NAME=VALUE")
        query.setdefault(name.strip(), []).append(value)
    if include_demo:
        query["include_demo"] = ["true"]
    return query


@cli.command()
@click.option("--out", "out", required=True,
              type=click.Path(file_okay=False, path_type=Path), help="Folder to write into.")
@DB_OPTION
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of the headers and label columns.")
@click.option("--include-demo", is_flag=True, help="Keep demonstration rows (status=demo).")
@click.option("--filter", "filter_pairs", multiple=True, metavar="NAME=VALUE",
              help="Same filters as the download URLs: pillar, indicator, geography, status, "
                   "source, from, to (repeatable).")
@reports_rejections
def export(out: Path, db_path: Path | None, lang: str, include_demo: bool,
           filter_pairs: tuple[str, ...]) -> None:
    """Write the public download set: CSVs with Parquet beside each, datapackage.json,
    README.md (how to cite) and data-dictionary.csv.

    \b
    Example:
      python -m pipelines export --out build/export
      python -m pipelines export --out build/fr --lang fr --filter pillar=support
    """
    from pipelines.errors import InvalidFilterError
    from pipelines.release.export import parse_filters
    from pipelines.release.package import release_of, write_export
    from pipelines.release.snapshot import open_read_only

    settings = load_settings(db_path=db_path)
    try:
        filters = parse_filters(_filter_query(filter_pairs, include_demo))
        with open_read_only(settings.db_path) as con:
            release = release_of(con, f"{settings.public_url}/data")
            written = write_export(con, out, release, filters, lang)
    except InvalidFilterError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"Wrote {len(written)} files to {out}")


@cli.command()
@click.option("--label", default=None, help='Name of the release, e.g. "2030 review".')
@click.option("--list", "list_only", is_flag=True, help="List the existing snapshots.")
@DB_OPTION
@reports_rejections
def snapshot(label: str | None, list_only: bool, db_path: Path | None) -> None:
    """Freeze the current data as a versioned, checksummed release under data/snapshots/.

    A label is never reused: a snapshot never changes (exit 1 if the label exists).

    \b
    Example:
      python -m pipelines snapshot --label "2030 review"
      python -m pipelines snapshot --list
    """
    from pipelines.release.snapshot import create_snapshot, list_snapshots, slugify

    settings = load_settings(db_path=db_path)
    if list_only:
        for manifest in list_snapshots(settings):
            click.echo(f"{manifest.slug}\t{manifest.label}\t{manifest.created}\t"
                       f"{manifest.content_sha256[:12]}")
        return
    if not label:
        raise click.UsageError("give --label LABEL (or --list)")
    url = f"{settings.public_url}/review/statutory?snapshot={slugify(label)}"
    manifest = create_snapshot(settings, label, url)
    click.echo(f"Snapshot {manifest.slug}: content sha256 {manifest.content_sha256}")


def _add_plugins() -> None:
    from pipelines.submissions.command import ingest

    cli.add_command(ingest)


_add_plugins()
