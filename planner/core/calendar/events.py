"""What goes into the calendar for one trip: appointments, rest days, flights, proposed trips."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from planner.core.calendar.zones import zone
from planner.core.catalog import Catalog
from planner.core.model import Appointment, Clinic, Flight, Plan, Preparation, Step, StepKind, TripRequest

#: zone names that mean UTC: written with "Z", never as TZID=UTC
_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Etc/GMT", "GMT", "Zulu"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_ALL_DAY_KINDS = (StepKind.LAB, StepKind.REST)
#: added to each appointment of a plan that does not work yet (no treatment named: fine in discreet mode)
NOT_YET = "This plan does not work yet: some steps are not scheduled. See your plan before booking."


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
    if name in _UTC_NAMES:
        return moment.astimezone(UTC)
    return moment.astimezone(zone(name, field))


def entries_for(
    plan: Plan,
    request: TripRequest,
    catalog: Catalog,
    *,
    confirmed: frozenset[str] = frozenset(),
    label: str = "",
    discreet: bool = False,
) -> tuple[Entry, ...]:
    """Every event of one trip, in a stable order (by start, then key)."""
    prefix = f"{one_line(label)}: " if one_line(label) else ""
    entries: list[Entry] = []
    for appointment in plan.appointments:
        clinic = _clinic(catalog, appointment)
        step = _step(catalog, appointment)
        status = "CONFIRMED" if appointment.pinned or appointment.key in confirmed else "TENTATIVE"
        entry = _appointment(appointment, step, clinic, status, prefix, discreet)
        if not plan.feasible:  # the placed part of a plan that does not work: say so where it is read
            entry = replace(entry, description=f"{entry.description}\n{NOT_YET}")
        entries.append(entry)
        if (appointment.invasive or step.invasive) and step.rest_days > 0:
            entries.append(_rest(appointment, step, clinic, status, prefix, discreet))
    for key, flight in (("flight-out", request.outbound), ("flight-home", request.inbound)):
        if flight is not None:
            entries.append(_flight(key, flight, request, prefix))
    clinic_zone = _clinic_zone(plan, catalog)
    for visit in plan.visits:
        if visit.proposed and visit.number > 1:
            first = in_zone(visit.arrival, clinic_zone, f"visit {visit.number} arrival").date()
            last = first if visit.departure is None else in_zone(visit.departure, clinic_zone, "departure").date()
            what = "Proposed trip" if discreet else f"Proposed trip {visit.number} for treatment"
            entries.append(
                Entry(
                    key=f"visit-{visit.number}",
                    title=f"{prefix}{what}",
                    start=first,
                    end=max(last, first) + timedelta(days=1),
                    status="TENTATIVE",
                    description="Dates proposed by the planner; book flights once the clinic confirms.",
                    transparent=True,
                )
            )
    return tuple(sorted(entries, key=lambda e: (_instant(e.start, clinic_zone), e.key)))


def _instant(value: datetime | date, clinic_zone: str) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime(value.year, value.month, value.day, tzinfo=ZoneInfo(clinic_zone)).astimezone(UTC)


def _clinic_zone(plan: Plan, catalog: Catalog) -> str:
    """The zone of the clinics the trip goes to (dates of all-day items are counted there)."""
    for appointment in plan.appointments:
        clinic = catalog.clinics.get(appointment.clinic)
        if clinic is not None:
            return clinic.timezone
    return "Asia/Seoul"


def _clinic(catalog: Catalog, appointment: Appointment) -> Clinic:
    try:
        return catalog.clinics[appointment.clinic]
    except KeyError:
        message = f"appointment {appointment.key}: clinic {appointment.clinic!r} is not in the catalog"
        raise ValueError(message) from None


def _step(catalog: Catalog, appointment: Appointment) -> Step:
    try:
        return catalog.protocols[appointment.protocol].step(appointment.step)
    except KeyError:
        raise ValueError(
            f"appointment {appointment.key}: step {appointment.protocol}/{appointment.step} is not in the catalog"
        ) from None


def _appointment(
    appointment: Appointment, step: Step, clinic: Clinic, status: str, prefix: str, discreet: bool
) -> Entry:
    field = f"appointment {appointment.key}"
    start = in_zone(appointment.start, appointment.timezone, f"{field} start")
    end = in_zone(appointment.end, appointment.timezone, f"{field} end")
    if end <= start:
        raise ValueError(f"{field}: end {end.isoformat()} is not after start {start.isoformat()}")
    place = one_line(f"{clinic.name}, {clinic.address}" if clinic.address else clinic.name)
    remote = appointment.kind == StepKind.REMOTE
    location = f"Video call with {place}" if remote else place
    notes = _preparations(appointment, step)
    if discreet:
        title = f"Appointment — {one_line(clinic.name)}"
        lines = ["Appointment; the details are in your plan."]
        if notes:
            lines.append("Preparation needed before this appointment; see your plan.")
        alarms = tuple(Alarm(_before(note), "Preparation reminder for your appointment") for note in notes)
    else:
        title = one_line(appointment.title or step.title)
        lines = [paragraph(step.description or step.title)]
        lines += [f"Preparation: {paragraph(note.text)}" for note in notes]
        alarms = tuple(Alarm(_before(note), f"Preparation: {one_line(note.text)}") for note in notes)
    if remote:
        lines.append(f"Times are in your home time zone ({appointment.timezone}).")
    if appointment.moved_by and not discreet:
        lines.append(f"Not earlier because {paragraph(appointment.moved_by)}.")
    if appointment.kind in _ALL_DAY_KINDS:
        return Entry(
            key=appointment.key,
            title=f"{prefix}{title}",
            start=start.date(),
            end=end.date() + timedelta(days=1),
            status=status,
            location=location,
            description="\n".join(lines),
            transparent=True,
        )
    return Entry(
        key=appointment.key,
        title=f"{prefix}{title}",
        start=start,
        end=end,
        status=status,
        location=location,
        description="\n".join(lines),
        alarms=alarms,
    )


def _preparations(appointment: Appointment, step: Step) -> tuple[Preparation, ...]:
    """The step's preparation notes, then any extra ones the scheduler attached."""
    known = {note.text for note in step.preparation}
    extra = tuple(Preparation(text) for text in appointment.preparation if text not in known)
    return step.preparation + extra


