"""Bug: a scenario's flights were written with both ends in Seoul time (CALENDAR.md rule 11).

Each end is now in its own zone: the origin airport's zone when the calendar knows it, else the
traveller's home zone; the Korean end in Seoul; both local times in the description.
"""

from __future__ import annotations

import icalendar
import pytest
from ics_checks import raw_lines_of, read_alike
from scenario_ics import scenario_calendar

TRIP = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-03-06T18:00",
    "treatments": [{"protocol": "health-checkup"}],
}


def _flight(data: bytes, key: str) -> icalendar.Event:
    return next(e for e in icalendar.Calendar.from_ical(data).walk("VEVENT") if f"-{key}@" in str(e["UID"]))


@pytest.mark.parametrize(
    ("origin", "zone", "takeoff"),
    [
        ({}, "Europe/Lisbon", "20270227T210000"),  # no airport: the home zone
        ({"origin": "JFK"}, "America/New_York", "20270227T160000"),  # the airport's own zone
        ({"origin": "São Paulo"}, "America/Sao_Paulo", "20270227T180000"),
        ({"origin": "Somewhere Intl"}, "Europe/Lisbon", "20270227T210000"),  # unknown: the home zone
    ],
)
def test_outbound_takes_off_in_its_zone_and_lands_in_seoul(origin, zone, takeoff):
    data = scenario_calendar({**TRIP, "flights": {"outbound": {"number": "KE902", "hours": 10, **origin}}})
    read_alike(data)
    lines = raw_lines_of(data, "flight-out")
    assert lines["DTSTART"] == (f"TZID={zone}", takeoff)
    assert lines["DTEND"] == ("TZID=Asia/Seoul", "20270228T160000")
    description = str(_flight(data, "flight-out")["DESCRIPTION"])
    assert f"({zone})" in description and "2027-02-28 16:00 (Asia/Seoul)" in description


def test_inbound_leaves_seoul_and_lands_in_the_home_zone():
    data = scenario_calendar({**TRIP, "flights": {"inbound": {"number": "KE901", "hours": 14}}})
    read_alike(data)
    lines = raw_lines_of(data, "flight-home")
    assert lines["DTSTART"] == ("TZID=Asia/Seoul", "20270306T180000")
    assert lines["DTEND"] == ("TZID=Europe/Lisbon", "20270306T230000")
    description = str(_flight(data, "flight-home")["DESCRIPTION"])
    assert "2027-03-06 18:00 (Asia/Seoul)" in description and "2027-03-06 23:00 (Europe/Lisbon)" in description


def test_a_seoul_resident_flight_stays_in_seoul():
    home = {"traveller": {"name": "Min", "home_timezone": "Asia/Seoul"}}
    data = scenario_calendar({**TRIP, **home, "flights": {"outbound": {"number": "KE1", "hours": 1}}})
    read_alike(data)
    assert raw_lines_of(data, "flight-out")["DTSTART"] == ("TZID=Asia/Seoul", "20270228T150000")
