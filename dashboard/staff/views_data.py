"""Upload a submission (report or preview, then Load) and record a deliverable status.

An upload is read and checked once; a refused one is recorded without the writer's lock
(``record_refusal``) and its report kept with the upload (codes and values), so the report
page reads in either language. A Load and a deliverable status write only through the
pipelines' one writer (``ingest``, ``record_deliverable``), the very code the command line
runs; every attempt is in ``meta.audit`` (in English, as the command line words it).
"""

from __future__ import annotations

from datetime import date

import flask
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

from dashboard.context import current_db
from dashboard.staff import auth, render, state, uploads
from pipelines.deliverables import FORM, record_deliverable
from pipelines.errors import DataRejected, Problem, TrackerError
from pipelines.language.formatting import format_bytes, format_date, format_value
from pipelines.language.i18n import other_lang, pick, t
from pipelines.marts.milestones import MilestoneRecord
from pipelines.problem_codes import Code
from pipelines.read import strategy
from pipelines.submissions.ingest import (
    SubmissionRejected,
    ingest,
    record_refusal,
    rows_and_statuses,
)
from pipelines.submissions.preview import SubmissionPreview, preview_submission
from pipelines.vocabulary import MILESTONE_STATUSES
from pipelines.writer import WriterBusy


def _busy() -> flask.Response:
    return render.page("message.html", "staff.area", 503, body=t("staff.busy", auth.lang()))


def _user() -> auth.StaffUser:
    user: auth.StaffUser = flask.g.staff_user
    return user


def _rejected(pending: uploads.Pending, rejected: SubmissionRejected) -> flask.Response:
    """Keep the report with the upload and show it (the language switch shows it again)."""
    uploads.keep_report(pending, rejected.problems, rejected.total, rejected.load_ids[0])
    return _report(uploads.Report(pending.name, pending.owner, rejected.problems,
                                  rejected.total), pending.token, 422)


def _report(report: uploads.Report, token: str, status: int = 200) -> flask.Response:
    other = other_lang("fr" if auth.lang() == "fr" else "en")
    return render.page("report.html", "staff_upload.heading", status,
                       problems=report.problems, total=report.total,
                       more=max(0, report.total - len(report.problems)), name=report.name,
                       switch_url=render.url("staff.upload_report", token=token,
                                             lang=other), nav_endpoint="staff.upload")


def _may_see(pending_owner: str) -> bool:
    user = _user()
    return pending_owner == user.email or user.may("reviewer")


def _refuse(pending: uploads.Pending, preview: SubmissionPreview) -> flask.Response:
    """Record the refusal the preview found (no writer lock, no new data version), keep the
    file in rejected/ with its report, and show the report."""
    settings, user = auth.settings(), _user()
    try:
        record_refusal(settings, [preview.checked], actor=user.email)
    except SubmissionRejected as rejected:
        state.audit(settings, user.email, "upload", "rejected", subject=pending.name,
                    sha256=pending.sha256, detail=uploads.audit_detail(
                        rejected.load_ids[0], t("message.problems", "en", count=rejected.total)))
        return _rejected(pending, rejected)
    raise AssertionError("record_refusal always raises")  # pragma: no cover


def _load(pending: uploads.Pending, claim: uploads.Claim,
          indicators: list[str]) -> flask.Response:
    """The one writer's ingest of a claimed upload, from the cells kept at upload (the file
    is not parsed again): the report of a refusal, "busy", or what was loaded."""
    settings, user = auth.settings(), _user()
    try:
        (result,) = ingest([(pending.name, pending.path)], settings, actor=user.email,
                           cells=[pending.cells],
                           before_swap=lambda checked: claim.intend([c.load_id for c in checked]))
    except SubmissionRejected as rejected:  # the data changed since the preview
        state.audit(settings, user.email, "load", "rejected", subject=pending.name,
                    sha256=pending.sha256, detail=uploads.audit_detail(
                        rejected.load_ids[0], t("message.problems", "en", count=rejected.total)))
        return _rejected(pending, rejected)
    except WriterBusy:
        return _busy()
    state.audit(settings, user.email, "load", result.outcome, subject=pending.name,
                sha256=pending.sha256, detail=uploads.audit_detail(
                    result.load_id, rows_and_statuses(result.rows, result.deliverables)))
    claim.finish(result.outcome, result.load_id)
    shown = [i for i in sorted(set(indicators)) if strategy.indicator_exists(current_db(), i)]
    return render.page("loaded.html", "staff_upload.loaded_heading", result=result,
                       indicators=shown)


