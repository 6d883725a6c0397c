"""Agencies and their members: invite by a one-time link, join, change a role, remove.

An invitation's token is ``secrets.token_urlsafe(32)``, shown once (on the owner's page, in
the invitation email, or printed by ``flask invite``) and stored as its sha256. Removing a
member ends every session of theirs and revokes their API tokens in the same transaction;
their account stays, marked removed, so the history still names who changed what.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import delete, select, update

from planner.clock import utcnow
from planner.extensions import db
from planner.models import ApiToken, FeedToken, User
from planner.models.agency import ROLES, Agency, Invitation
from planner.models.session import LoginSession
from planner.services.accounts import audit
from planner.services.accounts.passwords import hash_password, password_problem
from planner.services.accounts.tokens import hash_token, new_token

#: how long an invitation link works
INVITATION_VALID_FOR = timedelta(days=7)
#: the longest agency name
NAME_MAX = 120


class MemberError(ValueError):
    """A refused change of the agency's members: ``field`` names the field, ``reason`` says why."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def new_agency(name: str, now: datetime | None = None) -> Agency:
    """A new agency (added to the session, not committed), named ``name``."""
    agency = Agency(name=name.strip()[:NAME_MAX] or "Agency", coordinators_see_all=False)
    if now is not None:
        agency.created_at = now
    db.session.add(agency)
    db.session.flush()
    return agency


def members(agency_id: int) -> list[User]:
    """The agency's current members, owners first, then by name."""
    query = select(User).where(User.agency_id == agency_id, User.removed_at.is_(None))
    rows = list(db.session.scalars(query.order_by(User.id)))
    return sorted(rows, key=lambda u: (ROLES.index(u.role), (u.display_name or u.email).casefold()))


def member(agency_id: int, user_id: int) -> User | None:
    """One current member of the agency, or None (another agency's account too)."""
    query = select(User).where(User.id == user_id, User.agency_id == agency_id, User.removed_at.is_(None))
    return db.session.scalar(query)


def coordinators(agency_id: int) -> list[User]:
    """The members a client can be assigned to (owners and coordinators)."""
    return [u for u in members(agency_id) if u.role in ("owner", "coordinator")]


def pending_invitations(agency_id: int, now: datetime) -> list[Invitation]:
    """Invitations not used, withdrawn or expired, newest first."""
    query = select(Invitation).where(
        Invitation.agency_id == agency_id,
        Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None),
        Invitation.expires_at > now,
    )
    return list(db.session.scalars(query.order_by(Invitation.id.desc())))


def invite(owner: User, email: str, role: str, now: datetime) -> tuple[Invitation, str]:
    """A one-time invitation for ``email`` to join the owner's agency as ``role``; returns it and its token."""
    email = email.strip().lower()  # as accounts store it (users.normalize_email, which imports this module)
    if role not in ROLES:
        raise MemberError("role", _("Choose one of the roles."))
    if "@" not in email or len(email) > 254:
        raise MemberError("email", _("Enter an email address, such as name@example.com."))
    taken = db.session.scalar(select(User.id).where(User.email == email))
    if taken is not None:
        raise MemberError("email", _("This email already has an account; each account belongs to one agency."))
    token, token_hash = new_token()
    invitation = Invitation(
        agency_id=owner.agency_id,
        email=email,
        role=role,
        token_hash=token_hash,
        invited_by=owner.id,
        created_at=now,
        expires_at=now + INVITATION_VALID_FOR,
    )
    db.session.add(invitation)
    db.session.flush()
    audit.record(owner.id, "member_invited")
    return invitation, token


def open_invitation(token: str, now: datetime) -> Invitation | None:
    """The invitation a link opens, if it is neither used, withdrawn nor expired."""
    row = db.session.scalar(select(Invitation).where(Invitation.token_hash == hash_token(token or "")))
    if row is None or row.accepted_at is not None or row.revoked_at is not None or row.expires_at <= now:
        return None
    return row


