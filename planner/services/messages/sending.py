"""Preview, queue and list a trip's messages to its client (the trip page and the API call these)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from planner.extensions import db
from planner.jobs.mail import queue_message
from planner.models import MailRecord, Trip
from planner.services.messages import letters
from planner.services.messages.letters import KINDS, NO_CHANGES, MessageProblem

#: how many of a trip's messages its page lists
RECENT = 10


@dataclass(frozen=True)
class Preview:
    """What a message would say, as the facilitator checks it before sending (in the client's language)."""

    kind: str
    #: the address, or None with ``problem`` saying why there is none
    to: str | None
    subject: str
    text: str
    lang: str
    attachments: tuple[str, ...]
    #: why it cannot be sent (no email address, nothing changed); None when it can
    problem: MessageProblem | None = None


def preview(trip: Trip, kind: str) -> Preview:
    """The message of ``kind`` about ``trip`` as it would be sent (the plan's link is made only when sent)."""
    words = letters.client_words(trip)
    try:
        to, problem = letters.recipient(trip), None
    except MessageProblem as refused:
        to, problem = None, refused
    if problem is None and kind == "changes" and not letters.changes_to_tell(trip):
        problem = MessageProblem(NO_CHANGES, "kind")
    text = letters.body(kind, trip, words, None).text()
    return Preview(kind, to, letters.subject(kind, words), text, words.lang, letters.attachment_names(kind), problem)


def send(trip: Trip, kind: str, now: datetime) -> MailRecord:
    """Queue the message (sent at once without Redis); MessageProblem when it cannot be sent, nothing written."""
    if kind not in KINDS:
        raise MessageProblem(letters.N_("This kind of message cannot be sent: %(kind)s"), "kind", kind=kind[:40])
    found = preview(trip, kind)
    if found.problem is not None:
        raise found.problem
    return queue_message(
        owner_id=trip.owner_id,
        client_id=trip.client_id,
        trip_id=trip.id,
        to=found.to,
        subject=found.subject,
        kind=kind,
        now=now,
    )


def recent(owner_id: int, trip_id: int, limit: int = RECENT) -> list[MailRecord]:
    """The trip's latest messages of the owner, newest first."""
    query = (
        select(MailRecord)
        .where(MailRecord.owner_id == owner_id, MailRecord.trip_id == trip_id)
        .order_by(MailRecord.created_at.desc(), MailRecord.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def owned_message(owner_id: int, trip_id: int, message_id: int) -> MailRecord | None:
    """One of the owner's messages about that trip; None if not theirs."""
    return db.session.scalar(
        select(MailRecord).where(
            MailRecord.id == message_id, MailRecord.owner_id == owner_id, MailRecord.trip_id == trip_id
        )
    )
