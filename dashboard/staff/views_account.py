"""Sign-in, sign-out and the staff home page."""

from __future__ import annotations

import flask

from dashboard.staff import auth, render, state, throttle
from dashboard.staff.accounts import verify_password
from dashboard.staff.errors import too_many
from pipelines.language.i18n import t
from pipelines.settings import Settings

FAILED_SIGN_IN = 401


def _check_password(settings: Settings, email: str, password: str) -> bool | None:
    """Sign in when the password is right (True), count it when wrong (False), or refuse it
    unchecked past the limit (None). See :mod:`.throttle`."""
    key = flask.current_app.config["SECRET_KEY"]
    device = throttle.device_of(key, flask.request.cookies.get(throttle.DEVICE_COOKIE), email)
    attempt = throttle.begin(settings, email, flask.request.remote_addr or "-", device)
    if attempt is None:
        return None
    account = verify_password(settings, email, password)
    throttle.finish(settings, attempt, account is not None)
    if account is None:
        return False
    auth.start_session(account.email, account.role, "password")
    state.audit(settings, account.email, "sign_in", "ok", detail="password")
    return True


def _remember_device(response: flask.Response, settings: Settings, email: str) -> None:
    """The device cookie (:mod:`.throttle`): this browser signed in as ``email``."""
    key = flask.current_app.config["SECRET_KEY"]
    response.set_cookie(throttle.DEVICE_COOKIE, throttle.device_cookie(key, email),
                        max_age=throttle.DEVICE_DAYS * 86400, path=auth.PREFIX, httponly=True,
                        samesite="Lax", secure=settings.staff_cookie_secure)


def register(blueprint: flask.Blueprint, settings: Settings) -> None:
    @blueprint.route("/")
    @auth.require("submitter")
    def home() -> flask.Response:
        return render.page("home.html", "staff.area")

    @blueprint.route("/sign-in", methods=["GET", "POST"])
    def sign_in() -> flask.Response:
        lang = auth.lang()
        next_path = auth.safe_next(flask.request.values.get("next"))
        if flask.request.method == "GET" and auth.current_user() is not None:
            return flask.redirect(next_path)  # type: ignore[return-value]
        messages = []
        if flask.request.args.get("expired"):
            messages.append(("info", t("staff_sign_in.expired", lang,
                                       minutes=settings.staff_idle_minutes)))
        provider_sign_out = None
        if flask.request.args.get("signed_out"):
            messages.append(("info", t("staff_sign_in.signed_out", lang)))
            if flask.request.args.get("provider") and settings.oidc_enabled:
                from dashboard.staff.oidc import provider_sign_out_url

                provider_sign_out = provider_sign_out_url(settings)
        email = flask.request.form.get("email", "")[:254]
        error = None
        if flask.request.method == "POST":
            checked = _check_password(settings, email, flask.request.form.get("password", ""))
            if checked is None:
                return too_many()
            if checked:
                response = flask.redirect(next_path)
                _remember_device(response, settings, email)  # type: ignore[arg-type]
                return response  # type: ignore[return-value]
            # Kept with the sign-in attempts (the history lists them apart from actions).
            error = t("staff_sign_in.wrong", lang)
        oidc_url = (render.url("staff.oidc_sign_in", next=next_path)
                    if settings.oidc_enabled else None)
        return render.page("sign_in.html", "staff_sign_in.heading",
                           FAILED_SIGN_IN if error else 200, messages=messages, error=error,
                           email=email, next=next_path, oidc_url=oidc_url,
                           provider_sign_out=provider_sign_out,
                           action=render.url("staff.sign_in"))

    @blueprint.route("/sign-out", methods=["POST"])
    def sign_out() -> flask.Response:
        user = auth.current_user()
        lang = auth.lang()
        auth.end_session()
        if user is None:
            return flask.redirect(auth.sign_in_url())  # type: ignore[return-value]
        state.audit(settings, user.email, "sign_out", "ok", detail=user.via)
        # The provider's session is ended by a link on the signed-out page, not by a
        # redirect: the pages' Content-Security-Policy (form-action 'self') forbids a form
        # POST from redirecting to another origin.
        provider = "&provider=1" if user.via == "oidc" and settings.oidc_enabled else ""
        return flask.redirect(  # type: ignore[return-value]
            f"{auth.SIGN_IN}?lang={lang}&signed_out=1{provider}")
