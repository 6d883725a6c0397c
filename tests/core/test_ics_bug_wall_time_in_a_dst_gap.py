"""Bug (found by the reader property): a time given in its own zone at a wall-clock time that does
not exist (02:00 New York on the day clocks go forward) was written as given, and icalendar and
vobject read it an hour apart. Times now go through UTC, so the file names a real local time."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from ics_checks import icalendar_events, read_alike, vobject_events
from ics_factories import STEM_CELLS, appointment, knee_trip, make_catalog, options

from planner.core.calendar.writer import render_calendar

NEW_YORK = ZoneInfo("America/New_York")


def test_a_follow_up_at_a_missing_hour_is_written_at_a_real_one():
    gap = datetime(2027, 3, 14, 2, 0, tzinfo=NEW_YORK)  # 02:00–03:00 does not happen that night
    trip = knee_trip("America/New_York")
    video = appointment(STEM_CELLS, "video", gap, timezone="America/New_York")
    trip = replace(trip, plan=replace(trip.plan, appointments=(video,)))
    data = render_calendar([trip], make_catalog(), options())
    assert b"DTSTART;TZID=America/New_York:20270314T030000" in data
    assert vobject_events(data) == icalendar_events(data)
    read_alike(data)
