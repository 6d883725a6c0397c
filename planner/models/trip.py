"""Trips, their pinned appointments, share links, calendar feeds and event revisions."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow

TRIP_STATUSES = ("draft", "proposed", "confirmed", "completed", "cancelled", "archived")
#: statuses whose appointments leave calendar feeds and the dashboard (the trip itself is kept)
SET_ASIDE = ("cancelled", "archived")


class Trip(db.Model):
    """A planned trip: the request (as the JSON scenario) plus pins; the plan is recomputed."""

    __tablename__ = "trips"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: public, stable identity used in calendar UIDs
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    #: the agency that owns it; None for a patient's own trip (reached by its private link)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    #: the facilitator's client this trip is for
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    #: a short name ("Knee, spring 2027")
    title: Mapped[str] = mapped_column(String(200), default="")
    #: draft → proposed → confirmed → completed, or cancelled; completed and cancelled trips may be archived
    status: Mapped[str] = mapped_column(String(16), default="draft")
    #: the trip request in the scenario JSON format of the CLI (pins excluded: see Pin)
    scenario: Mapped[dict] = mapped_column(JSON)
    #: calendar titles without treatment words
    discreet: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the language the trip is shown in (one of planner.i18n.LOCALES): a client's trip follows the
    #: client's language; a patient's saved trip keeps the one it was planned in; None: English
    language: Mapped[str | None] = mapped_column(String(16), default=None)
    #: when the trip was created
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: last edit of the request, pins or status
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    #: last change of any calendar event, removals included (the feeds' Last-Modified)
    calendar_changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: appointments as the client last saw them (key → start ISO), for "what changed"
    client_seen: Mapped[dict | None] = mapped_column(JSON, default=None)
    #: when the client last opened the share link
    client_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: the current plan's problems in plain words (derived: see planner/services/trip_changes.py)
    problems: Mapped[list] = mapped_column(JSON, default=list)
    #: len(problems), indexed for the dashboard's "trips with problems"
    problem_count: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (CheckConstraint(f"status IN {TRIP_STATUSES!r}", name="status"),)

    client = relationship("Client", back_populates="trips")

    @property
    def shown_language(self) -> str:
        """The locale the trip's client reads it in: a client's trip, the client's language (it wins
        whatever the facilitator's own); a patient's saved trip, the one it was planned in; else English."""
        from planner.i18n import DEFAULT_LOCALE, normalize

        chosen = self.client.language if self.client is not None else self.language
        return normalize(chosen) or DEFAULT_LOCALE

    pins = relationship(
        "Pin", back_populates="trip", cascade="all, delete-orphan", passive_deletes=True, order_by="Pin.id"
    )
    links = relationship("ShareLink", back_populates="trip", cascade="all, delete-orphan", passive_deletes=True)
    revisions = relationship("EventRevision", back_populates="trip", cascade="all, delete-orphan", passive_deletes=True)
    confirmations = relationship("ClinicConfirmation", cascade="all, delete-orphan", passive_deletes=True)
    changes = relationship(
        "TripChange", cascade="all, delete-orphan", passive_deletes=True, order_by="(TripChange.at, TripChange.id)"
    )


class Pin(db.Model):
    """An appointment the clinic confirmed at a real time: a fixed point when re-planning."""

    __tablename__ = "pins"
    __table_args__ = (UniqueConstraint("trip_id", "protocol", "step", "occurrence"),)

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
    #: the confirmed start, stored in UTC
    start: Mapped[datetime] = mapped_column(UTCDateTime())
    #: when it was pinned
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    trip = relationship("Trip", back_populates="pins")


class ShareLink(db.Model):
    """A secret link to one trip: "private" (the patient's own, can edit) or "client" (read-only)."""

    __tablename__ = "share_links"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the trip it opens
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), index=True)
    #: "private" or "client"
    kind: Mapped[str] = mapped_column(String(16))
    #: sha256 of the token; the token itself is shown once and never stored
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: hide the budget (for a companion)
    hide_costs: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the link stops working after this time, if set
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: the link was revoked at this time
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: when it was made
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (CheckConstraint("kind IN ('private', 'client')", name="kind"),)

    trip = relationship("Trip", back_populates="links")


class FeedToken(db.Model):
    """A secret calendar-subscription URL: one trip's feed or a facilitator's all-clients feed."""

    __tablename__ = "feed_tokens"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: sha256 of the token in the URL
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: the trip, for a per-trip feed
    trip_id: Mapped[int | None] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), index=True)
    #: the agency, for an all-clients feed
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    #: the member who made it: an all-clients feed speaks their language
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    #: titles without treatment words
    discreet: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the feed was revoked at this time
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: when it was made
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (CheckConstraint("(trip_id IS NULL) <> (owner_id IS NULL)", name="one_target"),)


class EventRevision(db.Model):
    """What a calendar event looked like when last rendered, for SEQUENCE and DTSTAMP."""

    __tablename__ = "event_revisions"
    __table_args__ = (UniqueConstraint("trip_id", "event_key"),)

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the trip
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), index=True)
    #: the event's key within the trip (the UID without prefix and host)
    event_key: Mapped[str] = mapped_column(String(200))
    #: hash of what makes SEQUENCE rise (time, date, place, status, title)
    fingerprint: Mapped[str] = mapped_column(String(64))
    #: RFC 5545 SEQUENCE
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    #: DTSTAMP: when the event last changed
    stamp: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: set when the event left the plan (it is then gone from the feed)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    trip = relationship("Trip", back_populates="revisions")
