"""Send the reminders that are due: ``flask --app planner send-reminders``, or this job on a schedule.

Each due reminder is claimed (its unique key inserted with its MailRecord, in one transaction) and
its message queued after that commit, so several workers running at once send each reminder once;
running it again sends nothing more (docs/deployment.md, "Reminders").
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.clock import utcnow
from planner.jobs.mail import send_message
from planner.jobs.queue import JobFailed, enqueue
from planner.services.reminders.sending import claim, due_reminders


@dataclass(frozen=True)
class Swept:
    """What one run did: reminders found due, and those this run claimed and queued."""

    due: int
    queued: int


def send_due_reminders() -> Swept:
    """Claim and queue every reminder due now (the app's clock); a job a scheduler can run."""
    now = utcnow()
    found = due_reminders(now)
    queued = 0
    for due in found:
        record_id = claim(due, now)
        if record_id is None:  # another worker claimed it, or it was stopped meanwhile
            continue
        queued += 1
        try:
            enqueue(send_message, record_id, key=f"mail-{record_id}")
        except JobFailed:  # inline, and every try failed: the record says so
            pass
    return Swept(len(found), queued)
