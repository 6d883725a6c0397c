"""Login sessions: one row per logged-in browser, so each can be revoked on its own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow


class LoginSession(db.Model):
    """A browser that logged in; deleting the row logs that browser out (and only it)."""

    __tablename__ = "login_sessions"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the facilitator who logged in
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: sha256 of the random token kept in the browser's signed session cookie
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: when the browser logged in (the absolute lifetime counts from here)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: the last request seen from this browser (the idle timeout counts from here; updated once a minute at most)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
