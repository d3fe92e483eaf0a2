"""Production server settings for ``gunicorn dashboard.wsgi:server``.

It lives at the repository root because gunicorn reads ``./gunicorn.conf.py`` by default:
the documented command needs no ``-c`` flag and cannot silently run without these settings.
The address comes from the one settings module (``HOST``/``PORT``), like ``make run``.
"""

from __future__ import annotations

import os

from pipelines.settings import load_settings

_settings = load_settings()

bind = f"{_settings.host}:{_settings.port}"

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
# replaced. Shutdown waits as long for requests in flight.
timeout = 30
graceful_timeout = 30
# Behind a reverse proxy that keeps connections open.
keepalive = 5
# Recycle workers now and then so slow growth of the Python heap cannot accumulate; jitter
# keeps them from all restarting at once.
max_requests = 5000
max_requests_jitter = 500

# Requests are small (page URLs, callback JSON); refuse oversized request lines and headers.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

accesslog = "-"
errorlog = "-"
loglevel = "info"
proc_name = "strategy-tracker"
