"""A client's data, all of it: export as JSON, or erase for good (trips, pins, links, feeds, revisions)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select

from planner.extensions import db
from planner.models import (
    ChecklistTick,
    Client,
    EventRevision,
    FeedToken,
    MailRecord,
    Pin,
    ReminderSubscription,
    SentReminder,
    ShareLink,
    Trip,
    TripAppointment,
    TripChange,
)
from planner.services.workspace import confirmations
from planner.services.workspace.privacy_quotes import erase_quotes, quote_changes_by_trip, quotes_by_trip

#: bump when the export's shape changes, so that a reader can tell versions apart (2: appointments, 3: changes,
#: 4: reminders, the client's nationality and the trips' checklist ticks, 5: quotes and payments, clinic
#: confirmations, 6: quote changes)
EXPORT_VERSION = 6
#: every table that holds a client's data, and its key in the export (a test walks the metadata for more)
EXPORTED_TABLES = {
    "clients": "client",
    "trips": "trips",
    "pins": "trips[].pins",
    "share_links": "trips[].links",
    "feed_tokens": "trips[].feeds",
    "event_revisions": "trips[].calendar_events",
    "trip_appointments": "trips[].appointments",
    "trip_changes": "trips[].changes",
    "mail_records": "messages",
    "reminder_subscriptions": "trips[].reminders",
    "sent_reminders": "trips[].reminders",  # each subscription's "sent"
    "trip_checklist_ticks": "trips[].checklist_ticks",
    "quotes": "trips[].quotes",
    "quote_lines": "trips[].quotes",  # each version's "lines"
    "payments": "trips[].quotes",  # each version's "payments"
    "clinic_confirmations": "trips[].confirmations",
    "clinic_confirmation_changes": "trips[].confirmations",  # each confirmation's "changes"
    "quote_changes": "trips[].quote_changes",
}


def owned_client(owner_id: int, client_id: int) -> Client | None:
    """One of the owner's clients, or None."""
    return db.session.scalar(select(Client).where(Client.id == client_id, Client.owner_id == owner_id))


def export_client(owner_id: int, client_id: int, now: datetime) -> dict | None:
    """Everything stored about one of the owner's clients as JSON-ready values (no token, not even hashed)."""
    client = owned_client(owner_id, client_id)
    if client is None:
        return None
    trips = db.session.scalars(select(Trip).where(Trip.client_id == client.id).order_by(Trip.id)).all()
    feeds = _feeds_by_trip([trip.id for trip in trips])
    appointments = _appointments_by_trip([trip.id for trip in trips])
    ticks = _ticks_by_trip([trip.id for trip in trips])
    quoted = quotes_by_trip([trip.id for trip in trips])
    quote_changes = quote_changes_by_trip([trip.id for trip in trips])
    answers = confirmations.exported([trip.id for trip in trips])
    return {
        "export_version": EXPORT_VERSION,
        "exported_at": _moment(now),
        "client": {
            "name": client.name,
            "contact": client.contact,
            "home_timezone": client.home_timezone,
            "language": client.language,
            "nationality": client.nationality,
            "notes": client.notes,
            "created_at": _moment(client.created_at),
            "updated_at": _moment(client.updated_at),
        },
        "trips": [
            _trip(trip, feeds.get(trip.id, []), appointments.get(trip.id, []))
            | {"reminders": _reminders(trip.id), "checklist_ticks": ticks.get(trip.id, [])}
            | {"quotes": quoted.get(trip.id, []), "confirmations": answers.get(trip.id, [])}
            | {"quote_changes": quote_changes.get(trip.id, [])}
            for trip in trips
        ],
        "messages": [_message(record) for record in _messages_of(client.id, [trip.id for trip in trips])],
    }


def _messages_of(client_id: int, trip_ids: list[int]) -> list[MailRecord]:
    """The messages to the client or about their trips: the same rows ``erase_client`` deletes."""
    sent = (MailRecord.client_id == client_id) | MailRecord.trip_id.in_(trip_ids)
    return list(db.session.scalars(select(MailRecord).where(sent).order_by(MailRecord.id)))


def _message(record: MailRecord) -> dict:
    """What was sent to the client: to whom, about what, when, and whether it arrived (no body is kept)."""
    return {
        "to": record.recipient,
        "subject": record.subject,
        "kind": record.kind,
        "trip_id": record.trip_id,
        "status": record.status,
        "attempts": record.attempts,
        "error": record.error,
        "created_at": _moment(record.created_at),
        "sent_at": _moment(record.sent_at) if record.sent_at else None,
    }


