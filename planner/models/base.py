"""Column helpers shared by the models."""

from __future__ import annotations

from datetime import UTC
from decimal import Decimal

from sqlalchemy import DateTime, Numeric
from sqlalchemy.types import TypeDecorator

from planner.clock import utcnow

__all__ = ["Money", "UTCDateTime", "utcnow"]


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on every database (SQLite drops the offset otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Money(TypeDecorator):
    """A ``Decimal`` amount, NUMERIC(18, 4) on every database, read back as a ``Decimal``.

    PostgreSQL stores and returns decimals natively. SQLite has no decimal type: the value travels as
    a float, exact for the amounts the forms accept (at most 14 significant digits), and is turned back
    into a ``Decimal`` of four places here (SQLAlchemy's own conversion there warns of rounding).
    """

    impl = Numeric(18, 4)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Numeric(18, 4, asdecimal=False))
        return dialect.type_descriptor(Numeric(18, 4))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money is a Decimal, never a float")
        return Decimal(value)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(repr(value) if isinstance(value, float) else value).quantize(Decimal("0.0001"))
