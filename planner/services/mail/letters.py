"""What a message says (a Letter: plain text, HTML, attachments) and the EmailMessage made of it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime


@dataclass(frozen=True)
class Attachment:
    """A file sent with a message: its bytes, the name the client sees and its MIME type."""

    filename: str
    content: bytes
    mime_type: str  # "text/calendar", "application/pdf"


@dataclass(frozen=True)
class Letter:
    """The body of a message: the plain text every reader shows, an HTML alternative, attachments, extra headers."""

    text: str
    html: str | None = None
    attachments: tuple[Attachment, ...] = ()
    #: extra header fields, e.g. RFC 8058's List-Unsubscribe and List-Unsubscribe-Post
    headers: tuple[tuple[str, str], ...] = ()


def new_message_id(domain: str) -> str:
    """A fresh Message-ID at ``domain`` (random: it says nothing of the message or of when it was made)."""
    return f"<{secrets.token_hex(16)}@{domain}>"


def compose(*, sender: str, to: str, subject: str, letter: Letter, message_id: str, now: datetime) -> EmailMessage:
    """The message: text/plain, then text/html as its alternative when there is one, then the attachments."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    for name, value in letter.headers:
        message[name] = value
    message.set_content(letter.text)
    if letter.html is not None:
        message.add_alternative(letter.html, subtype="html")
    for attachment in letter.attachments:
        maintype, _, subtype = attachment.mime_type.partition("/")
        message.add_attachment(
            attachment.content, maintype=maintype, subtype=subtype or "octet-stream", filename=attachment.filename
        )
    return message
