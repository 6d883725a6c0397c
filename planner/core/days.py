"""Integer time for the scheduler: minutes from a base midnight, day numbers, open intervals.

The scheduler works on plain integers so that a 90-day search stays fast: an instant is the
number of minutes since midnight of the arrival date in the plan's zone, and a day is the number
of calendar dates after that date *in the clinic's zone* (the zone the rules are stated in).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.core.clinic import Clinic

MINUTES_PER_DAY = 1440
#: appointments start on this grid from the start of an open interval
GRID_MINUTES = 30

Span = tuple[int, int]


class Clock:
    """Converts between aware datetimes and integer minutes / day numbers."""

    def __init__(self, zone: str, base_date: date):
        self.zone = zone
        self.base_date = base_date
        self._zones: dict[str, ZoneInfo] = {}
        self._base = datetime.combine(base_date, time(0), self.tzinfo(zone))

    def tzinfo(self, zone: str) -> ZoneInfo:
        """The ZoneInfo for a zone name (cached per clock)."""
        info = self._zones.get(zone)
        if info is None:
            info = self._zones[zone] = ZoneInfo(zone)
        return info

    def minutes(self, when: datetime) -> int:
        """Whole minutes from the base midnight to an aware instant (floored)."""
        return int((when - self._base).total_seconds() // 60)

    def at(self, minutes: int, zone: str) -> datetime:
        """The aware datetime, in ``zone``, of an instant given in minutes."""
        return (self._base + timedelta(minutes=minutes)).astimezone(self.tzinfo(zone))

    def day(self, minutes: int, zone: str) -> int:
        """The day number of an instant, counted in the calendar of ``zone``."""
        return (self.at(minutes, zone).date() - self.base_date).days

    def date(self, day: int) -> date:
        """The calendar date of a day number."""
        return self.base_date + timedelta(days=day)

    def local(self, day: int, clock_time: time, zone: str) -> int:
        """Minutes of a wall-clock time on a day number in ``zone``."""
        return self.minutes(datetime.combine(self.date(day), clock_time, self.tzinfo(zone)))


class OpenHours:
    """Open intervals per clinic and day as integer spans, computed once and cached."""

    def __init__(self, clock: Clock, home_zone: str, home_awake: tuple[time, time]):
        self._clock = clock
        self._home_zone = home_zone
        self._awake = home_awake
        self._cache: dict[tuple[str, int, bool], tuple[Span, ...]] = {}

    def spans(self, clinic: Clinic, day: int, remote: bool = False) -> tuple[Span, ...]:
        """Open spans of a clinic on a day; for remote steps also awake at the patient's home."""
        key = (clinic.id, day, remote)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._compute(clinic, day, remote)
        return found

    def _compute(self, clinic: Clinic, day: int, remote: bool) -> tuple[Span, ...]:
        clock = self._clock
        spans = tuple(
            (clock.local(day, start, clinic.timezone), _end(clock, day, end, clinic.timezone))
            for start, end in clinic.open_intervals(clock.date(day))
        )
        if not remote:
            return spans
        home_day = clock.day(spans[0][0], self._home_zone) if spans else day
        awake = [
            (clock.local(d, self._awake[0], self._home_zone), clock.local(d, self._awake[1], self._home_zone))
            for d in (home_day - 1, home_day, home_day + 1)
        ]
        return tuple((max(s, a), min(e, b)) for s, e in spans for a, b in awake if max(s, a) < min(e, b))


def _end(clock: Clock, day: int, end: time, zone: str) -> int:
    """An interval end; midnight as an end means the end of the day."""
    if end == time(0):
        return clock.local(day + 1, end, zone)
    return clock.local(day, end, zone)


def grid_start(span_start: int, earliest: int) -> int:
    """The first grid time of a span at or after ``earliest``."""
    if earliest <= span_start:
        return span_start
    steps = -(-(earliest - span_start) // GRID_MINUTES)
    return span_start + steps * GRID_MINUTES
