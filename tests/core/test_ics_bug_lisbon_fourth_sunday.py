"""Bug: Lisbon's October change was written BYDAY=4SU, true in 2025–2026 but not in 2027 (31 Oct).

When a date is both the 4th and the last Sunday of its month, the rule is "last Sunday".
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from planner.core.calendar.zones import vtimezone


def test_last_sunday_rule_is_chosen():
    component = vtimezone("Europe/Lisbon", date(2026, 4, 1), date(2026, 4, 30))
    rules = {sub.name: sub["RRULE"].to_ical().decode() for sub in component.subcomponents}
    assert "BYDAY=-1SU" in rules["STANDARD"] and "BYDAY=-1SU" in rules["DAYLIGHT"]


@pytest.mark.parametrize("moment", [datetime(2027, 10, 30, 12, tzinfo=UTC), datetime(2027, 10, 31, 12, tzinfo=UTC)])
def test_rule_still_right_the_next_year(moment):
    tz = vtimezone("Europe/Lisbon", date(2026, 4, 1), date(2026, 4, 30)).to_tz(lookup_tzid=False)
    assert moment.astimezone(tz).utcoffset() == moment.astimezone(ZoneInfo("Europe/Lisbon")).utcoffset()
