"""A quote's totals: Σ lines + fee (a fixed amount and a markup on the lines) − discount + tax."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from planner.core.model import quantize

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class QuoteTerms:
    """What the facilitator sets on top of the lines, in the quote's currency (percentages as 0–100)."""

    currency: str
    fee: Decimal = Decimal(0)
    markup_percent: Decimal = Decimal(0)
    discount: Decimal = Decimal(0)
    tax_percent: Decimal = Decimal(0)


@dataclass(frozen=True)
class QuoteTotals:
    """Each part of a quote's total, every one rounded to the currency's minor unit."""

    currency: str
    lines: Decimal  # Σ of the lines
    fee: Decimal  # the fixed fee plus the markup on the lines
    discount: Decimal
    tax: Decimal  # on lines + fee − discount
    total: Decimal  # lines + fee − discount + tax


def quote_totals(amounts: Iterable[Decimal], terms: QuoteTerms) -> QuoteTotals:
    """The totals of a quote whose lines cost ``amounts``; a negative part or a discount larger than
    the lines and the fee is refused (ValueError naming the field)."""
    currency = terms.currency
    prices = [_decimal(a, "price") for a in amounts]
    for name in ("fee", "markup_percent", "discount", "tax_percent"):
        if _decimal(getattr(terms, name), name) < 0:
            raise ValueError(f"{name}: must not be negative")
    if any(p < 0 for p in prices):
        raise ValueError("price: must not be negative")
    lines = quantize(sum((quantize(p, currency) for p in prices), Decimal(0)), currency)
    fee = quantize(terms.fee, currency) + quantize(lines * terms.markup_percent / HUNDRED, currency)
    discount = quantize(terms.discount, currency)
    if discount > lines + fee:
        raise ValueError("discount: larger than the lines and the fee")
    tax = quantize((lines + fee - discount) * terms.tax_percent / HUNDRED, currency)
    return QuoteTotals(currency, lines, fee, discount, tax, lines + fee - discount + tax)


def balance_of(total: Decimal, paid: Iterable[Decimal], currency: str) -> Decimal:
    """What is left to pay (never below zero: an overpayment leaves nothing due)."""
    left = quantize(total, currency) - sum((quantize(_decimal(p, "amount"), currency) for p in paid), Decimal(0))
    return max(left, quantize(Decimal(0), currency))


def _decimal(value, name: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"{name}: money is a Decimal, got {type(value).__name__}")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"{name}: not a number")
    return value
