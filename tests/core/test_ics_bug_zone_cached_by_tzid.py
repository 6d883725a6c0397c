"""Bug: a VTIMEZONE that started the year before the trip was wrong in readers that cache by TZID.

vobject (like some sync apps) keeps the first VTIMEZONE it sees for a TZID; a later file for an
earlier trip then got standard time for a summer date (found by the hypothesis readers test).
"""

from __future__ import annotations

from datetime import date

import vobject
from ics_checks import icalendar_events, vobject_events
from ics_factories import knee_trip, make_catalog, options

from planner.core.calendar.writer import render_calendar
from planner.core.calendar.zones import vtimezone


def test_zone_component_does_not_depend_on_the_trip_dates():
    early = vtimezone("Australia/Sydney", date(2025, 1, 1), date(2025, 2, 1))
    late = vtimezone("Australia/Sydney", date(2031, 6, 1), date(2031, 7, 1))
    assert early.to_ical() == late.to_ical()


def test_reader_that_caches_zones_reads_an_earlier_trip_right():
    catalog = make_catalog()
    late = render_calendar([knee_trip("Australia/Sydney", date(2031, 6, 2))], catalog, options())
    early = render_calendar([knee_trip("Australia/Sydney", date(2025, 1, 1))], catalog, options())
    vobject.readOne(late.decode(), validate=True)  # registers Australia/Sydney first
    assert vobject_events(early) == icalendar_events(early)
