"""Reviewers freeze snapshots; administrators manage users; everyone sees the history."""

from __future__ import annotations

import flask

from dashboard.staff import auth, render, state
from dashboard.staff.accounts import AccountError, add_user
from dashboard.staff.problems import translate
from pipelines.errors import SnapshotExistsError, TrackerError
from pipelines.language.i18n import t
from pipelines.release.snapshot import create_snapshot, list_snapshots, slugify
from pipelines.settings import Settings
from pipelines.writer import WriterBusy

HISTORY_LIMIT = 200
LABEL_LIMIT = 80


def register(blueprint: flask.Blueprint) -> None:
    @blueprint.route("/snapshot", methods=["GET", "POST"])
    @auth.require("reviewer")
    def snapshot() -> flask.Response:
        settings, lang = auth.settings(), auth.lang()
        user: auth.StaffUser = flask.g.staff_user
        messages: list[tuple[str, str]] = []
        status = 200
        label = flask.request.form.get("label", "").strip()[:LABEL_LIMIT]
        if flask.request.method == "POST":
            if not label or not slugify(label) or flask.request.form.get("confirm") != "yes":
                messages.append(("error", t("staff_snapshot.need_label", lang)))
                status = 422
            else:
                url = f"{settings.public_url}/review/statutory?snapshot={slugify(label)}"
                try:
                    manifest = create_snapshot(settings, label, url)
                except SnapshotExistsError:
                    messages.append(("error", t("staff_snapshot.exists", lang)))
                    state.audit(settings, user.email, "snapshot", "refused", subject=label,
                                detail="label exists")
                    status = 409
                except WriterBusy:
                    messages.append(("error", t("staff.busy", lang)))
                    status = 503
                except TrackerError as error:
                    messages.append(("error", str(error)))
                    state.audit(settings, user.email, "snapshot", "failed", subject=label,
                                detail=str(error))
                    status = 500
                else:
                    state.audit(settings, user.email, "snapshot", "ok", subject=manifest.slug,
                                sha256=manifest.content_sha256)
                    messages.append(("ok", t("staff_snapshot.done", lang, label=manifest.label,
                                             slug=manifest.slug, sha=manifest.content_sha256)))
                    label = ""
        snapshots = list(reversed(list_snapshots(settings)))
        return render.page("snapshot.html", "staff_snapshot.heading", status,
                           messages=messages, snapshots=snapshots, label=label)

    @blueprint.route("/users", methods=["GET", "POST"])
    @auth.require("admin")
    def users() -> flask.Response:
        settings, lang = auth.settings(), auth.lang()
        user: auth.StaffUser = flask.g.staff_user
        messages: list[tuple[str, str]] = []
        status = 200
        if flask.request.method == "POST":
            status, message = _change_user(settings, user, lang)
            messages.append(("ok" if status == 200 else "error", message))
        with state.connect(settings) as con:
            accounts = state.list_accounts(con)
        return render.page("users.html", "staff_users.heading", status, messages=messages,
                           accounts=accounts, roles=state.ROLES)

    @blueprint.route("/history")
    @auth.require("submitter")
    def history() -> flask.Response:
        return render.page("history.html", "staff_history.heading", limit=HISTORY_LIMIT,
                           records=state.recent_audit(auth.settings(), HISTORY_LIMIT))


def _change_user(settings: Settings, user: auth.StaffUser, lang: str) -> tuple[int, str]:
    """Add or re-role an account, or turn one off or on: (HTTP status, message)."""
    values = flask.request.form
    email = values.get("email", "").strip()[:254]
    if values.get("action") in ("disable", "enable"):
        disable = values["action"] == "disable"
        if disable and state.normalise_email(email) == user.email:
            return 422, t("staff_users.not_self", lang)
        with state.connect(settings) as con:
            found = state.set_disabled(con, email, disable)
        if not found:
            return 404, email
        word = t("staff_users.disabled" if disable else "staff_users.active", lang)
        state.audit(settings, user.email, f"user_{values['action']}", "ok", subject=email)
        return 200, t("staff_users.changed", lang, email=email, state=word)
    role = values.get("role", "")
    try:
        email = add_user(settings, email, role, values.get("password") or None)
    except AccountError as error:
        state.audit(settings, user.email, "user_add", "rejected", subject=email,
                    detail=str(error))
        return 422, translate(str(error), lang)[0]
    state.audit(settings, user.email, "user_add", "ok", subject=email, detail=role)
    return 200, t("staff_users.added", lang, email=email, role=t(f"staff.role_{role}", lang))
