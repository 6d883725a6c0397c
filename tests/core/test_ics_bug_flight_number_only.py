"""Bug: a flight given by its number alone (no hours, no take-off time) crashed the calendar.

The flight to Korea is then a note on the arrival day with its landing time; the flight home a
take-off with no known landing. Both read the same in icalendar, vobject and ``ical``.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import icalendar
from ics_checks import read_alike
from scenario_ics import scenario_calendar

TRIP = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "departure": "2027-03-06T18:00",
    "treatments": [{"protocol": "health-checkup"}],
}


def _flights(data: bytes) -> dict[str, icalendar.Event]:
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    return {key: e for e in events for key in ("flight-out", "flight-home") if f"-{key}@" in str(e["UID"])}


def test_outbound_number_only_is_a_note_on_the_arrival_day():
    data = scenario_calendar({**TRIP, "flights": {"outbound": {"number": "KE902"}}})
    read_alike(data)
    flight = _flights(data)["flight-out"]
    assert flight.decoded("DTSTART") == date(2027, 2, 28) and flight.decoded("DTEND") == date(2027, 3, 1)
    assert str(flight["TRANSP"]) == "TRANSPARENT" and "KE902" in str(flight["SUMMARY"])
    assert "2027-02-28 16:00 (Asia/Seoul)" in str(flight["DESCRIPTION"])
    assert "Take-off time unknown." in str(flight["DESCRIPTION"])


def test_inbound_number_only_starts_at_take_off():
    data = scenario_calendar({**TRIP, "flights": {"outbound": {"number": "KE902"}, "inbound": {"number": "KE901"}}})
    read_alike(data)
    flight = _flights(data)["flight-home"]
    assert flight.decoded("DTSTART") == datetime(2027, 3, 6, 18, tzinfo=ZoneInfo("Asia/Seoul"))
    assert "DTEND" not in flight and "Arrival time unknown." in str(flight["DESCRIPTION"])


def test_discreet_number_only_calendar_reads_alike():
    read_alike(scenario_calendar({**TRIP, "flights": {"outbound": {"number": "KE902"}}}, discreet=True))
