"""The iCalendar writer: a plan to ``.ics`` bytes by the rules of CALENDAR.md.

Events with stable UIDs and SEQUENCE, VTIMEZONE blocks built from zoneinfo, escaped and folded
text, discreet titles. It imports ``model`` and ``catalog``, the things it renders.
"""
