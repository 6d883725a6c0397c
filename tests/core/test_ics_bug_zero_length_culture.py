"""Bug: every culture-expanded knee plan crashed the calendar (the cell culture lasts 0 minutes).

The culture is lab work: no visit, no patient time. It is now an all-day, transparent item on
the harvest day, and the file reads the same in icalendar, vobject and Home Assistant's ``ical``.
"""

from __future__ import annotations

from datetime import date

import icalendar
from ics_checks import read_alike
from scenario_ics import scenario_calendar

KNEE = {
    "traveller": {"name": "Ana Silva", "home_timezone": "Europe/Lisbon"},
    "arrival": "2027-02-28T16:00",
    "treatments": [{"protocol": "stem-cell-knee-cultured"}],
}


def _events(data: bytes) -> dict[str, icalendar.Event]:
    return {
        str(e["UID"]).split("plan-test-")[1].split("@")[0]: e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
    }


def test_culture_is_an_all_day_transparent_item_on_the_harvest_day():
    data = scenario_calendar(KNEE)
    read_alike(data)
    events = _events(data)
    culture = events["stem-cell-knee-cultured-culture-1"]
    harvest = events["stem-cell-knee-cultured-harvest-1"]
    start = culture.decoded("DTSTART")
    assert type(start) is date and culture.decoded("DTEND") == date.fromordinal(start.toordinal() + 1)
    assert str(culture["TRANSP"]) == "TRANSPARENT"
    assert start == harvest.decoded("DTSTART").date()


def test_discreet_culture_calendar_reads_alike():
    data = scenario_calendar(KNEE, discreet=True)
    read_alike(data)
    assert b"culture" not in data.lower()
