"""A flight as a calendar event: each end in its own zone, both local times written out (rule 11)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from planner.core.calendar.airports import airport_zone
from planner.core.calendar.entry import UTC_NAMES, Entry, in_zone, one_line
from planner.core.model import Flight, TripRequest
from planner.i18n import ENGLISH, Words


def flight_entry(
    key: str, flight: Flight, request: TripRequest, prefix: str, clinic_zone: str, words: Words = ENGLISH
) -> Entry:
    """The flight to Korea ("flight-out") or home ("flight-home"), timed, or a note when one time is known."""
    _ = words.gettext
    outbound = key == "flight-out"
    field = f"{key} departs"
    _aware(flight.departs, field)
    arrives = flight.arrives
    if arrives is None and flight.hours is not None:
        arrives = flight.departs + timedelta(minutes=int(flight.hours * 60))
    if arrives is None and outbound:
        arrives = request.arrival
    if arrives is not None:
        _aware(arrives, f"{key} arrives")
        if arrives < flight.departs:
            raise ValueError(
                f"{key}: arrival {arrives.isoformat()} is not after departure {flight.departs.isoformat()}"
            )
    home = request.traveller.home_timezone
    # The home end is in the zone of its airport, else the traveller's home zone; the Korean end in
    # its airport's zone, else the zone its time was given in (the clinics').
    takeoff_zone = airport_zone(flight.origin) or _own_zone(flight.departs, clinic_zone, home if outbound else None)
    landing_zone = None
    if arrives is not None:
        landing_zone = airport_zone(flight.destination) or _own_zone(arrives, clinic_zone, None if outbound else home)
    offsets_only = _zone_name(flight.departs.tzinfo) is None or (
        arrives is not None and _zone_name(arrives.tzinfo) is None
    )
    if offsets_only:
        # a time given with only an offset has no zone to show: both ends in UTC
        takeoff_zone = landing_zone = None
    route = " → ".join(one_line(place) for place in (flight.origin, flight.destination) if one_line(place))
    flight_name = " ".join(part for part in (one_line(flight.number), route) if part)
    title = prefix + (_("Flight %(flight)s", flight=flight_name) if flight_name else _("Flight"))
    departs_line = _(
        "Departs %(place)s: %(time)s",
        place=one_line(flight.origin) or _("origin"),
        time=_local(flight.departs, takeoff_zone, words),
    )
    if arrives is not None and arrives == flight.departs:
        # Only one time is known (a flight number without its hours): a note on that day.
        if outbound:
            landed = _local(arrives, landing_zone, words)
            place = one_line(flight.destination) or _("Korea")
            lines = [_("Arrives %(place)s: %(time)s", place=place, time=landed), _("Take-off time unknown.")]
            day = _shown(arrives, landing_zone).date()
        else:
            lines = [departs_line, _("Arrival time unknown.")]
            day = _shown(flight.departs, takeoff_zone).date()
        return Entry(
            key, title, day, day + timedelta(days=1), "CONFIRMED", description="\n".join(lines), transparent=True
        )
    start = _shown(flight.departs, takeoff_zone)
    end = _shown(arrives, landing_zone) if arrives is not None else None
    lines = [departs_line]
    if arrives is None:
        lines.append(_("Arrival time unknown."))
    else:
        place = one_line(flight.destination) or _("destination")
        lines.append(_("Arrives %(place)s: %(time)s", place=place, time=_local(arrives, landing_zone, words)))
    return Entry(key, title, start, end, "CONFIRMED", description="\n".join(lines))


def _aware(moment: datetime, field: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{field}: {moment.isoformat()} has no time zone; give an aware datetime")


def _own_zone(moment: datetime, clinic_zone: str, home: str | None) -> str | None:
    """The zone a time was given in; for the home end, the home zone when it was given in the clinics' zone."""
    name = _zone_name(moment.tzinfo)
    if home is not None and (name is None or name == clinic_zone):
        return home
    return name


def _zone_name(tz: tzinfo | None) -> str | None:
    """The IANA name behind a tzinfo, or None when it is only an offset (or UTC)."""
    name = getattr(tz, "key", None)
    return None if name is None or name in UTC_NAMES else name


def _shown(moment: datetime, zone_name: str | None) -> datetime:
    return moment.astimezone(UTC) if zone_name is None else in_zone(moment, zone_name, "flight")


def _local(moment: datetime, zone_name: str | None, words: Words = ENGLISH) -> str:
    """A local time written out for people: "2026-04-01 10:05 (Europe/Lisbon)" (ISO date and 24-hour time
    in every language: unambiguous next to a booking; the zone stays its IANA name)."""
    if zone_name is None:
        offset = moment.strftime("%z")
        return f"{moment:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"
    return f"{_shown(moment, zone_name):%Y-%m-%d %H:%M} ({zone_name})"
