"""A patient's own trips: save with a private link, open it, edit, fix, pin, replace or revoke the link.

Each public function is one use case and commits once. The private link's token is the only
credential: it is shown once (in the URL) and stored as its sha256.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from planner.clock import utcnow
from planner.core.model import Pin as PinnedTime
from planner.core.scenario import ScenarioError
from planner.extensions import db
from planner.i18n import normalize, words_for
from planner.models import Pin, ShareLink, Trip
from planner.services.accounts.tokens import hash_token, new_token
from planner.services.planning.plan_input import FormProblem, form_field_of, scenario_from_form
from planner.services.planning.plans import (
    PlannedTrip,
    apply_fix,
    calendar_file,
    check_scenario,
    plan_scenario,
    reason_of,
    worded,
)


@dataclass(frozen=True)
class TripPage:
    """What the private link opens: the link, its trip and the trip re-planned."""

    link: ShareLink
    trip: Trip
    planned: PlannedTrip


def _without_pins(scenario: dict) -> tuple[dict, list[dict]]:
    data = dict(scenario)
    return data, list(data.pop("pins", None) or [])


def save_trip(scenario: dict, *, discreet: bool, language: str | None = None) -> str:
    """Store a new trip (its pins as rows) with a private link; returns the link's token.

    ``language`` is the locale it was planned in: its calendar keeps speaking it."""
    _, request = check_scenario(scenario)
    data, _ = _without_pins(scenario)
    name = request.traveller.name
    trip = Trip(scenario=data, discreet=discreet, title=f"{name}'s trip" if name else "", language=normalize(language))
    for pin in request.pins:
        trip.pins.append(Pin(protocol=pin.protocol, step=pin.step, occurrence=pin.occurrence, start=pin.start))
    token, token_hash = new_token()
    trip.links.append(ShareLink(kind="private", token_hash=token_hash))
    db.session.add(trip)
    db.session.commit()
    return token


def _link_or_404(token: str) -> ShareLink:
    """The live private link of a token, its trip and pins loaded in two queries whatever the trip's size."""
    statement = (
        select(ShareLink)
        .join(ShareLink.trip)
        .options(contains_eager(ShareLink.trip).selectinload(Trip.pins))
        .where(ShareLink.token_hash == hash_token(token), ShareLink.kind == "private", ShareLink.revoked_at.is_(None))
    )
    link = db.session.execute(statement).unique().scalar_one_or_none()
    if link is None:
        abort(404)
    return link


def open_trip(token: str, before_planning=None) -> TripPage:
    """The trip of a private link, re-planned from its scenario and pins (404 if the link is not live).

    ``before_planning(trip)``, when given, runs before the plan is worded (the page chooses its language).
    """
    link = _link_or_404(token)
    if before_planning is not None:
        before_planning(link.trip)
    return TripPage(link, link.trip, plan_scenario(link.trip.scenario, link.trip.pins))


def saved_trip(token: str) -> Trip:
    """The trip of a live private link (404 otherwise), not planned."""
    return _link_or_404(token).trip


def saved_scenario(token: str) -> dict:
    """The scenario of a live private link's trip (404 otherwise): checked before a posted form is read."""
    return _link_or_404(token).trip.scenario


def update_trip(token: str, scenario: dict, *, discreet: bool) -> None:
    """Replace a trip's request (edited in the form) and re-plan; raises ScenarioError if it is bad."""
    trip = _link_or_404(token).trip
    data, _ = _without_pins(scenario)
    # pins the changed trip no longer accepts stay stored: the page reports them and offers their removal
    check_scenario(data)
    trip.scenario = data
    trip.discreet = discreet
    db.session.commit()


def edit_trip(token: str, form_data: dict) -> None:
    """Save the edit form's values as the trip's request; a bad value raises FormProblem."""
    scenario = scenario_from_form(form_data)
    try:
        update_trip(token, scenario, discreet=bool(form_data.get("discreet")))
    except ScenarioError as error:
        raise FormProblem(form_field_of(error.field) or "", reason_of(error)) from None


def trip_calendar(token: str, host: str) -> bytes:
    """The trip's .ics download: events named by the trip's uuid, stamped with its last edit."""
    page = open_trip(token)
    words = words_for(page.trip.shown_language)  # the whole calendar in the trip's language
    return calendar_file(
        worded(page.planned, words),
        host=host,
        discreet=page.trip.discreet,
        trip_uuid=page.trip.uuid,
        stamp=page.trip.updated_at,
        words=words,
    )


def fix_trip(token: str, fix: Mapping[str, str]) -> None:
    """Apply one of the plan's suggested fixes to a saved trip."""
    trip = _link_or_404(token).trip
    changed = apply_fix(trip.scenario, fix)
    check_scenario(changed)
    trip.scenario = changed
    db.session.commit()


def pin_appointment(token: str, key: str, start: datetime) -> None:
    """Fix an appointment at the time the clinic confirmed; the rest is re-planned around it."""
    trip = _link_or_404(token).trip
    planned = plan_scenario(trip.scenario, trip.pins)
    appointment = next((a for a in planned.plan.appointments if a.key == key), None)
    if appointment is None:
        raise ScenarioError("key", code="appointment_gone")
    occurrence = (appointment.protocol, appointment.step, appointment.occurrence)
    existing = next((p for p in trip.pins if (p.protocol, p.step, p.occurrence) == occurrence), None)
    others = [p for p in trip.pins if p is not existing and not planned.is_stale(p)]
    check_scenario(trip.scenario, [*others, PinnedTime(*occurrence, start)])
    if existing is not None:
        existing.start = start
    else:
        trip.pins.append(
            Pin(protocol=appointment.protocol, step=appointment.step, occurrence=appointment.occurrence, start=start)
        )
    db.session.commit()


def unpin(token: str, pin_id: int) -> None:
    """Let the planner choose an appointment's time again."""
    trip = _link_or_404(token).trip
    pin = next((p for p in trip.pins if p.id == pin_id), None)
    if pin is None:
        abort(404)
    trip.pins.remove(pin)
    db.session.commit()


def replace_link(token: str) -> str:
    """Revoke the private link and give the trip a new one; returns the new token."""
    link = _link_or_404(token)
    link.revoked_at = utcnow()
    fresh, fresh_hash = new_token()
    link.trip.links.append(ShareLink(kind="private", token_hash=fresh_hash))
    db.session.commit()
    return fresh


def delete_trip(token: str) -> None:
    """Delete a patient's trip for good: its request, pins, links and calendar history."""
    trip = _link_or_404(token).trip
    db.session.delete(trip)
    db.session.commit()


def revoke_link(token: str) -> None:
    """Revoke the private link: the trip can no longer be opened with it."""
    link = _link_or_404(token)
    link.revoked_at = utcnow()
    db.session.commit()
