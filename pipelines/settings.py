"""The one place settings come from. Nothing else in the project reads ``os.environ``.

Paths, thresholds and the strategy period live here so the dashboard, the pipelines and the
tests agree on them.
"""

from __future__ import annotations

import csv
import functools
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Final

from pipelines.errors import TrackerError

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Runtime settings. Build one with :func:`load_settings`."""

    data_dir: Path = REPO_ROOT / "data"
    db_path: Path = REPO_ROOT / "data" / "build" / "strategy.duckdb"
    host: str = "127.0.0.1"
    port: int = 8050
    # Where gunicorn listens instead of host:port, e.g. "unix:/path/gunicorn.sock" behind
    # nginx (`make serve`, docs/deployment.md); empty: host:port.
    bind: str = ""
    # Reverse proxies in front of the app whose X-Forwarded-For/-Proto it believes (1 behind
    # nginx); 0 trusts none, so a client cannot choose the address the sign-in limit counts.
    trusted_proxies: int = 0
    debug: bool = False
    # Counts of people from 1 to (threshold - 1) in a breakdown below the provincial total are
    # suppressed (docs/architecture.md › Domain rules).
    suppression_threshold: int = 10
    # The strategy the tracker follows. Its period is written once, in the reference data
    # (data/reference/strategies.csv), with the note saying how its years ("2025–2030") were
    # read as Ontario fiscal years; /about shows it as an assumption.
    strategy_id: str = "2025-2030"
    max_submission_bytes: int = 20 * 1024 * 1024
    # An XLSX is a zip: these are checked on its directory before anything is unpacked, so a
    # small file that unpacks to gigabytes (a zip bomb) is refused without being parsed.
    max_xlsx_unpacked_bytes: int = 128 * 1024 * 1024
    max_xlsx_part_bytes: int = 100 * 1024 * 1024  # any one part, the sheet XML included
    max_xlsx_entries: int = 100
    # The sheets are read in a process of their own (pipelines/submissions/xlsx_cells.py),
    # capped in address space and in time: a workbook that needs more is refused.
    xlsx_reader_memory_bytes: int = 1024 * 1024 * 1024
    xlsx_reader_seconds: float = 30.0
    # How long a write waits for the one writer (docs/architecture.md › One writer) before it
    # gives up with "busy, try again".
    writer_timeout_s: float = 120.0
    duckdb_memory_limit: str = "512MB"
    duckdb_threads: int = 2
    # Query results kept per process, per database version (dashboard/cache.py); 0 turns the
    # cache off, which the benchmarks use to measure uncached callbacks.
    query_cache_entries: int = 256
    # Rendered pages kept per process, per data version (dashboard/cache.py); 0 turns it off.
    page_cache_entries: int = 128
    # After every write, a server renders the default view of every public page into the
    # store its workers share (dashboard/html_first/warm.py); off: pages render on request.
    page_warmup: bool = True
    # Where Quick exit leaves for: a page anyone might have open (tests point it at a
    # local server). ``{lang}`` becomes the page's language.
    quick_exit_url: str = "https://www.google.ca/?hl={lang}"
    # Where a worker's DuckDB spills a query that outgrows ``duckdb_memory_limit``. Each
    # DuckDB instance gets its own folder below it, so workers never share spill files.
    duckdb_temp_directory: Path = Path(tempfile.gettempdir()) / "strategy-tracker-duckdb"
    # Where the public site lives: cited in exports and snapshots made on the command line
    # (the web pages cite the address they are served from).
    public_url: str = "http://127.0.0.1:8050"
    # The staff area (/staff, docs/staff.md › Staff area). Its accounts, sessions key and audit live
    # in their own database under ``state_dir``, apart from the public data (and from
    # data/build/, which `make clean` removes).
    state_dir: Path = REPO_ROOT / "data" / "state"
    staff_max_upload_bytes: int = 10 * 1024 * 1024
    staff_idle_minutes: int = 30
    # A staff session ends this long after sign-in, however active (OWASP's absolute timeout).
    staff_session_hours: int = 8
    # Passwords checked per account and per address in a window ("N per second|minute|hour|
    # day"), counted in the staff state database that every worker shares; past it, 429.
    staff_sign_in_limit: str = "10 per minute"
    # OpenID Connect (the ministry's identity provider) replaces local passwords when
    # ``oidc_metadata_url`` is set. The role comes from ``oidc_role_claim`` in the ID token
    # or userinfo; a value outside submitter/reviewer/admin signs nobody in.
    oidc_metadata_url: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = ""
    oidc_role_claim: str = "tracker_role"
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def strategy_start(self) -> date:
        return strategy_period(self._strategies_file, self.strategy_id)[0]

    @property
    def strategy_end(self) -> date:
        return strategy_period(self._strategies_file, self.strategy_id)[1]

    @property
    def _strategies_file(self) -> Path:
        # A data folder that holds only submissions and run output (a test's, or a server's
        # STRATEGY_DATA_DIR for its uploads) follows the project's own reference data.
        own = self.reference_dir / "strategies.csv"
        return own if own.exists() else REPO_ROOT / "data" / "reference" / "strategies.csv"

    @property
    def staff_cookie_secure(self) -> bool:
        """Session cookies are ``Secure`` whenever the site is served over https (always in
        production); ``make run`` on http://127.0.0.1 could not sign in otherwise."""
        return self.public_url.startswith("https://")

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_metadata_url)

    @property
    def reference_dir(self) -> Path:
        return self.data_dir / "reference"

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def submissions_dir(self) -> Path:
        return self.data_dir / "submissions"

    @property
    def snapshots_dir(self) -> Path:
        """Frozen, checksummed releases (``python -m pipelines snapshot``). They live beside
        the reference data and are meant to be committed: a statutory review cites one."""
        return self.data_dir / "snapshots"


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


