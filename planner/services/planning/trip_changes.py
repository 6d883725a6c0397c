"""One place for "a trip changed": its calendar revisions and its stored plan summary move together.

Every service that changes a trip's request, pins or status calls ``trip_changed`` after the
edit and before its commit, so the summary the workspace lists read (planner/models/summary.py)
is never older than the trip. ``refresh_all`` rewrites every summary (after a catalog update).
Comparing the stored summary with the new plan gives the trip's history of changes
(planner/models/change.py): which appointment appeared, moved or left, when, and who did it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import selectinload

from planner.extensions import db
from planner.models import Trip, TripAppointment, TripChange
from planner.services.planning.plans import PlannedTrip
from planner.services.planning.revisions import planned_trip, record_revisions

#: trips summarized per flush by ``refresh_all``
BATCH = 200


def trip_changed(trip: Trip, planned: PlannedTrip | None, now: datetime) -> None:
    """Record the trip's event revisions and store its plan summary; flushes, never commits.

    ``planned`` is the trip's new plan when the caller has it, else None to compute it.
    """
    db.session.flush()
    planned = planned or planned_trip(trip)
    record_revisions(trip, planned.plan if planned is not None else None, now)
    store_summary(trip, planned, now, by_user_id=trip.owner_id, cause="edit")


def store_summary(
    trip: Trip, planned: PlannedTrip | None, now: datetime, *, by_user_id: int | None, cause: str
) -> None:
    """Replace the trip's stored appointments and problems with those of ``planned`` (None: unplannable).

    What moved against the stored appointments goes into the trip's history, as made at ``now``
    by ``by_user_id`` (None: the patient or nobody) for ``cause`` ("edit" or "catalog").
    An unplannable trip records nothing: its appointments are not known to have moved.
    """
    if planned is not None:
        record_changes(trip, planned, now, by_user_id=by_user_id, cause=cause)
    db.session.execute(delete(TripAppointment).where(TripAppointment.trip_id == trip.id))
    if planned is None:
        trip.problems = ["The trip no longer fits the catalog: open it and edit the request."]
    else:
        trip.problems = [problem.message for problem in planned.plan.problems]
        rows = [
            {
                "trip_id": trip.id,
                "owner_id": trip.owner_id,
                "client_id": trip.client_id,
                "key": a.key,
                "title": a.title[:300],
                "start": a.start.astimezone(UTC),
                "end": a.end.astimezone(UTC),
                "timezone": a.timezone,
                "pinned": a.pinned,
            }
            for a in planned.plan.appointments
        ]
        if rows:
            db.session.execute(insert(TripAppointment), rows)
    trip.problem_count = len(trip.problems)
    db.session.flush()


def record_changes(trip: Trip, planned: PlannedTrip, now: datetime, *, by_user_id: int | None, cause: str) -> int:
    """Add to the trip's history each appointment that appeared, moved or left since the stored summary.

    Compares starts by instant, in plan order, then the appointments gone; returns how many were added.
    A trip's first plan (nothing stored, no history yet) is where the history starts, not a change.
    """
    stored = {
        row.key: row for row in db.session.scalars(select(TripAppointment).where(TripAppointment.trip_id == trip.id))
    }
    if not stored and not trip.changes:
        return 0
    entries = []
    for a in planned.plan.appointments:
        start = a.start.astimezone(UTC)
        old = stored.pop(a.key, None)
        if old is None:
            entries.append(("added", a.key, a.title, a.timezone, None, start))
        elif old.start.astimezone(UTC) != start:
            entries.append(("moved", a.key, a.title, a.timezone, old.start.astimezone(UTC), start))
    for key, old in stored.items():
        entries.append(("removed", key, old.title, old.timezone, old.start.astimezone(UTC), None))
    for kind, key, title, zone, before, after in entries:
        trip.changes.append(
            TripChange(
                at=now,
                by_user_id=by_user_id,
                cause=cause,
                kind=kind,
                key=key,
                title=title[:300],
                timezone=zone,
                before=before,
                after=after,
            )
        )
    return len(entries)


def refresh_all(now: datetime) -> int:
    """Recompute the stored summary of every trip (plans follow the current catalog); returns the count."""
    ids = list(db.session.scalars(select(Trip.id).order_by(Trip.id)))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        trips = db.session.scalars(select(Trip).where(Trip.id.in_(batch)).options(selectinload(Trip.pins)))
        for trip in trips:
            store_summary(trip, planned_trip(trip), now, by_user_id=None, cause="catalog")
        db.session.commit()
        db.session.expunge_all()
    return len(ids)
