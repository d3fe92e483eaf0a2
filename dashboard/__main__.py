"""``python -m dashboard``: serve the dashboard, or run one of its commands (``report``,
``users``).

Exit codes: 0 success; 1 nothing to report (or the database is missing); 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from pipelines.settings import load_settings

DB_HELP = "DuckDB file to read (default: STRATEGY_DB or data/build/strategy.duckdb)."


def _require_database(path: Path) -> None:
    if not path.is_file():
        click.echo(f"Error: database {path} does not exist; run `python -m pipelines build` "
                   "first", err=True)
        sys.exit(1)


@click.group(invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help=DB_HELP)
@click.option("--host", help="Address to listen on (default: HOST or 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default: PORT or 8050).")
@click.option("--debug/--no-debug", default=None, help="Dash debug mode (never in production).")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, host: str | None, port: int | None,
         debug: bool | None) -> None:
    """Serve the strategy tracker dashboard (no command), or run a command.

    \b
    Examples:
      python -m dashboard
      python -m dashboard --db data/build/strategy.duckdb --port 8051
      python -m dashboard report --quarter 2026-27Q2 --out briefing.html
    """
    if ctx.invoked_subcommand is not None:
        return
    settings = load_settings(db_path=db_path, host=host, port=port, debug=debug)
    _require_database(settings.db_path)
    from dashboard.app import create_app, finish_setup  # imported late: --help stays fast
    from pipelines.logs import configure

    configure()  # the same logging as under gunicorn (gunicorn.conf.py)
    app = create_app(settings, warm_up=True)
    finish_setup(app.server)
    app.run(host=settings.host, port=settings.port, debug=settings.debug)


def _parse_quarter(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
    from pipelines.periods import FiscalQuarter

    if value is None:
        return None
    try:
        return FiscalQuarter.parse(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@main.command()
@click.option("--quarter", callback=_parse_quarter, metavar="YYYY-YYQn",
              help="Fiscal quarter to review, e.g. 2026-27Q2 (July to September 2026).")
@click.option("--statutory", is_flag=True,
              help="Write the five-year statutory review briefing instead of a quarter's.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write.")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf", "docx"]), default="html",
              show_default=True, help="HTML (self-contained), PDF (from the same HTML) or Word.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), help=DB_HELP)
@click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True,
              help="Language of the briefing.")
def report(quarter: Any, statutory: bool, out: Path, fmt: str, db_path: Path | None,
           lang: str) -> None:
    """Write a review briefing: one self-contained HTML file (no external request) that opens
    offline and prints, or the same briefing as PDF or Word (--format). With --quarter, the
    quarterly review (the same file as the page's "Download briefing" link; exit 1 when the
    quarter has no data); with --statutory, the five-year review. Give exactly one of the
    two.

    \b
    Examples:
      python -m dashboard report --quarter 2026-27Q2 --out briefing-2026-27Q2.html
      python -m dashboard report --quarter 2026-27Q2 --out note.html --lang fr
      python -m dashboard report --statutory --out statutory-review.html --lang fr
      python -m dashboard report --statutory --format pdf --out statutory-review.pdf
      python -m dashboard report --quarter 2026-27Q2 --format docx --out briefing.docx
    """
    from pipelines.read import ConnectionReader
    from pipelines.release.snapshot import open_read_only

    if (quarter is None) == (not statutory):
        raise click.UsageError("give either --quarter or --statutory")
    settings = load_settings(db_path=db_path)
    _require_database(settings.db_path)
    with open_read_only(settings.db_path) as con:
        reader = ConnectionReader(con)
        html = (_statutory(reader, lang) if statutory else _quarterly(reader, quarter, lang))
    from dashboard.reports.formats import render_format

    data = render_format(html, fmt)
    out.write_bytes(data)
    what = "statutory review" if statutory else quarter.label
    click.echo(f"Wrote the {what} briefing ({fmt}) to {out} ({len(data) // 1024} KB)")


def _quarterly(reader: Any, quarter: Any, lang: str) -> str:
    from dashboard.reports.briefing import briefing_context, render_briefing
    from pipelines.read.review import NoQuarterlyData, quarter_review

    try:
        review = quarter_review(reader, quarter)
    except NoQuarterlyData as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    return render_briefing(review, briefing_context(reader, lang), lang)  # type: ignore[arg-type]


def _statutory(reader: Any, lang: str) -> str:
    from dashboard.reports.statutory import render_statutory, statutory_context
    from pipelines.read.statutory import statutory_review

    return render_statutory(statutory_review(reader), statutory_context(reader), lang)  # type: ignore[arg-type]


def _add_staff_commands() -> None:
    from dashboard.staff.cli import users

    main.add_command(users)


_add_staff_commands()

if __name__ == "__main__":
    main()
