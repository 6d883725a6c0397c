"""Clinic confirmations per appointment: ask the clinic, record its answer, pin the confirmed time.

An appointment is identified as a Pin is, by (protocol, step, occurrence); only in-person
appointments need the clinic. A confirmation moves only along TRANSITIONS; every change records
who (the facilitator's account) and when (ConfirmationChange). Confirming pins the appointment
through the trip's pin service, in the same transaction: a time the plan refuses stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from planner.core.model.itinerary import Appointment
from planner.core.scenario import ScenarioError
from planner.extensions import db
from planner.models import ClinicConfirmation, ConfirmationChange, Trip, TripAppointment
from planner.models.trip import SET_ASIDE
from planner.services.planning.plans import PlannedTrip
from planner.services.workspace.facilitator_trips import place_pin
from planner.services.workspace.scope import trip_scope

#: the states a confirmation may move to from each state (asking again is allowed: a reminder, a new contact)
TRANSITIONS = {
    "not_asked": ("asked",),
    "asked": ("asked", "confirmed", "declined"),
    "declined": ("asked", "confirmed"),
    "confirmed": ("asked",),
}
#: rows the dashboard's waiting list shows
SHOWN = 50

Identity = tuple[str, str, int]


class Refused(ValueError):
    """A change the workflow or the plan refuses: ``field`` is the form field, ``code`` says why.

    Codes: "transition" (not allowed from the current state), "not_in_plan" (no such in-person
    appointment), "pin" (the plan refuses the confirmed time: ``error`` is the engine's ScenarioError).
    """

    def __init__(self, field: str, code: str, error: ScenarioError | None = None) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code
        self.error = error


@dataclass(frozen=True)
class Row:
    """An in-person appointment of the plan with where it stands with its clinic."""

    appointment: Appointment
    confirmation: ClinicConfirmation | None

    @property
    def state(self) -> str:
        return self.confirmation.state if self.confirmation is not None else "not_asked"

    @property
    def allowed(self) -> tuple[str, ...]:
        return TRANSITIONS[self.state]


def identity_of(item) -> Identity:
    """(protocol, step, occurrence) of an appointment, a pin or a confirmation."""
    return (item.protocol, item.step, item.occurrence)


def confirmation_rows(trip: Trip, planned: PlannedTrip | None) -> list[Row]:
    """The plan's in-person appointments in order, each with its confirmation (None: not asked)."""
    if planned is None:
        return []
    stored = {identity_of(c): c for c in trip.confirmations}
    return [Row(a, stored.get(identity_of(a))) for a in planned.plan.appointments if a.in_person]


def all_confirmed(rows: list[Row]) -> bool:
    """Whether every in-person appointment is confirmed (the trip is ready to confirm to the client)."""
    return bool(rows) and all(row.state == "confirmed" for row in rows)


def change(
    trip: Trip,
    planned: PlannedTrip | None,
    identity: Identity,
    state: str,
    details: dict,
    *,
    user_id: int,
    now: datetime,
) -> ClinicConfirmation:
    """Move one appointment's confirmation to ``state`` with its details, and commit; raises Refused.

    ``details``: for "asked", ``asked_to``; for "confirmed", ``start`` (aware), ``confirmed_by``,
    ``reference``; for "declined", ``alternative`` and ``alternative_start`` (aware or None).
    """
    row = next((r for r in confirmation_rows(trip, planned) if identity_of(r.appointment) == identity), None)
    if row is None:
        raise Refused("appointment", "not_in_plan")
    if state not in row.allowed:
        raise Refused("state", "transition")
    confirmation = row.confirmation
    if confirmation is None:
        confirmation = ClinicConfirmation(
            protocol=identity[0], step=identity[1], occurrence=identity[2], state="not_asked"
        )
        trip.confirmations.append(confirmation)
    if state == "confirmed":
        try:
            place_pin(trip, row.appointment.key, details["start"], now)
        except ScenarioError as error:
            db.session.rollback()
            raise Refused("confirmed_start", "pin", error) from None
        confirmation.confirmed_start = details["start"].astimezone(UTC)
        confirmation.confirmed_by = (details.get("confirmed_by") or "").strip()[:200]
        confirmation.reference = (details.get("reference") or "").strip()[:100]
    elif state == "asked":
        confirmation.asked_at = now
        confirmation.asked_to = (details.get("asked_to") or "").strip()[:200]
    else:
        alternative_start = details.get("alternative_start")
        confirmation.alternative = (details.get("alternative") or "").strip()[:500]
        confirmation.alternative_start = alternative_start.astimezone(UTC) if alternative_start else None
    confirmation.changes.append(ConfirmationChange(from_state=row.state, to_state=state, user_id=user_id, at=now))
    confirmation.state = state
    confirmation.changed_by = user_id
    confirmation.changed_at = now
    db.session.commit()
    return confirmation


@dataclass(frozen=True)
class Waiting:
    """An appointment asked of its clinic and not answered yet, for how many whole days."""

    trip: Trip
    confirmation: ClinicConfirmation
    title: str
    days: int


def waiting_for_clinics(owner_id: int, now: datetime, coordinator_id: int | None = None) -> list[Waiting]:
    """The facilitator's appointments waiting for a clinic's answer, longest waiting first (two queries)."""
    rows = db.session.execute(
        select(ClinicConfirmation, Trip)
        .join(Trip, Trip.id == ClinicConfirmation.trip_id)
        .where(
            *trip_scope(owner_id, coordinator_id), ClinicConfirmation.state == "asked", Trip.status.not_in(SET_ASIDE)
        )
        .options(selectinload(Trip.client))
        .order_by(ClinicConfirmation.asked_at, ClinicConfirmation.id)
        .limit(SHOWN)
    ).all()
    titles = {}
    if rows:
        found = db.session.execute(
            select(TripAppointment.trip_id, TripAppointment.key, TripAppointment.title).where(
                TripAppointment.trip_id.in_({trip.id for _, trip in rows})
            )
        )
        titles = {(r.trip_id, r.key): r.title for r in found}
    return [
        Waiting(trip, c, titles.get((trip.id, key_of(c)), c.step), max(0, (now - c.asked_at).days)) for c, trip in rows
    ]


def key_of(item) -> str:
    """The plan's appointment key ("<protocol>-<step>-<n>") of a confirmation."""
    return f"{item.protocol}-{item.step}-{item.occurrence}"


def exported(trip_ids: list[int]) -> dict[int, list[dict]]:
    """Each trip's confirmations with their changes, for the client's data export (JSON-ready values)."""
    found: dict[int, list[dict]] = {}
    if not trip_ids:
        return found
    query = (
        select(ClinicConfirmation)
        .where(ClinicConfirmation.trip_id.in_(trip_ids))
        .options(selectinload(ClinicConfirmation.changes))
        .order_by(ClinicConfirmation.id)
    )
    for c in db.session.scalars(query):
        found.setdefault(c.trip_id, []).append(
            {
                "appointment": key_of(c),
                "state": c.state,
                "asked_at": _moment(c.asked_at),
                "asked_to": c.asked_to,
                "confirmed_start": _moment(c.confirmed_start),
                "confirmed_by": c.confirmed_by,
                "reference": c.reference,
                "alternative": c.alternative,
                "alternative_start": _moment(c.alternative_start),
                "changes": [
                    {"from": ch.from_state, "to": ch.to_state, "by_user_id": ch.user_id, "at": _moment(ch.at)}
                    for ch in c.changes
                ],
            }
        )
    return found


def erase(trip_ids) -> None:
    """Delete the confirmations of these trips (a select of ids) and their changes, in the caller's transaction."""
    ids = select(ClinicConfirmation.id).where(ClinicConfirmation.trip_id.in_(trip_ids))
    options = {"synchronize_session": False}
    db.session.execute(
        delete(ConfirmationChange).where(ConfirmationChange.confirmation_id.in_(ids)), execution_options=options
    )
    db.session.execute(
        delete(ClinicConfirmation).where(ClinicConfirmation.trip_id.in_(trip_ids)), execution_options=options
    )


def _moment(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
