"""The trip's current quote as the client reads it, on the shared page and in the PDF itinerary.

Only a quote sent to the client shows: never a draft (estimate) nor a cancelled one, and never on a
link that hides costs (the caller's rule, as for the budget). It reads only: making, editing and
moving quotes is planner/services/workspace/quotes.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from planner.core.model import quantize
from planner.core.quote import QuoteTerms, QuoteTotals, balance_of, quote_totals
from planner.extensions import db
from planner.models import Quote, Trip


@dataclass(frozen=True)
class ClientQuote:
    """What the client is shown of a quote: the version, its totals and whether it may be accepted."""

    quote: Quote
    totals: QuoteTotals
    paid: Decimal
    balance: Decimal
    expired: bool


def current_quote(trip_id: int) -> Quote | None:
    """The trip's latest quote version, or None."""
    return db.session.scalar(select(Quote).where(Quote.trip_id == trip_id).order_by(Quote.version.desc()).limit(1))


def totals_of(quote: Quote) -> QuoteTotals:
    """The quote's totals (lines + fee − discount + tax)."""
    return quote_totals([line.amount for line in quote.lines], terms_of(quote))


def paid_of(quote: Quote) -> Decimal:
    """Σ of the payments recorded against the quote."""
    return quantize(sum((p.amount for p in quote.payments), Decimal(0)), quote.currency)


def balance(quote: Quote) -> Decimal:
    """What is left to pay on the quote."""
    return balance_of(totals_of(quote).total, [p.amount for p in quote.payments], quote.currency)


def client_quote(trip: Trip, today: date) -> ClientQuote | None:
    """The current quote as the client sees it; None while it is a draft (estimate) or cancelled."""
    quote = current_quote(trip.id)
    if quote is None or quote.status in ("estimate", "cancelled"):
        return None
    expired = quote.valid_until is not None and quote.valid_until < today
    return ClientQuote(quote, totals_of(quote), paid_of(quote), balance(quote), expired)


def terms_of(quote: Quote) -> QuoteTerms:
    """The quote's terms, as the totals read them."""
    return QuoteTerms(quote.currency, quote.fee, quote.markup_percent, quote.discount, quote.tax_percent)
