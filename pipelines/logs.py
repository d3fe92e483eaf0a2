"""Logs: one structured line per write, and the one logging set-up of the servers.

Every write (a build, an ingest accepted or refused, a staff Load, a deliverable status, a
snapshot, a change to a staff account) logs exactly one line on the ``tracker.writes``
logger, in ``key=value`` form (logfmt), for example::

    write what=ingest who=analyst@ontario.ca outcome=accepted data_version_before=3f2a…
    data_version_after=9c41… duration_ms=812 detail="load 12, 240 rows"

The same fields travel on the record as ``record.write`` (a dict) for handlers that write
JSON. ``data_version`` is the public database's (:func:`pipelines.writer.data_version`); a
change that does not touch it (a refusal, a snapshot, an account) logs the same value twice,
or ``-`` when it has none.

:data:`LOGGING` is the configuration both servers use: ``python -m dashboard`` applies it
with :func:`configure`, gunicorn reads it as ``logconfig_dict`` (gunicorn.conf.py).
"""

from __future__ import annotations

import json
import logging
import logging.config
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any, Final

WRITES: Final = logging.getLogger("tracker.writes")
FORMAT: Final = "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"
LOGGING: Final[dict[str, Any]] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": FORMAT}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain",
                            "stream": "ext://sys.stderr"}},
    # The project's loggers at INFO, written by the root's handler; libraries keep WARNING.
    "loggers": {name: {"level": "INFO"} for name in ("tracker", "dashboard", "pipelines")},
    "root": {"level": "WARNING", "handlers": ["stderr"]},
}


def configure() -> None:
    """Apply :data:`LOGGING` (the development server; gunicorn applies it itself)."""
    logging.config.dictConfig(LOGGING)


def for_gunicorn(defaults: dict[str, Any]) -> dict[str, Any]:
    """gunicorn's ``logconfig_dict``: gunicorn replaces its defaults key by key, so its own
    loggers are carried over (not propagating: they have their handlers) beside ours."""
    merged: dict[str, Any] = {**defaults, **LOGGING}
    for key in ("formatters", "handlers"):
        merged[key] = {**defaults.get(key, {}), **LOGGING[key]}
    own = {name: {**config, "propagate": False}
           for name, config in defaults.get("loggers", {}).items()}
    merged["loggers"] = {**own, **LOGGING["loggers"]}
    return merged


@dataclass
class Write:
    """One write being logged. The code doing it may set ``outcome`` and ``detail``."""

    what: str
    who: str
    outcome: str = "ok"
    detail: str = ""
    data_version_before: str | None = None
    data_version_after: str | None = None
    duration_ms: int = 0
    started: float = field(default_factory=time.monotonic, repr=False)

    def fields(self) -> dict[str, object]:
        values = asdict(self)
        values.pop("started")
        return values


def _value(value: object) -> str:
    text = "-" if value is None or value == "" else str(value)
    return json.dumps(text, ensure_ascii=False) if any(c in text for c in ' "=\\\n') else text


def emit(write: Write) -> None:
    """Log ``write`` as its one line."""
    write.duration_ms = round((time.monotonic() - write.started) * 1000)
    values = write.fields()
    WRITES.info("write " + " ".join(f"{k}={_value(v)}" for k, v in values.items()),
                extra={"write": values})


def outcome_of(error: BaseException) -> str:
    """The outcome word for a write that raised: the error's own ``outcome`` when it names
    one (a refusal, a busy writer), else ``failed``."""
    return str(getattr(error, "outcome", "failed"))


@contextmanager
def logged(what: str, who: str,
           version: Callable[[], str | None] | None = None) -> Iterator[Write]:
    """Log the write done in the block, its outcome (``failed`` or the error's ``outcome``
    when it raises) and ``version()`` before and after it."""
    write = Write(what, who, data_version_before=_safe(version))
    try:
        yield write
    except BaseException as error:
        write.outcome = outcome_of(error)
        write.detail = write.detail or type(error).__name__
        raise
    finally:
        if version is not None:  # else the block sets both versions itself
            write.data_version_after = _safe(version)
        emit(write)


def _safe(version: Callable[[], str | None] | None) -> str | None:
    if version is None:
        return None
    try:
        return version()
    except Exception:  # a missing or unreadable file has no version; the write still logs
        return None
