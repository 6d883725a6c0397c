"""A facilitator's own protocols and clinics, stored as catalog-shaped documents."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planner.extensions import db
from planner.models.base import UTCDateTime, utcnow


class CustomProtocol(db.Model):
    """A protocol a facilitator copied from the catalog and edited (same schema as the TOML)."""

    __tablename__ = "custom_protocols"
    __table_args__ = (UniqueConstraint("owner_id", "protocol_id"),)

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the agency that owns it
    owner_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    #: the protocol id used in trips (unique per owner)
    protocol_id: Mapped[str] = mapped_column(String(80))
    #: the protocol as a catalog-shaped dict (validated with the catalog's parser)
    document: Mapped[dict] = mapped_column(JSON)
    #: last edit
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class CustomClinic(db.Model):
    """A clinic a facilitator added (same schema as the TOML)."""

    __tablename__ = "custom_clinics"
    __table_args__ = (UniqueConstraint("owner_id", "clinic_id"),)

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the agency that owns it
    owner_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    #: the clinic id used in trips (unique per owner)
    clinic_id: Mapped[str] = mapped_column(String(80))
    #: the clinic as a catalog-shaped dict (validated with the catalog's parser)
    document: Mapped[dict] = mapped_column(JSON)
    #: last edit
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
