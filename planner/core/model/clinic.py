"""Clinics: where they are, when they are open (hours, lunch, public holidays, closures)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from functools import lru_cache

import holidays as holiday_calendars

#: an opening interval within one day, [start, end)
Interval = tuple[time, time]


@lru_cache(maxsize=512)
def public_holidays(country: str, year: int) -> dict[date, str]:
    """Public holidays of a country in a year, from the `holidays` package (cached)."""
    return dict(holiday_calendars.country_holidays(country, years=year, language="en_US"))


def holiday_name(country: str, day: date) -> str | None:
    """The name of the public holiday on this day, or None."""
    return public_holidays(country, day.year).get(day)


#: the ways a clinic's contact can be given (a catalog clinic's optional [contact] table)
CONTACT_KINDS = ("email", "phone", "messenger")


@dataclass(frozen=True)
class Clinic:
    """A clinic with its opening hours and closures. Times are local to ``timezone``."""

    id: str
    name: str
    city: str
    address: str
    timezone: str
    #: opening hours per weekday, Monday = 0 … Sunday = 6; an empty tuple means closed
    hours: tuple[tuple[Interval, ...], ...]
    #: lunch break, closed for appointments (None = no lunch break)
    lunch: Interval | None = None
    holiday_country: str = "KR"
    #: extra closed days (one-off holidays, clinic vacations)
    closures: frozenset[date] = frozenset()
    #: extra open days with their hours (overrides the weekday, holidays and closures)
    openings: dict[date, tuple[Interval, ...]] = field(default_factory=dict, hash=False, compare=False)
    tier: str = "local"
    languages: tuple[str, ...] = ("ko",)
    #: protocol categories the clinic offers (empty = any)
    categories: tuple[str, ...] = ()
    sample: bool = False
    source: str = ""
    #: how to reach the clinic to confirm appointments: (kind, value) pairs, kinds in CONTACT_KINDS order
    contact: tuple[tuple[str, str], ...] = ()

    def closed_reason(self, day: date) -> str | None:
        """Why the clinic is closed on this day (holiday name, closure, weekday), or None."""
        if day in self.openings:
            return None if self.openings[day] else "closed"
        if day in self.closures:
            return "clinic closure"
        name = holiday_name(self.holiday_country, day) if self.holiday_country else None
        if name:
            return name
        if not self.hours[day.weekday()]:
            return day.strftime("%A") + "s closed"
        return None

    def open_intervals(self, day: date) -> tuple[Interval, ...]:
        """Intervals on this day when appointments may happen (lunch break removed)."""
        if day in self.openings:
            intervals = self.openings[day]
        elif self.closed_reason(day):
            return ()
        else:
            intervals = self.hours[day.weekday()]
        if self.lunch is None:
            return intervals
        return tuple(_remove(intervals, self.lunch))

    def is_open(self, day: date) -> bool:
        """Whether any appointment can happen on this day."""
        return bool(self.open_intervals(day))


def _remove(intervals: tuple[Interval, ...], gap: Interval):
    """Yield the parts of the intervals outside the gap."""
    for start, end in intervals:
        if gap[1] <= start or gap[0] >= end:
            yield (start, end)
            continue
        if start < gap[0]:
            yield (start, gap[0])
        if gap[1] < end:
            yield (gap[1], end)
