"""The workspace's audit log: who did what and when, never what the data said."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow


class AuditEntry(db.Model):
    """One security-relevant act on a facilitator's account or one of their clients."""

    __tablename__ = "audit_entries"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the facilitator whose account this happened on (only they see the entry)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: what happened: one of planner.services.accounts.audit.ACTIONS
    action: Mapped[str] = mapped_column(String(32))
    #: the client it concerned, if any; a plain number (no foreign key) so an erasure's entry outlives the client
    client_id: Mapped[int | None] = mapped_column(Integer, default=None)
    #: the address the request came from
    address: Mapped[str] = mapped_column(String(45), default="")
    #: when it happened
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
