"""Agencies: the team a facilitator works in, and the one-time invitations that bring members in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow

#: what a member may do (planner.services.accounts.roles says what each allows)
ROLES = ("owner", "coordinator", "finance", "viewer")
_ROLE_CHECK = "role IN ('owner', 'coordinator', 'finance', 'viewer')"


class Agency(db.Model):
    """A medical-travel agency: it owns the clients, trips, clinics and feeds its members work on."""

    __tablename__ = "agencies"

    #: primary key; every owned row's ``owner_id`` points here
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the agency's name, shown to its members
    name: Mapped[str] = mapped_column(String(120))
    #: whether coordinators see every client, or only those assigned to them (the owner decides)
    coordinators_see_all: Mapped[bool] = mapped_column(Boolean, default=False)
    #: when the agency was made
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Invitation(db.Model):
    """A one-time link that lets one email address join an agency with a role."""

    __tablename__ = "agency_invitations"
    __table_args__ = (CheckConstraint(_ROLE_CHECK, name="role"),)

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the agency the link joins
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    #: the invited address, lower-cased: only an account with it can be made from the link
    email: Mapped[str] = mapped_column(String(254))
    #: the role the new member gets
    role: Mapped[str] = mapped_column(String(16))
    #: sha256 of the link's token (never the token)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: the owner who invited
    invited_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    #: when it was made
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: the link stops working then
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: when it was used (a used link never works again)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: when the owner withdrew it
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
