"""Plans as iCalendar files that import cleanly everywhere (the rules of CALENDAR.md)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from planner.core.calendar.events import Entry, entries_for, one_line
from planner.core.calendar.text import duration, lines_to_bytes, moment, plain, text
from planner.core.calendar.zones import vtimezone_ical
from planner.core.catalog import Catalog
from planner.core.model import Plan, TripRequest
from planner.i18n import ENGLISH, Words

PRODID = "-//Treatment Trip Planner//Planner Calendar 1.0//EN"
_UID_PART = re.compile(r"[A-Za-z0-9._~:+=/-]+")


@dataclass(frozen=True)
class Revision:
    """How often an event changed (SEQUENCE, from 0) and when it last did (DTSTAMP, UTC)."""

    sequence: int
    stamp: datetime


@dataclass(frozen=True)
class TripEvents:
    """One trip's contribution to a calendar."""

    plan: Plan
    request: TripRequest
    #: e.g. "trip-<uuid>": event UIDs are f"{uid_prefix}-{event_key}@{host}" (key hashed when discreet)
    uid_prefix: str
    #: event key → revision, kept by the database
    revisions: Mapping[str, Revision] = field(default_factory=dict, hash=False, compare=False)
    #: appointment keys the clinic confirmed (STATUS:CONFIRMED)
    confirmed: frozenset[str] = frozenset()
    #: title prefix in a feed with several clients, e.g. "Ana S."
    label: str = ""


@dataclass(frozen=True)
class CalendarOptions:
    """How the calendar is named, identified and refreshed; ``stamp`` is given by the caller."""

    calendar_uid: str
    name: str
    host: str
    #: DTSTAMP (UTC) of events that have no revision
    stamp: datetime
    discreet: bool = False
    #: feeds only: how often clients should fetch the calendar again
    refresh: timedelta | None = None
    #: the language of the planner's own words (titles, descriptions); not English: LANGUAGE on them
    words: Words = field(default=ENGLISH, hash=False, compare=False)


def event_fingerprints(trip: TripEvents, catalog: Catalog, *, discreet: bool = False) -> dict[str, str]:
    """Event key → a short hash of what must raise SEQUENCE when it changes (time, place, status, title)."""
    return {
        entry.key: hashlib.sha256("\x1f".join(entry.fingerprint_fields).encode()).hexdigest()[:16]
        for entry in _entries(trip, catalog, discreet)
    }


def render_calendar(trips: Sequence[TripEvents], catalog: Catalog, options: CalendarOptions) -> bytes:
    """The calendar of some trips as iCalendar bytes: the same input always gives the same bytes."""
    _check_options(options)
    name = text(one_line(options.name))
    # PUBLISH, never REQUEST: Outlook turns REQUEST into meeting invitations.
    header = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{plain(PRODID)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{name}",
        f"X-WR-CALNAME:{name}",
    ]
    if options.refresh is not None:
        # VALUE=DURATION is required on REFRESH-INTERVAL (icalendar's setter leaves it out).
        header.append(f"REFRESH-INTERVAL;VALUE=DURATION:{duration(options.refresh)}")
    header.append(f"UID:{plain(options.calendar_uid)}")
    if options.refresh is not None:
        header.append(f"X-PUBLISHED-TTL:{duration(options.refresh)}")
    events: list[str] = []
    uids: set[str] = set()
    bounds: list[datetime | date] = []
    for index, trip in enumerate(trips):
        _check_trip(trip, index)
        for entry in _entries(trip, catalog, options.discreet, options.words):
            uid = f"{trip.uid_prefix}-{_uid_key(entry.key, options.discreet)}@{options.host}"
            if uid in uids:
                raise ValueError(f"trips[{index}].uid_prefix: event UID {uid} is already used by another event")
            uids.add(uid)
            revision = trip.revisions.get(entry.key)
            field_name = f"trips[{index}].revisions[{entry.key!r}]"
            events += _event(entry, uid, revision, options.stamp, field_name, _language(options.words))
            bounds.append(_second(entry.start))
            if entry.end is not None:
                bounds.append(_second(entry.end))
    events.append("END:VCALENDAR")
    return lines_to_bytes(header) + _timezones(bounds) + lines_to_bytes(events)


