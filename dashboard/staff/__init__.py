"""The staff area at ``/staff`` (docs/staff.md › Staff area): signed-in ministry staff upload
submissions, record deliverable statuses, freeze snapshots and manage users. Plain HTML forms
(no script needed), bilingual, every write through the one writer (``pipelines.writer``)."""

from __future__ import annotations

import dash
import flask

from pipelines.settings import Settings


def install_staff(app: dash.Dash, settings: Settings) -> None:
    """Mount the staff blueprint, its session and CSRF on ``app.server``."""
    from dashboard.staff import auth, errors, views_account, views_admin, views_data

    server = app.server
    auth.configure(server, settings)
    blueprint = flask.Blueprint("staff", __name__, url_prefix=auth.PREFIX,
                                template_folder="templates")
    blueprint.before_request(auth.protect_posts)
    views_account.register(blueprint, settings)
    views_data.register(blueprint)
    views_admin.register(blueprint)
    if settings.oidc_enabled:
        from dashboard.staff.oidc import install_oidc

        install_oidc(server, blueprint, settings)
    errors.register(blueprint, server)
    server.register_blueprint(blueprint)
    _reconcile_uploads(settings)


def _reconcile_uploads(settings: Settings) -> None:
    """Settle the Loads a stopped worker left between its swap and its records (see
    :mod:`dashboard.staff.uploads`) before serving anyone."""
    import logging
    import sqlite3

    from dashboard.staff import uploads
    from pipelines.language.i18n import t

    try:
        settled = uploads.reconcile_all(settings)
    except (OSError, sqlite3.Error) as error:  # the staff area reports it on first use
        logging.getLogger(__name__).error("uploads not reconciled: %s", error)
        return
    if settled:
        logging.getLogger(__name__).warning("recorded %s a stopped worker had swapped in",
                                            t("message.loads", "en", count=settled))
