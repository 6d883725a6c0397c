"""A facilitator's trips for a client: create, move through statuses, pin confirmed times, duplicate.

Each public function is one use case and commits once. Every edit that can move a calendar
event records the new event revisions before committing, so subscribed calendars update in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select

from planner.core.catalog import Catalog
from planner.core.model import Pin as PinnedTime
from planner.core.scenario import ScenarioError, parse_scenario
from planner.extensions import db
from planner.models import Client, Pin, Trip
from planner.services.planning.change_log import History, history_of
from planner.services.planning.custom_catalog import catalog_for
from planner.services.planning.plan_input import FormProblem, form_data_from_scenario, form_field_of, scenario_from_form
from planner.services.planning.plan_view import PlanPage, plan_page
from planner.services.planning.plans import PlannedTrip, apply_fix, check_scenario, reason_of
from planner.services.planning.revisions import planned_trip
from planner.services.planning.trip_changes import trip_changed
from planner.services.workspace.scope import client_scope, trip_scope
from planner.services.workspace.sharing import seen_appointments

#: the statuses a trip may move to from each status; back to draft when plans change again.
#: A cancelled or completed trip is kept (and may be archived, out of the way); an archived trip can be reopened.
TRANSITIONS = {
    "draft": ("proposed", "cancelled"),
    "proposed": ("confirmed", "draft", "cancelled"),
    "confirmed": ("completed", "draft", "cancelled"),
    "completed": ("archived",),
    "cancelled": ("draft", "archived"),
    "archived": ("draft",),
}
STATUS_WORDS = {
    "draft": _l("Draft: still being planned"),
    "proposed": _l("Proposed: waiting for the clinic to confirm"),
    "confirmed": _l("Confirmed by the clinic"),
    "completed": _l("Completed: the trip took place"),
    "cancelled": _l("Cancelled"),
    "archived": _l("Archived"),
}
#: a status in one word, next to a trip in a list
STATUS_NAMES = {
    "draft": _l("draft"),
    "proposed": _l("proposed"),
    "confirmed": _l("confirmed"),
    "completed": _l("completed"),
    "cancelled": _l("cancelled"),
    "archived": _l("archived"),
}


@dataclass(frozen=True)
class TripView:
    """A trip as its facilitator sees it: the plan (None if it no longer fits the catalog) and changes."""

    trip: Trip
    planned: PlannedTrip | None
    #: the calendar, days, fixes and budget the plan page shows; None with ``planned``
    shown: PlanPage | None
    #: the trip's history of changes, split at the client's last look
    history: History
    #: (id, name) of the facilitator's other clients, to copy the trip for
    other_clients: list[tuple[int, str]]


def owned_trips(owner_id: int, coordinator_id: int | None = None) -> Select:
    """The query of an agency's trips (a coordinator's own, with ``coordinator_id``): every lookup starts here."""
    return select(Trip).where(*trip_scope(owner_id, coordinator_id))


def _title(request, catalog) -> str:
    names = [catalog.protocols[t.protocol].name for t in request.treatments]
    return f"{' + '.join(names)}, {request.arrival:%b %Y}"[:200]


def create_trip(client: Client, scenario: dict, *, discreet: bool, now: datetime, title: str = "") -> Trip:
    """A new draft trip for a client (titled from its treatments unless ``title``); raises ScenarioError."""
    data = {key: value for key, value in scenario.items() if key != "pins"}
    data["traveller"] = {**data.get("traveller", {})}
    data["traveller"].setdefault("name", client.name)
    catalog = catalog_for(client.owner_id)
    _, request = check_scenario(data, catalog=catalog)
    trip = Trip(
        owner_id=client.owner_id,
        client=client,
        scenario=data,
        discreet=discreet,
        title=title.strip()[:200] or _title(request, catalog),
    )
    db.session.add(trip)
    db.session.flush()
    trip_changed(trip, None, now)
    db.session.commit()
    return trip


def trip_view(trip: Trip, coordinator_id: int | None = None) -> TripView:
    """The trip re-planned from its scenario and pins, with its history of changes (and the clients it
    can be copied for: those the member sees)."""
    planned = planned_trip(trip)
    others = db.session.execute(
        select(Client.id, Client.name)
        .where(*client_scope(trip.owner_id, coordinator_id), Client.id != trip.client_id)
        .order_by(Client.name)
    )
    shown = plan_page(planned) if planned is not None else None
    return TripView(trip, planned, shown, history_of(trip), [(row.id, row.name) for row in others])


def _replace_request(trip: Trip, scenario: dict, now: datetime, catalog: Catalog) -> bool:
    """Store a changed request (pins that no longer fit stay, reported on the page), revise calendar events.

    True when an appointment's time changed on a proposed or confirmed trip: it is back to draft,
    since the clinic must confirm the new times.
    """
    _, request = check_scenario(scenario, catalog=catalog)
    before = planned_trip(trip, catalog)
    try:
        planner_wrote = trip.title == _title(parse_scenario(trip.scenario, catalog), catalog)
    except ScenarioError:
        planner_wrote = False
    if planner_wrote:
        # a title the planner wrote follows the request; one the facilitator typed stays
        trip.title = _title(request, catalog)
    trip.scenario = scenario
    db.session.flush()
    after = planned_trip(trip, catalog)
    moved = before is None or after is None or seen_appointments(before.plan) != seen_appointments(after.plan)
    back_to_draft = moved and trip.status != "draft"
    if back_to_draft:
        trip.status = "draft"
    trip_changed(trip, after, now)
    return back_to_draft


def fix_trip(trip: Trip, fix: Mapping[str, str], now: datetime) -> bool:
    """Apply one of the plan's suggested fixes; True if that sent the trip back to draft.

    Raises ScenarioError if the fix cannot be made.
    """
    catalog = catalog_for(trip.owner_id)
    back_to_draft = _replace_request(trip, apply_fix(trip.scenario, fix, catalog), now, catalog)
    db.session.commit()
    return back_to_draft


def request_form_data(trip: Trip) -> dict:
    """The plan form's values from the stored request; the client's name and home time zone fill gaps."""
    data = {"name": trip.client.name, "home_timezone": trip.client.home_timezone} if trip.client else {}
    try:
        stored = form_data_from_scenario(trip.scenario)
    except (KeyError, TypeError, ValueError):
        # a request the planner cannot read any more: start from the client, nothing else to keep
        stored = {}
    for key in ("name", "home_timezone"):
        if not stored.get(key):
            stored.pop(key, None)
    return data | stored | {"discreet": trip.discreet}


def edit_request(trip: Trip, form_data: dict, now: datetime) -> bool:
    """Save the plan form's values as the trip's request and re-plan; True if the trip went back to draft.

    A bad value raises FormProblem.
    """
    scenario = scenario_from_form(form_data)
    if trip.client is not None:
        scenario["traveller"].setdefault("name", trip.client.name)
    try:
        back_to_draft = _replace_request(trip, scenario, now, catalog_for(trip.owner_id))
    except ScenarioError as error:
        raise FormProblem(form_field_of(error.field) or "", reason_of(error)) from None
    trip.discreet = bool(form_data.get("discreet"))
    db.session.commit()
    return back_to_draft


def set_status(trip: Trip, status: str, now: datetime) -> None:
    """Move a trip to the next status; raises ScenarioError for a move the workflow does not allow."""
    if status not in TRANSITIONS.get(trip.status, ()):
        raise ScenarioError("status", _("a %(old)s trip cannot become %(new)s", old=trip.status, new=status))
    trip.status = status
    # the events' STATUS (tentative/confirmed) follows the trip's status
    trip_changed(trip, None, now)
    db.session.commit()


def rename(trip: Trip, title: str) -> None:
    """Give the trip the facilitator's own title (a request edit no longer rewrites it)."""
    trip.title = title
    db.session.commit()


