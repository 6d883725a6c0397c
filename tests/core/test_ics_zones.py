"""VTIMEZONE components: the shape Outlook reads, and offsets that match the IANA database."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.core.calendar.zones import vtimezone

ZONES = [
    "Asia/Seoul",
    "Europe/Lisbon",
    "America/New_York",
    "Australia/Sydney",
    "Europe/Dublin",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Pacific/Auckland",
    "America/St_Johns",
]
WINDOWS = [(date(2026, 3, 1), date(2026, 4, 30)), (date(2026, 10, 20), date(2027, 4, 10))]


def offsets_match(name: str, first: date, last: date, until: date | None = None) -> list[datetime]:
    """Instants (every 30 minutes) where the VTIMEZONE, read by dateutil, disagrees with zoneinfo."""
    from_vtimezone = vtimezone(name, first, last).to_tz(lookup_tzid=False)
    zone = ZoneInfo(name)
    moment = datetime(first.year, first.month, first.day, tzinfo=UTC) - timedelta(days=1)
    end = until or last + timedelta(days=2)
    wrong = []
    while moment.date() < end:
        if moment.astimezone(from_vtimezone).utcoffset() != moment.astimezone(zone).utcoffset():
            wrong.append(moment)
        moment += timedelta(minutes=30)
    return wrong


@pytest.mark.parametrize("name", ZONES)
@pytest.mark.parametrize(("first", "last"), WINDOWS)
def test_offsets_match_the_iana_database(name, first, last):
    assert offsets_match(name, first, last) == []


@pytest.mark.parametrize("name", ZONES)
def test_one_standard_at_most_one_daylight_with_yearly_byday(name):
    component = vtimezone(name, date(2026, 3, 1), date(2026, 12, 31))
    kinds = [sub.name for sub in component.subcomponents]
    assert kinds.count("STANDARD") == 1 and kinds.count("DAYLIGHT") <= 1
    for sub in component.subcomponents:
        assert "RDATE" not in sub
        if "DAYLIGHT" in kinds:
            rule = sub["RRULE"].to_ical().decode()
            assert re.fullmatch(r"FREQ=YEARLY;BYDAY=-?[1-5](SU|MO|TU|WE|TH|FR|SA);BYMONTH=\d{1,2}", rule), rule
            # transitions happen on whole minutes
            assert sub.decoded("DTSTART").second == 0


@pytest.mark.parametrize(
    ("name", "daylight"),
    [("Asia/Seoul", False), ("Asia/Kolkata", False), ("America/Sao_Paulo", False), ("Europe/Lisbon", True)],
)
def test_daylight_only_where_the_zone_has_it_now(name, daylight):
    kinds = [sub.name for sub in vtimezone(name, date(2026, 1, 1), date(2026, 12, 31)).subcomponents]
    assert ("DAYLIGHT" in kinds) == daylight


@pytest.mark.parametrize(
    ("name", "byday"),
    [
        ("America/New_York", {"STANDARD": "1SU", "DAYLIGHT": "2SU"}),
        ("Europe/Lisbon", {"STANDARD": "-1SU", "DAYLIGHT": "-1SU"}),
        ("Australia/Sydney", {"STANDARD": "1SU", "DAYLIGHT": "1SU"}),
    ],
)
def test_rules_as_published(name, byday):
    # US: second Sunday of March to first Sunday of November; EU: last Sundays of March and
    # October; New South Wales: first Sunday of October to first Sunday of April.
    component = vtimezone(name, date(2026, 5, 1), date(2026, 6, 1))
    rules = {sub.name: sub["RRULE"].to_ical().decode() for sub in component.subcomponents}
    assert {kind: rule.split("BYDAY=")[1].split(";")[0] for kind, rule in rules.items()} == byday


@pytest.mark.parametrize("name", ["Mars/Olympus", "UTC", "KST", ""])
def test_unknown_or_non_iana_zone_is_refused(name):
    with pytest.raises(ValueError, match="time zone"):
        vtimezone(name, date(2026, 1, 1), date(2026, 2, 1))
