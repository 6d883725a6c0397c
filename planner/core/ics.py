"""Plans as iCalendar files that import cleanly everywhere (the rules of CALENDAR.md)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm as ValarmComponent
from icalendar import Calendar, Event
from icalendar.prop import vDuration, vText

from planner.core.catalog import Catalog
from planner.core.ics_events import Entry, entries_for, one_line
from planner.core.ics_zones import vtimezone
from planner.core.itinerary import Plan
from planner.core.trip import TripRequest

PRODID = "-//Treatment Trip Planner//Planner Calendar 1.0//EN"
_UID_PART = re.compile(r"[A-Za-z0-9._~:+=/-]+")


class _Text(vText):
    """TEXT escaped by RFC 5545 alone: icalendar's own escaper turns a typed "\\N" into a line break."""

    __slots__ = ()

    def to_ical(self) -> bytes:
        escaped = self.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
        return escaped.encode(self.encoding)


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


def event_fingerprints(trip: TripEvents, catalog: Catalog, *, discreet: bool = False) -> dict[str, str]:
    """Event key → a short hash of what must raise SEQUENCE when it changes (time, place, status, title)."""
    return {
        entry.key: hashlib.sha256("\x1f".join(entry.fingerprint_fields).encode()).hexdigest()[:16]
        for entry in _entries(trip, catalog, discreet)
    }


def render_calendar(trips: Sequence[TripEvents], catalog: Catalog, options: CalendarOptions) -> bytes:
    """The calendar of some trips as iCalendar bytes: the same input always gives the same bytes."""
    _check_options(options)
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    # PUBLISH, never REQUEST: Outlook turns REQUEST into meeting invitations.
    calendar.add("METHOD", "PUBLISH")
    calendar.add("UID", options.calendar_uid)
    name = one_line(options.name)
    calendar.add("NAME", _Text(name))
    calendar.add("X-WR-CALNAME", _Text(name))
    if options.refresh is not None:
        # icalendar's refresh_interval setter leaves out VALUE=DURATION, and a bare timedelta
        # in an X- property renders as "12:00:00": both are written by hand here.
        calendar.add("REFRESH-INTERVAL", vDuration(options.refresh), parameters={"VALUE": "DURATION"})
        calendar.add("X-PUBLISHED-TTL", vDuration(options.refresh))
    events = []
    uids: set[str] = set()
    for index, trip in enumerate(trips):
        _check_trip(trip, index)
        for entry in _entries(trip, catalog, options.discreet):
            uid = f"{trip.uid_prefix}-{_uid_key(entry.key, options.discreet)}@{options.host}"
            if uid in uids:
                raise ValueError(f"trips[{index}].uid_prefix: event UID {uid} is already used by another event")
            uids.add(uid)
            revision = trip.revisions.get(entry.key)
            events.append(_event(entry, uid, revision, options.stamp, f"trips[{index}].revisions[{entry.key!r}]"))
    for component in _timezones(events):
        calendar.add_component(component)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def _entries(trip: TripEvents, catalog: Catalog, discreet: bool) -> tuple[Entry, ...]:
    return entries_for(trip.plan, trip.request, catalog, confirmed=trip.confirmed, label=trip.label, discreet=discreet)


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


def _event(entry: Entry, uid: str, revision: Revision | None, stamp: datetime, field_name: str) -> Event:
    """One VEVENT with its VALARMs."""
    if revision is not None and (not isinstance(revision.sequence, int) or revision.sequence < 0):
        raise ValueError(f"{field_name}.sequence: {revision.sequence!r} must be a whole number ≥ 0")
    event = Event()
    event.add("UID", uid)
    event.add("DTSTAMP", _utc(revision.stamp, f"{field_name}.stamp") if revision else _utc(stamp, "options.stamp"))
    event.add("SEQUENCE", revision.sequence if revision else 0)
    event.add("SUMMARY", _Text(entry.title))
    event.add("DTSTART", _second(entry.start))
    if entry.end is not None:
        event.add("DTEND", _second(entry.end))
    event.add("STATUS", entry.status)
    event.add("TRANSP", "TRANSPARENT" if entry.transparent else "OPAQUE")
    if entry.location:
        event.add("LOCATION", _Text(entry.location))
    if entry.description:
        event.add("DESCRIPTION", _Text(entry.description))
    for alarm in entry.alarms:
        valarm = ValarmComponent()
        valarm.add("ACTION", "DISPLAY")
        valarm.add("TRIGGER", -alarm.before)
        valarm.add("DESCRIPTION", _Text(alarm.text))
        event.add_component(valarm)
    return event


def _second(value: datetime | date) -> datetime | date:
    return value.replace(microsecond=0) if isinstance(value, datetime) else value


def _timezones(events: list[Event]) -> list:
    """A VTIMEZONE for every TZID used, covering the calendar's dates, sorted by name."""
    names: set[str] = set()
    days: list[date] = []
    for event in events:
        for prop in ("DTSTART", "DTEND"):
            if prop not in event:
                continue
            value = event.decoded(prop)
            days.append(value.date() if isinstance(value, datetime) else value)
            key = getattr(getattr(value, "tzinfo", None), "key", None)
            if key is not None:
                names.add(key)
    if not names:
        return []
    return [vtimezone(name, min(days), max(days)) for name in sorted(names)]
