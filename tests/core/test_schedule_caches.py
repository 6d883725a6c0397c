"""What the scheduler keeps across plans never changes a plan: with warm caches, the plan of a fresh process."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from strategies import examples, real_trips, trips

from planner.core.catalog.load import load_catalog
from planner.core.model.trip import Pin, Traveller, TreatmentRequest, TripRequest
from planner.core.schedule import days, occurrences, shortest, stay
from planner.core.schedule import links as placement_links
from planner.core.schedule.run import plan

CATALOG = load_catalog()
SEOUL = ZoneInfo("Asia/Seoul")
#: every structure shared across plans (open spans, clinic numbers, unit links, day notes, step orders, shortest stays)
SHARED = (days._SHARED, days._TOKENS, placement_links._SHARED, stay._NOTES, occurrences._ORDERS, shortest._SHORTEST)


def _cold(request, catalog):
    for cache in SHARED:
        cache.clear()
    return plan(request, catalog)


@settings(max_examples=examples(40), deadline=None)
@given(trips(), trips())
def test_another_catalog_with_the_same_ids_planned_first_changes_nothing(first, second):
    # synthetic catalogs reuse protocol, step and clinic ids with other rules and hours
    plan(*first)
    assert plan(*second) == _cold(*second)


@settings(max_examples=examples(40), deadline=None)
@given(real_trips(CATALOG))
def test_the_same_trip_planned_first_with_other_pins_and_dates_changes_nothing(request):
    moved = tuple(replace(pin, start=pin.start + timedelta(days=2)) for pin in request.pins)
    plan(replace(request, pins=moved, arrival=request.arrival - timedelta(days=1), departure=None), CATALOG)
    plan(replace(request, pins=()), CATALOG)
    assert plan(request, CATALOG) == _cold(request, CATALOG)


def test_a_pin_moved_to_another_day_moves_the_steps_it_bounds():
    # the consultation must fall within 7 days before the pinned harvest, whichever plan came first (home in
    # Tokyo: no jet-lag wait before the harvest)
    arrival = datetime(2027, 3, 1, 8, 0, tzinfo=SEOUL)
    base = TripRequest(Traveller("Ana", "Asia/Tokyo"), arrival, (TreatmentRequest("stem-cell-knee-svf"),))
    early, late = (
        replace(base, pins=(Pin("stem-cell-knee-svf", "harvest", 1, datetime(2027, 3, day, 10, 0, tzinfo=SEOUL)),))
        for day in (5, 24)
    )
    assert plan(early, CATALOG).feasible
    warm = plan(late, CATALOG)
    consultation = next(a for a in warm.appointments if a.step == "consultation")
    assert date(2027, 3, 17) <= consultation.start.date() <= date(2027, 3, 24)
    assert warm == _cold(late, CATALOG)
