"""A step's latest start: a fasting checkup starts in the morning, never at 13:00.

The catalog reads it ("HH:MM", clinic time), the scheduler keeps it, the oracle checks it, and a
confirmed appointment after it gets a warning.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from rules_oracle import violations
from worded import plan

from planner.core.catalog.load import load_catalog
from planner.core.catalog.protocol_dicts import protocol_to_dict
from planner.core.catalog.protocols import parse_protocol
from planner.core.catalog.reader import CatalogError
from planner.core.model.trip import Pin, Traveller, TreatmentRequest, TripRequest

SEOUL = ZoneInfo("Asia/Seoul")
CATALOG = load_catalog()


def checkup_dict(**step_changes) -> dict:
    """The shipped health-checkup protocol as a TOML-shaped dict, its checkup step changed."""
    data = protocol_to_dict(CATALOG.protocols["health-checkup"])
    data["steps"][0].update(step_changes)
    return data


@pytest.mark.parametrize(
    ("value", "expected"),
    [("10:00", time(10)), ("00:00", time(0)), ("23:59", time(23, 59)), ("17:30", time(17, 30))],
)
def test_a_latest_start_is_read_as_a_clinic_time(value, expected):
    assert parse_protocol(checkup_dict(latest_start=value)).steps[0].latest_start == expected


@pytest.mark.parametrize("value", ["10h", "9:00", "25:00", "10:60", "10:00:00", "", 10, True, [10, 0]])
def test_a_malformed_latest_start_names_the_field(value):
    with pytest.raises(CatalogError) as caught:
        parse_protocol(checkup_dict(latest_start=value), where="checkup.toml")
    assert caught.value.field == "steps[0].latest_start"
    assert "HH:MM" in caught.value.reason
    assert "checkup.toml" in str(caught.value) and "health-checkup" in str(caught.value)


def test_an_old_document_without_a_latest_start_still_loads():
    data = checkup_dict()
    del data["steps"][0]["latest_start"]
    assert parse_protocol(data).steps[0].latest_start is None
    assert "latest_start" not in protocol_to_dict(parse_protocol(data))["steps"][0]


def test_the_latest_start_survives_the_round_trip():
    protocol = CATALOG.protocols["health-checkup"]
    assert protocol.step("checkup").latest_start == time(10)
    assert "morning" in protocol.step("checkup").source
    assert parse_protocol(protocol_to_dict(protocol)) == protocol


def resident(arrival: datetime, pins=()) -> TripRequest:
    """A Seoul resident coming to the checkup centre for the health checkup."""
    return TripRequest(Traveller("Min", "Asia/Seoul"), arrival, (TreatmentRequest("health-checkup"),), pins=pins)


def test_a_resident_arriving_at_noon_gets_the_checkup_the_next_morning():
    # Tuesday 9 March 2027 at 12:00: the afternoon (13:00–17:00) is open, but not for a fasting checkup
    request = resident(datetime(2027, 3, 9, 12, tzinfo=SEOUL))
    result = plan(request, CATALOG)
    assert result.feasible, result.problems
    (checkup,) = [a for a in result.appointments if a.step == "checkup"]
    start = checkup.start.astimezone(SEOUL)
    assert start.date() == date(2027, 3, 10) and start.time() <= time(10)
    assert violations(result, request, CATALOG) == []


def test_the_oracle_names_a_checkup_starting_after_its_latest_start():
    request = resident(datetime(2027, 3, 9, 12, tzinfo=SEOUL))
    result = plan(request, CATALOG)
    afternoon = datetime(2027, 3, 10, 13, tzinfo=SEOUL)
    late = tuple(
        replace(a, start=afternoon, end=afternoon + (a.end - a.start)) if a.step == "checkup" else a
        for a in result.appointments
    )
    found = violations(replace(result, appointments=late), request, CATALOG)
    assert any(m.startswith("1b latest start") and "13:00, after 10:00" in m for m in found), found


def test_a_confirmed_afternoon_checkup_stays_with_a_warning():
    afternoon = datetime(2027, 3, 10, 13, tzinfo=SEOUL)
    request = resident(datetime(2027, 3, 9, 12, tzinfo=SEOUL), pins=(Pin("health-checkup", "checkup", 1, afternoon),))
    result = plan(request, CATALOG)
    (checkup,) = [a for a in result.appointments if a.step == "checkup"]
    assert checkup.start == afternoon and checkup.pinned
    assert any("latest start" in w.message for w in result.warnings)
    assert violations(result, request, CATALOG) == []
