"""Benchmarks of the planning engine: one plan, the shortest-stay search, a large calendar.

Targets (docs/performance.md): plan of a 90-day trip with 3 treatments p99 ≤ 2 ms,
shortest stay ≤ 20 ms, a 1,000-event .ics ≤ 150 ms. Run with ``make bench``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from planner.core.calendar.writer import CalendarOptions, TripEvents, render_calendar
from planner.core.catalog.load import load_catalog
from planner.core.scenario.parse import parse_scenario
from planner.core.schedule.run import plan

CATALOG = load_catalog()
TRIP = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-05-29T11:00",
    "treatments": [
        {"protocol": "acupuncture-chronic-pain", "count": 12, "clinic_tier": "local"},
        {"protocol": "health-checkup"},
        {"protocol": "stem-cell-knee-svf"},
    ],
}


@pytest.fixture(scope="module")
def long_trip():
    return parse_scenario(TRIP, CATALOG)


def test_plan_90_days_3_treatments(benchmark, long_trip):
    result = benchmark(plan, long_trip, CATALOG)
    assert result.feasible


def test_shortest_stay(benchmark):
    request = parse_scenario({k: v for k, v in TRIP.items() if k != "departure"}, CATALOG)
    result = benchmark(plan, request, CATALOG)
    assert result.departure is not None


def test_calendar_of_1000_events(benchmark, long_trip):
    """Many trips in one feed, as a facilitator's calendar: about 1,000 events."""
    result = plan(long_trip, CATALOG)
    options = CalendarOptions("bench", "Benchmark", "planner.local", datetime(2027, 1, 1, tzinfo=UTC))
    per_trip = render_calendar([TripEvents(result, long_trip, "trip-0")], CATALOG, options).count(b"BEGIN:VEVENT")
    trips = [TripEvents(result, long_trip, f"trip-{n}") for n in range(-(-1000 // per_trip))]
    body = benchmark(render_calendar, trips, CATALOG, options)
    assert body.count(b"BEGIN:VEVENT") >= 1000
