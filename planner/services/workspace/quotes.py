"""A trip's quote: made from the plan's budget, edited into new versions (the old ones stay as they
were), sent to the client and accepted on the shared page. Amounts stay ``Decimal`` in the quote's
currency; another currency is only shown, converted with the catalog's dated rate table. What the client
reads of it (the current version, its totals and balance) is planner/services/documents/quote_view.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from planner.core.model import Rates, quantize
from planner.core.quote import QuoteTerms, can_move, quote_totals
from planner.core.quote.status import EDITABLE
from planner.extensions import db
from planner.i18n import Words
from planner.models import Quote, QuoteLine, ShareLink, Trip
from planner.services.accounts.tokens import hash_token
from planner.services.documents.quote_view import current_quote
from planner.services.planning.custom_catalog import catalog_for
from planner.services.planning.revisions import planned_trip
from planner.services.workspace.quote_history import note
from planner.services.workspace.sharing import client_link_trip

#: how long a new quote may be accepted
VALID_FOR = timedelta(days=30)


class QuoteError(ValueError):
    """A change the quote's status or terms refuse: ``field`` names what, ``reason`` is a code."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class QuoteEdit:
    """What the facilitator sets in one version: the lines (label, price) and the terms."""

    lines: tuple[tuple[str, Decimal], ...]
    currency: str
    fee: Decimal = Decimal(0)
    markup_percent: Decimal = Decimal(0)
    discount: Decimal = Decimal(0)
    tax_percent: Decimal = Decimal(0)
    deposit: Decimal = Decimal(0)
    valid_until: date | None = None
    balance_due_on: date | None = None


def currencies(owner_id: int) -> tuple[str, ...]:
    """The currencies a quote may be in: those of the owner's dated rate table."""
    return catalog_for(owner_id).rates.currencies


def rates_for(owner_id: int) -> Rates:
    """The owner's dated rate table (for showing a quote in another currency)."""
    return catalog_for(owner_id).rates


def quote_versions(trip_id: int) -> list[Quote]:
    """Every version of the trip's quote, newest first."""
    return list(db.session.scalars(select(Quote).where(Quote.trip_id == trip_id).order_by(Quote.version.desc())))


def converted(amount: Decimal, source: str, target: str, rates: Rates) -> Decimal | None:
    """``amount`` shown in ``target`` with the dated table, or None if the table lacks either currency."""
    try:
        return quantize(rates.convert(amount, source, target), target)
    except ValueError:
        return None


def quote_from_budget(trip: Trip, words: Words, today: date, now: datetime, *, user_id: int | None) -> Quote:
    """A new version made from the plan's budget: each line at its typical price, valid for 30 days."""
    planned = planned_trip(trip, words=words)
    if planned is None:
        raise QuoteError("budget", "no_plan")
    budget = planned.budget
    edit = QuoteEdit(
        lines=tuple((line.label[:200], line.amount.typical) for line in budget.lines),
        currency=budget.currency,
        valid_until=today + VALID_FOR,
    )
    return _new_version(trip, edit, "estimate", now, user_id, codes=[line.code for line in budget.lines])


def save_version(trip: Trip, edit: QuoteEdit, now: datetime, *, user_id: int | None) -> Quote:
    """The edited quote as a new version (keeping the current one's status); a quote already accepted,
    paid or cancelled is not edited."""
    current = current_quote(trip.id)
    if current is not None and current.status not in EDITABLE:
        raise QuoteError("status", "not_editable")
    if edit.currency not in currencies(trip.owner_id):
        raise QuoteError("currency", "unknown")
    try:
        quote_totals([amount for _, amount in edit.lines], _edit_terms(edit))
    except ValueError as error:
        raise QuoteError(str(error).split(":")[0], "invalid") from None
    return _new_version(trip, edit, current.status if current is not None else "estimate", now, user_id)


def move(quote: Quote, target: str, *, user_id: int | None, now: datetime) -> None:
    """Move the quote to ``target`` if the status table allows it (recorded as ``user_id``'s change)."""
    if not can_move(quote.status, target):
        raise QuoteError("status", "not_allowed")
    quote.status = target
    note(quote, "status_moved", user_id=user_id, now=now)
    db.session.commit()


def accept(token: str, version: int, today: date, now: datetime) -> str | None:
    """The client accepts the quote on the shared page: "accepted", "already" (idempotent), "expired",
    "stale" (a newer version was made), "not_open"; None when the link is dead."""
    trip = client_link_trip(token, now)
    if trip is None:
        return None
    if db.session.scalar(select(ShareLink.hide_costs).where(ShareLink.token_hash == hash_token(token))):
        return "not_open"  # a link that hides costs shows no quote, so it accepts none
    quote = current_quote(trip.id)
    if quote is None or quote.version != version:
        return "stale" if quote is not None else "not_open"
    if quote.accepted_at is not None:
        return "already"
    if quote.status != "quoted":
        return "not_open"
    if quote.valid_until is not None and quote.valid_until < today:
        return "expired"
    quote.status = "accepted"
    quote.accepted_at = now
    note(quote, "client_accepted", user_id=None, now=now)
    db.session.commit()
    return "accepted"


def _new_version(trip: Trip, edit: QuoteEdit, status: str, now: datetime, user_id: int | None, codes=None) -> Quote:
    last = db.session.scalar(select(func.max(Quote.version)).where(Quote.trip_id == trip.id)) or 0
    quote = Quote(
        trip_id=trip.id,
        version=last + 1,
        status=status,
        currency=edit.currency,
        fee=edit.fee,
        markup_percent=edit.markup_percent,
        discount=edit.discount,
        tax_percent=edit.tax_percent,
        deposit=edit.deposit,
        valid_until=edit.valid_until,
        balance_due_on=edit.balance_due_on,
        created_at=now,
    )
    quote.lines = [
        QuoteLine(
            position=i, code=(codes[i] if codes else "custom"), label=label, amount=quantize(amount, edit.currency)
        )
        for i, (label, amount) in enumerate(edit.lines)
    ]
    db.session.add(quote)
    note(quote, "version_made", user_id=user_id, now=now)
    db.session.commit()
    return quote


def _edit_terms(edit: QuoteEdit) -> QuoteTerms:
    return QuoteTerms(edit.currency, edit.fee, edit.markup_percent, edit.discount, edit.tax_percent)
