"""One calendar event before it is written, and the text and zone helpers every event uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from planner.core.calendar.zones import zone

#: zone names that mean UTC: written with "Z", never as TZID=UTC
UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Etc/GMT", "GMT", "Zulu"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Alarm:
    """A reminder ``before`` the start of its event."""

    before: timedelta
    text: str


@dataclass(frozen=True)
class Entry:
    """One calendar event, before it is written: timed (aware datetimes) or all-day (dates)."""

    key: str
    title: str
    start: datetime | date
    end: datetime | date | None
    status: str  # "TENTATIVE" or "CONFIRMED"
    location: str = ""
    description: str = ""
    transparent: bool = False
    alarms: tuple[Alarm, ...] = ()

    @property
    def fingerprint_fields(self) -> tuple[str, ...]:
        """What makes SEQUENCE rise when it changes: time, date, place, status, title."""
        end = "" if self.end is None else _stamp_of(self.end)
        return (self.title, _stamp_of(self.start), end, self.location, self.status)


def _stamp_of(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return f"{value.isoformat()}[{value.tzinfo}]"
    return value.isoformat()


def one_line(text: str) -> str:
    """User text for a single-line value: line breaks and control characters become spaces."""
    return " ".join(_CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " ")).split())


def paragraph(text: str) -> str:
    """User text for a multi-line value: any CR or CRLF becomes LF, other control characters go."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def in_zone(moment: datetime, name: str, field: str) -> datetime:
    """An aware datetime shown in a named zone (UTC names give a "Z" time)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{field}: {moment.isoformat()} has no time zone; give an aware datetime")
    if name in UTC_NAMES:
        return moment.astimezone(UTC)
    # through UTC: astimezone to a datetime's own zone returns it unchanged, even a wall time that
    # does not exist (02:00 on the day clocks go forward), which readers then resolve differently
    return moment.astimezone(UTC).astimezone(zone(name, field))
