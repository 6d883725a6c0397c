"""Use cases shared by the views and the CLI; the catalog is loaded here once per app."""

from __future__ import annotations

import hmac

from flask import Flask, current_app

from planner.core.catalog import Catalog, CatalogError, load_catalog
from planner.extensions import db, login

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


def _load_user(session_id: str):
    """The user of a session id "<id>:<token>", if the token is still the current one."""
    from planner.models import User

    user_id, _, token = session_id.partition(":")
    user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
    if user is None or not hmac.compare_digest(user.session_token, token):
        return None
    return user


def current_catalog() -> Catalog:
    """The catalog of the current app (raises CatalogError if it failed to load)."""
    loaded = current_app.extensions[_KEY]
    if isinstance(loaded, CatalogError):
        raise loaded
    return loaded
