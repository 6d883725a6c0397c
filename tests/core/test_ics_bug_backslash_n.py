"""Bug: icalendar's TEXT escaper turns a typed backslash + N into a line break ("C:\\New" → "C:" / "ew")."""

from __future__ import annotations

from dataclasses import replace

import icalendar
from ics_factories import knee_trip, make_catalog, options

from planner.core.ics import render_calendar


def test_backslash_n_in_user_text_reads_back_unchanged():
    trip = replace(knee_trip(), label="C:\\New\\Notes")
    data = render_calendar([trip], make_catalog(), options(name="Ana \\N Silva"))
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["NAME"]) == "Ana \\N Silva"
    assert b"X-WR-CALNAME:Ana \\\\N Silva\r\n" in data
    assert all(str(e["SUMMARY"]).startswith("C:\\New\\Notes: ") for e in calendar.walk("VEVENT"))
    assert b"C:\\\\New\\\\Notes" in data