def _before(note: Preparation) -> timedelta:
    # A note without a lead time (a general instruction) is a reminder the day before.
    return timedelta(hours=note.hours_before) if note.hours_before > 0 else timedelta(days=1)


def _rest(appointment: Appointment, step: Step, clinic: Clinic, status: str, prefix: str, discreet: bool) -> Entry:
    day = in_zone(appointment.start, clinic.timezone, f"appointment {appointment.key} start").date()
    first = day + timedelta(days=1)
    title = "Rest days" if discreet else f"Rest after {one_line(appointment.title or step.title)}"
    return Entry(
        key=f"rest-{appointment.key}",
        title=f"{prefix}{title}",
        start=first,
        end=first + timedelta(days=step.rest_days),
        status=status,
        description=f"{step.rest_days} day(s) of rest: no other procedure, keep the plans light.",
        transparent=True,
    )


def _flight(key: str, flight: Flight, request: TripRequest, prefix: str) -> Entry:
    field = f"{key} departs"
    if flight.departs.tzinfo is None or flight.departs.utcoffset() is None:
        raise ValueError(f"{field}: {flight.departs.isoformat()} has no time zone; give an aware datetime")
    arrives = flight.arrives
    if arrives is None and flight.hours is not None:
        arrives = flight.departs + timedelta(minutes=int(flight.hours * 60))
    if arrives is None and key == "flight-out":
        arrives = request.arrival
    if arrives is not None and (arrives.tzinfo is None or arrives.utcoffset() is None):
        raise ValueError(f"{key} arrives: {arrives.isoformat()} has no time zone; give an aware datetime")
    if arrives is not None and arrives <= flight.departs:
        raise ValueError(f"{key}: arrival {arrives.isoformat()} is not after departure {flight.departs.isoformat()}")
    home = request.traveller.home_timezone
    origin_zone = _zone_name(flight.departs.tzinfo)
    arrival_zone = _zone_name(arrives.tzinfo) if arrives is not None else None
    if arrival_zone is None and arrives is not None:
        arrival_zone = home if key == "flight-home" else _zone_name(request.arrival.tzinfo) or "Asia/Seoul"
    if origin_zone is None:
        start = flight.departs.astimezone(UTC)
        end = arrives.astimezone(UTC) if arrives is not None else None
    else:
        start = in_zone(flight.departs, origin_zone, field)
        end = in_zone(arrives, arrival_zone, f"{key} arrives") if arrives is not None else None
    route = " → ".join(one_line(place) for place in (flight.origin, flight.destination) if one_line(place))
    title = " ".join(part for part in ("Flight", one_line(flight.number), route) if part)
    lines = [f"Departs {one_line(flight.origin) or 'origin'}: {_local(flight.departs, origin_zone)}"]
    if arrives is None:
        lines.append("Arrival time unknown.")
    else:
        lines.append(f"Arrives {one_line(flight.destination) or 'destination'}: {_local(arrives, arrival_zone)}")
    return Entry(key, f"{prefix}{title}", start, end, "CONFIRMED", description="\n".join(lines))


def _zone_name(tz: tzinfo | None) -> str | None:
    """The IANA name behind a tzinfo, or None when it is only an offset (or UTC)."""
    name = getattr(tz, "key", None)
    return None if name is None or name in _UTC_NAMES else name


def _local(moment: datetime, zone_name: str | None) -> str:
    """A local time written out for people: "2026-04-01 10:05 (Europe/Lisbon)"."""
    if zone_name is None:
        offset = moment.strftime("%z")
        return f"{moment:%Y-%m-%d %H:%M} (UTC{offset[:3]}:{offset[3:]})"
    local = in_zone(moment, zone_name, "flight")
    return f"{local:%Y-%m-%d %H:%M} ({zone_name})"
