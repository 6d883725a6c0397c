"""What the workspace lists need of a trip's plan, stored when the trip changes (derived, never edited).

The plan is recomputed from the trip on every trip page; the dashboard and the client list look
at every trip of a facilitator, so they read this summary instead, written in the same
transaction as each change (planner/services/trip_changes.py). ``flask refresh-plans``
rewrites it after a catalog update.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from planner.extensions import db
from planner.models.base import UTCDateTime
from planner.models.trip import Trip


class TripAppointment(db.Model):
    """One appointment of a trip's current plan, as the workspace lists show it."""

    __tablename__ = "trip_appointments"
    __table_args__ = (
        Index("ix_trip_appointments_owner_start", "owner_id", "start"),
        Index("ix_trip_appointments_client_start", "client_id", "start"),
    )

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the trip whose plan holds it
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), index=True)
    #: the trip's agency (copied from the trip, for the dashboard's index)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"))
    #: the trip's client (copied from the trip, for the client list's "next appointment")
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    #: the appointment's key within the plan
    key: Mapped[str] = mapped_column(String(200))
    #: its title (full, not discreet: only the facilitator sees it)
    title: Mapped[str] = mapped_column(String(300))
    #: start, stored in UTC
    start: Mapped[datetime] = mapped_column(UTCDateTime())
    #: end, stored in UTC
    end: Mapped[datetime] = mapped_column(UTCDateTime())
    #: the IANA zone it happens in (the clinic's, or home for a remote follow-up)
    timezone: Mapped[str] = mapped_column(String(64))
    #: the clinic confirmed this time
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)


# the dashboard's "trips with problems" and "waiting for the clinic" read these indexes
Index("ix_trips_owner_problem_count", Trip.owner_id, Trip.problem_count)
Index("ix_trips_owner_status", Trip.owner_id, Trip.status)