def _already(done: uploads.Done) -> flask.Response:
    lang = auth.lang()
    key = "staff_upload.already_refused" if done.outcome == "rejected" else \
        "staff_upload.already_loaded"
    return render.page("message.html", "staff_upload.heading", 409,
                       body=t(key, lang, load=done.load_id),
                       back=render.url("staff.upload"), back_label=t("staff.upload", lang))


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
        # Read once: the cells are kept for the Load, which checks them again.
        preview = preview_submission(settings, pending.name, pending.path,
                                     keep_cells=pending.cells)
        if preview.problems:
            return _refuse(pending, preview)
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
        if pending is None or not _may_see(pending.owner):
            return render.page("message.html", "staff_upload.heading", 410,
                               body=t("staff_upload.expired", lang),
                               back=render.url("staff.upload"), back_label=t("staff.upload", lang))
        try:
            with uploads.claim(settings, pending, user.email) as held:
                if isinstance(held, uploads.Done):
                    return _already(held)
                return _load(pending, held, flask.request.form.getlist("indicator"))
        except uploads.Busy:
            return _busy()

    @blueprint.route("/upload/report")
    @auth.require("submitter")
    def upload_report() -> flask.Response:
        """The kept report of a refused upload, in the page's language."""
        token = flask.request.args.get("token", "")
        report = uploads.report(auth.settings(), token)
        if report is None or not _may_see(report.owner):
            lang = auth.lang()
            return render.page("message.html", "staff_upload.heading", 410,
                               body=t("staff_upload.expired", lang),
                               back=render.url("staff.upload"), back_label=t("staff.upload", lang))
        return _report(report, token)

    @blueprint.route("/deliverables", methods=["GET", "POST"])
    @auth.require("submitter")
    def deliverables() -> flask.Response:
        settings, lang, user = auth.settings(), auth.lang(), _user()
        choices = strategy.milestones(current_db())
        form = flask.request.form
        messages: list[tuple[str, str]] = []
        problems: list[str] = []  # in the page's language
        english: list[str] = []  # for the audit
        if flask.request.method == "POST":
            record = _record_from(form, user.email)
            if isinstance(record, Problem):
                problems, english = [record.text(lang)], [record.message]
            else:
                try:
                    record_deliverable(settings, record)
                except DataRejected as rejected:
                    problems = [p.text(lang) for p in rejected.problems]
                    english = [p.message for p in rejected.problems]
                except WriterBusy:
                    return _busy()
                except TrackerError as error:
                    problems = english = [str(error)]
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
                    # A recorded status leaves an empty form for the next.
                    form = ImmutableMultiDict()
            if problems:
                state.audit(settings, user.email, "deliverable", "rejected",
                            subject=form.get("milestone_id", "")[:80], detail="; ".join(english))
        return render.page("deliverables.html", "staff_deliverables.heading",
                           200 if not problems else 422, choices=choices, messages=messages,
                           problems=problems, statuses=MILESTONE_STATUSES, form=form,
                           today=date.today().isoformat(), pick=pick)


def _record_from(form: MultiDict[str, str], email: str) -> MilestoneRecord | Problem:
    """The record the form describes, or the problem why it describes none."""
    try:
        as_of = date.fromisoformat(form.get("as_of", ""))
    except ValueError:
        return Problem(FORM, 1, "as_of", Code.MALFORMED_DATE, value=form.get("as_of", "")[:40])
    return MilestoneRecord(
        milestone_id=form.get("milestone_id", "")[:80], status=form.get("status", "")[:40],
        as_of=as_of, recorded_by=email, source="staff",
        note=form.get("note", "").strip() or None,
        evidence_url=form.get("evidence_url", "").strip() or None)
