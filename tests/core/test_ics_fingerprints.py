"""Fingerprints change exactly when SEQUENCE must rise: time, date, place, status or title."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta

import icalendar
import pytest
from ics_factories import CLINIC, STEM_CELLS, knee_trip, make_catalog, options

from planner.core.calendar.writer import event_fingerprints, render_calendar

CATALOG = make_catalog()
TRIP = knee_trip()
BEFORE = event_fingerprints(TRIP, CATALOG)


def with_appointment(trip, key, **changes):
    """The trip with one appointment changed."""
    appointments = tuple(replace(a, **changes) if a.key == key else a for a in trip.plan.appointments)
    return replace(trip, plan=replace(trip.plan, appointments=appointments))


def changed_keys(trip, catalog=CATALOG) -> set[str]:
    after = event_fingerprints(trip, catalog)
    assert set(after) == set(BEFORE)
    return {key for key in after if after[key] != BEFORE[key]}


def test_keys_are_the_events_of_the_file():
    calendar = icalendar.Calendar.from_ical(render_calendar([TRIP], CATALOG, options()))
    uids = {str(event["UID"]) for event in calendar.walk("VEVENT")}
    assert uids == {f"trip-0f1e2d3c-{key}@planner.example" for key in BEFORE}
    assert all(len(value) == 16 for value in BEFORE.values())


def test_same_trip_same_fingerprints():
    assert event_fingerprints(knee_trip(), make_catalog()) == BEFORE


CONSULT = "knee-svf-consult-1"
HOUR = timedelta(hours=1)
CONSULT_START = TRIP.plan.appointments[0].start


@pytest.mark.parametrize(
    ("trip", "expected"),
    [
        (with_appointment(TRIP, CONSULT, start=CONSULT_START + HOUR, end=CONSULT_START + 2 * HOUR), {CONSULT}),
        (with_appointment(TRIP, CONSULT, end=CONSULT_START + 2 * HOUR), {CONSULT}),
        (with_appointment(TRIP, CONSULT, title="Second opinion"), {CONSULT}),
        (replace(TRIP, confirmed=frozenset({CONSULT})), {CONSULT}),
        # the harvest moves a day: its rest days move with it
        (
            with_appointment(
                TRIP,
                "knee-svf-harvest-1",
                start=TRIP.plan.appointments[1].start + 24 * HOUR,
                end=TRIP.plan.appointments[1].end + 24 * HOUR,
            ),
            {"knee-svf-harvest-1", "rest-knee-svf-harvest-1"},
        ),
        (
            replace(TRIP, request=replace(TRIP.request, inbound=replace(TRIP.request.inbound, number="OZ 541"))),
            {"flight-home"},
        ),
        # the same instant written in another zone is still the same appointment in Seoul
        (with_appointment(TRIP, CONSULT, start=CONSULT_START.astimezone(UTC)), set()),
    ],
    ids=["time", "length", "title", "status", "rest-follows", "flight", "same-instant"],
)
def test_what_raises_sequence(trip, expected):
    assert changed_keys(trip) == expected


def test_place_change_raises_sequence_for_that_clinics_events():
    moved = replace(CLINIC, address="서울특별시 서초구 강남대로 1")
    catalog = replace(CATALOG, clinics={**CATALOG.clinics, CLINIC.id: moved})
    assert changed_keys(TRIP, catalog) == {
        "knee-svf-consult-1",
        "knee-svf-harvest-1",
        "knee-svf-check-1",
        "knee-svf-video-1",
    }


def test_wording_of_the_description_does_not_raise_sequence():
    harvest = replace(STEM_CELLS.steps[1], description="Reworded description of the day.")
    protocol = replace(STEM_CELLS, steps=(STEM_CELLS.steps[0], harvest, *STEM_CELLS.steps[2:]))
    catalog = replace(CATALOG, protocols={**CATALOG.protocols, STEM_CELLS.id: protocol})
    assert changed_keys(TRIP, catalog) == set()


def test_discreet_fingerprints_follow_discreet_titles():
    discreet = event_fingerprints(TRIP, CATALOG, discreet=True)
    assert discreet[CONSULT] != BEFORE[CONSULT]
    assert discreet["flight-out"] == BEFORE["flight-out"]
