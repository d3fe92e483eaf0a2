"""Production server settings for ``gunicorn dashboard.wsgi:server``.

It lives at the repository root because gunicorn reads ``./gunicorn.conf.py`` by default:
the documented command needs no ``-c`` flag and cannot silently run without these settings.
The address comes from the one settings module: ``STRATEGY_BIND`` (a unix socket behind
nginx, as ``make serve`` runs it: docs/deployment.md) or else ``HOST``/``PORT``.
"""

from __future__ import annotations

import os
from typing import Any

from gunicorn.glogging import CONFIG_DEFAULTS

from pipelines.logs import for_gunicorn
from pipelines.settings import load_settings

_settings = load_settings()

bind = _settings.bind or f"{_settings.host}:{_settings.port}"

# One worker per core. Callbacks spend their time in DuckDB (which runs in C++ and releases the
# GIL) and in building figures (which holds it), so more processes than cores only queue on
# the CPU, and each extra worker costs its own DuckDB buffer pool and Python heap.
workers = os.cpu_count() or 2
# Threads overlap the waits (client I/O, DuckDB) inside a worker. Each request thread gets its
# own DuckDB cursor (dashboard/db.py), so threads never share one mid-query.
worker_class = "gthread"
threads = 4

# The app is imported once in the master and forked: the workers share the imported code
# pages. Safe because the app opens no database at import time (the first request does).
preload_app = True

# A callback answers in well under a second; a worker silent for 30 s is stuck and is
# replaced. Shutdown waits as long for requests in flight: a retiring worker stops accepting,
# answers what it has (keep-alive requests already on the wire get "Connection: close") and
# only then exits, while the other workers take the new connections from the shared socket.
timeout = 30
graceful_timeout = 30
# Behind nginx (make serve), which keeps a few connections open to gunicorn.
keepalive = 5
# Recycle workers now and then so slow growth of the Python heap cannot accumulate; jitter
# keeps them from all restarting at once. benchmarks/recycle.py lowers it to recycle every
# worker several times a minute under load and counts failed requests (none allowed).
max_requests = 5000
max_requests_jitter = 500
# gunicorn's runtime control socket defaults to one path per user ($HOME/.gunicorn), which a
# second server on the machine would take over; nothing here uses it.
control_socket_disable = True

# Requests are small (page URLs, callback JSON); refuse oversized request lines and headers.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

accesslog = "-"
errorlog = "-"
loglevel = "info"
# The project's loggers (one line per write, pipelines/logs.py) beside gunicorn's own.
logconfig_dict = for_gunicorn(CONFIG_DEFAULTS)
proc_name = "strategy-tracker"


def post_worker_init(worker: Any) -> None:
    """Finish Dash's set-up before the worker takes its first connection (see
    ``dashboard.app.finish_setup``): otherwise two threads of a new worker race it, and a
    callback can answer 500 "Callback function not found" while every worker recycles."""
    from dashboard.app import finish_setup

    finish_setup(worker.wsgi)


def worker_exit(server: Any, worker: Any) -> None:
    """Close the worker's DuckDB instances (every version still open, snapshots too) before
    the interpreter shuts down: left to interpreter teardown, DuckDB instances and their
    threads are destroyed in no particular order, and recycled workers have been seen dying
    by SIGSEGV or SIGABRT on the way out."""
    from dashboard.database import close_databases

    app = getattr(worker, "wsgi", None)
    if app is not None:
        closed = close_databases(app.config)
        server.log.info("Worker %s closed %d database(s)", worker.pid, closed)
