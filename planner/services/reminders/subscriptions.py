"""A client's reminders by email: asked for on the trip's shared page, stopped there or by a message's link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from planner.extensions import db
from planner.models import ReminderSubscription, SentReminder, Trip
from planner.services.accounts.tokens import hash_token
from planner.services.mail.records import single_address
from planner.services.workspace.sharing import client_link_trip


@dataclass(frozen=True)
class Reminders:
    """What the shared page says of the trip's reminders: the addresses they go to, masked (none: the form)."""

    addresses: tuple[str, ...]


def active_subscriptions(trip_id: int) -> list[ReminderSubscription]:
    """The trip's subscriptions that are not stopped, oldest first."""
    query = select(ReminderSubscription).where(
        ReminderSubscription.trip_id == trip_id, ReminderSubscription.stopped_at.is_(None)
    )
    return list(db.session.scalars(query.order_by(ReminderSubscription.id)))


def reminders_of(trip: Trip) -> Reminders:
    """The shared page's view of the trip's reminders."""
    return Reminders(tuple(masked(s.email) for s in active_subscriptions(trip.id)))


def masked(address: str) -> str:
    """An address as the shared page shows it to whoever holds the link: "l…@example.com"."""
    local, _at, domain = address.partition("@")
    return f"{local[:1]}…@{domain}"


def language_of_link(token: str, now: datetime) -> str | None:
    """The language of the trip behind a live client link (its client's), or None if the link is dead."""
    trip = client_link_trip(token, now)
    return trip.shown_language if trip is not None else None


def subscribe(token: str, email: str, now: datetime) -> bool | None:
    """Send the trip's reminders to ``email`` (again, if it had stopped); None if the link is dead.

    MailError for an address that is not one (the form checks it first).
    """
    trip = client_link_trip(token, now)
    if trip is None or trip.owner_id is None:
        return None
    address = single_address(email)
    same = (ReminderSubscription.trip_id == trip.id) & (ReminderSubscription.email == address)
    found = db.session.scalar(select(ReminderSubscription).where(same))
    if found is None:
        db.session.add(ReminderSubscription(trip_id=trip.id, email=address, created_at=now))
    elif found.stopped_at is not None:
        found.stopped_at, found.created_at = None, now
    db.session.commit()
    return True


def stop_for_trip(token: str, now: datetime) -> bool | None:
    """Stop every reminder of the trip behind a live client link (the shared page's button); None if dead."""
    trip = client_link_trip(token, now)
    if trip is None:
        return None
    for subscription in active_subscriptions(trip.id):
        subscription.stopped_at = now
    db.session.commit()
    return True


def subscription_of_token(token: str) -> ReminderSubscription | None:
    """The subscription a reminder's unsubscribe token belongs to (stopped or not), or None."""
    return db.session.scalar(
        select(ReminderSubscription)
        .join(SentReminder, SentReminder.subscription_id == ReminderSubscription.id)
        .where(SentReminder.unsubscribe_hash == hash_token(token))
    )


def unsubscribe(token: str, now: datetime) -> bool:
    """Stop the reminders of a message's unsubscribe token; idempotent; False for an unknown token."""
    subscription = subscription_of_token(token)
    if subscription is None:
        return False
    if subscription.stopped_at is None:
        subscription.stopped_at = now
        db.session.commit()
    return True
