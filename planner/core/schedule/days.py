"""Integer time for the scheduler: minutes from a base midnight, day numbers, open intervals.

The scheduler works on plain integers so that a 90-day search stays fast: an instant is the
number of minutes since midnight of the arrival date in the plan's zone, and a day is the number
of calendar dates after that date *in the clinic's zone* (the zone the rules are stated in).
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.core.model import Clinic

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
        #: day numbers already worked out: the placer asks for the same instants again and again
        self._days: dict[tuple[int, str], int] = {}

    @property
    def base(self) -> datetime:
        """The aware midnight every minute count starts from."""
        return self._base

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
        found = self._days.get((minutes, zone))
        if found is None:
            found = self._days[(minutes, zone)] = (self.at(minutes, zone).date() - self.base_date).days
        return found

    def date(self, day: int) -> date:
        """The calendar date of a day number."""
        return self.base_date + timedelta(days=day)

    def local(self, day: int, clock_time: time, zone: str) -> int:
        """Minutes of a wall-clock time on a day number in ``zone``."""
        return self.minutes(datetime.combine(self.date(day), clock_time, self.tzinfo(zone)))


#: open intervals as epoch seconds per (clinic token, date, home zone, awake hours), shared by every plan
_SHARED: dict[tuple, tuple[Span, ...]] = {}
#: a small number per distinct clinic values, so that the shared key hashes an int, not the whole clinic
_TOKENS: dict[tuple, int] = {}
_NUMBERS = itertools.count()
#: entries kept before the shared cache starts afresh (a few years of days for a few dozen clinics)
SHARED_LIMIT = 200_000


def clinic_values(clinic: Clinic) -> tuple:
    """A key for everything that decides a clinic's hours (test catalogs reuse ids, so never the id)."""
    # Clinic leaves ``openings`` out of its hash and equality, so they join the key here
    return (clinic, tuple(sorted(clinic.openings.items())))


class OpenHours:
    """Open intervals per clinic and day as integer spans, cached per plan and across plans."""

    def __init__(self, clock: Clock, home_zone: str, home_awake: tuple[time, time]):
        self._clock = clock
        self._home_zone = home_zone
        self._awake = home_awake
        self._cache: dict[tuple[int, int, bool], tuple[Span, ...]] = {}
        self._keys: dict[int, int] = {}  # the token of each clinic object of this plan
        self._base = int(clock.base.timestamp())

    def spans(self, clinic: Clinic, day: int, remote: bool = False) -> tuple[Span, ...]:
        """Open spans of a clinic on a day; for remote steps also awake at the patient's home."""
        # the clinic objects of one plan live as long as it does, so their ids are safe keys here
        key = (id(clinic), day, remote)
        found = self._cache.get(key)
        if found is None:
            token = self._keys.get(id(clinic))
            if token is None:
                token = self._keys[id(clinic)] = _token(clinic)
            base = self._base
            found = self._cache[key] = tuple(
                ((s - base) // 60, (e - base) // 60) for s, e in self._shared(token, clinic, day, remote)
            )
        return found

    def least_bad(self, clinic: Clinic, day: int, minutes: int) -> tuple[Span, ...]:
        """The one clinic slot of a day nearest the patient's waking hours, for a call no awake hour can hold."""
        key = (id(clinic), day, -minutes)
        found = self._cache.get(key)
        if found is None:
            home = self._clock.tzinfo(self._home_zone)
            best = None
            for start, end in self.spans(clinic, day):
                moment = self._clock.at(start, self._home_zone).date()
                awake = [
                    (
                        self._clock.minutes(datetime.combine(d, self._awake[0], home)),
                        self._clock.minutes(datetime.combine(d, self._awake[1], home)),
                    )
                    for d in (moment - timedelta(days=1), moment, moment + timedelta(days=1))
                ]
                for t in range(start, end - minutes + 1, GRID_MINUTES):
                    outside = min(max(0, a - t) + max(0, t + minutes - b) for a, b in awake)
                    if best is None or outside < best[0]:
                        best = (outside, t)
            found = self._cache[key] = () if best is None else ((best[1], best[1] + minutes),)
        return found

    def _shared(self, token: int, clinic: Clinic, day: int, remote: bool) -> tuple[Span, ...]:
        on = self._clock.date(day)
        key = (token, on, self._home_zone if remote else None, self._awake if remote else None)
        found = _SHARED.get(key)
        if found is None:
            if len(_SHARED) >= SHARED_LIMIT:
                _SHARED.clear()
            found = _SHARED[key] = _epoch_spans(clinic, on, self._home_zone if remote else None, self._awake)
        return found


def _token(clinic: Clinic) -> int:
    """The number standing for a clinic's values (numbers are never reused, even when the caches start afresh)."""
    values = clinic_values(clinic)
    found = _TOKENS.get(values)
    if found is None:
        if len(_TOKENS) >= SHARED_LIMIT:
            _TOKENS.clear()
        found = _TOKENS[values] = next(_NUMBERS)
    return found


def _epoch_spans(clinic: Clinic, on: date, home_zone: str | None, awake: tuple[time, time]) -> tuple[Span, ...]:
    """A clinic's open intervals on a date in epoch seconds; with a home zone, also awake there."""
    zone = ZoneInfo(clinic.timezone)
    spans = tuple(
        (
            _epoch(on, start, zone),
            _epoch(on + timedelta(days=1), end, zone) if end == time(0) else _epoch(on, end, zone),
        )
        for start, end in clinic.open_intervals(on)
    )
    if home_zone is None:
        return spans
    home = ZoneInfo(home_zone)
    home_date = datetime.fromtimestamp(spans[0][0], home).date() if spans else on
    awake_spans = [
        (_epoch(d, awake[0], home), _epoch(d, awake[1], home))
        for d in (home_date - timedelta(days=1), home_date, home_date + timedelta(days=1))
    ]
    return tuple((max(s, a), min(e, b)) for s, e in spans for a, b in awake_spans if max(s, a) < min(e, b))


def _epoch(on: date, clock_time: time, zone: ZoneInfo) -> int:
    return int(datetime.combine(on, clock_time, zone).timestamp())


def grid_start(span_start: int, earliest: int) -> int:
    """The first grid time of a span at or after ``earliest``."""
    if earliest <= span_start:
        return span_start
    steps = -(-(earliest - span_start) // GRID_MINUTES)
    return span_start + steps * GRID_MINUTES