def _entries(trip: TripEvents, catalog: Catalog, discreet: bool, words: Words = ENGLISH) -> tuple[Entry, ...]:
    return entries_for(
        trip.plan, trip.request, catalog, confirmed=trip.confirmed, label=trip.label, discreet=discreet, words=words
    )


def _language(words: Words) -> str:
    """ ";LANGUAGE=ko" on the planner's words outside English (RFC 5545 3.2.10); English: nothing (the default)."""
    return "" if words.locale == ENGLISH.locale else f";LANGUAGE={words.lang}"


def _uid_key(key: str, discreet: bool) -> str:
    """The event key, or in discreet mode a stable hash of it: keys name the treatment steps."""
    return hashlib.sha256(key.encode()).hexdigest()[:20] if discreet else key


def _check_options(options: CalendarOptions) -> None:
    if not _UID_PART.fullmatch(options.calendar_uid):
        raise ValueError(f"options.calendar_uid: {options.calendar_uid!r} must be letters, digits and -._~:+=/")
    if not _UID_PART.fullmatch(options.host):
        raise ValueError(f"options.host: {options.host!r} must be a host name (letters, digits, dots, dashes)")
    if not one_line(options.name):
        raise ValueError("options.name: a calendar needs a name")
    _utc(options.stamp, "options.stamp")
    if options.refresh is not None and (options.refresh <= timedelta(0) or options.refresh % timedelta(seconds=1)):
        raise ValueError(f"options.refresh: {options.refresh} must be a positive whole number of seconds")


def _check_trip(trip: TripEvents, index: int) -> None:
    if not _UID_PART.fullmatch(trip.uid_prefix):
        raise ValueError(f"trips[{index}].uid_prefix: {trip.uid_prefix!r} must be letters, digits and -._~:+=/")


def _utc(moment: datetime, field_name: str) -> datetime:
    """The instant in UTC to the second, or a ValueError naming the field if it is naive."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{field_name}: {moment.isoformat()} has no time zone; give a UTC datetime")
    return moment.astimezone(UTC).replace(microsecond=0)


def _event(
    entry: Entry, uid: str, revision: Revision | None, stamp: datetime, field_name: str, language: str = ""
) -> list[str]:
    """One VEVENT with its VALARMs, as content lines in icalendar's canonical property order."""
    if revision is not None and (not isinstance(revision.sequence, int) or revision.sequence < 0):
        raise ValueError(f"{field_name}.sequence: {revision.sequence!r} must be a whole number ≥ 0")
    dtstamp = _utc(revision.stamp, f"{field_name}.stamp") if revision else _utc(stamp, "options.stamp")
    lines = ["BEGIN:VEVENT", f"SUMMARY{language}:{text(entry.title)}", moment("DTSTART", _second(entry.start))]
    if entry.end is not None:
        lines.append(moment("DTEND", _second(entry.end)))
    lines += [moment("DTSTAMP", dtstamp), f"UID:{plain(uid)}", f"SEQUENCE:{int(revision.sequence) if revision else 0}"]
    if entry.description:
        lines.append(f"DESCRIPTION{language}:{text(entry.description)}")
    if entry.location:
        lines.append(f"LOCATION:{text(entry.location)}")
    lines += [f"STATUS:{plain(entry.status)}", f"TRANSP:{'TRANSPARENT' if entry.transparent else 'OPAQUE'}"]
    for alarm in entry.alarms:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION{language}:{text(alarm.text)}",
            f"TRIGGER:{duration(-alarm.before)}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def _second(value: datetime | date) -> datetime | date:
    return value.replace(microsecond=0) if isinstance(value, datetime) and value.microsecond else value


def _timezones(bounds: list[datetime | date]) -> bytes:
    """A VTIMEZONE for every TZID used, covering the calendar's dates, sorted by name."""
    names = {key for value in bounds if (key := getattr(getattr(value, "tzinfo", None), "key", None)) is not None}
    if not names:
        return b""
    days = [value.date() if isinstance(value, datetime) else value for value in bounds]
    first, last = min(days), max(days)
    return b"".join(vtimezone_ical(name, first, last) for name in sorted(names))
