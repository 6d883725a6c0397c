"""Email in the background: ``queue_message`` records a message, commits, and enqueues ``send_message``.

Without Redis the job runs inline, in the call, after the commit; on RQ a worker runs it. Either
way a failed try is retried with the queue's backoff (PLANNER_JOB_RETRY_INTERVALS), and the
record says "failed", with the error's class, once every try is spent.
"""

from __future__ import annotations

from datetime import datetime

from planner.clock import utcnow
from planner.extensions import db
from planner.jobs.queue import JobFailed, enqueue
from planner.models.mail import MailRecord
from planner.services.mail.records import new_record, send_record


def send_message(record_id: int) -> str:
    """Build and send the message of a MailRecord, and mark it; "sent" (again, if it was) or "gone". Idempotent."""
    return send_record(record_id, utcnow())


def queue_message(
    *,
    owner_id: int,
    to: str,
    subject: str,
    kind: str,
    now: datetime,
    client_id: int | None = None,
    trip_id: int | None = None,
) -> MailRecord:
    """Record a message as queued, commit (with the caller's writes), then enqueue its sending.

    Without Redis it is sent here: the record returned already says "sent", or "failed" once every
    try failed. Raises MailError (nothing written) for an address or kind that cannot be sent.
    """
    record = new_record(
        owner_id=owner_id, to=to, subject=subject, kind=kind, now=now, client_id=client_id, trip_id=trip_id
    )
    db.session.commit()
    try:
        enqueue(send_message, record.id, key=f"mail-{record.id}")
    except JobFailed:  # inline, and every try failed: the record says so
        pass
    return record