def accept(token: str, password: str, display_name: str, now: datetime) -> User:
    """Make the invited member's account from a link (used up at once); refusals name the field."""
    invitation = open_invitation(token, now)
    if invitation is None:
        raise MemberError("token", _("This invitation has expired or was already used; ask the agency for a new one."))
    problem = password_problem(password, invitation.email)
    if problem:
        raise MemberError("password", problem)
    if db.session.scalar(select(User.id).where(User.email == invitation.email)) is not None:
        raise MemberError("token", _("This email already has an account; each account belongs to one agency."))
    user = User(
        email=invitation.email,
        password_hash=hash_password(password),
        display_name=display_name.strip(),
        session_token=secrets.token_hex(32),
        agency_id=invitation.agency_id,
        role=invitation.role,
        created_at=now,
    )
    invitation.accepted_at = now
    db.session.add(user)
    db.session.flush()
    audit.record(user.id, "member_joined")
    return user


def withdraw(agency_id: int, invitation_id: int, now: datetime) -> bool:
    """Withdraw a pending invitation of the agency; False when there is none with that id."""
    row = db.session.scalar(select(Invitation).where(Invitation.id == invitation_id, Invitation.agency_id == agency_id))
    if row is None or row.accepted_at is not None:
        return False
    row.revoked_at = row.revoked_at or now
    return True


def _withdraw_invitations_of(user_id: int, now: datetime) -> None:
    """The pending invitations a member made stop working (they were removed, or are no longer an owner)."""
    db.session.execute(
        update(Invitation)
        .where(Invitation.invited_by == user_id, Invitation.accepted_at.is_(None), Invitation.revoked_at.is_(None))
        .values(revoked_at=now)
    )


def _other_owners(agency_id: int, user_id: int) -> int:
    return sum(1 for u in members(agency_id) if u.role == "owner" and u.id != user_id)


def set_role(owner: User, user_id: int, role: str, now: datetime | None = None) -> User:
    """Give a member another role; the last owner stays an owner; an owner no more withdraws their invitations."""
    target = member(owner.agency_id, user_id)
    if target is None:
        raise MemberError("member", _("There is no such member in your agency."))
    if role not in ROLES:
        raise MemberError("role", _("Choose one of the roles."))
    if target.role == "owner" and role != "owner" and _other_owners(owner.agency_id, target.id) == 0:
        raise MemberError("role", _("An agency needs an owner: make another member an owner first."))
    if target.role == "owner" and role != "owner":
        _withdraw_invitations_of(target.id, now or utcnow())
    target.role = role
    audit.record(owner.id, "member_role_changed")
    return target


def remove(owner: User, user_id: int, now: datetime) -> User:
    """Remove a member: their sessions end and their API tokens stop at once; their account is kept, removed."""
    target = member(owner.agency_id, user_id)
    if target is None:
        raise MemberError("member", _("There is no such member in your agency."))
    if target.id == owner.id:
        raise MemberError("remove", _("You cannot remove yourself; another owner can."))
    target.removed_at = now
    target.session_token = secrets.token_hex(32)
    target.reset_token_hash = None
    db.session.execute(delete(LoginSession).where(LoginSession.user_id == target.id))
    db.session.execute(
        update(ApiToken).where(ApiToken.user_id == target.id, ApiToken.revoked_at.is_(None)).values(revoked_at=now)
    )
    audit.record(owner.id, "member_removed")
    _withdraw_invitations_of(target.id, now)
    # their own all-clients calendars stop too; a trip's feed stays (it may be the client's own calendar)
    db.session.execute(
        update(FeedToken)
        .where(FeedToken.created_by == target.id, FeedToken.owner_id.is_not(None), FeedToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return target


def contact_for(trip) -> User | None:
    """Whom the client hears from about a trip: its client's coordinator, else the agency's first owner."""
    if trip.owner_id is None:
        return None
    coordinator_id = trip.client.coordinator_id if trip.client is not None else None
    if coordinator_id is not None:
        found = member(trip.owner_id, coordinator_id)
        if found is not None:
            return found
    owners = [u for u in members(trip.owner_id) if u.role == "owner"]
    return owners[0] if owners else None
