"""Bearer tokens for the facilitator's part of the API; a session cookie is never an API credential.

``Authorization: Bearer TOKEN`` is the only thing read: a logged-in browser's cookie is ignored,
so a page on another site cannot make a browser act on the API (and CSRF does not apply).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import g, request
from flask_babel import gettext as _

from planner.clock import utcnow
from planner.models import User
from planner.services.accounts.api_tokens import bearer_for
from planner.views.api.problems import problem

#: the security requirement of every facilitator operation in the spec
SECURITY = [{"bearerAuth": []}]
SCHEME = {"type": "http", "scheme": "bearer", "description": "a personal API token from your account page"}
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="planner"'}


def _presented() -> str | None:
    kind, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if kind.lower() == "bearer" and token.strip() else None


def token_required(*, write: bool) -> Callable:
    """The view needs a live token (401 otherwise); a write needs a read-write one (403 otherwise)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args, **kwargs):
            token = _presented()
            if token is None:
                raise problem(401, _("send a personal API token as 'Authorization: Bearer TOKEN'"), headers=_CHALLENGE)
            bearer = bearer_for(token, utcnow())
            if bearer is None:
                raise problem(401, _("the token is unknown or was revoked"), headers=_CHALLENGE)
            if write and bearer.read_only:
                raise problem(403, _("this token is read-only: make a read-write token to change anything"))
            g.api_bearer = bearer
            return view(*args, **kwargs)

        return wrapper

    return decorator


def owner() -> User:
    """The facilitator the request's token acts as."""
    return g.api_bearer.user
