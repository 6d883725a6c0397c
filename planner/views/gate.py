"""The workspace's one gate: every request of a logged-in member passes the agency scope, then the role.

Before any workspace view runs:

1. a ``trip_id``, ``client_id`` or ``feed_id`` in the URL must belong to the member's agency (and, for a
   coordinator who sees only their clients, to a client assigned to them): otherwise 404, as
   for an id that does not exist, so another agency's ids reveal nothing;
2. the endpoint's ability (planner.services.accounts.roles) must be the member's: otherwise
   403, with a sentence saying what the role does not open.

Pages reached by a secret link (``<token>`` in the rule: client pages, feeds) and the visitor's
own planner are outside the workspace and pass untouched; so do a member's own account pages.
"""

from __future__ import annotations

from flask import Flask, abort, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from planner.extensions import db
from planner.models import Client, FeedToken, Trip
from planner.services.accounts.acting import act_as
from planner.services.accounts.roles import assigned_only, can

#: blueprints of the logged-in workspace
WORKSPACE = frozenset(
    {
        "agency",
        "checklist",
        "clients",
        "confirmations",
        "custom",
        "dashboard",
        "facilitator_trips",
        "feeds",
        "privacy",
        "quotes",
        "share",
        "trip_messages",
    }
)
#: endpoints that read money only (open to finance)
MONEY_READ = frozenset({"quotes.show", "quotes.version", "quotes.payment_receipt", "dashboard.index", "agency.index"})
#: endpoints that change quotes or payments
MONEY_WRITE = frozenset({"quotes.create", "quotes.save", "quotes.move", "quotes.pay"})
#: endpoints that manage the agency's members
MEMBERS = frozenset(
    {"agency.invite", "agency.withdraw", "agency.set_role", "agency.remove", "agency.settings", "clients.assign"}
)
#: why each ability is refused, in the member's words
REFUSALS = {
    "health": lambda: _("Your role in the agency does not show clients' plans or health notes."),
    "write": lambda: _("Your role in the agency lets you read, not change."),
    "money": lambda: _("Your role in the agency does not show quotes and payments."),
    "money_write": lambda: _("Your role in the agency does not change quotes or payments."),
    "members": lambda: _("Only the agency's owners manage its members."),
}


def ability_for(endpoint: str, method: str) -> str | None:
    """The ability an endpoint needs (None: any member), by the tables above."""
    if endpoint in MEMBERS:
        return "members"
    if endpoint in MONEY_WRITE:
        return "money_write"
    if endpoint in MONEY_READ:
        return "money"
    return "health" if method in ("GET", "HEAD", "OPTIONS") else "write"


def in_workspace(endpoint: str | None, rule: str) -> bool:
    """Whether a request is one of the workspace's (not a secret-link page, not the visitor's planner)."""
    return bool(endpoint) and endpoint.split(".", 1)[0] in WORKSPACE and "<token>" not in rule


def visible_trip(user, trip_id: int) -> bool:
    """Whether the member may see this trip: their agency's, and their own client's when they see only theirs."""
    query = select(Trip.id).where(Trip.id == trip_id, Trip.owner_id == user.agency_id)
    mine = assigned_only(user)
    if mine is not None:
        query = query.join(Client, Client.id == Trip.client_id).where(Client.coordinator_id == mine)
    return db.session.scalar(query) is not None


def visible_client(user, client_id: int) -> bool:
    """Whether the member may see this client (their agency's; assigned to them when they see only theirs)."""
    query = select(Client.id).where(Client.id == client_id, Client.owner_id == user.agency_id)
    mine = assigned_only(user)
    if mine is not None:
        query = query.where(Client.coordinator_id == mine)
    return db.session.scalar(query) is not None


def visible_feed(user, feed_id: int) -> bool:
    """A trip's feed goes with its trip; an all-clients feed is its maker's own."""
    feed = db.session.get(FeedToken, feed_id)
    if feed is None:
        return False
    if feed.trip_id is not None:
        return visible_trip(user, feed.trip_id)
    return feed.owner_id == user.agency_id and feed.created_by == user.id


def check(user, endpoint: str, method: str, args: dict) -> None:
    """Abort with 404 outside the member's scope, or 403 beyond their role."""
    if "trip_id" in args and not visible_trip(user, args["trip_id"]):
        abort(404)
    if "client_id" in args and not visible_client(user, args["client_id"]):
        abort(404)
    if "feed_id" in args and not visible_feed(user, args["feed_id"]):
        abort(404)
    ability = ability_for(endpoint, method)
    if ability is not None and not can(user, ability):
        abort(403, description=REFUSALS[ability]())


def _gate() -> None:
    rule = request.url_rule.rule if request.url_rule is not None else ""
    if not in_workspace(request.endpoint, rule) or not current_user.is_authenticated:
        return
    check(current_user, request.endpoint, request.method, request.view_args or {})
    act_as(current_user.id)


def _template_values() -> dict:
    def member_can(ability: str) -> bool:
        return bool(current_user and current_user.is_authenticated and can(current_user, ability))

    return {"can": member_can}


def _nobody_acts(_error=None) -> None:
    act_as(None)


def init_app(app: Flask) -> None:
    """Put the gate in front of every request; templates ask ``can("write")`` to hide what the role cannot use."""
    app.before_request(_gate)
    app.teardown_request(_nobody_acts)
    app.context_processor(_template_values)
