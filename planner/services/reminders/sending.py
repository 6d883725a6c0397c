"""The reminders due now, and claiming one: its unique key and its MailRecord in one transaction.

Two workers that find the same due reminder both try to insert its key (``sent_reminders``, unique
per subscription and key) with the message's record; the database lets one commit, the other gets
an IntegrityError and moves on. ``planner.jobs.reminders`` then queues the claimed messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from planner.extensions import db
from planner.i18n import words_for
from planner.models import ReminderSubscription, SentReminder, Trip
from planner.models.trip import SET_ASIDE
from planner.services.mail.records import new_record
from planner.services.planning.revisions import planned_trip
from planner.services.reminders import rules


def N_(message: str) -> str:  # noqa: N802
    """Mark a message for translation; it is translated in the client's language when the reminder is claimed."""
    return message


KIND = "reminder"
#: trips whose reminders stop: set aside, or over
FINISHED = (*SET_ASIDE, "completed")
#: the subject line of each reminder: discreet (no treatment, no clinic)
SUBJECTS = {
    rules.FASTING: N_("Reminder: preparing for your appointment"),
    rules.PREPARATION: N_("Reminder: preparing for your appointment"),
    rules.VIDEO: N_("Reminder: your video appointment tomorrow"),
    rules.INTERPRETER: N_("Reminder: book your interpreter"),
    rules.VISA: N_("Reminder: your travel papers"),
}


@dataclass(frozen=True)
class Due:
    """A reminder due now for one subscription."""

    subscription_id: int
    reminder: rules.Reminder


def due_reminders(now: datetime) -> list[Due]:
    """Every reminder due at ``now`` (due, and what it reminds of not yet past) not claimed yet, by due time."""
    query = (
        select(ReminderSubscription)
        .join(Trip, Trip.id == ReminderSubscription.trip_id)
        .where(ReminderSubscription.stopped_at.is_(None), Trip.owner_id.is_not(None), Trip.status.not_in(FINISHED))
        .order_by(ReminderSubscription.trip_id, ReminderSubscription.id)
    )
    found: list[Due] = []
    planned: dict[int, tuple[rules.Reminder, ...]] = {}
    for subscription in db.session.scalars(query):
        trip = subscription.trip
        if trip.id not in planned:
            planned[trip.id] = _reminders_of(trip)
        keys = select(SentReminder.key).where(SentReminder.subscription_id == subscription.id)
        claimed = set(db.session.scalars(keys))
        found += [
            Due(subscription.id, reminder)
            for reminder in planned[trip.id]
            if reminder.due_at <= now < reminder.event_at and reminder.key not in claimed
        ]
    db.session.commit()  # end the read: on SQLite it holds the write lock another worker waits for
    return sorted(found, key=lambda due: (due.reminder.due_at, due.subscription_id, due.reminder.key))


def _reminders_of(trip: Trip) -> tuple[rules.Reminder, ...]:
    planned = planned_trip(trip)
    if planned is None:  # the trip no longer fits the catalog: nothing is reminded of until it does
        return ()
    return rules.trip_reminders(planned.plan, planned.request, planned.catalog, trip_key=trip.uuid)


def claim(due: Due, now: datetime) -> int | None:
    """Insert the reminder's key with its MailRecord and commit; the record's id, or None if it was claimed
    already (by another worker) or its subscription stopped meanwhile."""
    subscription = db.session.get(ReminderSubscription, due.subscription_id)
    if subscription is None or subscription.stopped_at is not None:
        db.session.rollback()
        return None
    trip = subscription.trip
    reminder = due.reminder
    words = words_for(trip.shown_language)
    record = new_record(
        owner_id=trip.owner_id,
        to=subscription.email,
        subject=words.gettext(SUBJECTS[reminder.code]),
        kind=KIND,
        now=now,
        client_id=trip.client_id,
        trip_id=trip.id,
    )
    db.session.flush()
    db.session.add(
        SentReminder(
            subscription_id=subscription.id,
            key=reminder.key,
            code=reminder.code,
            params=reminder.params,
            due_at=reminder.due_at,
            mail_record_id=record.id,
            created_at=now,
        )
    )
    try:
        db.session.commit()
    except IntegrityError:  # another worker inserted the same key first: it sends this one
        db.session.rollback()
        return None
    return record.id
