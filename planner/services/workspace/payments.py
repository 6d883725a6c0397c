"""Payments recorded by hand against a trip's quote (no card is processed), and the balances due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from planner.core.quote import status_after_payment
from planner.core.quote.status import PAYABLE
from planner.extensions import db
from planner.models import Payment, Quote, Trip
from planner.services.documents.quote_view import balance, current_quote
from planner.services.workspace.quote_history import note
from planner.services.workspace.quotes import QuoteError
from planner.services.workspace.scope import trip_scope

METHODS = ("transfer", "cash", "card", "other")


def record_payment(
    quote: Quote,
    amount: Decimal,
    currency: str,
    paid_on: date,
    method: str,
    reference: str,
    now: datetime,
    *,
    user_id: int | None,
) -> Payment:
    """Record a deposit or payment in the quote's currency; the quote moves to deposit paid, or to paid
    when nothing is left to pay (recorded as ``user_id``'s change)."""
    if quote.status not in PAYABLE:
        raise QuoteError("status", "not_payable")
    if currency != quote.currency:
        raise QuoteError("currency", "not_the_quotes")
    if not amount.is_finite() or amount <= 0:
        raise QuoteError("amount", "invalid")
    if method not in METHODS:
        raise QuoteError("method", "unknown")
    payment = Payment(
        amount=amount, currency=currency, paid_on=paid_on, method=method, reference=reference, recorded_at=now
    )
    quote.payments.append(payment)
    db.session.flush()
    quote.status = status_after_payment(quote.status, balance(quote))
    note(quote, "payment_recorded", user_id=user_id, now=now, amount=amount)
    db.session.commit()
    return payment


@dataclass(frozen=True)
class BalanceDue:
    """A trip whose accepted quote still has something to pay."""

    trip: Trip
    quote: Quote
    balance: Decimal
    due_on: date | None
    overdue: bool


def balances_due(owner_id: int, today: date, limit: int = 50, coordinator_id: int | None = None) -> list[BalanceDue]:
    """The owner's accepted quotes with a balance left, by due date (undated last); overdue when the due
    date is before ``today``. Only each trip's current version counts."""
    query = (
        select(Quote, Trip)
        .join(Trip, Trip.id == Quote.trip_id)
        .where(*trip_scope(owner_id, coordinator_id), Quote.status.in_(PAYABLE))
        .options(selectinload(Quote.lines), selectinload(Quote.payments), selectinload(Trip.client))
        .order_by(Quote.balance_due_on.is_(None), Quote.balance_due_on, Quote.id)
    )
    found = []
    for quote, trip in db.session.execute(query):
        if current_quote(trip.id).id != quote.id:
            continue
        left = balance(quote)
        if left > 0:
            overdue = quote.balance_due_on is not None and quote.balance_due_on < today
            found.append(BalanceDue(trip, quote, left, quote.balance_due_on, overdue))
        if len(found) >= limit:
            break
    return found


def current_quotes(owner_id: int, limit: int = 50, coordinator_id: int | None = None) -> list[tuple[Quote, Trip]]:
    """Each trip's current quote (its newest version), newest first: finance's way to every quote."""
    newest = select(Quote.trip_id, func.max(Quote.version).label("version")).group_by(Quote.trip_id).subquery()
    query = (
        select(Quote, Trip)
        .join(newest, (newest.c.trip_id == Quote.trip_id) & (newest.c.version == Quote.version))
        .join(Trip, Trip.id == Quote.trip_id)
        .where(*trip_scope(owner_id, coordinator_id))
        .options(selectinload(Quote.lines), selectinload(Quote.payments), selectinload(Trip.client))
        .order_by(Quote.created_at.desc(), Quote.id.desc())
        .limit(limit)
    )
    return [(quote, trip) for quote, trip in db.session.execute(query)]
