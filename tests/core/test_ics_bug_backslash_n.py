"""Bug: icalendar's TEXT escaper turns a typed backslash + N into a line break ("C:\\New" → "C:" / "ew")."""

from __future__ import annotations

from dataclasses import replace

import icalendar
import vobject
from ics_factories import knee_trip, make_catalog, options

from planner.core.calendar.writer import render_calendar


def test_backslash_n_in_user_text_reads_back_unchanged():
    trip = replace(knee_trip(), label="C:\\New\\Notes")
    data = render_calendar([trip], make_catalog(), options(name="Ana \\N Silva"))
    calendar = icalendar.Calendar.from_ical(data)
    # icalendar reads calendar-level NAME raw (unescaped), so vobject reads the names back
    names = vobject.readOne(data.decode(), validate=True).contents
    assert names["name"][0].value == names["x-wr-calname"][0].value == "Ana \\N Silva"
    assert all(str(e["SUMMARY"]).startswith("C:\\New\\Notes: ") for e in calendar.walk("VEVENT"))
    assert b"C:\\\\New\\\\Notes" in data
