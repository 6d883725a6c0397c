"""A trip's messages to its client over the API: send "your plan" or "your plan changed" (202, queued), list them."""

from __future__ import annotations

import marshmallow as ma
from flask import url_for
from flask_babel import gettext as _
from flask_smorest import Blueprint
from marshmallow import validate

from planner.clock import utcnow
from planner.i18n.web import current_words
from planner.services.messages import sending
from planner.services.messages.letters import KINDS, MessageProblem
from planner.views.api.auth import SECURITY, owner, token_required
from planner.views.api.common import errors, reads, register_api_blueprint
from planner.views.api.problems import problem
from planner.views.api.trips import owned_trip

blueprint = Blueprint("api_v1_messages", __name__, url_prefix="/api/v1/trips", description="Messages to the client")
register_api_blueprint(blueprint)


class MessageIn(ma.Schema):
    """Which message to send: "plan" (the link, the day-by-day plan, the .ics) or "changes" (what moved)."""

    kind = ma.fields.String(required=True, validate=validate.OneOf(KINDS))


class MessageOut(ma.Schema):
    """A message as recorded: to whom, its discreet subject, and what became of it (no body is kept)."""

    id = ma.fields.Integer(required=True)
    kind = ma.fields.String(required=True)
    status = ma.fields.String(required=True, metadata={"description": "queued, sent or failed"})
    to = ma.fields.String(required=True, attribute="recipient")
    subject = ma.fields.String(required=True)
    created_at = ma.fields.DateTime(required=True)
    sent_at = ma.fields.DateTime(allow_none=True)
    error = ma.fields.String(allow_none=True, metadata={"description": "the last try's error class, if any"})


class MessageList(ma.Schema):
    """A trip's latest messages, newest first."""

    items = ma.fields.List(ma.fields.Nested(MessageOut), required=True)


@blueprint.post("/<int:trip_id>/messages")
@token_required(write=True)
@blueprint.arguments(MessageIn)
@blueprint.response(202, MessageOut, headers={"Location": {"description": "the message", "schema": {"type": "string"}}})
@errors(blueprint, 401, 403, 404, 409, 422)
@blueprint.doc(security=SECURITY)
def send(values: dict, trip_id: int):
    """Send the client a message in their language (queued; sent after the answer when there is a job queue).

    422 names the field to fix: ``kind``, or ``client.contact`` when the client has no email address;
    409 for "changes" when nothing moved since the client last looked.
    """
    trip = owned_trip(trip_id)
    try:
        record = sending.send(trip, values["kind"], utcnow())
    except MessageProblem as refused:
        status, field = (409, "kind") if refused.field == "kind" else (422, f"client.{refused.field}")
        raise problem(status, refused.said_in(current_words()), field) from None
    where = url_for("api_v1_messages.show", trip_id=trip.id, message_id=record.id)
    return record, {"Location": where}


@blueprint.get("/<int:trip_id>/messages")
@token_required(write=False)
@reads(blueprint, 200, MessageList)
@errors(blueprint, 401, 404)
@blueprint.doc(security=SECURITY)
def index(trip_id: int):
    """The trip's latest messages (at most 10), newest first."""
    return {"items": sending.recent(owner().agency_id, owned_trip(trip_id).id)}


@blueprint.get("/<int:trip_id>/messages/<int:message_id>")
@token_required(write=False)
@reads(blueprint, 200, MessageOut)
@errors(blueprint, 401, 404)
@blueprint.doc(security=SECURITY)
def show(trip_id: int, message_id: int):
    """One message of the trip: has it been sent yet?"""
    found = sending.owned_message(owner().agency_id, owned_trip(trip_id).id, message_id)
    if found is None:
        raise problem(404, _("the trip has no message with this id"), "message_id")
    return found
