"""A trip's history of changes: which appointment moved, from when to when, and who moved it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.extensions import db
from planner.models.base import UTCDateTime

CHANGE_KINDS = ("added", "moved", "removed")
#: why the plan moved: someone edited the trip (its request, pins, a fix), or the catalog changed
CHANGE_CAUSES = ("edit", "catalog")


class TripChange(db.Model):
    """One appointment that appeared, moved or left a trip's plan; written with the change, never edited."""

    __tablename__ = "trip_changes"
    __table_args__ = (
        Index("ix_trip_changes_trip_at", "trip_id", "at"),
        CheckConstraint("kind IN ('added', 'moved', 'removed')", name="kind"),
        CheckConstraint("cause IN ('edit', 'catalog')", name="cause"),
    )

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the trip whose plan changed
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"))
    #: when the change was made (UTC)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: who made it: the trip's facilitator; None for a patient's own edit or a catalog update
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    #: "edit" (someone changed the trip) or "catalog" (a catalog update re-planned it)
    cause: Mapped[str] = mapped_column(String(16))
    #: "added", "moved" or "removed"
    kind: Mapped[str] = mapped_column(String(16))
    #: the appointment's key within the plan (which appointment it is, across changes)
    key: Mapped[str] = mapped_column(String(200))
    #: the appointment's title as the plan named it then (full: the client's own page shows it)
    title: Mapped[str] = mapped_column(String(300))
    #: the IANA zone the times are read in (the clinic's, or home for a video follow-up)
    timezone: Mapped[str] = mapped_column(String(64))
    #: the start before the change (UTC); None when the appointment is new
    before: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: the start after the change (UTC); None when it left the plan
    after: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    by = relationship("User")
