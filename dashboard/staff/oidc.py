"""Sign-in to the staff area with the ministry's identity provider (OpenID Connect).

Authorization code flow with PKCE (S256) and a nonce, through Authlib's Flask client. The
provider vouches for the e-mail address; the tracker role comes from the claim named by
``settings.oidc_role_claim``. Nobody gets a role the provider did not state: a missing or
unknown role, an e-mail the provider has not verified, or an account an administrator
disabled in the tracker signs nobody in (403).

The pages here carry their text in both languages inline: the refusal must be understood
whatever language the browser brought back from the provider.

Every outcome is written to the audit trail: ``ok``, ``refused`` (the provider vouched for
someone the tracker does not admit) or ``failed`` (the provider answered with an error, the
answer did not match the request, or the provider could not be reached).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any, Final

import flask
import requests
from authlib.common.errors import AuthlibBaseError
from authlib.common.urls import add_params_to_uri
from authlib.integrations.flask_client import OAuth
from flask.typing import ResponseReturnValue
from joserfc.errors import JoseError

from dashboard.staff import auth, state
from pipelines.language.i18n import Lang, normalise_lang, t
from pipelines.settings import Settings

CLIENT_NAME: Final = "tracker_idp"
SCOPE: Final = "openid email profile"
CALLBACK_PATH: Final = f"{auth.PREFIX}/oidc/callback"
# Where Authlib's Flask integration keeps its registry on the app.
_EXTENSION: Final = "authlib.integrations.flask_client"
# What the sign-in page asked for (the page to return to, the language), kept in the session
# across the round trip to the provider.
_PENDING: Final = "oidc_pending"
# A provider that does not answer must not hold a worker for long.
_TIMEOUT_S: Final = 10.0
# What talking to a provider can raise: its error answers and a state mismatch (Authlib), a
# bad ID token signature or claim (joserfc), the network (requests), metadata without a
# needed endpoint (Authlib raises RuntimeError), malformed JSON (ValueError).
_PROVIDER_ERRORS: Final = (AuthlibBaseError, JoseError, requests.RequestException,
                           RuntimeError, ValueError)



def install_oidc(server: flask.Flask, blueprint: flask.Blueprint, settings: Settings) -> None:
    """Register the provider on ``server`` and the two routes on the staff ``blueprint``
    (before the blueprint is registered)."""
    client_kwargs: dict[str, Any] = {
        "scope": SCOPE,
        "code_challenge_method": "S256",
        "default_timeout": _TIMEOUT_S,
    }
    if not settings.oidc_client_secret:
        # A public client: PKCE alone proves that the code's redeemer started the flow.
        client_kwargs["token_endpoint_auth_method"] = "none"
    oauth = OAuth(server)
    oauth.register(
        CLIENT_NAME,
        server_metadata_url=settings.oidc_metadata_url,
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret or None,
        client_kwargs=client_kwargs,
    )
    blueprint.add_url_rule("/sign-in/oidc", "oidc_sign_in", oidc_sign_in, methods=["GET"])
    blueprint.add_url_rule("/oidc/callback", "oidc_callback", oidc_callback, methods=["GET"])


def redirect_uri(settings: Settings) -> str:
    """The callback as the provider must call it: from the public address, not from the
    request, so it is right behind a reverse proxy (and matches the registered URI)."""
    return settings.public_url.rstrip("/") + CALLBACK_PATH


def provider_sign_out_url(settings: Settings) -> str | None:
    """The provider's end-session address (RP-initiated logout), returning to the sign-in
    page (``{public_url}/staff/sign-in?signed_out=1``, the URI to register with the provider
    as post-logout redirect); None when the provider has none or cannot be reached (the
    tracker's own session is ended either way). Call it inside a request of an app where
    :func:`install_oidc` ran."""
    oauth = flask.current_app.extensions.get(_EXTENSION) if settings.oidc_enabled else None
    if oauth is None:
        return None
    try:
        metadata = oauth.create_client(CLIENT_NAME).load_server_metadata()
    except _PROVIDER_ERRORS:
        return None
    endpoint = metadata.get("end_session_endpoint")
    if not isinstance(endpoint, str) or not endpoint:
        return None
    back = f"{settings.public_url.rstrip('/')}{auth.SIGN_IN}?signed_out=1"
    # client_id because the tracker keeps no ID token to send as id_token_hint; providers
    # need one of the two to honour post_logout_redirect_uri.
    return str(add_params_to_uri(endpoint, [("client_id", settings.oidc_client_id),
                                            ("post_logout_redirect_uri", back)]))


def oidc_sign_in() -> ResponseReturnValue:
    """Remember where to return, then send the browser to the provider."""
    lang = normalise_lang(auth.lang())
    flask.session[_PENDING] = {"next": auth.safe_next(flask.request.args.get("next")),
                               "lang": lang}
    try:
        response: flask.Response = _client().authorize_redirect(
            redirect_uri(auth.settings()), ui_locales="fr-CA fr" if lang == "fr" else "en-CA en")
    except _PROVIDER_ERRORS as error:
        state.audit(auth.settings(), "(unknown)", "sign_in", "failed",
                    detail=f"oidc: provider unreachable: {_describe(error)}")
        return _page(502, lang, "unreachable")
    return response


def oidc_callback() -> ResponseReturnValue:
    """The provider's answer: exchange the code, check the ID token, then sign in or refuse."""
    config = auth.settings()
    pending = flask.session.pop(_PENDING, None)
    pending = pending if isinstance(pending, dict) else {}
    lang = normalise_lang(pending.get("lang"))
    target = str(pending.get("next") or "")
    if auth.safe_next(target) != target:
        target = f"{auth.PREFIX}/?lang={lang}"
    client = _client()
    try:
        token = client.authorize_access_token()
        claims = _claims(client, token)
    except _PROVIDER_ERRORS as error:
        # Authlib keeps the request's data when the provider answers with an error.
        client.framework.clear_state_data(flask.session, flask.request.args.get("state"))
        state.audit(config, "(unknown)", "sign_in", "failed", detail=f"oidc: {_describe(error)}")
        return _page(400, lang, "failed")
    email = verified_email(claims)
    role = tracker_role(claims.get(config.oidc_role_claim))
    if email is None or role is None or _disabled(config, email):
        actor = email or str(claims.get("email") or f"sub {claims.get('sub')}")
        state.audit(config, actor, "sign_in", "refused",
                    detail=f"oidc: {_refusal(config, claims, email, role)}")
        return _page(403, lang, "no_role")
    auth.start_session(email, role, "oidc")
    state.audit(config, email, "sign_in", "ok", detail="oidc")
    return flask.redirect(target)


def verified_email(claims: Mapping[str, object]) -> str | None:
    """The e-mail the provider vouches for: present, shaped like an address, and verified
    when the provider says whether it is (some send ``"true"`` as a string)."""
    email = claims.get("email")
    if not isinstance(email, str) or claims.get("email_verified", True) not in (True, "true"):
        return None
    email = state.normalise_email(email)
    local, at, domain = email.partition("@")
    if not (local and at and "." in domain) or any(c.isspace() for c in email):
        return None
    return email


def tracker_role(value: object) -> str | None:
    """The role in the claim: one of ``state.ROLES``, exactly. Providers that send roles as
    a list (groups) give the highest tracker role in it; anything else is no role."""
    if isinstance(value, str):
        return value if value in state.ROLE_RANK else None
    if isinstance(value, list):
        known = [item for item in value if isinstance(item, str) and item in state.ROLE_RANK]
        return max(known, key=state.ROLE_RANK.__getitem__) if known else None
    return None


def _refusal(settings: Settings, claims: Mapping[str, object], email: str | None,
             role: str | None) -> str:
    """Why the person was refused, for the audit trail."""
    claimed = claims.get(settings.oidc_role_claim)
    if email is None:
        return "no verified e-mail"
    if claimed is None:
        return f"no {settings.oidc_role_claim} claim"
    if role is None:
        return f"{settings.oidc_role_claim}={claimed!r} is not a tracker role"
    return "account disabled in the tracker"


def _disabled(settings: Settings, email: str) -> bool:
    """An administrator's ``users disable`` keeps the person out even while the provider
    still vouches for them; no account at all is fine (the provider's role is the grant)."""
    with state.connect(settings) as con:
        account = state.get_account(con, email)
    return account is not None and account.disabled


def _client() -> Any:
    return flask.current_app.extensions[_EXTENSION].create_client(CLIENT_NAME)


def _claims(client: Any, token: Mapping[str, Any]) -> dict[str, object]:
    """The validated ID token's claims, completed from userinfo when the e-mail or the role
    is only there. Authlib has checked the signature, issuer, audience, expiry and nonce."""
    id_claims = token.get("userinfo")
    if not id_claims:
        raise AuthlibBaseError("no_id_token", "the token response has no ID token")
    claims = dict(id_claims)
    role_claim = auth.settings().oidc_role_claim
    if ("email" in claims and role_claim in claims) or not _has_userinfo(client):
        return claims
    info = client.userinfo(token=token)
    # OIDC Core 5.3.2: userinfo about another subject than the ID token's must be ignored.
    if info.get("sub") != claims.get("sub"):
        raise AuthlibBaseError("userinfo_sub_mismatch", "userinfo is about another subject")
    return {**info, **claims}


def _has_userinfo(client: Any) -> bool:
    return bool(client.load_server_metadata().get("userinfo_endpoint"))


def _describe(error: Exception) -> str:
    code = getattr(error, "error", None) or type(error).__name__
    description = str(getattr(error, "description", "") or "").splitlines()
    return f"{code}: {description[0]}" if description else str(code)


def _page(status: int, lang: Lang, key: str) -> flask.Response:
    """A small page in both languages (the chosen one first): the browser may not have
    carried the language through the provider, and a refusal must be understood."""
    order: tuple[Lang, Lang] = ("fr", "en") if lang == "fr" else ("en", "fr")
    sections = []
    for each in order:
        title, body = t(f"staff_oidc.{key}_title", each), t(f"staff_oidc.{key}", each)
        again = t("staff_oidc.again", each)
        link = html.escape(f"{auth.SIGN_IN}?lang={each}")
        sections.append(f'<section lang="{each}"><h1>{html.escape(title)}</h1>'
                        f"<p>{html.escape(body)}</p><p><a href=\"{link}\">"
                        f"{html.escape(again)}</a></p></section>")
    title = html.escape(t(f"staff_oidc.{key}_title", lang))
    page = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{title}</title></head><body><main>{''.join(sections)}</main>"
            "</body></html>")
    response = flask.Response(page, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response
