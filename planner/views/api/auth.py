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
from planner.services.accounts.acting import act_as
from planner.services.accounts.api_tokens import bearer_for
from planner.services.accounts.roles import can
from planner.views.api.problems import problem

#: API blueprints about money (finance reads and writes them; a viewer reads them)
MONEY_BLUEPRINTS = frozenset({"api_v1_quotes"})
#: API blueprints about the agency itself (any member reads; owners change)
AGENCY_BLUEPRINTS = frozenset({"api_v1_agency"})

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
            _within_scope(bearer.user, kwargs)
            ability = ability_for(request.endpoint or "", write)
            if ability is not None and not can(bearer.user, ability):
                raise problem(403, _("the role of this token's account in its agency does not allow this"))
            g.api_bearer = bearer
            act_as(bearer.user.id)
            return view(*args, **kwargs)

        return wrapper

    return decorator


def ability_for(endpoint: str, write: bool) -> str | None:
    """The role ability an API operation needs (planner.services.accounts.roles)."""
    blueprint = endpoint.split(".", 1)[0]
    if blueprint in AGENCY_BLUEPRINTS:
        return "members" if write else None
    if blueprint in MONEY_BLUEPRINTS:
        return "money_write" if write else "money"
    return "write" if write else "health"


def _within_scope(user: User, kwargs: dict) -> None:
    """404 for a trip or client outside the account's agency (or not assigned to its coordinator)."""
    from planner.views.gate import visible_client, visible_feed, visible_trip

    if "trip_id" in kwargs and not visible_trip(user, kwargs["trip_id"]):
        raise problem(404, _("you have no trip with this id"), "trip_id")
    if "client_id" in kwargs and not visible_client(user, kwargs["client_id"]):
        raise problem(404, _("you have no client with this id"), "client_id")
    if "feed_id" in kwargs and not visible_feed(user, kwargs["feed_id"]):
        raise problem(404, _("the trip has no feed with this id"), "feed_id")


def owner() -> User:
    """The facilitator the request's token acts as."""
    return g.api_bearer.user
