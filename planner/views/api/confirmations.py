"""Clinic confirmations of a facilitator's trip over the API: list them, record an answer."""

from __future__ import annotations

import marshmallow as ma
from flask_babel import gettext as _
from flask_smorest import Blueprint
from marshmallow import validate

from planner.clock import utcnow
from planner.services.planning.plans import reason_of
from planner.services.planning.revisions import planned_trip
from planner.services.workspace import confirmations
from planner.views.api.auth import SECURITY, owner, token_required
from planner.views.api.common import errors, reads, register_api_blueprint
from planner.views.api.problems import problem
from planner.views.api.schemas import _text
from planner.views.api.trips import owned_trip

blueprint = Blueprint("api_v1_confirmations", __name__, url_prefix="/api/v1/trips", description="Clinic confirmations")
register_api_blueprint(blueprint)
ANSWERS = ("asked", "confirmed", "declined")


class ChangeOut(ma.Schema):
    """One change of a confirmation: from and to which state, by which account, when."""

    from_state = ma.fields.String(required=True)
    to_state = ma.fields.String(required=True)
    user_id = ma.fields.Integer(required=True, allow_none=True)
    at = ma.fields.DateTime(required=True)


class ConfirmationOut(ma.Schema):
    """An in-person appointment of the plan and where it stands with its clinic."""

    protocol = ma.fields.String(required=True)
    step = ma.fields.String(required=True)
    occurrence = ma.fields.Integer(required=True)
    key = ma.fields.String(required=True)
    planned_start = ma.fields.DateTime(required=True)
    state = ma.fields.String(required=True, validate=validate.OneOf(confirmations.TRANSITIONS))
    asked_at = ma.fields.DateTime(required=True, allow_none=True)
    asked_to = ma.fields.String(required=True)
    confirmed_start = ma.fields.DateTime(required=True, allow_none=True)
    confirmed_by = ma.fields.String(required=True)
    reference = ma.fields.String(required=True)
    alternative = ma.fields.String(required=True)
    alternative_start = ma.fields.DateTime(required=True, allow_none=True)
    changes = ma.fields.List(ma.fields.Nested(ChangeOut), required=True)


class ConfirmationList(ma.Schema):
    """The trip's in-person appointments in plan order (none when its plan no longer fits the catalog)."""

    items = ma.fields.List(ma.fields.Nested(ConfirmationOut), required=True)


class ConfirmationIn(ma.Schema):
    """An answer: asked (``asked_to``), confirmed (``confirmed_start``, pinned) or declined (``alternative``)."""

    state = ma.fields.String(required=True, validate=validate.OneOf(ANSWERS))
    asked_to = _text(200, load_default="")
    confirmed_start = ma.fields.AwareDateTime(
        load_default=None, allow_none=True, metadata={"examples": ["2027-03-02T10:00:00+09:00"]}
    )
    confirmed_by = _text(200, load_default="")
    reference = _text(100, load_default="")
    alternative = _text(500, load_default="")
    alternative_start = ma.fields.AwareDateTime(load_default=None, allow_none=True)

    @ma.validates_schema
    def _needed(self, data: dict, **_kwargs) -> None:
        needed = {"asked": "asked_to", "confirmed": "confirmed_start", "declined": "alternative"}[data["state"]]
        if not data.get(needed):
            raise ma.ValidationError(f"needed when the state is {data['state']}", needed)


def _row(row: confirmations.Row) -> dict:
    c, a = row.confirmation, row.appointment
    return {
        "protocol": a.protocol,
        "step": a.step,
        "occurrence": a.occurrence,
        "key": a.key,
        "planned_start": a.start,
        "state": row.state,
        "asked_at": c.asked_at if c else None,
        "asked_to": c.asked_to if c else "",
        "confirmed_start": c.confirmed_start if c else None,
        "confirmed_by": c.confirmed_by if c else "",
        "reference": c.reference if c else "",
        "alternative": c.alternative if c else "",
        "alternative_start": c.alternative_start if c else None,
        "changes": list(c.changes) if c else [],
    }


def _list(trip) -> dict:
    return {"items": [_row(row) for row in confirmations.confirmation_rows(trip, planned_trip(trip))]}


@blueprint.get("/<int:trip_id>/confirmations")
@token_required(write=False)
@reads(blueprint, 200, ConfirmationList)
@errors(blueprint, 401, 404)
@blueprint.doc(security=SECURITY)
def index(trip_id: int):
    """Each in-person appointment's state with its clinic, with who changed it and when."""
    return _list(owned_trip(trip_id))


@blueprint.put("/<int:trip_id>/confirmations/<protocol>/<step>/<int:occurrence>")
@token_required(write=True)
@blueprint.arguments(ConfirmationIn)
@blueprint.response(200, ConfirmationList)
@errors(blueprint, 401, 403, 404, 409, 422)
@blueprint.doc(security=SECURITY)
def record(values: dict, trip_id: int, protocol: str, step: str, occurrence: int):
    """Record the clinic's answer for one appointment; a confirmed time is pinned (422 outside its window),
    409 for a move the workflow does not allow (not asked → confirmed)."""
    trip = owned_trip(trip_id)
    details = {**values, "start": values["confirmed_start"]}
    try:
        confirmations.change(
            trip, planned_trip(trip), (protocol, step, occurrence), values["state"], details,
            user_id=owner().id, now=utcnow(),
        )  # fmt: skip
    except confirmations.Refused as refused:
        if refused.code == "pin":
            raise problem(422, reason_of(refused.error), "confirmed_start") from None
        if refused.code == "transition":
            raise problem(409, _("that answer does not follow the appointment's current state"), "state") from None
        raise problem(404, _("the trip's plan has no such in-person appointment"), "occurrence") from None
    return _list(trip)
