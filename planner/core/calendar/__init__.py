"""The iCalendar writer: a plan to ``.ics`` bytes by the rules of CALENDAR.md.

Events with stable UIDs and SEQUENCE, VTIMEZONE blocks built from zoneinfo, escaped and folded
text, discreet titles. It imports ``model`` and ``catalog``, the things it renders.
"""

from __future__ import annotations

from planner.core.calendar.writer import CalendarOptions, Revision, TripEvents, event_fingerprints, render_calendar

__all__ = ["CalendarOptions", "Revision", "TripEvents", "event_fingerprints", "render_calendar"]
