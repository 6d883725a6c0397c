"""One place for "a trip changed": its calendar revisions and its stored plan summary move together.

Every service that changes a trip's request, pins or status calls ``trip_changed`` after the
edit and before its commit, so the summary the workspace lists read (planner/models/summary.py)
is never older than the trip. ``refresh_all`` rewrites every summary (after a catalog update).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import selectinload

from planner.extensions import db
from planner.models import Trip, TripAppointment
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
    store_summary(trip, planned)


def store_summary(trip: Trip, planned: PlannedTrip | None) -> None:
    """Replace the trip's stored appointments and problems with those of ``planned`` (None: unplannable)."""
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


def refresh_all() -> int:
    """Recompute the stored summary of every trip (plans follow the current catalog); returns the count."""
    ids = list(db.session.scalars(select(Trip.id).order_by(Trip.id)))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        trips = db.session.scalars(select(Trip).where(Trip.id.in_(batch)).options(selectinload(Trip.pins)))
        for trip in trips:
            store_summary(trip, planned_trip(trip))
        db.session.commit()
        db.session.expunge_all()
    return len(ids)
