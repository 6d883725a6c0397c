"""Clinic confirmations: for each appointment of a trip, whether the clinic was asked, and its answer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow

#: not asked (no row) → asked → confirmed or declined (planner.services.workspace.confirmations.TRANSITIONS)
CONFIRMATION_STATES = ("not_asked", "asked", "confirmed", "declined")


class ClinicConfirmation(db.Model):
    """Where one appointment (protocol, step, occurrence, as a Pin) stands with its clinic."""

    __tablename__ = "clinic_confirmations"
    __table_args__ = (
        UniqueConstraint("trip_id", "protocol", "step", "occurrence"),
        CheckConstraint(f"state IN {CONFIRMATION_STATES!r}", name="state"),
    )

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the trip
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), index=True)
    #: protocol id of the treatment
    protocol: Mapped[str] = mapped_column(String(80))
    #: step id within the protocol
    step: Mapped[str] = mapped_column(String(80))
    #: which occurrence of the step, from 1
    occurrence: Mapped[int] = mapped_column(Integer)
    #: one of CONFIRMATION_STATES
    state: Mapped[str] = mapped_column(String(16), default="not_asked")
    #: when the clinic was (last) asked
    asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: whom the facilitator asked (a name, an address, a messenger handle: free text)
    asked_to: Mapped[str] = mapped_column(String(200), default="")
    #: the time the clinic confirmed (also pinned), in UTC
    confirmed_start: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: who confirmed at the clinic
    confirmed_by: Mapped[str] = mapped_column(String(200), default="")
    #: the clinic's reference number
    reference: Mapped[str] = mapped_column(String(100), default="")
    #: what the clinic offered instead when it declined (free text)
    alternative: Mapped[str] = mapped_column(String(500), default="")
    #: the time the clinic proposed instead, if it gave one (UTC)
    alternative_start: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: the facilitator account that made the last change
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    #: when the last change was made
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    changes = relationship(
        "ConfirmationChange",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(ConfirmationChange.at, ConfirmationChange.id)",
    )


class ConfirmationChange(db.Model):
    """One change of a confirmation's state: who (the facilitator's account) and when (the audit trail)."""

    __tablename__ = "clinic_confirmation_changes"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the confirmation it changed
    confirmation_id: Mapped[int] = mapped_column(ForeignKey("clinic_confirmations.id", ondelete="CASCADE"), index=True)
    #: the state before and after
    from_state: Mapped[str] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    #: the facilitator account that made it
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    #: when
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
