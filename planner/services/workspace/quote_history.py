"""Who changed a trip's quote, what and when: each version made, status moved, the client's acceptance
and each payment recorded (the quote and payment services write the rows in their own commit)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from planner.extensions import db
from planner.models import Quote, QuoteChange, User


def note(quote: Quote, code: str, *, user_id: int | None, now: datetime, amount: Decimal | None = None) -> QuoteChange:
    """Add (uncommitted) the row of one change of ``quote``, its status as it now is."""
    change = QuoteChange(
        trip_id=quote.trip_id,
        version=quote.version,
        code=code,
        status=quote.status,
        amount=amount,
        currency=quote.currency if amount is not None else "",
        user_id=user_id,
        at=now,
    )
    db.session.add(change)
    return change


def changes_of(trip_id: int, limit: int | None = None) -> list[QuoteChange]:
    """The trip's quote changes, newest first (the newest ``limit`` when given)."""
    query = select(QuoteChange).where(QuoteChange.trip_id == trip_id)
    query = query.order_by(QuoteChange.at.desc(), QuoteChange.id.desc()).limit(limit)
    return list(db.session.scalars(query))


@dataclass(frozen=True)
class ShownChange:
    """A change as the trip page shows it: the row and who made it (None: the client, or a deleted account)."""

    change: QuoteChange
    by: User | None


def shown_changes(trip_id: int, limit: int = 20) -> list[ShownChange]:
    """The newest ``limit`` changes with their accounts (one query for the accounts)."""
    rows = changes_of(trip_id, limit)
    ids = {row.user_id for row in rows if row.user_id is not None}
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}
    return [ShownChange(row, users.get(row.user_id)) for row in rows]
