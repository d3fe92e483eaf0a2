"""``python -m dashboard``: serve the dashboard."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pipelines.settings import load_settings


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="DuckDB file to read (default: STRATEGY_DB or data/build/strategy.duckdb).",
)
@click.option("--host", help="Address to listen on (default: HOST or 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default: PORT or 8050).")
@click.option("--debug/--no-debug", default=None, help="Dash debug mode (never in production).")
def main(db_path: Path | None, host: str | None, port: int | None, debug: bool | None) -> None:
    """Serve the strategy tracker dashboard.

    \b
    Examples:
      python -m dashboard
      python -m dashboard --db data/build/strategy.duckdb --port 8051
    """
    settings = load_settings(db_path=db_path, host=host, port=port, debug=debug)
    if not settings.db_path.is_file():
        click.echo(
            f"Error: database {settings.db_path} does not exist; "
            "run `python -m pipelines build` first",
            err=True,
        )
        sys.exit(1)
    from dashboard.app import create_app  # imported late so --help stays fast

    app = create_app(settings)
    app.run(host=settings.host, port=settings.port, debug=settings.debug)


if __name__ == "__main__":
    main()
