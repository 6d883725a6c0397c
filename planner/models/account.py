"""Facilitator accounts."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow


class User(UserMixin, db.Model):
    """A medical-travel facilitator who logs in."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('owner', 'coordinator', 'finance', 'viewer')", name="role"),)

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: login name, stored lower-cased
    email: Mapped[str] = mapped_column(String(254), unique=True)
    #: scrypt/argon2 hash, never the password
    password_hash: Mapped[str] = mapped_column(String(255))
    #: shown in the interface
    display_name: Mapped[str] = mapped_column(String(120), default="")
    #: random value kept in the session; replacing it revokes every session (logout, password change)
    session_token: Mapped[str] = mapped_column(String(64))
    #: sha256 of the current password-reset token, if one was issued
    reset_token_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    #: when the reset token stops working
    reset_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: the facilitator's interface language (one of planner.i18n.LOCALES), None: the browser's
    language: Mapped[str | None] = mapped_column(String(16), default=None)
    #: when the account was created
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: the agency the facilitator works in; everything they see is scoped by it
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    #: what they may do there (planner.models.agency.ROLES)
    role: Mapped[str] = mapped_column(String(16), default="owner")
    #: when an owner removed them from the agency: they can no longer log in
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    agency = relationship("Agency", lazy="joined")

    def get_id(self) -> str:
        """Flask-Login's session id: the user id and the session token, so rotation revokes."""
        return f"{self.id}:{self.session_token}"
