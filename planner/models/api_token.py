"""Personal API tokens: a facilitator's bearer credentials for /api/v1/ (only their hash is stored)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow


class ApiToken(db.Model):
    """A named token a facilitator made on their account page or with ``flask api-token``."""

    __tablename__ = "api_tokens"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the facilitator the token acts as; every API query is scoped by it
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: what the facilitator called it ("CRM sync")
    name: Mapped[str] = mapped_column(String(80))
    #: sha256 of the token (never the token)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: a read-only token may only read: every write answers 403
    read_only: Mapped[bool] = mapped_column(Boolean, default=False)
    #: when it was made
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: the last request it authenticated (written once a minute at most)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    #: when it was revoked; a revoked token answers 401
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
