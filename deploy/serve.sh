#!/usr/bin/env bash
# `make serve`: nginx on HOST:PORT in front of gunicorn on a unix socket (docs/deployment.md).
# Everything it writes (the rendered nginx.conf, the socket, pid, logs and nginx's buffers)
# stays under data/build/serve/ (git-ignored; SERVE_DIR overrides it, for tests). Ctrl-C or SIGTERM stops both cleanly:
# nginx finishes its requests (QUIT), gunicorn its own (TERM, graceful_timeout).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8050}"
PY="${PY:-.venv/bin/python}"
RUN="${SERVE_DIR:-$ROOT/data/build/serve}"
SOCKET="$RUN/gunicorn.sock"
mkdir -p "$RUN/logs" "$RUN/tmp"
rm -f "$SOCKET"

user=""
if [ "$(id -u)" = 0 ]; then
  # nginx's workers never run as root: they read the assets and buffer into tmp/.
  user="user nobody nogroup;"
  chown -R nobody:nogroup "$RUN/tmp"
fi
sed -e "s|@USER@|$user|" -e "s|@RUN@|$RUN|g" -e "s|@SOCKET@|$SOCKET|g" \
    -e "s|@HOST@|$HOST|g" -e "s|@PORT@|$PORT|g" -e "s|@ASSETS@|$ROOT/dashboard/assets|g" \
    deploy/nginx.conf.template > "$RUN/nginx.conf"
nginx -t -q -p "$RUN" -c "$RUN/nginx.conf"

# The socket is the only way in to gunicorn; nginx's workers must be able to connect to it.
# One trusted proxy (nginx): the app takes the client's address from the X-Forwarded-For
# entry nginx adds (the sign-in limit counts per address).
STRATEGY_BIND="unix:$SOCKET" STRATEGY_TRUSTED_PROXIES=1 "$PY" -m gunicorn --umask 0o007 dashboard.wsgi:server &
gunicorn_pid=$!
for _ in $(seq 600); do [ -S "$SOCKET" ] && break; sleep 0.1; done
if [ -n "$user" ]; then
  chgrp nogroup "$SOCKET"
  # nginx's workers must reach the socket: every folder above it must let them through.
  if ! su -s /bin/sh nobody -c "test -x '$RUN'" 2>/dev/null; then
    echo "serve: nginx's workers (nobody) cannot reach $RUN; allow them through its folders" >&2
  fi
fi
nginx -p "$RUN" -c "$RUN/nginx.conf" &
nginx_pid=$!
echo "serving http://$HOST:$PORT (nginx $nginx_pid, gunicorn $gunicorn_pid; logs in $RUN/logs)"

stop() {
  trap - INT TERM
  kill -QUIT "$nginx_pid" 2>/dev/null || true
  kill -TERM "$gunicorn_pid" 2>/dev/null || true
  wait "$nginx_pid" "$gunicorn_pid" 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM
# Either one stopping stops the other: a half-running stack serves nothing right.
wait -n "$nginx_pid" "$gunicorn_pid" || true
stop
exit 1
