"""Reviewers freeze snapshots; administrators manage users; everyone sees the history."""

from __future__ import annotations

import flask

from dashboard.staff import auth, render, state
from dashboard.staff.views_users import users_page
from pipelines.errors import SnapshotExistsError, TrackerError
from pipelines.language.i18n import t
from pipelines.release.snapshot import create_snapshot, list_snapshots, slugify
from pipelines.writer import WriterBusy

HISTORY_LIMIT = 50  # rows per page of the history
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

    blueprint.add_url_rule("/users", "users", auth.require("admin")(users_page),
                           methods=["GET", "POST"])

    @blueprint.route("/history")
    @auth.require("submitter")
    def history() -> flask.Response:
        """Staff actions, or failed sign-ins (``view=sign_ins``), newest first, a page at a
        time (``before``: the last id shown), actions filtered by action, outcome and who."""
        settings, args = auth.settings(), flask.request.args
        before = int(args["before"]) if args.get("before", "").isdigit() else None
        filters = {name: args.get(name, "")[:80] for name in ("action", "outcome", "actor")}
        if args.get("view") == "sign_ins":
            failed = state.failed_sign_ins(settings, before=before, limit=HISTORY_LIMIT)
            older = failed[-1].attempt_id if len(failed) == HISTORY_LIMIT else None
            return render.page("history.html", "staff_history.heading", view="sign_ins",
                               failed=failed, older=older, filters=filters)
        records = state.audit_page(settings, before=before, limit=HISTORY_LIMIT, **filters)
        actions, outcomes = state.audit_choices(settings)
        older = records[-1].audit_id if len(records) == HISTORY_LIMIT else None
        return render.page("history.html", "staff_history.heading", view="actions",
                           records=records, older=older, filters=filters, actions=actions,
                           outcomes=outcomes)
