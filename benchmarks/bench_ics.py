"""Benchmark of the calendar file: a facilitator's feed of about 1,000 events.

Target (issue 2, section 7; docs/performance.md): a 1,000-event .ics in ≤ 150 ms. The plans are
built here from the shipped catalog, one appointment per step a day, so the figure measures
the calendar alone and does not move when the scheduler changes. Run with ``make bench``.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.core.calendar.writer import CalendarOptions, Revision, TripEvents, render_calendar
from planner.core.catalog.load import Catalog, load_catalog
from planner.core.model.itinerary import Appointment, Plan, Visit
from planner.core.model.protocol import Protocol, StepKind
from planner.core.model.trip import Flight, Traveller, TreatmentRequest, TripRequest

CATALOG = load_catalog()
EVENTS = 1000
#: home zones with and without daylight saving, north and south
HOMES = ("Europe/Lisbon", "America/New_York", "Australia/Sydney", "Asia/Singapore")
STAMP = datetime(2027, 1, 4, 9, tzinfo=UTC)


def _clinic_for(catalog: Catalog, protocol: Protocol) -> str:
    return next(c.id for c in catalog.clinics.values() if not c.categories or protocol.category in c.categories)


def _trip(catalog: Catalog, number: int, first: date) -> TripEvents:
    """Every step of every protocol in the catalog, one a day at 10:00 at the clinic."""
    home = HOMES[number % len(HOMES)]
    appointments = []
    day = first
    for protocol in catalog.protocols.values():
        clinic = catalog.clinics[_clinic_for(catalog, protocol)]
        for step in protocol.steps:
            zone = home if step.kind == StepKind.REMOTE else clinic.timezone
            start = datetime.combine(day, time(10), tzinfo=ZoneInfo(zone))
            appointments.append(
                Appointment(
                    key=f"{protocol.id}-{step.id}-1",
                    protocol=protocol.id,
                    step=step.id,
                    occurrence=1,
                    kind=step.kind,
                    title=step.title,
                    start=start,
                    end=start + timedelta(minutes=max(step.minutes, 30)),  # waits (culture) last 0 minutes
                    clinic=clinic.id,
                    invasive=step.invasive,
                    pinned=len(appointments) % 3 == 0,
                    timezone=zone,
                    preparation=tuple(note.text for note in step.preparation),
                )
            )
            day += timedelta(days=1)
    seoul = ZoneInfo("Asia/Seoul")
    arrival = datetime.combine(first, time(7, 40), tzinfo=seoul)
    departure = datetime.combine(day, time(18, 30), tzinfo=seoul)
    plan = Plan(True, arrival, departure, departure, tuple(appointments), (), (Visit(1, arrival, departure),))
    home_zone, flight_time = ZoneInfo(home), timedelta(hours=14)
    request = TripRequest(
        traveller=Traveller(f"Client {number}", home),
        arrival=arrival,
        treatments=tuple(TreatmentRequest(protocol_id) for protocol_id in catalog.protocols),
        departure=departure,
        outbound=Flight((arrival - flight_time).astimezone(home_zone), arrival, "KE 914", "Home", "Seoul Incheon"),
        inbound=Flight(departure, (departure + flight_time).astimezone(home_zone), "KE 913", "Seoul Incheon", "Home"),
    )
    revisions = {a.key: Revision(2, STAMP - timedelta(days=3)) for a in appointments[::2]}
    return TripEvents(plan, request, f"trip-{number:04}", revisions, label=f"Client {number}")


@pytest.fixture(scope="module")
def feed() -> list[TripEvents]:
    per_trip = render_calendar([_trip(CATALOG, 0, date(2027, 2, 1))], CATALOG, _options()).count(b"BEGIN:VEVENT")
    return [_trip(CATALOG, n, date(2027, 2, 1) + timedelta(days=7 * n)) for n in range(-(-EVENTS // per_trip))]


def _options() -> CalendarOptions:
    return CalendarOptions(
        "bench-feed", "Clinic desk, all clients", "planner.local", STAMP, refresh=timedelta(hours=12)
    )


def test_calendar_feed_of_1000_events(benchmark, feed, capsys):
    """The whole feed rendered to bytes; the p99 of the rounds is printed (no time assertion)."""
    body = benchmark(render_calendar, feed, CATALOG, _options())
    assert body.count(b"BEGIN:VEVENT") >= EVENTS
    rounds = sorted(benchmark.stats.stats.data)
    p99 = rounds[math.ceil(0.99 * len(rounds)) - 1]  # nearest rank
    benchmark.extra_info["p99_ms"] = round(p99 * 1000, 2)
    with capsys.disabled():
        print(f"\n1,000-event .ics: {len(rounds)} rounds, p99 {p99 * 1000:.1f} ms, {len(body) / 1e6:.2f} MB")
