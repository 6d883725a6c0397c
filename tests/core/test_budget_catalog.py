"""The budget of a real catalog protocol, planned by the scheduler."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from planner.core.catalog.load import load_catalog
from planner.core.model.trip import Insurance, Traveller, TreatmentRequest, TripRequest
from planner.core.schedule.run import plan
from planner.wording.budget import compute_budget

SEOUL = ZoneInfo("Asia/Seoul")


@pytest.fixture(scope="module")
def catalog():
    """The package's own catalog."""
    return load_catalog()


def acute_pain_trip(**overrides) -> TripRequest:
    """Five acupuncture sessions at the local sample clinic, 20 nights from Monday 5 Oct 2026."""
    values = dict(
        traveller=Traveller("Ana", "Asia/Tokyo"),
        arrival=datetime(2026, 10, 5, 8, tzinfo=SEOUL),
        departure=datetime(2026, 10, 25, 18, tzinfo=SEOUL),
        treatments=(TreatmentRequest("acupuncture-acute-pain", 5, "sample-km-clinic-gangnam"),),
        needs_keta=False,
    )
    values.update(overrides)
    return TripRequest(**values)


def by_label(budget, word):
    """The single treatment line whose label mentions a word."""
    (line,) = [line for line in budget.lines if line.code == "treatment" and word in line.label]
    return line


def test_acute_pain_course_at_a_local_clinic(catalog):
    request = acute_pain_trip(interpreter=True)
    trip = plan(request, catalog)
    assert trip.feasible
    budget = compute_budget(trip, request, catalog)
    # 5 sessions fill the intensive phase (4 at most) and leave 1 for maintenance; local prices
    consultation = by_label(budget, "consultation")
    intensive, maintenance = by_label(budget, "intensive"), by_label(budget, "maintenance")
    assert (consultation.quantity, intensive.quantity, maintenance.quantity) == (1, 4, 1)
    assert (intensive.amount.low, intensive.amount.typical, intensive.amount.high) == (80_000, 140_000, 200_000)
    assert (maintenance.amount.low, maintenance.amount.high) == (20_000, 50_000)
    lodging = next(line for line in budget.lines if line.code == "lodging")
    # 5 → 25 October is 20 nights of a mid-range room at ₩180,000/240,000/300,000
    assert (lodging.quantity, lodging.amount.low, lodging.amount.high) == (20, 3_600_000, 6_000_000)
    interpreter = next(line for line in budget.lines if line.code == "interpreter")
    # 6 appointments on 5 clinic days (the consultation and session 1 share the first), one
    # interpreter a day × US$100/200/300 at ₩1,450 a dollar
    days = {a.start.date() for a in trip.appointments if a.in_person}
    assert len(days) == 5 and interpreter.quantity == 5
    assert (interpreter.amount.low, interpreter.amount.typical, interpreter.amount.high) == (
        725_000,
        1_450_000,
        2_175_000,
    )
    assert interpreter.original.currency == "USD" and budget.converted
    assert budget.rates_date == catalog.rates.date
    assert all(line.source for line in budget.lines)


def test_acute_pain_course_with_nhi_in_euros(catalog):
    request = acute_pain_trip(currency="EUR", insurance=Insurance(nhi=True, patient_share=Decimal("0.3")))
    budget = compute_budget(plan(request, catalog), request, catalog)
    consultation = by_label(budget, "consultation")
    # 30% of ₩15,000/25,000/40,000 = ₩4,500/7,500/12,000, at ₩1,650 a euro = €2.727…/4.545…/7.272…
    assert (consultation.amount.low, consultation.amount.typical, consultation.amount.high) == (
        Decimal("2.73"),
        Decimal("4.55"),
        Decimal("7.27"),
    )
    assert all(line.to_confirm for line in budget.lines if line.code == "treatment")


def test_dental_implants_budget_the_proposed_second_trip(catalog):
    request = acute_pain_trip(
        departure=None,
        treatments=(TreatmentRequest("dental-implant-two-stage", clinic="sample-dental-clinic"),),
        travellers=2,
    )
    trip = plan(request, catalog)
    assert trip.feasible and len(trip.visits) == 2
    budget = compute_budget(trip, request, catalog)
    first, second = [line for line in budget.lines if line.code == "lodging"]
    assert "(proposed dates)" in first.label and "trip 2 (proposed)" in second.label
    for line, visit in zip((first, second), trip.visits, strict=True):
        assert line.quantity == (visit.departure.astimezone(SEOUL).date() - visit.arrival.astimezone(SEOUL).date()).days
    # two trips, two transfers each, two people
    (transfers,) = [line for line in budget.lines if line.code == "airport_transfer"]
    assert transfers.quantity == 8
    steps = {line.label for line in budget.lines if line.code == "treatment"}
    assert len(steps) == len([s for s in catalog.protocols["dental-implant-two-stage"].steps if s.prices])
