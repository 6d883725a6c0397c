"""Pins, client links and calendar feeds of a facilitator's trip over the API.

A link's or feed's secret address is in the answer that made it, and nowhere else: only its hash
is stored, as for the pages.
"""

from __future__ import annotations

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_smorest import Blueprint

from planner.clock import utcnow
from planner.core.scenario import ScenarioError
from planner.services.planning.plans import reason_of
from planner.services.workspace import facilitator_trips as trips
from planner.services.workspace import feeds, sharing
from planner.views.api import schemas
from planner.views.api import sharing_schemas as out
from planner.views.api.auth import SECURITY, owner, token_required
from planner.views.api.common import attributes, errors, reads, register_api_blueprint
from planner.views.api.problems import problem
from planner.views.api.trips import detail, owned_trip

blueprint = Blueprint("api_v1_sharing", __name__, url_prefix="/api/v1/trips", description="Pins, links and feeds")
register_api_blueprint(blueprint)


def _base() -> str:
    return current_app.config["PLANNER_BASE_URL"].rstrip("/")


@blueprint.post("/<int:trip_id>/pins")
@token_required(write=True)
@blueprint.arguments(schemas.PinIn)
@blueprint.response(201, schemas.TripDetail)
@errors(blueprint, 401, 403, 404, 422)
@blueprint.doc(security=SECURITY)
def pin(values: dict, trip_id: int):
    """Pin one of the plan's appointments (by its ``key``) at the time the clinic confirmed."""
    trip = owned_trip(trip_id)
    try:
        trips.pin_appointment(trip, values["key"], values["start"], utcnow())
    except ScenarioError as error:
        raise problem(422, reason_of(error), "key" if error.field == "key" else "start") from None
    return detail(trip)


@blueprint.delete("/<int:trip_id>/pins/<int:pin_id>")
@token_required(write=True)
@blueprint.response(204)
@errors(blueprint, 401, 403, 404)
@blueprint.doc(security=SECURITY)
def unpin(trip_id: int, pin_id: int):
    """Let the planner choose that appointment's time again."""
    if not trips.unpin(owned_trip(trip_id), pin_id, utcnow()):
        raise problem(404, _("the trip has no pin with this id"), "pin_id")
    return ""


def _sharing(trip_id: int) -> sharing.Sharing:
    found = sharing.sharing_of(owner().agency_id, trip_id)
    if found is None:
        raise problem(404, _("you have no trip with this id"), "trip_id")
    return found


@blueprint.get("/<int:trip_id>/links")
@token_required(write=False)
@reads(blueprint, 200, out.LinkList)
@errors(blueprint, 401, 404)
@blueprint.doc(security=SECURITY)
def links(trip_id: int):
    """The trip's read-only client links, newest first (their addresses are not shown again)."""
    return {"items": _sharing(trip_id).links}


@blueprint.post("/<int:trip_id>/links")
@token_required(write=True)
@blueprint.arguments(out.LinkIn)
@blueprint.response(201, out.NewLinkOut)
@errors(blueprint, 401, 403, 404, 422)
@blueprint.doc(security=SECURITY)
def create_link(values: dict, trip_id: int):
    """A read-only link for the client; its ``url`` is in this answer only."""
    made = sharing.create_client_link(
        owner().agency_id, trip_id, hide_costs=values["hide_costs"], expires_at=values["expires_at"]
    )
    if made is None:
        raise problem(404, _("you have no trip with this id"), "trip_id")
    link, token = made
    return {**attributes(link, out.LinkOut), "url": _base() + url_for("share.client_plan", token=token)}


@blueprint.delete("/<int:trip_id>/links/<int:link_id>")
@token_required(write=True)
@blueprint.response(204)
@errors(blueprint, 401, 403, 404)
@blueprint.doc(security=SECURITY)
def revoke_link(trip_id: int, link_id: int):
    """Revoke a client link: its address answers 404 from now on."""
    if not sharing.revoke_client_link(owner().agency_id, trip_id, link_id, utcnow()):
        raise problem(404, _("the trip has no link with this id"), "link_id")
    return ""


@blueprint.get("/<int:trip_id>/feeds")
@token_required(write=False)
@reads(blueprint, 200, out.FeedList)
@errors(blueprint, 401, 404)
@blueprint.doc(security=SECURITY)
def feed_list(trip_id: int):
    """The trip's calendar feeds, newest first (their addresses are not shown again)."""
    return {"items": _sharing(trip_id).feeds}


@blueprint.post("/<int:trip_id>/feeds")
@token_required(write=True)
@blueprint.arguments(out.FeedIn)
@blueprint.response(201, out.NewFeedOut)
@errors(blueprint, 401, 403, 404, 422)
@blueprint.doc(security=SECURITY)
def create_feed(values: dict, trip_id: int):
    """A calendar subscription of the trip; its addresses are in this answer only."""
    made = feeds.create_trip_feed(owner().agency_id, trip_id, discreet=values["discreet"])
    if made is None:
        raise problem(404, _("you have no trip with this id"), "trip_id")
    feed, token = made
    where = feeds.subscription(_base(), token)
    return {**attributes(feed, out.FeedOut), "url": where.https, "webcal": where.webcal, "google": where.google}


@blueprint.delete("/<int:trip_id>/feeds/<int:feed_id>")
@token_required(write=True)
@blueprint.response(204)
@errors(blueprint, 401, 403, 404)
@blueprint.doc(security=SECURITY)
def revoke_feed(trip_id: int, feed_id: int):
    """Revoke a feed: its address answers 404 from now on."""
    if not any(feed.id == feed_id for feed in _sharing(trip_id).feeds):
        raise problem(404, _("the trip has no feed with this id"), "feed_id")
    feeds.revoke_feed(owner().agency_id, feed_id, utcnow())
    return ""
