"""A client's quotes, payments and quote changes in the data export, and their erasure (privacy.py calls
both)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from planner.extensions import db
from planner.models import Payment, Quote, QuoteChange, QuoteLine


def quotes_by_trip(trip_ids: list[int]) -> dict[int, list[dict]]:
    """Every version of each trip's quote with its lines and payments, amounts as decimal strings."""
    found: dict[int, list[dict]] = {}
    if not trip_ids:
        return found
    query = (
        select(Quote)
        .where(Quote.trip_id.in_(trip_ids))
        .options(selectinload(Quote.lines), selectinload(Quote.payments))
        .order_by(Quote.trip_id, Quote.version)
    )
    for quote in db.session.scalars(query):
        found.setdefault(quote.trip_id, []).append(
            {
                "version": quote.version,
                "status": quote.status,
                "currency": quote.currency,
                **{
                    name: str(getattr(quote, name))
                    for name in ("fee", "markup_percent", "discount", "tax_percent", "deposit")
                },
                "valid_until": _day(quote.valid_until),
                "balance_due_on": _day(quote.balance_due_on),
                "created_at": quote.created_at.isoformat(),
                "accepted_at": quote.accepted_at.isoformat() if quote.accepted_at else None,
                "lines": [{"code": li.code, "label": li.label, "amount": str(li.amount)} for li in quote.lines],
                "payments": [
                    {
                        "amount": str(p.amount),
                        "currency": p.currency,
                        "paid_on": p.paid_on.isoformat(),
                        "method": p.method,
                        "reference": p.reference,
                        "recorded_at": p.recorded_at.isoformat(),
                    }
                    for p in quote.payments
                ],
            }
        )
    return found


def quote_changes_by_trip(trip_ids: list[int]) -> dict[int, list[dict]]:
    """Each trip's quote changes, oldest first: what, on which version, by the facilitator or the client."""
    found: dict[int, list[dict]] = {}
    if not trip_ids:
        return found
    query = select(QuoteChange).where(QuoteChange.trip_id.in_(trip_ids)).order_by(QuoteChange.at, QuoteChange.id)
    for change in db.session.scalars(query):
        found.setdefault(change.trip_id, []).append(
            {
                "version": change.version,
                "code": change.code,
                "status": change.status,
                "amount": str(change.amount) if change.amount is not None else None,
                "currency": change.currency,
                "by": "client" if change.code == "client_accepted" else "facilitator",
                "at": change.at.isoformat(),
            }
        )
    return found


def erase_quotes(trip_ids) -> None:
    """Delete the quotes of ``trip_ids`` (a select of trip ids), their lines, payments and changes, children
    first."""
    db.session.execute(
        delete(QuoteChange).where(QuoteChange.trip_id.in_(trip_ids)).execution_options(synchronize_session=False)
    )
    quote_ids = select(Quote.id).where(Quote.trip_id.in_(trip_ids))
    for model in (Payment, QuoteLine):
        db.session.execute(
            delete(model).where(model.quote_id.in_(quote_ids)).execution_options(synchronize_session=False)
        )
    db.session.execute(delete(Quote).where(Quote.trip_id.in_(trip_ids)).execution_options(synchronize_session=False))


def _day(value) -> str | None:
    return value.isoformat() if value is not None else None
