"""A message's record (written before it is sent) and its sending, the work of ``planner.jobs.mail``.

Each kind of message has a letter builder, ``LETTERS[kind] = "module:function"``: the function
takes the MailRecord and returns the Letter, built when the message is sent (so the record never
holds its body). The kinds of issue 13 register theirs here.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from datetime import datetime
from email.utils import parseaddr
from importlib import import_module

from flask import current_app

from planner.extensions import db
from planner.i18n import ENGLISH, Words
from planner.models.mail import ERROR_MAX, MailRecord
from planner.services.mail.letters import Letter, compose, new_message_id
from planner.services.mail.transport import configured_transport

#: kind → "module:function" building its Letter from the MailRecord
LETTERS: dict[str, str] = {
    "plan": "planner.services.messages.letters:plan_letter",
    "changes": "planner.services.messages.letters:changes_letter",
    "reminder": "planner.services.reminders.letters:reminder_letter",
    "invitation": "planner.services.messages.invitations:invitation_letter",
}


def N_(message: str) -> str:
    """Mark a message for translation; it is translated where it is shown (``MailError.said_in``)."""
    return message


NOT_AN_ADDRESS = N_("This is not an email address: %(address)s")
UNKNOWN_KIND = N_("This kind of message cannot be sent: %(kind)s")


class MailError(ValueError):
    """A message that cannot be queued (not one address, an unknown kind): English as a string, any language said_in."""

    def __init__(self, message: str, **values) -> None:
        self.message, self.values = message, values
        super().__init__(ENGLISH.gettext(message, **values))

    def said_in(self, words: Words) -> str:
        """The reason in the language of ``words`` (the facilitator's, in a view)."""
        return words.gettext(self.message, **self.values)


def letter_builder(kind: str) -> Callable[[MailRecord], Letter]:
    """The function that builds the letter of ``kind`` (a KeyError when the kind is unknown)."""
    module_name, _colon, name = LETTERS[kind].partition(":")
    return getattr(import_module(module_name), name)


def single_address(to: str) -> str:
    """``to`` trimmed when it is one email address (no name, no second address, no line break), else MailError."""
    address = (to or "").strip()
    parsed = parseaddr(address)[1]
    if parsed != address or address.count("@") != 1 or any(c in address for c in "\r\n,;<> \t"):
        raise MailError(NOT_AN_ADDRESS, address=address[:254])
    return address


def new_record(
    *,
    owner_id: int,
    to: str,
    subject: str,
    kind: str,
    now: datetime,
    client_id: int | None = None,
    trip_id: int | None = None,
) -> MailRecord:
    """A queued MailRecord, added to the session (not committed); MailError for a bad address or kind."""
    if kind not in LETTERS:
        raise MailError(UNKNOWN_KIND, kind=kind[:40])
    record = MailRecord(
        owner_id=owner_id,
        client_id=client_id,
        trip_id=trip_id,
        recipient=single_address(to),
        subject=" ".join(subject.split())[:200],
        kind=kind,
        message_id=new_message_id(current_app.config["PLANNER_HOST"]),
        created_at=now,
    )
    db.session.add(record)
    return record


def max_attempts() -> int:
    """The first try and one per retry interval (the job queue's retries)."""
    return len(current_app.config.get("PLANNER_JOB_RETRY_INTERVALS", (30, 120, 600))) + 1


def short_error(error: Exception) -> str:
    """What a record keeps of an error: its class, and an SMTP reply's code; never its text (an address, a name)."""
    name = type(error).__name__
    if isinstance(error, smtplib.SMTPResponseException):
        name = f"{name} {error.smtp_code}"
    return name[:ERROR_MAX]


def send_record(record_id: int, now: datetime) -> str:
    """Build and send a queued message, then mark it sent; idempotent: a sent one is not sent again.

    On failure the try is counted and the error kept (the record turns "failed" on the last try),
    then the error is raised again so that the job queue retries.
    """
    record = db.session.get(MailRecord, record_id)
    if record is None or record.status == "sent":  # deleted with its client, or sent by an earlier try
        return "gone" if record is None else "sent"
    try:
        letter = letter_builder(record.kind)(record)
        message = compose(
            sender=current_app.config["PLANNER_MAIL_FROM"],
            to=record.recipient,
            subject=record.subject,
            letter=letter,
            message_id=record.message_id,
            now=now,
        )
        configured_transport(now).deliver(message)
    except Exception as error:
        db.session.rollback()
        record = db.session.get(MailRecord, record_id)
        if record is None:  # deleted with its client while it was being sent
            raise
        record.attempts += 1
        record.error = short_error(error)
        record.status = "failed" if record.attempts >= max_attempts() else "queued"
        db.session.commit()
        if record.status == "failed":
            current_app.logger.warning("mail %d failed after %d tries: %s", record_id, record.attempts, record.error)
        raise
    record.attempts += 1
    record.status = "sent"
    record.error = None
    record.sent_at = now
    db.session.commit()
    return "sent"
