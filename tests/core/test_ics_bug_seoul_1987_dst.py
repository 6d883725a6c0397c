"""Bug: icalendar's default VTIMEZONE range (1970–2038) writes Seoul's 1987–88 daylight saving.

Outlook then reads a DAYLIGHT part Korea has not used since 1988 (CALENDAR.md rule 10).
"""

from __future__ import annotations

from datetime import date

from icalendar import Timezone
from ics_factories import checkup_trip, make_catalog, options

from planner.core.calendar.writer import render_calendar
from planner.core.calendar.zones import vtimezone


def test_icalendar_default_range_has_the_trap():
    # the reason for our own builder: if this ever fails, the library fixed it
    default = Timezone.from_tzid("Asia/Seoul")
    assert any(sub.name == "DAYLIGHT" for sub in default.subcomponents)


def test_seoul_is_one_standard_part_without_1987():
    component = vtimezone("Asia/Seoul", date(2026, 10, 12), date(2026, 12, 15))
    assert [sub.name for sub in component.subcomponents] == ["STANDARD"]
    data = render_calendar([checkup_trip()], make_catalog(), options())
    assert b"BEGIN:DAYLIGHT" not in data
    assert b"TZOFFSETTO:+1000" not in data
