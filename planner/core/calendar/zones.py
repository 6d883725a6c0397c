"""VTIMEZONE components that Outlook reads: one STANDARD, at most one DAYLIGHT, yearly BYDAY rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_EPOCH_YEAR = 1970


def zone(name: str, field: str) -> ZoneInfo:
    """The IANA zone of this name, or a ValueError naming the field that holds it."""
    if not name or name.upper() == "UTC" or "/" not in name:
        raise ValueError(f"{field}: {name!r} is not an IANA time zone name such as 'Asia/Seoul'")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{field}: {name!r} is not a known IANA time zone") from None


@dataclass(frozen=True)
class _Transition:
    """A change of UTC offset, with the wall-clock time it happens at (in the old offset)."""

    wall: datetime  # naive, local time before the change
    offset_from: timedelta
    offset_to: timedelta
    name: str  # TZNAME after the change


def _transitions(tz: ZoneInfo, year: int) -> list[_Transition]:
    """The offset changes of a zone during one year, found day by day then to the second."""
    found = []
    day = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    while day < end:
        following = day + timedelta(days=1)
        before, after = day.astimezone(tz).utcoffset(), following.astimezone(tz).utcoffset()
        if before != after:
            low, high = int(day.timestamp()), int(following.timestamp())
            while high - low > 1:
                middle = (low + high) // 2
                if datetime.fromtimestamp(middle, tz).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            change = datetime.fromtimestamp(high, UTC)
            wall = (change + before).replace(tzinfo=None)
            found.append(_Transition(wall, before, after, change.astimezone(tz).tzname() or ""))
        day = following
    return found


def _byday(moment: datetime) -> set[str]:
    """Every yearly BYDAY form that names this date: its n-th weekday and, if so, the last one."""
    weekday = _WEEKDAYS[moment.weekday()]
    forms = {f"{(moment.day - 1) // 7 + 1}{weekday}"}
    if (moment + timedelta(days=7)).month != moment.month:
        forms.add(f"-1{weekday}")
    return forms


def _nth_weekday(year: int, month: int, byday: str) -> date:
    """The date a BYDAY form ("2SU", "-1SU") names in a month."""
    weekday, nth = _WEEKDAYS.index(byday[-2:]), int(byday[:-2])
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observance(changes: list[_Transition], daylight: bool):
    """One observance with a yearly rule matching every change given, or None if none fits."""
    months = {c.wall.month for c in changes}
    times = {c.wall.time() for c in changes}
    offsets = {(c.offset_from, c.offset_to) for c in changes}
    # Only a 4th or 5th weekday can also be the last one, and such rules are "last Sunday".
    forms = set.intersection(*(_byday(c.wall) for c in changes))
    if len(months) != 1 or len(times) != 1 or len(offsets) != 1 or not forms:
        return None
    observance = TimezoneDaylight() if daylight else TimezoneStandard()
    first = changes[0]
    byday = min(forms, key=lambda form: (not form.startswith("-"), form))
    # The rule starts in 1970, as Outlook and Google write it: a reader that caches a zone by
    # its TZID then gets the same component from every file, whatever dates the trip has.
    observance.add("DTSTART", datetime.combine(_nth_weekday(_EPOCH_YEAR, first.wall.month, byday), first.wall.time()))
    observance.add("TZNAME", first.name)
    observance.add("TZOFFSETFROM", first.offset_from)
    observance.add("TZOFFSETTO", first.offset_to)
    observance.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": first.wall.month, "BYDAY": byday})
    return observance


@lru_cache(maxsize=64)
def vtimezone(name: str, first: date, last: date) -> Timezone:
    """A VTIMEZONE for a zone whose rule is checked from the year before ``first`` to the year of ``last``."""
    tz = zone(name, "time zone")
    years = range(first.year - 1, last.year + 1)
    changes = [change for year in years for change in _transitions(tz, year)]
    component = Timezone()
    component.add("TZID", name)
    if not changes:
        offset = datetime(first.year, first.month, first.day, 12, tzinfo=tz)
        standard = TimezoneStandard()
        standard.add("DTSTART", datetime(_EPOCH_YEAR, 1, 1))
        standard.add("TZNAME", offset.tzname() or name)
        standard.add("TZOFFSETFROM", offset.utcoffset())
        standard.add("TZOFFSETTO", offset.utcoffset())
        component.add_component(standard)
        return component
    summer = max(c.offset_to for c in changes)
    onsets = [c for c in changes if c.offset_to == summer]
    ends = [c for c in changes if c.offset_to != summer]
    rules = (_observance(ends, daylight=False), _observance(onsets, daylight=True)) if ends else (None,)
    if None in rules or len(onsets) != len(years) or len(ends) != len(years):
        # A zone whose rule changed inside the window cannot be written as one yearly rule.
        return Timezone.from_tzinfo(tz, tzid=name, first_date=first - timedelta(days=366), last_date=last)
    for observance in rules:
        component.add_component(observance)
    return component


@lru_cache(maxsize=64)
def vtimezone_ical(name: str, first: date, last: date) -> bytes:
    """The bytes of :func:`vtimezone`, kept: a feed renders the same few zones again and again."""
    return vtimezone(name, first, last).to_ical()
