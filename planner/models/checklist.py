"""The documents checklist's ticks: which items of a trip's checklist the facilitator has ticked off."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow


class ChecklistTick(db.Model):
    """One ticked item of a trip's documents checklist (the items themselves are derived, not stored)."""

    __tablename__ = "trip_checklist_ticks"
    __table_args__ = (UniqueConstraint("trip_id", "item"),)

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the trip
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), index=True)
    #: the item's code (planner.services.documents.rules.ITEM_CODES)
    item: Mapped[str] = mapped_column(String(40))
    #: when it was ticked
    ticked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
