"""The job of ``flask refresh-plans``: re-plan the stored trips after a catalog update, a chunk per job."""

from __future__ import annotations

from planner.clock import utcnow
from planner.extensions import db
from planner.jobs.queue import Sent, enqueue
from planner.services.planning import trip_changes


def refresh_trips(first_id: int, last_id: int) -> tuple[int, int]:
    """Re-plan the trips with ids ``first_id``–``last_id`` (one commit); (trips, changed). Idempotent."""
    return trip_changes.refresh_trips(first_id, last_id, utcnow())


def enqueue_refresh(size: int = trip_changes.BATCH) -> list[tuple[tuple[int, int], Sent]]:
    """One ``refresh_trips`` job per chunk of ``size`` trips: each chunk's id range and what became of its job."""
    chunks = trip_changes.refresh_chunks(size)
    db.session.commit()  # end the read: on SQLite an open transaction holds the write lock the jobs need
    return [(chunk, enqueue(refresh_trips, *chunk, key=f"refresh-plans-{chunk[0]}-{chunk[1]}")) for chunk in chunks]
