"""The sign-in limit: how many passwords are checked, counted in the staff state database,
which every worker shares and which outlives any of them (a recycled worker does not start
from zero).

As OWASP's authentication guidance describes (limits per account and per address, and
"device cookies" so that an attack on an account or from an address does not lock out the
people who sign in from their usual browser):

* A browser that signed in as an account before carries a signed device cookie for it. Its
  attempts for that account are counted apart, ``N`` per window for that browser alone.
* Every other attempt is counted per account and per address: once either has had ``N``
  attempts checked in the window, further ones are refused (429) without checking the
  password, so an attacker gets ``N`` guesses per window per account and per address at most.

``N`` and the window come from ``settings.staff_sign_in_limit`` ("10 per minute"). An attempt
is counted before its password is checked (concurrent attempts cannot slip past the limit)
and forgotten when the password was right; wrong ones are kept, apart from the audit trail
of staff actions, for the history page's list of failed sign-ins.
"""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass
from typing import Final

from itsdangerous import BadSignature, URLSafeTimedSerializer

from dashboard.staff import state
from pipelines.settings import Settings

DEVICE_COOKIE: Final = "tracker_device"
DEVICE_DAYS: Final = 90
KEEP_FAILED_DAYS: Final = 90
_UNITS: Final = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_LIMIT: Final = re.compile(r"\s*(\d+)\s*(?:per|/)\s*(second|minute|hour|day)s?\s*", re.I)


@dataclass(frozen=True)
class Limit:
    count: int
    window_s: int


def parse_limit(text: str) -> Limit:
    """``"10 per minute"`` -> Limit(10, 60). A malformed setting is an error at start-up."""
    found = _LIMIT.fullmatch(text)
    if not found or int(found.group(1)) < 1:
        raise ValueError(f"STRATEGY_STAFF_SIGN_IN_LIMIT must read like '10 per minute', "
                         f"not {text!r}")
    return Limit(int(found.group(1)), _UNITS[found.group(2).lower()])


def _devices(key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(key, salt="tracker-device")


def device_cookie(key: str, email: str) -> str:
    """The device cookie for a browser that just signed in as ``email`` (signed with the
    session key)."""
    return _devices(key).dumps({"email": email, "device": secrets.token_hex(8)})


def device_of(key: str, cookie: str | None, email: str) -> str | None:
    """The device id the cookie proves for ``email`` (None: no cookie, forged, expired or
    for another account)."""
    if not cookie:
        return None
    try:
        value = _devices(key).loads(cookie, max_age=DEVICE_DAYS * 86400)
    except BadSignature:
        return None
    if not isinstance(value, dict) or value.get("email") != state.normalise_email(email):
        return None
    return str(value.get("device") or "") or None


def begin(settings: Settings, email: str, address: str, device: str | None) -> int | None:
    """Count one attempt before its password is checked: its id, or None when the limit is
    reached (refuse it, uncounted)."""
    limit = parse_limit(settings.staff_sign_in_limit)
    email = state.normalise_email(email)[:254]
    now = time.time()
    since = now - limit.window_s
    with state.connect(settings) as con:
        if device:
            (used,) = con.execute("SELECT count(*) FROM meta.sign_in_attempts WHERE at > ? "
                                  "AND device = ?", (since, device)).fetchone()
        else:
            (used,) = con.execute(
                "SELECT max(count(*) FILTER (WHERE email = ?), count(*) FILTER (WHERE "
                "address = ?)) FROM meta.sign_in_attempts WHERE at > ? AND device IS NULL",
                (email, address, since)).fetchone()
        if used >= limit.count:
            return None
        cursor = con.execute("INSERT INTO meta.sign_in_attempts (at, email, address, device, "
                             "outcome) VALUES (?, ?, ?, ?, 'checking')",
                             (now, email, address, device))
        if cursor.lastrowid and cursor.lastrowid % 100 == 0:
            con.execute("DELETE FROM meta.sign_in_attempts WHERE at < ?",
                        (now - KEEP_FAILED_DAYS * 86400,))
        return int(cursor.lastrowid or 0)


def finish(settings: Settings, attempt: int, signed_in: bool) -> None:
    """The password was right (the attempt is forgotten) or wrong (kept as failed)."""
    with state.connect(settings) as con:
        if signed_in:
            con.execute("DELETE FROM meta.sign_in_attempts WHERE attempt_id = ?", (attempt,))
        else:
            con.execute("UPDATE meta.sign_in_attempts SET outcome = 'failed' "
                        "WHERE attempt_id = ?", (attempt,))
