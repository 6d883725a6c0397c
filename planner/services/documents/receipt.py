"""A payment's receipt as a PDF for the client, in the client's language, laid out like the itinerary
(the same stylesheet and Noto fonts, WeasyPrint embedding what it uses)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from flask import render_template

from planner.core.model import quantize
from planner.core.quote import balance_of
from planner.i18n import Words
from planner.i18n.web import client_language
from planner.models import Payment, Quote, Trip
from planner.services.accounts.agencies import contact_for
from planner.services.documents.pdf import write_pdf
from planner.services.documents.quote_view import totals_of

#: the file name a download gets: it says nothing of the client or the treatment
FILENAME = "payment-receipt.pdf"


@dataclass(frozen=True)
class Receipt:
    """What the receipt shows: the payment, the quote it pays, what is left, and who received it."""

    trip: Trip
    quote: Quote
    payment: Payment
    total: Decimal
    paid_so_far: Decimal  # this payment and the ones recorded before it
    left: Decimal
    coordinator: tuple[str, str] | None
    made_at: datetime


def receipt_pdf(trip: Trip, quote: Quote, payment: Payment, *, words: Words, now: datetime) -> bytes:
    """The receipt of ``payment`` as PDF bytes in ``words``' language."""
    total = totals_of(quote).total
    before = [p.amount for p in quote.payments if (p.paid_on, p.id) <= (payment.paid_on, payment.id)]
    owner = contact_for(trip)
    shown = Receipt(
        trip=trip,
        quote=quote,
        payment=payment,
        total=total,
        paid_so_far=quantize(sum(before, Decimal(0)), quote.currency),
        left=balance_of(total, before, quote.currency),
        coordinator=(owner.display_name, owner.email) if owner is not None else None,
        made_at=now,
    )
    with client_language(words.locale):
        page = render_template("documents/receipt.html", doc=shown)
        style = render_template("documents/itinerary.css")
    return write_pdf(page, style)
