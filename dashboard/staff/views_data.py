"""Upload a submission (report or preview, then Load) and record a deliverable status.

Both write only through the pipelines' one writer (``ingest``, ``record_deliverable``), the
very code the command line runs; every attempt is in ``meta.audit``.
"""

from __future__ import annotations

from datetime import date

import flask
from werkzeug.datastructures import MultiDict

from dashboard.context import current_db
from dashboard.staff import auth, render, state, uploads
from dashboard.staff.problems import localise
from pipelines.deliverables import record_deliverable
from pipelines.errors import DataRejected, TrackerError
from pipelines.language.formatting import format_bytes, format_date, format_value
from pipelines.language.i18n import pick, t
from pipelines.marts.milestones import MilestoneRecord
from pipelines.read import strategy
from pipelines.submissions.ingest import SubmissionRejected, ingest
from pipelines.submissions.preview import preview_submission
from pipelines.vocabulary import MILESTONE_STATUSES
from pipelines.writer import WriterBusy


def _busy() -> flask.Response:
    return render.page("message.html", "staff.area", 503, body=t("staff.busy", auth.lang()))


def _user() -> auth.StaffUser:
    user: auth.StaffUser = flask.g.staff_user
    return user


def _rejected(name: str, error: SubmissionRejected | DataRejected) -> flask.Response:
    lang = auth.lang()
    total = getattr(error, "total", len(error.problems))
    return render.page("report.html", "staff_upload.heading", 422,
                       problems=[localise(p, lang) for p in error.problems], total=total,
                       more=max(0, total - len(error.problems)), name=name)


def _ingest(pending: uploads.Pending, action: str, indicators: list[str]) -> flask.Response:
    """Run the one writer's ingest on an upload and answer with what it did: the report of a
    refusal, "busy", or what was loaded. Whatever the outcome, the upload is used up, except
    when the writer was busy and nothing happened."""
    settings, user = auth.settings(), _user()
    try:
        (result,) = ingest([(pending.name, pending.path)], settings)
    except SubmissionRejected as rejected:
        state.audit(settings, user.email, action, "rejected", subject=pending.name,
                    sha256=pending.sha256, detail=f"{rejected.total} problem(s)")
        uploads.discard(settings, pending.token)
        return _rejected(pending.name, rejected)
    except WriterBusy:
        return _busy()
    # On an upload the preview found problems, yet the ingest, under the lock and against the
    # newest data, may accept the file: it is then loaded, and the page says so.
    uploads.discard(settings, pending.token)
    state.audit(settings, user.email, action, result.outcome, subject=pending.name,
                sha256=pending.sha256, detail=f"load {result.load_id}, {result.rows} rows, "
                                              f"{result.deliverables} deliverable(s)")
    shown = [i for i in sorted(set(indicators)) if strategy.indicator_exists(current_db(), i)]
    return render.page("loaded.html", "staff_upload.loaded_heading", result=result,
                       indicators=shown)


def register(blueprint: flask.Blueprint) -> None:
    @blueprint.route("/upload", methods=["GET", "POST"])
    @auth.require("submitter")
    def upload() -> flask.Response:
        settings, lang = auth.settings(), auth.lang()
        limit = format_bytes(settings.staff_max_upload_bytes, lang)
        sent = flask.request.files.get("submission")
        if flask.request.method == "GET" or sent is None or not sent.filename:
            messages = [("error", t("staff_upload.no_file", lang))] \
                if flask.request.method == "POST" else []
            return render.page("upload.html", "staff_upload.heading", limit=limit,
                               messages=messages)
        pending = uploads.save(settings, sent, _user().email)
        if pending.path.stat().st_size > settings.staff_max_upload_bytes:
            uploads.discard(settings, pending.token)
            flask.abort(413)
        preview = preview_submission(settings, pending.name, pending.path)
        if preview.problems:
            # Through the real ingest, so the attempt is recorded in meta.loads and the file
            # kept in rejected/ with its report, as on the command line.
            return _ingest(pending, "upload", [])
        state.audit(settings, _user().email, "upload", "checked", subject=pending.name,
                    sha256=pending.sha256,
                    detail=f"{preview.new_count} new, {preview.revision_count} revised")
        kinds = strategy.unit_kinds(current_db())
        return render.page(
            "preview.html", "staff_upload.heading", preview=preview, token=pending.token,
            name=pending.name,
            value=lambda number, indicator, qualifier: format_value(
                number, kinds.get(indicator, "count"), qualifier or "exact", lang))

    @blueprint.route("/load", methods=["POST"])
    @auth.require("submitter")
    def load() -> flask.Response:
        settings, lang, user = auth.settings(), auth.lang(), _user()
        pending = uploads.find(settings, flask.request.form.get("token", ""))
        if pending is None or not (pending.owner == user.email or user.may("reviewer")):
            return render.page("message.html", "staff_upload.heading", 410,
                               body=t("staff_upload.expired", lang),
                               back=render.url("staff.upload"), back_label=t("staff.upload", lang))
        return _ingest(pending, "load", flask.request.form.getlist("indicator"))

    @blueprint.route("/deliverables", methods=["GET", "POST"])
    @auth.require("submitter")
    def deliverables() -> flask.Response:
        settings, lang, user = auth.settings(), auth.lang(), _user()
        choices = strategy.milestones(current_db())
        form = flask.request.form
        messages: list[tuple[str, str]] = []
        problems = []
        if flask.request.method == "POST":
            record = _record_from(form, user.email)
            if isinstance(record, str):
                problems = [record]
            else:
                try:
                    record_deliverable(settings, record)
                except DataRejected as rejected:
                    problems = [localise(p, lang).message for p in rejected.problems]
                except WriterBusy:
                    return _busy()
                except TrackerError as error:
                    problems = [str(error)]
                else:
                    chosen = next(m for m in choices if m.milestone_id == record.milestone_id)
                    state.audit(settings, user.email, "deliverable", "ok",
                                subject=record.milestone_id, detail=record.status)
                    messages.append(("ok", t(
                        "staff_deliverables.recorded", lang,
                        deliverable=pick(chosen, "text", lang),
                        status=t(f"milestone.{record.status}", lang),
                        date=format_date(record.as_of, lang))))
                    choices = strategy.milestones(current_db())
                    form = MultiDict()  # a recorded status leaves an empty form for the next
            if problems:
                state.audit(settings, user.email, "deliverable", "rejected",
                            subject=form.get("milestone_id", "")[:80], detail="; ".join(problems))
        return render.page("deliverables.html", "staff_deliverables.heading",
                           200 if not problems else 422, choices=choices, messages=messages,
                           problems=problems, statuses=MILESTONE_STATUSES, form=form,
                           today=date.today().isoformat(), pick=pick)


def _record_from(form: MultiDict[str, str], email: str) -> MilestoneRecord | str:
    """The record the form describes, or the one-line reason it describes none."""
    try:
        as_of = date.fromisoformat(form.get("as_of", ""))
    except ValueError:
        return t("staff_deliverables.as_of", auth.lang()) + ": YYYY-MM-DD"
    return MilestoneRecord(
        milestone_id=form.get("milestone_id", "")[:80], status=form.get("status", "")[:40],
        as_of=as_of, recorded_by=email, source="staff",
        note=form.get("note", "").strip() or None,
        evidence_url=form.get("evidence_url", "").strip() or None)
