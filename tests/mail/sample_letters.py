"""A letter builder for the mail tests (the message kinds of issue 13 bring their own)."""

from __future__ import annotations

from planner.models.mail import MailRecord
from planner.services.mail.letters import Attachment, Letter

#: a calendar and a PDF-like file, with bytes that survive only an exact transfer
ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//planner//test//EN\r\nEND:VCALENDAR\r\n"
PDF = b"%PDF-1.7\n" + bytes(range(256)) + b"\n%%EOF\n"


def sample(record: MailRecord) -> Letter:
    """Chinese text and HTML, an .ics and a PDF attached."""
    return Letter(
        text=f"您好！您的行程已准备好。\n记录 {record.id}\n",
        html=f"<p>您好！<b>您的行程</b>已准备好。</p><p>记录 {record.id}</p>",
        attachments=(
            Attachment("行程.ics", ICS, "text/calendar"),
            Attachment("itinerary.pdf", PDF, "application/pdf"),
        ),
    )
