"""The record of each message the planner sends: to whom, about which client and trip, and what became of it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow

MAIL_STATUSES = ("queued", "sent", "failed")
#: the longest error kept: the error's class and the server's reply code, never its text
ERROR_MAX = 200


class MailRecord(db.Model):
    """One message: written (queued) before it is sent, then marked sent or failed by the sending job.

    It holds no body: the job builds the message from the trip when it sends it, so no health
    detail is stored here. The subject is the discreet one the client sees.
    """

    __tablename__ = "mail_records"
    __table_args__ = (
        Index("ix_mail_records_client_created", "client_id", "created_at"),
        CheckConstraint("status IN ('queued', 'sent', 'failed')", name="status"),
    )

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the agency on whose behalf it is sent; every query is scoped by it
    owner_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    #: the client it was sent to or about; None for a message to the facilitator
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), default=None)
    #: the trip it is about, if any (kept as None when the trip is deleted)
    trip_id: Mapped[int | None] = mapped_column(ForeignKey("trips.id", ondelete="SET NULL"), index=True, default=None)
    #: the address it goes to
    recipient: Mapped[str] = mapped_column(String(254))
    #: the subject line as sent (discreet: no treatment names)
    subject: Mapped[str] = mapped_column(String(200))
    #: what it is ("plan", "changes", "reminder"…): which letter the job builds
    kind: Mapped[str] = mapped_column(String(40))
    #: the Message-ID header, the same on every try, so a server or a mailbox can drop a repeat
    message_id: Mapped[str] = mapped_column(String(200))
    #: "queued" (to send, or to try again), "sent" or "failed" (every try spent)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    #: how many times the job tried to send it
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: the last try's error: its class and the server's reply code ("SMTPRecipientsRefused 550"), no text
    error: Mapped[str | None] = mapped_column(String(ERROR_MAX), default=None)
    #: when it was queued
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: when the server took it (or the outbox file was written)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