def erase_client(owner_id: int, client_id: int) -> bool:
    """Delete one of the owner's clients and everything hanging from it; False if not theirs.

    Rows are deleted explicitly, children first, rather than left to ON DELETE CASCADE: the
    erasure must not depend on a database's foreign-key setting.
    """
    client = owned_client(owner_id, client_id)
    if client is None:
        return False
    trip_ids = select(Trip.id).where(Trip.client_id == client.id)
    erase_quotes(trip_ids)
    confirmations.erase(trip_ids)
    for model in (FeedToken, ShareLink, Pin, EventRevision, TripAppointment, TripChange, ChecklistTick):
        db.session.execute(
            delete(model).where(model.trip_id.in_(trip_ids)).execution_options(synchronize_session=False)
        )
    subscription_ids = select(ReminderSubscription.id).where(ReminderSubscription.trip_id.in_(trip_ids))
    db.session.execute(
        delete(SentReminder)
        .where(SentReminder.subscription_id.in_(subscription_ids))
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        delete(ReminderSubscription)
        .where(ReminderSubscription.trip_id.in_(trip_ids))
        .execution_options(synchronize_session=False)
    )
    sent = (MailRecord.client_id == client.id) | MailRecord.trip_id.in_(trip_ids)
    db.session.execute(delete(MailRecord).where(sent).execution_options(synchronize_session=False))
    db.session.execute(delete(Trip).where(Trip.client_id == client.id).execution_options(synchronize_session=False))
    db.session.execute(delete(Client).where(Client.id == client.id).execution_options(synchronize_session=False))
    db.session.commit()
    db.session.expunge_all()
    return True


def _feeds_by_trip(trip_ids: list[int]) -> dict[int, list[FeedToken]]:
    found: dict[int, list[FeedToken]] = {}
    if trip_ids:
        query = select(FeedToken).where(FeedToken.trip_id.in_(trip_ids)).order_by(FeedToken.id)
        for feed in db.session.scalars(query):
            found.setdefault(feed.trip_id, []).append(feed)
    return found


def _appointments_by_trip(trip_ids: list[int]) -> dict[int, list[TripAppointment]]:
    found: dict[int, list[TripAppointment]] = {}
    if trip_ids:
        query = select(TripAppointment).where(TripAppointment.trip_id.in_(trip_ids)).order_by(TripAppointment.start)
        for row in db.session.scalars(query):
            found.setdefault(row.trip_id, []).append(row)
    return found


def _ticks_by_trip(trip_ids: list[int]) -> dict[int, list[dict]]:
    """Each trip's ticked checklist items: the item's code and when it was ticked."""
    found: dict[int, list[dict]] = {}
    if trip_ids:
        query = select(ChecklistTick).where(ChecklistTick.trip_id.in_(trip_ids)).order_by(ChecklistTick.item)
        for row in db.session.scalars(query):
            found.setdefault(row.trip_id, []).append({"item": row.item, "ticked_at": _moment(row.ticked_at)})
    return found


def _trip(trip: Trip, feeds: list[FeedToken], appointments: list[TripAppointment]) -> dict:
    return {
        "uuid": trip.uuid,
        "title": trip.title,
        "status": trip.status,
        "scenario": trip.scenario,
        "discreet": trip.discreet,
        "created_at": _moment(trip.created_at),
        "updated_at": _moment(trip.updated_at),
        "calendar_changed_at": _moment(trip.calendar_changed_at),
        "client_seen": trip.client_seen,
        "client_seen_at": _moment(trip.client_seen_at),
        "pins": [
            {
                "protocol": p.protocol,
                "step": p.step,
                "occurrence": p.occurrence,
                "start": _moment(p.start),
                "created_at": _moment(p.created_at),
            }
            for p in trip.pins
        ],
        "links": [
            {
                "kind": link.kind,
                "hide_costs": link.hide_costs,
                "expires_at": _moment(link.expires_at),
                "revoked_at": _moment(link.revoked_at),
                "created_at": _moment(link.created_at),
            }
            for link in sorted(trip.links, key=lambda link: link.id)
        ],
        "feeds": [
            {"discreet": feed.discreet, "revoked_at": _moment(feed.revoked_at), "created_at": _moment(feed.created_at)}
            for feed in feeds
        ],
        "calendar_events": [
            {
                "key": r.event_key,
                "sequence": r.sequence,
                "changed_at": _moment(r.stamp),
                "removed_at": _moment(r.removed_at),
            }
            for r in sorted(trip.revisions, key=lambda r: r.event_key)
        ],
        "appointments": [
            {
                "key": a.key,
                "title": a.title,
                "start": _moment(a.start),
                "end": _moment(a.end),
                "timezone": a.timezone,
                "pinned": a.pinned,
            }
            for a in appointments
        ],
        "changes": [
            {
                "kind": c.kind,
                "key": c.key,
                "title": c.title,
                "timezone": c.timezone,
                "before": _moment(c.before),
                "after": _moment(c.after),
                "at": _moment(c.at),
                "cause": c.cause,
                "by_user": c.by_user_id is not None,
            }
            for c in trip.changes
        ],
    }


def _reminders(trip_id: int) -> list[dict]:
    """The trip's reminder subscriptions (the address is personal data) and the reminders each was sent."""
    query = select(ReminderSubscription).where(ReminderSubscription.trip_id == trip_id)
    query = query.order_by(ReminderSubscription.id)
    found = []
    for subscription in db.session.scalars(query):
        sent = db.session.scalars(
            select(SentReminder).where(SentReminder.subscription_id == subscription.id).order_by(SentReminder.id)
        )
        found.append(
            {
                "email": subscription.email,
                "created_at": _moment(subscription.created_at),
                "stopped_at": _moment(subscription.stopped_at),
                "sent": [
                    {"code": r.code, "due_at": _moment(r.due_at), "claimed_at": _moment(r.created_at)} for r in sent
                ],
            }
        )
    return found


def _moment(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
