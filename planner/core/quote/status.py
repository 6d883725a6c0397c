"""A quote's statuses and the moves between them: one pure table."""

from __future__ import annotations

from decimal import Decimal

#: estimate (the facilitator's draft) → quoted (the client sees it) → accepted → deposit paid → paid;
#: refunded after a payment, cancelled before the balance is paid
STATUSES = ("estimate", "quoted", "accepted", "deposit_paid", "paid", "refunded", "cancelled")

TRANSITIONS: dict[str, frozenset[str]] = {
    "estimate": frozenset({"quoted", "cancelled"}),
    "quoted": frozenset({"estimate", "accepted", "cancelled"}),
    "accepted": frozenset({"deposit_paid", "paid", "cancelled"}),
    "deposit_paid": frozenset({"paid", "refunded", "cancelled"}),
    "paid": frozenset({"refunded"}),
    "refunded": frozenset(),
    "cancelled": frozenset(),
}

#: statuses in which the facilitator may still change the prices (a new version)
EDITABLE = frozenset({"estimate", "quoted"})
#: statuses in which payments are recorded
PAYABLE = frozenset({"accepted", "deposit_paid"})


def can_move(current: str, target: str) -> bool:
    """Whether a quote in ``current`` may move to ``target``."""
    return target in TRANSITIONS.get(current, frozenset())


def status_after_payment(current: str, balance: Decimal) -> str:
    """The status a payment leaves: nothing left to pay → paid; otherwise deposit paid."""
    if current not in PAYABLE:
        raise ValueError(f"status: no payment is recorded on a quote that is {current}")
    return "paid" if balance <= 0 else "deposit_paid"
