"""Use cases shared by the views and the CLI; the catalog is loaded here once per app."""

from __future__ import annotations

from flask import Flask, current_app, session
from flask_login import current_user

from planner.core.catalog import Catalog, CatalogError, load_catalog
from planner.extensions import login

_KEY = "planner.catalog"


def init_app(app: Flask) -> None:
    """Load the catalog once into ``app.extensions``; a broken catalog is kept as its error.

    Keeping the error (instead of raising here) lets ``flask plan`` and the web pages report
    it in one line, while ``flask db upgrade`` still works on an app with a broken catalog.
    """
    try:
        app.extensions[_KEY] = load_catalog(app.config.get("PLANNER_CATALOG"))
    except CatalogError as error:
        app.logger.error("catalog: %s", error)
        app.extensions[_KEY] = error
    login.user_loader(_load_user)
    app.before_request(_end_ended_login)


def _end_ended_login() -> None:
    """Check the login first thing on every request; one that ended takes the cookie's contents with it.

    Clearing the session drops the browser token and the CSRF secret, so a form page opened
    before the session ended cannot be submitted after it.
    """
    if "_user_id" in session and not current_user.is_authenticated:
        session.clear()


def _load_user(session_id: str):
    """The user of a session, unless the account or this browser's login was revoked or has ended."""
    from planner.services.accounts.users import BROWSER_KEY, load_user

    return load_user(session_id, session.get(BROWSER_KEY))


def current_catalog() -> Catalog:
    """The catalog of the current app (raises CatalogError if it failed to load)."""
    loaded = current_app.extensions[_KEY]
    if isinstance(loaded, CatalogError):
        raise loaded
    return loaded
