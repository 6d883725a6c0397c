"""An interpreter is booked per day at a clinic, not per appointment.

FACTS prices an independent medical interpreter per session (US$100–300). A consultation and
the first acupuncture session back to back, or a fat harvest, the wait while the cells are
processed and the injection, are one day at one clinic with one interpreter: the budget charged
each appointment as a booking and overstated the line.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from budget_factories import acupuncture_plan, appointment, make_catalog, make_plan, make_request

from planner.core.model.protocol import StepKind
from planner.wording.budget import compute_budget


def _interpreter(plan):
    budget = compute_budget(plan, make_request(interpreter=True), make_catalog())
    (line,) = [line for line in budget.lines if line.code == "interpreter"]
    return line


def test_consultation_and_first_session_on_one_day_are_one_booking():
    # a consultation and session 1 on 6 Jan, sessions 2 and 3 on 7 and 8 Jan: three clinic days
    line = _interpreter(acupuncture_plan(3))
    assert line.quantity == 3 and line.label == "Medical interpreter × 3 clinic visits"
    # the test costs price an interpreter at ₩130,000/200,000/400,000
    assert (line.amount.low, line.amount.typical, line.amount.high) == (
        Decimal(390_000),
        Decimal(600_000),
        Decimal(1_200_000),
    )


def test_two_clinics_on_one_day_are_two_bookings():
    day = date(2026, 1, 6)
    plan = make_plan(
        [
            appointment("acu", "consult", 1, day, "c-local", StepKind.CONSULTATION),
            appointment("acu", "session", 1, day, "c-uni"),
            appointment("acu", "session", 2, day + timedelta(days=1), "c-uni"),
        ]
    )
    assert _interpreter(plan).quantity == 3