def delete_trip(trip: Trip) -> None:
    """Delete a trip with its pins, client links, feeds and revisions: links and feeds stop working."""
    db.session.delete(trip)
    db.session.commit()


def pin_appointment(trip: Trip, key: str, start: datetime, now: datetime) -> None:
    """Fix an appointment at the time the clinic confirmed; the rest is re-planned around it."""
    place_pin(trip, key, start, now)
    db.session.commit()


def place_pin(trip: Trip, key: str, start: datetime, now: datetime) -> None:
    """``pin_appointment`` in the caller's transaction (nothing is changed when it raises ScenarioError)."""
    catalog = catalog_for(trip.owner_id)
    planned = planned_trip(trip, catalog)
    if planned is None:
        raise ScenarioError("key", _("the trip no longer fits the catalog; edit it first"))
    appointment = next((a for a in planned.plan.appointments if a.key == key), None)
    if appointment is None:
        raise ScenarioError("key", _("that appointment is not in the plan any more; reload the page"))
    occurrence = (appointment.protocol, appointment.step, appointment.occurrence)
    existing = next((p for p in trip.pins if (p.protocol, p.step, p.occurrence) == occurrence), None)
    others = [p for p in trip.pins if p is not existing and not planned.is_stale(p)]
    check_scenario(trip.scenario, [*others, PinnedTime(*occurrence, start)], catalog)
    if existing is not None:
        existing.start = start.astimezone(UTC)
    else:
        trip.pins.append(
            Pin(protocol=occurrence[0], step=occurrence[1], occurrence=occurrence[2], start=start.astimezone(UTC))
        )
    db.session.flush()
    trip_changed(trip, None, now)


def unpin(trip: Trip, pin_id: int, now: datetime) -> bool:
    """Let the planner choose an appointment's time again; False if the trip has no such pin."""
    pin = next((p for p in trip.pins if p.id == pin_id), None)
    if pin is None:
        return False
    trip.pins.remove(pin)
    db.session.flush()
    trip_changed(trip, None, now)
    db.session.commit()
    return True


def duplicate_trip(trip: Trip, client: Client, now: datetime) -> Trip:
    """A draft copy of a trip for another client of the same facilitator (confirmed times stay behind)."""
    if client.owner_id != trip.owner_id:
        raise ScenarioError("client", _("choose one of your own clients"))
    data = dict(trip.scenario)
    data["traveller"] = {**data.get("traveller", {}), "name": client.name, "home_timezone": client.home_timezone}
    copy = Trip(owner_id=trip.owner_id, client=client, scenario=data, discreet=trip.discreet, title=trip.title)
    db.session.add(copy)
    db.session.flush()
    trip_changed(copy, None, now)
    db.session.commit()
    return copy


def update_trip(trip: Trip, changes: Mapping, now: datetime) -> bool:
    """Change a trip's title, discreet titles or scenario (re-planned, pins kept); True if back to draft.

    Raises ScenarioError naming the field of a scenario the planner refuses (nothing is stored then).
    """
    back_to_draft = False
    if "scenario" in changes:
        data = {key: value for key, value in changes["scenario"].items() if key != "pins"}
        if trip.client is not None and isinstance(data.get("traveller", {}), dict):
            data["traveller"] = {"name": trip.client.name, **data.get("traveller", {})}
        back_to_draft = _replace_request(trip, data, now, catalog_for(trip.owner_id))
    if "title" in changes:
        trip.title = changes["title"].strip() or trip.title
    if "discreet" in changes and changes["discreet"] != trip.discreet:
        trip.discreet = changes["discreet"]
        trip_changed(trip, None, now)
    db.session.commit()
    return back_to_draft
