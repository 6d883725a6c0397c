"""The invitation email: the one-time link that lets someone join an agency with a role.

The link's token is made when the message is built (``LETTERS["invitation"]``) and only its hash
replaces the invitation's, so the raw token exists in the message alone, never in a record or a log.
It speaks the inviting owner's language; the invited person has no preference yet.
"""

from __future__ import annotations

from datetime import datetime

from flask import current_app, url_for
from sqlalchemy import select

from planner.extensions import db
from planner.i18n import words_for
from planner.models import Invitation, MailRecord, User
from planner.services.accounts.tokens import new_token
from planner.services.mail.letters import Letter


class NoInvitation(LookupError):
    """The invitation was used or withdrawn before its message was sent: nothing to send."""


def send_invitation(invitation: Invitation, now: datetime) -> MailRecord:
    """Queue the invitation's email (the record holds the address and a subject, never the link)."""
    from planner.jobs.mail import queue_message

    inviter = db.session.get(User, invitation.invited_by) if invitation.invited_by else None
    words = words_for(inviter.language if inviter else None)
    subject = words.gettext("You are invited to join %(agency)s on the planner", agency=_agency_name(invitation))
    return queue_message(
        owner_id=invitation.agency_id, to=invitation.email, subject=subject, kind="invitation", now=now
    )


def _agency_name(invitation: Invitation) -> str:
    from planner.models import Agency

    agency = db.session.get(Agency, invitation.agency_id)
    return agency.name if agency else ""


def invitation_letter(record: MailRecord) -> Letter:
    """The message of an invitation record, with a fresh one-time link (the old one stops working)."""
    invitation = db.session.scalar(
        select(Invitation)
        .where(
            Invitation.agency_id == record.owner_id,
            Invitation.email == record.recipient,
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
        )
        .order_by(Invitation.id.desc())
    )
    if invitation is None:
        raise NoInvitation(record.id)
    token, token_hash = new_token()
    invitation.token_hash = token_hash
    inviter = db.session.get(User, invitation.invited_by) if invitation.invited_by else None
    words = words_for(inviter.language if inviter else None)
    _ = words.gettext
    base = current_app.config["PLANNER_BASE_URL"].rstrip("/")
    with current_app.test_request_context():
        link = base + url_for("agency.join", token=token)
    lines = [
        _("You are invited to join %(agency)s on the planner.", agency=_agency_name(invitation)),
        _(
            "Open this link to make your account (it works once, until %(day)s):",
            day=words.date(invitation.expires_at.date(), "long"),
        ),
        link,
    ]
    return Letter(text="\n\n".join(lines) + "\n")
