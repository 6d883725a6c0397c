"""A facilitator's clients (patients). Notes are health data."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow

#: the longest health notes a client may have (the form and the column hold the same bound)
NOTES_MAX = 10_000


class Client(db.Model):
    """A patient a facilitator plans trips for."""

    __tablename__ = "clients"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the facilitator who owns this client; every query is scoped by it
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: the client's name as the facilitator writes it
    name: Mapped[str] = mapped_column(String(200))
    #: email or phone, free text
    contact: Mapped[str] = mapped_column(String(200), default="")
    #: IANA zone of the client's home, for remote follow-ups
    home_timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    #: preferred language (BCP 47 tag)
    language: Mapped[str] = mapped_column(String(16), default="en")
    #: health notes: never in a calendar, never cached, never logged
    notes: Mapped[str] = mapped_column(String(NOTES_MAX), default="")
    #: when the client was added
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: last edit
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    trips = relationship("Trip", back_populates="client", cascade="all, delete-orphan", passive_deletes=True)
