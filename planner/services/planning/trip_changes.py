"""One place for "a trip changed": its calendar revisions and its stored plan summary move together.

Every service that changes a trip's request, pins or status calls ``trip_changed`` after the
edit and before its commit, so the summary the workspace lists read (planner/models/summary.py)
is never older than the trip. After a catalog update ``refresh_trips`` re-plans the trips in
chunks of ids (``refresh_chunks``; the background job of ``flask refresh-plans``): it moves their
calendar revisions and rewrites the summaries that differ, so running it twice changes nothing more.
Comparing the stored summary with the new plan gives the trip's history of changes
(planner/models/change.py): which appointment appeared, moved or left, when, and who did it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import selectinload

from planner.extensions import db
from planner.i18n import ENGLISH
from planner.models import Trip, TripAppointment, TripChange
from planner.services.accounts.acting import acting_user_id
from planner.services.planning.custom_catalog import catalog_for
from planner.services.planning.plans import PlannedTrip, worded
from planner.services.planning.revisions import planned_trip, record_revisions

#: trips re-planned per chunk (one job, one commit) by ``flask refresh-plans``
BATCH = 200


def trip_changed(trip: Trip, planned: PlannedTrip | None, now: datetime) -> None:
    """Record the trip's event revisions and store its plan summary; flushes, never commits.

    ``planned`` is the trip's new plan when the caller has it, else None to compute it.
    """
    db.session.flush()
    # what the database keeps (titles, problems, revisions) is in English, whatever the request's language
    planned = _english(planned) if planned is not None else planned_trip(trip, words=ENGLISH)
    record_revisions(trip, planned.plan if planned is not None else None, now)
    # the member (or API token) acting now; None: the patient on their own page, or the command line
    store_summary(trip, planned, now, by_user_id=acting_user_id() if trip.owner_id is not None else None, cause="edit")


def store_summary(
    trip: Trip, planned: PlannedTrip | None, now: datetime, *, by_user_id: int | None, cause: str
) -> None:
    """Replace the trip's stored appointments and problems with those of ``planned`` (None: unplannable).

    What moved against the stored appointments goes into the trip's history, as made at ``now``
    by ``by_user_id`` (None: the patient or nobody) for ``cause`` ("edit" or "catalog").
    An unplannable trip records nothing: its appointments are not known to have moved.
    """
    if planned is not None:
        planned = _english(planned)
        record_changes(trip, planned, now, by_user_id=by_user_id, cause=cause)
    db.session.execute(delete(TripAppointment).where(TripAppointment.trip_id == trip.id))
    if planned is None:
        trip.problems = [UNPLANNABLE]
    else:
        trip.problems = _stored_problems(planned)
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


def refresh_chunks(size: int = BATCH) -> list[tuple[int, int]]:
    """The trips' ids in ranges of ``size`` trips (first id, last id), in order."""
    ids = list(db.session.scalars(select(Trip.id).order_by(Trip.id)))
    return [(ids[start], ids[min(start + size, len(ids)) - 1]) for start in range(0, len(ids), size)]


def _summary_of(planned: PlannedTrip | None) -> tuple[list, frozenset]:
    """The problems and appointment rows ``store_summary`` would write for ``planned``."""
    if planned is None:
        return [UNPLANNABLE], frozenset()
    rows = frozenset(
        (a.key, a.title[:300], a.start.astimezone(UTC), a.end.astimezone(UTC), a.timezone, a.pinned)
        for a in planned.plan.appointments
    )
    return _stored_problems(planned), rows


def _english(planned: PlannedTrip) -> PlannedTrip:
    return worded(planned, ENGLISH)


def _stored_problems(planned: PlannedTrip) -> list[dict]:
    """The problems as the database keeps them: each notice's code and values (worded again in the
    reader's language by ``stored_problem_text``), with its English sentence for whoever reads the row.

    The dashboard lists them without planning the trip again (and ``_summary_of`` compares them).
    """
    return [
        {
            "code": p.code,
            "text": p.text,
            "params": p.params,
            "fix": p.fix,
            "protocol": p.protocol,
            "step": p.step,
            "message": p.message,
        }
        for p in _english(planned).plan.problems
    ]


#: a trip that no longer plans (its protocol or clinic left the catalog)
UNPLANNABLE = {"code": "unplannable", "message": "The trip no longer fits the catalog: open it and edit the request."}


def refresh_trips(first_id: int, last_id: int, now: datetime) -> tuple[int, int]:
    """Re-plan the trips with ids from ``first_id`` to ``last_id``; commits once; returns (trips, changed).

    A trip's calendar revisions move where its events changed (a catalog update can move them
    without any edit), and its summary is rewritten only when it differs from the new plan's, so a
    second run over the same catalog writes nothing.
    """
    trips = list(
        db.session.scalars(
            select(Trip)
            .where(Trip.id >= first_id, Trip.id <= last_id)
            .order_by(Trip.id)
            .options(selectinload(Trip.pins), selectinload(Trip.revisions))
        )
    )
    stored: dict[int, set] = {trip.id: set() for trip in trips}
    for row in db.session.scalars(select(TripAppointment).where(TripAppointment.trip_id.in_(list(stored)))):
        stored[row.trip_id].add((row.key, row.title, row.start, row.end, row.timezone, row.pinned))
    catalogs: dict = {}
    changed = 0
    for trip in trips:
        if trip.owner_id not in catalogs:
            catalogs[trip.owner_id] = catalog_for(trip.owner_id)
        planned = planned_trip(trip, catalogs[trip.owner_id], words=ENGLISH)
        moved = record_revisions(trip, planned.plan if planned is not None else None, now)
        problems, rows = _summary_of(planned)
        if list(trip.problems or []) != problems or stored[trip.id] != rows:
            store_summary(trip, planned, now, by_user_id=None, cause="catalog")
            moved = True
        changed += moved
    db.session.commit()
    return len(trips), changed
