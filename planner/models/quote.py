"""Quotes (versioned: an edit makes a new version, the old ones stay as they were), their lines, the
payments recorded against them by hand, and who changed what when. Amounts are ``Decimal`` in the
quote's currency."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.core.quote import STATUSES
from planner.extensions import db
from planner.models.base import Money, UTCDateTime, utcnow

#: what a quote change records: a version made, a status moved by the facilitator, the client's
#: acceptance on the shared page, a payment recorded
QUOTE_CHANGE_CODES = ("version_made", "status_moved", "client_accepted", "payment_recorded")


class Quote(db.Model):
    """One version of a trip's quote; the highest version is the current one."""

    __tablename__ = "quotes"
    __table_args__ = (
        UniqueConstraint("trip_id", "version"),
        CheckConstraint(f"status IN {STATUSES!r}", name="status"),
    )

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the trip
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), index=True)
    #: 1, 2, … per trip
    version: Mapped[int] = mapped_column(Integer)
    #: planner.core.quote.STATUSES
    status: Mapped[str] = mapped_column(String(16), default="estimate")
    #: ISO 4217 code of every amount of the quote and its payments
    currency: Mapped[str] = mapped_column(String(3))
    #: the agency's fixed fee
    fee: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    #: the agency's markup on the lines, in percent
    markup_percent: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    #: a discount off the lines and the fee
    discount: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    #: the tax on lines + fee − discount, in percent
    tax_percent: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    #: the deposit asked to confirm
    deposit: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    #: the last day the client may accept it
    valid_until: Mapped[date | None] = mapped_column(Date, default=None)
    #: the day the balance is due
    balance_due_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    #: when this version was made
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: when the client accepted it on the shared page
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    lines = relationship("QuoteLine", cascade="all, delete-orphan", passive_deletes=True, order_by="QuoteLine.position")
    payments = relationship(
        "Payment", cascade="all, delete-orphan", passive_deletes=True, order_by="(Payment.paid_on, Payment.id)"
    )


class QuoteLine(db.Model):
    """One priced line of a quote (from a budget line, or added by the facilitator)."""

    __tablename__ = "quote_lines"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the quote version
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
    #: its place in the quote
    position: Mapped[int] = mapped_column(Integer)
    #: the budget line's code ("treatment", "lodging", …) or "custom"
    code: Mapped[str] = mapped_column(String(40), default="custom")
    #: what is priced, as the facilitator wrote it
    label: Mapped[str] = mapped_column(String(200))
    #: the price in the quote's currency
    amount: Mapped[Decimal] = mapped_column(Money())


class Payment(db.Model):
    """A deposit or payment recorded by hand (no card is processed)."""

    __tablename__ = "payments"

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the quote version it pays
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
    #: the amount, in ``currency`` (the quote's)
    amount: Mapped[Decimal] = mapped_column(Money())
    #: ISO 4217 code
    currency: Mapped[str] = mapped_column(String(3))
    #: the day it was paid
    paid_on: Mapped[date] = mapped_column(Date)
    #: "transfer", "cash", "card", "other"
    method: Mapped[str] = mapped_column(String(16))
    #: the bank's or the receipt's reference
    reference: Mapped[str] = mapped_column(String(100), default="")
    #: when it was recorded
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class QuoteChange(db.Model):
    """One change of a trip's quote: who (the facilitator's account, or none for the client), what, when."""

    __tablename__ = "quote_changes"
    __table_args__ = (CheckConstraint(f"code IN {QUOTE_CHANGE_CODES!r}", name="code"),)

    #: primary key
    id: Mapped[int] = mapped_column(primary_key=True)
    #: the trip (the history outlives no trip, and spans every version)
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"), index=True)
    #: the quote version changed
    version: Mapped[int] = mapped_column(Integer)
    #: one of QUOTE_CHANGE_CODES
    code: Mapped[str] = mapped_column(String(24))
    #: the quote's status after the change
    status: Mapped[str] = mapped_column(String(16))
    #: the payment's amount (payment_recorded only), in ``currency``
    amount: Mapped[Decimal | None] = mapped_column(Money(), default=None)
    #: ISO 4217 code of ``amount``, "" without one
    currency: Mapped[str] = mapped_column(String(3), default="")
    #: the facilitator account that made it; None for the client (or an account since deleted)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), default=None)
    #: when
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
