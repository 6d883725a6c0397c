"""Quotes: a trip's priced offer (lines, fee or markup, discount, tax) and its statuses.

Money is ``Decimal`` only, rounded to the currency's minor unit. It imports ``model`` only.
"""

from __future__ import annotations

from planner.core.quote.status import STATUSES, TRANSITIONS, can_move, status_after_payment
from planner.core.quote.totals import QuoteTerms, QuoteTotals, balance_of, quote_totals

__all__ = [
    "STATUSES",
    "TRANSITIONS",
    "QuoteTerms",
    "QuoteTotals",
    "balance_of",
    "can_move",
    "quote_totals",
    "status_after_payment",
]
