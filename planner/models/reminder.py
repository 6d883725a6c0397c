"""Reminders: a client's subscription to a trip's reminders, and each reminder claimed for sending."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow


class ReminderSubscription(db.Model):
    """An address that asked, on a trip's shared page, for the trip's reminders by email."""

    __tablename__ = "reminder_subscriptions"
    __table_args__ = (UniqueConstraint("trip_id", "email"),)

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the trip whose reminders it gets
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), index=True)
    #: where they go (personal data: exported and erased with the client)
    email: Mapped[str] = mapped_column(String(254))
    #: when it was asked for (again, after a stop)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: when the reminders were stopped (unsubscribe link, or the shared page); None: active
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    trip = relationship("Trip")


class SentReminder(db.Model):
    """A reminder claimed for one subscription: its unique key is inserted with its MailRecord, once."""

    __tablename__ = "sent_reminders"
    __table_args__ = (UniqueConstraint("subscription_id", "key"),)

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the subscription it is sent to
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("reminder_subscriptions.id", ondelete="CASCADE"), index=True
    )
    #: the reminder and occurrence: "<trip uuid>/<code>/<what>/<date>" (rules.Reminder.key)
    key: Mapped[str] = mapped_column(String(300))
    #: the reminder's code (rules.CODES)
    code: Mapped[str] = mapped_column(String(40))
    #: its values, for the letter (rules.Reminder.params)
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    #: when it was due
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: the message that carries it (None once that record is erased)
    mail_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("mail_records.id", ondelete="SET NULL"), index=True, default=None
    )
    #: sha256 of the unsubscribe token in the message (made when the letter is built; never the token)
    unsubscribe_hash: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    #: when it was claimed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    subscription = relationship("ReminderSubscription")