# Serving and capacity settings a deployment tunes without code: variable -> (field, parser).
_TUNING: Final[Mapping[str, tuple[str, Callable[[str], object]]]] = {
    "STRATEGY_PAGE_CACHE_ENTRIES": ("page_cache_entries", int),
    "STRATEGY_PAGE_WARMUP": ("page_warmup", _flag),
    "STRATEGY_QUICK_EXIT_URL": ("quick_exit_url", str),
    "STRATEGY_DUCKDB_MEMORY_LIMIT": ("duckdb_memory_limit", str),
    "STRATEGY_DUCKDB_THREADS": ("duckdb_threads", int),
    "STRATEGY_DUCKDB_TEMP_DIR": ("duckdb_temp_directory", Path),
    "STRATEGY_MAX_SUBMISSION_BYTES": ("max_submission_bytes", int),
    "STRATEGY_XLSX_READER_MEMORY_BYTES": ("xlsx_reader_memory_bytes", int),
    "STRATEGY_XLSX_READER_SECONDS": ("xlsx_reader_seconds", float),
    "STRATEGY_WRITER_TIMEOUT": ("writer_timeout_s", float),
    "STRATEGY_STATE_DIR": ("state_dir", Path),
    "STRATEGY_BIND": ("bind", str),
    "STRATEGY_TRUSTED_PROXIES": ("trusted_proxies", int),
    "STRATEGY_STAFF_MAX_UPLOAD_BYTES": ("staff_max_upload_bytes", int),
    "STRATEGY_STAFF_IDLE_MINUTES": ("staff_idle_minutes", int),
    "STRATEGY_STAFF_SESSION_HOURS": ("staff_session_hours", int),
    "STRATEGY_STAFF_SIGN_IN_LIMIT": ("staff_sign_in_limit", str),
    "STRATEGY_OIDC_METADATA_URL": ("oidc_metadata_url", str),
    "STRATEGY_OIDC_CLIENT_ID": ("oidc_client_id", str),
    "STRATEGY_OIDC_CLIENT_SECRET": ("oidc_client_secret", str),
    "STRATEGY_OIDC_ROLE_CLAIM": ("oidc_role_claim", str),
}


def _tuning(env: Mapping[str, str]) -> dict[str, object]:
    return {name: parse(env[var]) for var, (name, parse) in _TUNING.items() if env.get(var)}


_PATHS: Final = ("db_path", "data_dir", "state_dir", "duckdb_temp_directory")


def strategy_period(path: Path, strategy_id: str) -> tuple[date, date]:
    """The first and last days of ``strategy_id`` in the strategies file at ``path`` (read
    once per version of the file)."""
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise TrackerError(f"{path}: missing; it holds the strategy period") from None
    return _strategy_period(path, strategy_id, stamp)


@functools.lru_cache(maxsize=8)
def _strategy_period(path: Path, strategy_id: str, _stamp: int) -> tuple[date, date]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("strategy_id") == strategy_id:
                try:
                    return (date.fromisoformat(row["period_start"]),
                            date.fromisoformat(row["period_end"]))
                except (KeyError, TypeError, ValueError):
                    break
    raise TrackerError(f"{path}: no strategy {strategy_id!r} with a period_start and a "
                       "period_end (YYYY-MM-DD)")


def load_settings(env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Settings from the environment (``STRATEGY_DB``, ``HOST``, ``PORT``, ``DASH_DEBUG``,
    ``STRATEGY_DATA_DIR``, ``STRATEGY_QUERY_CACHE_ENTRIES``, ``STRATEGY_PUBLIC_URL`` and the
    tuning variables in ``_TUNING``), then explicit overrides (command-line flags win)."""
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    if env.get("STRATEGY_DATA_DIR"):
        values["data_dir"] = Path(env["STRATEGY_DATA_DIR"])
    if env.get("STRATEGY_DB"):
        values["db_path"] = Path(env["STRATEGY_DB"])
    if env.get("HOST"):
        values["host"] = env["HOST"]
    if env.get("PORT"):
        values["port"] = int(env["PORT"])
    if env.get("STRATEGY_QUERY_CACHE_ENTRIES"):
        values["query_cache_entries"] = int(env["STRATEGY_QUERY_CACHE_ENTRIES"])
    if env.get("STRATEGY_PUBLIC_URL"):
        values["public_url"] = env["STRATEGY_PUBLIC_URL"].rstrip("/")
    values["debug"] = _flag(env.get("DASH_DEBUG"))
    values.update(_tuning(env))
    values.update({k: v for k, v in overrides.items() if v is not None})
    for name in _PATHS:
        if name in values:
            values[name] = Path(str(values[name]))
    return Settings(**values)  # type: ignore[arg-type]
