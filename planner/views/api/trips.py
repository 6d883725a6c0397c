"""A facilitator's trips over the API: list, create from a scenario, read with the plan, update, status, delete."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_smorest import Blueprint

from planner.clock import utcnow
from planner.core.scenario import ScenarioError
from planner.extensions import db
from planner.models import Trip
from planner.services.accounts.roles import assigned_only
from planner.services.paging import keyset_page
from planner.services.planning.plans import plan_document, reason_of
from planner.services.planning.revisions import planned_trip
from planner.services.workspace import facilitator_trips as trips
from planner.views.api import schemas
from planner.views.api.auth import SECURITY, owner, token_required
from planner.views.api.clients import owned_client
from planner.views.api.common import attributes, errors, reads, register_api_blueprint
from planner.views.api.problems import problem

blueprint = Blueprint("api_v1_trips", __name__, url_prefix="/api/v1", description="A facilitator's trips")
register_api_blueprint(blueprint)

#: what a trip whose scenario no longer fits the catalog says instead of a plan
NO_PLAN = "the trip no longer fits the catalog (a protocol or clinic it uses changed): update its scenario"


def owned_trip(trip_id: int) -> Trip:
    """One of the token owner's trips; 404 for any other id (another facilitator's too)."""
    found = db.session.scalar(trips.owned_trips(owner().agency_id, assigned_only(owner())).where(Trip.id == trip_id))
    if found is None:
        raise problem(404, _("you have no trip with this id"), "trip_id")
    return found


def _scenario_problem(error: ScenarioError, prefix: str = "scenario"):
    field = error.field if error.field.startswith(prefix) else f"{prefix}.{error.field}"
    return problem(422, reason_of(error), field)


def detail(trip: Trip) -> dict:
    """A trip with its plan (recomputed, memoized) and pins."""
    planned = planned_trip(trip)
    plan = plan_document(planned) if planned is not None else None
    return {
        **attributes(trip, schemas.TripOut),
        "plan": plan,
        "plan_error": None if planned is not None else NO_PLAN,
        "pins": trip.pins,
    }


@blueprint.get("/trips")
@token_required(write=False)
@blueprint.arguments(schemas.PageArgs, location="query", as_kwargs=True)
@reads(blueprint, 200, schemas.TripPage)
@errors(blueprint, 401, 422)
@blueprint.doc(security=SECURITY)
def index(**args):
    """Your trips, every client's, in the order they were made."""
    items, cursor = keyset_page(trips.owned_trips(owner().agency_id, assigned_only(owner())), Trip.id, args)
    return {"items": items, "next": cursor}


@blueprint.get("/clients/<int:client_id>/trips")
@token_required(write=False)
@blueprint.arguments(schemas.PageArgs, location="query", as_kwargs=True)
@reads(blueprint, 200, schemas.TripPage)
@errors(blueprint, 401, 404, 422)
@blueprint.doc(security=SECURITY)
def of_client(client_id: int, **args):
    """One client's trips."""
    client = owned_client(client_id)
    items, cursor = keyset_page(
        trips.owned_trips(owner().agency_id, assigned_only(owner())).where(Trip.client_id == client.id), Trip.id, args
    )
    return {"items": items, "next": cursor}


@blueprint.post("/clients/<int:client_id>/trips")
@token_required(write=True)
@blueprint.arguments(schemas.TripIn)
@blueprint.response(201, schemas.TripDetail)
@errors(blueprint, 401, 403, 404, 422)
@blueprint.doc(security=SECURITY)
def create(values: dict, client_id: int):
    """Plan a trip for a client from a scenario (as `flask plan` reads it): a draft, with its plan."""
    client = owned_client(client_id)
    try:
        trip = trips.create_trip(
            client, values["scenario"], discreet=values["discreet"], now=utcnow(), title=values["title"]
        )
    except ScenarioError as error:
        raise _scenario_problem(error) from None
    return detail(trip)


@blueprint.get("/trips/<int:trip_id>")
@token_required(write=False)
@reads(blueprint, 200, schemas.TripDetail)
@errors(blueprint, 401, 404)
@blueprint.doc(security=SECURITY)
def show(trip_id: int):
    """One trip with its plan (the plan JSON of `flask plan`) and its pinned appointments."""
    return detail(owned_trip(trip_id))


@blueprint.patch("/trips/<int:trip_id>")
@token_required(write=True)
@blueprint.arguments(schemas.TripPatch)
@blueprint.response(200, schemas.TripDetail)
@errors(blueprint, 401, 403, 404, 422)
@blueprint.doc(security=SECURITY)
def update(changes: dict, trip_id: int):
    """Change the title, the discreet titles or the scenario (re-planned; moved times send it back to draft)."""
    trip = owned_trip(trip_id)
    try:
        trips.update_trip(trip, changes, utcnow())
    except ScenarioError as error:
        db.session.rollback()
        raise _scenario_problem(error) from None
    return detail(trip)


@blueprint.post("/trips/<int:trip_id>/status")
@token_required(write=True)
@blueprint.arguments(schemas.StatusIn)
@blueprint.response(200, schemas.TripDetail)
@errors(blueprint, 401, 403, 404, 409, 422)
@blueprint.doc(security=SECURITY)
def status(values: dict, trip_id: int):
    """Move the trip to another status of its workflow; 409 for a move the workflow does not allow."""
    trip = owned_trip(trip_id)
    try:
        trips.set_status(trip, values["status"], utcnow())
    except ScenarioError as error:
        raise problem(409, reason_of(error), "status") from None
    return detail(trip)


@blueprint.delete("/trips/<int:trip_id>")
@token_required(write=True)
@blueprint.response(204)
@errors(blueprint, 401, 403, 404)
@blueprint.doc(security=SECURITY)
def delete(trip_id: int):
    """Delete a trip with its pins, links and feeds (their addresses stop working)."""
    trips.delete_trip(owned_trip(trip_id))
    return ""
